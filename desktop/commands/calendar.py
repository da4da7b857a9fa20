"""`slipdesk-admin calendar show YEAR` and `slipdesk-admin calendar import FILE [--year YEAR] [--dry-run]`:
the estate's working calendar (models.workcalendar) from the console.

`import` reads the State Council's notice as text, an .ics or a .csv file (models.calendar_import),
prints what it understood and every problem by line, and saves the year whole or not at all; it
lists the open slips whose agreed deadlines the change moves, for the person in charge to review.
"""
from __future__ import annotations

from desktop.settings.calendar_text import change_summary, describe, month_grid, source_label, understood
from desktop.commands.common import add_db_argument, open_db
from models import calendar_import, calendar_years, workcalendar
from models.accounts import User
from models.errors import SlipdeskError
from models.i18n import plural, t
from models.vocab import Role


def register(sub) -> None:
    about = t("the working calendar (工作日历) that reply deadlines count on: show a year, import one from the "
              "State Council's notice (text), an .ics or a .csv file")
    parser = sub.add_parser("calendar", help=about, description=about)
    actions = parser.add_subparsers(dest="calendar_action", required=True, metavar="ACTION")
    about = t("a year's holidays and make-up working days, and where they came from")
    show = actions.add_parser("show", help=about, description=about)
    show.add_argument("year", type=int, metavar="YEAR")
    add_db_argument(show)
    show.set_defaults(run=run_show)
    about = t("save a year from the notice's text, an .ics or a .csv file (all or nothing)")
    load = actions.add_parser("import", help=about, description=about)
    load.add_argument("file", metavar="FILE")
    load.add_argument("--year", type=int, help=t("the year the file is for (default: the year it names)"))
    load.add_argument("--dry-run", action="store_true", help=t("print what would change; save nothing"))
    load.add_argument("--as", dest="username", help=t("the manager account recorded in the audit log"))
    add_db_argument(load)
    load.set_defaults(run=run_import)


def run_show(args) -> int:
    open_db(args)
    schedule = workcalendar.schedule_of(args.year)
    if schedule is None:
        print(t("{year}: MISSING. Deadlines in {year} count plain weekdays, an estimate. Enter the year from the "
                "State Council's notice: slipdesk-admin calendar import NOTICE.txt --year {year}", year=args.year))
        return 0
    record = workcalendar.year_record(args.year)
    who = record.changed_by.display_name if record.changed_by_id else "Slipdesk"
    print(t("{year}: complete — from {source} ({origin}), saved {at} by {who}", year=args.year,
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
        print(t("nothing saved: {problems} in {file}",
                problems=plural(len(reading.problems), "problem", "problems"), file=args.file))
        return 2
    schedule = reading.schedule()
    if problems := workcalendar.problems_of(schedule):
        for problem in problems:
            print(f"  {problem}")
        print(t("nothing saved"))
        return 2
    change = calendar_years.preview(schedule)
    print(change_summary(change))
    if args.dry_run:
        print(t("nothing saved (--dry-run)"))
        return 0
    if not change.changed:
        print(t("{year} already reads so: nothing to save", year=schedule.year))
        return 0
    calendar_years.save_year(_manager(args.username), schedule, reading.source, str(args.file))
    print(t("saved {year}: {days}", year=schedule.year,
            days=plural(len(schedule.days), "day", "days")))
    return 0


def _manager(username: str | None) -> User:
    query = User.select().where(User.role == Role.MANAGER, User.active)
    user = (query.where(User.username == username) if username else query.order_by(User.id)).first()
    if user is None:
        raise SlipdeskError(t("no active manager account {name}: the change is recorded under a manager's name "
                              "(--as USERNAME)",
                              name=username or "").replace("  ", " "))
    return user
