"""The resident directory kept by hand: look residents up, add, correct or remove one.

A whole directory comes in by import (models.residents_io); this is for the day-to-day: a new
tenant moved in, a phone number changed. Every change is checked field by field (the messages
are shown beside the inputs) and written to the audit log, since phone numbers are personal data.
"""
from __future__ import annotations

from dataclasses import dataclass

import peewee
from peewee import fn

from models import audit, validation
from models.accounts import User, require_role
from models.db import write_transaction
from models.directory import Resident, Unit, normalize_unit, pinyin_initials, unit_for
from models.errors import SlipdeskError, ValidationFailed
from models.i18n import t
from models.vocab import Role, Title

EDITORS = (Role.SUPERVISOR, Role.MANAGER)
PAGE = 500  # residents read at a time: the directory page reads the next ones as it scrolls


@dataclass
class ResidentValues:
    """What the form holds for one resident."""
    unit_code: str = ""
    name: str = ""
    title: str = Title.NONE
    phone: str = ""
    phone2: str = ""
    email: str = ""

    @classmethod
    def of(cls, resident: Resident) -> ResidentValues:
        return cls(resident.unit.code if resident.unit_id else "", resident.name, resident.title,
                   resident.phone, resident.phone2, resident.email)


def _matching(text: str) -> peewee.ModelSelect:
    query = Resident.select(Resident, Unit).join(Unit, peewee.JOIN.LEFT_OUTER)
    text = (text or "").strip()
    if text:
        unit = normalize_unit(text) or text
        query = query.where(Resident.name.contains(text) | Resident.initials.startswith(text.lower())
                            | Resident.phone.contains(text) | Resident.phone2.contains(text)
                            | Unit.code.startswith(unit))
    return query


def look_up(text: str = "", limit: int = PAGE, offset: int = 0) -> list[Resident]:
    """Residents by unit then name, `limit` of them from `offset` on (a directory of any size is
    read a page at a time); `text` narrows to a name, initials (zs), phone digits or a unit
    prefix (3-2)."""
    return list(_matching(text).order_by(Unit.building, Unit.entrance, fn.LENGTH(Unit.room), Unit.room,
                                         Resident.name, Resident.id).limit(limit).offset(offset))


def count(text: str = "") -> int:
    """How many residents `look_up(text)` lists in all."""
    return _matching(text).count() if (text or "").strip() else Resident.select().count()


def check(values: ResidentValues, resident_id: int | None = None) -> dict[str, str]:
    """Field → message for everything that cannot be saved as it is (empty when all is well)."""
    errors: dict[str, str] = {}
    if normalize_unit(values.unit_code) is None:
        errors["unit_code"] = (t("Enter the unit as building-entrance-room (3-2-1201).")
                               if not values.unit_code.strip()
                               else t("“{unit}” is not a unit (building-entrance-room, 3-2-1201).", unit=values.unit_code.strip()))
    if not values.name.strip():
        errors["name"] = t("Enter the resident's name.")
    elif message := validation.name(values.name):
        errors["name"] = message
    if values.title not in {title.value for title in Title}:
        errors["title"] = t("Choose 先生, 女士 or no title.")
    for key in ("phone", "phone2"):
        if message := validation.phone(getattr(values, key)):
            errors[key] = message
    if message := validation.email(values.email):
        errors["email"] = message
    if not errors and _duplicate(values, resident_id):
        errors["name"] = t("{name} is already listed at {unit}.",
                           name=values.name.strip(), unit=normalize_unit(values.unit_code))
    return errors


def _duplicate(values: ResidentValues, resident_id: int | None) -> bool:
    unit = unit_for(values.unit_code)
    if unit is None:
        return False
    query = Resident.select().where((Resident.unit == unit) & (Resident.name == values.name.strip()))
    if resident_id is not None:
        query = query.where(Resident.id != resident_id)
    return query.exists()


def save(values: ResidentValues, user: User, resident_id: int | None = None) -> Resident:
    """Add a resident (no `resident_id`) or correct one; refused with every field's message."""
    require_role(user, *EDITORS, action=t("change the resident directory"))
    errors = check(values, resident_id)
    if errors:
        raise ValidationFailed(errors)
    stored = {"name": values.name.strip(), "title": values.title,
              "phone": validation.normalize_phone(values.phone) or "",
              "phone2": validation.normalize_phone(values.phone2) or "", "email": values.email.strip()}
    with write_transaction():
        unit = unit_for(values.unit_code, create=True)
        if resident_id is None:
            resident = Resident.create(unit=unit, initials=pinyin_initials(stored["name"]), **stored)
            audit.log(user, "resident_added", resident=resident.id, unit=unit.code, name=resident.name)
            return resident
        resident = Resident.get_or_none(Resident.id == resident_id)
        if resident is None:
            raise SlipdeskError(t("This resident was removed from the directory meanwhile."))
        before = ResidentValues.of(resident)
        changed = sorted(k for k, v in {**stored, "unit_code": unit.code}.items() if getattr(before, k) != v)
        if not changed:
            return resident
        Resident.update(unit=unit, initials=pinyin_initials(stored["name"]), **stored).where(
            Resident.id == resident_id).execute()
        audit.log(user, "resident_changed", resident=resident_id, unit=unit.code, name=stored["name"],
                  fields=changed)
    return Resident.get_by_id(resident_id)


def remove(resident_id: int, user: User) -> None:
    """Take a resident off the directory (moved out); slips keep the complainant's own details."""
    require_role(user, *EDITORS, action=t("change the resident directory"))
    with write_transaction():
        resident = Resident.get_or_none(Resident.id == resident_id)
        if resident is None:
            return
        unit = resident.unit.code if resident.unit_id else ""
        resident.delete_instance()
        audit.log(user, "resident_removed", resident=resident_id, unit=unit, name=resident.name)
