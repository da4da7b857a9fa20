"""`slipdesk-admin verify` end to end: each kind of tampering a person with the database file (or
a psql prompt) could do is reported as the first break, with the slip's number and event, and
exit status 1; a slip deleted whole, with its history, is reported by its missing number."""
from __future__ import annotations

import peewee
import pytest

from desktop.commands import admin
from models import history, integrity
from models.history import SlipEvent, _digest
from models.slips import Slip, SlipCounter
from models.connection import open_database
from models.vocab import Status
from tests.support.slips import slip_in

pytestmark = pytest.mark.tampers  # tampering is what these tests do


@pytest.fixture
def three_slips(db, users, frozen_now):
    """Three replied slips of four events each; the middle one is the one tampered with."""
    return [slip_in(Status.REPLIED, users) for _ in range(3)]


def verify(db_url: str, capsys) -> tuple[int, list[str]]:
    code = admin.main(["verify", "--db", db_url])
    lines = capsys.readouterr().out.splitlines()
    open_database(db_url)  # the command closed the test's connection when it opened its own
    return code, lines


def event(slip: Slip, seq: int) -> SlipEvent:
    return SlipEvent.get((SlipEvent.slip == slip.id) & (SlipEvent.seq == seq))


def test_an_intact_database_verifies(three_slips, db_url, capsys):
    code, lines = verify(db_url, capsys)
    assert code == 0
    assert lines[-1].endswith("the history of all 3 slips verifies")
    assert not [line for line in lines if "BREAK" in line or "MISSING" in line]


def test_an_edited_event_is_the_first_break(three_slips, db_url, capsys):
    target = three_slips[1]
    SlipEvent.update(note="业主同意不再追究").where(SlipEvent.id == event(target, 3).id).execute()
    code, lines = verify(db_url, capsys)
    assert code == 1
    assert lines[0] == f"FIRST BREAK: {target.number} event 3: content edited after it was recorded"
    assert "1 slip of 3 has a broken history" in lines[1]


def test_an_inserted_event_is_the_first_break(three_slips, db_url, capsys):
    """A forged event slipped in after the first, its own hash computed the way Slipdesk does it,
    the later events moved down a place: the next event no longer follows it."""
    target = three_slips[1]
    first = event(target, 1)
    for seq in (4, 3, 2):  # from the newest, so that (slip, seq) stays unique at each step
        SlipEvent.update(seq=seq + 1).where(SlipEvent.id == event(target, seq).id).execute()
    forged = dict(slip=target.id, seq=2, at=first.at, user=first.user_id, actor=first.actor, action="note",
                  from_status="", to_status="", note="业主撤回投诉", data="{}", prev_hash=first.hash)
    forged["hash"] = _digest(first.hash, target.number, 2, first.at, first.user_id, first.actor, "note", "", "",
                             "业主撤回投诉", "{}")
    SlipEvent.insert(**forged).execute()
    code, lines = verify(db_url, capsys)
    assert code == 1
    assert lines[0] == (f"FIRST BREAK: {target.number} event 3: "
                        "does not follow the previous event (inserted or reordered)")


@pytest.mark.parametrize("seq, problem", [(2, "event missing (deleted)"), (4, "the newest events were deleted")])
def test_a_deleted_event_is_the_first_break(three_slips, db_url, capsys, seq, problem):
    target = three_slips[1]
    SlipEvent.delete().where(SlipEvent.id == event(target, seq).id).execute()
    code, lines = verify(db_url, capsys)
    assert code == 1
    assert lines[0] == f"FIRST BREAK: {target.number} event {seq}: {problem}"


def test_only_the_first_break_is_called_first(three_slips, db_url, capsys):
    for slip in three_slips[1:]:
        SlipEvent.update(actor="某人").where(SlipEvent.id == event(slip, 2).id).execute()
    code, lines = verify(db_url, capsys)
    assert code == 1
    assert lines[:2] == [f"FIRST BREAK: {three_slips[1].number} event 2: content edited after it was recorded",
                         f"also: {three_slips[2].number} event 2: content edited after it was recorded"]


def delete_whole(slip: Slip) -> None:
    """What leaves every chain intact: the slip and all that hangs on it, history included."""
    Slip.get_by_id(slip.id).delete_instance(recursive=True)


@pytest.mark.parametrize("which", [1, 2])
def test_a_slip_deleted_with_its_history_is_reported_by_its_number(three_slips, db_url, capsys, which):
    gone = three_slips[which]
    delete_whole(gone)
    assert list(history.verify_all()) == []  # what the chain alone sees: nothing
    code, lines = verify(db_url, capsys)
    assert code == 1
    assert f"MISSING: slip {gone.number} is missing (deleted with its history)" in lines
    assert lines[-1].endswith("1 slip number issued but held by no slip: deleted slips")


def test_deleted_runs_are_reported_as_runs_in_chinese(db, db_url, users, frozen_now, capsys, monkeypatch):
    slips = [slip_in(Status.RECEIVED, users) for _ in range(6)]
    for slip in slips[1:4] + slips[5:]:
        delete_whole(slip)
    assert [(gap.first, gap.last) for gap in integrity.missing_slips()] == [(2, 4), (6, 6)]
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code, lines = verify(db_url, capsys)
    assert code == 1
    assert f"缺失：3 张处理单 {slips[1].number} … {slips[3].number} 缺失（连同其记录被删除）" in lines
    assert f"缺失：处理单 {slips[5].number} 缺失（连同其记录被删除）" in lines
    assert "4 个已发出的处理单编号找不到处理单" in lines[-1]


def test_a_year_whose_slips_are_all_gone_is_reported(db, users, frozen_now):
    slip = slip_in(Status.RECEIVED, users)
    delete_whole(slip)
    SlipCounter.insert(year=2025, last=2).execute()  # a year of two slips, both deleted
    assert [(g.year, g.first, g.last) for g in integrity.missing_slips()] == [(2025, 1, 2), (2026, 1, 1)]


def test_a_rolled_back_save_leaves_no_gap(db, users, frozen_now):
    """The number is taken in the transaction that saves the slip: a save that fails gives it back
    (on PostgreSQL too, where the counter is a row, not a SEQUENCE, for this reason)."""
    from models.db import write_transaction
    from tests.support.slips import received_slip

    received_slip(users["clerk"])
    with pytest.raises(peewee.IntegrityError):
        with write_transaction():
            from models.slips import next_number

            next_number(frozen_now.year)
            Slip.create(number=Slip.get().number, year=frozen_now.year, seq=99)  # a clash: rolled back
    received_slip(users["clerk"])
    assert integrity.missing_slips() == []
    assert [s.seq for s in Slip.select().order_by(Slip.seq)] == [1, 2]


def test_a_demo_database_has_no_gaps(tmp_path, capsys):
    """The demo writer numbers its slips from the same counter, batch by batch: no gap to explain."""
    path = str(tmp_path / "demo.db")
    assert admin.main(["demo", "--db", path, "--slips", "200"]) == 0
    assert admin.main(["verify", "--db", path]) == 0
    output = capsys.readouterr().out
    assert "and 26 slips more through the desk's last working days" in output  # as `slipdesk --demo` opens
    assert "the history of all 226 slips verifies" in output
