"""The upper service-management department's desk: its account sees what was sent up to it, with
what came with it, records its handling and hands the slip back; the estate's clerk hears of it.
Its window offers nothing of the estate desk's work."""
from __future__ import annotations

import pytest

from desktop.shell.main_window import KEY_ROLE, MainWindow
from desktop.shell.notices_page import NoticesPage
from desktop.approvals.upper_page import UpperPage
from desktop.shell.session import Session
from desktop.slips.view import SlipView
from models.accounts import create_user
from models.slips import Slip
from models.vocab import Role, Status
from tests.support.slips import slip_in


@pytest.fixture
def upper_desk(qapp, sqlite_db, users):
    desk = Session(lang="en")
    desk.sign_in(create_user("upper", "赵经理", "password1", Role.UPPER, "U001", actor=users["manager"]))
    return desk


def test_the_department_hands_a_slip_back_and_the_clerk_hears_of_it(qtbot, upper_desk, users, frozen_now):
    sent = slip_in(Status.ESCALATED, users)  # asked by 陈丽, confirmed by 李慧 to 赵经理
    page = UpperPage(upper_desk)
    qtbot.addWidget(page)
    assert page.waiting.rowCount() == 1 and page.waiting.current_slip_id() == sent.id
    assert "Sent by 李慧" in page.details.text() and "to 赵经理" in page.details.text()
    with qtbot.waitSignal(page.count_changed) as counted:
        page.refresh()
    assert counted.args == [1]

    dialog = page.hand_back()
    qtbot.addWidget(dialog)
    dialog.submit()  # nothing recorded yet
    assert dialog.isVisible() and dialog.rows["result"].message
    dialog.editors["result"].setPlainText("经核实，已安排维保单位更换电梯钢丝绳，下周一完工。")
    with qtbot.waitSignal(upper_desk.slips_changed):
        dialog.submit()
    stored = Slip.get_by_id(sent.id)
    assert stored.status == Status.HANDLED and "钢丝绳" in stored.handling_notes
    assert page.waiting.rowCount() == 0 and page.back.current_slip_id() == sent.id
    assert not page.message.isHidden() and sent.number in page.message.text()

    clerk = Session(lang="en")
    clerk.sign_in(users["clerk2"])
    notices = NoticesPage(clerk)
    qtbot.addWidget(notices)
    texts = [notices.table.item(row, 0).text() for row in range(notices.table.rowCount())]
    assert any(text.startswith(f"Upper service-management department handed slip {sent.number} back") and
               "钢丝绳" in text for text in texts)


def test_the_slip_view_offers_the_department_only_the_hand_back(qtbot, upper_desk, users, frozen_now):
    sent = slip_in(Status.ESCALATED, users)
    view = SlipView(upper_desk, sent.id)
    qtbot.addWidget(view)
    offered = [action.objectName() or action.data() for action in view.action_bar.actions()]
    assert "hand_back" in offered and "print-menu" in offered
    assert not {"move_deadline", "correct", "reply-letter", "reply-record", "motive"} & set(offered)


def test_the_departments_window_offers_only_its_own_work(qtbot, upper_desk, frozen_now):
    window = MainWindow(upper_desk)
    qtbot.addWidget(window)
    keys = [window.navigation.item(row).data(KEY_ROLE) for row in range(window.navigation.count())]
    assert keys == ["upper", "notices"]
    assert not any(action.isVisible() for action in window.intake_actions.values())
    assert not window.export_action.isVisible() and window.intake_bar.isHidden()

