"""The dashboard opens with its counts; the first card's slips are read right after it is painted."""
from __future__ import annotations

import datetime as dt

from desktop.shell.dashboard_page import DashboardPage
from models import clock, intake


def test_counts_at_once_and_the_first_list_after_the_first_paint(qtbot, session, users, frozen_now):
    from tests.support.slips import phone_intake

    slip = intake.save(phone_intake(deadline=frozen_now + dt.timedelta(hours=2)), users["clerk"])
    clock.freeze(frozen_now + dt.timedelta(hours=3))  # the promise is now overdue
    board = DashboardPage(session)
    qtbot.addWidget(board)
    assert board.counts["overdue"] == 1 and board.cards["overdue"].count_label.text() == "1"
    assert board.current == "overdue" and board.cards["overdue"].isChecked()
    board.show()
    qtbot.waitUntil(lambda: board.list.rowCount() == 1)
    assert board.list.item(0, 0).text() == slip.number
    assert board.list_heading.text() == "Overdue (1)"


def test_a_section_chosen_before_the_first_paint_is_shown_at_once(qtbot, session, users, frozen_now):
    from tests.support.slips import phone_intake

    intake.save(phone_intake(deadline=frozen_now + dt.timedelta(hours=2)), users["clerk"])
    board = DashboardPage(session)
    qtbot.addWidget(board)
    board.show_section("due_today")
    assert board.list.rowCount() == 1 and board.list_heading.text() == "Due today (1)"


def test_the_incoming_handover_is_offered_once_the_page_shows(qtbot, sqlite_db, users, frozen_now):
    from desktop.shell import handover as handover_dialogs
    from desktop.shell.session import Session
    from models import handover

    handover.write_note(users["clerk"], "王先生下午会再来电，电梯的事已报工程部。")
    clock.freeze(frozen_now.replace(hour=13))
    desk = Session(lang="en")
    desk.sign_in(users["clerk2"])
    board = DashboardPage(desk)
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: len(board.findChildren(handover_dialogs.IncomingHandover)) == 1)
    (offered,) = board.findChildren(handover_dialogs.IncomingHandover)
    qtbot.addWidget(offered)
    assert offered.isVisible() and "王先生下午会再来电" in offered.text.text()
