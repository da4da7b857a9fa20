"""Reading a year's holidays and make-up working days from what is published: the State Council's
notice as text (国务院办公厅关于…年部分节假日安排的通知), an .ics calendar or a CSV table.

A reading never saves anything: it says what it understood, section by section, and every problem
with the line it is on, so the manager (or `slipdesk-admin calendar import --dry-run`) sees both
before a year is saved whole with models.calendar_years.save_year. A reading with any problem is not
saved at all: half a year's holidays would count the other half as working days without a word.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from models.errors import SlipdeskError
from models.i18n import pick, t
from models.workcalendar import (HOLIDAY, HOLIDAY_NAMES, WORKDAY, DayMark, Schedule, at_year_turn, day_problems,
                                 editable_years)

MAX_HOLIDAY_DAYS = 15  # no published holiday is longer: a longer range is a typing mistake
MAX_FILE_BYTES = 2_000_000


class UnreadableCalendar(SlipdeskError):
    """A file that is no text, no calendar, or not there at all."""


@dataclass(frozen=True)
class Problem:
    line: int  # 1-based; 0 for the reading as a whole
    text: str  # the line as read
    message: str

    def __str__(self) -> str:
        where = t("line {line}", line=self.line) if self.line else t("the file")
        return f"{where}: {self.message}" + (f"  〔{self.text.strip()[:80]}〕" if self.text.strip() else "")


@dataclass(frozen=True)
class Understood:
    """One holiday as the reading took it: what the manager checks before saving."""
    line: int
    name: str
    holidays: tuple[dt.date, ...]
    workdays: tuple[dt.date, ...]


@dataclass
class Reading:
    source: str  # "notice", "ics" or "csv"
    year: int | None = None
    days: dict[dt.date, DayMark] = field(default_factory=dict)
    lines: dict[dt.date, int] = field(default_factory=dict)  # where each day was read
    understood: list[Understood] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.year is not None and bool(self.days) and not self.problems

    def schedule(self) -> Schedule:
        if not self.ok:
            raise ValueError("a reading with problems is never saved")
        return Schedule(self.year, dict(self.days))

    def problem(self, line: int, text: str, message: str) -> None:
        self.problems.append(Problem(line, text, message))

    def put(self, day: dt.date, mark: DayMark, line: int, text: str) -> None:
        """One day read; a day read twice must say the same thing both times."""
        known = self.days.get(day)
        if known is None:
            self.days[day], self.lines[day] = mark, line
        elif known.kind != mark.kind:
            self.problem(line, text, t("{day} is both a holiday and a make-up working day (see line {other}).",
                                       day=day, other=self.lines[day]))
        elif known.name != mark.name:
            self.problem(line, text, t("{day} is in two holidays: {first} and {second}.",
                                       day=day, first=known.name, second=mark.name))


# ----- files

def read_file(path: str | Path, year: int | None = None, today: dt.date | None = None) -> Reading:
    """A notice (.txt or any text), an .ics or a .csv file, by its ending."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise UnreadableCalendar(t("Cannot read {path}: {error}",
                                   path=path, error=err.strerror or err)) from err
    if len(raw) > MAX_FILE_BYTES:
        raise UnreadableCalendar(t("{path} is too large for a year's holidays ({size:,} bytes).", path=path, size=len(raw)))
    suffix = path.suffix.lower()
    if suffix in (".ics", ".ical", ".ifb"):
        return read_ics(raw, year, today)
    text = decode(raw, path)
    if suffix == ".csv":
        return read_csv(text, year, today)
    return read_notice(text, year, today)


def decode(raw: bytes, path: str | Path = "") -> str:
    """The text of a file saved as UTF-8 (with or without BOM) or GB18030, as Chinese editors save."""
    if b"\x00" in raw[:4096]:
        raise UnreadableCalendar(t("{path} is not a text file.", path=path))
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableCalendar(t("{path} is neither UTF-8 nor GB18030 text.",
                               path=path))


# ----- the State Council's notice

_TITLE_YEAR = re.compile(r"(\d{4})\s*年\s*(?:部分\s*)?节假日")
_SECTION = re.compile(r"(?:^|(?<=[。；;\s]))([一二三四五六七八九十]{1,3})\s*[、.]\s*([^:、。\n]{1,40}(?:、[^:、。\n]{1,40})*)\s*:")
_DATE = re.compile(r"(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日\s*(?:\(([^)]*)\))?")
_RANGE = re.compile(r"^\s*(?:至|到|-|~|—|–)\s*$")
_DAYS = re.compile(r"共\s*(\d{1,2})\s*天")
_WEEKDAY = re.compile(r"(?:周|星期|礼拜)([一二三四五六日天])")
_WEEKDAYS = "一二三四五六日"
_OFF_WORDS = ("放假", "休假", "补休", "公休", "休息")


def read_notice(text: str, year: int | None = None, today: dt.date | None = None) -> Reading:
    """The notice as published, pasted or saved as text: its numbered sections (一、元旦：…), each
    with the days off (…放假…，共N天) and the weekend days worked (…（星期六）上班)."""
    reading = Reading("notice")
    lines = [unicodedata.normalize("NFKC", line) for line in text.splitlines()]
    if not any(line.strip() for line in lines):
        reading.problem(0, "", t("The text is empty."))
        return reading
    reading.year = _notice_year(lines, year, reading)
    sections = 0
    for number, line in enumerate(lines, 1):
        found = list(_SECTION.finditer(line))
        if not found:
            if _DATE.search(line) and ("放假" in line or "上班" in line):
                reading.problem(number, line, t("Dates of days off or worked outside a numbered section "
                                                "(一、元旦：…): which holiday are they?"))
            continue
        if line[:found[0].start()].strip() and _DATE.search(line[:found[0].start()]):
            reading.problem(number, line, t("Dates before the first numbered section on this line."))
        for index, match in enumerate(found):
            end = found[index + 1].start() if index + 1 < len(found) else len(line)
            sections += 1
            if reading.year is not None:
                _read_section(reading, number, line, match.group(2).strip(), line[match.end():end])
    reading.problems[:] = [Problem(p.line, text.splitlines()[p.line - 1] if p.line else p.text, p.message)
                           for p in reading.problems]  # quoted as the manager typed it, not normalised
    if not sections:
        reading.problem(0, "", t("No numbered section (一、元旦：1月1日放假…) was found: is this the notice?"))
    _check_days(reading, today)
    return reading


def _notice_year(lines: list[str], year: int | None, reading: Reading) -> int | None:
    titled = next((int(m.group(1)) for line in lines if (m := _TITLE_YEAR.search(line))), None)
    if year is not None and titled is not None and year != titled:
        reading.problem(0, "", t("The notice is for {titled}, not {year}.",
                                 titled=titled, year=year))
    found = year or titled
    if found is None:
        reading.problem(0, "", t("Which year? The text names none (…2027年部分节假日安排…): give the year."))
    return found


def _read_section(reading: Reading, number: int, line: str, name: str, body: str) -> None:
    name = _holiday_name(name)
    holidays: list[dt.date] = []
    workdays: list[dt.date] = []
    month: list[int | None] = [None]  # a day without its month takes the last month named in the section
    for sentence in re.split(r"[。;；]", body):
        off_in_sentence: list[dt.date] = []
        for clause in re.split(r"[,，]", sentence):
            dates = _dates(reading, number, line, clause, month)
            if any(word in clause for word in _OFF_WORDS):
                off = _holiday_days(reading, number, line, clause, dates)
                off_in_sentence += off
                holidays += off
            elif "上班" in clause:
                workdays += [day for day, _start, _end in dates]
            elif dates:
                reading.problem(number, line, t("“{clause}”: dates that say neither 放假 (off) nor 上班 (worked).", clause=clause.strip()))
            if (count := _DAYS.search(clause)) and off_in_sentence and int(count.group(1)) != len(off_in_sentence):
                reading.problem(number, line, t("{name}: the notice says {said} days, the dates give {counted}.", name=name,
                                                said=count.group(1), counted=len(off_in_sentence)))
    if not holidays and not workdays:
        reading.problem(number, line, t("{name}: no day off or worked was understood.",
                                        name=name))
    for day in holidays:
        reading.put(day, DayMark(HOLIDAY, name), number, line)
    for day in workdays:
        reading.put(day, DayMark(WORKDAY, name), number, line)
    reading.understood.append(Understood(number, name, tuple(holidays), tuple(workdays)))


def _holiday_name(name: str) -> str:
    """The section's holiday as named ("国庆节、中秋节" stays both; spaces go)."""
    return re.sub(r"\s+", "", name)


def _dates(reading: Reading, number: int, line: str, clause: str,
           month: list[int | None]) -> list[tuple[dt.date, int, int]]:
    """The dates in a clause with where each stands; a day that does not exist is a problem."""
    found = []
    for match in _DATE.finditer(clause):
        year = int(match.group(1)) if match.group(1) else reading.year
        if match.group(2):
            month[0] = int(match.group(2))
        if month[0] is None:
            reading.problem(number, line, t("“{date}”: which month?", date=match.group(0)))
            continue
        try:
            day = dt.date(year, month[0], int(match.group(3)))
        except ValueError:
            reading.problem(number, line, t("{year}-{month:02d}-{day:02d} does not exist.",
                                            year=year, month=month[0], day=int(match.group(3))))
            continue
        if match.group(4) and (said := _WEEKDAY.search(match.group(4))):
            weekday = _WEEKDAYS.index("日" if said.group(1) == "天" else said.group(1))
            if weekday != day.weekday():
                reading.problem(number, line, t("{day} is a {real}, not a {said}.",
                                                day=day, real=_weekday_name(day.weekday()), said=_weekday_name(weekday)))
        found.append((day, match.start(), match.end()))
    return found


def _weekday_name(weekday: int) -> str:
    return pick(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")[weekday],
             "星期" + _WEEKDAYS[weekday])


def _holiday_days(reading: Reading, number: int, line: str, clause: str,
                  dates: list[tuple[dt.date, int, int]]) -> list[dt.date]:
    """The days off a 放假 clause gives: a range (1月28日至2月4日) or single days."""
    days: list[dt.date] = []
    index = 0
    while index < len(dates):
        first, _start, end = dates[index]
        if index + 1 < len(dates) and _RANGE.match(clause[end:dates[index + 1][1]]):
            last = dates[index + 1][0]
            if last < first or (last - first).days >= MAX_HOLIDAY_DAYS:
                reading.problem(number, line, t("{first} to {last} is not a holiday's days.",
                                                first=first, last=last))
            else:
                days += [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
            index += 2
        else:
            days.append(first)
            index += 1
    return days


def _check_days(reading: Reading, today: dt.date | None) -> None:
    """The whole reading: its year in range, and each day what a schedule may hold."""
    if reading.year is not None and reading.year not in editable_years(today):
        window = editable_years(today)
        reading.problem(0, "", t("{year} is too far from today: a schedule is kept for {first}–{last}.",
                                 year=reading.year, first=window.start, last=window.stop - 1))
        return
    if reading.year is None:
        return
    if not reading.problems and not any(mark.kind == HOLIDAY for mark in reading.days.values()):
        reading.problem(0, "", t("No holiday was read at all."))
    for day, mark in sorted(reading.days.items()):
        for message in day_problems(reading.year, day, mark):
            reading.problem(reading.lines.get(day, 0), "", message)


# ----- .ics

_WORKDAY_WORDS = re.compile(r"班|work", re.IGNORECASE)
_MARKER_WORDS = re.compile(r"[(（\[【]?\s*(?:补班|上班|调休|休息|放假|假期|休|班|holiday|working\s*day|workday|day\s*off)"
                           r"\s*[)）\]】]?", re.IGNORECASE)


def read_ics(raw: bytes, year: int | None = None, today: dt.date | None = None) -> Reading:
    """An iCalendar file: each all-day event a holiday, or a working day when its summary says 班
    (补班, 上班) or work. A recurring event cannot be a year's holidays: refused."""
    import icalendar

    reading = Reading("ics")
    if not raw.strip():
        reading.problem(0, "", t("The file is empty."))
        return reading
    text = decode(raw)
    try:
        calendar = icalendar.Calendar.from_ical(text)
    except (ValueError, IndexError, KeyError) as err:
        raise UnreadableCalendar(t("Not an iCalendar (.ics) file: {error}",
                                   error=err)) from err
    starts = [number for number, line in enumerate(text.splitlines(), 1) if line.strip().upper() == "BEGIN:VEVENT"]
    events = list(calendar.walk("VEVENT"))
    read: list[_Dated] = []
    for index, event in enumerate(events):
        number = starts[index] if index < len(starts) else 0
        summary = str(event.get("SUMMARY", "")).strip()
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            continue  # a cancelled event is no day off (RFC 5545 STATUS)
        if any(key in event for key in ("RRULE", "RDATE", "EXRULE")):
            reading.problem(number, summary, t("“{summary}” repeats by a rule: a year's holidays are listed day by "
                                               "day.",
                                               summary=summary))
            continue
        days = _event_days(reading, number, summary, event)
        if days:
            read.append(_Dated(number, summary, days, WORKDAY if _WORKDAY_WORDS.search(summary) else HOLIDAY,
                               _name_of(summary)))
    if not events:
        reading.problem(0, "", t("The calendar has no events."))
    _take_dated(reading, read, year, today)
    return reading


def _event_days(reading: Reading, number: int, summary: str, event) -> list[dt.date]:
    """The days an event covers as RFC 5545 reads it: DTEND is exclusive (a date's end is the day
    after, a time's end at midnight ends the day before), a DURATION stands for DTEND, and an event
    with neither covers its start day."""
    import icalendar

    try:
        start, end = event.start, event.end
    except icalendar.IncompleteComponent:
        reading.problem(number, summary, t("“{summary}” has no start date.", summary=summary))
        return []
    except icalendar.InvalidCalendar as err:
        reading.problem(number, summary, t("“{summary}”: {error}", summary=summary, error=err))
        return []
    first = _as_day(start)
    if isinstance(end, dt.datetime):
        last = (end - dt.timedelta(microseconds=1)).date() if end > start else first
    else:
        last = end - dt.timedelta(days=1)
    if last < first or (last - first).days >= MAX_HOLIDAY_DAYS:
        reading.problem(number, summary, t("“{summary}”: {first} to {last} is not a holiday's days.",
                                           summary=summary, first=first, last=last))
        return []
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def _as_day(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _name_of(summary: str) -> str:
    """The holiday an event or row is about: a notice name it contains, else its words without 休/班."""
    for name in HOLIDAY_NAMES:
        if name in summary or name.rstrip("节") in summary:
            return name
    return _MARKER_WORDS.sub("", summary).strip(" -—·:：") or summary.strip()


@dataclass(frozen=True)
class _Dated:
    """Days a file's event or row gives, before the year is settled."""
    line: int
    text: str
    days: list[dt.date]
    kind: str
    name: str


def _take_dated(reading: Reading, read: list[_Dated], year: int | None, today: dt.date | None) -> None:
    """Days from a file that lists them by date: the year given, or the one most of them are in;
    another year's days are flagged (except at the turn of the year, as the notices do)."""
    counted = Counter(day.year for dated in read for day in dated.days)
    reading.year = year or (counted.most_common(1)[0][0] if counted else None)
    if reading.year is None:
        if not reading.problems:
            reading.problem(0, "", t("No day was read."))
        return
    for dated in read:
        others = [day for day in dated.days if day.year != reading.year and not at_year_turn(reading.year, day)]
        if others:
            reading.problem(dated.line, dated.text, t("{day} is in {other}, not {year}: another year's day.", day=others[0],
                                            other=others[0].year, year=reading.year))
            continue
        for day in dated.days:
            reading.put(day, DayMark(dated.kind, dated.name), dated.line, dated.text)
        holiday = dated.kind == HOLIDAY
        reading.understood.append(Understood(dated.line, dated.name, tuple(dated.days) if holiday else (),
                                             () if holiday else tuple(dated.days)))
    _check_days(reading, today)


# ----- .csv

_CSV_COLUMNS = {"date": ("date", "day", "日期"), "kind": ("kind", "type", "类型", "类别", "休/班"),
                "name": ("name", "holiday", "节日", "名称", "假日")}
_HOLIDAY_WORDS = {"holiday", "off", "休", "假", "放假", "休息", "假日"}
_WORK_WORDS = {"workday", "work", "working day", "班", "上班", "补班", "调休上班", "工作日"}


def read_csv(text: str, year: int | None = None, today: dt.date | None = None) -> Reading:
    """A table of days: date, kind (holiday/休 or workday/班) and the holiday's name, a heading row
    optional (date,kind,name or 日期,类型,名称)."""
    reading = Reading("csv")
    rows = [(number, row) for number, row in enumerate(csv.reader(io.StringIO(text)), 1) if any(c.strip() for c in row)]
    if not rows:
        reading.problem(0, "", t("The file is empty."))
        return reading
    columns = {"date": 0, "kind": 1, "name": 2}
    if _csv_date(rows[0][1][0]) is None:
        heading = [cell.strip().lower() for cell in rows[0][1]]
        columns = {key: next((i for i, cell in enumerate(heading) if cell in names), -1)
                   for key, names in _CSV_COLUMNS.items()}
        if columns["date"] < 0 or columns["kind"] < 0:
            reading.problem(rows[0][0], ",".join(rows[0][1]), t("The heading names no date and kind columns "
                                                                "(date,kind,name or 日期,类型,名称)."))
            return reading
        rows = rows[1:]
    read = []
    for number, row in rows:
        line = ",".join(row)

        def cell(key: str, row: list[str] = row) -> str:
            return row[columns[key]].strip() if 0 <= columns[key] < len(row) else ""

        day = _csv_date(cell("date"))
        kind = _csv_kind(cell("kind"))
        if day is None:
            reading.problem(number, line, t("“{value}” is not a date (2027-01-01).",
                                            value=cell("date")))
        elif kind is None:
            reading.problem(number, line, t("“{value}”: write holiday (休) or workday (班).", value=cell("kind")))
        else:
            read.append(_Dated(number, line, [day], kind, _name_of(cell("name")) if cell("name") else ""))
    _take_dated(reading, read, year, today)
    return reading


def _csv_date(value: str) -> dt.date | None:
    value = unicodedata.normalize("NFKC", value).strip()
    for pattern in ("%Y-%m-%d", "%Y/%m/%d", "%Y%m%d", "%Y.%m.%d", "%Y年%m月%d日"):
        try:
            return dt.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    return None


def _csv_kind(value: str) -> str | None:
    value = value.strip().lower()
    if value in _HOLIDAY_WORDS:
        return HOLIDAY
    if value in _WORK_WORDS:
        return WORKDAY
    return None
