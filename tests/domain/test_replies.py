"""Replies under the etiquette rules (客户投诉回复的礼仪规范): each refused case gives its message,
a letter prints final only once approved, approval freezes the text, the follow-up after a
letter, and a slip that stays open until the customer accepts."""
from __future__ import annotations

import datetime as dt

import pytest

from models import clock, dashboard, edits, history, migrations, queries, replies
from models.db import database
from models.errors import PermissionDenied, StaleSlip, TransitionRefused, ValidationFailed
from models.replies import LetterStatus, ReplyInput, StaffMember
from models.slips import Slip
from models.connection import close_database, open_database
from models.vocab import Opinion, ReplyMethod, Status
from printouts.kinds import make
from tests import printing_checks as check
from tests.support.slips import recorded_change, slip_in

LETTER = ("张先生您好：您反映的楼道声控灯不亮问题，工程部已于11月24日更换了灯具，现场测试正常。\n"
          "感谢您对我们工作的关心和监督。")


def fresh(slip: Slip) -> Slip:
    return Slip.get_by_id(slip.id)


def phone(**values) -> ReplyInput:
    given = dict(method=ReplyMethod.PHONE, summary="电话告知张先生灯已修好。", opinion=Opinion.ACCEPTED,
                 identity_stated=True)
    given.update(values)
    return ReplyInput(**given)


def record(slip: Slip, user, data: ReplyInput) -> replies.Recorded:
    return replies.record(slip.id, user, data, expected_version=fresh(slip).version)


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, minute)


@pytest.fixture
def handled(db, users, frozen_now) -> Slip:
    return slip_in(Status.HANDLED, users)


def _approved_letter(slip: Slip, users, text: str = LETTER) -> replies.Letter:
    letter = replies.save_letter(slip.id, users["clerk"], text, expected_version=fresh(slip).version)
    replies.submit_letter(slip.id, users["clerk"], expected_version=fresh(slip).version)
    return replies.approve_letter(letter.id, users["supervisor"], expected_version=fresh(slip).version)


# --- phone: working hours unless urgent or agreed ---------------------------------------------

def test_phone_reply_at_night_is_refused_and_nothing_changes(handled, users):
    clock.freeze(at(24, 21, 15))
    with pytest.raises(ValidationFailed) as refused:
        record(handled, users["clerk"], phone())
    assert "outside the estate's working hours (08:30–17:30 on working days)" in refused.value.errors["at"]
    assert "电话回复原则上应选择工作时间进行" in refused.value.errors["at"]
    assert (fresh(handled).status, fresh(handled).version) == (Status.HANDLED, handled.version)
    assert replies.replies_of(handled) == []


def test_phone_reply_on_a_holiday_is_refused_and_on_a_make_up_working_day_allowed(handled, users):
    assert replies.phone_time_problem(handled, dt.datetime(2026, 10, 1, 10, 0))  # National Day
    assert replies.phone_time_problem(handled, at(28, 10))  # a Saturday
    assert replies.phone_time_problem(handled, dt.datetime(2026, 10, 10, 10, 0)) is None  # 调休: worked
    assert replies.phone_time_problem(handled, at(24, 8, 29)) and not replies.phone_time_problem(handled, at(24, 8, 30))


def test_phone_reply_outside_hours_is_allowed_when_urgent(handled, users):
    edits.edit_slip(handled.id, fresh(handled).version, {"urgent": True}, users["clerk"])
    clock.freeze(at(24, 21, 15))
    done = record(handled, users["clerk"], phone())
    assert done.slip.status == Status.REPLIED and done.reply.at == at(24, 21, 15)


def test_the_customers_agreement_to_calls_outside_hours_is_recorded_then_honoured(handled, users):
    version = fresh(handled).version
    slip = replies.agree_after_hours_calls(handled.id, users["clerk"], expected_version=version, agreed_with="张三",
                                           note="张先生白天上班，请晚上七点后回电。")
    assert slip.after_hours_ok and slip.version == version + 1
    event = history.events_of(slip)[-1]
    assert (event.action, event.details["agreed_with"], event.note) == ("after_hours_agreed", "张三",
                                                                        "张先生白天上班，请晚上七点后回电。")
    assert history.verify_slip(slip) is None
    with pytest.raises(ValidationFailed) as refused:
        replies.agree_after_hours_calls(handled.id, users["clerk"], expected_version=slip.version, agreed_with=" ")
    assert refused.value.errors == {"agreed_with": "Record who agreed (the customer)."}

    clock.freeze(at(24, 19, 30))
    assert record(handled, users["clerk"], phone()).slip.status == Status.REPLIED


def test_a_phone_reply_states_who_is_calling_first(handled, users):
    with pytest.raises(ValidationFailed) as refused:
        record(handled, users["clerk"], phone(identity_stated=False, line="mobile"))
    assert refused.value.errors == {
        "identity_stated": "State who you are first (回复时应首先向客户讲明身份).",
        "line": "Reply from the published service-supervision line or the office phone."}


def test_a_phone_reply_is_stored_with_the_workflow_step_in_one_transaction(handled, users, frozen_now):
    done = record(handled, users["clerk"], phone(recording_kept=True, replier="王师傅"))
    assert done.next_steps == ("close",)
    reply = done.reply
    assert (reply.method, reply.replier, reply.opinion, reply.facts["line"], reply.facts["recording_kept"]) == (
        ReplyMethod.PHONE, "王师傅", Opinion.ACCEPTED, "supervision", True)
    event = history.events_of(done.slip)[-1]
    assert (event.action, event.to_status, event.note, event.details["reply"]) == (
        "record_reply", Status.REPLIED, "电话告知张先生灯已修好。", reply.id)
    assert done.slip.version == handled.version + 1

    with pytest.raises(StaleSlip):
        replies.record(handled.id, users["clerk"], phone(), expected_version=handled.version)
    received = slip_in(Status.RECEIVED, users)
    with pytest.raises(TransitionRefused, match="Record the reply"):
        record(received, users["clerk"], phone())
    assert replies.replies_of(received) == []  # the refused step left no reply behind


# --- letters and faxes: approved by the person in charge, frozen ------------------------------

def test_a_letter_prints_as_a_draft_until_the_person_in_charge_approves_it(handled, users):
    letter = replies.save_letter(handled.id, users["clerk"], LETTER, expected_version=fresh(handled).version)
    assert replies.approved_letter_text(fresh(handled)) is None
    draft = make("letter", fresh(handled), "zh")
    assert draft.draft and check.watermarked(draft.pdf) and "草稿" in check.flat(check.text(draft.pdf))
    assert "工程部已于11月24日更换了灯具" in check.flat(check.text(draft.pdf))

    replies.submit_letter(handled.id, users["clerk"], expected_version=fresh(handled).version)
    assert make("letter", fresh(handled), "zh").draft  # submitted is not approved
    approved = replies.approve_letter(letter.id, users["supervisor"], expected_version=fresh(handled).version)
    assert (approved.status, approved.approved_by.id, approved.approved_at) == (
        LetterStatus.APPROVED, users["supervisor"].id, clock.now())
    assert approved.approved_sha256 == replies.sha256(LETTER)

    final = make("letter", fresh(handled), "zh")
    assert not final.draft and "草稿" not in check.flat(check.text(final.pdf)) and not check.watermarked(final.pdf)
    assert "工程部已于11月24日更换了灯具" in check.flat(check.text(final.pdf))
    actions = [e.action for e in history.events_of(fresh(handled))]
    assert actions[-3:] == ["letter_drafted", "letter_submitted", "letter_approved"]


def test_approval_freezes_the_text_and_an_edit_needs_a_new_approval(handled, users):
    approved = _approved_letter(handled, users)
    approved.text = "偷偷改过的正文。"
    with pytest.raises(replies.LetterFrozen):
        approved.save()

    edited = replies.save_letter(handled.id, users["clerk"], LETTER + "\n如有疑问请致电。",
                                 expected_version=fresh(handled).version)
    assert (edited.version, edited.status) == (2, LetterStatus.DRAFT)
    old = replies.Letter.get_by_id(approved.id)
    assert (old.status, old.text, old.approved_sha256) == (LetterStatus.SUPERSEDED, LETTER, replies.sha256(LETTER))
    assert replies.approved_letter_text(fresh(handled)) is None
    assert make("letter", fresh(handled), "zh").draft
    with pytest.raises(ValidationFailed) as refused:
        record(handled, users["clerk"], ReplyInput(ReplyMethod.LETTER, opinion=Opinion.ACCEPTED))
    assert "传真、信函回复时须经负责人确认" in refused.value.errors["letter"]

    replies.submit_letter(handled.id, users["clerk"], expected_version=fresh(handled).version)
    replies.approve_letter(edited.id, users["manager"], expected_version=fresh(handled).version)
    assert replies.approved_letter_text(fresh(handled)).endswith("如有疑问请致电。")


def test_nobody_approves_a_letter_they_wrote_from_any_account(handled, users):
    own = replies.save_letter(handled.id, users["supervisor"], LETTER, expected_version=fresh(handled).version)
    replies.submit_letter(handled.id, users["supervisor"], expected_version=fresh(handled).version)
    with pytest.raises(PermissionDenied, match="You wrote this letter: another person in charge must approve it"):
        replies.approve_letter(own.id, users["supervisor"], expected_version=fresh(handled).version)
    with pytest.raises(PermissionDenied, match="Only a supervisor or manager may approve a reply letter"):
        replies.approve_letter(own.id, users["clerk"], expected_version=fresh(handled).version)

    other = slip_in(Status.HANDLED, users)
    liu = replies.save_letter(other.id, users["liu"], LETTER, expected_version=fresh(other).version)
    replies.submit_letter(other.id, users["liu"], expected_version=fresh(other).version)
    with pytest.raises(PermissionDenied, match="even from a supervisor account"):
        replies.approve_letter(liu.id, users["liu_sup"], expected_version=fresh(other).version)
    assert [letter.id for letter in replies.pending_approvals(users["liu_sup"])] == [own.id]
    assert {letter.id for letter in replies.pending_approvals(users["manager"])} == {own.id, liu.id}
    assert dashboard.counts(users["supervisor"])["letters_to_approve"] == 1
    assert [s.id for s in dashboard.slips_of("letters_to_approve", users["supervisor"])] == [other.id]

    returned = replies.return_letter(liu.id, users["supervisor"], "第二段请写明维修完成的日期。",
                                     expected_version=fresh(other).version)
    assert (returned.status, returned.return_reason) == (LetterStatus.RETURNED, "第二段请写明维修完成的日期。")
    assert history.events_of(fresh(other))[-1].note == "第二段请写明维修完成的日期。"
    with pytest.raises(ValidationFailed) as refused:
        replies.return_letter(own.id, users["manager"], " ", expected_version=fresh(handled).version)
    assert refused.value.errors == {"reason": "Say what to change in the letter."}


def test_the_approver_sees_the_words_never_to_say(handled, users):
    text = "您的要求我们无法满足，这是公司的规定。"
    letter = replies.save_letter(handled.id, users["clerk"], text, expected_version=fresh(handled).version)
    replies.submit_letter(handled.id, users["clerk"], expected_version=fresh(handled).version, flags_read=True)
    assert [f.phrase for f in replies.approval_flags(letter)] == ["这是公司的规定"]
    with pytest.raises(ValidationFailed) as refused:
        replies.approve_letter(letter.id, users["supervisor"], expected_version=fresh(handled).version)
    assert "“这是公司的规定”, words never to say" in refused.value.errors["flags"]
    approved = replies.approve_letter(letter.id, users["supervisor"], expected_version=fresh(handled).version,
                                      flags_read=True)
    assert approved.is_approved and approved.flags_seen == '["这是公司的规定"]'
    assert history.events_of(fresh(handled))[-1].details["flags"] == ["这是公司的规定"]


def test_a_submitted_letter_edited_goes_back_to_draft(handled, users):
    letter = replies.save_letter(handled.id, users["clerk"], LETTER, expected_version=fresh(handled).version)
    replies.submit_letter(handled.id, users["clerk"], expected_version=fresh(handled).version)
    again = replies.save_letter(handled.id, users["clerk2"], LETTER + "谢谢。", expected_version=fresh(handled).version)
    assert (again.id, again.status, again.edited_by.id) == (letter.id, LetterStatus.DRAFT, users["clerk2"].id)
    with pytest.raises(TransitionRefused, match="only a letter submitted for approval"):
        replies.approve_letter(letter.id, users["supervisor"], expected_version=fresh(handled).version)
    with pytest.raises(ValidationFailed) as refused:
        replies.save_letter(handled.id, users["clerk"], "  ", expected_version=fresh(handled).version)
    assert refused.value.errors == {"letter_text": "Write the letter."}


def test_a_fax_reply_is_approved_like_a_letter_and_gets_no_thanks_follow_up(handled, users):
    letter = replies.save_letter(handled.id, users["clerk"], LETTER, method=ReplyMethod.FAX,
                                 expected_version=fresh(handled).version)
    with pytest.raises(ValidationFailed, match="A fax reply goes out only after the person in charge approved"):
        record(handled, users["clerk"], ReplyInput(ReplyMethod.FAX, opinion=Opinion.ACCEPTED))
    replies.submit_letter(handled.id, users["clerk"], expected_version=fresh(handled).version)
    replies.approve_letter(letter.id, users["supervisor"], expected_version=fresh(handled).version)
    done = record(handled, users["clerk"], ReplyInput(ReplyMethod.FAX, opinion=Opinion.ACCEPTED))
    assert (done.reply.content, done.reply.letter.id, done.follow_up) == (LETTER, letter.id, None)


# --- home visit, comment book ----------------------------------------------------------------

def test_a_home_visit_needs_an_agreed_time_and_place_and_two_staff_with_work_ids(handled, users):
    visit = ReplyInput(ReplyMethod.VISIT, summary="上门查看，灯已修好。", opinion=Opinion.ACCEPTED,
                       staff=[StaffMember("王师傅", "E012")])
    with pytest.raises(ValidationFailed) as refused:
        record(handled, users["clerk"], visit)
    assert refused.value.errors == {
        "appointment_agreed": "Agree the time and place of a home visit with the customer beforehand "
                              "(上门回复应事先和客户约定时间、地点).",
        "place": "Write the agreed place.",
        "staff_2": "Two staff members make a home visit, each with a valid work ID (两名工作人员持有效工作证件): "
                   "name the second one and their work ID number."}
    visit.appointment_agreed, visit.place = True, "3-2-1201 张先生家"
    visit.staff = [StaffMember("王师傅", "E012"), StaffMember("张小梅", "")]
    with pytest.raises(ValidationFailed, match="staff_2"):
        record(handled, users["clerk"], visit)
    visit.staff = [StaffMember("王师傅", "E012"), StaffMember("王师傅", "E012")]
    with pytest.raises(ValidationFailed, match="Two different staff members"):
        record(handled, users["clerk"], visit)
    visit.staff = [StaffMember("王师傅", "E012"), StaffMember("张小梅", "C001")]
    done = record(handled, users["clerk"], visit)
    assert done.reply.facts == {"place": "3-2-1201 张先生家", "appointment_agreed": True,
                                "staff": [{"name": "王师傅", "work_id": "E012"}, {"name": "张小梅", "work_id": "C001"}]}


def test_a_comment_book_write_back_records_who_signed_it(handled, users):
    book = ReplyInput(ReplyMethod.BOOK, summary="已于意见簿第12页回复处理意见。", opinion=Opinion.ACCEPTED)
    with pytest.raises(ValidationFailed) as refused:
        record(handled, users["clerk"], book)
    assert refused.value.errors == {"signed_by": "Record who signed the write-back in the comment book (签字确认)."}
    book.signed_by = "张小梅"
    with pytest.raises(ValidationFailed, match="answers an entry in the book"):  # a phone complaint's slip
        record(handled, users["clerk"], book)
    recorded_change(handled, users["clerk"], channel="book")
    assert record(handled, users["clerk"], book).reply.facts == {"signed_by": "张小梅"}


# --- after a letter: the thank-you follow-up on the dashboard --------------------------------

def test_after_a_letter_the_thanks_follow_up_shows_on_the_dashboard_until_done(handled, users, frozen_now):
    clerk = users["clerk"]
    letter = _approved_letter(handled, users)
    sent = replies.mark_letter_sent(handled.id, clerk, expected_version=fresh(handled).version)
    assert sent.sent_at == frozen_now
    follow_up = replies.open_follow_up(handled)
    assert follow_up.due == dt.datetime(2026, 11, 26, 17, 30)  # two working days after posting
    assert dashboard.counts(clerk)["thanks_due"] == 0  # the letter is still in the post

    thursday = dt.datetime(2026, 11, 26, 9, 0)
    clock.freeze(thursday)
    assert dashboard.counts(clerk)["thanks_due"] == 1
    assert [s.id for s in dashboard.slips_of("thanks_due", clerk)] == [handled.id]
    with pytest.raises(ValidationFailed) as refused:
        replies.complete_follow_up(follow_up.id, clerk, method=ReplyMethod.SMS, expected_version=fresh(handled).version)
    assert refused.value.errors == {"method": "Thank the customer by phone or e-mail."}
    done = replies.complete_follow_up(follow_up.id, clerk, method=ReplyMethod.PHONE, note="张先生已收到信，表示感谢。",
                                      expected_version=fresh(handled).version)
    assert (done.done_at, done.method) == (thursday, ReplyMethod.PHONE)
    assert dashboard.counts(clerk)["thanks_due"] == 0
    assert history.events_of(fresh(handled))[-1].action == "thanks_follow_up"

    reply = record(handled, clerk, ReplyInput(ReplyMethod.LETTER, opinion=Opinion.ACCEPTED))
    assert (reply.reply.at, reply.reply.content, reply.reply.letter.id, reply.follow_up) == (
        frozen_now, LETTER, letter.id, None)  # sent already: no second follow-up
    assert reply.slip.status == Status.REPLIED


def test_recording_a_letter_reply_sends_it_and_schedules_the_thanks(handled, users, frozen_now):
    _approved_letter(handled, users)
    done = record(handled, users["clerk"], ReplyInput(ReplyMethod.LETTER, opinion=Opinion.ACCEPTED))
    assert done.follow_up is not None and done.follow_up.due == dt.datetime(2026, 11, 26, 17, 30)
    with pytest.raises(TransitionRefused, match="sent on 2026-11-24 10:00 already"):
        replies.mark_letter_sent(handled.id, users["clerk"], expected_version=fresh(handled).version)


# --- the customer's opinion: open until accepted ---------------------------------------------

def test_a_reply_not_accepted_keeps_the_slip_open_and_asks_for_the_next_step(handled, users, frozen_now):
    clerk = users["clerk"]
    with pytest.raises(ValidationFailed) as refused:
        record(handled, clerk, phone(opinion=Opinion.NOT_ACCEPTED))
    assert refused.value.errors == {
        "customer_words": "The customer did not fully accept: record what they said, in their words."}
    done = record(handled, clerk, phone(opinion=Opinion.NOT_ACCEPTED, customer_words="灯还是时亮时不亮。"))
    assert done.slip.is_open and done.next_steps == ("reopen", "reply", "end")
    assert [s.id for s in dashboard.slips_of("reply_not_accepted", clerk)] == [handled.id]
    with pytest.raises(TransitionRefused, match="only after a reply the customer accepted"):
        replies.close_accepted(handled.id, clerk, expected_version=done.slip.version)

    reopened = replies.reopen(handled.id, clerk, expected_version=done.slip.version,
                              deadline=frozen_now + dt.timedelta(days=2))
    assert (reopened.status, reopened.reopened_count) == (Status.IN_HANDLING, 1)
    assert dashboard.counts(clerk)["reply_not_accepted"] == 0
    assert history.events_of(reopened)[-1].note == "灯还是时亮时不亮。"  # their words, from the reply


def test_closed_only_after_an_accepted_reply_on_a_complete_slip(db, users, frozen_now):
    clerk = users["clerk"]
    slip = slip_in(Status.IN_HANDLING, users)
    assert replies.missing_for_complete(slip) == ["The handling result is not recorded.",
                                                  "No reply to the customer is recorded."]
    with pytest.raises(TransitionRefused):
        replies.close_accepted(slip.id, clerk, expected_version=slip.version)
    slip = slip_in(Status.HANDLED, users)
    assert replies.missing_for_complete(slip) == ["No reply to the customer is recorded."]
    record(slip, clerk, phone(opinion=Opinion.PARTLY, customer_words="修好了，但希望以后快一点。"))
    with pytest.raises(TransitionRefused, match="only after a reply the customer accepted"):
        replies.close_accepted(slip.id, clerk, expected_version=fresh(slip).version)
    done = record(slip, clerk, phone(summary="再次电话说明以后报修两小时内上门。"))
    assert replies.is_complete(done.slip)
    closed = replies.close_accepted(slip.id, clerk, expected_version=done.slip.version, note="客户认可")
    assert closed.status == Status.CLOSED and closed.closed_at == frozen_now
    assert [r["opinion"] for r in replies.replies_for_print(closed)] == [Opinion.PARTLY, Opinion.ACCEPTED]
    assert replies.replies_for_print(closed)[0]["content"].endswith("“修好了，但希望以后快一点。”")

    answered = slip_in(Status.ANSWERED, users)
    assert replies.is_complete(answered)


def test_reply_texts_are_found_by_search_and_printed_on_the_slip(handled, users):
    record(handled, users["clerk"], phone(summary="电话告知已更换感应器。", opinion=Opinion.PARTLY,
                                          customer_words="希望加装一盏壁灯"))
    assert [row.id for row in queries.page(queries.SlipFilter(text="感应器"))] == [handled.id]
    assert [row.id for row in queries.page(queries.SlipFilter(text="壁灯"))] == [handled.id]
    text = check.flat(check.text(make("slip", fresh(handled), "zh").pdf))
    assert "电话告知已更换感应器" in text and "部分认可" in text and "处理单填写完整是" in text


def test_step_3_adds_the_reply_tables_to_a_version_2_database(db_url, users, frozen_now):
    slip = slip_in(Status.HANDLED, users)
    with database.atomic():
        for model in reversed(migrations.step_3_models()):
            database.execute_sql(f'DROP TABLE "{model._meta.table_name}"')
        database.execute_sql('UPDATE "schema_version" SET "version" = 2')
    close_database()
    open_database(db_url)
    assert migrations.current_version() == migrations.LATEST
    assert record(slip, users["clerk"], phone()).slip.status == Status.REPLIED


def test_the_letters_history_is_named_on_the_printed_slip(handled, users):
    letter = replies.save_letter(handled.id, users["clerk"], LETTER, expected_version=fresh(handled).version)
    version = fresh(handled).version
    assert replies.save_letter(handled.id, users["clerk"], LETTER, expected_version=version).id == letter.id
    assert fresh(handled).version == version  # saving the same text again changes nothing
    text = check.flat(check.text(make("slip", fresh(handled), "zh").pdf))
    assert "起草答复信函" in text
