"""Confirming an escalation is a decision: the rule that flagged it, where it goes and to whom,
what goes with it, a note; refused without a recipient (what was typed kept); the queue then
stays on the next slip and says what was done. The slip view opens the same decision."""
from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.approvals.confirm_escalation import ConfirmEscalationDialog
from desktop.approvals.page import ApprovalsPage
from desktop.shell.session import Session
from desktop.slips.view import SlipView
from models import intake
from models.slips import Slip
from models.transmittals import latest_transmittal
from models.vocab import Status
from tests.domain.printout_slips import going_up, letter_slip
from tests.support.slips import phone_intake, received_slip, step


def signed_in(users, who: str) -> Session:
    desk = Session(lang="en")
    desk.sign_in(users[who])
    return desk


def queue_of(qtbot, users) -> ApprovalsPage:
    queue = ApprovalsPage(signed_in(users, "supervisor"))
    qtbot.addWidget(queue)
    queue.show()
    return queue


def test_a_letter_goes_up_only_to_someone_named_with_its_copy_kept(qtbot, sqlite_db, users, frozen_now):
    slip = going_up(letter_slip(users["clerk"], frozen_now, handled=False), users["clerk"])
    queue = queue_of(qtbot, users)
    dialog = queue.confirm()
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and dialog.department.currentText() == "Upper service-management department"
    assert dialog.flagged.text() == "No rule flagged it: the clerk judged it beyond the desk's authority."
    assert [dialog.attachments.item(0).text(), dialog.attachments.item(0).checkState()] == [
        "来信扫描.pdf", Qt.CheckState.Checked]
    dialog.note.setPlainText("原件随单报送，请于三个工作日内答复。")
    dialog.confirm_button.click()  # the copy is not kept yet, nobody named
    assert dialog.isVisible() and "复印" in dialog.rows["letter_copy_kept"].message
    dialog.letter_copy.setChecked(True)
    dialog.confirm_button.click()
    assert dialog.isVisible() and "receives it" in dialog.rows["recipient"].message
    assert dialog.note.toPlainText() == "原件随单报送，请于三个工作日内答复。"  # nothing typed is lost
    assert Slip.get_by_id(slip.id).status == Status.AWAITING_CONFIRMATION
    dialog.recipient.setEditText("赵经理")
    with qtbot.waitSignal(queue.session.slips_changed):
        dialog.confirm_button.click()
    assert not dialog.isVisible() and Slip.get_by_id(slip.id).status == Status.ESCALATED
    sent = latest_transmittal(slip)
    assert (sent.recipient, sent.letter_copy_kept, sent.note) == ("赵经理", True, "原件随单报送，请于三个工作日内答复。")
    assert [a["filename"] for a in sent.attachment_list] == ["来信扫描.pdf"]
    assert queue.message.isVisible() and queue.message.objectName() == "doneBanner"
    assert queue.message.text() == (f"Slip {slip.number} was confirmed and sent to Upper service-management "
                                    "department, to 赵经理. With it: 1 attachment, the letter (a copy kept on file).")


def test_the_rule_that_flagged_it_and_the_recipients_known_are_offered(qtbot, sqlite_db, users, frozen_now):
    earlier = intake.save(phone_intake(complaint="电梯突然下坠，我女儿摔伤了腿。", caller_number="13900001111",
                                       unit_code="9-1-101"), users["clerk"])
    step(earlier, "confirm_escalation", users["supervisor"], recipient="服务管理部 赵经理")
    slip = intake.save(phone_intake(complaint="要求赔偿车漆损失，否则找律师。"), users["clerk2"])
    queue = queue_of(qtbot, users)
    dialog = queue.confirm()
    qtbot.addWidget(dialog)
    assert dialog.flagged.text() == "Always escalates: Legal action (“律师” in the complaint)."
    assert dialog.recipient.findText("服务管理部 赵经理") >= 0  # named on an earlier transmittal
    assert slip.status == Status.AWAITING_CONFIRMATION


def test_the_queue_stays_on_the_next_slip_and_says_what_was_done(qtbot, sqlite_db, users, frozen_now):
    waiting = [step(received_slip(users["clerk"]), "request_escalation", users["clerk"], reason=f"第{n}件")
               for n in range(3)]
    queue = queue_of(qtbot, users)
    queue.list.selectRow(1)
    queue.list.verticalScrollBar().setValue(0)
    dialog = queue.confirm()
    qtbot.addWidget(dialog)
    assert dialog.slip.id == waiting[1].id
    dialog.recipient.setEditText("赵经理")
    dialog.confirm_button.click()
    assert queue.list.rowCount() == 2 and queue.list.current_slip_id() == waiting[2].id
    assert waiting[1].number in queue.message.text() and "赵经理" in queue.message.text()


def test_the_slip_view_opens_the_same_decision(qtbot, sqlite_db, users, frozen_now):
    slip = step(received_slip(users["clerk"]), "request_escalation", users["clerk"], reason="业主要求赔偿")
    desk = signed_in(users, "supervisor")
    view = SlipView(desk, slip.id)
    qtbot.addWidget(view)
    (confirm,) = [a for a in view.action_bar.actions() if a.data() == "confirm_escalation"]
    confirm.trigger()
    dialog = view.findChild(ConfirmEscalationDialog)
    assert dialog is not None and dialog.isVisible() and dialog.slip.id == slip.id
    dialog.recipient.setEditText("赵经理")
    with qtbot.waitSignal(desk.slip_saved):
        dialog.confirm_button.click()
    assert view.slip.status == Status.ESCALATED and view.elsewhere.isHidden()
