"""The one path every change of a slip takes through the database.

Lock the slip, refuse if another desk moved it since this desk read it (optimistic locking on
`Slip.version`), let the caller change it, bump the version and write the history event, all in
one write transaction: a refusal anywhere leaves the slip and its history exactly as they were.
The event carries every column the step changed and every belonging row it wrote
(models.facts: the contract every new slip fact follows).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from models import clock, facts, history, notices, search, statements
from models.accounts import User, require_role
from models.db import database, is_sqlite, write_transaction
from models.errors import PermissionDenied, StaleSlip, TransitionRefused
from models.i18n import language, t
from models.slips import Slip
from models.vocab import Role, label

# What an account of the upper department may change on a slip: it hands the slip back with its
# result (models.upper); the customer, the reply and everything else are the estate desk's.
UPPER_ACTIONS = frozenset({"hand_back"})


@dataclass
class Change:
    """What a step did, for the history: its action code, a note in the user's words, details.

    `transition` steps record the status they left and reached (even when it stays the same, as
    when a slip in handling is reassigned); other changes, such as a moved deadline, record none.
    """
    action: str
    note: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    transition: bool = True
    notices: list[dict[str, Any]] = field(default_factory=list)  # about this slip: notices.prepare rows


def locked_slip(slip_id: int) -> Slip:
    """The slip as stored now, locked for this transaction (SQLite: the IMMEDIATE write lock)."""
    query = Slip.select().where(Slip.id == slip_id)
    if not is_sqlite():
        query = query.for_update()
    slip = query.first()
    if slip is None:
        raise TransitionRefused(t("There is no slip with id {id}.", id=slip_id))
    return slip


def changed_by(slip: Slip) -> str:
    """" by 张小梅 at 10:05": who made the slip's newest change, for a stale-save message."""
    last = slip.events.order_by(history.SlipEvent.seq.desc()).first()
    return t(" by {actor} at {time}", actor=last.actor, time=f"{last.at:%H:%M}") if last else ""


def stale(slip: Slip, expected_version: int) -> StaleSlip:
    who = changed_by(slip)
    return StaleSlip(t("Slip {number} was changed at another desk{who} since you opened it "
                       "(it is now {status}). Reload it and try again.",
                       number=slip.number, who=who, status=label(slip.status, language())),
                     slip.version, {"status": slip.status})


def change_slip(slip_id: int, user: User | None, expected_version: int,
                step: Callable[[Slip], Change]) -> Slip:
    """Run `step` on the locked slip; it mutates the slip and says what it did, or raises. Every
    change is someone's: refused without a signed-in, active account."""
    require_role(user, *Role, action=t("change a slip"))
    with write_transaction():
        slip = locked_slip(slip_id)
        if slip.version != expected_version:
            raise stale(slip, expected_version)
        return commit(slip, user, step)


def change_new_slip(slip: Slip, user: User | None, created: dict[str, Any], step: Callable[[Slip], Change],
                    attach: Callable[[Slip], None] | None = None) -> Slip:
    """Like `change_slip`, for a slip numbered in the running transaction but not yet written, whose
    "created" event is `created` (history.next_event): the step is taken in memory, then the slip is
    written once, as the step leaves it, with both events and the step's notices (intake's first
    step). No other desk can have seen it, so there is nothing to re-read or compare.
    `attach(slip)` writes belonging rows once the slip has its id (the letter's scans): the step's
    event records them, and the slip's head is written once more."""
    if not database.in_transaction():
        raise RuntimeError("change_new_slip runs inside the transaction that numbered the slip")
    before = dict(slip.__data__)  # as its "created" event recorded it
    change = step(slip)
    _may_change(user, change)
    bump = _bump(slip, change, before["status"])
    changed = facts.changed_columns(before, slip)
    if attach is None:
        event = history.next_event(slip, user, **bump, changed=changed)
        slip = statements.insert(Slip, slip.__data__)
    else:
        slip = statements.insert(Slip, slip.__data__)
        attach(slip)
        event = history.next_event(slip, user, **bump, changed=changed)
        statements.update(slip, ("history_head", "event_count"))
    statements.insert(history.SlipEvent, {**created, "slip": slip.id})
    statements.insert(history.SlipEvent, {**event, "slip": slip.id})
    _notify(slip, change)
    search.index_new_slip(slip)
    return slip


def commit(slip: Slip, user: User | None, step: Callable[[Slip], Change]) -> Slip:
    """Apply `step` to a slip locked in the running transaction: version, history (the columns the
    step changed, the rows it wrote), notices, search index."""
    before = dict(slip.__data__)
    change = step(slip)
    _may_change(user, change)
    bump = _bump(slip, change, before["status"])
    history.append(slip, user, **bump, changed=facts.changed_columns(before, slip))
    statements.update(slip, [f.name for f in slip.dirty_fields])  # the step's changes and the new head
    notices.settle(slip, change.action, user)  # what the slip's open notices asked, this step may have done
    _notify(slip, change)
    search.reindex_slip(slip.id)
    return slip


def _may_change(user: User | None, change: Change) -> None:
    """The one check every change to a slip passes (the transaction rolls the step back)."""
    if user is not None and user.role == Role.UPPER and change.action not in UPPER_ACTIONS:
        raise PermissionDenied(t("An account of the upper service-management department hands slips back with "
                                 "its result; the estate's desk records everything else."))


def _bump(slip: Slip, change: Change, before: str) -> dict[str, Any]:
    """Move the slip's version and time on; what its history event records of the change."""
    slip.version += 1
    slip.updated_at = clock.now()
    return dict(action=change.action, note=change.note, data=change.data,
                from_status=before if change.transition else "", to_status=slip.status if change.transition else "")


def _notify(slip: Slip, change: Change) -> None:
    for row in change.notices:
        notices.write(slip, row)
