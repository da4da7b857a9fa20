"""The working calendar in words, for the console and the manager's screen alike: a year's holidays,
what a reading of the notice understood, and what saving it would change (in the language models/
speak, models.i18n)."""
from __future__ import annotations

import calendar as month_calendar
import datetime as dt

from models import calendar_import, workcalendar
from models.i18n import language, plural, t
from models.workcalendar import HOLIDAY, WORKDAY, Schedule


def source_label(source: str) -> str:
    return {"package": t("the chinese-calendar package"),
            "notice": t("the State Council's notice"), "ics": t("an .ics file"),
            "csv": t("a .csv file"), "manual": t("marked by a manager")}.get(source, source)


def describe(schedule: Schedule) -> str:
    """Each holiday with its days off and its make-up working days, in the order of the year."""
    lines = []
    names: list[str] = []
    for day in sorted(schedule.days):
        if schedule.days[day].name not in names:
            names.append(schedule.days[day].name)
    for name in names:
        off = [day for day in schedule.holidays() if schedule.days[day].name == name]
        worked = [day for day in schedule.workdays() if schedule.days[day].name == name]
        label = workcalendar.holiday_label(name, language()) or t("(no name)")
        text = f"  {label}: " + t("off {days} ({count})",
                                 days=_spans(off), count=plural(len(off), "day", "days")) if off else f"  {label}:"
        if worked:
            text += t("; worked {days}", days=", ".join(_day(day) for day in worked))
        lines.append(text)
    return "\n".join(lines)


def _spans(days: list[dt.date]) -> str:
    spans: list[list[dt.date]] = []
    for day in days:
        if spans and (day - spans[-1][-1]).days == 1:
            spans[-1].append(day)
        else:
            spans.append([day])
    return ", ".join(_day(span[0]) if len(span) == 1 else f"{_day(span[0])} – {_day(span[-1])}" for span in spans)


def _day(day: dt.date) -> str:
    weekday = (("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[day.weekday()] if language() == "en"
               else "周" + "一二三四五六日"[day.weekday()])
    return f"{day.isoformat()} {weekday}"


def month_grid(schedule: Schedule) -> str:
    """The year month by month: 休 a holiday, 班 a make-up working day, a dot any other weekend day."""
    blocks = []
    for month in range(1, 13):
        rows = [f"{schedule.year}-{month:02d}", "".join(f"{name:<4}" for name in ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"))]
        for week in month_calendar.Calendar().monthdatescalendar(schedule.year, month):
            cells = []
            for day in week:
                mark = schedule.days.get(day)
                if day.month != month:
                    cells.append("    ")
                elif mark is not None:  # each cell four terminal columns: a Chinese character takes two
                    cells.append(f"{day.day:2d}" + ("休" if mark.kind == HOLIDAY else "班"))
                else:
                    cells.append(f"{day.day:2d}" + (" ." if day.weekday() >= 5 else "  "))
            rows.append("".join(cells))
        blocks.append(rows)
    out = []
    for first in range(0, 12, 3):
        trio = blocks[first:first + 3]
        height = max(len(block) for block in trio)
        for index in range(height):
            out.append("   ".join(_width(block[index] if index < len(block) else "") for block in trio).rstrip())
        out.append("")
    legend = t("休 holiday   班 make-up working day   . weekend")
    return "\n".join(out) + legend


def _width(text: str, width: int = 28) -> str:
    """Pad to `width` terminal columns (a Chinese character takes two)."""
    columns = sum(2 if ord(char) > 0x2E80 else 1 for char in text)
    return text + " " * max(0, width - columns)


def understood(reading: calendar_import.Reading) -> str:
    """What the reading took from the file, holiday by holiday."""
    year = reading.year if reading.year is not None else "?"
    lines = [t("read as {kind} for {year}:", kind=_kind(reading.source), year=year)]
    for item in reading.understood:
        parts = [t("off {days}", days=_spans(list(item.holidays)))] if item.holidays else []
        if item.workdays:
            parts.append(t("worked {days}", days=", ".join(_day(day) for day in item.workdays)))
        lines.append(f"  {item.name or t('(no name)')}: " + t("; ").join(parts))
    return "\n".join(lines)


def _kind(source: str) -> str:
    return {"notice": t("the notice's text"), "ics": t("an .ics calendar"),
            "csv": t("a .csv table")}[source]


def change_summary(change: workcalendar.YearChange) -> str:
    lines = []
    if change.was_missing:
        lines.append(t("{year} is missing now: it becomes complete.",
                       year=change.year))
    for day, mark in sorted(change.removed.items()):
        if day not in change.added:
            lines.append(f"  - {_day(day)} {_mark(mark)}")
    for day, mark in sorted(change.added.items()):
        lines.append(f"  + {_day(day)} {_mark(mark)}")
    if not change.was_missing and not change.added and not change.removed:
        lines.append(t("no day changes"))
    if change.moved:
        lines.append(t("open slips whose agreed deadlines this moves (review each with the customer; the agreed "
                       "deadline stays until moved):"))
        for moved in change.moved:
            lines.append(t("  {number}: agreed {deadline}, {hours} working hour(s) left → now ends {proposed}{flag}",
                           number=moved.number, deadline=f"{moved.deadline:%Y-%m-%d %H:%M}", hours=moved.hours_left,
                           proposed=f"{moved.proposed:%Y-%m-%d %H:%M}",
                           flag=t(" (the agreed time is now a day off)")
                           if moved.outside_working_time else ""))
    return "\n".join(lines)


def _mark(mark: workcalendar.DayMark) -> str:
    kind = t("holiday") if mark.kind == HOLIDAY else t("worked") if mark.kind == WORKDAY else mark.kind
    return f"{kind} {workcalendar.holiday_label(mark.name, language())}".strip()
