"""Forms being filled, autosaved so that a crash or a power cut loses nothing typed.

A form writes its whole state here every few seconds and on every field change; a saved slip
discards its draft; the next start offers the drafts left behind by a crash.
"""
from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import json
from decimal import Decimal
from typing import Any

import peewee

from models import clock
from models.accounts import User
from models.db import BaseModel, database


class Draft(BaseModel):
    user = peewee.ForeignKeyField(User, backref="drafts", on_delete="CASCADE")
    kind = peewee.CharField(max_length=32)  # "intake:phone", "edit", "reply" …
    slip_id = peewee.IntegerField(null=True)
    payload = peewee.TextField()
    updated_at = peewee.DateTimeField(index=True)


def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return {"$dt": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$d": value.isoformat()}
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"$b": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, Decimal):  # money as typed on the authority panel (compensation, repair cost)
        return {"$dec": str(value)}
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if "$dt" in value:
            return dt.datetime.fromisoformat(value["$dt"])
        if "$d" in value:
            return dt.date.fromisoformat(value["$d"])
        if "$b" in value:
            return base64.b64decode(value["$b"])
        if "$dec" in value:
            return Decimal(value["$dec"])
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


def to_payload(state: Any) -> str:
    """A form's state (a dataclass or dict, dates and bytes included) as stored JSON."""
    if dataclasses.is_dataclass(state):
        state = dataclasses.asdict(state)
    return json.dumps(_encode(state), ensure_ascii=False)


def from_payload(payload: str) -> dict[str, Any]:
    return _decode(json.loads(payload))


def save_draft(user: User, kind: str, state: Any, draft_id: int | None = None,
               slip_id: int | None = None) -> int:
    """Write the form's state; returns the draft's id to pass on the next autosave."""
    return write_payload(user, kind, to_payload(state), draft_id, slip_id)


def write_payload(user: User | int, kind: str, payload: str, draft_id: int | None = None,
                  slip_id: int | None = None) -> int:
    """Write a draft's stored JSON (a form's, or one spooled while the server was away: models.outage)."""
    with database.atomic():
        if draft_id is not None:
            updated = Draft.update(payload=payload, updated_at=clock.now()).where(Draft.id == draft_id).execute()
            if updated:
                return draft_id
        return Draft.create(user=user, kind=kind, slip_id=slip_id, payload=payload, updated_at=clock.now()).id


def drafts_of(user: User) -> list[Draft]:
    return list(Draft.select().where(Draft.user == user).order_by(Draft.updated_at.desc()))


def discard(draft_id: int | None) -> None:
    if draft_id is not None:
        Draft.delete().where(Draft.id == draft_id).execute()
