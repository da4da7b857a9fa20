"""The shift handover (交接班): what the leaving clerk passes on, shown to the next on login.

The promises made to customers outlive a shift. The next clerk sees, computed when they sign in,
every open promise due before their shift ends (overdue ones first), and the previous clerk's
note in their own words.
"""
from __future__ import annotations

import datetime as dt

import peewee

from models import clock, validation
from models.accounts import User, require_role
from models.db import BaseModel, write_transaction
from models.deadlines import OfficeHours, end_of_working_day
from models.errors import ValidationFailed
from models.i18n import t
from models.slips import Slip
from models.vocab import AWAITING_REPLY, DESK_ROLES

RECENT = dt.timedelta(days=7)  # an older note is history, not a handover


class HandoverNote(BaseModel):
    written_at = peewee.DateTimeField(index=True)
    written_by = peewee.ForeignKeyField(User, backref="+")
    text = peewee.TextField(default="")
    # the database's anchor at the handover (models.anchors), shown to the
    # next clerk, who notes it in the shift book: its fingerprint and when it was taken
    anchor = peewee.CharField(max_length=80, null=True)


class HandoverRead(BaseModel):
    note = peewee.ForeignKeyField(HandoverNote, backref="reads", on_delete="CASCADE")
    user = peewee.ForeignKeyField(User, backref="+", on_delete="CASCADE")
    at = peewee.DateTimeField()

    class Meta:
        indexes = ((("note", "user"), True),)


def shift_end(now: dt.datetime | None = None, office: OfficeHours | None = None) -> dt.datetime:
    """When the shift starting now ends: closing time today, or on the next working day."""
    return end_of_working_day(now or clock.now(), office)


def next_shift_end(now: dt.datetime | None = None, office: OfficeHours | None = None) -> dt.datetime:
    """When the shift after the present one ends: what the leaving clerk hands over."""
    office = office or OfficeHours.from_settings()
    return end_of_working_day(shift_end(now, office), office)


def open_promises(until: dt.datetime) -> list[Slip]:
    """Replies still owed whose agreed deadline falls before `until`, overdue ones first."""
    return list(Slip.select().where(Slip.status.in_(AWAITING_REPLY), Slip.deadline <= until)
                .order_by(Slip.deadline, Slip.id))


def write_note(user: User, text: str) -> HandoverNote:
    """The leaving clerk's note, with the database's anchor taken now (and kept in its file)."""
    from models import anchors

    require_role(user, *DESK_ROLES, action=t("write a handover note"))
    if message := validation.text(text, 5000):
        raise ValidationFailed({"text": message})
    anchor = anchors.take_and_keep()
    with write_transaction():
        return HandoverNote.create(written_at=clock.now(), written_by=user, text=(text or "").strip(),
                                   anchor=f"{anchor.fingerprint} · {anchor.taken_at:%Y-%m-%d %H:%M}")


def note_for(user: User, now: dt.datetime | None = None) -> HandoverNote | None:
    """The newest recent note by another person, unless this user has acknowledged it."""
    now = now or clock.now()
    newest = (HandoverNote.select(HandoverNote, User).join(User)
              .where(HandoverNote.written_at >= now - RECENT).order_by(HandoverNote.written_at.desc(),
                                                                       HandoverNote.id.desc()).first())
    if newest is None or newest.written_by.person == user.person:
        return None
    if HandoverRead.select().where(HandoverRead.note == newest, HandoverRead.user == user).exists():
        return None
    return newest


def acknowledge(note: HandoverNote, user: User) -> None:
    HandoverRead.insert(note=note, user=user, at=clock.now()).on_conflict_ignore().execute()
