"""The handling slip's state machine: who may take which step, from where, with what, recorded."""
from __future__ import annotations

import datetime as dt

import pytest

from models import history, intake, notices, workflow
from models.errors import PermissionDenied, StaleSlip, TransitionRefused, ValidationFailed
from models.slips import Slip, store_attachment
from models.transmittals import latest_transmittal
from models.vocab import Channel, Status
from tests.support.slips import (category, phone_intake, received_slip, replied_not_accepted, slip_in, step,
                                 valid_inputs)

ALL = ("clerk", "supervisor", "manager")
# The permission matrix, written out as the estate's rules say it (not read from the code).
MAY = {
    "answer_at_once": ALL,
    "assign": ALL,
    "request_escalation": ALL,
    "confirm_escalation": ("supervisor", "manager"),
    "return_escalation": ("supervisor", "manager"),
    "record_handling": ALL,
    "record_reply": ALL,
    "close": ALL,
    "end_unaccepted": ("supervisor", "manager"),
    "reopen": ALL,
    "hand_back": (),  # the upper department's own step (tests/domain/test_upper.py)
}
DESK_STEPS = sorted(action for action, roles in MAY.items() if roles)
# Where each step may start, and where it leads.
EDGES = {
    "answer_at_once": ({Status.RECEIVED}, Status.ANSWERED),
    "assign": ({Status.RECEIVED, Status.IN_HANDLING}, Status.IN_HANDLING),
    "request_escalation": ({Status.RECEIVED, Status.IN_HANDLING}, Status.AWAITING_CONFIRMATION),
    "confirm_escalation": ({Status.AWAITING_CONFIRMATION}, Status.ESCALATED),
    "return_escalation": ({Status.AWAITING_CONFIRMATION}, Status.IN_HANDLING),
    "record_handling": ({Status.IN_HANDLING, Status.ESCALATED}, Status.HANDLED),
    "record_reply": ({Status.HANDLED, Status.REPLIED}, Status.REPLIED),
    "close": ({Status.HANDLED, Status.REPLIED}, Status.CLOSED),
    "end_unaccepted": ({Status.REPLIED}, Status.ENDED_UNACCEPTED),
    "reopen": ({Status.REPLIED, Status.ENDED_UNACCEPTED}, Status.IN_HANDLING),
    "hand_back": ({Status.ESCALATED}, Status.HANDLED),
}
FIRST_SOURCE = {"answer_at_once": Status.RECEIVED, "assign": Status.RECEIVED,
                "request_escalation": Status.IN_HANDLING, "confirm_escalation": Status.AWAITING_CONFIRMATION,
                "return_escalation": Status.AWAITING_CONFIRMATION, "record_handling": Status.ESCALATED,
                "record_reply": Status.HANDLED, "close": Status.REPLIED, "end_unaccepted": Status.REPLIED,
                "reopen": Status.REPLIED}


# Legal by state, refused by the slip's own rules (models.endings) on the slips these tests make: a
# handled phone slip closes only after its reply; a slip the customer accepted is closed, not ended.
GUARDED = {("close", Status.HANDLED), ("end_unaccepted", Status.REPLIED)}


def ready(action: str, users) -> Slip:
    """A slip on which `action` is legal: from its first source state (a reply not accepted to end)."""
    if action == "end_unaccepted":
        return replied_not_accepted(users)
    return slip_in(FIRST_SOURCE[action], users)


def test_the_transition_table_is_the_documented_one():
    assert set(workflow.TRANSITIONS) == set(MAY)
    for action, step_ in workflow.TRANSITIONS.items():
        assert step_.sources == EDGES[action][0] and step_.target == EDGES[action][1]


@pytest.mark.parametrize("action", DESK_STEPS)
def test_permission_matrix(db, users, frozen_now, action):
    """Every role tries the step on a slip where it is legal: the matrix above decides."""
    for role in ALL:
        slip = ready(action, users)
        before = Slip.get_by_id(slip.id)
        if role in MAY[action]:
            after = step(slip, action, users[role], **valid_inputs(action))
            assert (role, after.status, after.version) == (role, EDGES[action][1], before.version + 1)
            continue
        with pytest.raises(PermissionDenied) as refused:
            step(slip, action, users[role], **valid_inputs(action))
        assert "supervisor or manager" in str(refused.value)
        after = Slip.get_by_id(slip.id)
        assert (after.status, after.version, after.event_count) == (before.status, before.version, before.event_count)


@pytest.mark.parametrize("action", DESK_STEPS)
def test_every_step_from_every_state(db, users, frozen_now, action):
    """A manager may take any step, but only from the states the workflow allows."""
    for status in Status:
        slip = slip_in(status, users)
        if (action, status) in GUARDED:
            with pytest.raises(TransitionRefused) as refused:
                step(slip, action, users["manager"], **valid_inputs(action))
            assert slip.number in str(refused.value) and "possible only when" not in str(refused.value)
            continue
        if status in EDGES[action][0]:
            assert (status, step(slip, action, users["manager"], **valid_inputs(action)).status) == (
                status, EDGES[action][1])
            continue
        with pytest.raises(TransitionRefused) as refused:
            step(slip, action, users["manager"], **valid_inputs(action))
        assert slip.number in str(refused.value) and "possible only when" in str(refused.value)
        assert Slip.get_by_id(slip.id).event_count == slip.event_count


def test_a_clerk_cannot_confirm_their_own_escalation_from_a_supervisor_account(db, users, frozen_now):
    slip = received_slip(users["liu"])
    slip = step(slip, "request_escalation", users["liu"], reason="业主威胁找媒体曝光")
    with pytest.raises(PermissionDenied) as refused:
        step(slip, "confirm_escalation", users["liu_sup"])
    assert "another person in charge" in str(refused.value)
    assert workflow.allowed_actions(Slip.get_by_id(slip.id), users["liu_sup"]) == [
        workflow.TRANSITIONS["return_escalation"]]
    confirmed = step(slip, "confirm_escalation", users["supervisor"], recipient="赵经理")
    assert confirmed.status == Status.ESCALATED


def test_a_supervisor_cannot_confirm_their_own_request_either(db, users, frozen_now):
    slip = step(received_slip(users["clerk"]), "request_escalation", users["supervisor"], reason="涉及收费争议")
    with pytest.raises(PermissionDenied):
        step(slip, "confirm_escalation", users["supervisor"])
    assert step(slip, "confirm_escalation", users["manager"], recipient="赵经理").status == Status.ESCALATED


@pytest.mark.tampers  # a scan stored beside the slip, not at intake
def test_escalation_records_the_transmittal_and_notifies(db, users, frozen_now):
    slip = received_slip(users["clerk"], channel=Channel.LETTER, sender_address="阳光花园3-2-1201室")
    scan = store_attachment(slip, "letter.pdf", b"%PDF-1.4 scan", "letter_scan", users["clerk"])
    slip = step(slip, "request_escalation", users["clerk"], reason="来信要求赔偿装修损失")
    with pytest.raises(ValidationFailed) as refused:
        step(slip, "confirm_escalation", users["supervisor"], recipient="赵经理")
    assert "复印" in refused.value.errors["letter_copy_kept"]
    slip = step(slip, "confirm_escalation", users["supervisor"], recipient="赵经理", letter_copy_kept=True,
                attachments=[scan.id], note="原件随单报送")
    sent = latest_transmittal(slip)
    assert sent.sent_to.upper and sent.sent_by == users["supervisor"] and sent.sent_at == frozen_now
    assert sent.recipient == "赵经理" and sent.letter_copy_kept
    assert [a["filename"] for a in sent.attachment_list] == ["letter.pdf"]
    event = history.events_of(slip)[-1]
    assert (event.action, event.from_status, event.to_status, event.actor) == (
        "confirm_escalation", "awaiting_confirmation", "escalated", "李慧")
    assert [n.kind for n in notices.for_user(users["clerk"])] == ["escalated"]


def test_return_needs_a_reason_and_tells_the_clerk(db, users, frozen_now):
    slip = step(received_slip(users["clerk"]), "request_escalation", users["clerk"], reason="不确定")
    with pytest.raises(ValidationFailed) as refused:
        step(slip, "return_escalation", users["supervisor"], reason="  ")
    assert set(refused.value.errors) == {"reason"}
    slip = step(slip, "return_escalation", users["supervisor"], reason="属前台权限，直接派单")
    assert slip.status == Status.IN_HANDLING and slip.within_authority is True
    (notice,) = notices.for_user(users["clerk"])
    assert notice.kind == "escalation_returned" and "直接派单" in notice.text("zh")


def test_nobody_closes_without_an_accepted_reply(db, users, frozen_now):
    slip = slip_in(Status.HANDLED, users)
    slip = step(slip, "record_reply", users["clerk"], method="phone", summary="电话说明原因",
                opinion="partly", customer_words="灯修好了，但希望以后快一点")
    with pytest.raises(TransitionRefused) as refused:
        step(slip, "close", users["manager"])
    assert "accepted" in str(refused.value)
    slip = step(slip, "record_reply", users["clerk"], method="visit", summary="上门致歉", opinion="accepted")
    closed = step(slip, "close", users["clerk"])
    assert closed.status == Status.CLOSED and closed.closed_at == frozen_now


def test_a_reply_not_accepted_needs_the_customers_words(db, users, frozen_now):
    slip = slip_in(Status.HANDLED, users)
    with pytest.raises(ValidationFailed) as refused:
        step(slip, "record_reply", users["clerk"], method="phone", summary="已修复", opinion="not_accepted")
    assert set(refused.value.errors) == {"customer_words"}
    with pytest.raises(ValidationFailed) as refused:
        step(slip, "record_reply", users["clerk"], method="pigeon", summary="已修复", opinion="maybe")
    assert set(refused.value.errors) == {"method"}
    with pytest.raises(ValidationFailed) as refused:
        step(slip, "record_reply", users["clerk"], method="phone", summary="已修复", opinion="maybe")
    assert set(refused.value.errors) == {"opinion"}


def test_not_accepted_goes_back_to_handling_with_a_new_promise(db, users, frozen_now):
    slip = slip_in(Status.REPLIED, users)
    new_deadline = frozen_now + dt.timedelta(days=2)
    slip = step(slip, "reopen", users["clerk"], customer_words="还是不亮，你们根本没修好", deadline=new_deadline)
    assert slip.status == Status.IN_HANDLING and slip.reopened_count == 1 and slip.deadline == new_deadline
    event = history.events_of(slip)[-1]
    assert event.note == "还是不亮，你们根本没修好"
    assert event.details["agreed_with"] == "李四" and event.details["deadline_to"] == str(new_deadline)


def test_answered_at_once_needs_what_was_answered(db, users, frozen_now):
    slip = received_slip(users["clerk"])
    with pytest.raises(ValidationFailed) as refused:
        step(slip, "answer_at_once", users["clerk"])
    assert set(refused.value.errors) == {"answer_note"}
    answered = step(slip, "answer_at_once", users["clerk"], answer_note="已当场解释")
    assert answered.status == Status.ANSWERED and answered.closed_at == frozen_now


def test_a_stale_version_is_refused_and_changes_nothing(db, users, frozen_now):
    slip = slip_in(Status.IN_HANDLING, users)
    opened_at = slip.version
    step(slip, "record_handling", users["clerk2"], result="已修复")  # another desk, meanwhile
    with pytest.raises(StaleSlip) as refused:
        workflow.apply(slip.id, "request_escalation", users["clerk"], expected_version=opened_at, reason="升级")
    assert refused.value.current_version == opened_at + 1 and "陈丽" in str(refused.value)
    stored = Slip.get_by_id(slip.id)
    assert stored.status == Status.HANDLED and stored.escalation_reason == ""


def test_every_step_is_in_the_history_chain(db, users, frozen_now):
    slip = slip_in(Status.CLOSED, users)
    events = history.events_of(slip)
    assert [(e.action, e.from_status, e.to_status) for e in events] == [
        ("created", "", "received"), ("assign", "received", "in_handling"),
        ("record_handling", "in_handling", "handled"), ("record_reply", "handled", "replied"),
        ("close", "replied", "closed")]
    assert all(e.actor == "张小梅" and e.at == frozen_now for e in events)
    assert history.verify_slip(Slip.get_by_id(slip.id)) is None


def test_allowed_actions_follow_role_and_state(db, users, frozen_now):
    slip = slip_in(Status.AWAITING_CONFIRMATION, users)
    assert workflow.allowed_actions(slip, users["clerk"]) == []
    assert [t.action for t in workflow.allowed_actions(slip, users["supervisor"])] == [
        "confirm_escalation", "return_escalation"]
    received = received_slip(users["clerk"])
    assert [t.action for t in workflow.allowed_actions(received, users["clerk"])] == [
        "answer_at_once", "assign", "request_escalation"]


def test_unknown_steps_and_inputs_are_refused(db, users, frozen_now):
    slip = slip_in(Status.IN_HANDLING, users)
    with pytest.raises(TransitionRefused):
        step(slip, "shred", users["manager"])
    with pytest.raises(TypeError):
        step(slip, "record_handling", users["clerk"], result="ok", status="closed")


def test_intake_beyond_authority_waits_for_the_person_in_charge(db, users, frozen_now):
    slip = intake.save(phone_intake(complaint="电梯突然下坠，我女儿摔伤了腿，已经去医院了。",
                                    category_id=category("lift")), users["clerk"])
    assert slip.status == Status.AWAITING_CONFIRMATION and slip.within_authority is False
    assert slip.escalation_requested_by == users["clerk"]
    assert "人身受伤" in slip.authority_suggestion and "摔伤" in slip.escalation_reason
    (notice,) = notices.for_user(users["supervisor"])
    assert notice.kind == "escalation_requested"
    assert notices.for_user(users["clerk"]) == []  # nobody is told of their own doing


def test_intake_override_needs_a_reason_and_is_kept(db, users, frozen_now):
    form = phone_intake(complaint="楼下小孩玩耍时担心被狗咬伤，请物业提醒养狗业主。", category_id=category("other"),
                        within_authority=False)
    assert intake.check(form)["override_reason"].startswith("Slipdesk finds it within your authority")
    form.override_reason = "业主情绪激动，要求负责人出面"
    slip = intake.save(form, users["clerk"])
    assert slip.status == Status.AWAITING_CONFIRMATION and slip.override_reason == "业主情绪激动，要求负责人出面"
    assert slip.escalation_reason == "业主情绪激动，要求负责人出面"
    assert history.events_of(slip)[0].details["authority"] == "beyond"


@pytest.mark.tampers  # a slip marked replied in the table
def test_a_bare_reply_step_is_refused_and_nothing_closes_without_the_reply_on_record(db, users, frozen_now):
    """workflow.apply("record_reply") without a reply stored by models.replies.record would leave a
    "replied" slip with nothing said behind it, and let it close: both are refused in models/."""
    slip = slip_in(Status.HANDLED, users)
    with pytest.raises(TransitionRefused, match="not as a bare step"):
        workflow.apply(slip.id, "record_reply", users["clerk"], expected_version=slip.version, method="letter",
                       summary="已回复", opinion="accepted")
    stored = Slip.get_by_id(slip.id)
    assert stored.status == Status.HANDLED and stored.version == slip.version
    # a slip marked replied and accepted by other means (an old import, a hand edit) has no reply on record
    Slip.update(status=Status.REPLIED, reply_opinion="accepted").where(Slip.id == slip.id).execute()
    with pytest.raises(TransitionRefused, match="No reply to the customer is recorded"):
        workflow.apply(slip.id, "close", users["manager"], expected_version=stored.version)
    assert Slip.get_by_id(slip.id).status == Status.REPLIED
