"""Slips in every state of the workflow, made the way a desk makes them."""
from __future__ import annotations

import datetime as dt

from models import clock, history, intake, replies, workflow
from models.accounts import User
from models.catalog import Category, Department
from models.db import write_transaction
from models.slips import Slip, next_number
from models.vocab import Channel, ReplyMethod, Status


def category(code: str) -> int:
    return Category.get(Category.code == code).id


def department(code: str) -> int:
    return Department.get(Department.code == code).id


def phone_intake(**overrides) -> intake.Intake:
    now = clock.now()
    values = dict(channel=Channel.PHONE, complainant_name="张三", complainant_title="mr",
                  complaint="楼道声控灯不亮，晚上一片漆黑。", read_back=True, category_id=category("lighting"),
                  caller_number="13812345678", call_time=now - dt.timedelta(minutes=3), thanked=True,
                  deadline=now + dt.timedelta(days=1), unit_code="3-2-1201",
                  customer_request="希望尽快修好。")
    values.update(overrides)
    return intake.Intake(**values)


def received_slip(clerk: User, **overrides) -> Slip:
    """A slip saved without routing, as slips from before routing (and the demo data) are."""
    now = clock.now()
    values = dict(channel=Channel.PHONE, complainant_name="李四", complaint="小区东门路灯坏了。",
                  category=category("lighting"), deadline=now + dt.timedelta(days=1), read_back=True,
                  caller_number="13900001234", phone="13900001234")
    values.update(overrides)
    with write_transaction():
        seq, number = next_number(now.year)
        slip = Slip.create(number=number, year=now.year, seq=seq, received_at=now, received_by=clerk,
                           status=Status.RECEIVED, **values)
        history.record(slip, clerk, "created", to_status=Status.RECEIVED)
    return slip


def recorded_change(slip: Slip, user: User, **values) -> Slip:
    """Set a slip's columns the way every change is made (models.changes: one event records them),
    for a test's set-up that needs a state no screen makes in one step."""
    from models.changes import Change, change_slip

    def apply(stored: Slip) -> Change:
        for name, value in values.items():
            setattr(stored, name, value)
        return Change("edited", data={name: str(value) for name, value in values.items()}, transition=False)

    return change_slip(slip.id, user, Slip.get_by_id(slip.id).version, apply)


def step(slip: Slip, action: str, user: User, **inputs) -> Slip:
    """Take `action` as a desk does: a reply goes through the reply form's models.replies.record
    (the workflow refuses a bare record_reply step)."""
    version = Slip.get_by_id(slip.id).version
    if action == "record_reply":
        return replies.record(slip.id, user, reply_input(**inputs), expected_version=version).slip
    return workflow.apply(slip.id, action, user, expected_version=version, **inputs)


def reply_input(method: str = "", summary: str = "", opinion: str = "", customer_words: str = "",
                **details) -> replies.ReplyInput:
    """A reply as a careful clerk fills the form: on the phone they say who they are, a home visit
    is agreed beforehand and made by two staff with their work IDs."""
    given = dict(method=method, summary=summary, opinion=opinion, customer_words=customer_words,
                 identity_stated=True)
    if method == ReplyMethod.VISIT:
        given.update(place="业主家中", appointment_agreed=True,
                     staff=[replies.StaffMember("王师傅", "E017"), replies.StaffMember("李慧", "S001")])
    given.update(details)
    return replies.ReplyInput(**given)


def valid_inputs(action: str) -> dict:
    """Inputs a clerk would give for each step."""
    return {
        "answer_at_once": {"answer_note": "已当场说明维修安排，业主表示理解。"},
        "assign": {"department": department("engineering"), "assignee": "王师傅"},
        "request_escalation": {"reason": "业主要求赔偿，超出前台权限。"},
        "confirm_escalation": {"recipient": "赵经理"},
        "return_escalation": {"reason": "属前台权限，请直接派工程部处理。"},
        "record_handling": {"result": "已更换声控灯，现场测试正常。"},
        "record_reply": {"method": "phone", "summary": "电话告知已修复。", "opinion": "accepted"},
        "close": {},
        "end_unaccepted": {"end_reason": "已按物业服务合同和公司规定作出答复，业主仍要求免除全年物业费，超出规定。",
                           "offered": "免费更换灯具并延长保修一年。"},
        "reopen": {"customer_words": "灯还是时亮时不亮。", "deadline": clock.now() + dt.timedelta(days=2)},
    }[action]


NOT_ACCEPTED = {"method": "phone", "summary": "电话告知已修复，并说明按规定不能免除物业费。", "opinion": "not_accepted",
                "customer_words": "不免物业费我就不认可。"}


# How each state is reached from a received slip: (action, which user) steps, or (action, user,
# inputs) where the step's usual inputs (valid_inputs) would not lead there.
PATHS: dict[str, list[tuple]] = {
    Status.RECEIVED: [],
    Status.ANSWERED: [("answer_at_once", "clerk")],
    Status.IN_HANDLING: [("assign", "clerk")],
    Status.AWAITING_CONFIRMATION: [("request_escalation", "clerk2")],
    Status.ESCALATED: [("request_escalation", "clerk2"), ("confirm_escalation", "supervisor")],
    Status.HANDLED: [("assign", "clerk"), ("record_handling", "clerk")],
    Status.REPLIED: [("assign", "clerk"), ("record_handling", "clerk"), ("record_reply", "clerk")],
    Status.CLOSED: [("assign", "clerk"), ("record_handling", "clerk"), ("record_reply", "clerk"),
                    ("close", "clerk")],
    Status.ENDED_UNACCEPTED: [("assign", "clerk"), ("record_handling", "clerk"),
                              ("record_reply", "clerk", NOT_ACCEPTED), ("end_unaccepted", "supervisor")],
}


def slip_in(status: str, users: dict[str, User]) -> Slip:
    slip = received_slip(users["clerk"])
    for action, who, *inputs in PATHS[status]:
        slip = step(slip, action, users[who], **(inputs[0] if inputs else valid_inputs(action)))
    assert slip.status == status
    return slip


def replied_not_accepted(users: dict[str, User]) -> Slip:
    """A slip whose reply the customer did not accept, as the person in charge finds it to end."""
    slip = slip_in(Status.HANDLED, users)
    return step(slip, "record_reply", users["clerk"], **NOT_ACCEPTED)
