"""The slip view: every field, the scanned letter, the full history, and a tampered history."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QAction

from desktop.slips import actions as slip_actions, view as slip_view
from desktop.slips.view import SlipView, SlipWindow
from forms import asking
from models import history, intake
from models.db import database
from models.vocab import Channel
from tests.support.slips import department, step

PDF = b"%PDF-1.4\n% the resident's letter\n%%EOF\n"


def letter_slip(user, category_id, now):
    return intake.save(intake.Intake(
        customer_request="希望尽快处理。",
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
    # Slipdesk's authority suggestion, kept in Chinese on the slip, reads in the interface's language
    assert "a clerk may settle it" in page and slip.authority_suggestion not in page


@pytest.mark.tampers  # tampering is what it shows
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
    monkeypatch.setattr(asking, "copy_path", lambda parent, name: str(tmp_path / f"copy-{name}"))
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


@pytest.mark.tampers  # another desk's change written in SQL
def test_registered_providers_fill_the_action_bar_and_the_view_reloads(qtbot, view, session, category_id,
                                                                      frozen_now, monkeypatch):
    monkeypatch.setattr(slip_actions, "providers", lambda: [provide_checked_action])
    slip = letter_slip(session.user, category_id, frozen_now)
    shown = view(slip)
    (action,) = shown.action_bar.actions()
    assert action.text() == f"Checked {slip.number}" and not shown.action_bar.isHidden()
    database.execute_sql("UPDATE slip SET assignee = ? WHERE id = ?", ("维修班 老周", slip.id))
    action.trigger()
    assert "维修班 老周" in texts(shown)


def test_no_providers_no_empty_action_bar(view, session, category_id, frozen_now, monkeypatch):
    monkeypatch.setattr(slip_actions, "providers", lambda: [])
    shown = view(letter_slip(session.user, category_id, frozen_now))
    assert shown.action_bar.isHidden()


# ----- the history table

LONG_NOTE = ("维修人员已上门查明漏水点，楼上卫生间防水层破损，已重做防水并修补天花板，"
             "业主确认不再滴水；三天后回访再看墙面是否干透。")


def handled_slip(session, category_id, now):
    """A letter taken through the desk: assigned, then handled, with a long note on the history."""
    slip = letter_slip(session.user, category_id, now)
    step(slip, "assign", session.user, department=department("engineering"), assignee="王师傅")
    return step(slip, "record_handling", session.user, result=LONG_NOTE)


def widths(view: SlipView) -> list[int]:
    header = view.history_table.horizontalHeader()
    return [header.sectionSize(column) for column in range(header.count())]


def test_the_note_takes_the_width_left_on_a_1366_by_768_screen(qtbot, view, session, category_id, frozen_now):
    shown = view(handled_slip(session, category_id, frozen_now))
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitExposed(shown)
    table = shown.history_table
    handled = table.rowCount() - 1
    assert table.item(handled, 4).text() == LONG_NOTE and table.item(handled, 3).text() == "In handling → Handled"
    *others, note = widths(shown)
    assert note > max(others)  # the widest column: a long note reads on a line or two
    assert sum(others) + note == table.viewport().width()  # no sideways scrolling
    assert table.rowHeight(handled) < 4 * table.rowHeight(0)  # three lines at most, all of it shown
    shown.resize(1600, 768)
    qtbot.waitUntil(lambda: widths(shown)[4] > note)
    assert widths(shown)[:4] == others  # the note stretches, the others keep their width


def test_column_widths_the_clerk_set_stay_on_reload_and_come_back(qtbot, session, category_id, frozen_now):
    slip = handled_slip(session, category_id, frozen_now)

    def opened() -> SlipWindow:
        window = SlipWindow(session, slip.id)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        return window

    window = opened()
    made = widths(window.view)
    dragged = window.view.history_table
    dragged.setColumnWidth(2, made[2] + 60)  # the clerk drags "What" wider
    session.announce_slip_saved(slip.id)  # a step taken elsewhere: the view reloads
    assert window.view.history_table is not dragged and widths(window.view)[2] == made[2] + 60
    window.close()
    again = opened()
    assert widths(again.view)[:4] == [*made[:2], made[2] + 60, made[3]]


def test_a_letter_slips_printouts_share_one_print_button_and_every_action_fits(qtbot, view, session, category_id,
                                                                                frozen_now):
    """A letter slip has six printouts: behind one Print button, the bar fits a 1366-wide screen
    (no overflow chevron hiding the slip's other actions); the button's menu lists them all."""
    from PySide6.QtWidgets import QToolButton

    shown = view(letter_slip(session.user, category_id, frozen_now))
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitExposed(shown)
    bar = shown.action_bar
    (grouped,) = [a for a in bar.actions() if a.objectName() == "print-menu"]
    button = bar.widgetForAction(grouped)
    assert button.popupMode() == QToolButton.ToolButtonPopupMode.InstantPopup
    assert [a.objectName() for a in grouped.menu().actions()][:2] == ["print-slip-zh", "print-letter-zh"]
    assert all(bar.widgetForAction(a).isVisible() for a in bar.actions())  # none pushed into the overflow
    assert not any(b.objectName() == "qt_toolbar_ext_button" and b.isVisible() for b in bar.findChildren(QToolButton))
