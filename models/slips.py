"""The handling slip (处理单), its attachments and its yearly numbering."""
from __future__ import annotations

import hashlib
from typing import Iterable

import peewee

from models import clock, statements
from models.accounts import User
from models.catalog import Category, Department
from models.db import BaseModel, database
from models.facts import SlipRecord
from models.i18n import t
from models.directory import Unit
from models.vocab import OPEN_STATUSES, Status

NUMBER_PREFIX = "TS"  # the default; an estate's own is the setting slip.prefix
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
ATTACHMENT_TYPES = {
    "image/jpeg": (".jpg", ".jpeg"),
    "image/png": (".png",),
    "image/tiff": (".tif", ".tiff"),
    "application/pdf": (".pdf",),
}


class Slip(BaseModel):
    number = peewee.CharField(max_length=20, unique=True)  # TS-2026-000123
    year = peewee.IntegerField()
    seq = peewee.IntegerField()
    channel = peewee.CharField(max_length=12, index=True)
    status = peewee.CharField(max_length=24, default=Status.RECEIVED)
    received_at = peewee.DateTimeField(index=True)
    received_by = peewee.ForeignKeyField(User, backref="slips_received")

    # the complainant: need not be in the resident directory
    complainant_name = peewee.CharField(max_length=64)
    complainant_title = peewee.CharField(max_length=4, default="")
    unit_code = peewee.CharField(max_length=32, default="", index=True)
    unit = peewee.ForeignKeyField(Unit, null=True, backref="slips", on_delete="SET NULL")
    building = peewee.IntegerField(null=True, index=True)
    phone = peewee.CharField(max_length=32, default="")
    address = peewee.CharField(max_length=256, default="")
    email = peewee.CharField(max_length=128, default="")
    preferred_reply = peewee.CharField(max_length=12, default="")

    # the complaint, in the customer's words, read back to them (复述)
    complaint = peewee.TextField()
    read_back = peewee.BooleanField(default=False)
    category = peewee.ForeignKeyField(Category, backref="slips", index=True)
    urgent = peewee.BooleanField(default=False)
    after_hours_ok = peewee.BooleanField(default=False)  # customer agreed to calls outside office hours

    answered_at_once = peewee.BooleanField(default=False)
    answer_note = peewee.TextField(default="")
    deadline = peewee.DateTimeField(null=True, index=True)  # 约定回复时限 (indexed: the dashboard and the review ask by it)
    handling_notes = peewee.TextField(default="")

    # authority (处理权限): Slipdesk suggests, the clerk decides, an override needs a reason
    within_authority = peewee.BooleanField(null=True)
    authority_suggestion = peewee.TextField(default="")
    override_reason = peewee.TextField(default="")
    department = peewee.ForeignKeyField(Department, null=True, backref="slips", index=True)
    assignee = peewee.CharField(max_length=64, default="")
    escalation_requested_by = peewee.ForeignKeyField(User, null=True, backref="+")
    escalation_reason = peewee.TextField(default="")  # the clerk's words to the person in charge
    # the limits a clerk may settle within (models.authority): what is asked or offered, in yuan
    compensation_amount = peewee.DecimalField(max_digits=12, decimal_places=2, null=True)
    repair_cost = peewee.DecimalField(max_digits=12, decimal_places=2, null=True)
    reply_opinion = peewee.CharField(max_length=16, default="")  # the customer's opinion of the latest reply

    # on-site: feelings first, then the matter
    calmed = peewee.BooleanField(default=False)
    quiet_place = peewee.BooleanField(default=False)
    # phone
    caller_number = peewee.CharField(max_length=32, default="")
    call_time = peewee.DateTimeField(null=True)
    transferred_to = peewee.CharField(max_length=64, default="")
    thanked = peewee.BooleanField(default=False)
    # comment book
    book_entry_date = peewee.DateField(null=True)
    book_entry_ref = peewee.CharField(max_length=32, default="")
    contact_left = peewee.BooleanField(default=False)
    # letter
    letter_date = peewee.DateField(null=True)
    letter_received = peewee.DateField(null=True)
    sender_address = peewee.CharField(max_length=256, default="")

    # models.motives, models.satisfaction: why the customer complains, as the
    # clerk confirmed it, and at closing how satisfied they are (1-7) and whether it is settled
    motive_type = peewee.CharField(max_length=16, null=True)
    motive_kind = peewee.CharField(max_length=16, null=True)
    motive_needs = peewee.CharField(max_length=32, null=True)
    temperament = peewee.CharField(max_length=16, null=True)
    motive_confirmed_at = peewee.DateTimeField(null=True)
    satisfaction = peewee.SmallIntegerField(null=True)
    settled = peewee.BooleanField(null=True)

    # the person in charge ended the slip as 答复已按规定作出，客户仍不认可 —
    # why nothing more can be done, and what was offered
    end_reason = peewee.TextField(null=True)
    end_offer = peewee.TextField(null=True)

    # understanding and preventing: what the customer asks for (客户诉求, 希望如何解决); the
    # manager they asked for by name and when that person was called; the latest progress update
    # (进展告知); the earlier slip this one repeats;
    # the cause and corrective action (原因分析, 纠正预防措施: five whys, one a line).
    customer_request = peewee.TextField(default="", constraints=[peewee.SQL("DEFAULT ''")])
    named_person = peewee.CharField(max_length=64, default="", constraints=[peewee.SQL("DEFAULT ''")])
    named_called_at = peewee.DateTimeField(null=True)
    progress_told_at = peewee.DateTimeField(null=True)
    repeat_of = peewee.CharField(max_length=20, default="", constraints=[peewee.SQL("DEFAULT ''")])
    cause_whys = peewee.TextField(default="", constraints=[peewee.SQL("DEFAULT ''")])
    root_cause = peewee.TextField(default="", constraints=[peewee.SQL("DEFAULT ''")])
    corrective_action = peewee.TextField(default="", constraints=[peewee.SQL("DEFAULT ''")])
    cause_by = peewee.CharField(max_length=64, default="", constraints=[peewee.SQL("DEFAULT ''")])
    cause_at = peewee.DateTimeField(null=True)

    reopened_count = peewee.IntegerField(default=0)
    version = peewee.IntegerField(default=1)  # optimistic locking between desks
    history_head = peewee.CharField(max_length=64, default="")
    event_count = peewee.IntegerField(default=0)
    created_at = peewee.DateTimeField(default=clock.now)
    updated_at = peewee.DateTimeField(default=clock.now)
    closed_at = peewee.DateTimeField(null=True, index=True)  # indexed: the review counts by it

    class Meta:
        indexes = (
            (("status", "deadline"), False),
            (("year", "seq"), True),
            (("unit_code", "received_at"), False),  # repeated complaints from one unit
            (("phone", "received_at"), False),  # … and from one caller (step STEP_UNDERSTANDING)
        )

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def is_overdue(self, at=None) -> bool:
        at = at or clock.now()
        return bool(self.is_open and self.deadline and self.deadline < at)


# The dashboard's counts: partial indexes holding only the few slips each count
# asks for, so a count reads a handful of index entries, not every slip of a status on a big file.
DASHBOARD_INDEXES = (
    Slip.index(Slip.status, Slip.deadline, name="slip_reopened_open", where=Slip.reopened_count > 0),
    Slip.index(Slip.status, Slip.reply_opinion, name="slip_replied_opinion", where=Slip.status == Status.REPLIED),
    Slip.index(Slip.status, Slip.escalation_requested_by, name="slip_awaiting_requester",
               where=Slip.status == Status.AWAITING_CONFIRMATION),
)
for _index in DASHBOARD_INDEXES:
    Slip.add_index(_index)


class SlipCounter(BaseModel):
    """The last number handed out per year: numbers are unique and gap-free per year."""
    year = peewee.IntegerField(primary_key=True)
    last = peewee.IntegerField(default=0)


class Attachment(SlipRecord):
    """A file kept inside the database (a scanned letter, its copy, a logo): never a path that moves.
    A slip's attachment is one of its facts by its content hash (models.facts); its bytes are
    checked against that hash."""
    FACT_EXCLUDE = ("data",)

    slip = peewee.ForeignKeyField(Slip, null=True, backref="attachments", on_delete="CASCADE")
    kind = peewee.CharField(max_length=24, default="letter_scan")
    filename = peewee.CharField(max_length=255)
    mime = peewee.CharField(max_length=64)
    size = peewee.IntegerField()
    sha256 = peewee.CharField(max_length=64)
    data = peewee.BlobField()
    created_at = peewee.DateTimeField(default=clock.now)
    created_by = peewee.ForeignKeyField(User, null=True, backref="+")


def format_number(year: int, seq: int, prefix: str | None = None) -> str:
    """TS-2026-000123: the estate's prefix (read with the rules: kept until a setting changes)."""
    if prefix is None:
        from models import settings

        prefix = settings.rule("slip.prefix") or NUMBER_PREFIX
    return f"{prefix}-{year}-{seq:06d}"


def next_number(year: int) -> tuple[int, str]:
    """Take the next number of `year`; call inside the transaction that saves the slip."""
    seq = _take_number(year)
    if seq is None:
        try:
            with database.atomic():
                SlipCounter.create(year=year, last=1)
            seq = 1
        except peewee.IntegrityError:  # another desk created the year's counter first
            seq = _take_number(year)
    return seq, format_number(year, seq)


def _take_number(year: int) -> int | None:
    """The year's counter moved on by one (the row stays locked to this transaction), or None
    when the year has no counter yet."""
    row = statements.execute('UPDATE "slip_counter" SET "last" = "last" + 1 WHERE "year" = ? RETURNING "last"',
                             (year,)).fetchone()
    return row[0] if row else None


def attachment_type(filename: str) -> str | None:
    lower = filename.lower()
    for mime, endings in ATTACHMENT_TYPES.items():
        if lower.endswith(endings):
            return mime
    return None


def sniff_matches(mime: str, data: bytes) -> bool:
    """The bytes are what the name says: a renamed .exe is not a scanned letter."""
    magic = {
        "image/jpeg": (b"\xff\xd8\xff",),
        "image/png": (b"\x89PNG\r\n\x1a\n",),
        "image/tiff": (b"II*\x00", b"MM\x00*"),
        "application/pdf": (b"%PDF-",),
    }[mime]
    return data.startswith(magic)


def store_attachment(slip: Slip | None, filename: str, data: bytes, kind: str = "letter_scan",
                     user: User | None = None) -> Attachment:
    return Attachment.create(slip=slip, kind=kind, filename=filename, mime=attachment_type(filename),
                             size=len(data), sha256=hashlib.sha256(data).hexdigest(), data=data,
                             created_by=user)


def content_problems(slip_ids: Iterable[int]) -> dict[int, list[str]]:
    """Attachments whose bytes no longer match the content hash recorded with them (models.facts)."""
    found: dict[int, list[str]] = {}
    ids = set(slip_ids)
    if not ids:
        return found
    query = (Attachment.select(Attachment.id, Attachment.slip, Attachment.filename, Attachment.sha256, Attachment.data)
             .where(Attachment.slip.between(min(ids), max(ids))).tuples())
    for ident, slip_id, filename, digest, data in query:
        if slip_id in ids:
            if hashlib.sha256(bytes(data or b"")).hexdigest() != digest:
                found.setdefault(slip_id, []).append(t(
                    "attachment {id} ({name}): its bytes no longer match their recorded hash", id=ident, name=filename))
    return found
