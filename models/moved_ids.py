"""The blocks of ids a move brought in (models.moves), and an event moved in read in this
database's ids.

A move shifts each table's ids by one offset (a block of ids reserved in the company database),
and every reference by the offset of the table it points at. History events hash the id of the
account that wrote them: a moved event is verified with the desk's own account id, and the facts
it records, written with the desk's ids, are read shifted (models.history).
"""
from __future__ import annotations

from typing import Any

import peewee

from models import facts
from models.db import BaseModel, database
from models.slips import Slip

# References that are no foreign key: (table, column) → the table whose id it holds.
SOFT_REFERENCES: dict[tuple[str, str], str] = {("draft", "slip_id"): "slip"}


class MovedBlock(BaseModel):
    """One table's rows brought in by a move: ids first_id..last_id, each the desk's id + offset."""
    move = peewee.CharField(max_length=36, index=True)
    table_name = peewee.CharField(max_length=64)
    first_id = peewee.BigIntegerField()
    last_id = peewee.BigIntegerField()
    offset = peewee.BigIntegerField()
    source = peewee.CharField(max_length=64, default="")  # the desk's fingerprint (its slips' history)


_moved: dict[int, tuple[tuple[int, int, dict[str, int]], ...]] = {}


def hashed_user_id(event_id: int, user_id: int | None) -> int | None:
    """The account id an event's hash was made with: the desk's own for an event moved in."""
    if user_id is None:
        return None
    return user_id - _offsets(event_id).get("user", 0)


def company_facts(event_id: int, recorded: dict[str, Any]) -> dict[str, Any]:
    """The facts an event moved in records, in this database's ids: the desk wrote them with its
    own (the slip's references, its belonging rows' keys and references), the move shifted each
    table's ids by its offset, and the events written since speak of the shifted ids."""
    offsets = _offsets(event_id)
    if not offsets:
        return recorded
    found = dict(recorded)
    slip_shifts = _field_shifts(Slip, offsets)
    if "values" in recorded:
        names = facts.column_names(str(recorded.get("columns", ""))) or ()
        found["values"] = [_shifted(value, slip_shifts.get(name)) for name, value in zip(names, recorded["values"])]
    if isinstance(recorded.get("slip"), dict):
        found["slip"] = {name: _shifted(value, slip_shifts.get(name)) for name, value in recorded["slip"].items()}
    if isinstance(recorded.get("rows"), dict):
        tracked = facts.tracked()
        found["rows"] = {table: _shifted_rows(rows, tracked.get(table), offsets)
                         for table, rows in recorded["rows"].items()}
    return found


def _shifted_rows(rows: Any, model: type[BaseModel] | None, offsets: dict[str, int]) -> Any:
    if model is None or not isinstance(rows, dict):
        return rows  # the replay reports what it cannot read
    table, shifts = model._meta.table_name, _field_shifts(model, offsets)
    return {_shifted_key(ident, offsets.get(table)): (
        {name: _shifted(value, shifts.get(name)) for name, value in record.items()} if isinstance(record, dict)
        else record) for ident, record in rows.items()}


def _field_shifts(model: type[BaseModel], offsets: dict[str, int]) -> dict[str, int]:
    """The offset of each field of `model` that holds another moved table's id."""
    table, found = model._meta.table_name, {}
    for field_ in model._meta.sorted_fields:
        dest = (field_.rel_model._meta.table_name if isinstance(field_, peewee.ForeignKeyField)
                else SOFT_REFERENCES.get((table, field_.column_name)))
        if dest in offsets:
            found[field_.name] = offsets[dest]
    return found


def _shifted(value: Any, shift: int | None) -> Any:
    return value + shift if shift and isinstance(value, int) and not isinstance(value, bool) else value


def _shifted_key(ident: str, shift: int | None) -> str:
    return str(int(ident) + shift) if shift and ident.isdigit() else ident


def _offsets(event_id: int) -> dict[str, int]:
    """Each table's offset in the move that brought the event in; empty for one written here."""
    for first, last, offsets in _blocks():
        if first <= event_id <= last:
            return offsets
    return {}


def _blocks() -> tuple[tuple[int, int, dict[str, int]], ...]:
    """(first, last event id, each table's offset) of every move this login sees, read once per database."""
    key = id(database.obj)
    if key not in _moved:
        if not database.table_exists(MovedBlock._meta.table_name):
            _moved[key] = ()
            return ()
        offsets: dict[str, dict[str, int]] = {}
        events = {}
        for row in MovedBlock.select():
            offsets.setdefault(row.move, {})[row.table_name] = row.offset
            if row.table_name == "slip_event":
                events[row.move] = row
        _moved[key] = tuple((row.first_id, row.last_id, offsets[move]) for move, row in events.items())
    return _moved[key]


def forget() -> None:
    _moved.clear()
