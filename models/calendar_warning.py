"""The dashboard's warning while the coming year's holidays are not entered.

The State Council publishes next year's holidays in the autumn; until a manager enters them
(models.workcalendar), every deadline reaching into that year is a weekday estimate. From the
day the manager sets (calendar.warn_from, default 1 November) the dashboard says so to everyone
every day, and the manager's card leads to the working calendar; the year being worked in
missing is warned at once.
"""
from __future__ import annotations

import datetime as dt

from models import audit, clock, settings, workcalendar
from models.accounts import User, require_role
from models.dashboard import Section
from models.db import write_transaction
from models.errors import ValidationFailed
from models.i18n import t
from models.vocab import Role


def warn_from(year: int) -> dt.date:
    """The day of `year` from which next year's missing calendar is warned."""
    month, day = (int(part) for part in str(settings.get("calendar.warn_from")).split("-"))
    return dt.date(year, month, day)


def missing_ahead(now: dt.datetime | None = None) -> list[int]:
    """The years the dashboard warns about now: this one if missing, next one from the warning day."""
    today = (now or clock.now()).date()
    wanted = [today.year] + ([today.year + 1] if today >= warn_from(today.year) else [])
    known = workcalendar.current()
    return [year for year in wanted if not known.known(year)]


def set_warn_from(user: User, month: int, day: int) -> dt.date:
    """The manager chooses the day from which the dashboard warns (the notice usually comes in
    November: 1 November by default)."""
    require_role(user, Role.MANAGER, action=t("change when the calendar warning starts"))
    try:
        chosen = dt.date(2001, month, day)  # any year without 29 February: the day must exist every year
    except ValueError:
        raise ValidationFailed({"warn_from": t("Choose a day that exists every year (not 29 February).")}) from None
    with write_transaction():
        settings.put("calendar.warn_from", chosen.strftime("%m-%d"), user)
        audit.log(user, "calendar_warn_from", warn_from=chosen.strftime("%m-%d"))
    return chosen


# The dashboard's section of this module (models.providers hands it to models.dashboard).
DASHBOARD_SECTIONS = (Section("calendar_missing", "Next year's holidays not entered", "明年节假日安排未录入",
                              count=lambda user, now: int(bool(missing_ahead(now))), page="calendar", warning=True),)
