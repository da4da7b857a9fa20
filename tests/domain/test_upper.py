"""The upper service-management department on the shared database: it sees what was sent up to
it, hands each slip back with its result, and the estate's desk replies to the customer. And
nothing goes up without someone named to receive it."""
from __future__ import annotations

import pytest

from models import edits, history, intake, notices, replies, upper, workflow
from models.accounts import create_user
from models.errors import PermissionDenied, ValidationFailed
from models.slips import Slip
from models.transmittals import Transmittal
from models.vocab import Role, Status
from tests.support.slips import department, phone_intake, received_slip, slip_in, step


@pytest.fixture
def upper_account(users):
    return create_user("upper", "赵经理", "password1", Role.UPPER, "U001", actor=users["manager"])


def test_confirming_is_refused_without_a_recipient_and_nothing_changes(db, users, frozen_now):
    slip = step(received_slip(users["clerk"]), "request_escalation", users["clerk"], reason="业主要求赔偿")
    for nobody in ("", "   "):
        with pytest.raises(ValidationFailed) as refused:
            step(slip, "confirm_escalation", users["supervisor"], recipient=nobody, note="请尽快处理")
        assert set(refused.value.errors) == {"recipient"}
        assert "receives it" in refused.value.errors["recipient"]
    stored = Slip.get_by_id(slip.id)
    assert (stored.status, stored.version) == (Status.AWAITING_CONFIRMATION, slip.version)
    assert not Transmittal.select().where(Transmittal.slip == slip.id).exists()
    assert notices.unread_count(users["supervisor"]) == 1  # still asked


def test_the_upper_department_sees_what_was_sent_up_hands_it_back_and_the_desk_replies(db, users, upper_account,
                                                                                       frozen_now):
    sent = slip_in(Status.ESCALATED, users)  # clerk2 asked, the supervisor confirmed
    kept_here = slip_in(Status.AWAITING_CONFIRMATION, users)
    elsewhere = step(received_slip(users["clerk"]), "request_escalation", users["clerk"], reason="物业费争议")
    step(elsewhere, "confirm_escalation", users["supervisor"], sent_to=department("finance"), recipient="财务主管")
    assert [s.id for s in upper.waiting(upper_account)] == [sent.id]  # not what stayed, not finance's
    (asked,) = notices.for_user(upper_account, unread_only=True)
    assert asked.kind == "sent_up" and sent.number in asked.text("zh")
    assert kept_here.id not in {s.id for s in upper.waiting(upper_account)}

    back = step(sent, "hand_back", upper_account, result="经核实，已安排维保单位更换电梯钢丝绳。")
    assert back.status == Status.HANDLED and "钢丝绳" in back.handling_notes
    event = history.events_of(back)[-1]
    assert (event.action, event.actor, event.from_status, event.to_status) == (
        "hand_back", "赵经理", "escalated", "handled")
    assert history.verify_slip(back) is None
    assert upper.waiting(upper_account).count() == 0 and [s.id for s in upper.handed_back(upper_account)] == [sent.id]
    assert notices.unread_count(upper_account) == 0  # the department's notice is done
    for clerk in ("clerk", "clerk2"):  # who took it down, and who asked for the escalation
        (told,) = [n for n in notices.for_user(users[clerk], unread_only=True) if n.kind == "handed_back"]
        assert "钢丝绳" in told.text("zh") and told.sender_name == "赵经理"

    replied = step(back, "record_reply", users["clerk"], method="phone", summary="已告知更换安排。",
                   opinion="accepted")
    assert replied.status == Status.REPLIED
    assert not any(n.kind == "handed_back" for n in notices.for_user(users["clerk2"], unread_only=True))


def test_the_upper_department_does_nothing_of_the_desks_work(db, users, upper_account, frozen_now):
    sent = slip_in(Status.ESCALATED, users)
    with pytest.raises(PermissionDenied):
        intake.save(phone_intake(), upper_account)
    with pytest.raises(PermissionDenied):
        step(received_slip(users["clerk"]), "assign", upper_account, department=department("engineering"))
    with pytest.raises(PermissionDenied):
        step(sent, "record_handling", upper_account, result="已处理")
    with pytest.raises(PermissionDenied):
        replies.save_letter(sent.id, upper_account, "尊敬的客户：", expected_version=sent.version)
    with pytest.raises(PermissionDenied):  # any other change to a slip, through the one path every change takes
        edits.edit_slip(sent.id, sent.version, {"phone": "13900001111"}, upper_account)
    stored = Slip.get_by_id(sent.id)
    assert (stored.status, stored.version, stored.phone) == (Status.ESCALATED, sent.version, sent.phone)


def test_only_the_upper_department_hands_back_and_only_what_was_sent_to_it(db, users, upper_account, frozen_now):
    sent = slip_in(Status.ESCALATED, users)
    for desk in ("clerk", "supervisor", "manager"):
        with pytest.raises(PermissionDenied):
            step(sent, "hand_back", users[desk], result="已处理")
        assert "hand_back" not in {s.action for s in workflow.allowed_actions(sent, users[desk])}
    assert [s.action for s in workflow.allowed_actions(sent, upper_account)] == ["hand_back"]
    to_finance = step(received_slip(users["clerk"]), "request_escalation", users["clerk"], reason="物业费争议")
    to_finance = step(to_finance, "confirm_escalation", users["supervisor"], sent_to=department("finance"),
                      recipient="财务主管")
    with pytest.raises(PermissionDenied) as refused:
        step(to_finance, "hand_back", upper_account, result="已处理")
    assert "not sent up to your department" in str(refused.value)
    with pytest.raises(ValidationFailed):
        step(sent, "hand_back", upper_account, result="  ")
    assert Slip.get_by_id(sent.id).status == Status.ESCALATED
