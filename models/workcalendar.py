"""The estate's working calendar: each year's public holidays and make-up working days (调休).

The State Council publishes next year's holidays each autumn (国务院办公厅关于…年部分节假日安排的
通知); the chinese-calendar package carries them only until its next release, and an installed
desk never gets one. So the calendar lives in the database, shared by every desk: a year is
*complete* once its schedule was saved (seeded from the package, imported from the notice, an
.ics or .csv file, or marked day by day by a manager), *missing* until then. Every reply deadline
reads it through models.deadlines; a missing year counts plain weekdays there, said as such.

Every change of a year is one transaction and one audit event saying what changed and where it
came from. The days are read once and kept while the rules' token (models.rule_stamp) stands:
triggers renew it when any desk changes the calendar.
"""
from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field

import peewee

from models import clock, estates, rule_stamp, statements
from models.accounts import User
from models.db import BaseModel, write_transaction
from models.i18n import is_chinese, t

log = logging.getLogger("slipdesk.calendar")

HOLIDAY, WORKDAY = "holiday", "workday"
KINDS = (HOLIDAY, WORKDAY)
SOURCES = ("package", "notice", "ics", "csv", "manual")
YEARS_BACK, YEARS_AHEAD = 10, 2  # a schedule is kept for these years around today's, no other

# The holidays as the notice names them, with the package's English names and the desk's own.
HOLIDAY_NAMES = {
    "元旦": "New Year's Day",
    "春节": "Spring Festival",
    "清明节": "Tomb-sweeping Day",
    "劳动节": "Labour Day",
    "端午节": "Dragon Boat Festival",
    "中秋节": "Mid-autumn Festival",
    "国庆节": "National Day",
    "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日": "Anti-Fascist 70th Day",
}
_FROM_PACKAGE = {english: chinese for chinese, english in HOLIDAY_NAMES.items()}


class CalendarYear(BaseModel):
    """A year whose schedule is complete, and where it came from."""
    year = peewee.IntegerField(primary_key=True)
    source = peewee.CharField(max_length=16)  # one of SOURCES
    origin = peewee.CharField(max_length=255, default="")  # the file read, or the package's version
    changed_at = peewee.DateTimeField()
    changed_by = peewee.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")


class CalendarDay(BaseModel):
    """A day off on a working weekday's place (holiday) or a weekend day worked (workday)."""
    day = peewee.DateField(unique=True)
    year = peewee.IntegerField(index=True)  # the schedule that declares it (2012's declared 2011-12-31)
    kind = peewee.CharField(max_length=8)
    name = peewee.CharField(max_length=64, default="")  # the holiday it belongs to, as the notice says


@dataclass(frozen=True)
class DayMark:
    kind: str  # HOLIDAY or WORKDAY
    name: str = ""


@dataclass(frozen=True)
class Schedule:
    """One year's holidays and make-up working days, as a notice, a file or a manager gives them."""
    year: int
    days: Mapping[dt.date, DayMark]

    def holidays(self) -> list[dt.date]:
        return sorted(day for day, mark in self.days.items() if mark.kind == HOLIDAY)

    def workdays(self) -> list[dt.date]:
        return sorted(day for day, mark in self.days.items() if mark.kind == WORKDAY)


@dataclass(frozen=True)
class WorkCalendar:
    """The calendar as read: which years are complete, and every marked day."""
    years: frozenset[int]
    marks: Mapping[dt.date, DayMark] = field(default_factory=dict)
    owners: Mapping[dt.date, int] = field(default_factory=dict)  # the year whose schedule declares each day

    def known(self, year: int) -> bool:
        return year in self.years

    def mark(self, day: dt.date) -> DayMark | None:
        return self.marks.get(day)

    def is_workday(self, day: dt.date) -> bool:
        """Working day on the Chinese calendar; for a missing year a weekday estimate (logged once)."""
        mark = self.marks.get(day)
        if mark is not None:
            return mark.kind == WORKDAY
        if day.year not in self.years:
            _warn_missing(day.year)
        return day.weekday() < 5

    def with_schedule(self, schedule: Schedule) -> WorkCalendar:
        """This calendar with `schedule` in place of its year's days: what a change would make."""
        kept = {day for day, year in self.owners.items() if year != schedule.year}
        marks = {day: mark for day, mark in self.marks.items() if day in kept}
        owners = {day: self.owners[day] for day in kept}
        for day, mark in schedule.days.items():
            if day not in kept:
                marks[day], owners[day] = mark, schedule.year
        return WorkCalendar(self.years | {schedule.year}, marks, owners)


def from_schedules(schedules: list[Schedule] | tuple[Schedule, ...]) -> WorkCalendar:
    """A calendar made of these schedules alone (the package's years, a test's entered year)."""
    calendar = WorkCalendar(frozenset())
    for schedule in schedules:
        calendar = calendar.with_schedule(schedule)
    return calendar


_warned_years: set[int] = set()


def _warn_missing(year: int) -> None:
    if year not in _warned_years:
        _warned_years.add(year)
        log.warning("the working calendar has no holidays for %s yet: counting weekdays only "
                    "(a manager enters %s's schedule: Working calendar, or slipdesk-admin calendar import)",
                    year, year)


# each estate keeps its own calendar (models.estates); head office's login counts on its own
_YEARS_SQL = 'SELECT "year" FROM "calendar_year" WHERE 1 = 1'
_DAYS_SQL = 'SELECT "day", "kind", "name", "year" FROM "calendar_day" WHERE 1 = 1'
_kept: tuple[int, WorkCalendar] | None = None


def current() -> WorkCalendar:
    """The calendar every deadline counts on: read again only after some desk changed it."""
    global _kept
    token = rule_stamp.token()
    if _kept is not None and _kept[0] == token:
        return _kept[1]
    years = frozenset(int(row[0]) for row in statements.rows(_YEARS_SQL + estates.own_filter()))
    marks, owners = {}, {}
    for day, kind, name, year in statements.rows(_DAYS_SQL + estates.own_filter()):
        marks[as_date(day)], owners[as_date(day)] = DayMark(kind, name), int(year)
    _kept = (token, WorkCalendar(years, marks, owners))
    return _kept[1]


def forget() -> None:
    """Drop the calendar kept: another database is opened."""
    global _kept
    _kept = None


def as_date(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def _year_days(year: int) -> dict[dt.date, DayMark]:
    return {row.day if isinstance(row.day, dt.date) else as_date(row.day): DayMark(row.kind, row.name)
            for row in CalendarDay.select().where(CalendarDay.year == year)}


def schedule_of(year: int) -> Schedule | None:
    """The saved schedule of `year`, None while the year is missing."""
    if CalendarYear.get_or_none(CalendarYear.year == year) is None:
        return None
    return Schedule(year, _year_days(year))


def year_record(year: int) -> CalendarYear | None:
    return CalendarYear.get_or_none(CalendarYear.year == year)


def missing_years(first: int, last: int) -> list[int]:
    known = current().years
    return [year for year in range(first, last + 1) if year not in known]


def editable_years(today: dt.date | None = None) -> range:
    today = today or clock.now().date()
    return range(today.year - YEARS_BACK, today.year + YEARS_AHEAD + 1)


def holiday_label(name: str, lang: str) -> str:
    """A holiday's name in `lang` (the notice's Chinese name is the one kept)."""
    return name if is_chinese(lang) else HOLIDAY_NAMES.get(name, name)


# ----- checking a schedule

def problems_of(schedule: Schedule, today: dt.date | None = None) -> list[str]:
    """What keeps `schedule` from being saved: the year, and days that cannot be what they say."""
    problems = []
    if schedule.year not in editable_years(today):
        window = editable_years(today)
        problems.append(t("{year} is too far from today: a schedule is kept for {first}–{last}.",
                          year=schedule.year, first=window.start, last=window.stop - 1))
    if not any(mark.kind == HOLIDAY for mark in schedule.days.values()):
        problems.append(t("The schedule for {year} has no holiday at all.",
                          year=schedule.year))
    for day, mark in sorted(schedule.days.items()):
        problems.extend(day_problems(schedule.year, day, mark))
    return problems


def day_problems(year: int, day: dt.date, mark: DayMark) -> list[str]:
    """What is wrong with one day of `year`'s schedule (nothing: an empty list)."""
    problems = []
    if mark.kind not in KINDS:
        problems.append(t("{day}: “{kind}” is neither a holiday nor a make-up working day.", day=day, kind=mark.kind))
    if day.year != year and not at_year_turn(year, day):
        problems.append(t("{day} is not in {year} nor at its turn of the year.", day=day, year=year))
    if mark.kind == WORKDAY and day.weekday() < 5:
        problems.append(t("{day} is a weekday: a make-up working day (调休上班) is a Saturday or Sunday.", day=day))
    return problems


def at_year_turn(year: int, day: dt.date) -> bool:
    """The days a year's notice may name outside it: the December before (2012's notice: 2011年12月31日上班)."""
    return day.year == year - 1 and day.month == 12


# ----- saving a year

@dataclass(frozen=True)
class YearChange:
    """What saving a schedule changed, and the open slips whose deadlines now count differently."""
    year: int
    added: dict[dt.date, DayMark]
    removed: dict[dt.date, DayMark]
    was_missing: bool
    moved: list  # models.deadlines.MovedDeadline, for the person in charge to review

    @property
    def changed(self) -> bool:
        return self.was_missing or bool(self.added or self.removed)


def diff(schedule: Schedule) -> tuple[dict[dt.date, DayMark], dict[dt.date, DayMark], bool]:
    """(days added or changed, days removed or changed, whether the year was missing)."""
    saved = schedule_of(schedule.year)
    before = dict(saved.days) if saved else {}
    added = {day: mark for day, mark in schedule.days.items() if before.get(day) != mark}
    removed = {day: mark for day, mark in before.items() if schedule.days.get(day) != mark}
    return added, removed, saved is None


def write_year(schedule: Schedule, source: str, origin: str, user: User | None) -> None:
    CalendarDay.delete().where(CalendarDay.year == schedule.year).execute()
    taken = {as_date(row.day) for row in CalendarDay.select(CalendarDay.day)
             .where(CalendarDay.day.in_([day for day in schedule.days if day.year != schedule.year]))}
    rows = [{"day": day, "year": schedule.year, "kind": mark.kind, "name": mark.name}
            for day, mark in sorted(schedule.days.items()) if day not in taken]
    if rows:
        CalendarDay.insert_many(rows).execute()
    CalendarYear.insert(year=schedule.year, source=source, origin=origin[:255], changed_at=clock.now(),
                        changed_by=user).on_conflict(
        conflict_target=estates.conflict_target("year"),
        update={CalendarYear.source: source, CalendarYear.origin: origin[:255], CalendarYear.changed_at: clock.now(),
                CalendarYear.changed_by: user}).execute()


# ----- the package's years

def package_schedules() -> dict[int, Schedule]:
    """The years the installed chinese-calendar package covers, each as a schedule."""
    import chinese_calendar

    by_year: dict[int, dict[dt.date, DayMark]] = {}
    for table, kind in ((chinese_calendar.holidays, HOLIDAY), (chinese_calendar.workdays, WORKDAY)):
        for day, name in table.items():
            by_year.setdefault(_notice_year(day, kind, name), {})[day] = DayMark(kind, _FROM_PACKAGE.get(name, name))
    return {year: Schedule(year, days) for year, days in by_year.items()}


def _notice_year(day: dt.date, kind: str, name: str) -> int:
    """The notice that declared the day: a late-December workday before New Year's is next year's."""
    if kind == WORKDAY and day.month == 12 and name == "New Year's Day":
        return day.year + 1
    return day.year


def package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"chinese-calendar {version('chinese-calendar')}"
    except PackageNotFoundError:
        return "chinese-calendar"


def seed_from_package() -> list[int]:
    """Save every year the package covers that the database does not hold yet (never overwrites a
    year a manager saved); the years seeded. Each year's row records the package and when: the
    seed changes no one's work, so it writes no audit event (an upgrade leaves the audit log as it was)."""
    with write_transaction():
        known = {row.year for row in CalendarYear.select(CalendarYear.year)}
        schedules = {year: s for year, s in package_schedules().items() if year not in known}
        origin = package_version()
        for year in sorted(schedules):
            write_year(schedules[year], "package", origin, None)
    return sorted(schedules)
