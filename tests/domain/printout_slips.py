"""Slips the printout tests print: taken down through the real intake, then handled."""
from __future__ import annotations

import datetime as dt

from models import intake, replies, workflow
from models.catalog import Category, Department
from models.slips import Slip
from models.vocab import Channel, Opinion, ReplyMethod
from tests.support.slips import recorded_change

COMPLAINT = "楼上每天晚上十一点以后还在拖椅子，吵得孩子睡不着，已经跟他们说过好几次了，请物业出面协调。"
HANDLING = "经工程部与安保部上门核实，已与楼上住户沟通，对方承诺晚上十点以后不再拖动家具，并加装了椅脚垫。"


def category(code: str = "noise") -> int:
    return Category.get(Category.code == code).id


def letter_slip(user, now: dt.datetime, complaint: str = COMPLAINT, name: str = "张三", title: str = "mr",
                handled: bool = True) -> Slip:
    """A complaint by letter, with its scan, answered after investigation."""
    slip = intake.save(intake.Intake(
        customer_request="希望尽快处理。",
        channel=Channel.LETTER, complainant_name=name, complainant_title=title, unit_code="3-2-1201",
        complaint=complaint, category_id=category(), deadline=now + dt.timedelta(days=3),
        letter_date=now.date() - dt.timedelta(days=2), letter_received=now.date(),
        sender_address="上海市浦东新区阳光路 88 号 阳光花园 3-2-1201室 200120",
        letter_scans=[intake.LetterScan("来信扫描.pdf", b"%PDF-1.4\n% the customer's letter\n")]), user)
    if handled:
        recorded_change(slip, user, handling_notes=HANDLING, department=Department.get(Department.code == "engineering"),
                        assignee="王师傅")
    return Slip.get_by_id(slip.id)


def going_up(slip: Slip, clerk) -> Slip:
    """The slip sent to the person in charge as beyond the desk's authority: a transmittal goes with it."""
    workflow.apply(slip.id, "request_escalation", clerk, expected_version=Slip.get_by_id(slip.id).version,
                   reason="业主要求赔偿，超出前台权限。")
    return Slip.get_by_id(slip.id)


def onsite_slip(user, now: dt.datetime, name: str = "李梅", title: str = "ms") -> Slip:
    slip = intake.save(intake.Intake(
        customer_request="希望尽快处理。",
        channel=Channel.ONSITE, complainant_name=name, complainant_title=title, unit_code="5-1-302",
        phone="13812345678", complaint="电梯运行时有异响，还会突然停一下，很吓人，请尽快检修。", read_back=True,
        category_id=category("lift"), calmed=True, quiet_place=True,
        deadline=now + dt.timedelta(hours=24)), user)
    return Slip.get_by_id(slip.id)


def book_slip(user, now: dt.datetime) -> Slip:
    slip = intake.save(intake.Intake(
        customer_request="希望尽快处理。",
        channel=Channel.BOOK, complainant_name="王伟", complainant_title="mr", unit_code="2-3-1502",
        complaint="希望物业在中心花园增加几个休息座椅，方便老人。", category_id=category("other"),
        book_entry_date=now.date(), book_entry_ref="第12页第3条", deadline=now + dt.timedelta(days=2)), user)
    recorded_change(slip, user, handling_notes="内部：绿化班组已采购座椅四张，费用计入公共维修。")
    return Slip.get_by_id(slip.id)


def ordinary_slip(user, now: dt.datetime) -> Slip:
    """An ordinary day's slip: a phone complaint of a few lines sent to engineering at intake,
    handled, replied to by phone, accepted and closed — a handful of history events, one reply."""
    slip = intake.save(intake.Intake(
        customer_request="希望尽快处理。",
        channel=Channel.PHONE, complainant_name="欧阳娜娜", complainant_title="ms", unit_code="3-2-1201",
        phone="13812345678", caller_number="13812345678", call_time=now - dt.timedelta(minutes=5),
        complaint="楼道声控灯不亮，晚上一片漆黑。老人上下楼很不方便，上周已经反映过一次，到现在还没有修好，"
                  "希望尽快处理。", read_back=True, thanked=True, category_id=category("lighting"),
        deadline=now + dt.timedelta(days=1), within_authority=True,
        department_id=Department.get(Department.code == "engineering").id, assignee="王师傅"), user)
    slip = workflow.apply(slip.id, "record_handling", user, expected_version=slip.version,
                          result="已更换12楼、13楼楼道声控灯两盏，现场测试正常。")
    recorded = replies.record(slip.id, user, replies.ReplyInput(
        ReplyMethod.PHONE, summary="电话告知业主声控灯已更换，请晚上留意是否正常。", opinion=Opinion.ACCEPTED,
        identity_stated=True), expected_version=slip.version)
    return replies.close_accepted(slip.id, user, expected_version=recorded.slip.version)
