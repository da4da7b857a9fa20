"""The review's PDF and XLSX hold the hand-computed figures of the test month; the admin command."""
from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from desktop.commands import admin
from models import audit, review
from printouts.review_export import export_review, format_of
from tests import printing_checks as pdf_check
from models.slips import Slip
from tests.support.review_month import build

NOVEMBER = review.parse_period("2026-11")

pytestmark = pytest.mark.tampers  # the month is arranged with direct updates (tests/support/review_month.py)


@pytest.fixture
def november(db, users):
    build(users["clerk"])
    return NOVEMBER


def test_the_pdf_holds_the_months_figures(november):
    pdf = export_review(november, "pdf")
    text = pdf_check.flat(pdf_check.text(pdf, "-layout"))
    expected_rows = [
        "投诉情况月度总结与检讨", "2026年11月", "(上期2,+3)",
        "现场口头投诉240%", "电话投诉120%", "意见簿120%", "信函投诉120%", "合计5",
        "噪音扰民240%", "漏水维修120%", "3号楼35号楼2",
        "当场答复120%", "处理权限内360%", "超出处理权限120%",
        "本期到期5", "按时回复240%", "逾期回复120%", "已逾期，未回复120%", "未到期、未回复120%",
        "受理至首次回复227.027.048.0", "受理至结案356.072.072.0", "本期结案4",
        "客户不认可、重新处理的投诉单1", "重新处理次数1",
        "7很满意125%", "6满意125%", "5较满意125%", "3不太满意125%", "已测评4", "问题已解决3", "问题未解决1",
        "建议125%", "心机125%", "逼迫满足曝光威胁125%", "已确认动机4/5",
        "3-2-12013", "5-1-3022", "张三3-2-12013",
        "TS-2026-000005李四5-1-3022026-11-1314:00已报上级已逾期",
        "TS-2026-000006王五5-1-3022026-11-2617:00处理中未到期",
    ]
    missing = [row for row in expected_rows if row not in text]
    assert missing == []
    assert all(font.embedded for font in pdf_check.fonts(pdf))


def test_the_english_pdf(november):
    text = pdf_check.flat(pdf_check.text(export_review(november, "pdf", "en"), "-layout"))
    assert "Monthlycomplaintreview" in text and "November2026" in text
    assert "On-site(spoken)240%" in text and "Receivedtofirstreply227.027.048.0" in text


def _rows(sheet) -> dict[str, tuple]:
    """Each row by its first cell's text (the first such row wins)."""
    found: dict[str, tuple] = {}
    for row in sheet.iter_rows(values_only=True):
        if row and isinstance(row[0], str):
            found.setdefault(row[0], row[1:])
    return found


def test_the_workbook_holds_the_months_figures(november):
    book = load_workbook(io.BytesIO(export_review(november, "xlsx")))
    summary, repeats, promises, staff = book.worksheets
    rows = _rows(summary)
    assert rows["受理投诉"][0] == 5 and rows["上期"][0] == 2
    assert rows["按约定时限回复"][0] == pytest.approx(0.5)
    assert rows["满意率（较满意及以上）"][0] == pytest.approx(0.75)
    assert rows["现场口头投诉"][:2] == (2, pytest.approx(0.4))
    assert rows["超出处理权限"][0] == 1
    assert rows["已逾期，未回复"][0] == 1 and rows["未到期、未回复"][0] == 1
    assert rows["受理至首次回复"][:4] == (2, 27.0, 27.0, 48.0)
    assert rows["受理至结案"][:4] == (3, 56.0, 72.0, 72.0)
    assert rows["很满意"][0] == 1 and rows["不太满意"][0] == 1 and rows["一般"][0] == 0
    assert rows["问题未解决"][0] == 1 and rows["已确认动机"][0] == 4
    assert len(summary._charts) == 2
    assert [(r[0], r[1]) for r in repeats.iter_rows(min_row=3, max_row=4, values_only=True)] == [
        ("3-2-1201", 3), ("5-1-302", 2)]
    listed = [r[0] for r in promises.iter_rows(min_row=3, values_only=True) if r[0]]
    assert listed == ["TS-2026-000005", "TS-2026-000006"]


def test_report_command_writes_pdf_and_xlsx_and_audits(november, db_url, tmp_path, capsys):
    for name in ("review.pdf", "review.xlsx"):
        target = tmp_path / name
        code = admin.main(["report", "--period", "2026-11", "--db", db_url, "-o", str(target), "--user", "manager"])
        assert code == 0 and target.stat().st_size > 1000
        assert format_of(target) in ("pdf", "xlsx")
    assert "wrote the review of November 2026" in capsys.readouterr().out
    from models.connection import open_database
    open_database(db_url)
    exports = audit.recent("review_exported")
    assert [e.details["format"] for e in exports] == ["xlsx", "pdf"]


def test_report_command_refuses_clearly(november, db_url, tmp_path, capsys):
    assert admin.main(["report", "--period", "2026-11", "--db", db_url, "-o", str(tmp_path / "r.doc")]) == 2
    assert admin.main(["report", "--period", "2026-13", "--db", db_url, "-o", str(tmp_path / "r.pdf")]) == 2
    assert admin.main(["report", "--period", "2026-11", "--db", db_url, "-o", str(tmp_path / "r.pdf"),
                       "--user", "clerk"]) == 2
    err = capsys.readouterr().err
    assert ".pdf or an .xlsx" in err and "2026-W47" in err and "Only a supervisor or manager" in err
    assert not (tmp_path / "r.pdf").exists()


def test_the_review_names_no_phone_and_no_address(november):
    """A review goes to persons in charge; phones and addresses leave only by a manager's audited export."""
    Slip.update(address=Slip.unit_code.concat("室 阳光花园"), sender_address="上海市浦东新区阳光路88号",
                email="zhangsan@example.com", caller_number="02158881234").execute()
    personal = {value for slip in Slip.select() for value in
                (slip.phone, slip.address, slip.sender_address, slip.email, slip.caller_number) if value}
    pdf_text = pdf_check.flat(pdf_check.text(export_review(november, "pdf"), "-layout"))
    book = load_workbook(io.BytesIO(export_review(november, "xlsx")))
    cells = " ".join(str(value) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
                     for value in row if value is not None)
    assert "张三3-2-12013" in pdf_text and "张三 3-2-1201 3" in cells  # named with the unit instead
    assert [value for value in personal if value.replace(" ", "") in pdf_text or value in cells] == []
    assert "电话" not in pdf_text.replace("电话投诉", "") and "电话" not in cells.replace("电话投诉", "")
