"""What a slip's history proves: the facts each history event carries, and their replay.

Every fact of a slip — each column of its row, and each row of the tables that belong to it
(replies, reply letters and their approvals, thank-you follow-ups, transmittals, attachments
and their content hashes, motive decisions, return visits, rewards) — is carried by the history
event that set it, in the event's `facts` (JSON, covered by the event's hash):

    {"columns": "<id>", "values": [...]}   the whole row, at a slip's first event and at a seal
    {"slip": {"status": "replied", ...}}   the columns this event changed, with their new values
    {"rows": {"reply": {"17": {...}}}}     the belonging rows this event wrote (null: deleted)

`models.history.verify_slip` replays a slip's events from its first full record and compares the
result with the rows stored now: a column or a belonging row changed, added or removed without
an event is named. The same replay serves the slip view and `slipdesk-admin verify`.

THE CONTRACT for code that adds or writes slip facts (checked by the tests: every test database
is verified when its test ends, tests/conftest.py):

1. A slip row changes only through `models.changes` (`change_slip`, `commit`, `change_new_slip`):
   it diffs the row against the locked one and records every changed column. A column added by
   a later schema step is covered with no further work, as long as it is written that way.
2. A table that belongs to a slip derives its model from `SlipRecord` (it needs a `slip` foreign
   key) and writes its rows with `.save()`, `.create()` or `.delete_instance()`, inside the write
   transaction of the slip change that the rows are part of: `SlipRecord` hands each row to the
   next event written on that slip. `Model.update()/insert()/delete()` queries bypass it and are
   reported by verify as tampering; so is a write with no slip event after it
   (`models.db.write_transaction` refuses to commit one).
3. A schema step that gives existing slips (or their rows) anything but the model's default in a
   new column records it: `models.history.seal(slip, ...)` after the change, in the same step.
4. Columns that are not facts are listed in `BOOKKEEPING`: the chain's own head and count.

Values are compared in one plain form (`plain`): what the database gives back for the value,
dates as ISO text, decimals to their places, foreign keys as ids; so SQLite and PostgreSQL agree.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Iterable

import peewee

from models.db import BaseModel, note_slip_row
from models.i18n import t

BOOKKEEPING = frozenset({"id", "history_head", "event_count"})


# ----- one plain form for every value ----------------------------------------------------------

def plain(field: peewee.Field, value: Any) -> Any:
    """`value` as `field` gives it back from the database, in a JSON-native form that both
    backends agree on."""
    if value is None:
        return None
    try:
        value = field.python_value(field.db_value(value))
    except (TypeError, ValueError, InvalidOperation):
        return repr(value)  # never stored as such: the comparison then reports it
    return stored(field, value)


def stored(field: peewee.Field, value: Any) -> Any:
    """A value as read from the database (peewee has converted it already), in the plain form."""
    if value is None:
        return None
    if isinstance(field, peewee.BooleanField):
        return bool(value)
    if isinstance(field, peewee.DecimalField):
        places = Decimal(1).scaleb(-(field.decimal_places or 0))
        return str(Decimal(str(value)).quantize(places, ROUND_HALF_UP))
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (bytes, memoryview)):
        return hashlib.sha256(bytes(value)).hexdigest()
    if isinstance(value, float):
        return repr(value)
    return value


def encode(facts: dict[str, Any]) -> str:
    return json.dumps(facts, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


# ----- the slip's row ------------------------------------------------------------------------------

# The slip's model and the tables that belong to a slip, handed over by models.providers (called
# when a database is opened): models.slips and every module with such a table import this one.
_slip_model: list[type[BaseModel]] = []
_tracked: dict[str, type[SlipRecord]] = {}


def track(slip_model: type[BaseModel], models: Iterable[type[BaseModel]]) -> None:
    """Name the slip's model, and among `models` (every table) those deriving from `SlipRecord`."""
    _slip_model[:] = [slip_model]
    _tracked.clear()
    _tracked.update(sorted((m._meta.table_name, m) for m in models if issubclass(m, SlipRecord)))


def _slip() -> type[BaseModel]:
    if not _slip_model:
        raise RuntimeError("models.facts was not handed the slip's tables: open the database with "
                           "models.connection.open_database (models.providers)")
    return _slip_model[0]


def slip_fields() -> list[peewee.Field]:
    """The slip's columns that are facts, in the model's order."""
    return [f for f in _slip()._meta.sorted_fields if f.name not in BOOKKEEPING]


class FactColumns(BaseModel):
    """The slip's column names as a full record lists its values: a later schema step may add
    columns, and a record names the set it was made with (id: the names' digest)."""
    id = peewee.CharField(max_length=16, primary_key=True)
    names = peewee.TextField()

    class Meta:
        table_name = "fact_columns"


def _columns_id(names: tuple[str, ...]) -> str:
    return hashlib.sha256(json.dumps(list(names)).encode()).hexdigest()[:16]


_known: dict[tuple[str, ...], str] = {}
_names: dict[str, tuple[str, ...]] = {}


def columns_id() -> str:
    """The id of the slip's present column set, written to `fact_columns` once per database."""
    names = tuple(f.name for f in slip_fields())
    found = _known.get(names)
    if found is None:
        found = _columns_id(names)
        _known[names] = found
        _names[found] = names
    return found


def ensure_columns() -> None:
    """Record the present column set (at every opening: a step may just have added a column)."""
    ident = columns_id()
    if not FactColumns.select().where(FactColumns.id == ident).exists():
        FactColumns.insert(id=ident, names=json.dumps(list(_names[ident]))).on_conflict_ignore().execute()


def column_names(ident: str) -> tuple[str, ...] | None:
    """The names of a recorded column set; None when the set is missing or was edited."""
    if ident in _names and ident in _known.values():
        return _names[ident]
    row = FactColumns.get_or_none(FactColumns.id == ident)
    if row is None:
        return None
    try:
        names = tuple(json.loads(row.names))
    except (ValueError, TypeError):
        return None
    return names if _columns_id(names) == ident else None


def edited_column_sets() -> list[str]:
    """The recorded column sets whose names no longer match their id (edited in the table)."""
    found = []
    for row in FactColumns.select():
        try:
            names = json.loads(row.names)
        except (ValueError, TypeError):
            names = None
        if not isinstance(names, list) or _columns_id(tuple(names)) != row.id:
            found.append(row.id)
    return found


def full_state(slip: BaseModel) -> dict[str, Any]:
    """The whole row as a first event or a seal records it."""
    values = slip.__data__
    return {"columns": columns_id(), "values": [plain(f, values.get(f.name)) for f in slip_fields()]}


def changed_columns(before: dict[str, Any], slip: BaseModel) -> dict[str, Any]:
    """The columns whose value differs from `before` (a copy of the row's `__data__`), plain."""
    after, found = slip.__data__, {}
    for name, value in after.items():
        if name in BOOKKEEPING or before.get(name) is value:
            continue
        field = type(slip)._meta.fields.get(name)
        if field is None:
            continue
        new = plain(field, value)
        if new != plain(field, before.get(name)):
            found[name] = new
    return found


# ----- rows that belong to a slip ------------------------------------------------------------------

class SlipRecord(BaseModel):
    """A table whose rows are facts of a slip (see the contract above): each save hands the row
    to the slip's next history event."""

    FACT_EXCLUDE: tuple[str, ...] = ()  # columns kept out of the facts (a blob: its hash is a column)

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        _note(self, record_of(self))
        return result

    def delete_instance(self, *args, **kwargs):
        result = super().delete_instance(*args, **kwargs)
        _note(self, None)
        return result


def tracked() -> dict[str, type[SlipRecord]]:
    """Every table that belongs to a slip, by name (the models deriving from `SlipRecord`)."""
    _slip()  # handed over with the slip's model
    return dict(_tracked)


def record_of(row: BaseModel) -> dict[str, Any]:
    """A belonging row's facts: every column but its id (its key) and those left out."""
    meta = type(row)._meta
    data = row.__data__
    leave = set(getattr(type(row), "FACT_EXCLUDE", ())) | {meta.primary_key.name}
    return {f.name: plain(f, data.get(f.name)) for f in meta.sorted_fields if f.name not in leave}


def _note(row: BaseModel, record: dict[str, Any] | None) -> None:
    slip_id = row.__data__.get("slip")
    if slip_id is None:
        return  # not a slip's (a letterhead's logo)
    note_slip_row(getattr(slip_id, "id", slip_id), type(row)._meta.table_name, str(row.get_id()), record)


def stored_rows(slip_ids: list[int]) -> dict[int, dict[str, dict[str, dict[str, Any]]]]:
    """The belonging rows of these slips as stored now, as the facts record them (read by the
    range of their ids: a batch of slips in id order is one short query per table)."""
    found: dict[int, dict[str, dict[str, dict[str, Any]]]] = {i: {} for i in slip_ids}
    if not slip_ids:
        return found
    low, high = min(slip_ids), max(slip_ids)
    for table, model in tracked().items():
        fields = [f for f in model._meta.sorted_fields if f.name not in set(getattr(model, "FACT_EXCLUDE", ()))]
        key = model._meta.primary_key
        names = [f.name for f in fields]
        for values in model.select(*fields).where(model._meta.fields["slip"].between(low, high)).tuples():
            row = dict(zip(names, values))
            if row["slip"] not in found:
                continue
            ident = str(row.pop(key.name))
            found[row["slip"]].setdefault(table, {})[ident] = {f.name: stored(f, row[f.name]) for f in fields
                                                               if f.name in row}
    return found


# ----- replay ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Difference:
    """A fact stored now that the history does not prove."""
    what: str  # "complaint", "reply 17 opinion", "reply 18"
    recorded: Any  # as the history leaves it (None: no such row)
    stored: Any  # as stored now (None: no such row)
    row: bool = False  # a whole belonging row added or removed

    def __str__(self) -> str:
        if self.row and self.recorded is None:
            return t("{what} was added without an event", what=self.what)
        if self.row and self.stored is None:
            return t("{what} was removed without an event", what=self.what)
        return t("{what} was changed without an event ({recorded} → {stored})", what=self.what,
                 recorded=_short(self.recorded), stored=_short(self.stored))


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "…"


@dataclass
class Replayed:
    """The slip as its events leave it: its columns (those the records name) and its rows."""
    columns: dict[str, Any]
    rows: dict[str, dict[str, dict[str, Any] | None]]


def apply(replayed: Replayed | None, facts: dict[str, Any]) -> Replayed | str:
    """One event's facts applied; a problem (str) when they cannot be."""
    if "values" in facts:
        names = column_names(str(facts.get("columns", "")))
        if names is None or len(names) != len(facts["values"]):
            return t("its record of the slip names a column set that is missing or was edited")
        replayed = Replayed(dict(zip(names, facts["values"])), {})
    elif replayed is None:
        return t("it changes facts never recorded whole")
    replayed.columns.update(facts.get("slip", {}))
    for table, rows in facts.get("rows", {}).items():
        replayed.rows.setdefault(table, {}).update(rows)
    return replayed


def differences(replayed: Replayed, row: dict[str, Any], rows: dict[str, dict[str, dict[str, Any]]]) -> list[Difference]:
    """What the stored slip (`row`: plain values by column) and its belonging rows hold that the
    replay does not. A column the records never named (added by a later schema step and not yet
    written) is not compared."""
    found = [Difference(name, value, row.get(name)) for name, value in replayed.columns.items()
             if name in row and row[name] != value]
    for table in sorted(set(replayed.rows) | set(rows)):
        recorded, stored = replayed.rows.get(table, {}), rows.get(table, {})
        for ident in sorted(set(recorded) | set(stored), key=_numeric):
            what = f"{table} {ident}"
            was, now = recorded.get(ident), stored.get(ident)
            if was is None or now is None:
                if was is not None or now is not None:
                    found.append(Difference(what, was, now, row=True))
                continue
            found.extend(Difference(f"{what} {name}", value, now.get(name)) for name, value in was.items()
                         if name in now and now[name] != value)
    return found


def _numeric(ident: str) -> tuple[int, str]:
    return (int(ident), "") if ident.isdigit() else (0, ident)


def plain_row(values: dict[str, Any]) -> dict[str, Any]:
    """A slip row read from the database (python values by field name), plain, facts only."""
    fields = _slip()._meta.fields
    return {name: stored(fields[name], value) for name, value in values.items()
            if name in fields and name not in BOOKKEEPING}
