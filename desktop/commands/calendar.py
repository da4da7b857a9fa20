"""`slipdesk-admin calendar show YEAR` and `slipdesk-admin calendar import FILE [--year YEAR] [--dry-run]`:
the estate's working calendar (models.workcalendar) from the console.

`import` reads the State Council's notice as text, an .ics or a .csv file (models.calendar_import),
prints what it understood and every problem by line, and saves the year whole or not at all; it
lists the open slips whose agreed deadlines the change moves, for the person in charge to review.
"""
from __future__ import annotations

import calendar as month_calendar
import datetime as dt

from desktop.commands.common import add_db_argument, open_db
from models import calendar_import, workcalendar
from models.accounts import User
from models.errors import SlipdeskError
from models.i18n import language, t
from models.vocab import Role
from models.workcalendar import HOLIDAY, WORKDAY, Schedule


def register(sub) -> None:
    parser = sub.add_parser("calendar", help="the working calendar: show a year, import one from the State "
                                             "Council's notice (text), an .ics or a .csv file")
    actions = parser.add_subparsers(dest="calendar_action", required=True, metavar="ACTION")
    show = actions.add_parser("show", help="a year's holidays and make-up working days, and where they came from")
    show.add_argument("year", type=int, metavar="YEAR")
    add_db_argument(show)
    show.set_defaults(run=run_show)
    load = actions.add_parser("import", help="save a year from the notice's text, an .ics or a .csv file "
                                             "(all or nothing)")
    load.add_argument("file", metavar="FILE")
    load.add_argument("--year", type=int, help="the year the file is for (default: the year it names)")
    load.add_argument("--dry-run", action="store_true", help="print what would change; save nothing")
    load.add_argument("--as", dest="username", help="the manager account recorded in the audit log")
    add_db_argument(load)
    load.set_defaults(run=run_import)


def run_show(args) -> int:
    open_db(args)
    schedule = workcalendar.schedule_of(args.year)
    if schedule is None:
        print(t("{year}: MISSING. Deadlines in {year} count plain weekdays, an estimate. Enter the year from the "
                "State Council's notice: slipdesk-admin calendar import NOTICE.txt --year {year}",
                "{year} 年：未录入。{year} 年内的时限按周一至周五估算。请按国务院办公厅通知录入：slipdesk-admin calendar "
                "import 通知.txt --year {year}", year=args.year))
        return 0
    record = workcalendar.year_record(args.year)
    who = record.changed_by.display_name if record.changed_by_id else "Slipdesk"
    print(t("{year}: complete — from {source} ({origin}), saved {at} by {who}",
            "{year} 年：已录入 —— 来源：{source}（{origin}），{at} 由 {who} 保存", year=args.year,
            source=source_label(record.source), origin=record.origin or "—", at=f"{record.changed_at:%Y-%m-%d %H:%M}",
            who=who))
    print(describe(schedule))
    print()
    print(month_grid(schedule))
    return 0


def run_import(args) -> int:
    open_db(args)
    workcalendar.seed_from_package()
    reading = calendar_import.read_file(args.file, args.year)
    print(understood(reading))
    if not reading.ok:
        for problem in reading.problems:
            print(f"  {problem}")
        print(t("nothing saved: {count} problem(s) in {file}", "未保存：{file} 中有 {count} 处问题",
                count=len(reading.problems), file=args.file))
        return 2
    schedule = reading.schedule()
    if problems := workcalendar.problems_of(schedule):
        for problem in problems:
            print(f"  {problem}")
        print(t("nothing saved", "未保存"))
        return 2
    change = workcalendar.preview(schedule)
    print(change_summary(change))
    if args.dry_run:
        print(t("nothing saved (--dry-run)", "未保存（--dry-run）"))
        return 0
    if not change.changed:
        print(t("{year} already reads so: nothing to save", "{year} 年已是如此：无需保存", year=schedule.year))
        return 0
    workcalendar.save_year(_manager(args.username), schedule, reading.source, str(args.file))
    print(t("saved {year}: {count} day(s)", "已保存 {year} 年：{count} 天", year=schedule.year, count=len(schedule.days)))
    return 0


def _manager(username: str | None) -> User:
    query = User.select().where(User.role == Role.MANAGER, User.active)
    user = (query.where(User.username == username) if username else query.order_by(User.id)).first()
    if user is None:
        raise SlipdeskError(t("no active manager account {name}: the change is recorded under a manager's name "
                              "(--as USERNAME)", "没有在用的经理账户 {name}：日历的更改须记在经理名下（--as 用户名）",
                              name=username or "").replace("  ", " "))
    return user


def source_label(source: str) -> str:
    return {"package": t("the chinese-calendar package", "chinese-calendar 软件包"),
            "notice": t("the State Council's notice", "国务院办公厅通知"), "ics": t("an .ics file", ".ics 文件"),
            "csv": t("a .csv file", ".csv 文件"), "manual": t("marked by a manager", "经理逐日标记")}.get(source, source)


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
        label = workcalendar.holiday_label(name, language()) or t("(no name)", "（未命名）")
        text = f"  {label}: " + t("off {days} ({count} day(s))", "放假 {days}（共 {count} 天）",
                                 days=_spans(off), count=len(off)) if off else f"  {label}:"
        if worked:
            text += t("; worked {days}", "；{days} 上班", days=", ".join(_day(day) for day in worked))
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
    legend = t("休 holiday   班 make-up working day   . weekend", "休 放假   班 调休上班   . 周末")
    return "\n".join(out) + legend


def _width(text: str, width: int = 28) -> str:
    """Pad to `width` terminal columns (a Chinese character takes two)."""
    columns = sum(2 if ord(char) > 0x2E80 else 1 for char in text)
    return text + " " * max(0, width - columns)


def understood(reading: calendar_import.Reading) -> str:
    """What the reading took from the file, holiday by holiday."""
    year = reading.year if reading.year is not None else "?"
    lines = [t("read as {kind} for {year}:", "按{kind}读取，年份 {year}：", kind=_kind(reading.source), year=year)]
    for item in reading.understood:
        text = f"  {item.name or t('(no name)', '（未命名）')}:"
        if item.holidays:
            text += " " + t("off {days}", "放假 {days}", days=_spans(list(item.holidays)))
        if item.workdays:
            text += t("; worked {days}", "；{days} 上班", days=", ".join(_day(day) for day in item.workdays))
        lines.append(text)
    return "\n".join(lines)


def _kind(source: str) -> str:
    return {"notice": t("the notice's text", "通知文本"), "ics": t("an .ics calendar", ".ics 日历"),
            "csv": t("a .csv table", ".csv 表格")}[source]


def change_summary(change: workcalendar.YearChange) -> str:
    lines = []
    if change.was_missing:
        lines.append(t("{year} is missing now: it becomes complete.", "{year} 年目前未录入：保存后即为已录入。",
                       year=change.year))
    for day, mark in sorted(change.removed.items()):
        if day not in change.added:
            lines.append(f"  - {_day(day)} {_mark(mark)}")
    for day, mark in sorted(change.added.items()):
        lines.append(f"  + {_day(day)} {_mark(mark)}")
    if not change.was_missing and not change.added and not change.removed:
        lines.append(t("no day changes", "没有日期变化"))
    if change.moved:
        lines.append(t("open slips whose agreed deadlines this moves (review each with the customer; the agreed "
                       "deadline stays until moved):", "此更改影响以下未结处理单的约定时限（请逐一与客户确认；"
                       "约定时限在变更登记前保持不变）："))
        for moved in change.moved:
            lines.append(t("  {number}: agreed {deadline}, {hours} working hour(s) left → now ends {proposed}{flag}",
                           "  {number}：约定 {deadline}，尚余 {hours} 个工作小时 → 现应为 {proposed}{flag}",
                           number=moved.number, deadline=f"{moved.deadline:%Y-%m-%d %H:%M}", hours=moved.hours_left,
                           proposed=f"{moved.proposed:%Y-%m-%d %H:%M}",
                           flag=t(" (the agreed time is now a day off)", "（约定时间现为休息日）")
                           if moved.outside_working_time else ""))
    return "\n".join(lines)


def _mark(mark: workcalendar.DayMark) -> str:
    kind = t("holiday", "放假") if mark.kind == HOLIDAY else t("worked", "上班") if mark.kind == WORKDAY else mark.kind
    return f"{kind} {workcalendar.holiday_label(mark.name, language())}".strip()
