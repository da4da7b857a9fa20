"""`slipdesk-admin print` end to end: the PDF on disk, the message, the history event."""
from __future__ import annotations

import pytest

from desktop.commands import admin
from models import history
from models.slips import Slip
from models.connection import open_database
from models.vocab import Status
from printouts.kinds import make
from tests import printing_checks as check
from tests.domain.printout_slips import book_slip, going_up, letter_slip, onsite_slip
from tests.support.slips import slip_in


def test_print_letter_writes_a_draft_and_logs_it(db, db_url, users, frozen_now, tmp_path, capsys):
    slip = letter_slip(users["clerk"], frozen_now)
    out = tmp_path / "letters" / "reply.pdf"
    code = admin.main(["print", "letter", slip.number, "--db", db_url, "-o", str(out), "--user", "supervisor"])
    assert code == 0
    assert "as DRAFT" in capsys.readouterr().out
    text = check.text(out.read_bytes())
    assert slip.number in text and "尊敬的张先生：" in text and check.watermarked(out.read_bytes())
    open_database(db_url)
    event = history.events_of(Slip.get_by_id(slip.id))[-1]
    assert (event.action, event.actor) == ("printed", "李慧")
    assert event.details == {"kind": "letter", "lang": "zh", "draft": True, "to": "pdf"}


def test_print_letter_body_from_a_file_in_english(db, db_url, users, frozen_now, tmp_path):
    slip = letter_slip(users["clerk"], frozen_now)
    body = tmp_path / "body.txt"
    body.write_text("We repaired the lift on 23 November.\n\nThank you for your patience.", encoding="utf-8")
    out = tmp_path / "reply.pdf"
    assert admin.main(["print", "letter", slip.number, "--db", db_url, "-o", str(out), "--lang", "en",
                       "--body-file", str(body)]) == 0
    text = check.text(out.read_bytes())
    assert "We repaired the lift on 23 November." in text and "Dear Mr Zhang," in text
    assert check.watermarked(out.read_bytes())


def test_print_every_kind(db, db_url, users, frozen_now, tmp_path):
    slip = going_up(letter_slip(users["clerk"], frozen_now), users["clerk"])
    for kind in ("slip", "transmittal", "receipt", "book-reply", "sheet", "label"):
        out = tmp_path / f"{kind}.pdf"
        args = ["print", kind, slip.number.lower(), "--db", db_url, "-o", str(out)]
        assert admin.main(args + (["--size", "c5"] if kind == "label" else [])) == 0
        assert slip.number in check.text(out.read_bytes())
    open_database(db_url)
    kinds = [e.details["kind"] for e in history.events_of(Slip.get_by_id(slip.id)) if e.action == "printed"]
    assert kinds == ["slip", "transmittal", "receipt", "book-reply", "sheet", "label"]


def test_a_transmittal_for_a_slip_that_never_went_up_is_refused(db, db_url, users, frozen_now, tmp_path, capsys):
    slip = letter_slip(users["clerk"], frozen_now)
    out = tmp_path / "transmittal.pdf"
    assert admin.main(["print", "transmittal", slip.number, "--db", db_url, "-o", str(out)]) == 2
    assert "never went up" in capsys.readouterr().err
    assert not out.exists()


def test_unknown_number_is_a_clear_error(db, db_url, users, frozen_now, tmp_path, capsys):
    code = admin.main(["print", "slip", "TS-2026-999999", "--db", db_url, "-o", str(tmp_path / "x.pdf")])
    assert code == 2
    assert "no slip numbered 'TS-2026-999999'" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_body_only_for_letters_and_unknown_user(db, db_url, users, frozen_now, tmp_path, capsys):
    slip = letter_slip(users["clerk"], frozen_now)
    assert admin.main(["print", "slip", slip.number, "--db", db_url, "-o", str(tmp_path / "a.pdf"),
                       "--body", "x"]) == 2
    assert admin.main(["print", "slip", slip.number, "--db", db_url, "-o", str(tmp_path / "a.pdf"),
                       "--user", "nobody"]) == 2
    err = capsys.readouterr().err
    assert "letter only" in err and "no active account “nobody”" in err


def printed(slip_id: int) -> list[tuple[str, dict]]:
    return [(e.actor, e.details) for e in history.events_of(Slip.get_by_id(slip_id)) if e.action == "printed"]


def test_print_several_slips_as_one_pdf(db, db_url, users, frozen_now, tmp_path, capsys):
    slips = [letter_slip(users["clerk"], frozen_now), onsite_slip(users["clerk"], frozen_now),
             book_slip(users["clerk"], frozen_now)]
    out = tmp_path / "batch.pdf"
    code = admin.main(["print", "slip", *[s.number.lower() for s in slips], "--db", db_url, "-o", str(out),
                       "--user", "supervisor"])
    assert code == 0
    assert "wrote 3 handling slips as one PDF" in capsys.readouterr().out
    pdf = out.read_bytes()
    assert check.pages(pdf) == sum(check.pages(make("slip", s).pdf) for s in slips)
    assert all(s.number in check.text(pdf) for s in slips)
    open_database(db_url)
    for slip in slips:
        assert printed(slip.id) == [("李慧", {"kind": "slip", "lang": "zh", "draft": False, "to": "pdf"})]


def test_print_every_open_slip(db, db_url, users, frozen_now, tmp_path):
    open_ones = [letter_slip(users["clerk"], frozen_now), onsite_slip(users["clerk"], frozen_now)]
    closed = slip_in(Status.CLOSED, users)
    out = tmp_path / "open.pdf"
    assert admin.main(["print", "slip", "--all-open", "--db", db_url, "-o", str(out)]) == 0
    text = check.text(out.read_bytes())
    assert all(s.number in text for s in open_ones) and closed.number not in text
    assert text.index(open_ones[0].number) < text.index(open_ones[1].number)
    open_database(db_url)
    assert [len(printed(s.id)) for s in (*open_ones, closed)] == [1, 1, 0]


@pytest.mark.parametrize("extra, message", [
    (["TS-2026-999999"], "no slip numbered 'TS-2026-999999'"),
    (["--all-open"], "give slip numbers or --all-open, not both"),
])
def test_a_refused_batch_writes_and_logs_nothing(db, db_url, users, frozen_now, tmp_path, capsys, extra, message):
    slip = letter_slip(users["clerk"], frozen_now)
    out = tmp_path / "batch.pdf"
    assert admin.main(["print", "slip", slip.number, *extra, "--db", db_url, "-o", str(out)]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()
    open_database(db_url)
    assert printed(slip.id) == []


def test_only_the_slip_form_prints_in_a_batch(db, db_url, users, frozen_now, tmp_path, capsys):
    slips = [letter_slip(users["clerk"], frozen_now), onsite_slip(users["clerk"], frozen_now)]
    out = tmp_path / "letters.pdf"
    assert admin.main(["print", "letter", *[s.number for s in slips], "--db", db_url, "-o", str(out)]) == 2
    assert admin.main(["print", "letter", "--db", db_url, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "only the handling slip prints in a batch" in err and "give a slip number" in err
    assert not out.exists()
