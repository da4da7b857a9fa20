"""Reply deadlines (约定回复时限): working time on the estate's calendar, and the promise they are.

Deadlines count the estate's office hours on working days: public holidays are off and the
make-up working days (调休, a Saturday or Sunday worked) are on, as the State Council publishes
them each year and the estate keeps them (models.workcalendar, in the database). For a year not
entered yet the desk counts weekdays, says so wherever such a deadline is shown
(`deadline_questions`) and logs it, instead of refusing to compute a deadline.

This module is the one implementation of deadline arithmetic: intake, replies, the reopening of a
slip, the dashboard's and review's promises, the calendar's review of moved deadlines and the demo
data all count through it.

The deadline agreed with the customer is a promise: it moves only by recording a new agreement
with the customer (who agreed, when, why, the old and the new deadline) in the slip's history.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from models import audit, clock, settings, validation, workcalendar
from models.accounts import User, require_role
from models.changes import Change, change_slip
from models.db import write_transaction
from models.errors import TransitionRefused, ValidationFailed
from models.i18n import Composed, language, t
from models.slips import Slip
from models.vocab import AWAITING_REPLY, DESK_ROLES, Role, label
from models.workcalendar import WorkCalendar

MAX_SCAN_DAYS = 800  # no estate closes for two years: a bound that stops a loop on bad settings


@dataclass(frozen=True)
class OfficeHours:
    """When the desk works: daily opening and closing, the weekdays it opens on working days, and
    the working calendar it counts on (the estate's, as read now, unless one is given)."""
    start: dt.time
    end: dt.time
    days: frozenset[int] = frozenset(range(7))
    calendar: WorkCalendar | None = field(default=None, compare=False)

    @classmethod
    def from_settings(cls, calendar: WorkCalendar | None = None) -> OfficeHours:
        return cls(clock.parse_time(settings.get("office.start")), clock.parse_time(settings.get("office.end")),
                   frozenset(settings.get("office.days")), calendar or workcalendar.current())

    def on(self, calendar: WorkCalendar) -> OfficeHours:
        """The same hours counted on another calendar (what a calendar change would make)."""
        return OfficeHours(self.start, self.end, self.days, calendar)

    def working_calendar(self) -> WorkCalendar:
        return self.calendar or workcalendar.current()

    def opens(self, day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, self.start)

    def closes(self, day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, self.end)


def is_working_day(day: dt.date, office: OfficeHours | None = None) -> bool:
    office = office or OfficeHours.from_settings()
    return day.weekday() in office.days and office.working_calendar().is_workday(day)


def next_opening(moment: dt.datetime, office: OfficeHours | None = None) -> dt.datetime:
    """`moment` itself during office hours, else when the desk next opens."""
    office = office or OfficeHours.from_settings()
    day = moment.date()
    if is_working_day(day, office) and moment < office.closes(day):
        return max(moment, office.opens(day))
    for _ in range(MAX_SCAN_DAYS):
        day += dt.timedelta(days=1)
        if is_working_day(day, office):
            return office.opens(day)
    raise ValueError("The office hours leave no working day: check the settings.")


def add_working_hours(start: dt.datetime, hours: float, office: OfficeHours | None = None) -> dt.datetime:
    """The moment `hours` of office time after `start` (a deadline that ends at closing stays
    at closing, not at the next opening)."""
    if hours < 0:
        raise ValueError("hours must not be negative")
    office = office or OfficeHours.from_settings()
    remaining = dt.timedelta(hours=hours)
    moment = next_opening(start, office)
    while True:
        available = office.closes(moment.date()) - moment
        if remaining <= available:
            return moment + remaining
        remaining -= available
        moment = next_opening(office.closes(moment.date()), office)


def working_hours_between(start: dt.datetime, end: dt.datetime, office: OfficeHours | None = None) -> float:
    """Office hours from `start` to `end` (0 when `end` is not after `start`)."""
    office = office or OfficeHours.from_settings()
    total = dt.timedelta()
    day = start.date()
    while day <= end.date():
        if is_working_day(day, office):
            begin = max(start, office.opens(day))
            finish = min(end, office.closes(day))
            if finish > begin:
                total += finish - begin
        day += dt.timedelta(days=1)
    return total.total_seconds() / 3600


def default_deadline(received_at: dt.datetime | None = None, office: OfficeHours | None = None) -> dt.datetime:
    """What the form proposes to the customer: the estate's usual reply time in working hours."""
    return add_working_hours(received_at or clock.now(), float(settings.get("deadline.default_hours")), office)


def add_working_days(start: dt.datetime, days: int, office: OfficeHours | None = None) -> dt.datetime:
    """Closing time on the `days`-th working day after `start`'s day ("within 3 working days")."""
    if days < 0:
        raise ValueError("days must not be negative")
    office = office or OfficeHours.from_settings()
    day, left = start.date(), days
    for _ in range(MAX_SCAN_DAYS * max(days, 1)):
        if not left:
            return office.closes(day)
        day += dt.timedelta(days=1)
        left -= is_working_day(day, office)
    raise ValueError("The office hours leave no working day: check the settings.")


def end_of_working_day(moment: dt.datetime, office: OfficeHours | None = None) -> dt.datetime:
    """When the desk closes on `moment`'s working day, or on the next one if it is closed now."""
    office = office or OfficeHours.from_settings()
    return office.closes(next_opening(moment, office).date())


def in_working_time(moment: dt.datetime, office: OfficeHours | None = None) -> bool:
    """The desk is open at `moment` (a deadline at closing time still counts as in it)."""
    office = office or OfficeHours.from_settings()
    day = moment.date()
    return is_working_day(day, office) and office.opens(day) <= moment <= office.closes(day)


def estimated_years(start: dt.datetime, end: dt.datetime, office: OfficeHours | None = None) -> list[int]:
    """The years from `start` to `end` the calendar does not hold: deadlines there are estimates."""
    calendar = (office or OfficeHours.from_settings()).working_calendar()
    return [year for year in range(start.year, max(start.year, end.year) + 1) if not calendar.known(year)]


def deadline_questions(deadline: dt.datetime, start: dt.datetime | None = None,
                       office: OfficeHours | None = None) -> list[str]:
    """What to ask the clerk about a deadline before it is promised: one outside working time,
    one counted on a year the calendar does not hold (a weekday estimate, never a working-day count)."""
    office = office or OfficeHours.from_settings()
    start = start or clock.now()
    questions = []
    if not in_working_time(deadline, office):
        questions.append(_outside_working_time(deadline, office))
    if years := estimated_years(min(start, deadline), deadline, office):
        named = "、".join(str(year) for year in years) if language() == "zh" else ", ".join(str(y) for y in years)
        questions.append(t("{years} has no working calendar yet: this deadline counts plain weekdays, an estimate "
                           "that may fall on a public holiday. A manager enters the year's holidays "
                           "(Working calendar).", years=named))
    return questions


def _outside_working_time(deadline: dt.datetime, office: OfficeHours) -> str:
    day = deadline.date()
    mark = office.working_calendar().mark(day)
    when = deadline.strftime("%Y-%m-%d %H:%M")
    if mark is not None and mark.kind == workcalendar.HOLIDAY:
        return t("{when} falls on a public holiday ({name}): the desk is closed. Is that what the customer agreed?",
                 when=when, name=workcalendar.holiday_label(mark.name, language()))
    if not is_working_day(day, office):
        return t("{when} is not a working day: the desk is closed. Is that what the customer agreed?", when=when)
    return t("{when} is outside office hours ({start}–{end}). Is that what the customer agreed?", when=when,
             start=office.start.strftime("%H:%M"), end=office.end.strftime("%H:%M"))


@dataclass(frozen=True)
class MovedDeadline:
    """An open slip whose agreed deadline a calendar change counts differently: the working time
    left before it, and when that time ends on the new calendar."""
    slip_id: int
    number: str
    deadline: dt.datetime
    hours_left: float
    proposed: dt.datetime
    outside_working_time: bool  # the agreed deadline falls where the desk is now closed


def moved_deadlines(before: WorkCalendar, after: WorkCalendar, now: dt.datetime | None = None) -> list[MovedDeadline]:
    """The open slips whose deadlines still ahead count differently on `after` than on `before`.
    Nothing is changed: the person in charge reviews each with the customer."""
    now = now or clock.now()
    office = OfficeHours.from_settings()
    old, new = office.on(before), office.on(after)
    changed = {day for day in set(before.marks) | set(after.marks)
               if before.mark(day) != after.mark(day) and day >= now.date()}
    if not changed:
        return []
    query = (Slip.select(Slip.id, Slip.number, Slip.deadline)
             .where(Slip.status.in_(AWAITING_REPLY), Slip.deadline > now, Slip.deadline.is_null(False),
                    Slip.deadline >= dt.datetime.combine(min(changed), dt.time())).order_by(Slip.deadline, Slip.id))
    moved = []
    for slip in query:
        if not any(day <= slip.deadline.date() for day in changed):
            continue
        hours = working_hours_between(now, slip.deadline, old)
        proposed = add_working_hours(now, hours, new)
        outside = not in_working_time(slip.deadline, new)
        if proposed != slip.deadline or outside:
            moved.append(MovedDeadline(slip.id, slip.number, slip.deadline, round(hours, 2), proposed, outside))
    return moved


def agree_new_deadline(slip: Slip, new_deadline: dt.datetime | None, agreed_with: str,
                       agreed_at: dt.datetime | None, reason: str | Composed) -> dict[str, Any]:
    """Check a new agreement with the customer and put it on the (locked) slip.

    Returns the history details. Shared by `move_deadline` and reopening a slip, so a deadline
    changes in one way only. `reason`: a person's words, or the system's (a `Composed` text, kept
    in both languages).
    """
    agreed_at = agreed_at or clock.now()
    errors = {}
    if message := validation.future_deadline(new_deadline):
        errors["deadline"] = message
    if not (agreed_with or "").strip():
        errors["agreed_with"] = t("Record who agreed to the new deadline (the customer).")
    if message := validation.past_date(agreed_at, t("The time of the agreement")):
        errors["agreed_at"] = message
    if isinstance(reason, Composed):
        reason = reason.stored()  # kept whole: the check is for what people type
    elif message := validation.text(reason, 2000, required_message=t("Say why the deadline moves.")):
        errors["reason"] = message
    if errors:
        raise ValidationFailed(errors)
    old = slip.deadline
    slip.deadline = new_deadline
    # agreeing a new deadline with the customer tells them how things stand (进展告知, models.progress)
    slip.progress_told_at = max(agreed_at, slip.progress_told_at or agreed_at)
    return {"deadline_from": old, "deadline_to": new_deadline, "agreed_with": agreed_with.strip(),
            "agreed_at": agreed_at, "reason": reason.strip()}


def move_deadline(slip_id: int, new_deadline: dt.datetime, user: User, agreed_with: str,
                  agreed_at: dt.datetime | None, reason: str, expected_version: int) -> Slip:
    """The only way to change a promised deadline: record the new agreement with the customer."""
    require_role(user, *DESK_ROLES, action=t("move a reply deadline"))

    def step(slip: Slip) -> Change:
        if slip.status not in AWAITING_REPLY:
            raise TransitionRefused(t("Slip {number} is {status}: there is no reply deadline left to move.",
                                      number=slip.number, status=label(slip.status, language())))
        data = agree_new_deadline(slip, new_deadline, agreed_with, agreed_at, reason)
        return Change("deadline_moved", note=reason.strip(), data=data, transition=False)

    return change_slip(slip_id, user, expected_version, step)


def set_office_hours(user: User, start: str, end: str, days: list[int] | None = None) -> OfficeHours:
    """The manager sets the desk's office hours, which every deadline counts in."""
    require_role(user, Role.MANAGER, action=t("change the office hours"))
    errors = {}
    try:
        opening = clock.parse_time(start)
    except ValueError:
        errors["start"] = t("Write the opening time as HH:MM, e.g. 08:30.")
    try:
        closing = clock.parse_time(end)
    except ValueError:
        errors["end"] = t("Write the closing time as HH:MM, e.g. 17:30.")
    days = sorted(set(range(7) if days is None else days))
    if not days or any(d not in range(7) for d in days):
        errors["days"] = t("Choose at least one weekday.")
    if "start" not in errors and "end" not in errors and closing <= opening:
        errors["end"] = t("The desk must close after it opens.")
    if errors:
        raise ValidationFailed(errors)
    with write_transaction():
        settings.put("office.start", opening.strftime("%H:%M"), user)
        settings.put("office.end", closing.strftime("%H:%M"), user)
        settings.put("office.days", days, user)
        audit.log(user, "office_hours", start=opening.strftime("%H:%M"), end=closing.strftime("%H:%M"), days=days)
    return OfficeHours(opening, closing, frozenset(days))
