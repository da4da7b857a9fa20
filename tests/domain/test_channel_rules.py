"""Each channel keeps its own rules, in models/ and refused with the seed's words: only someone at
the desk or on the line is answered at once; a comment-book entry is answered in the book, signed,
and directly when it left contact details; a letter is answered by letter and the customer thanked
again once they have it; a slip not answered at once reaches the person in charge; no call or
message to the customer at night."""
from __future__ import annotations

import datetime as dt

import pytest

from models import clock, history, intake, notices, replies, satisfaction, workflow
from models.errors import TransitionRefused, ValidationFailed
from models.replies import ReplyInput, StaffMember
from models.slips import Slip
from models.vocab import Channel, Opinion, ReplyMethod, Status
from tests.support.slips import category, phone_intake, received_slip, recorded_change, slip_in, step

LETTER_TEXT = "您来信反映的楼道声控灯问题，工程部已更换灯具，现场测试正常。\n感谢您的来信。"
NIGHT = dt.datetime(2026, 11, 24, 21, 15)


def fresh(slip: Slip) -> Slip:
    return Slip.get_by_id(slip.id)


def written(channel: str, frozen_now: dt.datetime, **values) -> intake.Intake:
    """A letter or a comment-book entry as the clerk takes it down."""
    given = dict(channel=channel, complainant_name="张三", complainant_title="mr", unit_code="3-2-1201",
                 complaint="楼道声控灯坏了半个月了。", category_id=category("lighting"),
                 deadline=frozen_now + dt.timedelta(days=2))
    if channel == Channel.LETTER:
        given.update(letter_received=frozen_now.date(), letter_date=frozen_now.date() - dt.timedelta(days=2),
                     sender_address="阳光花园3-2-1201室", phone="13812345678")
    else:
        given.update(book_entry_date=frozen_now.date(), book_entry_ref="第12页第3条")
    given.update(values)
    return intake.Intake(**given)


def handled(slip: Slip, users) -> Slip:
    return step(slip, "record_handling", users["clerk"], result="工程部已更换声控灯，测试正常。")


def post_letter(slip: Slip, users) -> replies.Recorded:
    letter = replies.save_letter(slip.id, users["clerk"], LETTER_TEXT, expected_version=fresh(slip).version)
    replies.submit_letter(slip.id, users["clerk"], expected_version=fresh(slip).version)
    replies.approve_letter(letter.id, users["supervisor"], expected_version=fresh(slip).version)
    return replies.record(slip.id, users["clerk"], ReplyInput(ReplyMethod.LETTER, opinion=Opinion.PENDING),
                          expected_version=fresh(slip).version)


# --- answered at once: on-site and phone only -------------------------------------------------

@pytest.mark.parametrize("channel", [Channel.LETTER, Channel.BOOK])
def test_letter_or_book_entry_cannot_be_answered_on_the_spot(db, users, frozen_now, channel):
    form = written(channel, frozen_now, answered_at_once=True, answer_note="已当场解释。", deadline=None)
    with pytest.raises(ValidationFailed) as refused:
        intake.save(form, users["clerk"])
    assert "cannot be answered on the spot" in refused.value.errors["outcome"]
    slip = received_slip(users["clerk"], channel=channel, sender_address="阳光花园3-2-1201室")
    with pytest.raises(TransitionRefused, match="cannot be answered on the spot: nobody stands at the desk"):
        step(slip, "answer_at_once", users["clerk"], answer_note="已当场解释。")
    assert "answer_at_once" not in [t.action for t in workflow.allowed_actions(fresh(slip), users["clerk"])]
    assert fresh(slip).status == Status.RECEIVED


def test_letter_cannot_be_answered_on_the_spot_in_chinese(db, users, frozen_now):
    from models import i18n

    i18n.set_language("zh")
    errors = intake.check(written(Channel.LETTER, frozen_now, answered_at_once=True, answer_note="已解释。",
                                  deadline=None))
    assert errors["outcome"] == "信函投诉无法当场答复：客户并不在场。当场答复只适用于现场口头投诉和电话投诉；请约定回复时限。"


def test_on_site_and_phone_complaints_may_still_be_answered_at_once(db, users, frozen_now):
    slip = intake.save(phone_intake(answered_at_once=True, answer_note="已当场说明维修安排。", deadline=None),
                       users["clerk"])
    assert slip.status == Status.ANSWERED


# --- not answered at once: the person in charge hears of it (请示负责人处理) ----------------------

@pytest.mark.parametrize("channel", [Channel.ONSITE, Channel.PHONE])
def test_slip_not_answered_at_once_is_reported_to_the_person_in_charge(db, users, frozen_now, channel):
    slip = intake.save(phone_intake(channel=channel, phone="13812345678", calmed=True), users["clerk"])
    assert slip.status == Status.IN_HANDLING  # within authority: with the department
    reported = [n for n in notices.for_user(users["supervisor"]) if n.kind == "reported"]
    assert [n.slip_id for n in reported] == [slip.id] and "请示负责人处理" in reported[0].text("zh")
    assert [n.slip_id for n in notices.for_user(users["manager"]) if n.kind == "reported"] == [slip.id]
    answered = intake.save(phone_intake(channel=channel, answered_at_once=True, answer_note="已当场说明。",
                                        deadline=None, unit_code="5-1-101", caller_number="13900000002",
                                        phone="13900000002"), users["clerk"])  # another customer: no repeat
    assert answered.id not in [n.slip_id for n in notices.for_user(users["supervisor"])]


def test_written_complaints_go_to_the_department_without_a_report(db, users, frozen_now):
    slip = intake.save(written(Channel.LETTER, frozen_now), users["clerk"])
    assert [n.kind for n in notices.for_user(users["supervisor"])] == []
    assert slip.status == Status.IN_HANDLING


# --- comment book: written back, signed, and replied to directly when it left contact details ---

def test_book_slip_ends_only_after_the_opinion_is_written_back_and_signed(db, users, frozen_now):
    slip = handled(intake.save(written(Channel.BOOK, frozen_now, complainant_name="匿名业主", unit_code=""),
                               users["clerk"]), users)
    with pytest.raises(TransitionRefused, match="closed after the reply to the customer"):
        replies.close_accepted(slip.id, users["clerk"], expected_version=slip.version)
    with pytest.raises(ValidationFailed) as refused:
        replies.record(slip.id, users["clerk"], ReplyInput(ReplyMethod.BOOK, summary="感谢留言，灯已修好。",
                                                           opinion=Opinion.NONE), expected_version=slip.version)
    assert refused.value.errors == {"signed_by": "Record who signed the write-back in the comment book (签字确认)."}
    done = replies.record(slip.id, users["clerk"], ReplyInput(ReplyMethod.BOOK, summary="感谢留言，灯已修好。",
                                                              opinion=Opinion.NONE, signed_by="张小梅"),
                          expected_version=slip.version)
    assert replies.close_accepted(slip.id, users["clerk"], expected_version=done.slip.version).status == Status.CLOSED


def test_book_entry_with_contact_details_is_also_answered_directly(db, users, frozen_now):
    slip = handled(intake.save(written(Channel.BOOK, frozen_now, contact_left=True, phone="13812345678"),
                               users["clerk"]), users)
    phoned = replies.record(slip.id, users["clerk"], ReplyInput(
        ReplyMethod.PHONE, summary="电话告知灯已修好。", opinion=Opinion.ACCEPTED, identity_stated=True),
        expected_version=slip.version)
    assert replies.missing_for_complete(phoned.slip) == [
        "The handling opinion is not yet written back into the comment book and signed (签字确认)."]
    with pytest.raises(TransitionRefused, match="written back into the comment book"):
        replies.close_accepted(slip.id, users["clerk"], expected_version=phoned.slip.version)
    back = replies.record(slip.id, users["clerk"], ReplyInput(
        ReplyMethod.BOOK, summary="感谢留言，灯已修好。", opinion=Opinion.NONE, signed_by="张小梅"),
        expected_version=phoned.slip.version)
    assert back.slip.reply_opinion == Opinion.ACCEPTED  # the write-back does not hide what the customer said
    assert replies.close_accepted(slip.id, users["clerk"], expected_version=back.slip.version).status == Status.CLOSED

    other = handled(intake.save(written(Channel.BOOK, frozen_now, contact_left=True, phone="13900000002",
                                        unit_code="5-1-101", book_entry_ref="第12页第4条"),  # another writer
                                users["clerk"]), users)
    back = replies.record(other.id, users["clerk"], ReplyInput(
        ReplyMethod.BOOK, summary="感谢留言。", opinion=Opinion.NONE, signed_by="张小梅"), expected_version=other.version)
    assert back.next_steps == ("reply",)
    with pytest.raises(TransitionRefused, match="left contact details: reply to the customer directly"):
        replies.close_accepted(other.id, users["clerk"], expected_version=back.slip.version)


# --- letters: by letter (对等回复), the thanks after it, no return address -----------------------

def test_letter_is_answered_by_letter_unless_a_reason_is_recorded(db, users, frozen_now):
    slip = handled(intake.save(written(Channel.LETTER, frozen_now), users["clerk"]), users)
    call = ReplyInput(ReplyMethod.PHONE, summary="电话告知灯已修好。", opinion=Opinion.ACCEPTED, identity_stated=True)
    with pytest.raises(ValidationFailed) as refused:
        replies.record(slip.id, users["clerk"], call, expected_version=slip.version)
    assert "原则上采用信函的方式对等回复" in refused.value.errors["method_reason"]
    call.method_reason = "客户来电要求电话答复，不必回信。"
    done = replies.record(slip.id, users["clerk"], call, expected_version=slip.version)
    assert done.reply.facts["method_reason"] == "客户来电要求电话答复，不必回信。"
    assert history.events_of(done.slip)[-1].details["method_reason"] == "客户来电要求电话答复，不必回信。"


def test_the_thanks_after_the_letter_is_part_of_ending_a_letter_slip(db, users, frozen_now):
    slip = handled(intake.save(written(Channel.LETTER, frozen_now), users["clerk"]), users)
    posted = post_letter(slip, users)
    replies.hear_opinion(slip.id, users["clerk"], opinion=Opinion.ACCEPTED, expected_version=fresh(slip).version)
    with pytest.raises(TransitionRefused, match=r"not been thanked again since receiving the letter \(再次致谢\)"):
        replies.close_accepted(slip.id, users["clerk"], expected_version=fresh(slip).version)

    thursday = dt.datetime(2026, 11, 26, 10, 30)
    clock.freeze(thursday)
    done = replies.complete_follow_up(posted.follow_up.id, users["clerk"], method=ReplyMethod.PHONE,
                                      at=dt.datetime(2026, 11, 26, 9, 40), note="张先生已收到信。",
                                      expected_version=fresh(slip).version)
    assert (done.done_at, done.recorded_at, done.method) == (dt.datetime(2026, 11, 26, 9, 40), thursday,
                                                             ReplyMethod.PHONE)
    assert replies.close_accepted(slip.id, users["clerk"], expected_version=fresh(slip).version).status == Status.CLOSED


def test_the_thanks_after_the_letter_at_night_is_refused_like_any_call(db, users, frozen_now):
    slip = handled(intake.save(written(Channel.LETTER, frozen_now), users["clerk"]), users)
    posted = post_letter(slip, users)
    clock.freeze(NIGHT)
    with pytest.raises(ValidationFailed) as refused:
        replies.complete_follow_up(posted.follow_up.id, users["clerk"], method=ReplyMethod.PHONE,
                                   expected_version=fresh(slip).version)
    assert "outside the estate's working hours" in refused.value.errors["at"]
    with pytest.raises(ValidationFailed, match="after the letter went out"):
        replies.complete_follow_up(posted.follow_up.id, users["clerk"], method=ReplyMethod.PHONE,
                                   at=frozen_now - dt.timedelta(hours=1), expected_version=fresh(slip).version)
    with pytest.raises(ValidationFailed, match="The time of the thanks"):
        replies.complete_follow_up(posted.follow_up.id, users["clerk"], method=ReplyMethod.PHONE,
                                   at=NIGHT + dt.timedelta(days=1), expected_version=fresh(slip).version)
    assert replies.open_follow_up(slip) is not None


def test_thanks_by_e_mail_only_where_there_is_an_address(db, users, frozen_now):
    slip = handled(intake.save(written(Channel.LETTER, frozen_now), users["clerk"]), users)
    posted = post_letter(slip, users)
    with pytest.raises(ValidationFailed, match="No e-mail address is recorded"):
        replies.complete_follow_up(posted.follow_up.id, users["clerk"], method=ReplyMethod.EMAIL,
                                   expected_version=fresh(slip).version)
    with pytest.raises(ValidationFailed, match="Thank the customer by phone or e-mail"):
        replies.complete_follow_up(posted.follow_up.id, users["clerk"], method=ReplyMethod.SMS,
                                   expected_version=fresh(slip).version)
    recorded_change(slip, users["clerk"], email="zhangsan@example.com")
    clock.freeze(NIGHT)  # an e-mail is no call: it may go in the evening
    done = replies.complete_follow_up(posted.follow_up.id, users["clerk"], method=ReplyMethod.EMAIL,
                                      expected_version=fresh(slip).version)
    assert done.method == ReplyMethod.EMAIL and done.done_at == NIGHT


def test_when_thanking_again_is_impossible_the_reason_is_recorded(db, users, frozen_now):
    slip = handled(intake.save(written(Channel.LETTER, frozen_now, phone=""), users["clerk"]), users)
    posted = post_letter(slip, users)
    with pytest.raises(ValidationFailed, match="No phone number is recorded"):
        replies.complete_follow_up(posted.follow_up.id, users["clerk"], method=ReplyMethod.PHONE,
                                   expected_version=fresh(slip).version)
    with pytest.raises(ValidationFailed) as refused:
        replies.record_thanks_impossible(posted.follow_up.id, users["clerk"], " ", expected_version=fresh(slip).version)
    assert set(refused.value.errors) == {"impossible_reason"}
    done = replies.record_thanks_impossible(posted.follow_up.id, users["clerk"], "来信未留电话和电子邮箱。",
                                            expected_version=fresh(slip).version)
    assert done.impossible_reason == "来信未留电话和电子邮箱。" and done.done_at == frozen_now and done.method == ""
    assert history.events_of(fresh(slip))[-1].action == "thanks_impossible"
    closed = replies.close_accepted(slip.id, users["clerk"], expected_version=fresh(slip).version)
    assert closed.status == Status.CLOSED and closed.reply_opinion == Opinion.PENDING  # nobody invented one


def test_anonymous_letter_is_recorded_with_no_reply_letter(db, users, frozen_now):
    form = written(Channel.LETTER, frozen_now, complainant_name="匿名", complainant_title="", unit_code="",
                   phone="", sender_address="")
    assert "tick “no return address”" in intake.check(form)["sender_address"]
    form.no_return_address = True
    slip = intake.save(form, users["clerk"])
    assert slip.sender_address == "" and slip.status == Status.IN_HANDLING
    with pytest.raises(TransitionRefused, match="gave no return address .*no reply letter can be posted"):
        replies.save_letter(slip.id, users["clerk"], LETTER_TEXT, expected_version=slip.version)
    slip = handled(slip, users)
    assert replies.missing_for_complete(slip) == []  # nobody to reply to: handled is complete
    closed = replies.close_accepted(slip.id, users["clerk"], expected_version=slip.version)
    assert closed.status == Status.CLOSED


def test_letter_without_return_address_but_a_phone_is_answered_by_phone(db, users, frozen_now):
    slip = handled(intake.save(written(Channel.LETTER, frozen_now, sender_address="", no_return_address=True),
                               users["clerk"]), users)
    with pytest.raises(TransitionRefused, match="closed after the reply to the customer"):
        replies.close_accepted(slip.id, users["clerk"], expected_version=slip.version)  # it has a phone
    done = replies.record(slip.id, users["clerk"], ReplyInput(
        ReplyMethod.PHONE, summary="电话告知灯已修好。", opinion=Opinion.ACCEPTED, identity_stated=True),
        expected_version=slip.version)  # no reason needed: there is no address to write to
    assert replies.close_accepted(slip.id, users["clerk"], expected_version=done.slip.version).status == Status.CLOSED


def test_a_letter_giving_an_address_cannot_say_it_has_none(db, users, frozen_now):
    errors = intake.check(written(Channel.LETTER, frozen_now, no_return_address=True))
    assert errors["sender_address"].startswith("The letter gives an address")


# --- the night rule: every call and message to the customer ------------------------------------

def test_an_sms_reply_at_night_is_refused(db, users, frozen_now):
    slip = slip_in(Status.HANDLED, users)
    clock.freeze(NIGHT)
    with pytest.raises(ValidationFailed) as refused:
        replies.record(slip.id, users["clerk"], ReplyInput(ReplyMethod.SMS, summary="短信告知灯已修好。",
                                                           opinion=Opinion.PENDING), expected_version=slip.version)
    assert "发短信都是如此" in refused.value.errors["at"] or "every call or message" in refused.value.errors["at"]
    done = replies.record(slip.id, users["clerk"], ReplyInput(ReplyMethod.EMAIL, summary="邮件告知灯已修好。",
                                                              opinion=Opinion.PENDING), expected_version=slip.version)
    assert done.reply.at == NIGHT  # an e-mail waits in the inbox: no night rule


def test_a_return_visit_call_at_night_is_refused(db, users, frozen_now):
    slip = slip_in(Status.CLOSED, users)
    with pytest.raises(ValidationFailed) as refused:
        satisfaction.schedule_return_visit(slip.id, users["clerk"], NIGHT, "phone", expected_version=slip.version)
    assert "outside the estate's working hours" in refused.value.errors["due"]
    visit = satisfaction.schedule_return_visit(slip.id, users["clerk"], frozen_now + dt.timedelta(days=1), "phone",
                                               expected_version=slip.version)
    clock.freeze(NIGHT + dt.timedelta(days=1))
    with pytest.raises(ValidationFailed) as refused:
        satisfaction.record_return_visit(visit.id, users["clerk"], "业主说灯一直正常。", expected_version=fresh(slip).version)
    assert "outside the estate's working hours" in refused.value.errors["outcome"]
    clock.freeze(frozen_now + dt.timedelta(days=1))
    assert satisfaction.record_return_visit(visit.id, users["clerk"], "业主说灯一直正常。",
                                            expected_version=fresh(slip).version).done_at is not None


def test_a_home_visit_outside_working_hours_is_made_at_the_agreed_time(db, users, frozen_now):
    slip = slip_in(Status.HANDLED, users)
    evening = dt.datetime(2026, 11, 24, 19, 0)
    visit = ReplyInput(ReplyMethod.VISIT, summary="上门查看，灯已修好。", opinion=Opinion.ACCEPTED, at=evening,
                       place="3-2-1201", appointment_agreed=True,
                       staff=[StaffMember("王师傅", "E012"), StaffMember("张小梅", "C001")])
    clock.freeze(dt.datetime(2026, 11, 24, 20, 0))
    with pytest.raises(ValidationFailed) as refused:
        replies.record(slip.id, users["clerk"], visit, expected_version=slip.version)
    assert "record the time agreed with the customer for the visit" in refused.value.errors["appointment_at"]
    visit.appointment_at = dt.datetime(2026, 11, 24, 16, 0)
    with pytest.raises(ValidationFailed, match="not at the time agreed with the customer"):
        replies.record(slip.id, users["clerk"], visit, expected_version=slip.version)
    visit.appointment_at = dt.datetime(2026, 11, 24, 18, 45)
    done = replies.record(slip.id, users["clerk"], visit, expected_version=slip.version)
    assert done.reply.facts["appointment_at"] == "2026-11-24 18:45:00"
