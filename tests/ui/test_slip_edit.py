"""Correcting a slip, and two desks correcting the same slip: the second save shows what the other
desk changed and lets the clerk merge — never a silent overwrite."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from desktop.slips import edit as slip_edit
from desktop.slips.view import SlipView
from forms import asking
from models import drafts, edits, history, intake
from models.slips import Slip
from tests.support.slips import phone_intake

MINE = "住户反映：楼道声控灯坏了一周，晚上老人摔了一跤。"
THEIRS = "楼道声控灯坏了一周，已报工程部。"


@pytest.fixture(autouse=True)
def _closing_discards(monkeypatch):
    monkeypatch.setattr(asking, "discard", lambda parent, what, count=1: True)


@pytest.fixture
def slip(session, users):
    return intake.save(phone_intake(), users["clerk"])


def open_correction(qtbot, session, slip_id: int) -> slip_edit.SlipEditWindow:
    """From the slip view's action bar, as the clerk does."""
    view = SlipView(session, slip_id)
    qtbot.addWidget(view)
    (action,) = [a for a in view.action_bar.actions() if a.objectName() == "correct"]
    action.trigger()
    window = slip_edit._open[slip_id]
    qtbot.addWidget(window)
    return window


class SecondDesk:
    """Another desk in its own process (tests/support/desk.py), on the same database."""

    def __init__(self, db_path: str, username: str):
        self.process = subprocess.Popen([sys.executable, "-m", "tests.support.desk", db_path, username],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.ask() == {"ready": True}

    def ask(self, command: dict | None = None) -> dict:
        if command is not None:
            self.process.stdin.write(json.dumps(command, ensure_ascii=False) + "\n")
            self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)
        self.process.stdout.close()


def test_a_correction_is_saved_with_its_history_and_leaves_no_draft(qtbot, session, users, slip):
    window = open_correction(qtbot, session, slip.id)
    form = window.form
    assert form.editors["complaint"].toPlainText() == slip.complaint
    form.editors["complaint"].setPlainText(MINE)
    form.editors["address"].setText("阳光花园3号楼2单元1201室")
    assert set(window.changes()) == {"complaint", "address"}  # only what the clerk touched is sent
    with qtbot.waitSignal(window.autosave.saved, timeout=5000):
        pass
    (draft,) = drafts.drafts_of(users["clerk"])
    assert draft.kind == "edit" and draft.slip_id == slip.id
    with qtbot.waitSignal(session.slip_saved, timeout=5000):
        window.save_button.click()
    stored = Slip.get_by_id(slip.id)
    assert stored.complaint == MINE and stored.address == "阳光花园3号楼2单元1201室"
    assert stored.version == slip.version + 1
    event = history.events_of(stored)[-1]
    assert event.action == "edited" and event.actor == "张小梅"
    assert drafts.drafts_of(users["clerk"]) == []


def test_a_wrong_phone_number_is_shown_beside_the_field_and_nothing_is_saved(qtbot, session, slip):
    window = open_correction(qtbot, session, slip.id)
    window.form.editors["phone"].setText("12345")
    assert not window.save()
    assert window.form.rows["phone"].message
    assert window.form.editors["phone"].text() == "12345"  # kept as typed
    assert Slip.get_by_id(slip.id).version == slip.version


def test_second_desk_saved_in_between_the_clerk_merges_field_by_field(qtbot, session, users, slip, sqlite_db):
    window = open_correction(qtbot, session, slip.id)
    form = window.form
    form.editors["complaint"].setPlainText(MINE)  # both desks change the complaint
    form.editors["phone"].setText("13900001111")  # only this desk changes the phone

    other = SecondDesk(sqlite_db.obj.database, "clerk2")
    try:
        assert other.ask({"open": slip.id}) == {"version": slip.version}
        assert other.ask({"edit": {"complaint": THEIRS, "address": "3号楼门卫室转交"}}) == {"saved": slip.version + 1}
    finally:
        other.close()

    assert not window.save()  # refused: the slip changed since this desk opened it
    merge = window.merge_dialog
    assert merge is not None and merge.isVisible()
    assert Slip.get_by_id(slip.id).complaint == THEIRS  # nothing overwritten
    assert set(merge.changes) == {"complaint", "phone", "address"}
    complaint = merge.changes["complaint"]
    assert (complaint.base, complaint.theirs, complaint.mine) == (slip.complaint, THEIRS, MINE)
    assert merge.picks() == {"complaint": None, "phone": "mine", "address": "theirs"}
    assert not merge.save_button.isEnabled() and "the field you both changed" in merge.message.text()
    merge.pick("complaint", slip_edit.MINE)
    assert merge.save_button.isEnabled()
    with qtbot.waitSignal(session.slip_saved, timeout=5000):
        merge.save_button.click()

    stored = Slip.get_by_id(slip.id)
    assert (stored.complaint, stored.phone, stored.address) == (MINE, "13900001111", "3号楼门卫室转交")
    assert stored.version == slip.version + 2
    edited = [e for e in history.events_of(stored) if e.action == "edited"]
    assert [e.actor for e in edited] == ["陈丽", "张小梅"]
    assert not window.isVisible()


def test_going_back_from_the_merge_saves_nothing_and_keeps_the_typing(qtbot, session, users, slip):
    window = open_correction(qtbot, session, slip.id)
    window.form.editors["complaint"].setPlainText(MINE)
    edits.edit_slip(slip.id, slip.version, {"complaint": THEIRS}, users["clerk2"], edits.snapshot(slip))
    window.save()
    window.merge_dialog.back_button.click()
    assert Slip.get_by_id(slip.id).complaint == THEIRS
    assert window.form.editors["complaint"].toPlainText() == MINE and window.isVisible()


def test_a_restored_correction_still_merges_with_what_changed_meanwhile(qtbot, session, users, slip):
    window = open_correction(qtbot, session, slip.id)
    window.form.editors["email"].setText("zhang@example.com")
    window.autosave.save_now()
    window.close_keeping_draft()  # someone else signed in at this desk
    edits.edit_slip(slip.id, slip.version, {"email": "z3@example.com"}, users["clerk2"], edits.snapshot(slip))

    (draft,) = drafts.drafts_of(users["clerk"])
    restored = slip_edit.open_editor(session, slip.id, None, draft)
    qtbot.addWidget(restored)
    assert restored.form.editors["email"].text() == "zhang@example.com" and restored.version == slip.version
    restored.save()
    merge = restored.merge_dialog
    assert merge.picks() == {"email": None}
    merge.pick("email", slip_edit.THEIRS)
    with qtbot.waitSignal(restored.finished, timeout=5000):
        merge.save_button.click()
    assert Slip.get_by_id(slip.id).email == "z3@example.com"
    assert drafts.drafts_of(users["clerk"]) == []
