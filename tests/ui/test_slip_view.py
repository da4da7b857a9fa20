"""The slip view: every field, the scanned letter, the full history, and a tampered history."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QAction

from desktop import slip_actions, slip_view
from desktop.slip_view import SlipView
from models import history, intake
from models.db import database
from models.vocab import Channel

PDF = b"%PDF-1.4\n% the resident's letter\n%%EOF\n"


def letter_slip(user, category_id, now):
    return intake.save(intake.Intake(
        channel=Channel.LETTER, complainant_name="赵建国", complainant_title="mr",
        complaint="来信反映3号楼电梯这个月已经坏了三次，老人上下楼很困难。", category_id=category_id,
        deadline=now + dt.timedelta(days=3), letter_received=now.date(),
        letter_date=now.date() - dt.timedelta(days=2), sender_address="阳光花园3-2-1201室",
        letter_scans=[intake.LetterScan("/scans/来信.pdf", PDF)]), user)


@pytest.fixture
def view(qtbot, session, category_id, frozen_now):
    def _open(slip) -> SlipView:
        shown = SlipView(session, slip.id)
        qtbot.addWidget(shown)
        return shown
    return _open


def texts(widget) -> str:
    from PySide6.QtWidgets import QLabel

    return "\n".join(label.text() for label in widget.findChildren(QLabel))


def test_every_field_and_the_history_are_shown(view, session, category_id, frozen_now):
    slip = letter_slip(session.user, category_id, frozen_now)
    shown = view(slip)
    page = texts(shown)
    for expected in (slip.number, "赵建国 Mr", "来信反映3号楼电梯", "阳光花园3-2-1201室",
                     frozen_now.strftime("%Y-%m-%d"), "Noise", "张小梅", "Letter",
                     (frozen_now + dt.timedelta(days=3)).strftime("%Y-%m-%d %H:%M")):
        assert expected in page, expected
    events = history.events_of(slip)
    table = shown.history_table
    assert table.rowCount() == len(events) >= 1
    assert table.item(0, 1).text() == "张小梅" and table.item(0, 2).text() == "Created"
    assert shown.warning.isHidden()


def test_tampered_history_shows_a_warning(view, session, category_id, frozen_now):
    slip = letter_slip(session.user, category_id, frozen_now)
    database.execute_sql("UPDATE slip_event SET note = ? WHERE slip_id = ? AND seq = 1",
                         ("客户已撤诉", slip.id))
    shown = view(slip)
    assert not shown.warning.isHidden()
    assert "fails verification at event 1" in shown.warning.text()
    assert "content edited after it was recorded" in shown.warning.text()


def test_scanned_letter_opens_and_saves_as_a_copy(view, session, category_id, frozen_now, tmp_path, monkeypatch):
    slip = letter_slip(session.user, category_id, frozen_now)
    opened = []
    monkeypatch.setattr(slip_view, "open_externally", lambda path: opened.append(path) or True)
    monkeypatch.setattr(slip_view, "ask_save_path", lambda parent, name: str(tmp_path / f"copy-{name}"))
    shown = view(slip)
    ((attachment_id, (open_button, save_button)),) = shown.attachment_buttons.items()
    open_button.click()
    assert opened[0].name == "来信.pdf" and opened[0].read_bytes() == PDF
    save_button.click()
    assert (tmp_path / "copy-来信.pdf").read_bytes() == PDF


def provide_checked_action(context: slip_actions.SlipContext) -> list[QAction]:
    """A provider as another module would register it: one action for slips shown in the view."""
    if context.place != slip_actions.VIEW:
        return []
    action = QAction(f"Checked {context.slip.number}", context.parent)
    action.triggered.connect(lambda: context.session.announce_slip_saved(context.slip.id))
    return [action]


def test_registered_providers_fill_the_action_bar_and_the_view_reloads(qtbot, view, session, category_id,
                                                                      frozen_now, monkeypatch):
    monkeypatch.setattr(slip_actions, "PROVIDERS", ["tests.ui.test_slip_view:provide_checked_action"])
    slip = letter_slip(session.user, category_id, frozen_now)
    shown = view(slip)
    (action,) = shown.action_bar.actions()
    assert action.text() == f"Checked {slip.number}" and not shown.action_bar.isHidden()
    database.execute_sql("UPDATE slip SET assignee = ? WHERE id = ?", ("维修班 老周", slip.id))
    action.trigger()
    assert "维修班 老周" in texts(shown)


def test_no_providers_no_empty_action_bar(view, session, category_id, frozen_now, monkeypatch):
    monkeypatch.setattr(slip_actions, "PROVIDERS", [])
    shown = view(letter_slip(session.user, category_id, frozen_now))
    assert shown.action_bar.isHidden()
