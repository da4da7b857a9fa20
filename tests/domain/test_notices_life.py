"""Notices have a life: one that asks for something is done once anybody did it, from any desk,
and leaves every reader's unread count; one that only tells ends when read."""
from __future__ import annotations

import datetime as dt

from models import clock, notices, replies
from models.notices import Notice
from models.slips import Slip
from models.vocab import Status
from tests.support.slips import department, received_slip, slip_in, step


def kinds(user, unread_only: bool = False) -> list[str]:
    return [n.kind for n in notices.for_user(user, unread_only=unread_only)]


def test_a_request_is_done_for_every_person_in_charge_once_one_confirms_it(db, users, frozen_now):
    slip = step(received_slip(users["clerk"]), "request_escalation", users["clerk"], reason="业主要求赔偿")
    assert notices.unread_count(users["supervisor"]) == notices.unread_count(users["manager"]) == 1
    step(slip, "confirm_escalation", users["manager"], recipient="赵经理")
    (asked,) = [n for n in notices.for_user(users["supervisor"]) if n.kind == "escalation_requested"]
    assert (asked.done_action, asked.done_by_name, asked.done_at) == ("confirm_escalation", "王建国", frozen_now)
    assert notices.unread_count(users["supervisor"]) == 0 and notices.unread_count(users["manager"]) == 0
    assert not asked.read  # done, never read: it left the count all the same
    assert kinds(users["supervisor"], unread_only=True) == []
    # what only tells stays until read: the clerk hears their escalation went up
    assert kinds(users["clerk"], unread_only=True) == ["escalated"]
    assert notices.unread_count(users["clerk"]) == 1


def test_returning_a_request_also_does_what_it_asked(db, users, frozen_now):
    slip = step(received_slip(users["clerk"]), "request_escalation", users["clerk"], reason="业主要求赔偿")
    step(slip, "return_escalation", users["supervisor"], reason="属前台权限，请直接派工程部处理。")
    assert notices.unread_count(users["manager"]) == 0
    # the clerk is asked to handle it at the desk; assigning it does that
    assert kinds(users["clerk"], unread_only=True) == ["escalation_returned"]
    step(slip, "assign", users["clerk2"], department=department("engineering"), assignee="王师傅")
    assert notices.unread_count(users["clerk"]) == 0


def test_a_notice_of_another_slip_is_not_done_by_this_one(db, users, frozen_now):
    first = step(received_slip(users["clerk"]), "request_escalation", users["clerk"], reason="涉及收费争议")
    second = step(received_slip(users["clerk2"]), "request_escalation", users["clerk2"], reason="涉及收费争议")
    step(first, "confirm_escalation", users["supervisor"], recipient="赵经理")
    open_ones = Notice.select().where(Notice.kind == "escalation_requested", Notice.done_at.is_null())
    assert [n.slip_id for n in open_ones] == [second.id]
    assert notices.unread_count(users["manager"]) == 1


def test_a_reply_letter_notifies_the_person_in_charge_and_comes_back_to_its_writer(db, users, frozen_now):
    slip = slip_in(Status.HANDLED, users)
    letter = replies.save_letter(slip.id, users["clerk"], "尊敬的李先生：路灯已修复。", expected_version=slip.version)
    replies.submit_letter(slip.id, users["clerk"], expected_version=letter.slip.version)
    (asked,) = notices.for_user(users["supervisor"], unread_only=True)
    assert asked.kind == "letter_submitted" and asked.text("en") == (
        f"The reply letter for slip {slip.number} (draft 1) awaits your approval.")
    assert kinds(users["clerk"], unread_only=True) == []  # nobody hears of their own doing

    replies.return_letter(letter.id, users["supervisor"], "称呼请写全名。", expected_version=_version(slip))
    assert notices.unread_count(users["supervisor"]) == notices.unread_count(users["manager"]) == 0
    (back,) = notices.for_user(users["clerk"], unread_only=True)
    assert back.kind == "letter_returned" and back.text("zh").endswith("：称呼请写全名。")

    replies.save_letter(slip.id, users["clerk"], "尊敬的李四先生：路灯已修复。", expected_version=_version(slip))
    assert notices.unread_count(users["clerk"]) == 0  # redrafting does what the return asked
    replies.submit_letter(slip.id, users["clerk"], expected_version=_version(slip))
    replies.approve_letter(letter.id, users["manager"], expected_version=_version(slip))
    assert notices.unread_count(users["supervisor"]) == 0  # approved by another person in charge
    (approved,) = notices.for_user(users["clerk"], unread_only=True)
    assert approved.kind == "letter_approved" and approved.sender_name == "王建国"

    replies.mark_letter_sent(slip.id, users["clerk2"], expected_version=_version(slip))
    assert notices.unread_count(users["clerk"]) == 0  # sent, by anyone
    assert approved.id in {n.id for n in notices.for_user(users["clerk"]) if n.done_action == "letter_sent"}


def _version(slip: Slip) -> int:
    return Slip.get_by_id(slip.id).version


def test_a_promise_due_is_done_once_the_customer_got_the_reply(db, users, frozen_now):
    slip = received_slip(users["clerk"], deadline=frozen_now + dt.timedelta(hours=2))
    slip = step(slip, "assign", users["clerk"], department=department("engineering"))
    assert [n.kind for n in notices.scan_deadlines()] == ["due"]
    assert "due" in kinds(users["clerk"], unread_only=True)
    step(slip, "record_handling", users["clerk"], result="已修复")
    assert "due" in kinds(users["clerk"], unread_only=True)  # handled is not yet replied
    step(slip, "record_reply", users["clerk2"], method="phone", summary="电话告知已修复。", opinion="accepted")
    assert "due" not in kinds(users["clerk"], unread_only=True)
    clock.freeze(frozen_now + dt.timedelta(hours=3))
    assert notices.scan_deadlines() == []  # a kept promise is not overdue


def test_a_slip_reported_to_the_person_in_charge_is_done_once_handled(db, users, frozen_now):
    """Issue 13's report (请示负责人处理) asks the person in charge to see the slip handled."""
    slip = step(received_slip(users["clerk"]), "assign", users["clerk"], department=department("engineering"))
    assert "reported" in kinds(users["supervisor"], unread_only=True)
    assert "reported" in kinds(users["manager"], unread_only=True)
    step(slip, "assign", users["supervisor"], department=department("engineering"), assignee="王师傅")
    assert "reported" in kinds(users["manager"], unread_only=True)  # passed on, not yet handled
    step(slip, "record_handling", users["clerk2"], result="已修复")
    (reported,) = [n for n in notices.for_user(users["manager"]) if n.kind == "reported"]
    assert (reported.done_action, reported.done_by_name) == ("record_handling", "陈丽")
    assert notices.unread_count(users["supervisor"]) == notices.unread_count(users["manager"]) == 0


def test_a_report_that_goes_up_is_done_and_the_request_asks_instead(db, users, frozen_now):
    slip = step(received_slip(users["clerk"]), "assign", users["clerk"], department=department("engineering"))
    step(slip, "request_escalation", users["clerk"], reason="业主要求赔偿")
    assert kinds(users["supervisor"], unread_only=True) == ["escalation_requested"]


def test_a_promise_ends_with_a_slip_answered_at_once_or_closed_with_nobody_to_reply_to(db, users, frozen_now):
    soon = frozen_now + dt.timedelta(hours=2)
    answered = received_slip(users["clerk"], deadline=soon)
    nobody = received_slip(users["clerk"], deadline=soon, channel="letter", phone="", caller_number="")
    assert [n.kind for n in notices.scan_deadlines()] == ["due", "due"]
    step(answered, "answer_at_once", users["clerk2"], answer_note="已当场说明维修安排。")
    nobody = step(step(nobody, "assign", users["clerk"], department=department("engineering")), "record_handling",
                  users["clerk"], result="已修复")
    assert Slip.get_by_id(nobody.id).status == Status.HANDLED
    step(nobody, "close", users["clerk"])  # an anonymous letter with no address: nothing to reply to
    still = Notice.select().where(Notice.kind == "due", Notice.done_at.is_null())
    assert [n.slip_id for n in still] == []
    assert notices.unread_count(users["clerk"]) == 0


def test_a_deadline_the_calendar_moved_is_done_once_moved_with_the_customer(db, users, frozen_now):
    from models import deadlines

    slip = received_slip(users["clerk"], deadline=frozen_now + dt.timedelta(days=2))
    notices.write(slip, notices.prepare("deadline_recount", slip, None, role="supervisor",
                                        deadline=f"{slip.deadline:%Y-%m-%d %H:%M}", proposed="", name="李四"))
    assert kinds(users["supervisor"], unread_only=True) == ["deadline_recount"]
    deadlines.move_deadline(slip.id, slip.deadline + dt.timedelta(days=1), users["clerk"], "李四本人（电话）", None,
                            "假日顺延", expected_version=slip.version)
    assert kinds(users["supervisor"], unread_only=True) == []
