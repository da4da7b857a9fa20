"""The weekly and monthly review (每周或每月做定时总结和检讨): what came in, how it was handled.

The seed: “如果发生缺点、问题、困难和应改善点,则应立即改善解决,并在每周或每月做定时总结和检讨”,
and complaints are reported to top management promptly (satisfaction-and-loyalty). One
`compute(period)` gathers every figure with aggregate SQL that uses the slip indexes, so a
month of a million-slip database reviews in well under a second on SQLite and PostgreSQL; the
screen (desktop/pages/review.py), the PDF (printouts/review.py) and the workbook
(printouts/review_xlsx.py) all show the same `Review`.

Each section names the slips it counts:
- intake figures (volume, authority, motives, repeats, first reply, reopened): slips received in
  the period;
- promises: slips whose agreed reply deadline (约定回复时限) falls in the period — kept (replied by
  the deadline), late, or still open;
- closing figures (time to close, satisfaction, settled): slips closed in the period.
A reply counts at its `record_reply` history event (the slip reaching "replied").
"""
from __future__ import annotations

import datetime as dt
import re
import statistics
from dataclasses import dataclass, field

import peewee
from peewee import SQL, fn

from models import audit, clock, motives, satisfaction
from models.accounts import User, require_role
from models.catalog import Category
from models.db import is_sqlite, write_transaction
from models.errors import ValidationFailed
from models.history import SlipEvent
from models.slips import Slip
from models.vocab import FINISHED_STATUSES, Channel, Role, Status, label

TOP = 10  # rows of the repeat lists on the screen and the PDF
WORKBOOK_TOP = 1000  # rows of the repeat lists in the XLSX workbook
READERS = (Role.SUPERVISOR, Role.MANAGER)  # the review names complainants: not for every desk
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

    def title(self, lang: str = "zh") -> str:
        last = self.end - dt.timedelta(days=1)
        if self.kind == "month":
            return f"{self.start.year}年{self.start.month}月" if lang.startswith("zh") else f"{self.start:%B %Y}"
        year, week, _day = self.start.date().isocalendar()
        if lang.startswith("zh"):
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


def parse_period(text: str) -> Period:
    """“2026-11” (a month) or “2026-W47” (an ISO week)."""
    try:
        if found := _MONTH.match(text or ""):
            return month(int(found.group(1)), int(found.group(2)))
        if found := _WEEK.match(text or ""):
            return week(int(found.group(1)), int(found.group(2)))
    except ValueError:
        pass
    raise ValidationFailed({"period": f"“{text}” is not a period: write a month as 2026-11 or a week as 2026-W47."})


# ---------------------------------------------------------------------------------------------
# The figures

@dataclass(frozen=True)
class Tally:
    """One row of a breakdown: a stored code, its names, how many."""
    code: str
    name_zh: str
    name_en: str
    count: int

    def name(self, lang: str = "zh") -> str:
        return self.name_zh if lang.startswith("zh") else self.name_en


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
    """A unit or a complainant with several slips in the period."""
    key: str
    detail: str
    count: int


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

    def count_of(self, tallies: list[Tally], code: str) -> int:
        return next((t.count for t in tallies if t.code == code), 0)


def _in(column, period: Period):
    return (column >= period.start) & (column < period.end)


def _hours(later, earlier):
    """Hours between two timestamps, in SQL, on either backend."""
    if is_sqlite():
        return (fn.julianday(later) - fn.julianday(earlier)) * 24.0
    return fn.date_part("epoch", later - earlier) / 3600.0


def _replies(slip_id_column, *columns):
    """The slip's replies: its history events reaching "replied" (workflow.record_reply)."""
    return (SlipEvent.select(*columns)
            .where((SlipEvent.slip == slip_id_column) & (SlipEvent.to_status == Status.REPLIED)))


def _first_reply(slip_id_column):
    return _replies(slip_id_column, fn.MIN(SlipEvent.at))


def compute(period: Period, top: int = TOP) -> Review:
    """Every figure of the review for `period` (see the module docstring for which slips count)."""
    review = Review(period, clock.now())
    received = Slip.select().where(_in(Slip.received_at, period))
    review.received = received.count()
    review.previous_received = Slip.select().where(_in(Slip.received_at, period.previous())).count()
    review.by_channel = _by_channel(period)
    review.by_category = _by_category(period)
    review.by_building = _by_building(period)
    review.authority = _authority(period)
    review.promises = _promises(period)
    review.first_reply = _first_reply_hours(period)
    _closing(review, period)
    _reopened(review, period)
    _motives(review, period)
    review.repeat_units, review.repeat_complainants = _repeats(period, top)
    review.repeat_unit_count, review.repeat_complainant_count = _repeat_totals(period)
    review.open_promises, review.open_promise_count = _open_promises(period)
    return review


def _grouped(column, period: Period) -> list[tuple]:
    return list(Slip.select(column, fn.COUNT(Slip.id)).where(_in(Slip.received_at, period))
                .group_by(column).tuples())


def _by_channel(period: Period) -> list[Tally]:
    counts = dict(_grouped(Slip.channel, period))
    return [Tally(str(c), label(c, "zh"), label(c, "en"), counts.get(c, 0)) for c in Channel]


def _by_category(period: Period) -> list[Tally]:
    counts = dict(_grouped(Slip.category, period))
    rows = [Tally(c.code, c.name_zh, c.name_en, counts.get(c.id, 0))
            for c in Category.select().order_by(Category.sort, Category.id) if c.active or counts.get(c.id)]
    return sorted(rows, key=lambda t: -t.count)


def _by_building(period: Period) -> list[Tally]:
    counts = _grouped(Slip.building, period)
    rows = [Tally(str(b), f"{b}号楼", f"Building {b}", n) for b, n in counts if b is not None]
    rows.sort(key=lambda t: int(t.code))
    missing = sum(n for b, n in counts if b is None)
    if missing:
        rows.append(Tally("", "未登记楼栋", "No unit", missing))
    return rows


def _authority(period: Period) -> list[Tally]:
    tally = {"answered": 0, "within": 0, "beyond": 0, "undecided": 0}
    for at_once, within, n in (Slip.select(Slip.answered_at_once, Slip.within_authority, fn.COUNT(Slip.id))
                               .where(_in(Slip.received_at, period))
                               .group_by(Slip.answered_at_once, Slip.within_authority).tuples()):
        key = ("answered" if at_once else "undecided" if within is None else "within" if within else "beyond")
        tally[key] += n
    at_once, within, beyond, undecided = tally.values()
    return [Tally("answered", "当场答复", "Answered at once", at_once),
            Tally("within", "处理权限内", "Within authority", within),
            Tally("beyond", "超出处理权限", "Beyond authority", beyond),
            Tally("undecided", "未判定", "Not yet decided", undecided)]


def _promise_rows(period: Period):
    first = _first_reply(Slip.id)
    return (Slip.select(Slip.deadline.alias("deadline"), first.alias("replied"))
            .where(_in(Slip.deadline, period), ~Slip.answered_at_once))


def _promises(period: Period) -> Promises:
    rows = _promise_rows(period).alias("p")
    replied, deadline = rows.c.replied, rows.c.deadline
    now = clock.now()

    def share(condition):
        return fn.SUM(peewee.Case(None, [(condition, 1)], 0))

    query = peewee.Select([rows], [
        fn.COUNT(SQL("*")),
        share(replied.is_null(False) & (replied <= deadline)),
        share(replied.is_null(False) & (replied > deadline)),
        share(replied.is_null() & (deadline < now)),
        share(replied.is_null() & (deadline >= now)),
    ]).bind(Slip._meta.database)
    due, kept, late, overdue, pending = (v or 0 for v in query.tuples().get())
    return Promises(due, kept, late, overdue, pending)


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
    closed = Slip.select().where(_in(Slip.closed_at, period))  # closed_at is set only on closing
    review.closed = closed.count()
    review.to_close = Durations.of(_hours_list(
        closed.select(_hours(Slip.closed_at, Slip.received_at)).where(~Slip.answered_at_once)))
    counts = dict(closed.select(Slip.satisfaction, fn.COUNT(Slip.id)).group_by(Slip.satisfaction).tuples())
    review.satisfaction = [Tally(str(lv.value), lv.name_zh, lv.name_en, counts.get(lv.value, 0))
                           for lv in satisfaction.LEVELS]
    review.satisfaction_measured = sum(t.count for t in review.satisfaction)
    review.satisfied = sum(t.count for t in review.satisfaction if int(t.code) >= satisfaction.SATISFIED_FROM)
    settled = dict(closed.select(Slip.settled, fn.COUNT(Slip.id)).where(Slip.settled.is_null(False))
                   .group_by(Slip.settled).tuples())
    review.settled = sum(n for k, n in settled.items() if k)
    review.unsettled = sum(n for k, n in settled.items() if not k)


def _reopened(review: Review, period: Period) -> None:
    reopened = Slip.select().where(_in(Slip.received_at, period), Slip.reopened_count > 0)
    review.reopened_slips = reopened.count()
    review.reopenings = int(reopened.select(fn.SUM(Slip.reopened_count)).scalar() or 0)


def _motive_tallies(column, target: str, codes: tuple[str, ...], period: Period) -> list[Tally]:
    counts = dict(_grouped(column, period))
    rows = [Tally(c, motives.label(target, c, "zh"), motives.label(target, c, "en"), counts.get(c, 0))
            for c in codes]
    return [t for t in rows if t.count] if target == "temperament" else rows


def _motives(review: Review, period: Period) -> None:
    review.motive_types = _motive_tallies(Slip.motive_type, "type", motives.TYPES, period)
    review.motive_kinds = _motive_tallies(Slip.motive_kind, "kind", motives.KINDS, period)
    review.temperaments = _motive_tallies(Slip.temperament, "temperament", motives.TEMPERAMENTS, period)
    review.motives_confirmed = Slip.select().where(
        _in(Slip.received_at, period), Slip.motive_confirmed_at.is_null(False)).count()


def _repeats(period: Period, top: int) -> tuple[list[Repeat], list[Repeat]]:
    count = fn.COUNT(Slip.id)
    units = (Slip.select(Slip.unit_code, count).where(_in(Slip.received_at, period), Slip.unit_code != "")
             .group_by(Slip.unit_code).having(count > 1).order_by(count.desc(), Slip.unit_code).limit(top))
    people = (Slip.select(Slip.complainant_name, Slip.phone, count)
              .where(_in(Slip.received_at, period), Slip.complainant_name != "")
              .group_by(Slip.complainant_name, Slip.phone).having(count > 1)
              .order_by(count.desc(), Slip.complainant_name).limit(top))
    return ([Repeat(code, "", n) for code, n in units.tuples()],
            [Repeat(name, phone, n) for name, phone, n in people.tuples()])


def _repeat_totals(period: Period) -> tuple[int, int]:
    """How many units and how many complainants complained more than once in the period."""
    count = fn.COUNT(Slip.id)
    units = (Slip.select(Slip.unit_code).where(_in(Slip.received_at, period), Slip.unit_code != "")
             .group_by(Slip.unit_code).having(count > 1))
    people = (Slip.select(Slip.complainant_name).where(_in(Slip.received_at, period), Slip.complainant_name != "")
              .group_by(Slip.complainant_name, Slip.phone).having(count > 1))
    return units.count(), people.count()


def _open_promises(period: Period) -> tuple[list[Promise], int]:
    open_ones = (Slip.select(Slip.number, Slip.complainant_name, Slip.unit_code, Slip.deadline, Slip.status)
                 .where(_in(Slip.deadline, period), ~Slip.answered_at_once,
                        Slip.status.not_in(FINISHED_STATUSES), ~fn.EXISTS(_replies(Slip.id, SQL("1")))))
    now = clock.now()
    rows = [Promise(n, name, unit, deadline, status, deadline < now)
            for n, name, unit, deadline, status in open_ones.order_by(Slip.deadline).limit(PROMISE_ROWS).tuples()]
    return rows, open_ones.count()


def require_exporter(user: User | None) -> None:
    """The review lists complainants' names and phones: only a person in charge or a manager
    takes it out of Slipdesk as a file (`user` None: the admin console, which holds the file)."""
    if user is not None:
        require_role(user, *READERS, action="export the review")


def record_export(user: User | None, period: Period, fmt: str, target: str = "") -> None:
    """Log a review leaving Slipdesk as a file, in the audit log."""
    require_exporter(user)
    with write_transaction():
        audit.log(user, "review_exported", period=period.code, format=fmt, to=target)
