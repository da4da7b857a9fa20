"""The audit log of everything that is not a slip's own history: imports, exports of personal
data, settings and account changes. Slips keep their own hash-chained history instead.

The log is a hash chain of its own, the desk's chain: each event's hash covers the one before, its place (`seq`) and its content, and `chain_head` keeps the
newest, locked while an event is appended, so that desks on one server append in turn. Events that
change a staff account or a setting carry the facts they set (`facts`: the account's columns, the
setting's value), and `verify_desk` replays them and compares the result with the `user` and
`setting` tables: a role, a password or a setting changed in the table without an event is named.
A failed sign-in's count and lockout are not facts (they change with every attempt).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any, Iterable

import peewee

from models import clock, estates, history_key, statements
from models.accounts import User
from models.db import BaseModel, is_sqlite, write_transaction
from models.i18n import t

GENESIS = "0" * 64
DESK = "desk"
USER_VOLATILE = frozenset({"id", "failed_logins", "locked_until", "password_hash"})


class AuditEvent(BaseModel):
    at = peewee.DateTimeField(index=True)
    user = peewee.ForeignKeyField(User, null=True, backref="+")
    actor = peewee.CharField(max_length=64, default="")
    action = peewee.CharField(max_length=48, index=True)
    detail = peewee.TextField(default="{}")
    # the desk's chain; NULL on no row once the step ran
    seq = peewee.IntegerField(null=True, unique=True)
    facts = peewee.TextField(null=True)  # JSON: the accounts and settings this event set
    prev_hash = peewee.CharField(max_length=64, null=True)
    hash = peewee.CharField(max_length=64, null=True)

    @property
    def details(self) -> dict[str, Any]:
        return json.loads(self.detail or "{}")

    @property
    def recorded(self) -> dict[str, Any]:
        """The accounts and settings this event set (`facts`); empty for an entry from before the chain."""
        return json.loads(self.facts or "{}")


class ChainHead(BaseModel):
    """The newest event of a chain that is not a slip's (the desk's: the audit log)."""
    name = peewee.CharField(max_length=16, primary_key=True)
    count = peewee.IntegerField(default=0)
    head = peewee.CharField(max_length=64, default=GENESIS)

    class Meta:
        table_name = "chain_head"


def payload(prev: str, seq: int, at: dt.datetime, user_id: int | None, actor: str, action: str, detail: str,
            facts: str | None) -> bytes:
    return json.dumps([prev, seq, at.isoformat(sep=" ", timespec="seconds"), user_id, actor, action, detail, facts],
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")


def log(user: User | None, action: str, facts: dict[str, Any] | None = None, **detail: Any) -> AuditEvent:
    """Record who did what, at the head of the desk's chain, in the transaction that does it.
    `facts`: the accounts (`account_facts`) and settings (`{"setting": {key: value}}`) it set."""
    with write_transaction():
        count, prev = _head()
        key = history_key.current()
        recorded = dict(facts or {})
        if key is not None:
            recorded["key"] = key.ident
        values = dict(seq=count + 1, at=clock.now(), user=user.id if user else None,
                      actor=user.display_name if user else "Slipdesk", action=action,
                      detail=json.dumps(detail, ensure_ascii=False, default=str, sort_keys=True),
                      facts=json.dumps(recorded, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
                      prev_hash=prev)
        values["hash"] = history_key.digest(key, payload(prev, values["seq"], values["at"], values["user"],
                                                         values["actor"], action, values["detail"], values["facts"]))
        event = statements.insert(AuditEvent, values)
        statements.execute('UPDATE "chain_head" SET "count" = ?, "head" = ? WHERE "name" = ?' + estates.own_filter(),
                           (values["seq"], values["hash"], DESK))
    return event


def _head() -> tuple[int, str]:
    sql = 'SELECT "count", "head" FROM "chain_head" WHERE "name" = ?' + estates.own_filter()  # head office's own
    row = statements.execute(sql if is_sqlite() else sql + " FOR UPDATE", (DESK,)).fetchone()
    if row is None:  # a database made before the chain: the upgrade step makes its head
        ChainHead.insert(name=DESK, count=0, head=GENESIS).on_conflict_ignore().execute()
        return _head()
    return row[0], row[1]


def chain_older_events() -> None:
    """Chain the entries written before the desk's chain existed, in the order they were written
   : their content is kept as it is; they carry no facts."""
    count, prev = _head()
    for event in AuditEvent.select().where(AuditEvent.seq.is_null()).order_by(AuditEvent.id):
        count += 1
        digest = history_key.digest(None, payload(prev, count, event.at, event.user_id, event.actor, event.action,
                                                  event.detail, None))
        AuditEvent.update(seq=count, prev_hash=prev, hash=digest).where(AuditEvent.id == event.id).execute()
        prev = digest
    ChainHead.update(count=count, head=prev).where((ChainHead.name == DESK) & estates.own(ChainHead)).execute()


def head() -> tuple[int, str]:
    """The desk chain's count and newest hash, as stored."""
    row = ChainHead.get_or_none((ChainHead.name == DESK) & estates.own(ChainHead))
    return (row.count, row.head) if row else (0, GENESIS)


def recent(action: str | None = None, limit: int = 200) -> list[AuditEvent]:
    query = AuditEvent.select().order_by(AuditEvent.id.desc()).limit(limit)
    if action:
        query = query.where(AuditEvent.action == action)
    return list(query)


# ----- the facts of accounts and settings -----------------------------------------------------------

def account_record(user: User) -> dict[str, Any]:
    """An account as the desk's chain records it: its columns but the volatile ones, and a digest of
    its password hash (never the hash itself)."""
    from models.facts import plain

    data = user.__data__
    record = {f.name: plain(f, data.get(f.name)) for f in User._meta.sorted_fields if f.name not in USER_VOLATILE}
    record["password"] = hashlib.sha256((data.get("password_hash") or "").encode()).hexdigest()[:32]
    return record


def log_account(user: User | None, action: str, account: int, **detail: Any) -> AuditEvent:
    """A change of an account (models.accounts), with the account as stored now."""
    return log(user, action, facts=account_facts(account), account=account, **detail)


def account_facts(*user_ids: int) -> dict[str, Any]:
    """The accounts as stored now, for the event that changed them."""
    return {"user": {str(user.id): account_record(user) for user in User.select().where(User.id.in_(user_ids))}}


def desk_state() -> dict[str, Any]:
    """Every account and setting as stored now: what a seal of the desk's chain records."""
    from models.settings import Setting

    return {"user": {str(user.id): account_record(user) for user in User.select().order_by(User.id)},
            "setting": {row.key: row.value for row in Setting.select().order_by(Setting.key)},
            "whole": True}


@dataclass(frozen=True)
class DeskBreak:
    """Where the desk's chain was tampered with: an event (`seq`), or the tables as stored (0)."""
    seq: int
    problem: str

    def __str__(self) -> str:
        if self.seq == 0:
            return t("staff accounts and settings: {problem}", problem=self.problem)
        return t("audit log event {seq}: {problem}", seq=self.seq, problem=self.problem)


def verify_desk() -> list[DeskBreak]:
    """The first break in the desk's chain, or else every account or setting stored now that
    its replayed events do not prove."""
    events = list(AuditEvent.select().order_by(AuditEvent.seq))
    broken = _chain_break(events)
    if broken is not None:
        return [broken]
    return _fact_breaks(events)


def _chain_break(events: list[AuditEvent]) -> DeskBreak | None:
    prev, expected, key = GENESIS, 1, history_key.current()
    for event in events:
        if event.seq is None or event.seq != expected:
            return DeskBreak(expected, t("event missing (deleted)")
                             if event.seq is not None and event.seq > expected else t("event inserted"))
        if event.prev_hash != prev:
            return DeskBreak(event.seq, t("does not follow the previous event (inserted or reordered)"))
        signer = _signer(event)
        problem = history_key.problem(key, payload(event.prev_hash, event.seq, event.at, event.user_id, event.actor,
                                                   event.action, event.detail, event.facts), event.hash, signer)
        if problem:
            return DeskBreak(event.seq, problem)
        prev, expected = event.hash, expected + 1
    count, newest = head()
    if count != expected - 1 or newest != prev:
        return DeskBreak(expected, t("the newest events were deleted"))
    if key is not None and events and _signer(events[-1]) != key.ident:
        return DeskBreak(events[-1].seq, t("not signed with the history key: the chain was recomputed without it"))
    return None


def _signer(event: AuditEvent) -> str | None:
    try:
        return json.loads(event.facts or "{}").get("key")
    except ValueError:
        return None


def _fact_breaks(events: Iterable[AuditEvent]) -> list[DeskBreak]:
    from models.settings import Setting

    accounts: dict[str, dict[str, Any]] = {}
    values: dict[str, str] = {}
    for event in events:
        try:
            recorded = json.loads(event.facts or "{}")
        except ValueError:
            return [DeskBreak(event.seq, t("its facts cannot be read"))]
        if recorded.get("whole"):
            accounts, values = {}, {}
        for ident, record in recorded.get("user", {}).items():
            accounts[ident] = record
        values.update(recorded.get("setting", {}))
    found = []
    stored = {str(user.id): account_record(user) for user in User.select()}
    for ident in sorted(set(accounts) | set(stored), key=int):
        was, now = accounts.get(ident), stored.get(ident)
        name = (now or was or {}).get("username", ident)
        if was is None:
            found.append(t("account “{name}” was added without an event", name=name))
        elif now is None:
            found.append(t("account “{name}” was removed without an event", name=name))
        else:
            found.extend(t("account “{name}”: {column} was changed without an event ({was} → {now})", name=name, column=column,
                           was=was[column], now=now[column])
                         for column in sorted(was) if column in now and now[column] != was[column])
    stored_settings = {row.key: row.value for row in Setting.select()}
    for key in sorted(set(values) | set(stored_settings)):
        if values.get(key) != stored_settings.get(key):
            found.append(t("setting {key} was changed without an event ({was} → {now})", key=key, was=values.get(key),
                           now=stored_settings.get(key)))
    return [DeskBreak(0, problem) for problem in found]
