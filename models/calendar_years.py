"""Saving a year of the working calendar (models.workcalendar): what it changes, and the open
slips whose deadlines now count differently, for the persons in charge to review with the
customer (models.deadlines moves them, with the customer's agreement and a history event)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from models import audit, notices
from models.accounts import User, require_role
from models.db import write_transaction
from models.deadlines import moved_deadlines
from models.errors import ValidationFailed
from models.i18n import t
from models.slips import Slip
from models.vocab import Role
from models.workcalendar import (HOLIDAY, SOURCES, CalendarDay, DayMark, Schedule, YearChange, as_date, current, diff,
                                 problems_of, write_year)


def preview(schedule: Schedule) -> YearChange:
    """What `save_year` would change, saving nothing."""
    added, removed, was_missing = diff(schedule)
    now = current()
    return YearChange(schedule.year, added, removed, was_missing, moved_deadlines(now, now.with_schedule(schedule)))


def save_year(user: User, schedule: Schedule, source: str, origin: str = "") -> YearChange:
    """A manager saves a year's whole schedule (all or nothing), audited with what changed.

    Agreed deadlines stay as agreed: the change lists the open slips whose deadlines now count
    differently, for the person in charge to review (and move, through models.deadlines, with the
    customer's agreement and a history event)."""
    require_role(user, Role.MANAGER, action=t("change the working calendar"))
    if source not in SOURCES:
        raise ValueError(f"unknown calendar source {source!r}")
    if problems := problems_of(schedule):
        raise ValidationFailed({"calendar": "\n".join(problems)})
    with write_transaction():
        _refuse_clashes(schedule)
        change = preview(schedule)
        if change.changed:
            write_year(schedule, source, origin, user)
            _notify_persons_in_charge(change, user)
            audit.log(user, "calendar_year", year=schedule.year, source=source, origin=origin,
                      was_missing=change.was_missing, added=_listed(change.added), removed=_listed(change.removed),
                      deadlines_to_review=[moved.number for moved in change.moved])
    return change


def _refuse_clashes(schedule: Schedule) -> None:
    """A day another year's schedule declares differently (2012's notice names 2011-12-31)."""
    outside = [day for day in schedule.days if day.year != schedule.year]
    if not outside:
        return
    clashes = []
    for row in CalendarDay.select().where(CalendarDay.day.in_(outside), CalendarDay.year != schedule.year):
        day = as_date(row.day)
        if schedule.days[day] != DayMark(row.kind, row.name):
            clashes.append(t("{day} is already a {kind} in {year}'s schedule.",
                             day=day, year=row.year, kind=_kind_label(row.kind)))
    if clashes:
        raise ValidationFailed({"calendar": "\n".join(clashes)})


def _notify_persons_in_charge(change: YearChange, user: User) -> None:
    """Each moved deadline is a notice to the persons in charge, who review it with the customer."""
    for moved in change.moved:
        slip = Slip.get_by_id(moved.slip_id)
        notices.write(slip, notices.prepare("deadline_recount", slip, user, role=Role.SUPERVISOR,
                                            deadline=f"{moved.deadline:%Y-%m-%d %H:%M}",
                                            proposed=f"{moved.proposed:%Y-%m-%d %H:%M}", name=slip.complainant_name))


def _kind_label(kind: str) -> str:
    return t("holiday") if kind == HOLIDAY else t("make-up working day")


def _listed(days: Mapping[dt.date, DayMark]) -> list[str]:
    return [f"{day.isoformat()} {mark.kind} {mark.name}".strip() for day, mark in sorted(days.items())]
