"""The slip's history: every change leaves an event, and the events form a hash chain.

Each event's hash covers the previous event's hash and its own content, and the slip keeps the
newest hash and the count. Editing, inserting or deleting an event anywhere breaks the chain
at that point, which `verify_slip` and `slipdesk-admin verify` report.

Each event also carries the facts it set (models.facts: the slip's changed columns, the belonging
rows it wrote; the whole slip at its first event), and its hash covers them: `verify_slip` replays
them and names any fact stored now that no event set. Events written before the integrity step
(models.migrations.STEP_INTEGRITY) carry no facts (their `facts` is NULL and their hash is computed
as it always was); the step appended to each slip a "sealed" event recording the whole slip as it
stood, so an older slip is proven from its seal on, and its older events by their chain alone.

With a history key (models.history_key: a file kept outside the database) the hash is an HMAC:
a chain recomputed by someone without the key no longer verifies.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any, Iterable

import peewee

from models import clock, facts, history_key, moved_ids, statements
from models.accounts import User
from models.db import BaseModel, is_sqlite, take_slip_rows
from models.i18n import t
from models.slips import Slip, content_problems

GENESIS = "0" * 64


class SlipEvent(BaseModel):
    # Indexed by (slip, seq) and (slip, to_status, at) only: every save writes two events, and no
    # query looks events up by user or action (accounts are never deleted).
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
    facts = peewee.TextField(null=True)  # JSON (models.facts): the facts this event set; NULL before the seal
    prev_hash = peewee.CharField(max_length=64)
    hash = peewee.CharField(max_length=64)

    class Meta:
        indexes = (
            (("slip", "seq"), True),
            (("slip", "to_status", "at"), False),  # a slip's first reply, for the review
        )

    @property
    def details(self) -> dict[str, Any]:
        return json.loads(self.data or "{}")

    @property
    def recorded(self) -> dict[str, Any] | None:
        """The facts this event set (models.facts); None for an event from before the seal."""
        return None if self.facts is None else json.loads(self.facts)


def payload(prev_hash: str, number: str, seq: int, at: dt.datetime, user_id: int | None, actor: str,
            action: str, from_status: str, to_status: str, note: str, data: str, facts: str | None = None) -> bytes:
    """What an event's hash covers. An event from before the seal (`facts` None) is hashed as it
    always was, without them."""
    fields = [prev_hash, number, seq, at.isoformat(sep=" ", timespec="seconds"), user_id, actor, action,
              from_status, to_status, note, data]
    if facts is not None:
        fields.append(facts)
    return _encode_payload(fields).encode("utf-8", "surrogatepass")


def _encode_payload(fields: list) -> str:
    """json.dumps(fields, ensure_ascii=False, separators=(",", ":")): the same C encoder json.dumps
    runs, made once rather than per call (the demo loader hashes millions of events with `payload`
    too, models.demo); json.dumps itself where the C encoder is missing."""
    if _C_ENCODER is None:
        return json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return "".join(_C_ENCODER(fields, 0))


# no circular check (a flat list), no default (only str, int and None go in), no sorting
_C_ENCODER = None if json.encoder.c_make_encoder is None else json.encoder.c_make_encoder(
    None, None, json.encoder.encode_basestring, None, ":", ",", False, False, True)


def _digest(prev_hash: str, number: str, seq: int, at: dt.datetime, user_id: int | None, actor: str,
            action: str, from_status: str, to_status: str, note: str, data: str, facts: str | None = None) -> str:
    """The plain SHA-256 of an event (no history key)."""
    return hashlib.sha256(payload(prev_hash, number, seq, at, user_id, actor, action, from_status, to_status,
                                  note, data, facts)).hexdigest()


def _encode(data: dict[str, Any] | None) -> str:
    return json.dumps(data or {}, ensure_ascii=False, sort_keys=True, default=str)


def record(slip: Slip, user: User | None, action: str, note: str = "", data: dict | None = None,
           from_status: str = "", to_status: str = "") -> SlipEvent:
    """Append an event that changes no column of the slip (a print, say) to its chain; call
    inside the transaction that does what it records. A slip's first event records it whole.

    Updates `slip.history_head` and `slip.event_count` in memory and in the database.
    """
    slip.history_head, slip.event_count = _current_head(slip)
    event = append(slip, user, action, note, data, from_status, to_status)
    statements.update(slip, ("history_head", "event_count"))
    return event


def append(slip: Slip, user: User | None, action: str, note: str = "", data: dict | None = None,
           from_status: str = "", to_status: str = "", changed: dict[str, Any] | None = None) -> SlipEvent:
    """Write the next event after the head the slip holds in memory and move that head on, in
    memory only: for a slip created or locked in the running transaction (no other desk can
    have added an event) whose row the caller writes next anyway (models.changes)."""
    event = next_event(slip, user, action, note, data, from_status, to_status, changed)
    return statements.insert(SlipEvent, event)


def next_event(slip: Slip, user: User | None, action: str, note: str = "", data: dict | None = None,
               from_status: str = "", to_status: str = "", changed: dict[str, Any] | None = None) -> dict[str, Any]:
    """The values of the event after the slip's head in memory; moves that head on (in memory).

    Its facts: the whole slip at its first event, else `changed` (the columns the caller
    changed, models.facts.changed_columns); and the belonging rows written for the slip since
    its last event (models.facts.SlipRecord)."""
    seq = (slip.event_count or 0) + 1
    if seq == 1:
        recorded = facts.full_state(slip)
    else:
        recorded = {"slip": changed} if changed else {}
    rows = take_slip_rows(slip.id)
    if rows:
        recorded["rows"] = rows
    return _event(slip, user, action, note, _encode(data), from_status, to_status, recorded)


def _event(slip: Slip, user: User | None, action: str, note: str, encoded: str, from_status: str,
           to_status: str, recorded: dict[str, Any]) -> dict[str, Any]:
    seq = (slip.event_count or 0) + 1
    prev = slip.history_head or GENESIS
    at = clock.now()
    actor = user.display_name if user else "Slipdesk"
    user_id = user.id if user else None
    key = history_key.current()
    if key is not None:
        recorded["key"] = key.ident
    stated = facts.encode(recorded)
    digest = history_key.digest(key, payload(prev, slip.number, seq, at, user_id, actor, action, from_status,
                                             to_status, note, encoded, stated))
    slip.history_head, slip.event_count = digest, seq
    return dict(slip=slip.id, seq=seq, at=at, user=user_id, actor=actor, action=action, from_status=from_status,
                to_status=to_status, note=note, data=encoded, facts=stated, prev_hash=prev, hash=digest)


def seal(slip: Slip, user: User | None = None, reason: str = "") -> SlipEvent:
    """Append a "sealed" event recording the slip whole, its belonging rows included, as it is
    stored now: where a slip's facts are proven from (the integrity upgrade; a history key made;
    a schema step that filled a new column). Call inside a write transaction."""
    slip.history_head, slip.event_count = _current_head(slip)
    recorded = facts.full_state(slip)
    recorded["rows"] = facts.stored_rows([slip.id])[slip.id]
    take_slip_rows(slip.id)
    event = statements.insert(SlipEvent, _event(slip, user, "sealed", reason, "{}", "", "", recorded))
    statements.update(slip, ("history_head", "event_count"))
    return event


def _current_head(slip: Slip) -> tuple[str, int]:
    """The chain's head as stored now (another desk may have added an event since we read)."""
    row = statements.execute(_HEAD_SQL if is_sqlite() else _HEAD_SQL + " FOR UPDATE", (slip.id,)).fetchone()
    return row[0], row[1]


_HEAD_SQL = 'SELECT "history_head", "event_count" FROM "slip" WHERE "id" = ?'


def events_of(slip: Slip) -> list[SlipEvent]:
    return list(SlipEvent.select().where(SlipEvent.slip == slip).order_by(SlipEvent.seq))


def seal_all(reason: str, user: User | None = None, batch: int = 1000) -> int:
    """`seal` every slip, reading them and their belonging rows in batches; returns how many."""
    last_id, sealed = 0, 0
    while True:
        slips = list(Slip.select().where(Slip.id > last_id).order_by(Slip.id).limit(batch))
        if not slips:
            return sealed
        rows = facts.stored_rows([slip.id for slip in slips])
        for slip in slips:
            recorded = facts.full_state(slip)
            recorded["rows"] = rows[slip.id]
            statements.insert(SlipEvent, _event(slip, user, "sealed", reason, "{}", "", "", recorded))
            statements.update(slip, ("history_head", "event_count"))
        sealed += len(slips)
        last_id = slips[-1].id


@dataclass(frozen=True)
class ChainBreak:
    """Where a slip's history was tampered with: an event (`seq`), or the slip as stored (`seq` 0)."""
    slip_number: str
    seq: int
    problem: str

    def __str__(self) -> str:
        if self.seq == 0:
            return t("{number}: {problem}", number=self.slip_number, problem=self.problem)
        return t("{number} event {seq}: {problem}", number=self.slip_number,
                 seq=self.seq, problem=self.problem)


def verify_slip(slip: Slip, events: Iterable[SlipEvent] | None = None,
                rows: dict[str, dict[str, dict[str, Any]]] | None = None) -> ChainBreak | None:
    """The first place the slip's history was edited, inserted into or cut, or the first fact
    stored now that its history does not prove; None if intact."""
    found = check_slip(slip, events, rows)
    return found[0] if found else None


def check_slip(slip: Slip, events: Iterable[SlipEvent] | None = None,
               rows: dict[str, dict[str, dict[str, Any]]] | None = None,
               content: list[str] | None = None) -> list[ChainBreak]:
    """Every problem with the slip: the first break in its chain (nothing more is read then), or
    else each fact its replayed history does not prove. `rows` and `content`: its belonging rows
    (models.facts.stored_rows) and attachment problems, when the caller read them for many slips."""
    events = list(events) if events is not None else events_of(slip)
    broken = _chain_break(slip, events)
    if broken is not None:
        return [broken]
    if rows is None:
        rows = facts.stored_rows([slip.id])[slip.id]
    if content is None:
        content = content_problems([slip.id]).get(slip.id, [])
    return _fact_breaks(slip, events, rows) + [ChainBreak(slip.number, 0, problem) for problem in content]


def _chain_break(slip: Slip, events: list[SlipEvent]) -> ChainBreak | None:
    prev = GENESIS
    expected = 1
    key = history_key.current()
    for event in events:
        if event.seq != expected:
            return ChainBreak(slip.number, expected,
                              t("event missing (deleted)") if event.seq > expected
                              else t("event inserted"))
        if event.prev_hash != prev:
            return ChainBreak(slip.number, event.seq, t("does not follow the previous event (inserted or reordered)"))
        problem = history_key.problem(key, _payload_of(slip, event), event.hash, _signer(event))
        if problem:
            return ChainBreak(slip.number, event.seq, problem)
        prev = event.hash
        expected += 1
    if expected - 1 != slip.event_count or prev != (slip.history_head or GENESIS):
        return ChainBreak(slip.number, expected, t("the newest events were deleted"))
    if key is not None and events and _signer(events[-1]) != key.ident:
        return ChainBreak(slip.number, events[-1].seq, t(
            "not signed with the history key: the chain was recomputed without it"))
    return None


def _payload_of(slip: Slip, event: SlipEvent) -> bytes:
    return payload(event.prev_hash, slip.number, event.seq, event.at, moved_ids.hashed_user_id(event.id, event.user_id),
                   event.actor, event.action,
                   event.from_status, event.to_status, event.note, event.data, event.facts)


def _signer(event: SlipEvent) -> str | None:
    """The id of the history key the event was signed with; None for a plain hash."""
    if event.facts is None or '"key"' not in event.facts:
        return None
    try:
        return json.loads(event.facts).get("key")
    except ValueError:
        return None


def _fact_breaks(slip: Slip, events: list[SlipEvent], rows: dict[str, dict[str, dict[str, Any]]]) -> list[ChainBreak]:
    replayed: facts.Replayed | None = None
    for event in events:
        if event.facts is None:
            if replayed is not None:
                return [ChainBreak(slip.number, event.seq, t(
                    "carries no facts though the events before it do (written around Slipdesk)"))]
            continue
        try:
            recorded = json.loads(event.facts)
        except ValueError:
            recorded = None
        if isinstance(recorded, dict):
            recorded = moved_ids.company_facts(event.id, recorded)
        outcome = facts.apply(replayed, recorded) if isinstance(recorded, dict) else t(
            "its facts cannot be read")
        if isinstance(outcome, str):
            return [ChainBreak(slip.number, event.seq, outcome)]
        replayed = outcome
    if replayed is None:
        return [ChainBreak(slip.number, max(slip.event_count, 1), t(
            "no event records the slip's facts: its history does not prove what it holds"))]
    differences = facts.differences(replayed, facts.plain_row(slip.__data__), rows)
    return [ChainBreak(slip.number, 0, str(difference)) for difference in differences]


def verify_all(batch: int = 2000) -> Iterable[ChainBreak]:
    """Every problem in the database, slip by slip (models.facts: chains, replayed facts,
    attachments' content), reading slips, events and belonging rows in batches."""
    for ident in facts.edited_column_sets():
        yield ChainBreak(t("column set {ident}", ident=ident), 0,
                         t("its list of names was edited"))
    last_id = 0
    while True:
        slips = list(Slip.select().where(Slip.id > last_id).order_by(Slip.id).limit(batch))
        if not slips:
            return
        ids = [s.id for s in slips]
        grouped: dict[int, list[SlipEvent]] = {i: [] for i in ids}
        for event in (SlipEvent.select().where(SlipEvent.slip.between(ids[0], ids[-1]))
                      .order_by(SlipEvent.slip, SlipEvent.seq)):
            if event.slip_id in grouped:  # every slip in the range is in the batch (ids in order)
                grouped[event.slip_id].append(event)
        rows = facts.stored_rows(ids)
        content = content_problems(ids)
        for slip in slips:
            yield from check_slip(slip, grouped[slip.id], rows[slip.id], content.get(slip.id, []))
        last_id = ids[-1]
