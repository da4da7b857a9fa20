"""Keeping the customer told (进展告知) while their slip is handled.

The customer-service course names participation (参与感) among a customer's basic needs:
“询问客户希望情况如何解决，及时告诉客户进展情况”. A progress update records that the customer was
told how far the handling has come — how, when, what was said — as a history event on the slip;
it changes neither the state nor the deadline. A slip still owing its reply that has gone longer
than the manager's setting (`progress.quiet_days`, default 3 days) since the customer last heard
from the desk (taken down, told of progress, or a new deadline agreed with them) is flagged on
the dashboard and in the slip list.
"""
from __future__ import annotations

import datetime as dt

import peewee

from models import audit, clock, dashboard, settings, validation
from models.accounts import User, require_role
from models.changes import Change, change_slip
from models.db import write_transaction
from models.errors import TransitionRefused, ValidationFailed
from models.i18n import language, t
from models.slips import Slip
from models.vocab import AWAITING_REPLY, DESK_ROLES, OPEN_STATUSES, ReplyMethod, Role, label

METHODS = (ReplyMethod.PHONE, ReplyMethod.SMS, ReplyMethod.EMAIL, ReplyMethod.VISIT, ReplyMethod.LETTER)
CALLS = (ReplyMethod.PHONE, ReplyMethod.SMS)  # a call or a message reaches the customer at once: office hours
QUIET_DAYS_MAX = 60


def quiet_days() -> int:
    return int(settings.get("progress.quiet_days"))


def set_quiet_days(user: User, days: int) -> None:
    """The manager's setting: after how many days without a progress update a slip is flagged."""
    require_role(user, Role.MANAGER, action=t("change when a slip needs a progress update"))
    if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= QUIET_DAYS_MAX:
        raise ValidationFailed({"quiet_days": t("Between 1 and {n} days.", n=QUIET_DAYS_MAX)})
    with write_transaction():
        settings.put("progress.quiet_days", days, user)
        audit.log(user, "progress_quiet_days", days=days)


def _problems(method: str, told: str, at: dt.datetime) -> dict[str, str]:
    errors = {}
    if method not in METHODS:
        errors["method"] = t("Choose how the customer was told.")
    if message := validation.text(told, 2000, required_message=t(
            "Write what the customer was told about the handling.")):
        errors["told"] = message
    if message := validation.past_date(at, t("The time the customer was told")):
        errors["at"] = message
    return errors


def record_progress(slip_id: int, user: User, *, expected_version: int, method: str, told: str,
                    at: dt.datetime | None = None) -> Slip:
    """The customer was told how the handling stands: a history event; the slip's state stays."""
    require_role(user, *DESK_ROLES, action=t("record a progress update"))
    at = at or clock.now()
    if errors := _problems(method, told, at):
        raise ValidationFailed(errors)

    def step(slip: Slip) -> Change:
        if slip.status not in OPEN_STATUSES:
            raise TransitionRefused(t("Slip {number} is {status}: progress is told while a slip is open.",
                                      number=slip.number, status=label(slip.status, language())))
        if method in CALLS:
            from models.replies import phone_time_problem  # the night rule for every call to the customer

            if problem := phone_time_problem(slip, at):
                raise ValidationFailed({"at": problem})
        slip.progress_told_at = max(at, slip.progress_told_at or at)
        return Change("progress_told", note=told.strip(), transition=False,
                      data={"method": str(method), "at": at})

    return change_slip(slip_id, user, expected_version, step)


def last_told(slip: Slip) -> dt.datetime:
    """When the customer last heard from the desk about this slip."""
    return max(slip.received_at, slip.progress_told_at or slip.received_at)


def is_quiet(slip: Slip, now: dt.datetime | None = None) -> bool:
    """Still owing its reply, and longer than the setting since the customer last heard from us."""
    now = now or clock.now()
    return slip.status in AWAITING_REPLY and last_told(slip) < now - dt.timedelta(days=quiet_days())


def quiet_condition(now: dt.datetime) -> peewee.Expression:
    """The slips `is_quiet` flags, as a condition on the slip table (the dashboard, the slip list)."""
    since = now - dt.timedelta(days=quiet_days())
    told = peewee.fn.COALESCE(Slip.progress_told_at, Slip.received_at)
    return Slip.status.in_(list(AWAITING_REPLY)) & (Slip.received_at < since) & (told < since)


def quiet_slips(user: User, now: dt.datetime) -> peewee.ModelSelect:
    """The dashboard's section: slips waiting longest for news first."""
    return Slip.select().where(quiet_condition(now)).order_by(
        peewee.fn.COALESCE(Slip.progress_told_at, Slip.received_at), Slip.id)


# The dashboard's section of this module (models.providers hands it to models.dashboard).
DASHBOARD_SECTIONS = (dashboard.Section("progress_quiet", "In handling, no progress told lately", "处理中，久未告知进展",
                                        slips=quiet_slips, warning=True),)
