"""The weekly and monthly review (每周或每月做定时总结和检讨): what came in, how it was handled.

The seed: “如果发生缺点、问题、困难和应改善点，则应立即改善解决，并在每周或每月做定时总结和检讨”,
and complaints are reported to top management promptly (satisfaction-and-loyalty). One
`compute(period)` gathers every figure with aggregate SQL that uses the slip indexes, so a
month of a million-slip database reviews in under a second on SQLite and PostgreSQL; the
screen (desktop/reports/review_page.py), the PDF (printouts/review.py) and the workbook
(printouts/review_xlsx.py) all show the same `Review`.

Each section names the slips it counts:
- intake figures (volume, authority, motives, repeats, first reply, reopened): slips received in
  the period;
- promises: slips whose agreed reply deadline (约定回复时限) falls in the period — kept (replied by
  the deadline), late, or still open;
- closing figures (time to close, satisfaction, settled): slips closed in the period; those the
  person in charge ended as 答复已按规定作出，客户仍不认可 are counted apart from the closings the
  customer accepted (their satisfaction and settled count with the rest);
- repeats with their causes: the repeated complaints received in the period (a second complaint
  of one unit or caller, models.authority), each with its cause and corrective action
  (models.causes) or the plain fact that none is recorded yet;
- per staff member, so that the best handlers can be praised (表彰和奖励受理顾客抱怨最佳的员工):
  the slips they received; the slips they handled — answered on the spot, or first replied to by
  them — and how many of those by the agreed deadline; the replies they made and how many the
  customer accepted; the satisfaction of the slips they handled that closed in the period.
A reply counts at the time it was made (models.replies.Reply.at), else at the history event that
took the slip to "replied".
"""
from __future__ import annotations

import datetime as dt
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

import peewee
from peewee import fn

from models import audit, clock, motives, satisfaction
from models.accounts import User
from models.catalog import Category
from models.db import is_sqlite, write_transaction
from models.errors import ValidationFailed
from models.history import SlipEvent
from models.i18n import is_chinese, pick, t
from models.replies import Reply
from models.slips import Slip
from models.vocab import FINISHED_STATUSES, Channel, Role, Status, label

TOP = 10  # rows of the repeat lists on the screen and the PDF
WORKBOOK_TOP = 1000  # rows of the repeat lists in the XLSX workbook
READERS = (Role.SUPERVISOR, Role.MANAGER)  # the review names complainants: models.disclosure.NAMES
PROMISE_ROWS = 200  # open promises listed (all are counted)

_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")
_WEEK = re.compile(r"^\s*(\d{4})-?W(\d{1,2})\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Period:
    """A calendar month or an ISO week, from `start` (inclusive) to `end` (exclusive)."""
    kind: str  # "month" | "week"
    start: dt.datetime
    end: dt.datetime

    @property
    def code(self) -> str:
        if self.kind == "month":
            return f"{self.start:%Y-%m}"
        year, week, _day = self.start.date().isocalendar()
        return f"{year}-W{week:02d}"

    def title(self, lang: str | None = None) -> str:
        last = self.end - dt.timedelta(days=1)
        if self.kind == "month":
            return f"{self.start.year}年{self.start.month}月" if is_chinese(lang) else f"{self.start:%B %Y}"
        year, week, _day = self.start.date().isocalendar()
        if is_chinese(lang):
            return f"{year}年第{week}周({self.start.month}月{self.start.day}日–{last.month}月{last.day}日)"
        return f"Week {week} of {year} ({self.start:%d %b} – {last:%d %b})"

    def previous(self) -> "Period":
        return period_containing(self.start - dt.timedelta(days=1), self.kind)

    def following(self) -> "Period":
        return period_containing(self.end, self.kind)


def month(year: int, number: int) -> Period:
    start = dt.datetime(year, number, 1)
    end = dt.datetime(year + number // 12, number % 12 + 1, 1)
    return Period("month", start, end)


def week(year: int, number: int) -> Period:
    start = dt.datetime.combine(dt.date.fromisocalendar(year, number, 1), dt.time())
    return Period("week", start, start + dt.timedelta(days=7))


def period_containing(day: dt.date | dt.datetime, kind: str) -> Period:
    day = day.date() if isinstance(day, dt.datetime) else day
    if kind == "month":
        return month(day.year, day.month)
    year, number, _weekday = day.isocalendar()
    return week(year, number)


FIRST_YEAR, LAST_YEAR = 2000, 2999  # slips are dated after 2000 (models.validation.past_date)


def parse_period(text: str) -> Period:
    """“2026-11” (a month) or “2026-W47” (an ISO week), of a year a desk can have slips in."""
    text = text if isinstance(text, str) else ""
    try:
        if (found := _MONTH.match(text)) and FIRST_YEAR <= int(found.group(1)) <= LAST_YEAR:
            return month(int(found.group(1)), int(found.group(2)))
        if (found := _WEEK.match(text)) and FIRST_YEAR <= int(found.group(1)) <= LAST_YEAR:
            return week(int(found.group(1)), int(found.group(2)))
    except (ValueError, OverflowError):
        pass
    raise ValidationFailed({"period": t("“{text}” is not a period: write a month as 2026-11 or a week as 2026-W47.", text=text)})


# ---------------------------------------------------------------------------------------------
# The figures

@dataclass(frozen=True)
class Tally:
    """One row of a breakdown: a stored code, its names, how many."""
    code: str
    name_zh: str
    name_en: str
    count: int

    def name(self, lang: str | None = None) -> str:
        return pick(self.name_en, self.name_zh, lang)


@dataclass(frozen=True)
class Durations:
    """Hours from one moment to another over a set of slips."""
    count: int = 0
    average: float | None = None
    median: float | None = None
    longest: float | None = None

    @classmethod
    def of(cls, hours: list[float]) -> "Durations":
        if not hours:
            return cls()
        return cls(len(hours), statistics.fmean(hours), statistics.median(hours), max(hours))


@dataclass(frozen=True)
class Promises:
    """Slips whose agreed reply deadline falls in the period."""
    due: int = 0
    kept: int = 0  # replied by the deadline
    late: int = 0  # replied after it
    overdue: int = 0  # not replied, deadline passed
    pending: int = 0  # not replied, deadline still ahead

    @property
    def kept_share(self) -> float | None:
        answered = self.kept + self.late + self.overdue
        return self.kept / answered if answered else None


@dataclass(frozen=True)
class Promise:
    number: str
    complainant: str
    unit_code: str
    deadline: dt.datetime
    status: str
    overdue: bool


@dataclass(frozen=True)
class Repeat:
    """A unit or a complainant with several slips in the period.

    A complainant is named with their unit (`detail`), never their phone or address: the review
    is read and exported by persons in charge, and personal data leaves Slipdesk only through a
    manager's audited export (models.exports). Whoever must call opens the slips."""
    key: str
    detail: str
    count: int


@dataclass(frozen=True)
class RepeatCause:
    """A repeated complaint of the period and what was found to cause it."""
    number: str
    received_at: dt.datetime
    complainant: str
    unit_code: str
    category_code: str
    repeats: str  # the earlier slip's number
    root_cause: str
    corrective_action: str

    @property
    def analysed(self) -> bool:
        return bool(self.root_cause.strip() and self.corrective_action.strip())


@dataclass
class StaffFigures:
    """One staff member's figures for the period."""
    name: str
    received: int = 0
    handled: int = 0  # answered on the spot, or first replied to, by them
    on_time: int = 0  # of those, by the agreed deadline (an answer on the spot is on time)
    replies: int = 0
    accepted: int = 0
    measured: int = 0  # handled by them, closed in the period, satisfaction asked
    satisfaction_total: int = 0
    satisfied: int = 0  # 较满意 and better

    @property
    def on_time_share(self) -> float | None:
        return self.on_time / self.handled if self.handled else None

    @property
    def accepted_share(self) -> float | None:
        return self.accepted / self.replies if self.replies else None

    @property
    def satisfaction_average(self) -> float | None:
        return self.satisfaction_total / self.measured if self.measured else None


@dataclass
class Review:
    period: Period
    generated_at: dt.datetime
    received: int = 0
    previous_received: int = 0
    by_channel: list[Tally] = field(default_factory=list)
    by_category: list[Tally] = field(default_factory=list)
    by_building: list[Tally] = field(default_factory=list)
    authority: list[Tally] = field(default_factory=list)
    promises: Promises = Promises()
    first_reply: Durations = Durations()
    to_close: Durations = Durations()
    closed: int = 0
    ended_unaccepted: int = 0  # ended by the person in charge: answered within the rules, still not accepted
    reopened_slips: int = 0
    reopenings: int = 0
    satisfaction: list[Tally] = field(default_factory=list)
    satisfaction_measured: int = 0
    satisfied: int = 0
    settled: int = 0
    unsettled: int = 0
    motive_types: list[Tally] = field(default_factory=list)
    motive_kinds: list[Tally] = field(default_factory=list)
    temperaments: list[Tally] = field(default_factory=list)
    motives_confirmed: int = 0
    repeat_units: list[Repeat] = field(default_factory=list)  # the most frequent `top`
    repeat_complainants: list[Repeat] = field(default_factory=list)
    repeat_unit_count: int = 0  # all units with more than one slip
    repeat_complainant_count: int = 0
    open_promises: list[Promise] = field(default_factory=list)
    open_promise_count: int = 0
    repeat_causes: list[RepeatCause] = field(default_factory=list)  # the first `top` (newest first)
    repeat_cause_count: int = 0
    repeats_analysed: int = 0
    staff: list[StaffFigures] = field(default_factory=list)  # most handled on time first
    anchor: str = ""  # the database's anchor when the review left Slipdesk (models.anchors), printed on it

    def count_of(self, tallies: list[Tally], code: str) -> int:
        return next((t.count for t in tallies if t.code == code), 0)


def _in(column, period: Period):
    return (column >= period.start) & (column < period.end)


def _hours(later, earlier):
    """Hours between two timestamps, in SQL, on either backend."""
    if is_sqlite():
        return (fn.julianday(later) - fn.julianday(earlier)) * 24.0
    return fn.date_part("epoch", later - earlier) / 3600.0


def _first_reply(slip_id_column):
    """When the slip was first replied to: its earliest recorded reply (models.replies: the time
    the call, visit or letter was made), else its first history event reaching "replied" (slips
    from before the replies record, and the demo data). Both are index lookups."""
    made = Reply.select(fn.MIN(Reply.at)).where(Reply.slip == slip_id_column)
    reached = (SlipEvent.select(fn.MIN(SlipEvent.at))
               .where((SlipEvent.slip == slip_id_column) & (SlipEvent.to_status == Status.REPLIED)))
    return fn.COALESCE(made, reached)


def compute(period: Period, top: int = TOP) -> Review:
    """Every figure of the review for `period` (see the module docstring for which slips count).

    A few reads of the period's slips, each through an index (received_at, deadline, closed_at),
    aggregated in SQL where the groups are few.
    """
    review = Review(period, clock.now())
    review.previous_received = Slip.select().where(_in(Slip.received_at, period.previous())).count()
    _intake(review, period)
    _promises(review, period)
    review.first_reply = _first_reply_hours(period)
    _closing(review, period)
    _repeats(review, period, top)
    _repeat_causes(review, period, top)
    review.staff = staff_figures(period)
    return review


def _intake(review: Review, period: Period) -> None:
    """Volume, authority, motives and reopenings of the slips received: one grouped read."""
    confirmed = Slip.motive_confirmed_at.is_null(False)
    columns = (Slip.channel, Slip.category, Slip.building, Slip.answered_at_once, Slip.within_authority,
               Slip.motive_type, Slip.motive_kind, Slip.temperament, confirmed)
    query = (Slip.select(*columns, fn.COUNT(Slip.id), fn.SUM(Slip.reopened_count),
                         fn.SUM(peewee.Case(None, [(Slip.reopened_count > 0, 1)], 0)))
             .where(_in(Slip.received_at, period)).group_by(*columns))
    counters = {name: Counter() for name in ("channel", "category", "building", "authority", "type", "kind",
                                             "temperament")}
    for (channel, category, building, at_once, within, m_type, m_kind, temper, is_confirmed,
         n, reopenings, reopened) in query.tuples():
        review.received += n
        review.reopenings += int(reopenings or 0)
        review.reopened_slips += int(reopened or 0)
        review.motives_confirmed += n if is_confirmed else 0
        authority = "answered" if at_once else "undecided" if within is None else "within" if within else "beyond"
        for name, key in (("channel", channel), ("category", category), ("building", building),
                          ("authority", authority), ("type", m_type), ("kind", m_kind), ("temperament", temper)):
            counters[name][key] += n
    review.by_channel = [Tally(str(c), label(c, "zh"), label(c, "en"), counters["channel"][c]) for c in Channel]
    review.by_category = _categories(counters["category"])
    review.by_building = _buildings(counters["building"])
    review.authority = [Tally(code, zh, en, counters["authority"][code]) for code, zh, en in AUTHORITY]
    review.motive_types = _motive_tallies(counters["type"], "type", motives.TYPES)
    review.motive_kinds = _motive_tallies(counters["kind"], "kind", motives.KINDS)
    review.temperaments = [t for t in _motive_tallies(counters["temperament"], "temperament", motives.TEMPERAMENTS)
                           if t.count]


AUTHORITY = (("answered", "当场答复", "Answered at once"), ("within", "处理权限内", "Within authority"),
             ("beyond", "超出处理权限", "Beyond authority"), ("undecided", "未判定", "Not yet decided"))


def _categories(counts: Counter) -> list[Tally]:
    rows = [Tally(c.code, c.name_zh, c.name_en, counts[c.id])
            for c in Category.select().order_by(Category.sort, Category.id) if c.active or counts[c.id]]
    return sorted(rows, key=lambda t: -t.count)


def _buildings(counts: Counter) -> list[Tally]:
    rows = [Tally(str(b), f"{b}号楼", f"Building {b}", n) for b, n in sorted(
        (b, n) for b, n in counts.items() if b is not None)]
    if counts[None]:
        rows.append(Tally("", "未登记楼栋", "No unit", counts[None]))
    return rows


def _motive_tallies(counts: Counter, target: str, codes: tuple[str, ...]) -> list[Tally]:
    return [Tally(c, motives.label(target, c, "zh"), motives.label(target, c, "en"), counts[c]) for c in codes]


def _promises(review: Review, period: Period) -> None:
    """The agreed deadlines falling in the period: kept, late or still open, and the open ones listed."""
    query = (Slip.select(Slip.number, Slip.complainant_name, Slip.unit_code, Slip.deadline, Slip.status,
                         _first_reply(Slip.id).alias("replied"))
             .where(_in(Slip.deadline, period), ~Slip.answered_at_once).order_by(Slip.deadline))
    now = clock.now()
    due = kept = late = overdue = pending = 0
    open_ones: list[Promise] = []
    for number, name, unit, deadline, status, replied in query.tuples():
        due += 1
        if replied is not None:
            replied = _as_datetime(replied)
            kept, late = (kept + 1, late) if replied <= deadline else (kept, late + 1)
            continue
        overdue, pending = (overdue + 1, pending) if deadline < now else (overdue, pending + 1)
        if status not in FINISHED_STATUSES:
            open_ones.append(Promise(number, name, unit, deadline, status, deadline < now))
    review.promises = Promises(due, kept, late, overdue, pending)
    review.open_promises, review.open_promise_count = open_ones[:PROMISE_ROWS], len(open_ones)


def _as_datetime(value) -> dt.datetime:
    """A subquery's timestamp: SQLite hands back text, PostgreSQL a datetime."""
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))


def _hours_list(query) -> list[float]:
    return [float(h) for (h,) in query.tuples() if h is not None and h >= 0]


def _first_reply_hours(period: Period) -> Durations:
    first = _first_reply(Slip.id)
    rows = (Slip.select(Slip.received_at.alias("received_at"), first.alias("replied"))
            .where(_in(Slip.received_at, period), ~Slip.answered_at_once)).alias("r")
    query = peewee.Select([rows], [_hours(rows.c.replied, rows.c.received_at)]).where(
        rows.c.replied.is_null(False)).bind(Slip._meta.database)
    return Durations.of(_hours_list(query))


def _closing(review: Review, period: Period) -> None:
    """Time to close, satisfaction and settled, of the slips closed in the period: one read."""
    query = (Slip.select(Slip.satisfaction, Slip.settled, Slip.answered_at_once, Slip.status,
                         _hours(Slip.closed_at, Slip.received_at))
             .where(_in(Slip.closed_at, period)))  # closed_at is set only on closing (or ending)
    levels: Counter = Counter()
    hours: list[float] = []
    for level, settled, at_once, status, taken in query.tuples():
        levels[level] += 1
        if settled is not None:
            review.settled += bool(settled)
            review.unsettled += not settled
        if status == Status.ENDED_UNACCEPTED:
            review.ended_unaccepted += 1
            continue
        review.closed += 1
        if not at_once and taken is not None and taken >= 0:
            hours.append(float(taken))
    review.to_close = Durations.of(hours)
    review.satisfaction = [Tally(str(lv.value), lv.name_zh, lv.name_en, levels[lv.value])
                           for lv in satisfaction.LEVELS]
    review.satisfaction_measured = sum(t.count for t in review.satisfaction)
    review.satisfied = sum(t.count for t in review.satisfaction if int(t.code) >= satisfaction.SATISFIED_FROM)


def _repeats(review: Review, period: Period, top: int) -> None:
    """Units and complainants with more than one slip received in the period, most first."""
    count = fn.COUNT(Slip.id)
    units = (Slip.select(Slip.unit_code, count).where(_in(Slip.received_at, period), Slip.unit_code != "")
             .group_by(Slip.unit_code).having(count > 1))
    people = (Slip.select(Slip.complainant_name, Slip.unit_code, count)
              .where(_in(Slip.received_at, period), Slip.complainant_name != "")
              .group_by(Slip.complainant_name, Slip.unit_code).having(count > 1))
    unit_rows = sorted(((-n, code) for code, n in units.tuples()))
    people_rows = sorted(((-n, name, unit) for name, unit, n in people.tuples()))
    review.repeat_units = [Repeat(code, "", -n) for n, code in unit_rows[:top]]
    review.repeat_complainants = [Repeat(name, unit, -n) for n, name, unit in people_rows[:top]]
    review.repeat_unit_count, review.repeat_complainant_count = len(unit_rows), len(people_rows)


def _repeat_causes(review: Review, period: Period, top: int) -> None:
    """The repeated complaints received in the period, newest first, with their causes."""
    query = (Slip.select(Slip.number, Slip.received_at, Slip.complainant_name, Slip.unit_code, Category.code,
                         Slip.repeat_of, Slip.root_cause, Slip.corrective_action)
             .join(Category).where(_in(Slip.received_at, period), Slip.repeat_of != "")
             .order_by(Slip.received_at.desc(), Slip.id.desc()))
    rows = [RepeatCause(*row) for row in query.tuples()]
    review.repeat_cause_count = len(rows)
    review.repeats_analysed = sum(1 for row in rows if row.analysed)
    review.repeat_causes = rows[:top]


def staff_figures(period: Period) -> list[StaffFigures]:
    """Each staff member's figures (see the module docstring), best on-time handlers first."""
    people: dict[int, StaffFigures] = {}

    def of(user_id: int) -> StaffFigures:
        if user_id not in people:
            people[user_id] = StaffFigures("")
        return people[user_id]

    for user_id, n in (Slip.select(Slip.received_by, fn.COUNT(Slip.id)).where(_in(Slip.received_at, period))
                       .group_by(Slip.received_by).tuples()):
        of(user_id).received += n
    for (user_id,) in (Slip.select(Slip.received_by)
                       .where(_in(Slip.received_at, period), Slip.answered_at_once).tuples()):
        of(user_id).handled += 1
        of(user_id).on_time += 1
    earlier = Reply.alias()
    first = ~fn.EXISTS(earlier.select(earlier.id).where(
        (earlier.slip == Reply.slip) & ((earlier.at < Reply.at) | ((earlier.at == Reply.at) & (earlier.id < Reply.id)))))
    kept = fn.SUM(peewee.Case(None, [(Slip.deadline.is_null() | (Reply.at <= Slip.deadline), 1)], 0))
    for user_id, handled, on_time in (Reply.select(Reply.recorded_by, fn.COUNT(Reply.id), kept).join(Slip)
                                      .where(_in(Reply.at, period), first).group_by(Reply.recorded_by).tuples()):
        of(user_id).handled += handled
        of(user_id).on_time += int(on_time or 0)
    for user_id, opinion, n in (Reply.select(Reply.recorded_by, Reply.opinion, fn.COUNT(Reply.id))
                                .where(_in(Reply.at, period)).group_by(Reply.recorded_by, Reply.opinion).tuples()):
        of(user_id).replies += n
        of(user_id).accepted += n if opinion == "accepted" else 0
    _staff_satisfaction(period, of)
    for user in User.select(User.id, User.display_name).where(User.id.in_(list(people))):
        people[user.id].name = user.display_name
    return sorted(people.values(), key=lambda f: (-f.on_time, -f.handled, -f.received, f.name))


def _staff_satisfaction(period: Period, of) -> None:
    """The satisfaction of the slips closed in the period, for whoever handled each: its first
    reply's maker, or the clerk who answered it on the spot."""
    first_reply = (Reply.select(Reply.recorded_by).where(Reply.slip == Slip.id)
                   .order_by(Reply.at, Reply.id).limit(1))
    who = fn.COALESCE(first_reply, peewee.Case(None, [(Slip.answered_at_once, Slip.received_by)], None))
    satisfied = fn.SUM(peewee.Case(None, [(Slip.satisfaction >= satisfaction.SATISFIED_FROM, 1)], 0))
    query = (Slip.select(who.alias("who"), fn.COUNT(Slip.id), fn.SUM(Slip.satisfaction), satisfied)
             .where(_in(Slip.closed_at, period), Slip.satisfaction.is_null(False)).group_by(peewee.SQL("1")))
    for user_id, measured, total, happy in query.tuples():
        if user_id is None:
            continue
        figures = of(user_id)
        figures.measured += measured
        figures.satisfaction_total += int(total or 0)
        figures.satisfied += int(happy or 0)


def require_exporter(user: User | None) -> None:
    """The review names complainants and their units: only a person in charge or a manager takes
    it out of Slipdesk as a file (models.disclosure, the policy of every export); the admin
    console names the account (--user)."""
    from models import disclosure

    disclosure.require(user, action=t("export the review"))


def anchored(reviewed: Review) -> Review:
    """The review with the database's anchor taken now (and kept in its file), to be printed on it:
    a later rewound or rewritten database no longer extends what the printed review shows."""
    from models import anchors

    anchor = anchors.take_and_keep()
    reviewed.anchor = f"{anchor.fingerprint} · {anchor.taken_at:%Y-%m-%d %H:%M}"
    return reviewed


def record_export(user: User | None, period: Period, fmt: str, target: str = "") -> None:
    """Log a review leaving Slipdesk as a file, in the audit log."""
    require_exporter(user)
    with write_transaction():
        audit.log(user, "review_exported", period=period.code, format=fmt, to=target)
