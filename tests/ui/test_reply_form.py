"""A clerk replies to the customer; a letter is drafted, approved by the person in charge and
printed final."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QWidget

from desktop.replies import actions as reply_actions
from desktop.slips.printing import PreviewDialog
from desktop.replies.dialogs import ApprovalDialog, LetterDialog, ReplyDialog, ThanksDialog
from desktop.shell.session import Session
from desktop.slips.actions import SlipContext
from forms import answer_picker, asking
from forms.fields import to_qdatetime
from models import answers, clock, dashboard, history, replies
from models.slips import Slip
from models.vocab import Opinion, ReplyMethod, Status
from tests import printing_checks as check
from tests.support.slips import category, slip_in


@pytest.fixture
def handled(session, users, frozen_now) -> Slip:
    return slip_in(Status.HANDLED, users)


def pick_first(words: str):
    """The answer picker as the clerk uses it: search, take the first answer, Insert."""
    def pick(parent, slip, lang="zh"):
        picker = answer_picker.AnswerPicker(slip, lang, parent)
        picker.query.setText(words)
        picker.search_now()
        return picker.text()
    return pick


def signed_in(user) -> Session:
    desk = Session(lang="en")
    desk.sign_in(user)
    return desk


def actions_of(slip_id: int, desk: Session, qtbot) -> dict:
    parent = QWidget()
    qtbot.addWidget(parent)
    context = SlipContext(Slip.get_by_id(slip_id), desk, parent)
    return {action.objectName(): action for action in reply_actions.slip_actions(context)}, parent


def test_a_clerk_records_a_phone_reply_and_closes_the_slip(qtbot, session, handled):
    dialog = ReplyDialog(session, handled.id)
    qtbot.addWidget(dialog)
    form = dialog.form
    assert form.chosen_method == ReplyMethod.PHONE
    assert form.time_check.text() == "✓ Within working hours." and form.sections["phone"].isVisibleTo(form)
    assert not form.sections["visit"].isVisibleTo(form)

    form.summary.setPlainText("电话告知张先生声控灯已更换。")
    form.opinion.choose(Opinion.ACCEPTED)
    dialog.record_button.click()  # who is calling was not said first
    assert "State who you are first" in form.error_for("identity_stated")
    assert form.summary.toPlainText() == "电话告知张先生声控灯已更换。"  # nothing typed is lost

    form.identity_stated.setChecked(True)
    with qtbot.waitSignal(form.recorded) as recorded:
        dialog.record_button.click()
    assert recorded.args[0].reply.content == "电话告知张先生声控灯已更换。"
    assert dialog.next_step.accepted
    with qtbot.waitSignal(session.slip_saved):
        dialog.next_step.close_button.click()
    slip = Slip.get_by_id(handled.id)
    assert slip.status == Status.CLOSED and replies.is_complete(slip)
    qtbot.addWidget(dialog.satisfaction)
    assert dialog.satisfaction.isVisible()  # how satisfied the customer is, asked at closing


def test_a_call_at_night_is_refused_beside_the_time_until_the_customer_agrees(qtbot, session, handled, monkeypatch):
    dialog = ReplyDialog(session, handled.id)
    qtbot.addWidget(dialog)
    form = dialog.form
    form.at.setDateTime(to_qdatetime(dt.datetime(2026, 11, 23, 20, 30)))
    assert "outside the estate's working hours" in form.time_check.text()
    assert form.agree_button.isVisibleTo(form)
    form.identity_stated.setChecked(True)
    form.summary.setPlainText("晚上回电说明维修安排。")
    form.opinion.choose(Opinion.NOT_ACCEPTED)
    form.words.setPlainText("晚上还打电话，太打扰了。")
    dialog.record_button.click()  # refused: the live check beside the time says why
    assert "outside the estate's working hours" in form.time_check.text() and form.error_for("at") == ""
    assert Slip.get_by_id(handled.id).status == Status.HANDLED

    monkeypatch.setattr(asking, "agreement", lambda parent, slip: ("张三", ""))
    form.agree_button.click()
    assert Slip.get_by_id(handled.id).after_hours_ok and form.error_for("at") == ""
    assert form.time_check.text().startswith("Outside working hours; allowed")
    with qtbot.waitSignal(form.recorded):
        dialog.record_button.click()
    step = dialog.next_step
    assert not step.accepted and step.words.toPlainText() == "晚上还打电话，太打扰了。"
    with qtbot.waitSignal(step.done):
        step.reopen_button.click()
    assert Slip.get_by_id(handled.id).status == Status.IN_HANDLING


def test_a_home_visit_shows_its_own_questions_and_messages(qtbot, session, handled):
    dialog = ReplyDialog(session, handled.id, method=ReplyMethod.VISIT)
    qtbot.addWidget(dialog)
    form = dialog.form
    assert form.sections["visit"].isVisibleTo(form) and not form.sections["phone"].isVisibleTo(form)
    form.summary.setPlainText("上门查看，灯已修好。")
    form.opinion.choose(Opinion.ACCEPTED)
    form.staff[0].name.setCurrentText("王师傅")
    form.staff[0].work_id.setText("E012")
    dialog.record_button.click()
    assert "两名工作人员持有效工作证件" in form.error_for("staff_2")
    assert form.error_for("place") and form.error_for("appointment_agreed")
    form.staff[1].name.setCurrentIndex(form.staff[1].name.findText("张小梅"))
    form.staff[1]._picked(form.staff[1].name.currentIndex())
    assert form.staff[1].work_id.text() == "C001"  # filled from the colleague's account
    form.place.setText("3-2-1201 张先生家")
    form.appointment_agreed.setChecked(True)
    with qtbot.waitSignal(form.recorded):
        dialog.record_button.click()


def test_a_letter_is_drafted_approved_by_a_supervisor_and_printed_final(qtbot, session, handled, users, monkeypatch):
    answers.save_answer(users["manager"], "声控灯维修答复",
                        "{称呼}您好：您反映的问题已处理完毕，单号{单号}。", category("lighting"))
    letters = LetterDialog(session, handled.id)
    qtbot.addWidget(letters)
    editor = letters.editor
    assert "感谢您对我们工作的关心和监督" in editor.text.toPlainText()  # a first draft from the slip
    editor.text.clear()
    monkeypatch.setattr(answer_picker, "pick_answer", pick_first("声控灯"))
    editor.answer_button.click()
    assert editor.text.toPlainText() == f"李四您好：您反映的问题已处理完毕，单号{handled.number}。"
    editor.text.appendPlainText("这是公司的规定，请谅解。")
    editor.phrases.check_now()
    assert [flag.phrase for flag in editor.phrases.flags] == ["这是公司的规定"]
    shown = []  # the clerk sees the flag when submitting, and submits as it is
    monkeypatch.setattr(asking, "submit_with_flags", lambda parent, flags: shown.append(flags) or True)
    with qtbot.waitSignal(session.slip_saved):
        editor.submit_button.click()
    assert [flag.phrase for flag in shown[0]] == ["这是公司的规定"]
    assert replies.current_letter(handled).status == replies.LetterStatus.SUBMITTED

    clerk_actions, _ = actions_of(handled.id, session, qtbot)
    assert "reply-approve" not in clerk_actions and "reply-print-final" not in clerk_actions
    boss = signed_in(users["supervisor"])
    boss_actions, parent = actions_of(handled.id, boss, qtbot)
    assert "reply-approve" in boss_actions
    assert dashboard.counts(users["supervisor"])["letters_to_approve"] == 1

    approval = ApprovalDialog(boss, replies.current_letter(handled).id)
    qtbot.addWidget(approval)
    form = approval.form
    assert form.rows["flags"].isVisibleTo(form) and "这是公司的规定" in form.phrases.list.item(0).text()
    form.approve_button.click()
    assert "words never to say" in form.error_for("flags")
    form.flags_read.setChecked(True)
    with qtbot.waitSignal(boss.slip_saved):
        form.approve_button.click()
    assert replies.approved_letter_text(Slip.get_by_id(handled.id)).endswith("这是公司的规定，请谅解。")

    boss_actions, parent = actions_of(handled.id, boss, qtbot)
    boss_actions["reply-print-final"].trigger()
    preview = parent.findChild(PreviewDialog)
    qtbot.addWidget(preview)
    assert not preview.printout.draft and not check.watermarked(preview.printout.pdf)
    assert "草稿" not in check.flat(check.text(preview.printout.pdf))

    monkeypatch.setattr(asking, "letter_sent", lambda parent, letter: True)
    clerk_actions, _ = actions_of(handled.id, session, qtbot)
    clerk_actions["reply-sent"].trigger()
    follow_up = replies.open_follow_up(handled)
    assert follow_up is not None

    clock.freeze(follow_up.due - dt.timedelta(hours=2))
    clerk_actions, parent = actions_of(handled.id, session, qtbot)
    clerk_actions["reply-thanks"].trigger()
    thanks = parent.findChild(ThanksDialog)
    qtbot.addWidget(thanks)
    thanks.form.note.setPlainText("张先生已收到信，表示满意。")
    with qtbot.waitSignal(session.slip_saved):
        thanks.save_button.click()
    assert replies.open_follow_up(handled) is None
    assert history.events_of(Slip.get_by_id(handled.id))[-1].action == "thanks_follow_up"


def test_letters_to_approve_show_on_the_approvals_page(qtbot, session, handled, users):
    from desktop.approvals.page import ApprovalsPage

    replies.save_letter(handled.id, users["clerk"], "张先生您好：灯已修好。", expected_version=handled.version)
    replies.submit_letter(handled.id, users["clerk"], expected_version=Slip.get_by_id(handled.id).version)
    boss = signed_in(users["supervisor"])
    page = ApprovalsPage(boss)
    qtbot.addWidget(page)
    assert page.letters.isVisibleTo(page) and page.letters.list.count() == 1
    assert handled.number in page.letters.list.item(0).text()
    with qtbot.waitSignal(page.count_changed) as counted:
        page.refresh()
    assert counted.args == [1]
    dialog = page.letters.review()
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(page.count_changed) as counted:
        dialog.form.approve_button.click()
    assert counted.args == [0] and not page.letters.isVisibleTo(page)
