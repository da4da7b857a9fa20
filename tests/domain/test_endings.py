"""A slip always has an honest way to end: the person in charge ends one the customer still does
not accept (答复已按规定作出，客户仍不认可) with the reason and what was offered; an opinion may be
still unknown (意见待反馈) or have nobody to give it (an anonymous book entry), and nothing makes the
clerk invent one."""
from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from models import clock, dashboard, history, queries, replies, review, workflow
from models.errors import PermissionDenied, TransitionRefused, ValidationFailed
from models.replies import ReplyInput
from models.slips import Slip
from models.vocab import Opinion, ReplyMethod, Status
from printouts.review_export import export_review
from tests import printing_checks as check
from tests.support.slips import recorded_change, replied_not_accepted, slip_in, step

WHY = "已按物业服务合同和公司规定作出答复，业主要求免除全年物业费，超出规定和本中心权限。"
OFFERED = "免费更换灯具并延长保修一年；可向业主委员会反映减免要求。"


def fresh(slip: Slip) -> Slip:
    return Slip.get_by_id(slip.id)


def end(slip: Slip, user, **inputs) -> Slip:
    return workflow.apply(slip.id, "end_unaccepted", user, expected_version=fresh(slip).version, **inputs)


def test_unaccepted_slip_ended_by_person_in_charge(db, users, frozen_now):
    slip = replied_not_accepted(users)
    recorded_change(slip, users["clerk"], deadline=frozen_now - dt.timedelta(days=1))  # and overdue
    assert [s.id for s in dashboard.slips_of("reply_not_accepted", users["supervisor"])] == [slip.id]
    assert "end" in replies.next_steps(fresh(slip))

    ended = end(slip, users["supervisor"], end_reason=WHY, offered=OFFERED)
    assert (ended.status, ended.end_reason, ended.end_offer, ended.closed_at) == (
        Status.ENDED_UNACCEPTED, WHY, OFFERED, frozen_now)
    assert not ended.is_open and not ended.is_overdue()
    event = history.events_of(ended)[-1]
    assert (event.action, event.actor, event.from_status, event.to_status) == (
        "end_unaccepted", "李慧", Status.REPLIED, Status.ENDED_UNACCEPTED)
    assert event.details == {"reason": WHY, "offered": OFFERED, "opinion": Opinion.NOT_ACCEPTED}
    # it leaves the lists of promises owed
    assert dashboard.slips_of("overdue", users["clerk"]) == []
    assert dashboard.slips_of("reply_not_accepted", users["supervisor"]) == []
    assert queries.count(queries.SlipFilter(overdue=True)) == 0
    assert queries.count(queries.SlipFilter(statuses=(Status.ENDED_UNACCEPTED,))) == 1


def test_a_clerk_alone_cannot_end_a_slip_as_not_accepted(db, users, frozen_now):
    slip = replied_not_accepted(users)
    for clerk in (users["clerk"], users["liu"]):
        with pytest.raises(PermissionDenied, match="Only a supervisor or manager may end a slip the customer"):
            end(slip, clerk, end_reason=WHY, offered=OFFERED)
    assert fresh(slip).status == Status.REPLIED and fresh(slip).version == slip.version
    assert "end_unaccepted" not in [t.action for t in workflow.allowed_actions(fresh(slip), users["clerk"])]
    assert "end_unaccepted" in [t.action for t in workflow.allowed_actions(fresh(slip), users["manager"])]


def test_ending_as_not_accepted_records_the_reason_and_what_was_offered(db, users, frozen_now):
    slip = replied_not_accepted(users)
    with pytest.raises(ValidationFailed) as refused:
        end(slip, users["supervisor"], end_reason=" ", offered="")
    assert refused.value.errors == {
        "end_reason": "Say why nothing more can be done within the rules and the desk's authority.",
        "offered": "Record what was offered to the customer."}
    assert fresh(slip).status == Status.REPLIED


def test_a_reply_accepted_or_still_awaited_is_not_ended_as_not_accepted(db, users, frozen_now):
    accepted = slip_in(Status.REPLIED, users)
    with pytest.raises(TransitionRefused, match="accepted the reply .*close it instead"):
        end(accepted, users["supervisor"], end_reason=WHY, offered=OFFERED)
    handled = slip_in(Status.HANDLED, users)
    with pytest.raises(TransitionRefused, match="possible only when it is Replied"):
        end(handled, users["supervisor"], end_reason=WHY, offered=OFFERED)


def test_a_slip_the_customer_does_not_accept_is_never_closed_as_accepted(db, users, frozen_now):
    slip = replied_not_accepted(users)
    with pytest.raises(TransitionRefused) as refused:
        replies.close_accepted(slip.id, users["manager"], expected_version=slip.version)
    assert "the person in charge can end it as 答复已按规定作出，客户仍不认可" in str(refused.value)


def test_an_ended_slip_can_be_reopened(db, users, frozen_now):
    ended = end(replied_not_accepted(users), users["supervisor"], end_reason=WHY, offered=OFFERED)
    new_deadline = frozen_now + dt.timedelta(days=2)
    again = step(ended, "reopen", users["clerk"], customer_words="业主带来了新的照片，说灯具本身有质量问题。",
                 deadline=new_deadline)
    assert (again.status, again.reopened_count, again.deadline, again.closed_at) == (
        Status.IN_HANDLING, 1, new_deadline, None)
    assert again.end_reason is None and again.end_offer is None and again.reply_opinion == ""
    event = history.events_of(again)[-1]
    assert event.details["ended"] == {"reason": WHY, "offered": OFFERED}  # the history keeps why it had ended
    assert history.verify_slip(again) is None


def test_the_review_counts_unaccepted_endings_apart_on_screen_pdf_and_xlsx(db, users, frozen_now):
    slip_in(Status.CLOSED, users)
    end(replied_not_accepted(users), users["supervisor"], end_reason=WHY, offered=OFFERED)
    period = review.parse_period("2026-11")
    figures = review.compute(period)
    assert (figures.closed, figures.ended_unaccepted) == (1, 1)

    text = check.flat(check.text(export_review(period, "pdf"), "-layout"))
    assert "本期结案1" in text and "答复已按规定作出、客户仍不认可（负责人终结）1" in text
    sheet = load_workbook(io.BytesIO(export_review(period, "xlsx"))).active
    rows = {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row and isinstance(row[0], str)}
    assert rows["本期结案"] == 1 and rows["答复已按规定作出、客户仍不认可（负责人终结）"] == 1


# --- the opinion: heard, pending, or nobody to give it ----------------------------------------

def _letter_posted(users, slip: Slip) -> replies.Recorded:
    letter = replies.save_letter(slip.id, users["clerk"], "您反映的问题已处理完毕，特此函复。",
                                 expected_version=fresh(slip).version)
    replies.submit_letter(slip.id, users["clerk"], expected_version=fresh(slip).version)
    replies.approve_letter(letter.id, users["supervisor"], expected_version=fresh(slip).version)
    return replies.record(slip.id, users["clerk"], ReplyInput(ReplyMethod.LETTER, opinion=Opinion.PENDING),
                          expected_version=fresh(slip).version)


def test_a_posted_letter_waits_for_the_customers_opinion_until_the_thanks(db, users, frozen_now):
    slip = slip_in(Status.HANDLED, users)
    posted = _letter_posted(users, slip)
    assert (posted.reply.opinion, posted.slip.reply_opinion, posted.next_steps) == (
        Opinion.PENDING, Opinion.PENDING, ("hear", "reply"))
    assert dashboard.slips_of("reply_not_accepted", users["clerk"]) == []  # pending is not a "no"
    with pytest.raises(TransitionRefused, match=r"still pending \(意见待反馈\)"):
        replies.close_accepted(slip.id, users["clerk"], expected_version=posted.slip.version)

    thursday = dt.datetime(2026, 11, 26, 9, 30)
    clock.freeze(thursday)
    replies.complete_follow_up(posted.follow_up.id, users["clerk"], method=ReplyMethod.PHONE, at=thursday,
                               note="张先生说信收到了。", opinion=Opinion.ACCEPTED,
                               expected_version=fresh(slip).version)
    assert replies.Reply.get_by_id(posted.reply.id).opinion == Opinion.ACCEPTED
    assert fresh(slip).reply_opinion == Opinion.ACCEPTED
    event = history.events_of(fresh(slip))[-1]
    assert event.action == "thanks_follow_up" and event.details["heard"]["before"] == Opinion.PENDING
    assert replies.close_accepted(slip.id, users["clerk"], expected_version=fresh(slip).version).status == Status.CLOSED


def test_a_letter_slip_whose_customer_never_said_closes_after_the_thanks_without_inventing_an_opinion(
        db, users, frozen_now):
    slip = slip_in(Status.HANDLED, users)
    posted = _letter_posted(users, slip)
    replies.complete_follow_up(posted.follow_up.id, users["clerk"], method=ReplyMethod.PHONE,
                               note="客户说收到了，没有多说。", expected_version=fresh(slip).version)
    closed = replies.close_accepted(slip.id, users["clerk"], expected_version=fresh(slip).version)
    assert closed.status == Status.CLOSED and closed.reply_opinion == Opinion.PENDING


def test_the_customers_opinion_is_recorded_when_they_give_it(db, users, frozen_now):
    slip = slip_in(Status.HANDLED, users)
    _letter_posted(users, slip)
    with pytest.raises(ValidationFailed) as refused:
        replies.hear_opinion(slip.id, users["clerk"], opinion=Opinion.PARTLY, expected_version=fresh(slip).version)
    assert set(refused.value.errors) == {"customer_words"}
    heard = replies.hear_opinion(slip.id, users["clerk"], opinion=Opinion.PARTLY, customer_words="信收到了，但灯还是偶尔闪。",
                                 expected_version=fresh(slip).version)
    assert heard.reply_opinion == Opinion.PARTLY and "end" in replies.next_steps(heard)
    assert history.events_of(heard)[-1].action == "opinion_heard"
    with pytest.raises(ValidationFailed, match="No reply of this slip waits"):
        replies.hear_opinion(slip.id, users["clerk"], opinion=Opinion.ACCEPTED, expected_version=heard.version)


def test_a_call_or_a_visit_hears_the_customer_so_its_opinion_is_never_pending(db, users, frozen_now):
    slip = slip_in(Status.HANDLED, users)
    for method, extra in ((ReplyMethod.PHONE, {"identity_stated": True}),
                          (ReplyMethod.VISIT, {"appointment_agreed": True, "place": "业主家中", "staff": [
                              replies.StaffMember("王师傅", "E017"), replies.StaffMember("李慧", "S001")]})):
        with pytest.raises(ValidationFailed) as refused:
            replies.record(slip.id, users["clerk"], ReplyInput(method, summary="已说明。", opinion=Opinion.PENDING,
                                                               **extra), expected_version=slip.version)
        assert "record what they said" in refused.value.errors["opinion"]
    assert replies.opinions_for(ReplyMethod.SMS)[-1] == Opinion.PENDING  # a message may wait for its answer


def test_an_anonymous_comment_book_write_back_needs_no_opinion(db, users, frozen_now):
    from tests.domain.printout_slips import book_slip

    slip = step(book_slip(users["clerk"], frozen_now), "record_handling", users["clerk"], result="已增设座椅。")
    with pytest.raises(ValidationFailed, match="No opinion to ask"):
        replies.record(slip.id, users["clerk"], ReplyInput(ReplyMethod.PHONE, summary="已说明。", opinion=Opinion.NONE,
                                                           identity_stated=True), expected_version=slip.version)
    done = replies.record(slip.id, users["clerk"], ReplyInput(
        ReplyMethod.BOOK, summary="感谢您的建议，中心花园已增设座椅。", opinion=Opinion.NONE, signed_by="张小梅"),
        expected_version=slip.version)
    assert done.next_steps == ("close",) and replies.is_complete(done.slip)
    closed = replies.close_accepted(slip.id, users["clerk"], expected_version=done.slip.version)
    assert closed.status == Status.CLOSED and closed.reply_opinion == Opinion.NONE
