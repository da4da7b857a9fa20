"""Reply deadlines (约定回复时限): working time on the Chinese calendar, and the promise they are.

Deadlines count the estate's office hours on working days: public holidays are off and the
make-up working days (调休, a Saturday or Sunday worked) are on, as the State Council publishes
them each year (the `chinese_calendar` package). For a year the package does not know yet, the
desk keeps working on weekdays and logs a warning, instead of refusing to compute a deadline.

The deadline agreed with the customer is a promise: it moves only by recording a new agreement
with the customer (who agreed, when, why) in the slip's history.
"""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from models import audit, clock, settings, validation
from models.accounts import User, require_role
from models.changes import Change, change_slip
from models.db import write_transaction
from models.errors import TransitionRefused, ValidationFailed
from models.i18n import language, t
from models.slips import Slip
from models.vocab import AWAITING_REPLY, Role, label

log = logging.getLogger("slipdesk.deadlines")

MAX_SCAN_DAYS = 800  # no estate closes for two years: a bound that stops a loop on bad settings
_warned_years: set[int] = set()


@dataclass(frozen=True)
class OfficeHours:
    """When the desk works: daily opening and closing, and the weekdays it opens on working days."""
    start: dt.time
    end: dt.time
    days: frozenset[int] = frozenset(range(7))

    @classmethod
    def from_settings(cls) -> OfficeHours:
        return cls(clock.parse_time(settings.get("office.start")), clock.parse_time(settings.get("office.end")),
                   frozenset(settings.get("office.days")))

    def opens(self, day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, self.start)

    def closes(self, day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, self.end)


def calendar_workday(day: dt.date) -> bool:
    """A working day on the Chinese calendar; weekdays for a year it does not know yet."""
    import chinese_calendar  # its holiday tables load with the first deadline counted, not at start-up

    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        if day.year not in _warned_years:
            _warned_years.add(day.year)
            log.warning("the Chinese calendar has no holidays for %s yet: counting weekdays only "
                        "(update the chinese-calendar package)", day.year)
        return day.weekday() < 5


def is_working_day(day: dt.date, office: OfficeHours | None = None) -> bool:
    office = office or OfficeHours.from_settings()
    return day.weekday() in office.days and calendar_workday(day)


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


def end_of_working_day(moment: dt.datetime, office: OfficeHours | None = None) -> dt.datetime:
    """When the desk closes on `moment`'s working day, or on the next one if it is closed now."""
    office = office or OfficeHours.from_settings()
    return office.closes(next_opening(moment, office).date())


def agree_new_deadline(slip: Slip, new_deadline: dt.datetime | None, agreed_with: str,
                       agreed_at: dt.datetime | None, reason: str) -> dict[str, Any]:
    """Check a new agreement with the customer and put it on the (locked) slip.

    Returns the history details. Shared by `move_deadline` and reopening a slip, so a deadline
    changes in one way only.
    """
    agreed_at = agreed_at or clock.now()
    errors = {}
    if message := validation.future_deadline(new_deadline):
        errors["deadline"] = message
    if not (agreed_with or "").strip():
        errors["agreed_with"] = t("Record who agreed to the new deadline (the customer).", "请登记同意新时限的人（客户）。")
    if message := validation.past_date(agreed_at, t("The time of the agreement", "约定时间")):
        errors["agreed_at"] = message
    if message := validation.text(reason, 2000, required_message=t("Say why the deadline moves.", "请说明变更时限的原因。")):
        errors["reason"] = message
    if errors:
        raise ValidationFailed(errors)
    old = slip.deadline
    slip.deadline = new_deadline
    return {"deadline_from": old, "deadline_to": new_deadline, "agreed_with": agreed_with.strip(),
            "agreed_at": agreed_at, "reason": reason.strip()}


def move_deadline(slip_id: int, new_deadline: dt.datetime, user: User, agreed_with: str,
                  agreed_at: dt.datetime | None, reason: str, expected_version: int) -> Slip:
    """The only way to change a promised deadline: record the new agreement with the customer."""
    require_role(user, *Role, action=t("move a reply deadline", "变更回复时限"))

    def step(slip: Slip) -> Change:
        if slip.status not in AWAITING_REPLY:
            raise TransitionRefused(t("Slip {number} is {status}: there is no reply deadline left to move.",
                                      "处理单 {number} 当前为“{status}”，已没有需要变更的回复时限。",
                                      number=slip.number, status=label(slip.status, language())))
        data = agree_new_deadline(slip, new_deadline, agreed_with, agreed_at, reason)
        return Change("deadline_moved", note=reason.strip(), data=data, transition=False)

    return change_slip(slip_id, user, expected_version, step)


def set_office_hours(user: User, start: str, end: str, days: list[int] | None = None) -> OfficeHours:
    """The manager sets the desk's office hours, which every deadline counts in."""
    require_role(user, Role.MANAGER, action=t("change the office hours", "更改办公时间"))
    errors = {}
    try:
        opening = clock.parse_time(start)
    except ValueError:
        errors["start"] = t("Write the opening time as HH:MM, e.g. 08:30.", "请按“时：分”填写上班时间，如 08:30。")
    try:
        closing = clock.parse_time(end)
    except ValueError:
        errors["end"] = t("Write the closing time as HH:MM, e.g. 17:30.", "请按“时：分”填写下班时间，如 17:30。")
    days = sorted(set(range(7) if days is None else days))
    if not days or any(d not in range(7) for d in days):
        errors["days"] = t("Choose at least one weekday.", "请至少选择一个工作日。")
    if "start" not in errors and "end" not in errors and closing <= opening:
        errors["end"] = t("The desk must close after it opens.", "下班时间必须晚于上班时间。")
    if errors:
        raise ValidationFailed(errors)
    with write_transaction():
        settings.put("office.start", opening.strftime("%H:%M"), user)
        settings.put("office.end", closing.strftime("%H:%M"), user)
        settings.put("office.days", days, user)
        audit.log(user, "office_hours", start=opening.strftime("%H:%M"), end=closing.strftime("%H:%M"), days=days)
    return OfficeHours(opening, closing, frozenset(days))
