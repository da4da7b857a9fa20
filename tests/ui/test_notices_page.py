"""The notices page: who hears of what, unread in bold with a badge, opened and marked read."""
from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.shell.main_window import MainWindow
from desktop.shell.notices_page import NoticesPage
from desktop.shell.session import Session
from forms import asking
from models import catalog, notices
from tests.support.slips import department, received_slip, step


def signed_in(users, who: str) -> Session:
    desk = Session(lang="en")
    desk.sign_in(users[who])
    return desk


def page_of(qtbot, session: Session) -> NoticesPage:
    page = NoticesPage(session)
    qtbot.addWidget(page)
    return page


def cells(page: NoticesPage, row: int = 0) -> list[str]:
    return [page.table.item(row, column).text() for column in range(page.table.columnCount())]


def cleaning_handled_by(users, who: str) -> None:
    catalog.save_person(users["manager"], department("cleaning"), "赵阿姨", "13900002222", account=users[who])


def test_the_department_member_sees_an_assignment_opens_it_and_it_is_read(qtbot, sqlite_db, users, frozen_now):
    cleaning_handled_by(users, "clerk2")
    desk = signed_in(users, "clerk2")
    page = page_of(qtbot, desk)
    assert page.table.isHidden() and not page.empty.isHidden() and not page.all_read_button.isEnabled()
    slip = step(received_slip(users["clerk"]), "assign", users["clerk"], department=department("cleaning"),
                assignee="赵阿姨")
    with qtbot.waitSignal(page.count_changed) as counted:
        desk.announce_slip_saved(slip.id)  # the save and the change it announces: one refresh
    assert counted.args == [1]
    assert cells(page) == [f"Slip {slip.number} is assigned to Cleaning (赵阿姨): 小区东门路灯坏了。", slip.number,
                           "2026-11-24 10:00", "张小梅", ""]
    assert page.is_unread(0) and page.read_button.isEnabled() and page.open_button.isEnabled()
    with qtbot.waitSignal(page.slip_activated) as opened, qtbot.waitSignal(page.count_changed) as counted:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == [slip.id] and counted.args == [0]
    assert not page.is_unread(0) and not page.read_button.isEnabled()
    assert notices.unread_count(users["clerk2"]) == 0


def test_a_returned_escalation_shows_for_the_clerk_and_mark_read_clears_it(qtbot, sqlite_db, users, frozen_now):
    slip = step(received_slip(users["clerk"]), "request_escalation", users["clerk"], reason="业主要求赔偿")
    step(slip, "return_escalation", users["supervisor"], reason="属前台权限，请直接派工程部处理。")
    other = step(received_slip(users["clerk2"]), "request_escalation", users["clerk2"], reason="涉及收费争议")
    step(other, "return_escalation", users["supervisor"], reason="请先核实收费记录。")
    page = page_of(qtbot, signed_in(users, "clerk"))
    assert page.table.rowCount() == 1  # the other clerk's returned slip is theirs alone
    assert cells(page)[0] == f"The person in charge returned slip {slip.number}: 属前台权限，请直接派工程部处理。"
    assert cells(page)[3] == "李慧" and page.is_unread(0)
    with qtbot.waitSignal(page.count_changed) as counted:
        page.read_button.click()
    assert counted.args == [0] and not page.is_unread(0)


def test_the_person_in_charge_marks_all_read(qtbot, sqlite_db, users, frozen_now):
    for clerk in ("clerk", "clerk2"):
        step(received_slip(users[clerk]), "request_escalation", users[clerk], reason="业主要求赔偿")
    page = page_of(qtbot, signed_in(users, "supervisor"))
    assert [page.is_unread(row) for row in range(page.table.rowCount())] == [True, True]
    assert cells(page, 0)[3] == "陈丽" and cells(page, 1)[3] == "张小梅"  # newest first
    with qtbot.waitSignal(page.count_changed) as counted:
        page.all_read_button.click()
    assert counted.args == [0] and not page.all_read_button.isEnabled()
    assert notices.unread_count(users["manager"]) == 2  # each reads for themselves


def test_the_navigation_shows_the_unread_badge(qtbot, session, users, frozen_now, monkeypatch):
    monkeypatch.setattr(asking, "discard", lambda parent, what, count=1: True)
    cleaning_handled_by(users, "clerk2")
    session.sign_in(users["clerk2"])
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: "notices" in window._page_widgets)  # a badge page is built at once
    page = window.page("notices")
    assert window.badge("notices") == 0
    slip = step(received_slip(users["clerk"]), "assign", users["clerk"], department=department("cleaning"),
                assignee="")
    with qtbot.waitSignal(page.count_changed):
        session.slip_saved.emit(slip.id)
    assert window.badge("notices") == 1
    window.show_page("notices")
    with qtbot.waitSignal(page.count_changed):
        page.open_button.click()
    assert window.badge("notices") == 0 and window._slip_windows[slip.id].view.slip.id == slip.id


def test_a_notice_done_elsewhere_is_greyed_with_who_did_it_and_leaves_the_count(qtbot, sqlite_db, users, frozen_now):
    asked = step(received_slip(users["clerk"]), "request_escalation", users["clerk"], reason="业主要求赔偿")
    page = page_of(qtbot, signed_in(users, "supervisor"))
    assert page.is_unread(0) and not page.is_done(0) and page.all_read_button.isEnabled()
    step(asked, "confirm_escalation", users["manager"], recipient="赵经理")  # another person in charge did it
    with qtbot.waitSignal(page.count_changed) as counted:
        page.refresh()
    assert counted.args == [0] and not page.all_read_button.isEnabled()
    assert page.is_done(0) and not page.is_unread(0) and not page.read_button.isEnabled()
    assert cells(page)[4] == "✓ 王建国 · Confirm and send up · 11-24 10:00"
