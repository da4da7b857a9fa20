"""Estate units (building-unit-room) and the residents who live in them.

Used to complete the complainant's details as the clerk types; a complainant need not be in
the directory (visitors, tenants not yet registered).
"""
from __future__ import annotations

import re

import peewee

from models import statements
from models.db import BaseModel
from models.vocab import Title

_UNIT_RE = re.compile(r"^\s*(\d{1,3})\s*[-－—栋幢号楼#]\s*(\d{1,2})\s*[-－—单元]*\s*[-－—]?\s*(\d{1,5})\s*室?\s*$")


class Unit(BaseModel):
    code = peewee.CharField(max_length=32, unique=True)  # "3-2-1201"
    building = peewee.IntegerField(index=True)
    entrance = peewee.IntegerField()
    room = peewee.CharField(max_length=8)


class Resident(BaseModel):
    unit = peewee.ForeignKeyField(Unit, backref="residents", null=True, on_delete="SET NULL")
    name = peewee.CharField(max_length=64, index=True)
    title = peewee.CharField(max_length=4, default=Title.NONE)
    phone = peewee.CharField(max_length=32, default="", index=True)
    phone2 = peewee.CharField(max_length=32, default="")
    email = peewee.CharField(max_length=128, default="")
    initials = peewee.CharField(max_length=16, default="", index=True)  # pinyin initials: 张三 -> zs


def normalize_unit(text: str) -> str | None:
    """“3栋2单元1201”, “3-2-1201” or “3#2-1201” → "3-2-1201"; None if it is not a unit."""
    if not text:
        return None
    match = _UNIT_RE.match(text)
    if not match:
        return None
    building, entrance, room = match.groups()
    return f"{int(building)}-{int(entrance)}-{room}"


def unit_for(code: str, create: bool = False) -> Unit | None:
    normalized = normalize_unit(code)
    if normalized is None:
        return None
    unit = Unit.get_or_none(Unit.code == normalized)
    if unit is None and create:
        building, entrance, room = normalized.split("-")
        unit = Unit.create(code=normalized, building=int(building), entrance=int(entrance), room=room)
    return unit


def unit_id_for(code: str) -> int | None:
    """The id of the directory's unit `code` names, if any: what a saved slip links to (every
    save asks, so by SQL written once rather than a peewee query)."""
    normalized = normalize_unit(code)
    if normalized is None:
        return None
    row = statements.execute('SELECT "id" FROM "unit" WHERE "code" = ?', (normalized,)).fetchone()
    return row[0] if row else None


def building_of(code: str) -> int | None:
    normalized = normalize_unit(code or "")
    return int(normalized.split("-")[0]) if normalized else None


def pinyin_initials(name: str) -> str:
    """张三 → "zs": so a clerk can find a resident by typing initials. At most the column's 16
    letters (a name may run to 64 characters; PostgreSQL refuses a longer value, and nobody types
    more than a few initials to find someone)."""
    if not name:
        return ""
    from pypinyin import Style, lazy_pinyin

    letters = "".join(p[0] for p in lazy_pinyin(name, style=Style.FIRST_LETTER, errors="ignore") if p).lower()
    return letters[:Resident.initials.max_length]


def add_resident(name: str, unit_code: str = "", title: str = Title.NONE, phone: str = "",
                 email: str = "") -> Resident:
    unit = unit_for(unit_code, create=True) if unit_code else None
    return Resident.create(unit=unit, name=name.strip(), title=title, phone=phone.strip(),
                           email=email.strip(), initials=pinyin_initials(name))


def complete_units(prefix: str, limit: int = 20) -> list[str]:
    """Unit codes starting with what the clerk typed so far."""
    prefix = (prefix or "").strip()
    query = Unit.select(Unit.code)
    if prefix:
        query = query.where(Unit.code.startswith(prefix))
    return [u.code for u in query.order_by(Unit.code).limit(limit)]


def find_residents(text: str, limit: int = 20) -> list[Resident]:
    """Residents whose name, initials, phone or unit starts with `text`."""
    text = (text or "").strip()
    if not text:
        return []
    query = (Resident.select(Resident, Unit).join(Unit, peewee.JOIN.LEFT_OUTER)
             .where(Resident.name.startswith(text) | Resident.initials.startswith(text.lower())
                    | Resident.phone.contains(text) | Unit.code.startswith(text)))
    return list(query.limit(limit))


def residents_of(unit_code: str) -> list[Resident]:
    unit = unit_for(unit_code)
    if unit is None:
        return []
    return list(Resident.select().where(Resident.unit == unit).order_by(Resident.id))
