"""Taking a complaint down: what each channel must record, checked, then saved as one slip.

The four channels follow the seed's rules (处理投诉礼仪的基本原则): on-site and phone
complaints are read back (复述) before saving, and only they can be answered at once (nobody stands
at the desk for a letter or a book entry); a phone call ends with thanks; a comment-book entry is
identified by its date and entry number; a letter by the date it arrived and its sender's address
— or, for an anonymous letter or one without a return address, the plain record that it has none
(no reply letter then). A complaint not answered at once needs an agreed reply deadline.

Every channel asks what the customer wants (客户诉求: “让顾客提出自己的要求”): a customer at the
desk or on the phone is asked and answers (“no particular request” is an answer); a letter or a
book entry records it when it says so. A customer asking for a manager by name has that person
called at once (models.named_call), from the form or at the latest when the slip is saved.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from decimal import Decimal
from pathlib import Path

from models import authority, clock, history, named_call, routing, rule_stamp, validation
from models.accounts import User, require_role
from models.db import write_transaction
from models.directory import building_of, normalize_unit, unit_id_for
from models.errors import ValidationFailed
from models.i18n import t
from models.slips import (MAX_ATTACHMENT_BYTES, Slip, attachment_type, next_number, sniff_matches,
                          store_attachment)
from models.vocab import DESK_ROLES, Channel, ReplyMethod, Status, Title
from models.workflow import AT_ONCE_CHANNELS, at_once_refusal

ASKED_AT_THE_DESK = (Channel.ONSITE, Channel.PHONE)  # the customer is there to be asked what they want
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
    no_return_address: bool = False  # anonymous, or no address to write back to: no reply letter
    letter_scans: list[LetterScan] = field(default_factory=list)
    # authority (处理权限): Slipdesk suggests (models.authority), the clerk decides
    within_authority: bool | None = None  # None: the clerk takes the suggestion
    override_reason: str = ""  # required when the clerk decides against the suggestion
    department_id: int | None = None  # handles it within authority; default: the category's department
    assignee: str = ""
    compensation_amount: Decimal | None = None  # goodwill compensation asked or offered, yuan
    repair_cost: Decimal | None = None  # estimated repair cost, yuan
    # understanding the customer
    customer_request: str = ""  # 客户诉求: how the customer would like it solved, in their words
    named_person: str = ""  # the manager the customer asked for by name ("" when nobody)
    named_user_id: int | None = None  # that person's account (None: every person in charge)
    named_calls: list[int] = field(default_factory=list)  # the calls already made from the form (notice ids)


# Intake fields stored in a slip column of another name; the others share the column's name.
COLUMN_OF = {"category_id": "category", "department_id": "department"}
MAX_SCANS = 10


def kind_errors(intake: Intake) -> dict[str, str]:
    """Values not of the kind their slip column holds (text, yes/no, dates, choices, scans), by
    field: checked before anything reads them. Every field stored in a slip column is covered,
    whatever the channel (and a field added later, as long as it shares its column's name)."""
    from models.slips import Slip

    errors = {}
    for item in fields(intake):
        column = Slip._meta.fields.get(COLUMN_OF.get(item.name, item.name))
        if column is not None and (message := validation.kind_problem(column, getattr(intake, item.name))):
            errors[item.name] = message
    if not isinstance(intake.no_return_address, bool):
        errors["no_return_address"] = t("Expected yes or no.")
    if intake.named_user_id is not None and (not isinstance(intake.named_user_id, int)
                                             or isinstance(intake.named_user_id, bool)):
        errors["named_person"] = t("Choose the person asked for from the list.")
    calls = intake.named_calls
    if not isinstance(calls, (list, tuple)) or not all(isinstance(c, int) and not isinstance(c, bool) for c in calls):
        errors["named_person"] = t("Call the person asked for from the form.")
    scans = intake.letter_scans
    if not isinstance(scans, (list, tuple)) or not all(
            isinstance(s, LetterScan) and isinstance(s.filename, str) and isinstance(s.data, (bytes, bytearray))
            for s in scans):
        errors["letter_scans"] = t("Attach scans as files.")
    return errors


def _column_errors(intake: Intake) -> dict[str, str]:
    """Text too long for its column, or with characters no column stores."""
    from models.slips import Slip

    errors = {}
    for item in fields(intake):
        column = Slip._meta.fields.get(COLUMN_OF.get(item.name, item.name))
        if column is not None and (message := validation.column_problem(column, getattr(intake, item.name))):
            errors[item.name] = message
    return errors


def check(intake: Intake, plan: routing.Plan | None = None) -> dict[str, str]:
    """Every problem with the intake, by field; empty when it can be saved. `plan`: the routing
    plan when the caller has made it already (saving assesses the authority rules once)."""
    errors: dict[str, str] = kind_errors(intake)
    if errors:
        return errors

    def put(key: str, message: str | None) -> None:
        if message and key not in errors:
            errors[key] = message

    if intake.channel not in set(Channel):
        put("channel", t("Choose how the complaint came in."))
    put("complainant_name", validation.name(intake.complainant_name))
    put("complaint", validation.text(intake.complaint, required_message=t(
        "Record the complaint in the customer's words.")))
    if authority.category_facts(intake.category_id) is None:
        put("category_id", t("Choose a category."))
    put("phone", validation.phone(intake.phone))
    put("email", validation.email(intake.email))
    put("address", validation.text(intake.address, validation.SHORT_MAX))
    if intake.unit_code.strip() and normalize_unit(intake.unit_code) is None:
        put("unit_code", t("Write the unit as building-entrance-room, e.g. 3-2-1201."))
    if intake.received_at is not None:
        put("received_at", validation.past_date(intake.received_at, t("The time received")))
    _check_channel(intake, put)
    put("customer_request", validation.text(intake.customer_request, 2000, required_message=t(
        "Ask the customer how they would like it solved (希望如何解决) and write it down; "
        "“no particular request” is an answer too.")
        if intake.channel in ASKED_AT_THE_DESK else None))
    put("named_person", validation.text(intake.named_person, validation.NAME_MAX))
    if intake.answered_at_once and intake.channel not in AT_ONCE_CHANNELS:
        put("outcome", at_once_refusal(intake.channel))
    elif intake.answered_at_once:
        put("answer_note", validation.text(intake.answer_note, 5000,
                                           required_message=t("Write down what was answered on the spot.")))
    else:
        put("deadline", validation.future_deadline(intake.deadline))
        if not (intake.phone.strip() or intake.caller_number.strip() or intake.address.strip()
                or intake.sender_address.strip() or intake.email.strip() or intake.unit_code.strip()
                or intake.channel == Channel.BOOK or (intake.channel == Channel.LETTER and intake.no_return_address)):
            put("phone", t("We must reply later: record a phone number, unit, address or e-mail."))
    if intake.complainant_title not in {title.value for title in Title}:
        put("complainant_title", t("Not one of the offered choices."))
    if intake.preferred_reply and intake.preferred_reply not in {method.value for method in ReplyMethod}:
        put("preferred_reply", t("Not one of the offered choices."))
    put("transferred_to", validation.text(intake.transferred_to, validation.NAME_MAX))
    put("book_entry_ref", validation.text(intake.book_entry_ref, 32))
    if len(intake.letter_scans) > MAX_SCANS:
        put("letter_scans", t("Attach at most {n} scans.", n=MAX_SCANS))
    for scan in intake.letter_scans:  # a scan goes with a slip of any channel: the same rules
        put("letter_scans", attachment_problem(scan.filename, scan.data))
    for key, message in _column_errors(intake).items():
        put(key, message)
    if "category_id" not in errors:
        for key, message in routing.problems(intake, plan).items():
            put(key, message)
    return errors


def _check_channel(intake: Intake, put) -> None:
    if intake.channel in (Channel.ONSITE, Channel.PHONE) and not intake.read_back:
        put("read_back", t("Read the complaint back to the customer (复述) and tick when they agree."))
    if intake.channel == Channel.PHONE:
        put("caller_number", validation.phone(intake.caller_number, required_field=True))
        put("call_time", validation.past_date(intake.call_time, t("The call time")))
        if not intake.thanked:
            put("thanked", t("Thank the caller at the end of the call (感谢来电), then tick."))
    elif intake.channel == Channel.BOOK:
        put("book_entry_date", validation.past_date(intake.book_entry_date, t("The entry date")))
        put("book_entry_ref", validation.required(intake.book_entry_ref, t(
            "Give the page or entry number in the book.")))
        if intake.contact_left and not (intake.phone.strip() or intake.email.strip() or intake.address.strip()
                                        or intake.unit_code.strip()):
            put("phone", t("The entry leaves contact details: record them so we can reply."))
    elif intake.channel == Channel.LETTER:
        put("letter_received", validation.past_date(intake.letter_received, t("The date received")))
        put("letter_date", validation.past_date(intake.letter_date, t("The letter's date"),
                                                        required_field=False))
        if intake.letter_date and intake.letter_received and intake.letter_date > intake.letter_received:
            put("letter_date", t("The letter cannot be dated after it arrived."))
        if intake.no_return_address and intake.sender_address.strip():
            put("sender_address", t("The letter gives an address: untick “no return address”, or leave the "
                                    "address empty."))
        put("sender_address", validation.text(
            intake.sender_address, validation.SHORT_MAX,
            required_message=None if intake.no_return_address else t(
                "Record the sender's address: we reply by letter. An anonymous letter or one without a return "
                "address: tick “no return address”.")))
        for scan in intake.letter_scans:
            put("letter_scans", attachment_problem(scan.filename, scan.data))


def attachment_problem(filename: str, data: bytes) -> str | None:
    """Why a scan cannot be kept with a slip (its name, size and real type), or None."""
    if not isinstance(filename, str) or validation.has_control_chars(filename) or not Path(filename).name \
            or len(Path(filename).name) > 255:
        return t("Give the scan a file name of at most 255 characters.")
    mime = attachment_type(filename)
    if mime is None:
        return t("{name}: attach a scan as PDF, JPEG, PNG or TIFF.",
                 name=Path(filename).name)
    if len(data) > MAX_ATTACHMENT_BYTES:
        return t("{name} is {size:.1f} MB; the limit is 20 MB.",
                 name=Path(filename).name, size=len(data) / 1048576)
    if not data or not sniff_matches(mime, data):
        return t("{name} is damaged or not really a {kind} file.",
                 name=Path(filename).name, kind=mime.split("/")[1].upper())
    return None


def save(intake: Intake, user: User) -> Slip:
    """Check and save a new slip with its first history event, then route it (answered at once,
    handling within authority, or up for confirmation), in one durable transaction."""
    with rule_stamp.held():  # the rules are looked up once for the checks and the routing
        return _save(intake, user)


def _save(intake: Intake, user: User) -> Slip:
    require_role(user, *DESK_ROLES, action=t("take down a complaint"))
    if errors := kind_errors(intake):
        raise ValidationFailed(errors)
    plan = routing.plan(intake)
    errors = check(intake, plan)
    if errors:
        raise ValidationFailed(errors)
    now = clock.now()
    received_at = intake.received_at or now
    calls = list(intake.named_calls)
    if intake.named_person.strip() and not calls:  # asked for by name, not yet called: call now
        calls.append(named_call.call(user, intake.named_user_id, asked_for=intake.named_person,
                                     complainant=intake.complainant_name, unit_code=intake.unit_code,
                                     summary=intake.complaint).id)
    called_at = min((n.created_at for n in named_call.Notice.select(named_call.Notice.created_at)
                     .where(named_call.Notice.id.in_(calls))), default=None) if calls else None
    with write_transaction():
        seq, number = next_number(received_at.year)
        slip = Slip(number=number, year=received_at.year, seq=seq, received_at=received_at,
                    received_by=user, created_at=now, updated_at=now, status=Status.RECEIVED,
                    named_called_at=called_at, repeat_of=plan.decision.assessment.repeat_of,
                    **_slip_fields(intake), **routing.authority_fields(plan))
        # the "created" event heads the chain; the slip is written once, as its first step leaves
        # it, with both events (its first step indexes it for search too)
        created = history.next_event(slip, user, "created", to_status=slip.status,
                                     data={"channel": slip.channel, "deadline": slip.deadline,
                                           "scans": [Path(s.filename).name for s in intake.letter_scans],
                                           "authority": "within" if plan.decision.within else "beyond",
                                           "assessment": plan.decision.assessment.to_dict(),
                                           "override_reason": plan.decision.override_reason,
                                           "customer_request": slip.customer_request,
                                           "named_person": slip.named_person, "named_called_at": called_at,
                                           "repeat_of": slip.repeat_of})

        def attach(stored: Slip) -> None:
            for scan in intake.letter_scans:
                store_attachment(stored, Path(scan.filename).name, scan.data, "letter_scan", user)

        slip = routing.route(slip, created, intake, plan, user, attach if intake.letter_scans else None)
        named_call.link(calls, slip)
    return slip


def _slip_fields(intake: Intake) -> dict:
    values = {f.name: getattr(intake, f.name) for f in fields(intake)}  # asdict would deep-copy the scans
    for key in ("category_id", "letter_scans", "received_at", "within_authority", "override_reason",
                "department_id", "assignee", "answered_at_once", "answer_note", "no_return_address",
                "named_user_id", "named_calls"):
        values.pop(key)  # routing records the authority decision and takes the first step
    unit_code = normalize_unit(intake.unit_code) or ""
    values.update(
        category=intake.category_id,
        complainant_name=intake.complainant_name.strip(),
        unit_code=unit_code,
        unit=unit_id_for(unit_code) if unit_code else None,
        building=building_of(unit_code),
        # a caller's number is their contact number too (and finds their repeats: models.authority)
        phone=validation.normalize_phone(intake.phone or intake.caller_number) or "",
        caller_number=validation.normalize_phone(intake.caller_number) or "",
        email=intake.email.strip(),
        preferred_reply=intake.preferred_reply or DEFAULT_REPLY.get(intake.channel, ""),
        deadline=None if intake.answered_at_once else intake.deadline,
        complaint=intake.complaint.strip(),
        customer_request=intake.customer_request.strip(),
        named_person=intake.named_person.strip(),
    )
    return values

