"""The transmittal (移交记录) that goes with an escalated slip to the upper department.

Recorded when the person in charge confirms an escalation: to whom, when, by whom, which
attachments went with the slip, and for a letter that a copy was kept on file (复印，留存备查).
The printed transmittal is made from this record.
"""
from __future__ import annotations

import json
from typing import Any

import peewee

from models.accounts import User
from models.catalog import Department, people
from models.facts import SlipRecord
from models.errors import TransitionRefused
from models.i18n import t
from models.slips import Attachment, Slip
from models.vocab import Status


class Transmittal(SlipRecord):
    slip = peewee.ForeignKeyField(Slip, backref="transmittals", on_delete="CASCADE")
    sent_to = peewee.ForeignKeyField(Department, backref="+")
    recipient = peewee.CharField(max_length=64, default="")  # the person at the department, if known
    sent_at = peewee.DateTimeField()
    sent_by = peewee.ForeignKeyField(User, backref="+")
    attachments = peewee.TextField(default="[]")  # JSON: [{"id", "filename", "kind"}]
    letter_copy_kept = peewee.BooleanField(default=False)
    note = peewee.TextField(default="")

    @property
    def attachment_list(self) -> list[dict[str, Any]]:
        return json.loads(self.attachments or "[]")


def describe_attachments(attachments: list[Attachment]) -> str:
    return json.dumps([{"id": a.id, "filename": a.filename, "kind": a.kind} for a in attachments],
                      ensure_ascii=False)


def transmittals_of(slip: Slip) -> list[Transmittal]:
    return list(Transmittal.select().where(Transmittal.slip == slip).order_by(Transmittal.sent_at, Transmittal.id))


def goes_up(slip: Slip) -> bool:
    """Whether a transmittal belongs with `slip`: it is, or was, beyond the desk's authority (the
    person in charge may still be deciding), or one was recorded. A slip settled at the desk
    never goes up, so no transmittal is printed for it."""
    if slip.within_authority is False or slip.status in (Status.AWAITING_CONFIRMATION, Status.ESCALATED):
        return True
    return Transmittal.select().where(Transmittal.slip == slip).exists()


def require_goes_up(slip: Slip) -> None:
    if not goes_up(slip):
        raise TransitionRefused(t("{number} was settled within the desk's authority and never went up: it has no "
                                  "escalation transmittal.", number=slip.number))


def known_recipients(department: Department | int, limit: int = 20) -> list[str]:
    """Whom the person in charge may name as the recipient at `department`: its responsible people,
    then the recipients named on its latest transmittals (each name once)."""
    names = [person.name for person in people(department)]
    recent = (Transmittal.select(Transmittal.recipient, peewee.fn.MAX(Transmittal.sent_at).alias("last"))
              .where(Transmittal.sent_to == department, Transmittal.recipient != "")
              .group_by(Transmittal.recipient).order_by(peewee.SQL("last").desc()).limit(limit))
    names.extend(row.recipient for row in recent)
    return list(dict.fromkeys(name.strip() for name in names if name.strip()))


def latest_transmittal(slip: Slip) -> Transmittal | None:
    return (Transmittal.select().where(Transmittal.slip == slip)
            .order_by(Transmittal.sent_at.desc(), Transmittal.id.desc()).first())
