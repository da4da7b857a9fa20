"""A year's schedule written back in the words of the State Council's notice, as it is published
(国务院办公厅关于…年部分节假日安排的通知): the title, the preamble, one numbered section a holiday
(一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。), the closing and the signature."""
from __future__ import annotations

import datetime as dt
from itertools import groupby

from models.workcalendar import HOLIDAY, Schedule

NUMERALS = "一二三四五六七八九十"
WEEKDAYS = "一二三四五六日"


def render(schedule: Schedule, signed: dt.date | None = None) -> str:
    sections = []
    for name in _names_in_order(schedule):
        holidays = [day for day in schedule.holidays() if schedule.days[day].name == name]
        workdays = [day for day in schedule.workdays() if schedule.days[day].name == name]
        sections.append(f"{NUMERALS[len(sections)]}、{name}：" + _off(holidays, bool(workdays), schedule.year)
                        + _worked(workdays, schedule.year))
    signed = signed or dt.date(schedule.year - 1, 11, 4)
    return "\n".join([
        f"国务院办公厅关于{schedule.year}年部分节假日安排的通知",
        f"国办发明电〔{schedule.year - 1}〕7号",
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
        f"    经国务院批准，现将{schedule.year}年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。",
        *(f"    {section}" for section in sections),
        ("    节假日期间，各地区、各部门要妥善安排好值班和安全、保卫、疾控等工作，遇有重大突发事件，要按规定及时报告并妥善处置，"
         "确保人民群众祥和平安度过节日假期。"),
        "国务院办公厅",
        f"{signed.year}年{signed.month}月{signed.day}日",
    ])


def _names_in_order(schedule: Schedule) -> list[str]:
    names: list[str] = []
    for day in sorted(schedule.days):
        mark = schedule.days[day]
        if mark.kind == HOLIDAY and mark.name not in names:
            names.append(mark.name)
    return names


def _date(day: dt.date, month_known: int | None = None, year: int | None = None) -> str:
    """As the notice writes a day: the month only when it changes, the year only outside the notice's."""
    month = "" if month_known == day.month else f"{day.month}月"
    prefix = f"{day.year}年" if year is not None and day.year != year else ""
    return f"{prefix}{month}{day.day}日（周{WEEKDAYS[day.weekday()]}）"


def _off(holidays: list[dt.date], with_makeup: bool, year: int) -> str:
    runs = [[day for _index, day in run]
            for _key, run in groupby(enumerate(holidays), key=lambda pair: pair[1].toordinal() - pair[0])]
    said = "放假调休" if with_makeup else "放假"
    parts = []
    for run in runs:
        if len(run) == 1:
            parts.append(f"{_date(run[0], year=year)}{said}，共1天。")
        else:
            parts.append(f"{_date(run[0], year=year)}至{_date(run[-1], run[0].month, year)}{said}，共{len(run)}天。")
    return "".join(parts)


def _worked(workdays: list[dt.date], year: int) -> str:
    return "、".join(_date(day, year=year) for day in workdays) + "上班。" if workdays else ""
