"""Realistic sample data: demo accounts, an estate directory and slips in every channel and state.

Rows are generated in Python and written with prepared inserts in large transactions; the same
plan and batches make a million slips for the benchmark in worker processes (bench.demo_loader).
History events are real events with a valid hash chain (models.history's payload, models.history_key's
digest) that carries the facts each step set (models.facts), so that verify replays a generated
slip as it replays one taken down at the desk; the slips read like what a service desk hears
every day.
"""
from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import itertools
import json
import operator
import random
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterator, Sequence

import peewee

from models import clock, estates, facts, history, history_key, replies, search, settings
from models.accounts import User, create_user
from models.catalog import Category, Department
from models.db import database, is_sqlite
from models.directory import Resident, Unit, pinyin_initials
from models.errors import SlipdeskError
from models.i18n import t
from models.slips import NUMBER_PREFIX, Slip, SlipCounter, format_number
from models.vocab import Channel, Role, Status

DEMO_PASSWORD = "demo1234"
DEMO_ACCOUNTS = [
    # username, display name, role, work ID
    ("manager", "王建国", Role.MANAGER, "M001"),
    ("supervisor", "李慧", Role.SUPERVISOR, "S001"),
    ("clerk", "张小梅", Role.CLERK, "C001"),
    ("clerk2", "陈丽", Role.CLERK, "C002"),
    ("liu", "刘洋", Role.CLERK, "C003"),
    ("liu.sup", "刘洋(负责人)", Role.SUPERVISOR, "C003"),  # same person, two accounts
    ("upper", "赵经理", Role.UPPER, "U001"),  # the upper service-management department's account
]

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
            "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵")
GIVEN_M = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林志国建文斌峰东海"
GIVEN_F = "芳娜敏静丽艳娟霞秀玲桂英华慧巧美娅雪琳晶妍茜秋珊莉萍红玉兰凤洁梅琴云莲真环"

TEMPLATES: dict[str, list[str]] = {
    "noise": [
        "{unit_above}楼上住户每天晚上{hour}点以后还在{noise}，吵得孩子睡不着，已经跟他们说过好几次了，请物业出面协调。",
        "小区{place}附近的广场舞音响声音太大，{hour}点多还没停，老人休息受影响，希望物业管一管。",
        "隔壁装修{days}天了，中午和周末也在电钻，违反装修管理规定，请物业马上制止。",
        "{place}的空调外机噪音很大，晚上嗡嗡响，影响睡眠。",
    ],
    "leak": [
        "我家卫生间天花板漏水，应该是楼上{unit_above}的防水坏了，水一直往下滴，墙面已经发霉。",
        "厨房下水道堵了{days}天，报修后一直没人来，家里没法做饭，非常着急。",
        "地下车库{place}顶上漏水，滴到车上，车漆都花了，要求物业处理并给个说法。",
        "外墙渗水，下雨的时候客厅墙角湿了一大片，去年报过一次，修完又漏了。",
        "楼道的水管爆了，水流到电梯口，很危险，请尽快派人维修。",
    ],
    "cleaning": [
        "{place}的垃圾桶满了没人清理，味道很大，夏天苍蝇很多。",
        "楼道里有人堆放杂物和纸箱，保洁也不清理，存在消防隐患。",
        "小区里狗屎很多，{place}附近尤其严重，保洁打扫不及时。",
        "电梯轿厢里很脏，地上有饮料洒了好几天没人擦。",
    ],
    "security": [
        "最近小区里有陌生人随便进出，门岗不登记，家里老人小孩不放心。",
        "{place}的监控坏了好久了，上次电动车被偷了都查不到。",
        "晚上{hour}点门岗没人值班，外卖车直接开进小区，很不安全。",
        "单元门禁坏了，门一直关不上，谁都能进。",
    ],
    "parking": [
        "我的固定车位被别人占了，打电话给保安也没人来处理，我只能停在外面。",
        "地下车库的车位线看不清了，经常有人乱停，堵住通道。",
        "外来车辆停在消防通道上，{days}天了都没人管。",
        "停车费为什么又涨了，事先也没有公示，我要求解释。",
    ],
    "fees": [
        "物业费账单上多收了{amount}元的公摊电费，请核对并退还。",
        "我已经交过物业费了，系统里还显示欠费，还打电话催缴，很不满意。",
        "公共收益的账目从来没有公示过，业主有权知道钱用在哪里。",
        "水费比上个月高了好几倍，家里没人住，肯定是表有问题。",
    ],
    "greenery": [
        "{place}的树长得太高，挡住了我家采光，请物业修剪。",
        "草坪打药没有提前通知，我家狗在草地上玩了之后一直拉肚子。",
        "楼下的绿化带被人种了菜，还浇粪水，臭味很大。",
    ],
    "attitude": [
        "前台工作人员态度很差，我问问题她一直玩手机，爱理不理。",
        "保安说话很冲，我只是问一下快递放哪里，他就对我大声嚷嚷。",
        "维修师傅上门迟到了{hours}个小时，也不提前打电话说一声。",
        "我打了好几次客服电话都没人接，物业是不是不想管事了？",
    ],
    "lift": [
        "{building}号楼{entrance}单元的电梯又坏了，这个月已经第{times}次了，老人上下楼很困难。",
        "电梯运行时有异响，还会突然停一下，很吓人，请尽快检修。",
        "电梯困人了二十分钟，打紧急电话一直没人接，太危险了。",
    ],
    "lighting": [
        "{place}的路灯坏了好几盏，晚上黑漆漆的，老人走路容易摔倒。",
        "楼道声控灯不亮，{building}号楼{entrance}单元{floor}楼一直是黑的。",
    ],
    "other": [
        "快递柜总是满的，快递员就把包裹放在门口，丢了好几次。",
        "希望物业在{place}增加几个休息座椅，方便老人。",
        "小区的健身器材有几个坏了，{place}那个单杠晃得厉害，担心孩子受伤。",
        "建议物业每个月公示一次维修记录，让业主心里有数。",
    ],
}
PLACES = ["3号楼", "东门", "南门", "中心花园", "地下车库B区", "会所", "儿童游乐场", "5号楼后面", "北门岗亭", "游泳池"]
NOISES = ["拖椅子", "跳绳", "打麻将", "放音乐", "小孩跑跳", "剁东西"]

# Channel mix of an ordinary estate: on-site spoken complaints are the most common.
CHANNEL_WEIGHTS = [(Channel.ONSITE, 45), (Channel.PHONE, 35), (Channel.BOOK, 12), (Channel.LETTER, 8)]
DEPARTMENT_FOR = {"noise": "service", "leak": "engineering", "cleaning": "cleaning", "security": "security",
                  "parking": "security", "fees": "finance", "greenery": "greenery", "attitude": "service",
                  "lift": "engineering", "lighting": "engineering", "other": "service"}
CATEGORY_CODES = tuple(TEMPLATES)
PREFERRED_REPLY = {"onsite": "phone", "phone": "phone", "book": "book", "letter": "letter"}


def _cumulative(pairs) -> tuple[list[str], list[int]]:
    """The choices (as plain strings) and their running weight totals, for a quick weighted draw."""
    return [str(p[0]) for p in pairs], list(itertools.accumulate(p[1] for p in pairs))


CHANNEL_CHOICE = _cumulative(CHANNEL_WEIGHTS)


@dataclass
class Estate:
    """The demo estate's directory, kept in memory while generating slips."""
    units: list[tuple[int, str, int, int, int]]  # id, code, building, entrance, floor
    residents: list[tuple[int, str, str, str, int]]  # unit index, name, title, phone, unit id


# The demo estate's letterhead: a demo database prints it; a real one never does (models.letterhead).
DEMO_LETTERHEAD = {
    "estate.name": "阳光花园物业服务中心",
    "estate.company": "阳光物业管理有限公司",
    "estate.address": "上海市浦东新区阳光路 88 号",
    "estate.postcode": "200120",
    "estate.supervision_phone": "021-58881234",
    "estate.office_phone": "021-58885678",
}


def create_demo_letterhead(recorded: bool = True) -> None:
    """The demo estate's letterhead, where the database has none of its own: written by Slipdesk
    itself, each value an event of the desk's chain; `recorded` False in a schema step that runs
    before the chain exists (the integrity step then seals the settings as they stand)."""
    for key, value in DEMO_LETTERHEAD.items():
        if not settings.get(key):
            if recorded:
                settings.put_setup(key, value)
            else:
                encoded = json.dumps(value, ensure_ascii=False)
                settings.Setting.insert(key=key, value=encoded).on_conflict(
                    conflict_target=[settings.Setting.key], update={settings.Setting.value: encoded}).execute()


class DemoRefused(SlipdeskError):
    pass


def require_demo_database() -> None:
    """Demo data (and their accounts, whose password is public) go only where nothing real is: a
    new database, or one that holds demo data alone. Refused when it holds another account, or
    slips that are not demo slips."""
    names = [username for username, *_rest in DEMO_ACCOUNTS]
    real_accounts = User.select().where(User.username.not_in(names)).exists()
    real_slips = Slip.select().exists() and not settings.get("demo.database")
    if real_accounts or real_slips:
        raise DemoRefused(t("This database holds real {what}: demo data and their accounts, whose password is "
                            "public, are written only to a new database or a demo one. Nothing was changed; give "
                            "another file with --db.",
                            what=t("accounts") if real_accounts else t("slips")))


def create_demo_accounts() -> dict[str, User]:
    """The demo accounts, the manager first (the desk's first account), who then adds the others."""
    users = {}
    for username, display, role, work_id in DEMO_ACCOUNTS:
        user = User.get_or_none(User.username == username)
        users[username] = user or create_user(username, display, DEMO_PASSWORD, role, work_id,
                                              actor=users.get("manager"))
    return users


def _person(rng: random.Random) -> tuple[str, str]:
    female = rng.random() < 0.5
    given = GIVEN_F if female else GIVEN_M
    name = _pick(rng, SURNAMES) + "".join(_pick(rng, given) for _ in range(_pick(rng, (1, 2, 2))))
    return name, "ms" if female else "mr"


def _mobile(rng: random.Random) -> str:
    return _pick(rng, ("13", "15", "18", "17", "19")) + str(_between(rng, 0, 9)) + f"{_between(rng, 0, 99999999):08d}"


def create_estate(rng: random.Random, buildings: int = 12, entrances: int = 3, floors: int = 18) -> Estate:
    units, residents = [], []
    with database.atomic():
        rows = [dict(code=f"{b}-{e}-{f}{r:02d}", building=b, entrance=e, room=f"{f}{r:02d}")
                for b in range(1, buildings + 1) for e in range(1, entrances + 1)
                for f in range(1, floors + 1) for r in range(1, 5)]
        existing = {u.code for u in Unit.select(Unit.code)}
        rows = [r for r in rows if r["code"] not in existing]
        for batch in _chunks(rows, 500):
            Unit.insert_many(batch).execute()
        for unit in Unit.select().order_by(Unit.id):
            floor = int(unit.room[:-2] or 1)
            units.append((unit.id, unit.code, unit.building, unit.entrance, floor))
        resident_rows = []
        for index, (unit_id, code, *_rest) in enumerate(units):
            if rng.random() < 0.9:
                name, title = _person(rng)
                phone = _mobile(rng)
                resident_rows.append(dict(unit=unit_id, name=name, title=title, phone=phone,
                                          initials=pinyin_initials(name)))
                residents.append((index, name, title, phone, unit_id))
        for batch in _chunks(resident_rows, 500):
            Resident.insert_many(batch).execute()
    return Estate(units, residents)


def _chunks(rows: list, size: int) -> Iterator[list]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


# How to fill each blank of a template, drawn only when the template has that blank.
_DRAWS: dict[str, Callable[[random.Random, dict], object]] = {
    "unit_above": lambda rng, unit: f"{unit['building']}-{unit['entrance']}-{unit['floor'] + 1}0{_between(rng, 1, 4)}",
    "hour": lambda rng, _unit: _pick(rng, (10, 11, 12)),
    "noise": lambda rng, _unit: _pick(rng, NOISES),
    "days": lambda rng, _unit: _between(rng, 2, 20),
    "place": lambda rng, _unit: _pick(rng, PLACES),
    "amount": lambda rng, _unit: _pick(rng, (35, 80, 120, 260)),
    "hours": lambda rng, _unit: _between(rng, 1, 4),
    "times": lambda rng, _unit: _between(rng, 2, 5),
}


class _Blanks(dict):
    """A template's blanks: the unit's own facts, the rest drawn on demand."""

    def __init__(self, rng: random.Random, building: int, entrance: int, floor: int):
        super().__init__(building=building, entrance=entrance, floor=floor)
        self.rng = rng

    def __missing__(self, key: str):
        return _DRAWS[key](self.rng, self)


def _pick(rng: random.Random, choices: Sequence):
    """One of `choices`, at a fraction of random.choice's cost: it draws whole bits to avoid a
    bias of one in 2**53, which a demo does not need (a million slips draw tens of millions)."""
    return choices[int(rng.random() * len(choices))]


def _between(rng: random.Random, low: int, high: int) -> int:
    """A whole number from low to high inclusive, as random.randint draws it, more cheaply (`_pick`)."""
    return low + int(rng.random() * (high - low + 1))


def _weighted(rng: random.Random, choice: tuple[list[str], list[int]]) -> str:
    population, cumulative = choice
    return population[bisect.bisect(cumulative, rng.random() * cumulative[-1])]


# --- what happens to a slip after intake -------------------------------------------------------

# What the departments did, what was said back, and what customers answered: the texts of a
# slip's later steps, drawn per slip.
HANDLING_RESULTS: dict[str, list[str]] = {
    "noise": ["已上门与相关住户沟通，对方承诺晚上十点以后不再发出噪音。",
              "已联系装修户，要求严格按装修管理规定施工，中午和周末停止电钻作业。",
              "已约广场舞队负责人协商，音响音量调低，晚上九点前结束。"],
    "leak": ["维修人员已上门查明漏水点，楼上卫生间防水层破损，已重做防水并修补天花板。",
             "已疏通厨房下水道，清理出油污和杂物，试水正常。",
             "已对车库顶板渗漏处做堵漏处理，并协助业主联系保险理赔。"],
    "cleaning": ["已安排保洁人员清理垃圾桶，清运改为每天早晚各一次。",
                 "已清理楼道堆放的杂物，并张贴消防安全提示。",
                 "已加强保洁巡查，电梯轿厢每天擦拭两次。"],
    "security": ["已加强门岗登记管理，外来人员一律登记后放行。",
                 "监控已修复并调整角度，覆盖车棚全区域。",
                 "门禁已更换闭门器，恢复正常。"],
    "parking": ["已联系占用车位的车主移车，并在车位加装地锁。",
                "已重新划设车位线，并安排保安巡查。",
                "停车收费标准已在公告栏公示，已向业主解释调整依据。"],
    "fees": ["财务部已核对账单，确认多收公摊电费，下月物业费中抵扣。",
             "已核实缴费记录，系统欠费信息已更正，催缴电话已停止。",
             "已整理公共收益账目，将于本月底在公告栏公示。"],
    "greenery": ["已安排绿化班组修剪树木，恢复采光。",
                 "今后草坪打药前一天在各单元张贴通知。",
                 "已清除绿化带内私种的蔬菜，恢复绿化。"],
    "attitude": ["已对当事员工进行批评教育并组织服务礼仪培训。",
                 "已向业主当面致歉，当事保安调离岗位。",
                 "已调整维修派单流程，上门前须提前电话联系业主。"],
    "lift": ["电梯维保单位已到场检修，更换了门机部件，运行正常。",
             "已约电梯公司全面检测，更换钢丝绳并调试，异响消除。",
             "已核查紧急电话线路并修复，值班人员重新培训。"],
    "lighting": ["已更换损坏的路灯灯泡，晚上照明恢复正常。",
                 "已更换楼道声控开关，灯具恢复正常。"],
    "other": ["已联系快递柜运营方增加柜体，并规定快递员不得将包裹放在门口。",
              "已在中心花园增设休息座椅四张。",
              "已维修健身器材并设置警示标识。",
              "维修记录将于每月初在公告栏公示。"],
}
# What the customer asked for when the clerk asked how they would like it solved (客户诉求).
REQUESTS: dict[str, list[str]] = {
    "noise": ["希望物业出面协调，晚上十点以后不要再有噪音。", "要求装修户按规定时间施工。"],
    "leak": ["希望今天之内派人上门查看，尽快修好。", "要求查明原因，修好后赔偿天花板的损失。"],
    "cleaning": ["希望每天按时清运，不要再有异味。", "要求把楼道杂物清理干净。"],
    "security": ["希望加强巡逻，调取监控查明情况。", "要求门岗严格登记外来人员。"],
    "parking": ["希望尽快让占用车位的车主移车。", "要求公示停车收费依据。"],
    "fees": ["要求核对账单，多收的钱退回来。", "希望给出书面解释。"],
    "greenery": ["希望尽快修剪树木，恢复采光。", "要求打药前提前通知。"],
    "attitude": ["要求当事员工当面道歉。", "希望物业加强员工培训。"],
    "lift": ["希望电梯尽快修好，并说明原因。", "要求全面检修电梯，保证安全。"],
    "lighting": ["希望今天晚上之前把灯修好。"],
    "other": ["希望物业尽快处理并告知结果。", "没有具体要求，希望引起重视。"],
}
# The cause found once a slip beyond the clerk's authority was handled, and what the estate does so
# that it does not happen again (原因分析, 纠正预防措施; five whys): (whys, root cause, action).
CAUSES: dict[str, tuple[tuple[str, ...], str, str]] = {
    "fees": (("为什么多收？公摊电费分摊有误", "为什么分摊有误？电表读数录入错误", "为什么录入错误？没有复核"),
             "抄表数据录入后无人复核。", "财务部抄表数据实行双人复核，账单出具前抽查。"),
    "leak": (("为什么漏水？防水层破损", "为什么没及时发现？没有定期检查"), "公共部位防水层缺少定期检查。",
             "工程部每季度检查一次屋面和管井防水，雨季前加查。"),
    "lift": (("为什么困人？门机部件老化", "为什么没更换？维保计划未覆盖"), "维保计划未覆盖易损部件。",
             "与维保单位修订维保计划，易损部件按周期更换。"),
    "attitude": (("为什么态度差？员工不熟悉服务规范", "为什么不熟悉？新员工未培训"), "新员工上岗前未经服务礼仪培训。",
                 "客服部对新员工先培训后上岗，每月抽查服务礼仪。"),
}
DEFAULT_CAUSE = (("为什么会发生？日常巡查不到位", "为什么巡查不到位？巡查记录无人检查"), "巡查制度执行不到位。",
                 "各部门巡查记录每周由负责人检查，问题当日整改。")
PROGRESS_NOTES = ["已电话告知业主：上级部门正在处理，预计本周内给出结果。",
                  "已短信告知业主目前的处理进度，承诺按约定时限答复。"]
ANSWER_NOTES = ["已当场向业主解释说明，业主表示理解。", "已当场告知处理办法和联系电话，业主表示满意。",
                "已现场查看并当场解决，业主认可。"]
REPLY_SUMMARIES = {
    "phone": ["已电话告知业主处理结果，并感谢业主的监督和支持。", "电话回访业主，说明了处理经过，业主表示满意。"],
    "visit": ["上门向业主通报处理结果并现场查看，业主认可。", "与业主约定时间上门说明处理情况，业主表示感谢。"],
    "book": ["已在意见簿上回复处理结果，感谢业主的宝贵意见。"],
}
CUSTOMER_WORDS = ["问题还是没有彻底解决，希望再来看一下。", "处理得太慢了，我不太满意。",
                  "修完以后还是有点渗水，要求再处理一次。", "说法我能接受，但希望以后不要再发生。"]
# A reply the customer still does not accept after an answer within the rules: the person in
# charge ends the slip as 答复已按规定作出，客户仍不认可, with why and what was offered.
UNACCEPTED_WORDS = ["不赔偿我就不认可，你们这样处理我不满意。", "我要求免除这个月的物业费，否则不接受。",
                    "你们说的规定我不管，必须让楼上那户搬走。"]
END_REASONS = ["已按物业服务合同和公司规定作出答复，客户要求的赔偿超出规定和本中心权限。",
               "已多次上门沟通并说明依据，客户的要求不属于物业服务范围，已无法再作处理。",
               "处理结果经负责人复核符合规定，客户仍坚持原要求，已告知可向业委会或有关部门反映。"]
END_OFFERS = ["免费上门检修一次，并延长维修保修期一年。", "协调双方当面沟通，并提供相关记录供客户查阅。",
              "赠送一次家政保洁服务，并承诺每周巡查一次。"]
ENDED_SHARE = 0.02  # of the replies by phone or on a visit, those the customer still does not accept
LETTER_CLOSING = "感谢您对我们工作的关心和监督。如有疑问，欢迎拨打服务监督电话与我们联系。"
THANKS_NOTES = ["客户表示已收到回信，问题已解决，表示感谢。", "电话致谢，客户说回信收到了，对处理结果满意。"]
RETURN_REASON = "该事项属前台处理权限，请直接派单处理。"
ASSIGNEES = {"service": ["陈主管", "周丽"], "engineering": ["王师傅", "李师傅", "赵工"], "cleaning": ["孙班长", "吴阿姨"],
             "security": ["郑队长", "冯班长"], "finance": ["何会计", "林出纳"], "greenery": ["马师傅", "胡班长"]}
RECIPIENTS = ["周经理", "客服总监吴敏", "品质部徐主任"]
VISIT_PARTNERS = [("王师傅", "E201"), ("李师傅", "E202"), ("赵工", "E203")]
SATISFACTION_NAMES = {1: "很不满意", 2: "不满意", 3: "不太满意", 4: "一般", 5: "较满意", 6: "满意", 7: "很满意"}
SATISFACTION_WEIGHTS = _cumulative([(7, 30), (6, 35), (5, 18), (4, 9), (3, 5), (2, 2), (1, 1)])
ANSWERED_SHARE = 0.3  # of the complaints a clerk may settle, those settled on the spot
MOTIVE_SHARE = 0.6  # slips whose motive a clerk confirmed
SATISFACTION_SHARE = 0.75  # closed slips whose customer gave a satisfaction level
MINUTE, HOUR, DAY = 60, 3600, 86400
URGENT_HOURS = 4  # the reply deadline agreed on an urgent slip (water running, someone trapped), in working hours
# Replies made after the agreed deadline: the handling overran (a part to order, a contractor to
# wait for), more often when the upper department handled it. Every other reply is on time.
LATE_SHARE, LATE_SHARE_UPPER = 0.03, 0.08
# When residents come to the desk and call it, by the clock's hour (relative weights): busiest
# mid-morning (9-11) and mid-afternoon (14-17), quiet at lunchtime and in the evening.
RUSH_HOURS = (1, 1, 1, 1, 1, 1, 1, 3, 6, 14, 16, 12, 5, 7, 12, 14, 13, 8, 5, 3, 3, 3, 3, 3)
RUSH_EDGE = 6  # tenths of an hour's weight in the first and last open hour (opening up, closing down)


def _stall_chance(age_days: float) -> float:
    """How likely a slip is stuck open at some step: rare, and rarer the older the slip (old
    slips were chased up and closed long ago; a few recent ones slip through the cracks)."""
    return 0.04 if age_days < 14 else 0.008 if age_days < 90 else 0.0008


BATCH = 20000  # slips per batch (one transaction, one FTS5 segment each); a batch's slips depend on its index
FIRST_BATCHES = (2000, 6000)  # a run's first batches: the bulk loader's writer starts on them (bench.demo_loader)


@dataclass(frozen=True, slots=True)
class OfficeTime:
    """The desk's working time over a run, for putting generated moments in office hours with
    integer arithmetic (a million slips take several million moments).

    A *moment* is whole seconds after `epoch` (midnight of the run's first day). *Desk time*
    counts only the seconds the desk is open (office hours on working days, as models.deadlines
    counts them), so "20 minutes later at the desk" is an addition that skips the night, the
    weekend and the holidays, and a later desk time is always a later moment."""
    epoch: dt.datetime
    days: tuple[int, ...]  # the working days, as days after epoch
    day_from: tuple[int, ...]  # for each day after epoch: the index in `days` of the first working day from it
    opens: int  # seconds after midnight
    closes: int
    shift: int  # closes - opens: the desk seconds of a working day
    openings: tuple[dt.datetime, ...]  # when the desk opens on each of `days`
    # How busy the desk is over a working day (RUSH_HOURS), as stretches of the open hours of
    # one busyness each: where each starts (desk seconds after opening), its weight per second,
    # and the weight of the day before it (`day_weight` in all).
    rush_starts: tuple[int, ...]
    rush_weights: tuple[int, ...]
    rush_before: tuple[int, ...]
    day_weight: int

    def to_desk(self, moment: int) -> int:
        """The desk time of `moment`: its own while the desk is open, else the next opening's."""
        day, second = divmod(moment, DAY)
        index = self.day_from[day]
        if self.days[index] == day:
            second -= self.opens
            if second < 0:
                return index * self.shift
            if second < self.shift:
                return index * self.shift + second
            index += 1
        return index * self.shift

    def when(self, desk: int) -> dt.datetime:
        index, second = divmod(desk, self.shift)
        return self.openings[index] + dt.timedelta(0, second)

    def whens(self, desks: list[int]) -> list[dt.datetime]:
        """`when` of many desk times at once (a run's receipts: a million on the writer's path)."""
        openings, shift, timedelta = self.openings, self.shift, dt.timedelta
        return [openings[desk // shift] + timedelta(0, desk % shift) for desk in desks]

    def deadline(self, desk: int) -> dt.datetime:
        """`when`, but a deadline ending with a working day ends at its closing, not at the next
        opening (as models.deadlines.add_working_hours counts it)."""
        if desk % self.shift or not desk:
            return self.when(desk)
        return self.openings[desk // self.shift - 1] + dt.timedelta(0, self.shift)

    def receipts(self, rng: random.Random, first: int, last: int, count: int) -> list[int]:
        """`count` desk times from `first` to before `last`, in order: any working day alike, and
        in the day as busy as residents make the desk (`RUSH_HOURS`). One draw each: a weight
        over the days, its stretch of the day found by bisection, the second in it uniform."""
        shift, day_weight = self.shift, self.day_weight
        starts, weights, before = self.rush_starts, self.rush_weights, self.rush_before
        low = first // shift * day_weight
        span = ((last - 1) // shift + 1) * day_weight - low
        draw, find, ticks = rng.random, bisect.bisect_right, []
        append = ticks.append
        while len(ticks) < count:  # a million in under a second
            for _ in range(count - len(ticks)):
                day, weight = divmod(low + int(draw() * span), day_weight)
                stretch = find(before, weight) - 1
                tick = day * shift + starts[stretch] + (weight - before[stretch]) // weights[stretch]
                if first <= tick < last:  # the run's first and last days are partly outside it
                    append(tick)
        ticks.sort()
        return ticks

    def entry_day(self, rng: random.Random, desk: int) -> dt.date:
        """The day a resident wrote a comment-book entry that the clerk transcribes at `desk`:
        since the check of the working day before (that evening, at the weekend, this morning)."""
        index = desk // self.shift
        day = self.days[index]
        return (self.epoch + dt.timedelta(_between(rng, self.days[index - 1] if index else day - 1, day))).date()


@dataclass(frozen=True, eq=False)
class Actor:
    """The few facts about a user that generated rows need (picklable for worker processes).
    Compared and hashed as the object it is: a run has a handful, each a key of the caches that
    encode what they did, looked up several times per slip."""
    id: int
    display_name: str
    work_id: str = ""


@dataclass(frozen=True)
class Complaint:
    """One complaint text of the pool with what Slipdesk says about it, worked out once with the
    real rules (models.authority.assess, models.motives.suggest) when the run starts."""
    category: str
    text: str  # the blanks about the complainant's unit ({building}, {unit_above} …) are filled per slip
    within: bool
    suggestion: str  # the assessment's summary in both languages (models.i18n.Composed, stored), as
    # Slip.authority_suggestion and the escalation reason hold it
    assessment: str  # the assessment as JSON, as the "created" event's data holds it
    motive: tuple[str | None, str | None, str | None, str | None]  # type, kind, temperament, needs
    motive_data: str  # the "motive_confirmed" event's data; "" when no motive rule fires


@dataclass(frozen=True)
class Plan:
    """Everything a worker needs to generate any batch: the same plan gives the same slips."""
    seed: int
    estate: Estate
    cats: dict[str, int]
    deps: dict[str, int]
    clerks: tuple[Actor, ...]
    supervisor: Actor
    now: dt.datetime
    sqlite: bool
    slip_columns: tuple[tuple[str, object], ...]  # (field name, default) in insert order
    slip_dates: tuple[str, ...]  # date fields, written as text on SQLite
    pool: dict[str, tuple[Complaint, ...]]
    upper: tuple[int, str] | None  # the upper service-management department (id, code)
    office: OfficeTime  # the desk's hours over the run: every step is taken in them
    reply_within: int  # the reply deadline the desk proposes (models.deadlines.default_deadline), in desk seconds
    first_slip_id: int
    first_reply_id: int  # a slip's replies get first_reply_id + 2 × (slip id - first_slip_id) (+ 1 for a second)
    first_letter_id: int  # a slip's reply letter (and its thanks after it) get first_…_id + (slip id - first_slip_id)
    first_follow_up_id: int
    thanks_after: int  # working days after posting a letter that the customer is thanked again
    first_transmittal_id: int  # and its transmittal first_transmittal_id + (slip id - first_slip_id)
    fact_columns: tuple[str, str, tuple[str, ...]]  # the column set's id, its names, and theirs in insert order
    key: history_key.HistoryKey | None  # signs the events (models.history_key), as the desk does
    walk_ins: tuple[tuple[str, str], ...]  # (name, title) of complainants not in the directory
    shard_dir: str | None = None  # where workers write their batches (SQLite), else they return them
    shard_layout: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (table, columns) of Made's lists in order


@dataclass(frozen=True)
class Batch:
    index: int
    stamps: tuple[dt.datetime, ...]  # the slips' receipts
    ticks: tuple[int, ...]  # the same moments in desk time (OfficeTime), which the later steps count on from
    first_id: int
    counters: dict[int, int]  # the last number handed out per year before this batch


@dataclass
class Made:
    """One batch's rows, ready for the database."""
    slips: list[tuple]
    events: list[tuple]
    docs: list[tuple]
    replies: list[tuple]
    transmittals: list[tuple]
    letters: list[tuple]
    follow_ups: list[tuple]

    def tables(self) -> tuple[list[tuple], ...]:
        """The rows of each table, in the order they are written (a reply names its letter)."""
        return self.slips, self.events, self.letters, self.replies, self.transmittals, self.follow_ups


EVENT_COLUMNS = ("slip", "seq", "at", "user", "actor", "action", "from_status", "to_status", "note", "data",
                 "facts", "prev_hash", "hash")
EVENT_NOTE = EVENT_COLUMNS.index("note")
REPLY_COLUMNS = ("id", "slip", "method", "at", "replier", "content", "opinion", "customer_words", "details",
                 "letter", "recorded_by", "recorded_at")
TRANSMITTAL_COLUMNS = ("id", "slip", "sent_to", "recipient", "sent_at", "sent_by", "attachments", "letter_copy_kept",
                       "note")
LETTER_COLUMNS = ("id", "slip", "version", "method", "lang", "text", "status", "drafted_by", "drafted_at", "edited_by",
                  "edited_at", "submitted_at", "return_reason", "approved_by", "approved_at", "approved_sha256",
                  "flags_seen", "sent_at", "sent_by")
FOLLOW_UP_COLUMNS = ("id", "slip", "letter", "due", "scheduled_at", "done_at", "done_by", "method", "note",
                     "recorded_at")


class TableWriter:
    """Rows of one model's table written as tuples in field order (on SQLite with dates already
    as text) through one prepared INSERT and `executemany`: the ORM would build SQL text per row."""

    def __init__(self, model: type[peewee.Model], names: Sequence[str] | None = None):
        meta = model._meta
        self.model = model
        self.fields = list(meta.sorted_fields) if names is None else [meta.fields[name] for name in names]
        self.table = meta.table_name
        self.columns = tuple(f.column_name for f in self.fields)
        columns = ", ".join(f'"{c}"' for c in self.columns)
        marks = ", ".join([database.param] * len(self.fields))
        self.sql = f'INSERT INTO "{self.table}" ({columns}) VALUES ({marks})'
        # SQLite keeps dates as ISO text, as peewee writes them (no deprecated sqlite3 adapters)
        self.date_fields = tuple(f.name for f in self.fields if isinstance(f, (peewee.DateTimeField, peewee.DateField)))

    def defaults(self) -> tuple[tuple[str, object], ...]:
        """(field name, default value) in insert order: what a row leaves out gets its default
        (dates as text on SQLite)."""
        found = []
        for field in self.fields:
            value = field.default() if callable(field.default) else field.default
            if value is not None and field.name in self.date_fields and is_sqlite():
                value = str(value)
            found.append((field.name, value))
        return tuple(found)

    def next_id(self) -> int:
        """The id the next row gets when the writer hands ids out (inside its transaction)."""
        pk = self.model._meta.primary_key
        return (self.model.select(peewee.fn.MAX(pk)).scalar() or 0) + 1

    def insert(self, rows: Sequence[tuple]) -> None:
        database.cursor().executemany(self.sql, rows)


def prepare(count: int, seed: int = 20261123, days: int | None = None,
            batch: int = BATCH) -> tuple[Plan, list[Batch], tuple[TableWriter, ...]]:
    """A run of `count` slips received over the last `days` days: the demo accounts, letterhead
    and estate written (when missing), the plan any process makes the run's batches from, the
    batches, and the writers of the tables in the order `Made.tables` lists their rows."""
    from models.replies import Letter, Reply, ThanksFollowUp
    from models.transmittals import Transmittal

    rng = random.Random(seed)
    users = create_demo_accounts()
    create_demo_letterhead()
    estate = create_estate(rng) if not Unit.select().exists() else _load_estate()
    now = clock.now()
    days = days or max(30, min(365 * 5, count // 60))
    reply_hours = float(settings.get("deadline.default_hours"))  # what the intake form proposes
    # on past now far enough for the last slips' deadlines and (late) replies: a month, a day per hour
    office = _office_time(now - dt.timedelta(days=days + 1), now + dt.timedelta(days=max(30, reply_hours)))
    since_epoch = int((now - office.epoch).total_seconds())
    # received at the desk in its hours (phone, letters and the comment book, which the clerk
    # goes through in them too), up to ten minutes ago; whole seconds sort faster than datetimes
    first, last = office.to_desk(since_epoch - days * DAY), office.to_desk(since_epoch - 10 * MINUTE)
    ticks = office.receipts(rng, first, last, count)
    stamps = office.whens(ticks)
    slips, events = TableWriter(Slip), TableWriter(history.SlipEvent, EVENT_COLUMNS)
    replies_, transmittals = TableWriter(Reply, REPLY_COLUMNS), TableWriter(Transmittal, TRANSMITTAL_COLUMNS)
    letters, follow_ups = TableWriter(Letter, LETTER_COLUMNS), TableWriter(ThanksFollowUp, FOLLOW_UP_COLUMNS)
    cats = {c.code: c.id for c in Category.select()}
    first_slip_id = slips.next_id()
    plan = Plan(seed=seed, estate=estate, cats=cats, deps={d.code: d.id for d in Department.select()},
                clerks=tuple(_actor(users[name]) for name in ("clerk", "clerk2", "liu")),
                supervisor=_actor(users["supervisor"]), now=now, sqlite=is_sqlite(),
                slip_columns=slips.defaults(), slip_dates=slips.date_fields, pool=complaint_pool(seed, cats),
                upper=_upper(), office=office, reply_within=round(reply_hours * HOUR),
                first_slip_id=first_slip_id, first_reply_id=replies_.next_id(), first_letter_id=letters.next_id(),
                first_follow_up_id=follow_ups.next_id(), thanks_after=int(settings.get("reply.thanks_after_days")),
                first_transmittal_id=transmittals.next_id(), walk_ins=_walk_ins(seed),
                fact_columns=(facts.columns_id(), tuple(f.name for f in facts.slip_fields())),
                key=history_key.current())
    batches = _batches(stamps, ticks, batch, first_slip_id, {row.year: row.last for row in SlipCounter.select()})
    return plan, batches, (slips, events, letters, replies_, transmittals, follow_ups)  # a reply names its letter


def write_batch(tables: Sequence[TableWriter], spec: Batch, made: Made) -> None:
    """One batch's rows, its index entries and the numbers it used, in one transaction."""
    with database.atomic():
        for writer, rows in zip(tables, made.tables()):
            writer.insert(rows)
        search.index_rows(made.docs)
        save_counters(spec)


def settle_ids() -> None:
    """After a run on PostgreSQL, where the writer handed the ids out itself: move the sequences
    past them, and refresh the planner's statistics. (SQLite gets no ANALYZE: sampled statistics
    misled its planner on big files, and without them it plans a million slips as it plans the
    test databases.)"""
    if is_sqlite():
        return
    from models.schema import MODELS

    for model in MODELS:
        pk = model._meta.primary_key
        if isinstance(pk, peewee.AutoField):
            table = model._meta.table_name
            database.execute_sql(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{pk.column_name}'), "
                                 f'GREATEST((SELECT MAX("{pk.column_name}") FROM "{table}"), 1))')
    database.execute_sql("VACUUM ANALYZE")  # the visibility map too: the key index is walked index-only


def finish(seed: int, today: bool) -> None:
    """The end of a run: with `today`, the desk taken through the last working days and this
    morning with the desk's own functions (models.demo_today); the database marked a demo one."""
    if today:
        from models.demo_today import stage_today
        stage_today(seed)
    settings.put_system("demo.database", True)  # sample data: the demo accounts may sign in by themselves


def generate_slips(count: int, seed: int = 20261123, days: int | None = None,
                   progress: Callable[[int, int], bool | None] | None = None, batch: int = BATCH,
                   today: bool = False) -> int:
    """Write `count` sample slips received over the last `days` days, each with the history of
    the steps it went through (replies, transmittals, satisfaction) and its search index entry,
    in this process: a demo's few hundred in a second or two. (A million: bench.demo_loader,
    whose worker processes make the same slips from the same seed.)

    `progress(done, total)` returning False stops early (a cancelled progress dialog).
    `today`: then take the desk through the last working days and this morning with the desk's own
    functions (models.demo_today), so that a demo opens with work waiting on every screen.
    Returns how many slips were written.
    """
    plan, batches, tables = prepare(count, seed, days, batch)
    written = 0
    with search.bulk_loading() if plan.sqlite else contextlib.nullcontext():
        for spec in batches:
            write_batch(tables, spec, make_batch(plan, spec))
            written += len(spec.stamps)
            if progress and progress(written, count) is False:
                break
    settle_ids()
    finish(seed, today)
    return written


def _walk_ins(seed: int, count: int = 4096) -> tuple[tuple[str, str], ...]:
    """The people who complain without being in the directory (tenants, relatives, visitors): a
    few thousand names, as an estate's desk meets, so each name's pinyin initials (for the search
    index, ~0.1 ms each) are worked out once per worker rather than once per slip."""
    rng = random.Random(f"{seed}/walk-ins")
    return tuple(_person(rng) for _ in range(count))


def save_counters(spec: Batch) -> None:
    for year, last in _counters_after(spec).items():
        SlipCounter.insert(year=year, last=last).on_conflict(
            conflict_target=estates.conflict_target("year"), update={SlipCounter.last: last}).execute()


def _actor(user: User) -> Actor:
    return Actor(user.id, user.display_name, user.work_id)


def _upper() -> tuple[int, str] | None:
    from models.catalog import upper_department

    upper = upper_department()
    return (upper.id, upper.code) if upper else None


def _office_time(first: dt.datetime, last: dt.datetime) -> OfficeTime:
    """The desk's office hours and working days (the Chinese calendar, the desk's weekdays) from
    `first`'s day to `last`'s, as models.deadlines counts them: phone replies are made in working
    hours (models.replies), deadlines end in them, and the demo's desk keeps them for every step."""
    from models.deadlines import OfficeHours, is_working_day

    hours = OfficeHours.from_settings()
    epoch = dt.datetime.combine(first.date(), dt.time())
    ordinal = epoch.toordinal()
    span = last.toordinal() - ordinal + 1
    days = tuple(day for day in range(span) if is_working_day(dt.date.fromordinal(ordinal + day), hours))
    day_from = tuple(bisect.bisect_left(days, day) for day in range(days[-1] + 1))
    opens, closes = (t.hour * HOUR + t.minute * MINUTE for t in (hours.start, hours.end))
    openings = tuple(epoch + dt.timedelta(day, opens) for day in days)
    return OfficeTime(epoch, days, day_from, opens, closes, closes - opens, openings, *_rush(opens, closes))


def _rush(opens: int, closes: int) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...], int]:
    """The open hours cut at every hour of the clock and an hour after opening and before closing,
    each stretch weighted by RUSH_HOURS (less in the first and last open hour): `OfficeTime.rush_*`."""
    edges = {opens, closes, min(opens + HOUR, closes), max(closes - HOUR, opens)}
    edges.update(range((opens // HOUR + 1) * HOUR, closes, HOUR))
    edges = sorted(edges)
    starts, weights, before, total = [], [], [], 0
    for start, end in zip(edges, edges[1:]):
        edge = start < opens + HOUR or start >= closes - HOUR
        weight = RUSH_HOURS[start // HOUR] * (RUSH_EDGE if edge else 10)
        starts.append(start - opens)
        weights.append(weight)
        before.append(total)
        total += weight * (end - start)
    return tuple(starts), tuple(weights), tuple(before), total


class _UnitBlanks(_Blanks):
    """A template's blanks with those about the complainant's unit left as blanks, filled per slip."""

    def __init__(self, rng: random.Random):
        super().__init__(rng, "{building}", "{entrance}", "{floor}")

    def __missing__(self, key: str):
        return "{unit_above}" if key == "unit_above" else super().__missing__(key)


def complaint_pool(seed: int, cats: dict[str, int], variants: int = 4) -> dict[str, tuple[Complaint, ...]]:
    """Every template drawn a few times, each assessed by the estate's authority rules and read
    by the motive rules once, in this process: per slip it is a random pick, not a rule run."""
    from models import authority, motives

    rng = random.Random(f"{seed}/pool")
    rule_rows = motives.rules()
    pool = {}
    for category, templates in TEMPLATES.items():
        texts = dict.fromkeys(template.format_map(_UnitBlanks(rng))
                              for template in templates for _ in range(variants))
        found = []
        for text in texts:
            sample = text.format(building=3, entrance=2, floor=12, unit_above="3-2-1302")
            assessment = authority.assess(authority.Facts(complaint=sample, category_id=cats.get(category)))
            suggestion = motives.suggest(sample, rule_rows)
            found.append(Complaint(category, text, assessment.within, assessment.composed().stored(),
                                   _encode(assessment.to_dict()), *_motive(suggestion)))
        pool[category] = tuple(found)
    return pool


def _motive(suggestion) -> tuple[tuple, str]:
    """The slip's motive fields and the "motive_confirmed" event's data when the clerk takes the
    suggestion as it is (models.motives.confirm)."""
    if suggestion.empty:
        return (None, None, None, None), ""
    plain = {"type": suggestion.type, "kind": suggestion.kind, "temperament": suggestion.temperament,
             "needs": list(suggestion.needs)}
    data = {"chosen": plain, "suggested": plain, "corrected": [], "rules": [m.code for m in suggestion.matches]}
    fields = (suggestion.type, suggestion.kind, suggestion.temperament, ",".join(suggestion.needs) or None)
    return fields, _encode(data)


def _encode(data: dict) -> str:
    """Event data as models.history writes it (json.dumps with its options, without the call's
    set-up cost: a million slips encode several million)."""
    return _ENCODER.encode(data)


_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=str)
_PLAIN = json.JSONEncoder(ensure_ascii=False)  # json.dumps(..., ensure_ascii=False), set up once


@lru_cache(maxsize=4096)
def _encoded(pairs: tuple[tuple[str, object], ...]) -> str:
    """`_encode` of data that recurs (a department and assignee, a satisfaction level), once."""
    return _encode(dict(pairs))


def _batches(stamps: list[dt.datetime], ticks: list[int], size: int, first_id: int,
             counters: dict[int, int]) -> list[Batch]:
    """Cut the run into batches, each knowing its first id and the numbers used before it."""
    batches, counters, start = [], dict(counters), 0
    for index, length in enumerate(_batch_sizes(len(stamps), size)):
        chunk = tuple(stamps[start:start + length])
        batches.append(Batch(index, chunk, tuple(ticks[start:start + length]), first_id + start, dict(counters)))
        for stamp in chunk:
            counters[stamp.year] = counters.get(stamp.year, 0) + 1
        start += length
    return batches


def _batch_sizes(count: int, size: int) -> Iterator[int]:
    """Small batches first (FIRST_BATCHES), then `size`: the writer, the critical path of a big
    run, waited ~8 s for the workers' first full batches (their start and 20k slips each)."""
    for length in itertools.chain((n for n in FIRST_BATCHES if n < size), itertools.repeat(size)):
        if count <= 0:
            return
        yield min(length, count)
        count -= length


def _counters_after(spec: Batch) -> dict[int, int]:
    counters = dict(spec.counters)
    for stamp in spec.stamps:
        counters[stamp.year] = counters.get(stamp.year, 0) + 1
    return {year: last for year, last in counters.items() if year in {s.year for s in spec.stamps}}


def _load_estate() -> Estate:
    units = [(u.id, u.code, u.building, u.entrance, int(u.room[:-2] or 1)) for u in Unit.select().order_by(Unit.id)]
    index = {u[0]: i for i, u in enumerate(units)}
    residents = [(index.get(r.unit_id, 0), r.name, r.title, r.phone, r.unit_id)
                 for r in Resident.select().where(Resident.unit.is_null(False))]
    return Estate(units, residents)


def make_batch(plan: Plan, spec: Batch) -> Made:
    """The rows of one batch: slips with their ids and numbers, history chains, replies, reply
    letters with the thanks after them, transmittals and index entries."""
    rng = random.Random(f"{plan.seed}/{spec.index}")
    counters = dict(spec.counters)
    defaults = dict(plan.slip_columns)
    made = Made([], [], [], [], [], [], [])
    for offset, (received, desk) in enumerate(zip(spec.stamps, spec.ticks)):
        slip_id = spec.first_id + offset
        row, complaint, clerk, due = _slip_row(rng, received, desk, plan, counters)
        row["id"] = slip_id
        steps, created = _story(rng, plan, row, complaint, clerk, desk, due)
        answers = _reply_rows(plan, steps)  # before the chain: it makes the replies' event data final
        chain = _chain(slip_id, row["number"], steps, plan, _created_state(plan, defaults, created))
        row["history_head"], row["event_count"] = chain[-1][-1], len(chain)
        row["version"], row["updated_at"] = len(chain), steps[-1].at
        texts = [step.note for step in steps if step.note]
        for reply in answers:
            texts += [reply[5], reply[7], reply[4]]  # content, customer words, replier: models.replies' text
            made.replies.append(reply)
        letter = next((step.record for step in steps if step.action == "letter_drafted"), None)
        if letter is not None:
            made.letters.append(_dated(letter.row(steps), (8, 10, 11, 14, 17), plan.sqlite))
            if (follow_up := letter.follow_up(steps)) is not None:
                made.follow_ups.append(_dated(follow_up, (3, 4, 5, 9), plan.sqlite))
        segs = search.document(row, texts)
        made.docs.append(search.index_row(slip_id, received, segs, search.facets(row), plan.sqlite))
        transmittal = next((step.record for step in steps if step.action == "confirm_escalation"), None)
        if transmittal is not None:
            made.transmittals.append(_dated(transmittal, (4,), plan.sqlite))
        if plan.sqlite:
            for name in plan.slip_dates:
                if row.get(name) is not None:
                    row[name] = str(row[name])
        made.slips.append(tuple({**defaults, **row}.values()))  # every field, in insert order
        made.events.extend(chain)
    return made


def _dated(record: tuple, positions: tuple[int, ...], as_text: bool) -> tuple:
    """A row with its datetimes as text on SQLite (as peewee writes them)."""
    if not as_text:
        return record
    values = list(record)
    for position in positions:
        if values[position] is not None:
            values[position] = str(values[position])
    return tuple(values)


def _slip_row(rng, received: dt.datetime, desk: int, plan: Plan, counters) -> tuple[dict, Complaint, Actor, int]:
    """The slip as the clerk took it down at intake (its later steps come from `_story`), and
    its reply deadline in desk time."""
    estate, office = plan.estate, plan.office
    channel = _weighted(rng, CHANNEL_CHOICE)
    category = _pick(rng, CATEGORY_CODES)
    complaint = _pick(rng, plan.pool[category])
    year = received.year
    seq = counters.get(year, 0) + 1
    counters[year] = seq
    if estate.residents and rng.random() < 0.85:
        unit_index, name, title, phone, unit_id = _pick(rng, estate.residents)
    else:
        unit_index = _pick(rng, range(len(estate.units)))
        (name, title), phone, unit_id = _pick(rng, plan.walk_ins), _mobile(rng), estate.units[unit_index][0]
    _uid, code, building, entrance, floor = estate.units[unit_index]
    text = complaint.text
    if "{" in text:
        text = text.format(building=building, entrance=entrance, floor=floor,
                           unit_above=f"{building}-{entrance}-{floor + 1}0{_between(rng, 1, 4)}")
    clerk = _pick(rng, plan.clerks)
    urgent = rng.random() < 0.05
    contact_left = channel == Channel.BOOK and rng.random() < 0.7
    if channel == Channel.BOOK and not contact_left:
        phone = ""  # an entry signed with a name and unit, no way to reach the writer
    # the deadline the form proposes, in working hours; sooner when it is urgent
    due = desk + (min(URGENT_HOURS * HOUR, plan.reply_within) if urgent else plan.reply_within)
    row = dict(
        number=format_number(year, seq, NUMBER_PREFIX), year=year, seq=seq, channel=channel, status=Status.RECEIVED.value,
        received_at=received, received_by=clerk.id, complainant_name=name, complainant_title=title,
        unit_code=code, unit=unit_id, building=building, phone=phone,
        complaint=text, read_back=channel in (Channel.ONSITE, Channel.PHONE),
        category=plan.cats[category], urgent=urgent,
        deadline=office.deadline(due),
        within_authority=complaint.within, authority_suggestion=complaint.suggestion,
        calmed=channel == Channel.ONSITE, quiet_place=channel == Channel.ONSITE and rng.random() < 0.6,
        caller_number=phone if channel == Channel.PHONE else "",
        call_time=received if channel == Channel.PHONE else None, thanked=channel == Channel.PHONE,
        book_entry_date=office.entry_day(rng, desk) if channel == Channel.BOOK else None,
        book_entry_ref=f"第{_between(rng, 1, 200)}页" if channel == Channel.BOOK else "",
        contact_left=contact_left,
        letter_date=(received - dt.timedelta(days=_between(rng, 1, 4))).date() if channel == Channel.LETTER else None,
        letter_received=received.date() if channel == Channel.LETTER else None,
        sender_address=f"阳光花园{code}室" if channel == Channel.LETTER else "",
        preferred_reply=PREFERRED_REPLY[channel], created_at=received,
        customer_request=_pick(rng, REQUESTS[category])
        if channel in (Channel.ONSITE, Channel.PHONE) or rng.random() < 0.5 else "",
    )
    return row, complaint, clerk, due


@dataclass(slots=True)
class Step:
    """One history event of a generated slip and what it changed on the slip."""
    at: dt.datetime
    action: str
    actor: Actor
    from_status: str
    to_status: str
    note: str = ""
    data: str | _ReplyData = "{}"
    fields: dict | None = None  # slip fields the step set
    record: tuple | None = None  # the reply or transmittal row the step stored


def _story(rng, plan: Plan, row: dict, complaint: Complaint, clerk: Actor, desk: int,
           due: int) -> tuple[list[Step], dict]:
    """The steps the slip went through, as the desk takes them in models.workflow: the whole way
    to closing, cut short where `now` is (recent slips are still open) or, rarely, where the desk
    lost track of it. Applies the kept steps' changes to `row` and returns them, with the slip as
    it was taken down (its "created" event's record). `desk` and `due`: the receipt and the reply
    deadline in desk time (`OfficeTime`)."""
    received = row["received_at"]
    steps = _planned_steps(rng, plan, row, complaint, clerk, desk, due)
    kept = [step for step in steps if step.at <= plan.now]
    transitions = [i for i, step in enumerate(kept) if step.to_status]
    if len(transitions) > 2 and rng.random() < _stall_chance((plan.now - received).total_seconds() / DAY):
        kept = kept[:_pick(rng, transitions[1:-1]) + 1]
    created = dict(row)
    for step in kept:
        if step.to_status:
            row["status"] = step.to_status
        if step.fields:
            row.update(step.fields)
    if row["status"] == Status.REPLIED and rng.random() < 0.7:
        _not_accepted(rng, row, kept)
    return kept, created


def _planned_steps(rng, plan: Plan, row: dict, complaint: Complaint, clerk: Actor, desk: int,
                   due: int) -> list[Step]:
    """The steps from intake to closing. The desk takes each in its office hours: the delays
    between them are desk time (`OfficeTime`), so a step that would fall after closing is taken
    the next working morning, and each comes after the one before."""
    received, channel, office = row["received_at"], row["channel"], plan.office
    # answered on the spot: only someone at the desk or on the line (a letter or a book entry is not)
    answered = complaint.within and rng.random() < ANSWERED_SHARE and channel in (Channel.ONSITE, Channel.PHONE)
    if answered:
        row.update(deadline=None, within_authority=True)
    created = _created_data(complaint, channel, row["deadline"], answered or complaint.within)
    steps = [Step(received, "created", clerk, "", Status.RECEIVED.value, data=created)]
    if answered:
        note = _pick(rng, ANSWER_NOTES)
        steps.append(Step(received, "answer_at_once", clerk, "received", "answered", note,
                          fields={"answered_at_once": True, "answer_note": note, "closed_at": received}))
    elif complaint.within:
        steps.append(_assign(rng, plan, complaint, clerk, received, "received"))
    else:
        steps.append(Step(received, "request_escalation", clerk, "received", "awaiting_confirmation",
                          complaint.suggestion, fields={"escalation_requested_by": clerk.id,
                                                        "escalation_reason": complaint.suggestion}))
    if complaint.motive_data and rng.random() < MOTIVE_SHARE:
        at = office.when(desk + _between(rng, 2 * MINUTE, 20 * MINUTE))
        motive_type, kind, temperament, needs = complaint.motive
        steps.append(Step(at, "motive_confirmed", clerk, "", "", data=complaint.motive_data, fields={
            "motive_type": motive_type, "motive_kind": kind, "temperament": temperament, "motive_needs": needs,
            "motive_confirmed_at": at}))
    if answered:
        if rng.random() < 0.3:
            steps.append(_satisfaction(rng, clerk, office.when(desk + MINUTE)))
        return sorted(steps, key=_at)
    upper_handled = False
    if not complaint.within:  # the person in charge looks at it within hours (sooner when it is urgent)
        desk += _between(rng, 20 * MINUTE, max(20 * MINUTE, min(6 * HOUR, (due - desk) // 4)))
        if plan.upper is None or rng.random() < 0.05:
            steps.append(Step(office.when(desk), "return_escalation", plan.supervisor, "awaiting_confirmation",
                              "in_handling", RETURN_REASON, fields={"within_authority": True}))
            desk += 5 * MINUTE
            steps.append(_assign(rng, plan, complaint, clerk, office.when(desk), "in_handling"))
        else:
            steps.append(_confirm(rng, plan, row, office.when(desk)))
            upper_handled = True
    sent_up = desk
    if rng.random() < (LATE_SHARE_UPPER if upper_handled else LATE_SHARE):  # replied up to two days late
        replied = max(due, desk) + _between(rng, 30 * MINUTE, 2 * office.shift)
        desk += int((0.6 + 0.35 * rng.random()) * (replied - desk))
    else:  # handled in good time, and the customer told before the deadline
        rest = due - desk
        desk += int((0.15 + 0.45 * rng.random()) * rest)
        # due - 1: a deadline at a day's end is its closing (`OfficeTime.deadline`), not the next opening
        replied = min(due - 1, desk + _between(rng, 10 * MINUTE, max(20 * MINUTE, int(0.3 * rest))))
    result = _pick(rng, HANDLING_RESULTS[complaint.category])
    if upper_handled and desk - sent_up > 2 * HOUR and rng.random() < 0.5:
        told = _pick(rng, PROGRESS_NOTES)  # the customer is told how it stands while the upper department works
        at = office.when(sent_up + (desk - sent_up) // 2)
        steps.append(Step(at, "progress_told", clerk, "", "", told, _encoded((("at", at), ("method", "phone"))),
                          fields={"progress_told_at": at}))
    steps.append(Step(office.when(desk), "record_handling", clerk, "escalated" if upper_handled else "in_handling",
                      "handled", result, _encoded((("by_upper_department", upper_handled),)),
                      fields={"handling_notes": result}))
    if not complaint.within:  # beyond authority: it closes only with its cause and corrective action
        steps.append(_cause(plan, complaint, clerk, office.when(desk + _between(rng, MINUTE, 5 * MINUTE))))
    if channel == Channel.LETTER:  # answered by letter (对等回复), then thanked again once they have it
        letter_steps, desk = _by_letter(rng, plan, row, clerk, desk, replied, result)
        steps += letter_steps
    else:
        desk = replied
        steps.append(_reply(rng, plan, row, clerk, office.when(desk)))
        if channel == Channel.BOOK and row["contact_left"]:  # and replied to directly (原则上应回复客户)
            desk += _between(rng, 10 * MINUTE, HOUR)
            steps.append(_reply(rng, plan, row, clerk, office.when(desk), "phone", 1))
    desk += _between(rng, MINUTE, 20 * MINUTE)
    at = office.when(desk)
    if steps[-1].action == "record_reply" and steps[-1].record[2] in ("phone", "visit") \
            and rng.random() < ENDED_SHARE:
        steps.append(_ended_unaccepted(rng, plan, row, steps[-1], office.when(desk + _between(rng, 20 * MINUTE,
                                                                                                 office.shift))))
        return sorted(steps, key=_at)
    steps.append(Step(at, "close", clerk, "replied", "closed", fields={"closed_at": at}))
    if rng.random() < SATISFACTION_SHARE and not (channel == Channel.BOOK and not row["contact_left"]):
        steps.append(_satisfaction(rng, clerk, office.when(desk + MINUTE)))  # an anonymous entry cannot be asked
    return sorted(steps, key=_at)


_at = operator.attrgetter("at")


def _created_data(complaint: Complaint, channel: str, deadline: dt.datetime | None, within: bool) -> str:
    """The "created" event's data as models.intake writes it (sorted keys, as history encodes)."""
    deadline_json = f'"{deadline}"' if deadline is not None else "null"
    return (f'{{"assessment": {complaint.assessment}, "authority": "{"within" if within else "beyond"}", '
            f'"channel": "{channel}", "deadline": {deadline_json}, "override_reason": "", "scans": []}}')


def _cause(plan: Plan, complaint: Complaint, clerk: Actor, at: dt.datetime) -> Step:
    """The cause and corrective action recorded once the handling is known (models.causes)."""
    whys, root, action = CAUSES.get(complaint.category, DEFAULT_CAUSE)
    data = _encode({"whys": list(whys), "root_cause": root, "corrective_action": action})
    return Step(at, "cause_recorded", clerk, "", "", root, data, fields={
        "cause_whys": "\n".join(whys), "root_cause": root, "corrective_action": action,
        "cause_by": clerk.display_name, "cause_at": at})


def _assign(rng, plan: Plan, complaint: Complaint, clerk: Actor, at: dt.datetime, from_status: str) -> Step:
    department = DEPARTMENT_FOR[complaint.category]
    assignee = _pick(rng, ASSIGNEES[department])
    return Step(at, "assign", clerk, from_status, "in_handling", data=_encoded(
        (("department", department), ("assignee", assignee))),
        fields={"department": plan.deps[department], "assignee": assignee})


def _confirm(rng, plan: Plan, row: dict, at: dt.datetime) -> Step:
    """The person in charge confirms and sends the slip up with its transmittal (移交记录)."""
    upper_id, upper_code = plan.upper
    recipient = _pick(rng, RECIPIENTS)
    copy_kept = row["channel"] == Channel.LETTER
    data = {"sent_to": upper_code, "recipient": recipient, "sent_at": at, "attachments": [],
            "letter_copy_kept": copy_kept}
    transmittal_id = plan.first_transmittal_id + row["id"] - plan.first_slip_id
    return Step(at, "confirm_escalation", plan.supervisor, "awaiting_confirmation", "escalated", data=_encode(data),
                record=(transmittal_id, row["id"], upper_id, recipient, at, plan.supervisor.id, "[]", copy_kept, ""))


def _reply(rng, plan: Plan, row: dict, clerk: Actor, at: dt.datetime, method: str = "", index: int = 0) -> Step:
    """A reply to the customer, by the channel's usual way, with the facts models.replies asks
    for (phone replies in working hours, as every step of the desk is, two staff on a home visit,
    the signer of a book entry). A write-back in the book has nobody to ask for an opinion;
    `index` 1 is a slip's second reply (the direct reply to a book entry with contact details)."""
    method = method or ("book" if row["channel"] == Channel.BOOK else "visit" if rng.random() < 0.15 else "phone")
    if method == "phone":
        shape = (method, clerk, _pick(rng, ("supervision", "office")), rng.random() < 0.5)
    elif method == "visit":
        shape = (method, clerk, row["unit_code"], _pick(rng, VISIT_PARTNERS))
    else:
        shape = (method, clerk)
    details, template = _reply_shape(shape)
    summary = _pick(rng, REPLY_SUMMARIES[method])
    opinion = "none" if method == "book" else "accepted"
    reply_id = plan.first_reply_id + 2 * (row["id"] - plan.first_slip_id) + index
    record = [reply_id, row["id"], method, at, clerk.display_name, summary, opinion, "", details, None, clerk.id, at]
    return Step(at, "record_reply", clerk, "replied" if index else "handled", "replied", summary,
                _ReplyData(template, reply_id, at, opinion), fields={"reply_opinion": opinion}, record=record)


@dataclass(slots=True)
class _Letter:
    """A reply letter's life (drafted, submitted, approved by the person in charge, posted, the
    customer thanked again), for its rows once the slip's story is settled."""
    id: int
    slip: int
    text: str
    sha256: str
    clerk: Actor
    supervisor: Actor
    drafted: dt.datetime
    submitted: dt.datetime
    approved: dt.datetime
    posted: dt.datetime
    follow_up_id: int
    due: dt.datetime
    thanked: dt.datetime
    note: str

    def row(self, steps: list[Step]) -> tuple:
        """The Letter row as far as the kept steps took it."""
        done = {step.action for step in steps}
        approved = "letter_approved" in done
        sent = "record_reply" in done and any(s.action == "record_reply" and s.record[9] == self.id for s in steps)
        status = "approved" if approved else "submitted" if "letter_submitted" in done else "draft"
        return (self.id, self.slip, 1, "letter", "zh", self.text, status, self.clerk.id, self.drafted, self.clerk.id,
                self.drafted, self.submitted if status != "draft" else None, "", self.supervisor.id if approved else None,
                self.approved if approved else None, self.sha256 if approved else "", "[]",
                self.posted if sent else None, self.clerk.id if sent else None)

    def follow_up(self, steps: list[Step]) -> tuple | None:
        """The thanks after the letter: due once it is posted, done when the step was kept."""
        if not any(s.action == "record_reply" and s.record[9] == self.id for s in steps):
            return None
        done = any(s.action == "thanks_follow_up" for s in steps)
        return (self.follow_up_id, self.slip, self.id, self.due, self.posted, self.thanked if done else None,
                self.clerk.id if done else None, "phone" if done else "", self.note if done else "",
                self.thanked if done else None)


def _by_letter(rng, plan: Plan, row: dict, clerk: Actor, handled: int, replied: int,
               result: str) -> tuple[list[Step], int]:
    """A letter complaint answered by letter (对等回复): drafted, approved by the person in charge,
    posted by the deadline (the reply, its opinion pending: 意见待反馈), then the customer thanked
    again by phone once they have it (再次致谢), when they say what they think of it. Returns the
    steps and the desk time of the thanks."""
    office, offset = plan.office, row["id"] - plan.first_slip_id
    letter_id, reply_id = plan.first_letter_id + offset, plan.first_reply_id + 2 * offset
    span = max(replied - handled, 4 * MINUTE)
    day = row["letter_date"]
    text = f"您{day.year}年{day.month}月{day.day}日的来信收悉。经调查核实，{result}\n{LETTER_CLOSING}"
    sha = replies.sha256(text)  # as the desk fingerprints an approved letter
    drafted, submitted, approved, posted = (office.when(handled + span * part // 4) for part in (1, 2, 3, 4))
    posted_desk = handled + span
    thanks_desk = (posted_desk // office.shift + plan.thanks_after) * office.shift + _between(
        rng, 20 * MINUTE, office.shift - 20 * MINUTE)
    thanked, note = office.when(thanks_desk), _pick(rng, THANKS_NOTES)
    letter = _Letter(letter_id, row["id"], text, sha, clerk, plan.supervisor, drafted, submitted, approved, posted,
                     plan.first_follow_up_id + offset,
                     office.deadline((posted_desk // office.shift + plan.thanks_after + 1) * office.shift),
                     thanked, note)
    record = [reply_id, row["id"], "letter", posted, clerk.display_name, text, "pending", "", "{}", letter_id,
              clerk.id, posted]
    sent = {"reply": reply_id, "at": posted, "replier": clerk.display_name, "method": "letter", "opinion": "pending",
            "customer_words": "", "letter": letter_id, "sha256": sha}
    heard = {"reply": reply_id, "opinion": "accepted", "customer_words": "", "before": "pending"}
    steps = [
        Step(drafted, "letter_drafted", clerk, "", "", data=_encode(
            {"letter": letter_id, "version": 1, "method": "letter", "sha256": sha}), record=letter),
        Step(submitted, "letter_submitted", clerk, "", "", data=_encode({"letter": letter_id, "version": 1})),
        Step(approved, "letter_approved", plan.supervisor, "", "", data=_encode(
            {"letter": letter_id, "version": 1, "sha256": sha, "flags": []})),
        Step(posted, "record_reply", clerk, "handled", "replied", text, _encode(sent),
             fields={"reply_opinion": "pending"}, record=record),
        Step(thanked, "thanks_follow_up", clerk, "", "", note, _encode(
            {"follow_up": letter.follow_up_id, "method": "phone", "at": thanked, "heard": heard}),
            fields={"reply_opinion": "accepted"}),
    ]
    return steps, thanks_desk


def _ended_unaccepted(rng, plan: Plan, row: dict, reply: Step, at: dt.datetime) -> Step:
    """The customer still does not accept the reply, given within the rules: the person in charge
    ends the slip as 答复已按规定作出，客户仍不认可, with why and what was offered."""
    opinion, words = _pick(rng, ("partly", "not_accepted")), _pick(rng, UNACCEPTED_WORDS)
    reply.record[6], reply.record[7] = opinion, words
    reply.data.opinion, reply.data.customer_words = opinion, words
    reply.fields["reply_opinion"] = opinion
    reason, offer = _pick(rng, END_REASONS), _pick(rng, END_OFFERS)
    return Step(at, "end_unaccepted", plan.supervisor, "replied", "ended_unaccepted", data=_encode(
        {"reason": reason, "offered": offer, "opinion": opinion}),
        fields={"end_reason": reason, "end_offer": offer, "closed_at": at})


@lru_cache(maxsize=16384)
def _reply_shape(shape: tuple) -> tuple[str, str]:
    """A reply's details as the Reply row stores them (JSON) and its event's data as a template
    to fill in with what differs per slip (`_ReplyData`): the few thousand shapes a run's replies
    take (method, clerk, line or home, partner) are encoded once, not once per slip."""
    method, clerk, *facts = shape
    if method == "phone":
        line, recording_kept = facts
        details = {"line": line, "identity_stated": True, "recording_kept": recording_kept}
    elif method == "visit":
        unit_code, (partner, work_id) = facts
        details = {"place": f"{unit_code}室", "appointment_agreed": True,
                   "staff": [{"name": clerk.display_name, "work_id": clerk.work_id},
                             {"name": partner, "work_id": work_id}]}
    else:
        details = {"signed_by": clerk.display_name}
    blanks = {name: f"@{name}@" for name in _ReplyData.BLANKS}
    data = _encode({"replier": clerk.display_name, **details, "method": method, **blanks})
    template = data.replace("{", "{{").replace("}", "}}")
    for name in _ReplyData.BLANKS:
        template = template.replace(f'"@{name}@"', f"{{{name}}}")
    return _PLAIN.encode(details), template


@dataclass(slots=True)
class _ReplyData:
    """A reply event's data until the slip's story is settled (the customer's opinion may change)."""
    BLANKS = ("reply", "at", "opinion", "customer_words")
    template: str
    reply: int
    at: dt.datetime
    opinion: str = "accepted"
    customer_words: str = ""

    def encoded(self) -> str:
        """The data as models.history encodes it (sorted keys, the time as text)."""
        return self.template.format(reply=self.reply, at=_json(str(self.at)), opinion=_json(self.opinion),
                                    customer_words=_json(self.customer_words))


def _not_accepted(rng, row: dict, steps: list[Step]) -> None:
    """A slip left at "replied": mostly because the customer did not (fully) accept the reply they
    heard (a call or a visit; a posted letter waits for their opinion, a book entry may have nobody
    to give one)."""
    step = next(s for s in reversed(steps) if s.action == "record_reply")
    if step.record[2] not in ("phone", "visit"):
        return
    opinion, words = _pick(rng, ("partly", "not_accepted")), _pick(rng, CUSTOMER_WORDS)
    step.record[6], step.record[7] = opinion, words
    step.data.opinion, step.data.customer_words = opinion, words
    step.fields["reply_opinion"] = row["reply_opinion"] = opinion


def _satisfaction(rng, clerk: Actor, at: dt.datetime) -> Step:
    value = int(_weighted(rng, SATISFACTION_WEIGHTS))
    settled = value >= 4
    data = _encoded((("satisfaction", value), ("level", SATISFACTION_NAMES[value]), ("settled", settled),
                     ("before", (None, None))))
    return Step(at, "satisfaction", clerk, "", "", data=data,
                fields={"satisfaction": value, "settled": settled})


def _reply_rows(plan: Plan, steps: list[Step]) -> list[tuple]:
    """The stored Replies of the slip's record_reply steps, their event data made final; a letter's
    opinion is the one heard when the customer was thanked again, if they were."""
    heard = any(step.action == "thanks_follow_up" for step in steps)
    rows = []
    for step in steps:
        if step.action != "record_reply":
            continue
        record = list(step.record)
        if isinstance(step.data, _ReplyData):
            step.data = step.data.encoded()
        elif heard:  # a letter: what they said when thanked again
            record[6] = "accepted"
        rows.append(_dated(tuple(record), (3, 11), plan.sqlite))
    return rows


def _created_state(plan: Plan, defaults: dict, created: dict) -> list:
    """The slip as its "created" event records it whole (models.facts.full_state)."""
    state = {**defaults, **created, "version": 1, "updated_at": created["received_at"]}
    return [_plain(state.get(name)) for name in plan.fact_columns[1]]


def _plain(value):
    """A generated value as models.facts.plain gives it (the generator's values are plain but for
    dates, which it writes as text)."""
    return str(value) if isinstance(value, dt.date) else value


_RECORDED_ROWS = {"record_reply": ("reply", REPLY_COLUMNS), "confirm_escalation": ("transmittal", TRANSMITTAL_COLUMNS)}


def _step_facts(seq: int, step: Step, steps: list[Step]) -> dict:
    """What a generated step's event records, as models.changes records the desk's steps. `steps`:
    the slip's kept steps (a letter's row stands as the steps up to this one leave it)."""
    changed = {"version": seq, "updated_at": str(step.at)}
    if step.to_status:
        changed["status"] = step.to_status
    if step.fields:
        changed.update((name, _plain(value)) for name, value in step.fields.items())
    recorded = {"slip": changed}
    rows: dict[str, dict] = {}
    table = _RECORDED_ROWS.get(step.action)
    if table is not None:
        name, columns = table
        rows[name] = {str(step.record[0]): _row_facts(columns, step.record)}
    if step.action in _LETTER_ACTIONS or (step.action == "record_reply" and step.record[9] is not None):
        rows.update(_letter_facts(step, steps[:seq]))
    if rows:
        recorded["rows"] = rows
    return recorded


# The steps of a reply letter's life, each of which writes its letter's row (models.replies)
_LETTER_ACTIONS = frozenset({"letter_drafted", "letter_submitted", "letter_approved", "thanks_follow_up"})


def _row_facts(columns: tuple[str, ...], record) -> dict:
    """A belonging row's facts: its columns but the id (models.facts.record_of)."""
    return {c: _plain(v) for c, v in zip(columns[1:], record[1:])}


def _letter_facts(step: Step, done: list[Step]) -> dict[str, dict]:
    """The letter's row and the thanks after it as the steps `done` leave them; at the thanks, the
    posted reply's opinion as the customer then gave it (models.replies)."""
    letter = next(s.record for s in done if s.action == "letter_drafted")
    rows = {"reply_letter": {str(letter.id): _row_facts(LETTER_COLUMNS, letter.row(done))}}
    follow_up = letter.follow_up(done)
    if follow_up is not None:
        rows["thanks_follow_up"] = {str(follow_up[0]): _row_facts(FOLLOW_UP_COLUMNS, follow_up)}
    if step.action == "thanks_follow_up":
        posted = next(s.record for s in done if s.action == "record_reply" and s.record[9] == letter.id)
        heard = list(posted)
        heard[6] = "accepted"
        rows["reply"] = {str(heard[0]): _row_facts(REPLY_COLUMNS, heard)}
    return rows


def _chain(slip_id: int, number: str, steps: list[Step], plan: Plan, created: list) -> list[tuple]:
    """The slip's history as rows in EVENT_COLUMNS order, each hashed onto the one before by
    models.history's own payload and models.history_key's digest, each with the facts it set (the
    first: the slip whole)."""
    events, prev, key = [], history.GENESIS, plan.key
    columns = plan.fact_columns[0]
    for seq, step in enumerate(steps, start=1):
        when_text = str(step.at)  # whole seconds: the same text as history's isoformat(timespec="seconds")
        user = step.actor
        recorded = {"columns": columns, "values": created} if seq == 1 else _step_facts(seq, step, steps)
        if key is not None:
            recorded["key"] = key.ident
        stated = _FACTS.encode(recorded)
        digest = history_key.digest(key, history.payload(
            prev, number, seq, step.at, user.id, user.display_name, step.action, step.from_status, step.to_status,
            step.note, step.data, stated))
        events.append((slip_id, seq, when_text if plan.sqlite else step.at, user.id, user.display_name,
                       step.action, step.from_status, step.to_status, step.note, step.data, stated, prev, digest))
        prev = digest
    return events


_FACTS = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


# json.dumps of one string (the C encoder, no call overhead): a reply event's blanks
_json = json.encoder.encode_basestring
