"""Realistic sample data: demo accounts, an estate directory and slips in every channel and state.

Rows are generated in Python and written with bulk inserts in large transactions, so that a
million slips (for benchmarks) take minutes, not hours. History events are real events with a
valid hash chain; the slips read like what a service desk hears every day.
"""
from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import itertools
import json
import multiprocessing
import os
import random
import sys
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterator

from models import bulk, clock, history, search, settings
from models.accounts import User, create_user
from models.catalog import Category, Department
from models.db import database, is_sqlite
from models.directory import Resident, Unit, pinyin_initials
from models.slips import Slip, SlipCounter, format_number
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
]

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
            "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵")
GIVEN_M = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林志国建文斌峰东海"
GIVEN_F = "芳娜敏静丽艳娟霞秀玲桂英华慧巧美娅雪琳晶妍茜秋珊莉萍红玉兰凤洁梅琴云莲真环"

TEMPLATES: dict[str, list[str]] = {
    "noise": [
        "{unit_above}楼上住户每天晚上{hour}点以后还在{noise},吵得孩子睡不着,已经跟他们说过好几次了,请物业出面协调。",
        "小区{place}附近的广场舞音响声音太大,{hour}点多还没停,老人休息受影响,希望物业管一管。",
        "隔壁装修{days}天了,中午和周末也在电钻,违反装修管理规定,请物业马上制止。",
        "{place}的空调外机噪音很大,晚上嗡嗡响,影响睡眠。",
    ],
    "leak": [
        "我家卫生间天花板漏水,应该是楼上{unit_above}的防水坏了,水一直往下滴,墙面已经发霉。",
        "厨房下水道堵了{days}天,报修后一直没人来,家里没法做饭,非常着急。",
        "地下车库{place}顶上漏水,滴到车上,车漆都花了,要求物业处理并给个说法。",
        "外墙渗水,下雨的时候客厅墙角湿了一大片,去年报过一次,修完又漏了。",
        "楼道的水管爆了,水流到电梯口,很危险,请尽快派人维修。",
    ],
    "cleaning": [
        "{place}的垃圾桶满了没人清理,味道很大,夏天苍蝇很多。",
        "楼道里有人堆放杂物和纸箱,保洁也不清理,存在消防隐患。",
        "小区里狗屎很多,{place}附近尤其严重,保洁打扫不及时。",
        "电梯轿厢里很脏,地上有饮料洒了好几天没人擦。",
    ],
    "security": [
        "最近小区里有陌生人随便进出,门岗不登记,家里老人小孩不放心。",
        "{place}的监控坏了好久了,上次电动车被偷了都查不到。",
        "晚上{hour}点门岗没人值班,外卖车直接开进小区,很不安全。",
        "单元门禁坏了,门一直关不上,谁都能进。",
    ],
    "parking": [
        "我的固定车位被别人占了,打电话给保安也没人来处理,我只能停在外面。",
        "地下车库的车位线看不清了,经常有人乱停,堵住通道。",
        "外来车辆停在消防通道上,{days}天了都没人管。",
        "停车费为什么又涨了,事先也没有公示,我要求解释。",
    ],
    "fees": [
        "物业费账单上多收了{amount}元的公摊电费,请核对并退还。",
        "我已经交过物业费了,系统里还显示欠费,还打电话催缴,很不满意。",
        "公共收益的账目从来没有公示过,业主有权知道钱用在哪里。",
        "水费比上个月高了好几倍,家里没人住,肯定是表有问题。",
    ],
    "greenery": [
        "{place}的树长得太高,挡住了我家采光,请物业修剪。",
        "草坪打药没有提前通知,我家狗在草地上玩了之后一直拉肚子。",
        "楼下的绿化带被人种了菜,还浇粪水,臭味很大。",
    ],
    "attitude": [
        "前台工作人员态度很差,我问问题她一直玩手机,爱理不理。",
        "保安说话很冲,我只是问一下快递放哪里,他就对我大声嚷嚷。",
        "维修师傅上门迟到了{hours}个小时,也不提前打电话说一声。",
        "我打了好几次客服电话都没人接,物业是不是不想管事了?",
    ],
    "lift": [
        "{building}号楼{entrance}单元的电梯又坏了,这个月已经第{times}次了,老人上下楼很困难。",
        "电梯运行时有异响,还会突然停一下,很吓人,请尽快检修。",
        "电梯困人了二十分钟,打紧急电话一直没人接,太危险了。",
    ],
    "lighting": [
        "{place}的路灯坏了好几盏,晚上黑漆漆的,老人走路容易摔倒。",
        "楼道声控灯不亮,{building}号楼{entrance}单元{floor}楼一直是黑的。",
    ],
    "other": [
        "快递柜总是满的,快递员就把包裹放在门口,丢了好几次。",
        "希望物业在{place}增加几个休息座椅,方便老人。",
        "小区的健身器材有几个坏了,{place}那个单杠晃得厉害,担心孩子受伤。",
        "建议物业每个月公示一次维修记录,让业主心里有数。",
    ],
}
PLACES = ["3号楼", "东门", "南门", "中心花园", "地下车库B区", "会所", "儿童游乐场", "5号楼后面", "北门岗亭", "游泳池"]
NOISES = ["拖椅子", "跳绳", "打麻将", "放音乐", "小孩跑跳", "剁东西"]

# Channel mix of an ordinary estate: on-site spoken complaints are the most common.
CHANNEL_WEIGHTS = [(Channel.ONSITE, 45), (Channel.PHONE, 35), (Channel.BOOK, 12), (Channel.LETTER, 8)]
STATUS_WEIGHTS = [
    (Status.ANSWERED, 22), (Status.RECEIVED, 4), (Status.IN_HANDLING, 14),
    (Status.AWAITING_CONFIRMATION, 4), (Status.ESCALATED, 5), (Status.HANDLED, 5),
    (Status.REPLIED, 6), (Status.CLOSED, 40),
]
# The path each status took from intake: (action, from, to) after "created".
PATHS: dict[str, list[tuple[str, str]]] = {
    Status.ANSWERED: [],
    Status.RECEIVED: [],
    Status.IN_HANDLING: [(Status.RECEIVED, Status.IN_HANDLING)],
    Status.AWAITING_CONFIRMATION: [(Status.RECEIVED, Status.AWAITING_CONFIRMATION)],
    Status.ESCALATED: [(Status.RECEIVED, Status.AWAITING_CONFIRMATION),
                       (Status.AWAITING_CONFIRMATION, Status.ESCALATED)],
    Status.HANDLED: [(Status.RECEIVED, Status.IN_HANDLING), (Status.IN_HANDLING, Status.HANDLED)],
    Status.REPLIED: [(Status.RECEIVED, Status.IN_HANDLING), (Status.IN_HANDLING, Status.HANDLED),
                     (Status.HANDLED, Status.REPLIED)],
    Status.CLOSED: [(Status.RECEIVED, Status.IN_HANDLING), (Status.IN_HANDLING, Status.HANDLED),
                    (Status.HANDLED, Status.REPLIED), (Status.REPLIED, Status.CLOSED)],
}
DEPARTMENT_FOR = {"noise": "service", "leak": "engineering", "cleaning": "cleaning", "security": "security",
                  "parking": "security", "fees": "finance", "greenery": "greenery", "attitude": "service",
                  "lift": "engineering", "lighting": "engineering", "other": "service"}
BEYOND = {"fees", "attitude"}  # categories that usually go up
CATEGORY_CODES = tuple(TEMPLATES)
PREFERRED_REPLY = {"onsite": "phone", "phone": "phone", "book": "book", "letter": "letter"}
TWO_DAYS, SIXTY_DAYS = dt.timedelta(days=2), dt.timedelta(days=60)


def _cumulative(pairs) -> tuple[list[str], list[int]]:
    """The choices (as plain strings) and their running weight totals, for a quick weighted draw."""
    return [str(p[0]) for p in pairs], list(itertools.accumulate(p[1] for p in pairs))


CHANNEL_CHOICE = _cumulative(CHANNEL_WEIGHTS)
STATUS_CHOICE = _cumulative(STATUS_WEIGHTS)
# Generated rows hold plain strings, not StrEnum members: rows travel from worker processes as
# pickles, and an enum member costs a pickle several times what a string does.
PLAIN_PATHS = {str(status): [(str(a), str(b)) for a, b in path] for status, path in PATHS.items()}


@dataclass
class Estate:
    """The demo estate's directory, kept in memory while generating slips."""
    units: list[tuple[int, str, int, int, int]]  # id, code, building, entrance, floor
    residents: list[tuple[int, str, str, str, int]]  # unit index, name, title, phone, unit id


def create_demo_accounts() -> dict[str, User]:
    users = {}
    for username, display, role, work_id in DEMO_ACCOUNTS:
        user = User.get_or_none(User.username == username)
        users[username] = user or create_user(username, display, DEMO_PASSWORD, role, work_id)
    return users


def _person(rng: random.Random) -> tuple[str, str]:
    female = rng.random() < 0.5
    given = GIVEN_F if female else GIVEN_M
    name = rng.choice(SURNAMES) + "".join(rng.choice(given) for _ in range(rng.choice((1, 2, 2))))
    return name, "ms" if female else "mr"


def _mobile(rng: random.Random) -> str:
    return rng.choice(("13", "15", "18", "17", "19")) + str(rng.randint(0, 9)) + f"{rng.randint(0, 99999999):08d}"


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


def _complaint(rng: random.Random, category: str, estate: Estate, unit_index: int) -> str:
    _uid, _code, building, entrance, floor = estate.units[unit_index]
    template = rng.choice(TEMPLATES[category])
    return template.format_map(_Blanks(rng, building, entrance, floor))


# How to fill each blank of a template, drawn only when the template has that blank.
_DRAWS: dict[str, Callable[[random.Random, dict], object]] = {
    "unit_above": lambda rng, unit: f"{unit['building']}-{unit['entrance']}-{unit['floor'] + 1}0{rng.randint(1, 4)}",
    "hour": lambda rng, _unit: rng.choice((10, 11, 12)),
    "noise": lambda rng, _unit: rng.choice(NOISES),
    "days": lambda rng, _unit: rng.randint(2, 20),
    "place": lambda rng, _unit: rng.choice(PLACES),
    "amount": lambda rng, _unit: rng.choice((35, 80, 120, 260)),
    "hours": lambda rng, _unit: rng.randint(1, 4),
    "times": lambda rng, _unit: rng.randint(2, 5),
}


class _Blanks(dict):
    """A template's blanks: the unit's own facts, the rest drawn on demand."""

    def __init__(self, rng: random.Random, building: int, entrance: int, floor: int):
        super().__init__(building=building, entrance=entrance, floor=floor)
        self.rng = rng

    def __missing__(self, key: str):
        return _DRAWS[key](self.rng, self)


def _weighted(rng: random.Random, choice: tuple[list[str], list[int]]) -> str:
    population, cumulative = choice
    return population[bisect.bisect(cumulative, rng.random() * cumulative[-1])]


PARALLEL_FROM = 50000  # slips; smaller runs are generated in this process
BATCH = 10000  # slips per transaction


@dataclass(frozen=True)
class Actor:
    """The few facts about a user that generated rows need (picklable for worker processes)."""
    id: int
    display_name: str


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


@dataclass(frozen=True)
class Batch:
    index: int
    stamps: tuple[dt.datetime, ...]
    first_id: int
    counters: dict[int, int]  # the last number handed out per year before this batch


@dataclass
class Made:
    """One batch's rows, ready for the database."""
    slips: list[tuple]
    events: list[tuple]
    docs: list[tuple]


def generate_slips(count: int, seed: int = 20261123, days: int | None = None,
                   progress: Callable[[int, int], bool | None] | None = None, batch: int = BATCH,
                   workers: int | None = None) -> int:
    """Write `count` sample slips received over the last `days` days, with their history and
    their search index entries.

    Large runs generate rows in worker processes while this process writes (a million slips
    in minutes); each batch is seeded on its own, so the data do not depend on the workers.
    `progress(done, total)` returning False stops early (a cancelled progress dialog).
    Returns how many slips were written.
    """
    rng = random.Random(seed)
    users = create_demo_accounts()
    estate = create_estate(rng) if not Unit.select().exists() else _load_estate()
    now = clock.now()
    days = days or max(30, min(365 * 5, count // 60))
    span = days * 86400
    stamps = sorted(now - dt.timedelta(seconds=rng.randint(600, span)) for _ in range(count))
    slips, events = bulk.Inserter(Slip), bulk.Inserter(history.SlipEvent, EVENT_COLUMNS)
    plan = Plan(seed=seed, estate=estate, cats={c.code: c.id for c in Category.select()},
                deps={d.code: d.id for d in Department.select()},
                clerks=tuple(_actor(users[name]) for name in ("clerk", "clerk2", "liu")),
                supervisor=_actor(users["supervisor"]), now=now, sqlite=is_sqlite(),
                slip_columns=slips.defaults(), slip_dates=slips.date_fields)
    batches = _batches(stamps, batch, slips.next_id(), {row.year: row.last for row in SlipCounter.select()})
    written = 0
    rebuild_indexes = count >= max(PARALLEL_FROM, Slip.select().count())
    with bulk.loading(rebuild_indexes=(Slip, history.SlipEvent) if rebuild_indexes else ()):
        for spec, made in _made(plan, batches, workers if workers is not None else _workers(count)):
            with database.atomic():
                slips.insert_tuples(made.slips)
                events.insert_tuples(made.events)
                search.index_rows(made.docs)
                for year, last in _counters_after(spec).items():
                    SlipCounter.insert(year=year, last=last).on_conflict(
                        conflict_target=[SlipCounter.year], update={SlipCounter.last: last}).execute()
            written += len(spec.stamps)
            if progress and progress(written, count) is False:
                break
    settings.put("demo.database", True)  # sample data: the demo accounts may sign in by themselves
    return written


def _actor(user: User) -> Actor:
    return Actor(user.id, user.display_name)


def _workers(count: int) -> int:
    """Worker processes for a run of `count` slips: none for small runs, or in a frozen build
    (which would need multiprocessing.freeze_support at its entry point)."""
    if count < PARALLEL_FROM or getattr(sys, "frozen", False):
        return 0
    return max(1, min(3, (os.cpu_count() or 1)))


def _batches(stamps: list[dt.datetime], size: int, first_id: int, counters: dict[int, int]) -> list[Batch]:
    """Cut the run into batches, each knowing its first id and the numbers used before it."""
    batches, counters = [], dict(counters)
    for index, start in enumerate(range(0, len(stamps), size)):
        chunk = tuple(stamps[start:start + size])
        batches.append(Batch(index, chunk, first_id + start, dict(counters)))
        for stamp in chunk:
            counters[stamp.year] = counters.get(stamp.year, 0) + 1
    return batches


def _counters_after(spec: Batch) -> dict[int, int]:
    counters = dict(spec.counters)
    for stamp in spec.stamps:
        counters[stamp.year] = counters.get(stamp.year, 0) + 1
    return {year: last for year, last in counters.items() if year in {s.year for s in spec.stamps}}


def _made(plan: Plan, batches: list[Batch], workers: int) -> Iterator[tuple[Batch, Made]]:
    """The batches' rows in order: made here, or by worker processes a few batches ahead."""
    if not workers:
        for spec in batches:
            yield spec, make_batch(plan, spec)
        return
    context = multiprocessing.get_context("spawn")  # no inherited database connection
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_set_worker_plan,
                             initargs=(plan,)) as pool:
        pending: deque = deque()
        queue = iter(batches)
        for spec in itertools.islice(queue, workers * 2):
            pending.append((spec, pool.submit(_make_in_worker, spec)))
        while pending:
            spec, future = pending.popleft()
            made = future.result()
            for more in itertools.islice(queue, 1):
                pending.append((more, pool.submit(_make_in_worker, more)))
            yield spec, made


_worker_plan: Plan | None = None


def _set_worker_plan(plan: Plan) -> None:
    global _worker_plan
    _worker_plan = plan


def _make_in_worker(spec: Batch) -> Made:
    assert _worker_plan is not None
    return make_batch(_worker_plan, spec)


def make_batch(plan: Plan, spec: Batch) -> Made:
    """The rows of one batch: slips with their ids and numbers, history chains, index entries."""
    rng = random.Random(f"{plan.seed}/{spec.index}")
    counters = dict(spec.counters)
    defaults = dict(plan.slip_columns)
    slip_rows, event_rows, docs = [], [], []
    for offset, received in enumerate(spec.stamps):
        slip_id = spec.first_id + offset
        row, path = _slip_row(rng, received, plan, counters)
        chain = _events_for(slip_id, row, path, plan.sqlite)
        row["id"] = slip_id
        row["history_head"], row["event_count"] = chain[-1][-1], len(chain)
        segs = search.document(row, [e[EVENT_NOTE] for e in chain if e[EVENT_NOTE]])
        docs.append(search.index_row(slip_id, received, segs, plan.sqlite))
        if plan.sqlite:
            for name in plan.slip_dates:
                if row.get(name) is not None:
                    row[name] = str(row[name])
        slip_rows.append(tuple({**defaults, **row}.values()))  # every field, in insert order
        event_rows.extend(chain)
    return Made(slip_rows, event_rows, docs)


def _load_estate() -> Estate:
    units = [(u.id, u.code, u.building, u.entrance, int(u.room[:-2] or 1)) for u in Unit.select().order_by(Unit.id)]
    index = {u[0]: i for i, u in enumerate(units)}
    residents = [(index.get(r.unit_id, 0), r.name, r.title, r.phone, r.unit_id)
                 for r in Resident.select().where(Resident.unit.is_null(False))]
    return Estate(units, residents)


def _slip_row(rng, received, plan: Plan, counters):
    estate, cats, deps, now = plan.estate, plan.cats, plan.deps, plan.now
    channel = _weighted(rng, CHANNEL_CHOICE)
    category = rng.choice(CATEGORY_CODES)
    status = _weighted(rng, STATUS_CHOICE)
    age = now - received
    if age < TWO_DAYS and status == Status.CLOSED:
        status = Status.IN_HANDLING
    if age > SIXTY_DAYS and status not in (Status.ANSWERED, Status.CLOSED):
        status = Status.CLOSED if rng.random() < 0.97 else status
    year = received.year
    seq = counters.get(year, 0) + 1
    counters[year] = seq
    if estate.residents and rng.random() < 0.85:
        unit_index, name, title, phone, unit_id = rng.choice(estate.residents)
    else:
        unit_index = rng.randrange(len(estate.units))
        (name, title), phone, unit_id = _person(rng), _mobile(rng), estate.units[unit_index][0]
    _uid, code, building, _e, _f = estate.units[unit_index]
    clerk = rng.choice(plan.clerks)
    answered = status == Status.ANSWERED
    deadline = None if answered else received + dt.timedelta(hours=rng.choice((4, 24, 24, 48, 72)))
    beyond = status in (Status.AWAITING_CONFIRMATION, Status.ESCALATED) or (
        category in BEYOND and rng.random() < 0.5)
    row = dict(
        number=format_number(year, seq), year=year, seq=seq, channel=channel, status=str(status),
        received_at=received, received_by=clerk.id, complainant_name=name, complainant_title=title,
        unit_code=code, unit=unit_id, building=building, phone=phone,
        complaint=_complaint(rng, category, estate, unit_index), read_back=channel in (Channel.ONSITE, Channel.PHONE),
        category=cats[category], urgent=rng.random() < 0.05, answered_at_once=answered,
        answer_note="已当场向业主解释说明,业主表示理解。" if answered else "",
        deadline=deadline, within_authority=None if answered else not beyond,
        department=None if answered or beyond else deps[DEPARTMENT_FOR[category]],
        escalation_requested_by=clerk.id if beyond and not answered else None,
        calmed=channel == Channel.ONSITE, quiet_place=channel == Channel.ONSITE and rng.random() < 0.6,
        caller_number=phone if channel == Channel.PHONE else "",
        call_time=received if channel == Channel.PHONE else None, thanked=channel == Channel.PHONE,
        book_entry_date=received.date() if channel == Channel.BOOK else None,
        book_entry_ref=f"第{rng.randint(1, 200)}页" if channel == Channel.BOOK else "",
        contact_left=channel == Channel.BOOK and rng.random() < 0.7,
        letter_date=(received - dt.timedelta(days=rng.randint(1, 4))).date() if channel == Channel.LETTER else None,
        letter_received=received.date() if channel == Channel.LETTER else None,
        sender_address=f"阳光花园{code}室" if channel == Channel.LETTER else "",
        preferred_reply=PREFERRED_REPLY[channel],
        handling_notes="已派维修人员现场查看并处理完毕。" if status in (Status.HANDLED, Status.REPLIED, Status.CLOSED) else "",
        created_at=received, updated_at=received,
        closed_at=received if answered else (received + dt.timedelta(days=rng.randint(1, 5))
                                             if status == Status.CLOSED else None),
    )
    return row, (clerk, plan.supervisor, PLAIN_PATHS[status])


EVENT_COLUMNS = ("slip", "seq", "at", "user", "actor", "action", "from_status", "to_status", "note", "data",
                 "prev_hash", "hash")
EVENT_NOTE = EVENT_COLUMNS.index("note")


def _events_for(slip_id: int, row: dict, plan, times_as_text: bool) -> list[tuple]:
    """The slip's history as rows in EVENT_COLUMNS order: created, then each step to its status."""
    clerk, supervisor, path = plan
    at = row["received_at"]
    first_status = str(Status.ANSWERED if row["answered_at_once"] else Status.RECEIVED)
    steps = [("created", clerk, "", first_status, row["answer_note"])]
    for from_status, to_status in path:
        actor = supervisor if to_status == Status.ESCALATED else clerk
        steps.append(("transition", actor, from_status, to_status, ""))
    events, prev = [], history.GENESIS
    for seq, (action, user, from_status, to_status, note) in enumerate(steps, start=1):
        when = at + STEP_GAPS[seq - 1]
        when_text = str(when)  # whole seconds: the same text as history's isoformat(timespec="seconds")
        digest = _event_digest(prev, row["number"], seq, when_text, user, action, from_status, to_status, note)
        events.append((slip_id, seq, when_text if times_as_text else when, user.id, user.display_name, action,
                       from_status, to_status, note, NO_DATA, prev, digest))
        prev = digest
    return events


STEP_GAPS = [dt.timedelta(hours=3 * step) for step in range(8)]
NO_DATA = "{}"


def _event_digest(prev: str, number: str, seq: int, when_text: str, user: Actor, action: str,
                  from_status: str, to_status: str, note: str) -> str:
    """`history._digest` of a generated event, without a json.dumps call per event (a third of
    the cost): the payload is byte for byte the same, which the tests check with
    `history.verify_all` on generated data."""
    payload = (f'["{prev}","{number}",{seq},"{when_text}",{user.id},{_json(user.display_name)},{_json(action)},'
               f'{_json(from_status)},{_json(to_status)},{_json(note)},{_json(NO_DATA)}]')
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@lru_cache(maxsize=1024)
def _json(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)
