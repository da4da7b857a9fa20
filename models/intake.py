"""Taking a complaint down: what each channel must record, checked, then saved as one slip.

The four channels follow the seed's rules (处理投诉礼仪的基本原则): on-site and phone
complaints are read back (复述) before saving; a phone call ends with thanks; a comment-book
entry is identified by its date and entry number; a letter by the date it arrived and its
sender's address. A complaint not answered at once needs an agreed reply deadline.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path

from models import clock, history, routing, validation
from models.accounts import User
from models.catalog import Category
from models.db import write_transaction
from models.directory import building_of, normalize_unit, unit_for
from models.errors import ValidationFailed
from models.slips import (MAX_ATTACHMENT_BYTES, Slip, attachment_type, next_number, sniff_matches,
                          store_attachment)
from models.vocab import Channel, ReplyMethod, Status, Title

DEFAULT_REPLY = {
    Channel.ONSITE: ReplyMethod.PHONE,
    Channel.PHONE: ReplyMethod.PHONE,
    Channel.BOOK: ReplyMethod.BOOK,
    Channel.LETTER: ReplyMethod.LETTER,  # 对等回复: a letter is answered by letter
}


@dataclass
class LetterScan:
    filename: str
    data: bytes


@dataclass
class Intake:
    """Everything an intake form gathers; field names are the keys of validation messages."""
    channel: str
    complainant_name: str = ""
    complainant_title: str = Title.NONE
    unit_code: str = ""
    phone: str = ""
    address: str = ""
    email: str = ""
    preferred_reply: str = ""
    complaint: str = ""
    read_back: bool = False
    category_id: int | None = None
    urgent: bool = False
    after_hours_ok: bool = False
    answered_at_once: bool = False
    answer_note: str = ""
    deadline: dt.datetime | None = None
    received_at: dt.datetime | None = None
    # on-site
    calmed: bool = False
    quiet_place: bool = False
    # phone
    caller_number: str = ""
    call_time: dt.datetime | None = None
    transferred_to: str = ""
    thanked: bool = False
    # comment book
    book_entry_date: dt.date | None = None
    book_entry_ref: str = ""
    contact_left: bool = False
    # letter
    letter_date: dt.date | None = None
    letter_received: dt.date | None = None
    sender_address: str = ""
    letter_scans: list[LetterScan] = field(default_factory=list)
    # authority (处理权限): Slipdesk suggests (models.authority), the clerk decides
    within_authority: bool | None = None  # None: the clerk takes the suggestion
    override_reason: str = ""  # required when the clerk decides against the suggestion
    department_id: int | None = None  # handles it within authority; default: the category's department
    assignee: str = ""
    compensation_amount: Decimal | None = None  # goodwill compensation asked or offered, yuan
    repair_cost: Decimal | None = None  # estimated repair cost, yuan


def check(intake: Intake, plan: routing.Plan | None = None) -> dict[str, str]:
    """Every problem with the intake, by field; empty when it can be saved. `plan`: the routing
    plan when the caller has made it already (saving assesses the authority rules once)."""
    errors: dict[str, str] = {}

    def put(key: str, message: str | None) -> None:
        if message and key not in errors:
            errors[key] = message

    if intake.channel not in set(Channel):
        put("channel", "Choose how the complaint came in.")
    put("complainant_name", validation.name(intake.complainant_name))
    put("complaint", validation.text(intake.complaint, required_message="Record the complaint in the customer's words."))
    if intake.category_id is None or not Category.select().where(Category.id == intake.category_id).exists():
        put("category_id", "Choose a category.")
    put("phone", validation.phone(intake.phone))
    put("email", validation.email(intake.email))
    put("address", validation.text(intake.address, validation.SHORT_MAX))
    if intake.unit_code.strip() and normalize_unit(intake.unit_code) is None:
        put("unit_code", "Write the unit as building-entrance-room, e.g. 3-2-1201.")
    if intake.received_at is not None:
        put("received_at", validation.past_date(intake.received_at, "The time received"))
    _check_channel(intake, put)
    if intake.answered_at_once:
        put("answer_note", validation.text(intake.answer_note, 5000,
                                           required_message="Write down what was answered on the spot."))
    else:
        put("deadline", validation.future_deadline(intake.deadline))
        if not (intake.phone.strip() or intake.caller_number.strip() or intake.address.strip()
                or intake.sender_address.strip() or intake.email.strip() or intake.unit_code.strip()
                or intake.channel == Channel.BOOK):
            put("phone", "We must reply later: record a phone number, unit, address or e-mail.")
    if "category_id" not in errors:
        for key, message in routing.problems(intake, plan).items():
            put(key, message)
    return errors


def _check_channel(intake: Intake, put) -> None:
    if intake.channel in (Channel.ONSITE, Channel.PHONE) and not intake.read_back:
        put("read_back", "Read the complaint back to the customer (复述) and tick when they agree.")
    if intake.channel == Channel.PHONE:
        put("caller_number", validation.phone(intake.caller_number, required_field=True))
        put("call_time", validation.past_date(intake.call_time, "The call time"))
        if not intake.thanked:
            put("thanked", "Thank the caller at the end of the call (感谢来电), then tick.")
    elif intake.channel == Channel.BOOK:
        put("book_entry_date", validation.past_date(intake.book_entry_date, "The entry date"))
        put("book_entry_ref", validation.required(intake.book_entry_ref, "Give the page or entry number in the book."))
        if intake.contact_left and not (intake.phone.strip() or intake.email.strip() or intake.address.strip()
                                        or intake.unit_code.strip()):
            put("phone", "The entry leaves contact details: record them so we can reply.")
    elif intake.channel == Channel.LETTER:
        put("letter_received", validation.past_date(intake.letter_received, "The date received"))
        put("letter_date", validation.past_date(intake.letter_date, "The letter's date", required_field=False))
        if intake.letter_date and intake.letter_received and intake.letter_date > intake.letter_received:
            put("letter_date", "The letter cannot be dated after it arrived.")
        put("sender_address", validation.text(intake.sender_address, validation.SHORT_MAX,
                                              required_message="Record the sender's address: we reply by letter."))
        for scan in intake.letter_scans:
            put("letter_scans", attachment_problem(scan.filename, scan.data))


def attachment_problem(filename: str, data: bytes) -> str | None:
    mime = attachment_type(filename)
    if mime is None:
        return f"{Path(filename).name}: attach a scan as PDF, JPEG, PNG or TIFF."
    if len(data) > MAX_ATTACHMENT_BYTES:
        return f"{Path(filename).name} is {len(data) / 1048576:.1f} MB; the limit is 20 MB."
    if not data or not sniff_matches(mime, data):
        return f"{Path(filename).name} is damaged or not really a {mime.split('/')[1].upper()} file."
    return None


def save(intake: Intake, user: User) -> Slip:
    """Check and save a new slip with its first history event, then route it (answered at once,
    handling within authority, or up for confirmation), in one durable transaction."""
    plan = routing.plan(intake)
    errors = check(intake, plan)
    if errors:
        raise ValidationFailed(errors)
    now = clock.now()
    received_at = intake.received_at or now
    with write_transaction():
        seq, number = next_number(received_at.year)
        slip = Slip.create(number=number, year=received_at.year, seq=seq, received_at=received_at,
                           received_by=user, created_at=now, updated_at=now, status=Status.RECEIVED,
                           **_slip_fields(intake), **routing.authority_fields(plan))
        for scan in intake.letter_scans:
            store_attachment(slip, Path(scan.filename).name, scan.data, "letter_scan", user)
        history.record(slip, user, "created", to_status=slip.status,
                       data={"channel": slip.channel, "deadline": slip.deadline,
                             "scans": [Path(s.filename).name for s in intake.letter_scans],
                             "authority": "within" if plan.decision.within else "beyond",
                             "assessment": plan.decision.assessment.to_dict(),
                             "override_reason": plan.decision.override_reason})
        slip = routing.route(slip, intake, plan, user)  # its first step indexes the slip for search
    return slip


def _slip_fields(intake: Intake) -> dict:
    values = asdict(intake)
    for key in ("category_id", "letter_scans", "received_at", "within_authority", "override_reason",
                "department_id", "assignee", "answered_at_once", "answer_note"):
        values.pop(key)  # routing records the authority decision and takes the first step
    unit_code = normalize_unit(intake.unit_code) or ""
    values.update(
        category=intake.category_id,
        complainant_name=intake.complainant_name.strip(),
        unit_code=unit_code,
        unit=unit_for(unit_code) if unit_code else None,
        building=building_of(unit_code),
        phone=validation.normalize_phone(intake.phone) or "",
        caller_number=validation.normalize_phone(intake.caller_number) or "",
        email=intake.email.strip(),
        preferred_reply=intake.preferred_reply or DEFAULT_REPLY.get(intake.channel, ""),
        deadline=None if intake.answered_at_once else intake.deadline,
        complaint=intake.complaint.strip(),
    )
    return values

