"""The slip's history: every change leaves an event, and the events form a hash chain.

Each event's hash covers the previous event's hash and its own content, and the slip keeps the
newest hash and the count. Editing, inserting or deleting an event anywhere breaks the chain
at that point, which `verify_slip` and `slipdesk-admin verify` report.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any, Iterable

import peewee

from models import clock, moves, statements
from models.accounts import User
from models.db import BaseModel, is_sqlite
from models.i18n import t
from models.slips import Slip

GENESIS = "0" * 64


class SlipEvent(BaseModel):
    # Indexed by (slip, seq) and (slip, to_status, at) only: every save writes two events, and no
    # query looks events up by user or action (accounts are never deleted; schema step 6).
    slip = peewee.ForeignKeyField(Slip, backref="events", on_delete="RESTRICT", index=False)
    seq = peewee.IntegerField()  # 1, 2, 3 … within the slip
    at = peewee.DateTimeField()
    user = peewee.ForeignKeyField(User, null=True, backref="+", index=False)
    actor = peewee.CharField(max_length=64, default="")  # the name as it was at the time
    action = peewee.CharField(max_length=32)
    from_status = peewee.CharField(max_length=24, default="")
    to_status = peewee.CharField(max_length=24, default="")
    note = peewee.TextField(default="")
    data = peewee.TextField(default="{}")  # JSON: what changed, what was printed …
    prev_hash = peewee.CharField(max_length=64)
    hash = peewee.CharField(max_length=64)

    class Meta:
        indexes = (
            (("slip", "seq"), True),
            (("slip", "to_status", "at"), False),  # a slip's first reply, for the review (schema step 2)
        )

    @property
    def details(self) -> dict[str, Any]:
        return json.loads(self.data or "{}")


def _digest(prev_hash: str, number: str, seq: int, at: dt.datetime, user_id: int | None, actor: str,
            action: str, from_status: str, to_status: str, note: str, data: str) -> str:
    payload = json.dumps([prev_hash, number, seq, at.isoformat(sep=" ", timespec="seconds"), user_id,
                          actor, action, from_status, to_status, note, data],
                         ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _encode(data: dict[str, Any] | None) -> str:
    return json.dumps(data or {}, ensure_ascii=False, sort_keys=True, default=str)


def record(slip: Slip, user: User | None, action: str, note: str = "", data: dict | None = None,
           from_status: str = "", to_status: str = "") -> SlipEvent:
    """Append an event to the slip's chain; call inside the transaction that changes the slip.

    Updates `slip.history_head` and `slip.event_count` in memory and in the database.
    """
    slip.history_head, slip.event_count = _current_head(slip)
    event = append(slip, user, action, note, data, from_status, to_status)
    statements.update(slip, ("history_head", "event_count"))
    return event


def append(slip: Slip, user: User | None, action: str, note: str = "", data: dict | None = None,
           from_status: str = "", to_status: str = "") -> SlipEvent:
    """Write the next event after the head the slip holds in memory and move that head on, in
    memory only: for a slip created or locked in the running transaction (no other desk can
    have added an event) whose row the caller writes next anyway (models.changes)."""
    event = next_event(slip, user, action, note, data, from_status, to_status)
    return statements.insert(SlipEvent, event)


def next_event(slip: Slip, user: User | None, action: str, note: str = "", data: dict | None = None,
               from_status: str = "", to_status: str = "") -> dict[str, Any]:
    """The values of the event after the slip's head in memory; moves that head on (in memory)."""
    seq = (slip.event_count or 0) + 1
    prev = slip.history_head or GENESIS
    at = clock.now()
    actor = user.display_name if user else "Slipdesk"
    encoded = _encode(data)
    digest = _digest(prev, slip.number, seq, at, user.id if user else None, actor, action,
                     from_status, to_status, note, encoded)
    slip.history_head, slip.event_count = digest, seq
    return dict(slip=slip.id, seq=seq, at=at, user=user.id if user else None, actor=actor, action=action,
                from_status=from_status, to_status=to_status, note=note, data=encoded, prev_hash=prev,
                hash=digest)


def _current_head(slip: Slip) -> tuple[str, int]:
    """The chain's head as stored now (another desk may have added an event since we read)."""
    row = statements.execute(_HEAD_SQL if is_sqlite() else _HEAD_SQL + " FOR UPDATE", (slip.id,)).fetchone()
    return row[0], row[1]


_HEAD_SQL = 'SELECT "history_head", "event_count" FROM "slip" WHERE "id" = ?'


def events_of(slip: Slip) -> list[SlipEvent]:
    return list(SlipEvent.select().where(SlipEvent.slip == slip).order_by(SlipEvent.seq))


@dataclass(frozen=True)
class ChainBreak:
    slip_number: str
    seq: int
    problem: str

    def __str__(self) -> str:
        return t("{number} event {seq}: {problem}", "{number} 第 {seq} 条记录：{problem}", number=self.slip_number,
                 seq=self.seq, problem=self.problem)


def verify_slip(slip: Slip, events: Iterable[SlipEvent] | None = None) -> ChainBreak | None:
    """The first place the slip's history was edited, inserted into or cut; None if intact."""
    prev = GENESIS
    expected = 1
    for event in (events if events is not None else events_of(slip)):
        if event.seq != expected:
            return ChainBreak(slip.number, expected,
                              t("event missing (deleted)", "记录缺失（已被删除）") if event.seq > expected
                              else t("event inserted", "记录被插入"))
        if event.prev_hash != prev:
            return ChainBreak(slip.number, event.seq, t("does not follow the previous event (inserted or reordered)",
                                                        "与上一条记录接不上（被插入或调换了顺序）"))
        digest = _digest(prev, slip.number, event.seq, event.at, moves.hashed_user_id(event.id, event.user_id),
                         event.actor, event.action, event.from_status, event.to_status, event.note, event.data)
        if digest != event.hash:
            return ChainBreak(slip.number, event.seq, t("content edited after it was recorded", "记录后内容被改动"))
        prev = event.hash
        expected += 1
    if expected - 1 != slip.event_count or prev != (slip.history_head or GENESIS):
        return ChainBreak(slip.number, expected, t("the newest events were deleted", "最新的记录被删除"))
    return None


def verify_all(batch: int = 2000) -> Iterable[ChainBreak]:
    """Every break in the database, slip by slip, reading events in batches."""
    last_id = 0
    while True:
        slips = list(Slip.select().where(Slip.id > last_id).order_by(Slip.id).limit(batch))
        if not slips:
            return
        ids = [s.id for s in slips]
        grouped: dict[int, list[SlipEvent]] = {i: [] for i in ids}
        for event in SlipEvent.select().where(SlipEvent.slip.in_(ids)).order_by(SlipEvent.slip, SlipEvent.seq):
            grouped[event.slip_id].append(event)
        for slip in slips:
            broken = verify_slip(slip, grouped[slip.id])
            if broken:
                yield broken
        last_id = ids[-1]
