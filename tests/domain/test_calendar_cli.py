"""`slipdesk-admin calendar show YEAR` and `calendar import FILE [--year YEAR] [--dry-run]` end to end,
on each backend: what it understood, what would change, all or nothing, exit 2 on anything unreadable."""
from __future__ import annotations

import datetime as dt

import pytest

from desktop.commands import admin
from models import audit, workcalendar
from models.connection import open_database
from tests.domain.test_working_calendar import ENTERED_2027, at
from tests.support.slips import received_slip


def run(db_url: str, capsys, *argv: str) -> tuple[int, str, str]:
    code = admin.main(["calendar", *argv, "--db", db_url])
    captured = capsys.readouterr()
    open_database(db_url)  # the command closed the test's connection when it opened its own
    return code, captured.out, captured.err


def test_show_a_complete_and_a_missing_year(db, db_url, capsys):
    code, out, _ = run(db_url, capsys, "show", "2026")
    assert code == 0
    assert out.startswith("2026: complete — from the chinese-calendar package")
    assert "National Day: off 2026-10-01 Thu – 2026-10-07 Wed (7 days); worked 2026-09-20 Sun, 2026-10-10 Sat" in out
    assert " 1休 2休 3休 4班" in out  # January in the month grid
    code, out, _ = run(db_url, capsys, "show", "2027")
    assert code == 0 and out.startswith("2027: MISSING. Deadlines in 2027 count plain weekdays, an estimate.")


def test_import_a_notice_dry_run_then_for_real(db, db_url, users, frozen_now, tmp_path, capsys):
    slip = received_slip(users["clerk"], deadline=at("2027-01-04 12:00"))
    notice = tmp_path / "2027年节假日安排.txt"
    notice.write_text(ENTERED_2027, encoding="gb18030")  # as a Chinese editor may save it
    code, out, _ = run(db_url, capsys, "import", str(notice), "--dry-run")
    assert code == 0
    assert "read as the notice's text for 2027:" in out
    assert "春节: off 2027-02-05 Fri – 2027-02-13 Sat; worked 2027-02-14 Sun, 2027-02-20 Sat" in out
    assert "2027 is missing now: it becomes complete." in out and "  + 2027-01-01 Fri holiday New Year's Day" in out
    assert f"{slip.number}: agreed 2027-01-04 12:00, 263.0 working hour(s) left → now ends 2027-01-05 12:00" in out
    assert out.rstrip().endswith("nothing saved (--dry-run)")
    assert workcalendar.schedule_of(2027) is None and not audit.recent("calendar_year")

    code, out, _ = run(db_url, capsys, "import", str(notice), "--year", "2027", "--as", "manager")
    assert code == 0 and out.rstrip().endswith("saved 2027: 14 days")
    assert workcalendar.year_record(2027).source == "notice"
    assert audit.recent("calendar_year")[0].user_id == users["manager"].id
    code, out, _ = run(db_url, capsys, "import", str(notice))
    assert code == 0 and out.rstrip().endswith("2027 already reads so: nothing to save")


def test_a_file_of_make_up_days_alone_reads_them_plainly(db, db_url, tmp_path, capsys):
    """An .ics or .csv lists a make-up day as its own event: no dangling separator before it."""
    table = tmp_path / "2027.csv"
    table.write_text("日期,类型,名称\n2027-01-01,休,元旦\n2027-02-20,班,春节\n", encoding="utf-8")
    code, out, _ = run(db_url, capsys, "import", str(table), "--dry-run")
    assert code == 0
    assert "  春节: worked 2027-02-20 Sat\n" in out and "  元旦: off 2027-01-01 Fri\n" in out


def test_a_bad_notice_is_listed_line_by_line_and_nothing_is_saved(db, db_url, users, tmp_path, capsys):
    notice = tmp_path / "notice.txt"
    notice.write_text(ENTERED_2027.replace("2月5日", "2月30日").replace("1月1日（周五）", "1月1日（周一）"), encoding="utf-8")
    code, out, _ = run(db_url, capsys, "import", str(notice))
    assert code == 2
    assert "line 2: 2027-01-01 is a Friday, not a Monday." in out
    assert "line 3: 2027-02-30 does not exist." in out
    assert "line 3: 春节: the notice says 9 days, the dates give 1." in out
    assert out.rstrip().endswith(f"nothing saved: 3 problems in {notice}")
    assert workcalendar.schedule_of(2027) is None


@pytest.mark.parametrize("name, content, words", [
    ("missing.txt", None, "Cannot read"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "is not a text file"),
    ("broken.ics", b"BEGIN:VCALENDAR\r\nthis is not", "Not an iCalendar"),
])
def test_an_unreadable_file_exits_2_with_a_clear_message(db, db_url, tmp_path, capsys, name, content, words):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    code, out, err = run(db_url, capsys, "import", str(path))
    assert code == 2 and words in err and "Traceback" not in err + out
    assert err.startswith("slipdesk-admin calendar: ")


def test_an_empty_file_and_a_wrong_year_exit_2(db, db_url, users, tmp_path, capsys):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    code, out, _ = run(db_url, capsys, "import", str(empty))
    assert code == 2 and "the file: The file is empty." in out
    notice = tmp_path / "n.txt"
    notice.write_text(ENTERED_2027, encoding="utf-8")
    code, out, _ = run(db_url, capsys, "import", str(notice), "--year", "2028")
    assert code == 2 and "The notice is for 2027, not 2028." in out
    assert workcalendar.missing_years(2027, 2028) == [2027, 2028]


def test_no_manager_no_change(db, db_url, tmp_path, capsys):
    notice = tmp_path / "n.txt"
    notice.write_text(ENTERED_2027, encoding="utf-8")
    code, _, err = run(db_url, capsys, "import", str(notice))
    assert code == 2 and "no active manager account" in err
    assert workcalendar.schedule_of(2027) is None
    assert dt.date(2027, 1, 1) not in workcalendar.current().marks
