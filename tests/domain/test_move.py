"""slipdesk-admin move: a one-desk SQLite estate brought into the company database whole, its
history chains intact; all or nothing, refused on a clash, run again after an interruption."""
from __future__ import annotations

import hashlib

import pytest

from desktop.commands import admin
from models import history, integrity, intake, moves, settings
from models.accounts import User, authenticate
from models.db import database
from models.replies import Reply
from models.changes import Change, change_slip
from models.slips import Attachment, Slip, store_attachment
from models.connection import close_database, open_database
from tests.support.company import PG_ADMIN_URL, create_company, drop_company, run_admin
from tests.support.slips import phone_intake

pytestmark = pytest.mark.skipif(not PG_ADMIN_URL, reason="needs the PostgreSQL test server (SLIPDESK_TEST_PG)")
LOGO = b"\x89PNG\r\n\x1a\n" + b"logo" * 50


@pytest.fixture
def company():
    made = create_company()
    yield made
    drop_company(made)


def _desk(path, slips: int = 40) -> dict:
    """A desk's file with demo slips, a scanned letter and a letterhead logo; what it holds."""
    run_admin("demo", "--db", str(path), "--slips", str(slips))
    open_database(path)
    slip = Slip.select().order_by(Slip.id).first()
    scans = []

    def attach(stored: Slip) -> Change:  # a scan added to the slip, recorded in its history
        scans.append(store_attachment(stored, "scan.png", LOGO, user=User.get(User.username == "clerk")))
        return Change("edited", data={"attachment": "scan.png"}, transition=False)

    change_slip(slip.id, User.get(User.username == "clerk"), slip.version, attach)
    scan = scans[0]
    manager = User.get(User.username == "manager")
    settings.put("estate.logo_attachment", scan.id, manager)
    settings.put("estate.address", "上海市闵行区翠湖路 1 号", manager)
    held = {
        "numbers": sorted(s.number for s in Slip.select()),
        "heads": {s.number: s.history_head for s in Slip.select()},
        "events": sum(s.event_count for s in Slip.select()),
        "replies": Reply.select().count(),
        "users": sorted(u.username for u in User.select()),
        "attachments": sorted(a.sha256 for a in Attachment.select()),
    }
    close_database()
    return held


def _holdings() -> dict:
    return {
        "numbers": sorted(s.number for s in Slip.select()),
        "heads": {s.number: s.history_head for s in Slip.select()},
        "events": sum(s.event_count for s in Slip.select()),
        "replies": Reply.select().count(),
        "users": sorted(u.username for u in User.select()),
        "attachments": sorted(a.sha256 for a in Attachment.select()),
    }


def test_a_moved_desk_verifies_in_its_estate(company, tmp_path):
    desk = tmp_path / "desk.db"
    before = _desk(desk)
    desk_bytes = hashlib.sha256(desk.read_bytes()).hexdigest()
    printed = run_admin("move", "--from", str(desk), "--to", company.owner_url, "--estate", "A")
    assert f"moved {len(before['numbers'])} slips into estate A" in printed  # the demo's showcase slips too
    assert hashlib.sha256(desk.read_bytes()).hexdigest() == desk_bytes  # the desk's file untouched

    company.open_as("A")
    assert _holdings() == before
    assert list(history.verify_all()) == [] and integrity.missing_slips() == []
    assert authenticate("clerk", "demo1234").username == "clerk"  # the desk's accounts sign in
    logo = Attachment.get_by_id(settings.get("estate.logo_attachment"))
    assert bytes(logo.data) == LOGO and logo.slip.number == before["numbers"][0]
    assert settings.get("estate.address") == "上海市闵行区翠湖路 1 号"
    new = intake.save(phone_intake(), User.get(User.username == "clerk"))  # the desk goes on, as estate A
    assert new.number.startswith("YG-2026-")
    assert history.verify_slip(new) is None and list(history.verify_all()) == []
    close_database()
    verified = run_admin("verify", "--db", company.urls["A"])
    assert f"the history of all {len(before['numbers']) + 1} slips verifies" in verified

    company.open_as("B")
    assert Slip.select().count() == 0  # nothing of the desk is B's
    close_database()


def test_a_move_is_refused_on_a_clash_and_changes_nothing(company, tmp_path, capsys):
    desk = tmp_path / "desk.db"
    held = _desk(desk, slips=12)
    run_admin("move", "--from", str(desk), "--to", company.owner_url, "--estate", "A")
    other = tmp_path / "other.db"
    _desk(other, slips=3)
    capsys.readouterr()
    assert admin.main(["move", "--from", str(other), "--to", company.owner_url, "--estate", "A"]) == 2
    assert "has slips or accounts already" in capsys.readouterr().err
    assert admin.main(["move", "--from", str(desk), "--to", company.owner_url, "--estate", "B"]) == 2
    assert "moved into the company's database before" in capsys.readouterr().err
    assert admin.main(["move", "--from", str(desk), "--to", company.owner_url, "--estate", "Z"]) == 2
    assert "no estate with the code Z" in capsys.readouterr().err
    company.open_as("B")
    assert Slip.select().count() == 0 and User.select().count() == 0
    close_database()
    company.open_as("A")
    assert Slip.select().count() == len(held["numbers"])
    close_database()


def test_an_interrupted_move_leaves_nothing_and_runs_again(company, tmp_path, monkeypatch):
    desk = tmp_path / "desk.db"
    before = _desk(desk, slips=15)
    copy_table = moves._copy_table
    copied = []

    def interrupted(desk_connection, plan, offsets):
        if plan.table == "slip_event":  # slips, accounts and units written: the power goes
            raise KeyboardInterrupt
        copied.append(plan.table)
        return copy_table(desk_connection, plan, offsets)

    monkeypatch.setattr(moves, "_copy_table", interrupted)
    assert admin.main(["move", "--from", str(desk), "--to", company.owner_url, "--estate", "B"]) == 130
    assert "slip" in copied
    company.open_as("B")
    assert Slip.select().count() == 0 and User.select().count() == 0
    assert database.execute_sql("SELECT count(*) FROM category").fetchone()[0] == 11  # its seeds as they were
    close_database()

    monkeypatch.setattr(moves, "_copy_table", copy_table)
    run_admin("move", "--from", str(desk), "--to", company.owner_url, "--estate", "B")
    company.open_as("B")
    assert _holdings() == before
    assert list(history.verify_all()) == []
    close_database()
