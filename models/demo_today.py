"""The demo desk's last working days and this morning, taken through the desk's own functions.

The bulk history (models.demo) is written row by row for speed, so it leaves out what a busy
desk has waiting at the start of a day: escalations for the person in charge to confirm, reply
letters to approve or post, a reply the customer did not accept (one taken back to handling, one
waiting for the person in charge, one ended as 答复已按规定作出，客户仍不认可), the thanks after a
letter due today (and one done, one impossible), comment-book entries to deal with and others
written back in the book, an anonymous letter, notices, motive decisions, a return visit and last
night's handover note. Here a few slips go through intake, the workflow, replies, the comment book, motives,
satisfaction and the handover exactly as clerks would take them, with the clock set to the
moment each step happens, so history chains, notices, audit and the search index are what the
app itself writes.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from models import (causes, clock, commentbook, handover, intake, motives, named_call, progress, replies,
                    satisfaction, workflow)
from models.accounts import User
from models.catalog import Category, Department, save_person
from models.deadlines import OfficeHours, is_working_day
from models.intake import Intake
from models.slips import Slip
from models.vocab import Channel, Opinion, ReplyMethod

T = TypeVar("T")

MORNING = dt.timedelta(minutes=90)  # this morning's staged work: from opening time on
POLICY_PHRASE = "这是公司的规定"  # on the words-never-to-say list: the approver sees it flagged
# What each customer at the desk or on the phone said when asked how they would like it solved.
WANTS = {"cleaning": "要求每天清运，并让我看到清运记录。", "fees": "要求把多收的钱退回来，并书面说明。",
         "leak": "希望尽快上门查看，修好后赔偿损失。", "lift": "要求赔偿医药费，并保证电梯安全。",
         "security": "要求物业赔偿被盗的电动车。", "noise": "希望物业出面让楼上晚上十点以后不要再有噪音。",
         "attitude": "要求当事员工道歉，并改进服务。", "lighting": "希望今晚之前修好。",
         "parking": "要求换一个离电梯近的固定车位。", "greenery": "希望修剪树枝，恢复采光。",
         "other": "希望物业尽快处理并告知结果。"}


class _Desk:
    """The demo accounts and the working days around now, and a clock set per step."""

    def __init__(self, now: dt.datetime):
        self.users = {u.username: u for u in User.select()}
        self.office = OfficeHours.from_settings()
        self.today, self.now = self._this_morning(now)
        self.yesterday = self._working_day_before(self.today)
        self.day_before = self._working_day_before(self.yesterday)
        self.three_back = self._working_day_before(self.day_before)
        self.categories = {c.code: c.id for c in Category.select()}
        self.departments = {d.code: d.id for d in Department.select()}

    def _this_morning(self, now: dt.datetime) -> tuple[dt.date, dt.datetime]:
        """The working day whose morning is staged, and the moment the staging ends: now, or (built
        at night, at the weekend, before the morning's work) the end of the latest working morning."""
        day = now.date()
        morning_ends = self.office.opens(day) + MORNING
        if is_working_day(day, self.office) and now >= morning_ends:
            return day, min(now, morning_ends + dt.timedelta(minutes=40))
        day = self._working_day_before(day)
        return day, self.office.opens(day) + MORNING

    def _working_day_before(self, day: dt.date) -> dt.date:
        day -= dt.timedelta(days=1)
        while not is_working_day(day, self.office):
            day -= dt.timedelta(days=1)
        return day

    def morning(self, minutes_before_now: int) -> dt.datetime:
        """This morning, a little before now (the demo is built "now")."""
        return self.now - dt.timedelta(minutes=minutes_before_now)

    def at(self, when: dt.datetime, act: Callable[[], T]) -> T:
        clock.freeze(when)
        return act()

    def user(self, name: str) -> User:
        return self.users[name]


def _on(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def _version(slip: Slip | int) -> int:
    return Slip.get_by_id(getattr(slip, "id", slip)).version


def stage_today(seed: int = 0) -> None:
    """Take the desk through the last working days and this morning (a handful of slips).

    Call once, after the bulk history is written, on a database with the demo accounts.
    `seed` is accepted for symmetry with models.demo: the story is the same every time.
    """
    was_frozen = clock.frozen()  # the caller's clock (a test may have frozen it) is put back after
    desk = _Desk(clock.now())
    try:
        _stage(desk)
    finally:
        clock.freeze(was_frozen)


def _stage(desk: _Desk) -> None:
    desk.at(_on(desk.three_back, 8, 40), lambda: save_person(
        desk.user("manager"), desk.departments["service"], "张小梅", "021-58885678", account=desk.user("clerk")))
    _letter_thanked_and_closed(desk)
    _letter_posted_thanks_due(desk)
    _letter_thanks_impossible(desk)
    _anonymous_letter(desk)
    _letter_approved_not_sent(desk)
    _letter_waiting_for_approval(desk)
    _reply_not_accepted(desk)
    _reply_not_accepted_for_the_person_in_charge(desk)
    _ended_unaccepted(desk)
    _escalations(desk)
    _assigned_to_customer_service(desk)
    _comment_book(desk)
    _promised_for_noon(desk)
    _understanding(desk)
    desk.at(_on(desk.yesterday, 17, 20), lambda: handover.write_note(desk.user("clerk2"), (
        "1. 3号楼漏水的住户明天上午还会来，工程部说中午前出结论，请先安抚情绪再说明进度。\n"
        "2. 意见簿昨天还有两条没处理完，今天早上请先看一下。\n"
        "3. 物业费争议那张单子已提请负责人确认上报，李主管今天上午在。")))


def _save(desk: _Desk, when: dt.datetime, clerk: str, form: Intake) -> Slip:
    return desk.at(when, lambda: intake.save(form, desk.user(clerk)))


def _form(desk: _Desk, channel: str, category: str, name: str, complaint: str, deadline: dt.datetime,
          **values) -> Intake:
    given = dict(channel=channel, complainant_name=name, complaint=complaint, category_id=desk.categories[category],
                 deadline=deadline, read_back=True, calmed=True, customer_request=WANTS.get(category, ""))
    if channel == Channel.PHONE:
        given.update(caller_number=values.get("phone", ""), thanked=True)
    given.update(values)
    return Intake(**given)


# The cause a big demo's repeats get: its generated history can make one of today's slips a
# repeat of an older one in the same unit, and a repeat is closed only with its cause found.
REPEAT_CAUSE = causes.Analysis(
    ("为什么又投诉？上次处理后问题再次出现", "为什么再次出现？上次只处理了现象，没有查原因"),
    "上次处理只消除了现象，未查明原因。", "责任部门复查同类问题的原因，处理后一周内回访确认。")


def _cause_if_repeat(desk: _Desk, slip: Slip, user: str) -> None:
    """A slip the big demo's history made a repeat is closed or ended only with its cause found."""
    if causes.missing(Slip.get_by_id(slip.id)):
        causes.record(slip.id, desk.user(user), REPEAT_CAUSE, expected_version=_version(slip))


def _close(desk: _Desk, slip: Slip, when: dt.datetime, user: str, note: str = "") -> Slip:
    """Close a slip the customer accepted; a repeat gets its cause first, as at any desk."""
    def close() -> Slip:
        _cause_if_repeat(desk, slip, user)
        return replies.close_accepted(slip.id, desk.user(user), expected_version=_version(slip), note=note)
    return desk.at(when, close)


def _handled(desk: _Desk, slip: Slip, when: dt.datetime, user: str, result: str) -> Slip:
    return desk.at(when, lambda: workflow.apply(slip.id, "record_handling", desk.user(user),
                                                expected_version=_version(slip), result=result))


def _approved(desk: _Desk, slip: Slip, writer: str, text: str, drafted: dt.datetime,
              approved: dt.datetime) -> replies.Letter:
    desk.at(drafted, lambda: replies.save_letter(slip.id, desk.user(writer), text, expected_version=_version(slip)))
    letter = desk.at(drafted + dt.timedelta(minutes=10), lambda: replies.submit_letter(
        slip.id, desk.user(writer), expected_version=_version(slip)))
    return desk.at(approved, lambda: replies.approve_letter(letter.id, desk.user("supervisor"),
                                                            expected_version=_version(slip)))


def _letter_form(desk: _Desk, category: str, name: str, complaint: str, received: dt.date, deadline: dt.datetime,
                 address: str, unit: str, title: str = "mr", phone: str = "13901236677") -> Intake:
    return _form(desk, Channel.LETTER, category, name, complaint, deadline, complainant_title=title,
                 letter_received=received, letter_date=received - dt.timedelta(days=2), sender_address=address,
                 unit_code=unit, phone=phone, read_back=False, calmed=False, within_authority=True,
                 override_reason="信函反映的问题客服部可以处理", department_id=desk.departments["engineering"])


def _posted(desk: _Desk, slip: Slip, when: dt.datetime) -> replies.Recorded:
    """The approved letter posted: the reply, its opinion pending until the customer is heard (意见待反馈)."""
    return desk.at(when, lambda: replies.record(slip.id, desk.user("clerk"), replies.ReplyInput(
        method=ReplyMethod.LETTER, opinion=Opinion.PENDING, at=when), expected_version=_version(slip)))


def _letter_thanked_and_closed(desk: _Desk) -> None:
    """A letter answered by letter (对等回复); two working days after posting, the customer is thanked
    again by phone (再次致谢), says the lights work, and the slip is closed; a return visit is booked
    for this afternoon."""
    slip = _save(desk, _on(desk.three_back, 9, 10), "clerk", _letter_form(
        desk, "lighting", "周国平", "来信反映：5号楼2单元6楼到9楼的楼道声控灯坏了半个多月，晚上上下楼只能用手机照明，"
        "家里老人已经摔过一次，希望物业尽快修好并加强日常巡查。", desk.three_back,
        _on(desk.day_before, 17, 30), "本小区5号楼2单元801室", "5-2-801"))
    _handled(desk, slip, _on(desk.three_back, 11, 0), "clerk", "工程部已更换5号楼2单元6至9楼声控灯4盏，现场测试正常；"
             "已将该单元楼道灯具纳入每周巡查。")
    _approved(desk, slip, "clerk", "您来信反映的5号楼2单元楼道声控灯不亮的问题，工程部已于今日更换灯具4盏，"
              "经现场测试均已正常。我们已将该单元楼道照明纳入每周巡查，今后如再有损坏，请直接拨打服务监督电话，"
              "我们将在当日处理。\n感谢您对我们工作的关心和监督，也请代我们向家中老人致以问候。",
              _on(desk.three_back, 11, 30), _on(desk.three_back, 14, 0))
    _posted(desk, slip, _on(desk.three_back, 15, 0))
    _decide_motive(desk, slip, _on(desk.three_back, 15, 10), "clerk")
    follow_up = replies.open_follow_up(slip)
    desk.at(_on(desk.yesterday, 10, 0), lambda: replies.complete_follow_up(
        follow_up.id, desk.user("clerk"), method=ReplyMethod.PHONE, at=_on(desk.yesterday, 10, 0),
        note="周先生说回信收到了，楼道灯已经修好。", opinion=Opinion.ACCEPTED, expected_version=_version(slip)))
    _close(desk, slip, _on(desk.yesterday, 10, 5), "clerk", note="再次致谢时客户认可处理结果。")
    desk.at(_on(desk.yesterday, 10, 10), lambda: satisfaction.schedule_return_visit(
        slip.id, desk.user("clerk"), _on(desk.today, 14, 0), purpose="回访楼道照明是否正常，了解老人情况",
        expected_version=_version(slip)))


def _letter_posted_thanks_due(desk: _Desk) -> None:
    """A letter answered by letter two working days ago: the thanks after it is due today, when the
    customer's opinion is usually heard."""
    slip = _save(desk, _on(desk.three_back, 10, 30), "clerk2", _letter_form(
        desk, "greenery", "吴建华", "来信反映：中心花园的树长得太高，挡住了我家客厅的采光，白天也要开灯，希望物业修剪。",
        desk.three_back, _on(desk.day_before, 17, 30), "本小区9号楼1单元302室", "9-1-302"))
    _handled(desk, slip, _on(desk.three_back, 15, 30), "clerk2", "绿化班组已修剪9号楼前香樟树三棵，客厅采光已恢复。")
    _approved(desk, slip, "clerk2", "您来信反映的9号楼前树木遮挡采光的问题，绿化班组已修剪香樟树三棵，"
              "经现场查看，客厅采光已经恢复。今后我们将每季度修剪一次。\n感谢您的来信。",
              _on(desk.three_back, 16, 0), _on(desk.three_back, 16, 40))
    _posted(desk, slip, _on(desk.day_before, 9, 30))


def _letter_thanks_impossible(desk: _Desk) -> None:
    """A letter that left neither a phone number nor an e-mail: answered by letter, and why thanking
    the customer again is impossible is on record, so the slip could end without pretending."""
    slip = _save(desk, _on(desk.three_back, 14, 0), "liu", _letter_form(
        desk, "cleaning", "许文", "来信反映：12号楼地下室楼梯间堆满杂物，存在消防隐患，请物业清理。", desk.three_back,
        _on(desk.day_before, 17, 0), "本小区12号楼3单元1101室", "12-3-1101", phone=""))
    _handled(desk, slip, _on(desk.three_back, 16, 0), "liu", "保洁部已清理楼梯间杂物，并张贴消防安全提示。")
    _approved(desk, slip, "liu", "您来信反映的12号楼地下室楼梯间堆放杂物的问题，保洁部已全部清理，并张贴了"
              "消防安全提示，今后将加强巡查。\n感谢您对小区消防安全的关心。",
              _on(desk.three_back, 16, 20), _on(desk.three_back, 16, 50))
    _posted(desk, slip, _on(desk.day_before, 9, 0))
    follow_up = replies.open_follow_up(slip)
    desk.at(desk.morning(60), lambda: replies.record_thanks_impossible(
        follow_up.id, desk.user("liu"), "来信未留电话和电子邮箱，无法再次致谢。", expected_version=_version(slip)))
    _close(desk, slip, desk.morning(58), "liu", note="已寄出答复信函；客户未留联系方式。")


def _anonymous_letter(desk: _Desk) -> None:
    """An anonymous letter without a return address: recorded plainly (no reply letter), handled, and
    with nobody to reply to, closed once handled."""
    slip = _save(desk, _on(desk.day_before, 11, 0), "clerk", _form(
        desk, Channel.LETTER, "security", "匿名", "匿名来信反映：晚上十一点以后北门岗亭经常没人值班，外卖车直接开进小区。",
        _on(desk.yesterday, 17, 0), letter_received=desk.day_before, no_return_address=True, read_back=False,
        calmed=False, within_authority=True, override_reason="门岗值班由安保部处理",
        department_id=desk.departments["security"]))
    _handled(desk, slip, _on(desk.yesterday, 14, 0), "clerk", "安保部已调整夜班排班，北门岗亭夜间双人值守，外来车辆一律登记。")
    _close(desk, slip, _on(desk.yesterday, 14, 10), "clerk", note="匿名来信，无回信地址，已处理完毕。")


def _letter_approved_not_sent(desk: _Desk) -> None:
    slip = _save(desk, _on(desk.day_before, 10, 20), "liu", _letter_form(
        desk, "leak", "孙丽华", "来信反映：地下车库B区顶上漏水，滴到车上，车漆受损，要求物业查明原因并处理。",
        desk.day_before, _on(desk.today + dt.timedelta(days=2), 17, 0), "本小区8号楼1单元1502室", "8-1-1502",
        title="ms"))
    _handled(desk, slip, _on(desk.yesterday, 11, 0), "liu", "工程部查明为B区消防管接头渗漏，已更换接头并做防水处理。")
    _approved(desk, slip, "liu", "您反映的地下车库B区顶部漏水问题，经工程部查明系消防管道接头渗漏，"
              "现已更换接头并完成防水处理。给您带来的不便，我们深表歉意。关于车漆受损，请您方便时携带照片到物业"
              "服务中心，我们将与您协商处理。\n感谢您的来信。", _on(desk.yesterday, 14, 0), _on(desk.yesterday, 16, 40))


def _letter_waiting_for_approval(desk: _Desk) -> None:
    slip = _save(desk, _on(desk.yesterday, 10, 5), "clerk2", _letter_form(
        desk, "parking", "郑海", "来信反映：停车费从本月起上涨，事先没有公示，要求物业说明依据。",
        desk.yesterday, _on(desk.today + dt.timedelta(days=3), 17, 0), "本小区2号楼3单元402室", "2-3-402"))
    _handled(desk, slip, _on(desk.yesterday, 16, 0), "clerk2", "经查，停车费调整已于上月经业委会同意，公告张贴在各单元门口。")
    desk.at(desk.morning(50), lambda: replies.save_letter(slip.id, desk.user("clerk2"), (
        "您来信询问停车费调整一事。停车费调整已于上月经业主委员会同意，并在各单元门口张贴公告。"
        f"{POLICY_PHRASE}，请您理解。\n如有疑问，欢迎到物业服务中心咨询。"), expected_version=_version(slip)))
    # the clerk saw the flag when submitting and let the person in charge decide (models.replies)
    desk.at(desk.morning(40), lambda: replies.submit_letter(slip.id, desk.user("clerk2"),
                                                             expected_version=_version(slip), flags_read=True))


def _reply_not_accepted(desk: _Desk) -> None:
    slip = _save(desk, _on(desk.day_before, 14, 15), "clerk", _form(
        desk, Channel.PHONE, "cleaning", "吴敏", "地下车库入口旁的垃圾桶三天没清理了，味道很大，你们每次都说马上处理，"
        "我要求给个说法。", _on(desk.yesterday, 17, 0), phone="13816620457", call_time=_on(desk.day_before, 14, 10),
        unit_code="7-1-602", within_authority=True, override_reason="保洁问题客服部可以处理",
        department_id=desk.departments["cleaning"]))
    _handled(desk, slip, _on(desk.yesterday, 11, 0), "clerk", "保洁部已清运垃圾桶并消毒，调整为每日两次清运。")
    desk.at(_on(desk.yesterday, 15, 0), lambda: replies.record(slip.id, desk.user("clerk"), replies.ReplyInput(
        method=ReplyMethod.PHONE, summary="电话告知吴女士垃圾桶已清运消毒，今后每日清运两次。",
        opinion=Opinion.NOT_ACCEPTED, customer_words="光清一次没用，上个月也是这样，过两天又没人管了，我要看到你们真的每天清。",
        identity_stated=True, at=_on(desk.yesterday, 15, 0)), expected_version=_version(slip)))
    desk.at(_on(desk.yesterday, 15, 10), lambda: replies.reopen(
        slip.id, desk.user("clerk"), expected_version=_version(slip), deadline=_on(desk.today + dt.timedelta(days=2), 17, 0),
        reason="客户要求看到连续几天的清运记录"))
    _decide_motive(desk, slip, _on(desk.yesterday, 15, 15), "clerk")


def _replied_not_accepted(desk: _Desk, when: dt.datetime, clerk: str, form: Intake, result: str,
                          said: str, words: str, handled_at: dt.datetime, replied_at: dt.datetime) -> Slip:
    slip = _save(desk, when, clerk, form)
    _handled(desk, slip, handled_at, clerk, result)
    desk.at(replied_at, lambda: replies.record(slip.id, desk.user(clerk), replies.ReplyInput(
        method=ReplyMethod.PHONE, summary=said, opinion=Opinion.NOT_ACCEPTED, customer_words=words,
        identity_stated=True, at=replied_at), expected_version=_version(slip)))
    return slip


def _reply_not_accepted_for_the_person_in_charge(desk: _Desk) -> None:
    """A reply given within the rules that the customer still does not accept: it waits for the
    person in charge to take it back to handling or end it (答复已按规定作出，客户仍不认可)."""
    _replied_not_accepted(
        desk, _on(desk.day_before, 9, 50), "clerk2", _form(
            desk, Channel.ONSITE, "parking", "钱志刚", "我的固定车位又被别人占了，物业必须给我换一个离电梯近的车位。",
            _on(desk.yesterday, 17, 0), unit_code="10-2-901", phone="13671128890", within_authority=True,
            override_reason="车位占用由安保部处理", department_id=desk.departments["security"]),
        "安保部已联系占位车主挪车，并在该车位加装地锁。",
        "电话告知钱先生已挪车并加装地锁；车位调换须按车位租赁合同办理，目前电梯附近没有空余车位。",
        "不给我换到电梯旁边我就不认可。", _on(desk.yesterday, 10, 0), _on(desk.yesterday, 15, 30))


def _ended_unaccepted(desk: _Desk) -> None:
    """The customer wants a year's fees waived for a week's noise: answered within the rules, offered
    what the desk may offer, still not accepted — the person in charge ends the slip as exactly that."""
    slip = _replied_not_accepted(
        desk, _on(desk.three_back, 10, 0), "clerk", _form(
            desk, Channel.PHONE, "noise", "孟凡", "隔壁装修一个星期了，中午和周末也在电钻，物业必须免掉我今年的物业费作为补偿。",
            _on(desk.day_before, 17, 0), phone="13524478812", call_time=_on(desk.three_back, 9, 55),
            unit_code="4-2-1603", within_authority=True, override_reason="装修噪音由客服部协调",
            department_id=desk.departments["service"]),
        "已约谈装修户，中午12点至14点、周末全天停止电钻作业，并安排每日巡查。",
        "电话告知孟先生已责令装修户按规定时间施工；按物业服务合同，装修噪音不能减免物业费。",
        "装修吵了我一个星期，不免物业费我不接受。", _on(desk.three_back, 15, 0), _on(desk.day_before, 10, 0))
    def end() -> Slip:
        _cause_if_repeat(desk, slip, "supervisor")
        return workflow.apply(
            slip.id, "end_unaccepted", desk.user("supervisor"), expected_version=_version(slip),
            end_reason="已按装修管理规定处理并答复；物业费减免不属于物业服务合同约定，超出本中心权限。",
            offered="装修期间每日巡查，并赠送一次上门保洁服务；客户可向业主委员会反映减免要求。")
    desk.at(_on(desk.day_before, 16, 0), end)


def _beyond(desk: _Desk, channel: str, category: str, name: str, complaint: str,
            reason: str = "超出前台处理权限，需负责人确认后上报", **values) -> Intake:
    given = {"deadline": _on(desk.today + dt.timedelta(days=3), 17, 0), **values}
    return _form(desk, channel, category, name, complaint, within_authority=False, override_reason=reason, **given)


def _escalations(desk: _Desk) -> None:
    """Four wait for the person in charge (one asked for by 刘洋, whose supervisor account may not
    confirm it); one was confirmed yesterday and one returned this morning: notices for the clerk."""
    waiting = [
        (_on(desk.yesterday, 16, 20), "clerk", _beyond(
            desk, Channel.ONSITE, "fees", "黄志强", "物业费账单上多收了360元的公摊电费，已经找过三次了，再不退我就去找媒体曝光。",
            unit_code="11-2-1703", phone="13917732840")),
        (desk.morning(55), "clerk2", _beyond(
            desk, Channel.PHONE, "leak", "林秀英", "卫生间天花板一直滴水，墙面开裂，楼上说不是他们的问题，我要求物业出具鉴定并赔偿。",
            phone="15021198836", call_time=desk.morning(60), unit_code="4-1-1101")),
        (desk.morning(30), "liu", _beyond(
            desk, Channel.ONSITE, "lift", "马建华", "电梯困人二十分钟，紧急电话没人接，我父亲受了惊吓住院了，要求赔偿医药费。",
            unit_code="9-3-1502", phone="18621547790")),
        (desk.morning(20), "clerk", _beyond(
            desk, Channel.ONSITE, "security", "高桂英", "电动车在地下车库被偷，监控坏了查不到，要求物业赔偿。",
            reason="客户要求赔偿被盗电动车，赔偿超出前台处理权限", unit_code="6-2-302", phone="13764408815")),
    ]
    for index, (when, clerk, form) in enumerate(waiting):
        slip = _save(desk, when, clerk, form)
        # the first: the clerk judges 黄志强 wants his 360 yuan back, not to expose the estate
        _decide_motive(desk, slip, when + dt.timedelta(minutes=5), clerk, None if index else motives.Choice(
            "compensation", "redress", None, ("rational", "emotional")))
    confirmed = _save(desk, _on(desk.yesterday, 9, 40), "clerk", _beyond(
        desk, Channel.PHONE, "fees", "何伟", "公共收益的账目从来没有公示过，业主有权知道钱用在哪里，我已经联系了律师。",
        phone="13601822973", call_time=_on(desk.yesterday, 9, 35), unit_code="1-1-501"))
    desk.at(_on(desk.yesterday, 14, 30), lambda: workflow.apply(
        confirmed.id, "confirm_escalation", desk.user("supervisor"), expected_version=_version(confirmed),
        recipient="服务管理部 赵经理", note="涉及公共收益公示，按规定报上级处理"))
    _decide_motive(desk, confirmed, _on(desk.yesterday, 9, 50), "clerk")
    returned = _save(desk, _on(desk.yesterday, 11, 30), "clerk", _beyond(
        desk, Channel.ONSITE, "noise", "罗晓东", "楼上每天晚上十一点以后还在拖椅子，说了好几次都不听，我要报警。",
        unit_code="3-2-1201", phone="13524467718", deadline=_on(desk.yesterday, 17, 0)))
    desk.at(desk.morning(70), lambda: workflow.apply(
        returned.id, "return_escalation", desk.user("supervisor"), expected_version=_version(returned),
        reason="邻里噪音由客服部上门协调即可，请约双方面谈，协调不成再提请上报。"))


def _assigned_to_customer_service(desk: _Desk) -> None:
    """Staff-attitude complaints go to 客服部, whose responsible person is 张小梅 (clerk)."""
    for when, clerk, name, text in (
            (_on(desk.yesterday, 17, 10), "liu", "谢芳", "前台工作人员态度很差，我问问题她一直玩手机，爱理不理。"),
            (desk.morning(80), "clerk2", "冯刚", "打了好几次客服电话都没人接，物业是不是不想管事了？")):
        slip = _save(desk, when, clerk, _form(
            desk, Channel.ONSITE, "attitude", name, text, _on(desk.today + dt.timedelta(days=1), 17, 0),
            phone="13812345678" if name == "谢芳" else "13912346789", within_authority=True,
            override_reason="服务态度问题由客服部处理",
            department_id=desk.departments["service"]))
        _decide_motive(desk, slip, when + dt.timedelta(minutes=5), clerk)


def _promised_for_noon(desk: _Desk) -> None:
    """The leak the handover note speaks of: a reply promised by noon today."""
    _save(desk, _on(desk.day_before, 16, 40), "clerk2", _form(
        desk, Channel.ONSITE, "leak", "钱美玲", "我家卫生间天花板漏水，应该是楼上的防水坏了，水一直往下滴，墙面已经发霉。",
        _on(desk.today, 12, 0), unit_code="3-1-704", phone="13611950264", within_authority=True,
        override_reason="漏水维修由工程部处理", department_id=desk.departments["engineering"]))


def _comment_book(desk: _Desk) -> None:
    """The day before: an entry with a phone number, written back in the book, replied to by phone
    and closed. Yesterday's check found four new entries: one (unsigned) became a slip, handled and
    written back this morning; one needed nothing; two wait."""
    earlier = desk.at(_on(desk.day_before, 9, 10), lambda: commentbook.record_check(desk.user("clerk2"), [
        "6号楼电梯里的广告屏声音太大，早上很吵。留言人：6-1-203 刘女士 13816675530"], note="第11页"))
    (entry,) = list(commentbook.BookEntry.select().where(commentbook.BookEntry.check == earlier))
    form = _form(desk, Channel.BOOK, "noise", "刘女士", entry.text, _on(desk.yesterday, 17, 0),
                 complainant_title="ms", unit_code="6-1-203", phone="13816675530", contact_left=True,
                 book_entry_date=desk.day_before, book_entry_ref="第11页第2条", read_back=False, calmed=False,
                 within_authority=True, override_reason="电梯广告屏音量由客服部协调",
                 department_id=desk.departments["service"])
    slip = desk.at(_on(desk.day_before, 9, 20), lambda: commentbook.turn_into_slip(entry.id, form, desk.user("clerk2")))
    _handled(desk, slip, _on(desk.day_before, 14, 0), "clerk2", "已联系广告公司，6号楼电梯广告屏改为静音播放。")
    _write_back(desk, slip, _on(desk.day_before, 15, 0), "clerk2", "感谢您的留言。6号楼电梯广告屏已改为静音播放。")
    desk.at(_on(desk.day_before, 15, 20), lambda: replies.record(slip.id, desk.user("clerk2"), replies.ReplyInput(
        method=ReplyMethod.PHONE, summary="电话告知刘女士广告屏已改为静音，意见簿上也已回复。", opinion=Opinion.ACCEPTED,
        identity_stated=True, at=_on(desk.day_before, 15, 20)), expected_version=_version(slip)))
    _close(desk, slip, _on(desk.day_before, 15, 25), "clerk2")

    check = desk.at(_on(desk.yesterday, 9, 15), lambda: commentbook.record_check(desk.user("clerk"), [
        "中心花园的垃圾桶满了没人清理，味道很大，苍蝇很多。", "保洁阿姨每天都把楼道擦得很干净，谢谢她！",
        "希望周末晚上能在小区广场放露天电影。", "3号楼门口的快递柜经常满了，快递员就把包裹放在地上。"],
        note="第12页至第13页"))
    first, second = list(commentbook.BookEntry.select().where(commentbook.BookEntry.check == check)
                         .order_by(commentbook.BookEntry.position))[:2]
    form = _form(desk, Channel.BOOK, "cleaning", "匿名业主", first.text, _on(desk.today + dt.timedelta(days=1), 12, 0),
                 book_entry_date=desk.yesterday, book_entry_ref="第12页第3条", read_back=False, calmed=False,
                 within_authority=True, override_reason="保洁问题客服部可以处理",
                 department_id=desk.departments["cleaning"])
    anonymous = desk.at(_on(desk.yesterday, 9, 30), lambda: commentbook.turn_into_slip(first.id, form, desk.user("clerk")))
    desk.at(_on(desk.yesterday, 9, 35), lambda: commentbook.mark_read(
        second.id, desk.user("clerk"), "感谢保洁阿姨的留言，已转告保洁部。"))
    _handled(desk, anonymous, desk.morning(75), "clerk", "保洁部已清运中心花园垃圾桶并消毒，改为每日早晚两次清运。")
    _write_back(desk, anonymous, desk.morning(65), "clerk", "感谢您的留言。中心花园垃圾桶已清运消毒，今后每日早晚各清运一次。")
    _close(desk, anonymous, desk.morning(64), "clerk")


def _write_back(desk: _Desk, slip: Slip, when: dt.datetime, clerk: str, text: str) -> None:
    """The handling opinion written back beside the entry and signed (签字确认): nobody to ask for an
    opinion in the book itself."""
    desk.at(when, lambda: replies.record(slip.id, desk.user(clerk), replies.ReplyInput(
        method=ReplyMethod.BOOK, summary=text, opinion=Opinion.NONE, signed_by=desk.user(clerk).display_name,
        at=when), expected_version=_version(slip)))


def _understanding(desk: _Desk) -> None:
    """Understanding and preventing: a repeated complaint handled with its cause found, another
    repeat waiting this morning, the customer told of progress, a bribery complaint the clerk may
    not keep, a customer asking for the manager by name, and a slip nobody has given news of."""
    first = _save(desk, _on(desk.three_back, 10, 30), "clerk", _form(
        desk, Channel.PHONE, "cleaning", "孔令辉", "10号楼门口的垃圾桶满了溢到地上，好几天没人收。",
        _on(desk.three_back, 17, 0), phone="13585512276", call_time=_on(desk.three_back, 10, 25), unit_code="10-1-901",
        within_authority=True, override_reason="保洁问题保洁部可以处理", department_id=desk.departments["cleaning"]))
    _handled(desk, first, _on(desk.three_back, 14, 0), "clerk", "保洁部已清运并冲洗地面。")
    desk.at(_on(desk.three_back, 15, 0), lambda: replies.record(first.id, desk.user("clerk"), replies.ReplyInput(
        method=ReplyMethod.PHONE, summary="电话告知孔先生垃圾已清运。", opinion=Opinion.ACCEPTED, identity_stated=True,
        at=_on(desk.three_back, 15, 0)), expected_version=_version(first)))
    _close(desk, first, _on(desk.three_back, 15, 5), "clerk")
    again = _save(desk, _on(desk.day_before, 9, 20), "liu", _form(
        desk, Channel.PHONE, "cleaning", "孔令辉", "10号楼门口的垃圾桶又满了，上周才说过，怎么又这样？",
        _on(desk.day_before, 17, 0), phone="13585512276", call_time=_on(desk.day_before, 9, 15), unit_code="10-1-901",
        within_authority=True, override_reason="重复投诉，保洁部处理后分析原因", department_id=desk.departments["cleaning"]))
    _handled(desk, again, _on(desk.day_before, 11, 0), "liu", "保洁部已清运，10号楼门口改为每天早晚各清运一次。")
    desk.at(_on(desk.day_before, 11, 30), lambda: causes.record(again.id, desk.user("liu"), causes.Analysis(
        ("为什么垃圾桶又满了？每天只清运一次", "为什么只清运一次？清运排班按去年的住户数定的",
         "为什么没调整？入住率上升后没有复核排班"),
        "清运排班没有随入住率复核。", "保洁部按各楼栋垃圾量重排清运班次，每季度复核一次；10号楼改为早晚各一次。"),
        expected_version=_version(again)))
    desk.at(_on(desk.day_before, 14, 0), lambda: replies.record(again.id, desk.user("liu"), replies.ReplyInput(
        method=ReplyMethod.PHONE, summary="电话告知孔先生已改为早晚各清运一次，并说明了原因。", opinion=Opinion.ACCEPTED,
        identity_stated=True, at=_on(desk.day_before, 14, 0)), expected_version=_version(again)))
    _close(desk, again, _on(desk.day_before, 14, 5), "liu")
    # 吴敏 (7-1-602) calls again this morning: a repeat, so it waits for the person in charge
    _save(desk, desk.morning(45), "clerk2", _form(
        desk, Channel.PHONE, "cleaning", "吴敏", "车库入口的垃圾桶今天早上又是满的，你们说的每天清两次根本没做到。",
        _on(desk.today + dt.timedelta(days=1), 12, 0), phone="13816620457", call_time=desk.morning(48),
        unit_code="7-1-602", customer_request="要求看到每天的清运记录。"))
    leak = Slip.get(Slip.complainant_name == "钱美玲")
    desk.at(_on(desk.yesterday, 16, 0), lambda: progress.record_progress(
        leak.id, desk.user("clerk2"), expected_version=_version(leak), method=ReplyMethod.PHONE,
        told="工程部已上门查看，确认是楼上防水层破损，明天中午前给出维修方案。", at=_on(desk.yesterday, 16, 0)))
    _save(desk, desk.morning(25), "clerk", _form(
        desk, Channel.ONSITE, "other", "陶建平", "装修管理员索要好处费，说不给钱就不让装修材料进小区，这是吃拿卡要。",
        _on(desk.today + dt.timedelta(days=2), 17, 0), unit_code="12-2-1802", phone="13661197735",
        customer_request="要求查处这名管理员，退还已经给的两百元。"))
    manager = desk.user("manager")
    asked = _save(desk, desk.morning(15), "clerk", _form(
        desk, Channel.ONSITE, "fees", "曹文斌", "停车费和物业费一起扣款，扣了两次，我要找你们王经理当面说清楚。",
        _on(desk.today + dt.timedelta(days=1), 17, 0), unit_code="2-1-1201", phone="13564480921",
        named_person=manager.display_name, named_user_id=manager.id, within_authority=False,
        override_reason="重复扣款须财务部核对，超出前台权限"))
    call = named_call.Notice.get(named_call.Notice.slip == asked.id)
    desk.at(desk.morning(15) + dt.timedelta(seconds=40), lambda: named_call.acknowledge(manager, call.id))
    _save(desk, _on(desk.three_back, 11, 0), "clerk2", _form(
        desk, Channel.ONSITE, "greenery", "袁秀兰", "楼下的大树挡住了我家的阳光，白天屋里都要开灯。",
        _on(desk.today + dt.timedelta(days=4), 17, 0), unit_code="5-3-201", phone="13901778825",
        customer_request="希望修剪树枝，恢复采光。", within_authority=True, override_reason="绿化修剪由绿化部处理",
        department_id=desk.departments["greenery"]))


def _decide_motive(desk: _Desk, slip: Slip, when: dt.datetime, user: str,
                   corrected: motives.Choice | None = None) -> None:
    """The clerk confirms the suggested motive, or settles on `corrected` instead."""
    suggestion = motives.suggest(Slip.get_by_id(slip.id).complaint)
    choice = corrected or motives.Choice.of(suggestion)
    desk.at(when, lambda: motives.confirm(slip.id, desk.user(user), choice, suggestion,
                                          expected_version=_version(slip)))
