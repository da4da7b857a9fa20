"""`slipdesk-admin print` end to end: the PDF on disk, the message, the history event."""
from __future__ import annotations

from desktop import admin
from models import history
from models.slips import Slip
from models.store import open_database
from tests import printing_checks as check
from tests.domain.printout_slips import letter_slip


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
    slip = letter_slip(users["clerk"], frozen_now)
    for kind in ("slip", "transmittal", "receipt", "book-reply", "sheet", "label"):
        out = tmp_path / f"{kind}.pdf"
        args = ["print", kind, slip.number.lower(), "--db", db_url, "-o", str(out)]
        assert admin.main(args + (["--size", "c5"] if kind == "label" else [])) == 0
        assert slip.number in check.text(out.read_bytes())
    open_database(db_url)
    kinds = [e.details["kind"] for e in history.events_of(Slip.get_by_id(slip.id)) if e.action == "printed"]
    assert kinds == ["slip", "transmittal", "receipt", "book-reply", "sheet", "label"]


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
    assert "letter only" in err and "no user named 'nobody'" in err
