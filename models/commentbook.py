"""The comment book (意见簿) in the lobby: checked every day, every entry answered.

The seed: the clerk checks the comment book every day (每日查阅); each entry within authority
goes to the responsible department, beyond it to the person in charge, and every entry is
answered promptly — the book is a public face of the estate. Here the clerk records the day's
check (who, when, and what each new entry says, as copied from the book); each new entry then
becomes a slip (through the ordinary intake, channel "book", its text the complaint to start
from) or is marked "read, nothing to do" with a note.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING, Sequence

import peewee

from models import audit, clock, settings, validation
from models.accounts import User, require_role
from models.db import BaseModel, is_sqlite, write_transaction
from models.errors import TransitionRefused, ValidationFailed
from models.i18n import t
from models.slips import Slip
from models.vocab import DESK_ROLES, Channel, Role

if TYPE_CHECKING:
    from models.intake import Intake

MAX_ENTRIES = 200  # new entries in one day's check: more is a typing slip


class BookCheck(BaseModel):
    day = peewee.DateField(index=True)
    checked_at = peewee.DateTimeField()
    checked_by = peewee.ForeignKeyField(User, backref="+")
    new_entries = peewee.IntegerField()
    note = peewee.TextField(default="")


class BookEntry(BaseModel):
    """A new entry found at a check: pending until it becomes a slip or is marked read."""
    check = peewee.ForeignKeyField(BookCheck, backref="entries", on_delete="CASCADE")
    position = peewee.IntegerField()  # 1 … new_entries within the check
    text = peewee.TextField(null=True)  # what the entry says, as the clerk copied it
    outcome = peewee.CharField(max_length=8, default="", index=True)  # "", "slip", "read"
    slip = peewee.ForeignKeyField(Slip, null=True, backref="+", on_delete="SET NULL")
    note = peewee.TextField(default="")
    done_by = peewee.ForeignKeyField(User, null=True, backref="+")
    done_at = peewee.DateTimeField(null=True)


def record_check(user: User, entries: Sequence[str], note: str = "") -> BookCheck:
    """Today's check of the book: the text of each new entry (none when nothing new was written),
    each waiting to be dealt with."""
    require_role(user, *DESK_ROLES, action=t("record the comment-book check"))
    texts = [str(text or "").strip() for text in entries]
    errors = {}
    if len(texts) > MAX_ENTRIES:
        errors["entries"] = t("At most {most} new entries in one check.",
                              most=MAX_ENTRIES)
    elif any(not text for text in texts):
        errors["entries"] = t("Copy what each new entry says (entry {n} is empty).",
                              n=next(n for n, text in enumerate(texts, start=1) if not text))
    elif message := next(filter(None, (validation.text(text, 2000) for text in texts)), None):
        errors["entries"] = message
    if message := validation.text(note, 2000):
        errors["note"] = message
    if errors:
        raise ValidationFailed(errors)
    now = clock.now()
    with write_transaction():
        check = BookCheck.create(day=now.date(), checked_at=now, checked_by=user, new_entries=len(texts),
                                 note=(note or "").strip())
        if texts:
            BookEntry.insert_many([{"check": check.id, "position": n, "text": text}
                                   for n, text in enumerate(texts, start=1)]).execute()
    return check


def book_checked_today(today: dt.date | None = None) -> bool:
    return BookCheck.select().where(BookCheck.day == (today or clock.today())).exists()


def checks_of(day: dt.date) -> list[BookCheck]:
    return list(BookCheck.select().where(BookCheck.day == day).order_by(BookCheck.checked_at))


def check_by() -> dt.time:
    return clock.parse_time(settings.get("book.check_by"))


def check_is_late(now: dt.datetime | None = None) -> bool:
    """The dashboard's warning: past the hour the book should be checked by, and not checked yet."""
    now = now or clock.now()
    return now.time() >= check_by() and not book_checked_today(now.date())


def set_check_by(user: User, text: str) -> None:
    require_role(user, Role.MANAGER, action=t("change when the comment book is checked"))
    try:
        hour = clock.parse_time(text)
    except ValueError:
        raise ValidationFailed({"check_by": t("Write the time as HH:MM, e.g. 10:00.")}) from None
    with write_transaction():
        settings.put("book.check_by", hour.strftime("%H:%M"), user)
        audit.log(user, "book_check_by", at=hour.strftime("%H:%M"))


def pending_entries() -> list[BookEntry]:
    """New entries not yet turned into a slip or marked read, oldest first."""
    return list(BookEntry.select(BookEntry, BookCheck).join(BookCheck)
                .where(BookEntry.outcome == "").order_by(BookCheck.checked_at, BookEntry.position))


def pending_count() -> int:
    return BookEntry.select().where(BookEntry.outcome == "").count()


def _pending(entry_id: int) -> BookEntry:
    query = BookEntry.select().where(BookEntry.id == entry_id)
    if not is_sqlite():
        query = query.for_update()
    entry = query.first()
    if entry is None:
        raise TransitionRefused(t("This comment-book entry does not exist."))
    if entry.outcome:
        raise TransitionRefused(t("This comment-book entry has been dealt with already."))
    return entry


def turn_into_slip(entry_id: int, form: Intake, user: User) -> Slip:
    """Take the entry down as a slip (channel: comment book) and link the two."""
    from models import intake  # the intake rules load when an entry is taken down, not with the dashboard

    form = replace(form, channel=Channel.BOOK)
    errors = intake.check(form)
    if errors:
        raise ValidationFailed(errors)
    with write_transaction():
        entry = _pending(entry_id)
        slip = intake.save(form, user)
        entry.outcome, entry.slip, entry.done_by, entry.done_at = "slip", slip, user, clock.now()
        entry.save()
    return slip


def mark_read(entry_id: int, user: User, note: str) -> BookEntry:
    """"Read, nothing to do": a greeting, a thank-you, a duplicate — with a note saying which."""
    require_role(user, *DESK_ROLES, action=t("deal with comment-book entries"))
    if message := validation.text(note, 2000, required_message=t(
            "Say why nothing needs doing (e.g. a thank-you note).")):
        raise ValidationFailed({"note": message})
    with write_transaction():
        entry = _pending(entry_id)
        entry.outcome, entry.note, entry.done_by, entry.done_at = "read", note.strip(), user, clock.now()
        entry.save()
    return entry
