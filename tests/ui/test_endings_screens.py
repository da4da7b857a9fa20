"""The screens of an honest ending and the channels' rules, driven as the desk drives them: the
person in charge ends a slip the customer still does not accept, a letter is answered by letter
(or says why not) and thanked again, a book entry is written back with its strip, the written
channels offer no answer on the spot, an anonymous letter is taken down."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QWidget

from desktop.replies import actions as reply_actions
from desktop.intake.window import IntakeWindow
from desktop.slips.printing import PreviewDialog
from desktop.replies.dialogs import OpinionDialog, ReplyDialog, ThanksDialog
from desktop.shell.session import Session
from desktop.slips.actions import SlipContext
from desktop.slips.view import SlipView
from desktop.slips.workflow_actions import slip_actions as workflow_actions
from desktop.slips.workflow_actions import step_dialog
from forms import asking
from forms.fields import to_qdatetime
from models import clock, history, intake, replies, review
from models.catalog import Category
from models.slips import Slip
from models.vocab import Channel, Opinion, ReplyMethod, Status
from tests import printing_checks as check
from tests.support.slips import replied_not_accepted, slip_in

WHY = "已按物业服务合同和公司规定答复，业主要求免除物业费超出规定。"
OFFERED = "免费检修一次并延长保修一年。"


def signed_in(user) -> Session:
    desk = Session(lang="en")
    desk.sign_in(user)
    return desk


def fresh(slip: Slip) -> Slip:
    return Slip.get_by_id(slip.id)


def context_of(slip: Slip, desk: Session, qtbot) -> SlipContext:
    parent = QWidget()
    qtbot.addWidget(parent)
    return SlipContext(fresh(slip), desk, parent)


def letter_slip(users, frozen_now, **values) -> Slip:
    given = dict(channel=Channel.LETTER, complainant_name="张三", complainant_title="mr", unit_code="3-2-1201",
                 complaint="楼道声控灯坏了半个月。", category_id=Category.get(Category.code == "lighting").id,
                 deadline=frozen_now + dt.timedelta(days=2), letter_received=frozen_now.date(),
                 sender_address="阳光花园3-2-1201室", phone="13812345678")
    given.update(values)
    slip = intake.save(intake.Intake(**given), users["clerk"])
    return Slip.get_by_id(slip.id)


def test_the_person_in_charge_ends_an_unaccepted_slip_after_the_reply(qtbot, session, users, frozen_now):
    slip = slip_in(Status.HANDLED, users)
    boss = signed_in(users["supervisor"])
    dialog = ReplyDialog(boss, slip.id)
    qtbot.addWidget(dialog)
    form = dialog.form
    form.summary.setPlainText("电话说明按规定不能免除物业费，已安排检修。")
    form.identity_stated.setChecked(True)
    form.opinion.choose(Opinion.NOT_ACCEPTED)
    form.words.setPlainText("不免物业费我不认可。")
    with qtbot.waitSignal(form.recorded):
        dialog.record_button.click()
    step = dialog.next_step
    assert step.end_button.isVisibleTo(step) and step.reopen_button.isVisibleTo(step)
    step.end_button.click()
    assert "Say why nothing more can be done" in step.error_for("end_reason")
    step.end_reason.setPlainText(WHY)
    step.offered.setPlainText(OFFERED)
    with qtbot.waitSignal(step.done):
        step.end_button.click()
    ended = fresh(slip)
    assert (ended.status, ended.end_reason, ended.end_offer) == (Status.ENDED_UNACCEPTED, WHY, OFFERED)

    view = SlipView(session, slip.id)
    qtbot.addWidget(view)
    shown = " ".join(label.text() for label in view.findChildren(QLabel))
    assert "答复已按规定作出，客户仍不认可" in shown and WHY in shown and OFFERED in shown
    assert view.status_chip.text() == "Ended, not accepted" and not view.overdue_chip.isVisibleTo(view)


def test_a_clerk_is_offered_no_ending_but_the_person_in_charge_is_from_the_slip_view(qtbot, session, users,
                                                                                      frozen_now):
    slip = replied_not_accepted(users)
    clerk_steps = [a.data() for a in workflow_actions(context_of(slip, session, qtbot))]
    assert "end_unaccepted" not in clerk_steps and "reopen" in clerk_steps

    boss = signed_in(users["supervisor"])
    context = context_of(slip, boss, qtbot)
    assert "end_unaccepted" in [a.data() for a in workflow_actions(context)]
    step = step_dialog(context, "end_unaccepted")  # its parent, the context's, is the test's widget
    assert step.windowTitle().startswith("End: answered within the rules, the customer still disagrees")
    step.editors["end_reason"].setPlainText(WHY)
    step.editors["offered"].setPlainText(OFFERED)
    assert step.submit() is not None and fresh(slip).status == Status.ENDED_UNACCEPTED

    clerk_context = context_of(slip, session, qtbot)
    reopen = step_dialog(clerk_context, "reopen")  # a clerk may take it back up
    reopen.editors["customer_words"].setPlainText("业主拿来了新的照片。")
    assert reopen.submit().status == Status.IN_HANDLING


def test_written_complaints_offer_no_answer_on_the_spot_and_an_anonymous_letter_is_taken_down(
        qtbot, session, users, frozen_now, monkeypatch):
    monkeypatch.setattr(asking, "discard", lambda parent, what, count=1: True)
    for channel in (Channel.LETTER, Channel.BOOK):
        window = IntakeWindow(session, channel)
        qtbot.addWidget(window)
        window.show()
        outcome = window.form.editors["outcome"]
        assert not outcome.answered.isVisibleTo(window) and outcome.choice() == "later"
    onsite = IntakeWindow(session, Channel.ONSITE)
    qtbot.addWidget(onsite)
    onsite.show()
    assert onsite.form.editors["outcome"].answered.isVisibleTo(onsite)

    window = IntakeWindow(session, Channel.LETTER)
    qtbot.addWidget(window)
    window.show()
    form = window.form
    form.editors["complainant_name"].setText("匿名")
    form.editors["complaint"].setPlainText("晚上十一点以后北门岗亭经常没人值班。")
    form.editors["category_id"].setCurrentIndex(form.editors["category_id"].findData(
        Category.get(Category.code == "security").id))
    window.save_button.click()
    assert "no return address" in form.error_for("sender_address")
    form.editors["no_return_address"].setChecked(True)
    with qtbot.waitSignal(session.slip_saved):
        window.save_button.click()
    slip = Slip.select().order_by(Slip.id.desc()).first()
    assert slip.channel == Channel.LETTER and slip.sender_address == ""
    view = SlipView(session, slip.id)
    qtbot.addWidget(view)
    assert "no reply letter" in " ".join(label.text() for label in view.findChildren(QLabel))


def test_a_letter_answered_by_phone_says_why_and_a_posted_letter_waits_for_the_opinion(qtbot, session, users,
                                                                                       frozen_now):
    slip = letter_slip(users, frozen_now)
    slip = Slip.get_by_id(slip.id)
    from models import workflow

    workflow.apply(slip.id, "record_handling", users["clerk"], expected_version=slip.version, result="已更换灯具。")
    dialog = ReplyDialog(session, slip.id, method=ReplyMethod.PHONE)
    qtbot.addWidget(dialog)
    form = dialog.form
    assert form.rows["method_reason"].isVisibleTo(form)
    assert not form.opinion.buttons[Opinion.PENDING].isVisibleTo(form)  # a call hears the customer
    form.method.setCurrentIndex(form.method.findData(ReplyMethod.LETTER.value))
    assert not form.rows["method_reason"].isVisibleTo(form) and form.opinion.buttons[Opinion.PENDING].isVisibleTo(form)
    form.method.setCurrentIndex(form.method.findData(ReplyMethod.PHONE.value))
    form.summary.setPlainText("电话告知灯已修好。")
    form.identity_stated.setChecked(True)
    form.opinion.choose(Opinion.ACCEPTED)
    dialog.record_button.click()
    assert "对等回复" in form.error_for("method_reason") or "by letter as a rule" in form.error_for("method_reason")
    form.method_reason.setText("客户来电要求电话答复。")
    with qtbot.waitSignal(form.recorded) as recorded:
        dialog.record_button.click()
    assert recorded.args[0].reply.facts["method_reason"] == "客户来电要求电话答复。"


def test_the_thanks_after_a_letter_hears_the_opinion_or_records_why_it_is_impossible(qtbot, session, users,
                                                                                      frozen_now, monkeypatch):
    slip = slip_in(Status.HANDLED, users)
    letter = replies.save_letter(slip.id, users["clerk"], "您反映的问题已处理。", expected_version=slip.version)
    replies.submit_letter(slip.id, users["clerk"], expected_version=fresh(slip).version)
    replies.approve_letter(letter.id, users["supervisor"], expected_version=fresh(slip).version)
    posted = replies.record(slip.id, users["clerk"], replies.ReplyInput(ReplyMethod.LETTER, opinion=Opinion.PENDING),
                            expected_version=fresh(slip).version)
    actions = {a.objectName(): a for a in reply_actions.slip_actions(context_of(slip, session, qtbot))}
    assert {"reply-thanks", "reply-opinion"} <= set(actions)

    thanks = ThanksDialog(session, posted.follow_up.id)
    qtbot.addWidget(thanks)
    form = thanks.form
    assert form.heard is not None and not form.heard.opinion.buttons[Opinion.PENDING].isVisibleTo(form)
    clock.freeze(dt.datetime(2026, 11, 24, 21, 0))
    form.at.setDateTime(to_qdatetime(dt.datetime(2026, 11, 24, 20, 0)))
    thanks.save_button.click()
    assert "outside the estate's working hours" in form.error_for("at")  # refused at night like any call
    form.at.setDateTime(to_qdatetime(dt.datetime(2026, 11, 24, 10, 0)))
    form.heard.opinion.choose(Opinion.ACCEPTED)
    with qtbot.waitSignal(session.slip_saved):
        thanks.save_button.click()
    assert fresh(slip).reply_opinion == Opinion.ACCEPTED and replies.open_follow_up(slip) is None

    other = slip_in(Status.HANDLED, users)
    letter = replies.save_letter(other.id, users["clerk"], "您反映的问题已处理。", expected_version=other.version)
    replies.submit_letter(other.id, users["clerk"], expected_version=fresh(other).version)
    replies.approve_letter(letter.id, users["supervisor"], expected_version=fresh(other).version)
    posted = replies.record(other.id, users["clerk"], replies.ReplyInput(ReplyMethod.LETTER, opinion=Opinion.PENDING),
                            expected_version=fresh(other).version)
    thanks = ThanksDialog(session, posted.follow_up.id)
    qtbot.addWidget(thanks)
    monkeypatch.setattr(asking, "impossible_reason", lambda parent: "客户电话停机，也没有邮箱。")
    with qtbot.waitSignal(session.slip_saved):
        thanks.impossible_button.click()
    done = replies.follow_ups_of(other)[0]
    assert done.impossible_reason == "客户电话停机，也没有邮箱。"

    opinion = OpinionDialog(session, other.id)
    qtbot.addWidget(opinion)
    opinion.form.heard.opinion.choose(Opinion.PARTLY)
    opinion.save_button.click()
    assert "in their words" in opinion.form.error_for("customer_words")
    opinion.form.heard.words.setPlainText("信收到了，但灯还偶尔闪。")
    with qtbot.waitSignal(session.slip_saved):
        opinion.save_button.click()
    assert fresh(other).reply_opinion == Opinion.PARTLY


def test_a_book_write_back_prints_its_strip_with_the_text_and_needs_no_opinion(qtbot, session, users, frozen_now):
    from tests.domain.printout_slips import book_slip
    from models import workflow

    slip = book_slip(users["clerk"], frozen_now)
    workflow.apply(slip.id, "record_handling", users["clerk"], expected_version=slip.version, result="内部：已采购座椅。")
    dialog = ReplyDialog(session, slip.id)
    qtbot.addWidget(dialog)
    form = dialog.form
    assert form.chosen_method == ReplyMethod.BOOK and form.opinion.buttons[Opinion.NONE].isVisibleTo(form)
    form.summary.setPlainText("感谢您的建议，中心花园已增设座椅。")
    form.strip_button.click()
    preview = dialog.findChild(PreviewDialog)
    qtbot.addWidget(preview)
    text = check.flat(check.text(preview.printout.pdf))
    assert "感谢您的建议，中心花园已增设座椅。" in text and "内部" not in text
    form.opinion.choose(Opinion.NONE)
    with qtbot.waitSignal(form.recorded):
        dialog.record_button.click()
    step = dialog.next_step
    assert step.accepted and step.close_button.text() == "&Close the slip"
    with qtbot.waitSignal(step.done):
        step.close_button.click()
    assert fresh(slip).status == Status.CLOSED


def test_a_visit_outside_working_hours_asks_for_the_agreed_time(qtbot, session, users, frozen_now):
    slip = slip_in(Status.HANDLED, users)
    dialog = ReplyDialog(session, slip.id, method=ReplyMethod.VISIT)
    qtbot.addWidget(dialog)
    form = dialog.form
    clock.freeze(dt.datetime(2026, 11, 24, 20, 0))
    form.at.setDateTime(to_qdatetime(dt.datetime(2026, 11, 24, 19, 0)))
    form.summary.setPlainText("上门查看，灯已修好。")
    form.opinion.choose(Opinion.ACCEPTED)
    form.place.setText("3-2-1201")
    form.appointment_agreed.setChecked(True)
    form.staff[0].name.setCurrentText("王师傅")
    form.staff[0].work_id.setText("E012")
    form.staff[1].name.setCurrentText("张小梅")
    form.staff[1].work_id.setText("C001")
    dialog.record_button.click()
    assert "record the time agreed" in form.error_for("appointment_at")
    form.appointment_at.given.setChecked(True)
    form.appointment_at.time.setDateTime(to_qdatetime(dt.datetime(2026, 11, 24, 19, 0)))
    with qtbot.waitSignal(form.recorded):
        dialog.record_button.click()


def test_an_sms_at_night_is_questioned_beside_the_time(qtbot, session, users, frozen_now):
    slip = slip_in(Status.HANDLED, users)
    dialog = ReplyDialog(session, slip.id, method=ReplyMethod.SMS)
    qtbot.addWidget(dialog)
    form = dialog.form
    form.at.setDateTime(to_qdatetime(dt.datetime(2026, 11, 23, 21, 0)))
    assert form.time_check_row.isVisibleTo(form) and "outside the estate's working hours" in form.time_check.text()
    form.method.setCurrentIndex(form.method.findData(ReplyMethod.EMAIL.value))
    assert not form.time_check_row.isVisibleTo(form)  # an e-mail is no call


def test_the_review_screen_counts_unaccepted_endings_apart(qtbot, sqlite_db, users, frozen_now):
    from desktop.reports.review_page import ReviewPage
    from models import workflow

    slip = replied_not_accepted(users)
    workflow.apply(slip.id, "end_unaccepted", users["supervisor"], expected_version=slip.version,
                   end_reason=WHY, offered=OFFERED)
    boss = signed_in(users["manager"])
    page = ReviewPage(boss)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.review is not None, timeout=20000)
    assert page.review.period == review.parse_period("2026-11") and page.review.ended_unaccepted == 1
    assert "answered within the rules and still not accepted: 1." in page.times.text()
    assert history.events_of(fresh(slip))[-1].action == "end_unaccepted"
