"""The day's work on screen: escalation confirmed from the queue, the dashboard, the comment book."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop.shell import handover as handover_dialogs
from desktop.slips.due_watch import DueWatcher
from desktop.approvals.confirm_escalation import ConfirmEscalationDialog
from desktop.approvals import page as approvals_page
from desktop.approvals.page import ApprovalsPage
from desktop.intake.comment_book_page import CommentBookPage
from desktop.shell.dashboard_page import DashboardPage
from desktop.settings.authority_page import AuthoritySettingsPage
from desktop.shell.session import Session
from desktop.slips.actions import SlipContext
from desktop.slips.workflow_actions import slip_actions, step_dialog
from forms import asking
from forms.fields import to_qdatetime
from forms.intake import SlipForm
from models import authority, clock, commentbook, handover, intake, notices
from models.catalog import Category
from models.slips import Slip
from models.vocab import Channel, Status

INJURY = "电梯突然下坠又停住，我女儿在里面摔伤了腿，你们必须给个说法。"


def signed_in(users, who: str) -> Session:
    desk = Session(lang="en")
    desk.sign_in(users[who])
    return desk


def choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def phone_form(qtbot, session, complaint: str, category: str) -> SlipForm:
    form = SlipForm(Channel.PHONE, session.user, session.lang)
    qtbot.addWidget(form)
    form.editors["caller_number"].setText("13812345678")
    form.editors["complainant_name"].setText("王先生")
    form.editors["unit_code"].setText("5-1-302")
    form.editors["complaint"].setPlainText(complaint)
    form.editors["customer_request"].setPlainText("希望尽快处理。")
    choose(form.editors["category_id"], Category.get(Category.code == category).id)
    form.editors["read_back"].setChecked(True)
    form.editors["outcome"].later.click()
    form.editors["deadline"].setDateTime(to_qdatetime(clock.now() + dt.timedelta(hours=5)))
    form.editors["thanked"].setChecked(True)
    form.authority_panel.update_now()
    return form


def test_a_clerk_escalates_and_a_supervisor_confirms_from_the_queue(qtbot, session, users, frozen_now):
    form = phone_form(qtbot, session, INJURY, "lift")
    panel = form.authority_panel
    assert panel.verdict.text() == "Looks beyond your authority" and "Injury" in panel.reasons.text()
    slip = form.save()
    assert slip.status == Status.AWAITING_CONFIRMATION and slip.escalation_requested_by == users["clerk"]

    desk = signed_in(users, "supervisor")
    board = DashboardPage(desk)
    queue = ApprovalsPage(desk)
    qtbot.addWidget(board)
    qtbot.addWidget(queue)
    assert board.counts["awaiting_confirmation"] == 1 and board.counts["escalated"] == 0
    assert queue.list.rowCount() == 1 and queue.list.item(0, 0).text() == slip.number
    assert "摔伤" in queue.list.item(0, COLUMN_FLAGGED).text()
    with qtbot.waitActive(queue):
        queue.show()
        queue.activateWindow()
    qtbot.keyClick(queue.list, Qt.Key.Key_C)  # the row is selected: one key opens the decision
    dialog = queue.findChild(ConfirmEscalationDialog)
    assert dialog.isVisible() and "Injury" in dialog.flagged.text()
    dialog.recipient.setEditText("赵经理")
    with qtbot.waitSignal(desk.slips_changed):
        dialog.confirm_button.click()
    assert Slip.get_by_id(slip.id).status == Status.ESCALATED
    assert queue.list.rowCount() == 0
    assert board.counts["awaiting_confirmation"] == 0 and board.counts["escalated"] == 1
    assert board.cards["escalated"].count_label.text() == "1"


COLUMN_FLAGGED = approvals_page.COLUMNS.index("flagged")


def test_return_to_the_clerk_takes_r_and_enter(qtbot, sqlite_db, users, frozen_now, monkeypatch):
    from tests.support.slips import phone_intake

    slip = intake.save(phone_intake(complaint="要求赔偿车漆损失，否则找律师。"), users["clerk"])
    desk = signed_in(users, "supervisor")
    queue = ApprovalsPage(desk)
    qtbot.addWidget(queue)
    reason = "属前台处理权限，请直接派单处理。"  # as the person in charge typed it
    monkeypatch.setattr(asking, "return_reason", lambda parent, number: reason)
    queue.return_key.activated.emit()
    assert Slip.get_by_id(slip.id).status == Status.IN_HANDLING
    (notice,) = notices.for_user(users["clerk"])
    assert notice.kind == "escalation_returned" and reason in notice.text("zh") and reason in notice.text("en")


def test_nobody_confirms_their_own_request_on_screen(qtbot, sqlite_db, users, frozen_now):
    from tests.support.slips import phone_intake

    intake.save(phone_intake(complaint="再不修我就打12345曝光你们。"), users["liu"])
    queue = ApprovalsPage(signed_in(users, "liu_sup"))
    qtbot.addWidget(queue)
    assert queue.list.rowCount() == 0 and not queue.confirm_button.isEnabled()


def test_overriding_the_suggestion_needs_a_reason_beside_the_field(qtbot, session, frozen_now):
    form = phone_form(qtbot, session, INJURY, "lift")
    panel = form.authority_panel
    panel.within.click()
    assert not panel.rows["override_reason"].isHidden()
    assert form.save() is None
    assert "why you may settle it yourself" in form.error_for("override_reason")
    panel.override_reason.setText("只是擦伤，电梯已由维保单位检修")
    slip = form.save()
    assert slip.status == Status.IN_HANDLING and slip.override_reason == "只是擦伤，电梯已由维保单位检修"
    assert slip.department.code == "engineering"


def test_the_comment_book_daily_check(qtbot, session, users, frozen_now, monkeypatch):
    clock.freeze(frozen_now.replace(hour=10, minute=30))
    page = CommentBookPage(session)
    board = DashboardPage(session)
    qtbot.addWidget(page)
    qtbot.addWidget(board)
    assert page.status.objectName() == "warningBanner" and "10:00" in page.status.text()
    assert board.counts["book_unchecked"] == 1

    page.new_entries.setPlainText("保安帮我搬家，谢谢！\n\n建议在中心花园增加几个座椅，方便老人休息。\n")
    page.note.setText("第12页起")
    with qtbot.waitSignal(page.count_changed) as counted:
        page.check_button.click()
    assert counted.args == [2] and page.entries.rowCount() == 2
    assert [page.entries.item(row, 2).text() for row in range(2)] == [  # each entry's own words
        "保安帮我搬家，谢谢！", "建议在中心花园增加几个座椅，方便老人休息。"]
    assert "Checked today by 张小梅 at 10:30: 2 new entries." == page.status.text()
    assert page.new_entries.toPlainText() == ""
    assert board.counts["book_unchecked"] == 0 and board.counts["book_pending"] == 2

    monkeypatch.setattr(asking, "read_note", lambda parent: "业主留言感谢保安帮忙搬家")
    page.read_button.click()
    assert page.entries.rowCount() == 1

    dialog = page.take_down()
    qtbot.addWidget(dialog)
    form = dialog.form
    assert form.complaint.toPlainText() == "建议在中心花园增加几个座椅，方便老人休息。"  # as copied at the check
    assert not form.editors["outcome"].answered.isVisibleTo(form)  # a book entry is not answered on the spot
    form.editors["book_entry_ref"].setText("第12页第4条")
    choose(form.editors["category_id"], Category.get(Category.code == "other").id)
    form.editors["complainant_name"].setText("匿名")
    slip = dialog.save()
    assert slip is not None and slip.channel == Channel.BOOK and slip.book_entry_ref == "第12页第4条"
    assert page.entries.rowCount() == 0 and commentbook.pending_count() == 0
    assert page.saved.isVisibleTo(page) and slip.number in page.saved.text()  # to write beside the entry
    assert board.counts["book_pending"] == 0


def test_a_promise_coming_due_shows_a_banner(qtbot, session, users, frozen_now):
    from tests.support.slips import phone_intake

    slip = intake.save(phone_intake(deadline=frozen_now + dt.timedelta(hours=2)), users["clerk"])
    board = DashboardPage(session)
    qtbot.addWidget(board)
    board.show()
    watcher: DueWatcher = board.watcher
    (due,) = watcher.check()
    assert due.slip_id == slip.id
    assert watcher.banner is not None and watcher.banner.isVisible()
    assert slip.number in watcher.banner.text.text() and "12:00" in watcher.banner.text.text()
    with qtbot.waitSignal(board.slip_activated) as opened:
        watcher.banner.open_button.click()
    assert opened.args == [slip.id]
    assert watcher.check() == []  # noticed once


def test_the_shift_handover(qtbot, sqlite_db, users, frozen_now):
    from tests.support.slips import phone_intake

    intake.save(phone_intake(deadline=frozen_now + dt.timedelta(hours=3)), users["clerk"])
    leaving = signed_in(users, "clerk")
    writer = handover_dialogs.WriteHandover(leaving)
    qtbot.addWidget(writer)
    assert writer.promises.rowCount() == 1
    writer.editor.setPlainText("王先生下午会再来电，电梯的事已报工程部。")
    assert writer.save() is not None
    clock.freeze(frozen_now.replace(hour=13))
    board = DashboardPage(signed_in(users, "clerk2"))
    qtbot.addWidget(board)
    dialog = board.offer_handover()
    qtbot.addWidget(dialog)
    assert "王先生下午会再来电" in dialog.text.text() and dialog.promises.rowCount() == 1
    dialog.acknowledge_button.click()
    assert handover.note_for(users["clerk2"]) is None


def test_the_manager_sets_the_rules_and_a_clerk_cannot(qtbot, sqlite_db, users, frozen_now):
    page = AuthoritySettingsPage(signed_in(users, "manager"))
    qtbot.addWidget(page)
    limits = page.pages["LimitsTab"]
    limits.amounts["compensation_amount"].setValue(500)
    assert limits.submit()
    assert authority.assess({"complaint": "要求补偿", "compensation_amount": "300"}).within
    categories = page.pages["CategoriesTab"]
    fees_row = next(r for r in range(categories.grid.rowCount()) if categories.grid.item(r, 0).text() == "fees")
    categories.grid.item(fees_row, 4).setCheckState(Qt.CheckState.Checked)
    assert categories.submit()
    assert authority.category_rule(Category.get(Category.code == "fees")).clerk_may_settle

    clerks_view = AuthoritySettingsPage(signed_in(users, "clerk"))
    qtbot.addWidget(clerks_view)
    hours = clerks_view.pages["OfficeHoursTab"]
    assert not hours.submit()
    assert "Only a manager may change the office hours." in hours.message.text()


def test_the_manager_edits_signals_departments_people_and_office_hours(qtbot, sqlite_db, users, frozen_now):
    from PySide6.QtCore import QTime

    from models import catalog, deadlines

    page = AuthoritySettingsPage(signed_in(users, "manager"))
    qtbot.addWidget(page)
    signals = page.pages["SignalsTab"]
    signals.add_row()
    row = signals.grid.rowCount() - 1
    for column, text in enumerate(("燃气泄漏", "Gas leak", "燃气味、煤气味、漏气", "")):
        signals.grid.item(row, column).setText(text)
    assert signals.submit()
    assert not authority.assess({"complaint": "楼道里有很重的煤气味，请马上来人。"}).within  # always goes up

    departments = page.pages["DepartmentsTab"]
    departments._append_department(None)
    row = departments.grid.rowCount() - 1
    for column, text in enumerate(("gas", "燃气维修班", "Gas repairs", "021-58880000")):
        departments.grid.item(row, column).setText(text)
    assert departments.submit()
    gas = catalog.Department.get(catalog.Department.code == "gas")
    assert (gas.name_zh, gas.contact, gas.upper) == ("燃气维修班", "021-58880000", False)
    departments.load()
    departments._append_person(None)
    row = departments.people.rowCount() - 1
    combo = departments.people.cellWidget(row, 0)
    combo.setCurrentIndex(combo.findData(gas.id))
    departments.people.item(row, 1).setText("赵师傅")
    accounts = departments.people.cellWidget(row, 3)
    accounts.setCurrentIndex(accounts.findData(users["clerk2"].id))
    assert departments.submit()
    (person,) = catalog.people(gas)
    assert (person.name, person.user_id) == ("赵师傅", users["clerk2"].id)  # sees the department's notices

    hours = page.pages["OfficeHoursTab"]
    hours.start.setTime(QTime(9, 0))
    hours.end.setTime(QTime(18, 0))
    hours.days[6].setChecked(False)  # closed on Sundays
    assert hours.submit()
    office = deadlines.OfficeHours.from_settings()
    assert (office.start, office.end, 6 in office.days) == (dt.time(9, 0), dt.time(18, 0), False)


def test_the_slip_view_offers_the_steps_this_user_may_take(qtbot, session, users, frozen_now):
    from tests.support.slips import phone_intake

    slip = intake.save(phone_intake(), users["clerk"])
    context = SlipContext(Slip.get_by_id(slip.id), session, None)
    actions = slip_actions(context)
    assert [a.data() for a in actions] == ["assign", "request_escalation", "record_handling", "move_deadline"]
    dialog = step_dialog(context, "record_handling")
    qtbot.addWidget(dialog)
    assert dialog.submit() is None and dialog.rows["result"].message == "Record the handling result."
    dialog.editors["result"].setPlainText("已更换声控灯，现场测试正常。")
    with qtbot.waitSignal(session.slip_saved):
        assert dialog.submit().status == Status.HANDLED


@pytest.fixture(autouse=True)
def _clock_back():
    yield
    clock.freeze(None)
