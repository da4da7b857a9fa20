"""The upper service-management department (上级服务管理部门) working on the shared database.

When the person in charge confirms that a slip is beyond the desk's authority, it goes up with a
transmittal (models.transmittals). An account of the upper department (Role.UPPER) sees what was
sent up to it, records its handling and hands the result back (the workflow's `hand_back` step):
the slip is then handled, and the estate's desk replies to the customer, as the seed has it.

Which slips an upper account may see is decided here, once (`scope`): every slip sent up to an
upper department of this database that its login reads. On a company database (models.estates)
the database itself narrows that: head office's accounts (its login belongs to no estate) are the
department every estate sends up to and see every estate's escalations; an estate's login sees
its own estate's only. The one role and the one `hand_back` step serve both.
"""
from __future__ import annotations

import peewee

from models.accounts import User
from models.catalog import Department
from models.errors import PermissionDenied, SlipdeskError
from models.i18n import t
from models.slips import Slip
from models.transmittals import Transmittal
from models.vocab import Role, Status


def sent_up_to_upper() -> peewee.ModelSelect:
    """The slips that ever went up to an upper department (a transmittal to one)."""
    return (Transmittal.select(Transmittal.slip).join(Department, on=(Transmittal.sent_to == Department.id))
            .where(Department.upper))


def scope(user: User) -> peewee.Expression:
    """The slips `user`, an upper department's account, may see and work on."""
    return Slip.id.in_(sent_up_to_upper())


def waiting(user: User) -> peewee.ModelSelect:
    """What waits for the upper department's handling: sent up, not yet handed back; oldest
    promise first. The few escalated slips are read apart first (OFFSET 0 keeps the planner from
    merging them in), then their transmittals: under a company's policies the planner misjudges
    how many slips ever went up and looked every one of them up (250 ms for 39,000 at 200,000
    slips, 17 ms this way)."""
    escalated = Slip.select(Slip.id).where(Slip.status == Status.ESCALATED).offset(0)
    sent_up = sent_up_to_upper().where(Transmittal.slip.in_(escalated))
    return (Slip.select().where(Slip.id.in_(sent_up), Slip.status == Status.ESCALATED)
            .order_by(Slip.deadline, Slip.id))


def handed_back(user: User, limit: int = 200) -> list[Slip]:
    """What the upper department has worked on and handed back, newest first."""
    return list(Slip.select().where(scope(user), Slip.status != Status.ESCALATED)
                .order_by(Slip.updated_at.desc(), Slip.id.desc()).limit(limit))


def refusal(slip: Slip, user: User) -> SlipdeskError | None:
    """Why `user` may not hand this slip back (None when they may): an upper department's account,
    on a slip sent up to it."""
    if user.role != Role.UPPER:
        return PermissionDenied(t("Only an account of the upper service-management department hands a slip back."))
    if not Slip.select().where(Slip.id == slip.id, scope(user)).exists():
        return PermissionDenied(t("Slip {number} was not sent up to your department.", number=slip.number))
    return None
