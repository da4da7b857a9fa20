"""Correcting a slip's recorded facts, safely when several desks have it open.

Each desk edits from the version it opened. If another desk saved in between, nothing is
overwritten: `StaleSlip` carries, field by field, what the slip held when this desk opened
it, what the other desk saved, and what this desk wants, so the clerk can merge and save
again on top of the newer version. Status and the reply deadline are not edited here: they
move only through the workflow and a recorded new agreement with the customer.

A slip that is no longer open (closed, answered at once) is corrected only by a manager, with the
reason recorded: the event is a "corrected" one, its note the reason.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from models import validation
from models.accounts import User, require_role
from models.catalog import Category
from models.changes import Change, changed_by, commit, locked_slip
from models.db import write_transaction
from models.directory import building_of, normalize_unit, unit_for
from models.errors import StaleSlip, ValidationFailed
from models.i18n import language, t
from models.slips import Slip
from models.vocab import DESK_ROLES, ReplyMethod, Role, Title, label

EDITABLE = (
    "complainant_name", "complainant_title", "unit_code", "phone", "address", "email",
    "preferred_reply", "complaint", "category", "urgent", "after_hours_ok", "handling_notes",
    "assignee", "calmed", "quiet_place", "caller_number", "call_time", "transferred_to", "thanked",
    "book_entry_date", "book_entry_ref", "contact_left", "letter_date", "letter_received",
    "sender_address", "customer_request",
)


@dataclass(frozen=True)
class FieldChange:
    """One field as the editor saw it (`base`), as stored now (`theirs`) and as typed (`mine`)."""
    field: str
    base: Any
    theirs: Any
    mine: Any

    @property
    def conflicting(self) -> bool:
        return self.theirs != self.base and self.mine != self.base and self.theirs != self.mine


def snapshot(slip: Slip) -> dict[str, Any]:
    """The editable fields as a form opens them: the `base` to hand back on save."""
    return {name: _value(slip, name) for name in EDITABLE}


def _value(slip: Slip, name: str) -> Any:
    return slip.category_id if name == "category" else getattr(slip, name)


_BOOLS = {"urgent", "after_hours_ok", "calmed", "quiet_place", "thanked", "contact_left"}
_DATES = {"book_entry_date", "letter_date", "letter_received"}
_TIMES = {"call_time"}
_CHOICES = {"complainant_title": {t.value for t in Title}, "preferred_reply": {"", *(m.value for m in ReplyMethod)}}


def _type_problem(name: str, value: Any) -> str | None:
    """The value is of the kind the field holds (a form never sends others; a script might)."""
    if name in _BOOLS:
        return None if isinstance(value, bool) else t("Expected yes or no.")
    if name in _TIMES:
        return None if value is None or isinstance(value, dt.datetime) else t("Expected a date and time.")
    if name in _DATES:
        ok = value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime))
        return None if ok else t("Expected a date.")
    if name == "category":
        ok = isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2**31
        return None if ok else t("Choose a category.")
    if not isinstance(value, str):
        return t("Expected text.")
    if name in _CHOICES and value not in _CHOICES[name]:
        return t("Not one of the offered choices.")
    return None


def _check(changes: dict[str, Any]) -> dict[str, str]:
    errors: dict[str, str] = {}
    for name, value in changes.items():
        if name in EDITABLE and (problem := _type_problem(name, value)):
            errors[name] = problem
    if errors:
        return errors
    checks = {
        "complainant_name": lambda v: validation.name(v),
        "complaint": lambda v: validation.text(v, required_message=t("The complaint cannot be emptied.")),
        "handling_notes": lambda v: validation.text(v),
        "phone": lambda v: validation.phone(v),
        "caller_number": lambda v: validation.phone(v),
        "email": lambda v: validation.email(v),
        "address": lambda v: validation.text(v, validation.SHORT_MAX),
        "assignee": lambda v: validation.text(v, validation.NAME_MAX),
        "transferred_to": lambda v: validation.text(v, validation.NAME_MAX),
        "book_entry_ref": lambda v: validation.text(v, 32),
        "sender_address": lambda v: validation.text(v, validation.SHORT_MAX),
        "customer_request": lambda v: validation.text(v, 2000),
        "call_time": lambda v: validation.past_date(v, t("The call time"), required_field=False),
        "letter_date": lambda v: validation.past_date(v, t("The letter's date"), required_field=False),
        "letter_received": lambda v: validation.past_date(v, t("The date received"), required_field=False),
        "book_entry_date": lambda v: validation.past_date(v, t("The entry date"), required_field=False),
    }
    for name, value in changes.items():
        if name not in EDITABLE:
            errors[name] = t("This field cannot be edited here.")
        elif name in checks and (message := checks[name](value)):
            errors[name] = message
        elif message := validation.column_problem(Slip._meta.fields[name], value):
            errors[name] = message
    if "unit_code" in changes and changes["unit_code"] and normalize_unit(changes["unit_code"]) is None:
        errors["unit_code"] = t("Write the unit as building-entrance-room, e.g. 3-2-1201.")
    if "category" in changes and not Category.select().where(Category.id == changes["category"]).exists():
        errors["category"] = t("Choose a category.")
    return errors


def _normalized(changes: dict[str, Any]) -> dict[str, Any]:
    values = dict(changes)
    for key in ("phone", "caller_number"):
        if key in values:
            values[key] = validation.normalize_phone(values[key]) or ""
    if "unit_code" in values:
        values["unit_code"] = normalize_unit(values["unit_code"] or "") or ""
    return values


def edit_slip(slip_id: int, expected_version: int, changes: dict[str, Any], user: User,
              base: dict[str, Any] | None = None, reason: str = "") -> Slip:
    """Save `changes` made on the version the editor opened; refuse a silent overwrite. A slip no
    longer open is corrected by a manager only, with a `reason`."""
    require_role(user, *DESK_ROLES, action=t("correct a slip"))
    if not isinstance(changes, dict):
        raise ValidationFailed({"changes": t("Nothing to save.")})
    errors = _check(changes)
    if errors:
        raise ValidationFailed(errors)
    values = _normalized(changes)
    with write_transaction():
        slip = locked_slip(slip_id)
        if slip.version != expected_version:
            raise _stale(slip, expected_version, values, base)
        diff = {k: (_value(slip, k), v) for k, v in values.items() if _value(slip, k) != v}
        if not diff:
            return slip
        correction = _correction(slip, user, reason) if not slip.is_open else ""
        return commit(slip, user, lambda s: _apply(s, diff, correction))


def _correction(slip: Slip, user: User, reason: str) -> str:
    """The reason for correcting a slip that is no longer open: a manager's, and given."""
    require_role(user, Role.MANAGER, action=t("correct a slip that is {status}",
                                             status=label(slip.status, language())))
    if message := validation.text(reason, 2000, required_message=t(
            "Say why a slip that is no longer open is corrected.")):
        raise ValidationFailed({"reason": message})
    return reason.strip()


def _apply(slip: Slip, diff: dict[str, tuple[Any, Any]], correction: str = "") -> Change:
    for name, (_old, new) in diff.items():
        setattr(slip, "category_id" if name == "category" else name, new)
    if "unit_code" in diff:
        slip.unit = unit_for(slip.unit_code) if slip.unit_code else None
        slip.building = building_of(slip.unit_code)
    return Change("corrected" if correction else "edited", note=correction,
                  data={k: [_plain(a), _plain(b)] for k, (a, b) in diff.items()}, transition=False)


def _stale(slip: Slip, expected: int, mine: dict[str, Any], base: dict[str, Any] | None) -> StaleSlip:
    base = base or {}
    changes = {}
    for name in EDITABLE:
        theirs = _value(slip, name)
        was = base.get(name, theirs)
        wanted = mine.get(name, was)
        if theirs != was or (name in mine and wanted != was):
            changes[name] = FieldChange(name, was, theirs, wanted)
    return StaleSlip(t("Slip {number} was changed at another desk{who} since you opened it "
                       "(version {expected} → {version}). Review the differences and save again.",
                       number=slip.number, who=changed_by(slip), expected=expected, version=slip.version),
                     slip.version, changes)


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value
