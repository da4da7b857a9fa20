"""What each printout needs, read from the models once, so renderers take plain data.

Builders (`*_data(slip, lang, ...)`) do every database read and every translation of stored
codes; renderers in the document modules only lay the data out. Tests and the benchmark can
build the dataclasses directly, with no database.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Iterator, Sequence

from models import authority, causes, clock, history, replies, settings, vocab
from models.accounts import User
from models.catalog import Category, Department, upper_department
from models.i18n import composed, is_chinese, shown
from models.letterhead import require as require_letterhead
from models.salutation import honorific, is_anonymous, is_bare_surname, with_title
from models.slips import Attachment, Slip
from models.transmittals import latest_transmittal
from models.workflow import event_label
from models.vocab import Channel
from printouts.wording import date_text, datetime_text, kind_label, say, yes_no
from models.settings import document_language

_POSTCODE = re.compile(r"(?<!\d)(\d{6})(?!\d)")
_LOGO_TYPES = ("image/png", "image/jpeg")


@dataclass(frozen=True)
class Letterhead:
    estate_name: str
    company: str
    address: str
    postcode: str
    supervision_phone: str
    office_phone: str
    logo: bytes | None = None


@dataclass(frozen=True)
class Recipient:
    """The complainant as a letter addresses them."""
    name: str
    title: str = vocab.Title.NONE
    unit_code: str = ""
    address: str = ""
    postcode: str = ""

    def honorific_name(self, lang: str) -> str:
        """张先生 / 李女士 / 张三 / Mr Zhang, by the one rule of models.salutation."""
        return honorific(self.name, self.title, lang)

    def salutation(self, lang: str) -> str:
        """尊敬的张先生： / Dear Mr Zhang,; a complainant who gave no name, or only a surname with no
        title (never “尊敬的王：”), is addressed as a resident (models.salutation refuses such a letter
        for approval until the title or the full name is recorded)."""
        if is_anonymous(self.name) or is_bare_surname(self.name, self.title):
            return say("salutation", lang, name=say("customer", lang))
        return say("salutation", lang, name=self.honorific_name(lang))

    def address_name(self, lang: str) -> str:
        """As on the envelope: 张三 先生 / Mr 张三."""
        return with_title(self.name, self.title, lang)


@dataclass(frozen=True)
class Item:
    """One labelled value on a form."""
    label: str
    value: str


@dataclass(frozen=True)
class HistoryRow:
    at: dt.datetime
    actor: str
    action: str
    change: str
    note: str


@dataclass(frozen=True)
class SlipFacts:
    """The slip as every document quotes it, translated into the document's language."""
    number: str
    channel: str
    channel_code: str
    status: str
    received_at: dt.datetime
    received_by: str
    recipient: Recipient
    phone: str
    email: str
    complaint: str
    read_back: bool
    category: str
    urgent: bool
    deadline: dt.datetime | None
    answered_at_once: bool
    answer_note: str
    handling_notes: str
    department: str
    assignee: str
    # when the customer spoke or wrote, as the channel records it (never the data-entry time)
    call_time: dt.datetime | None = None
    book_entry_date: dt.date | None = None
    letter_date: dt.date | None = None
    letter_received: dt.date | None = None


@dataclass(frozen=True)
class LetterData:
    lang: str
    letterhead: Letterhead
    number: str
    date: dt.date
    recipient: Recipient
    subject: str
    paragraphs: list[str]
    draft: bool = True


@dataclass(frozen=True)
class SlipSheetData:
    lang: str
    letterhead: Letterhead
    facts: SlipFacts
    reception: list[Item]
    complainant: list[Item]
    channel_record: list[Item]
    authority: list[Item]
    history: list[HistoryRow]
    replies: list[dict[str, Any]] = field(default_factory=list)
    printed_at: dt.datetime | None = None
    request: list[Item] = field(default_factory=list)  # what the customer wants, whom they asked for, a repeat
    cause: list[Item] = field(default_factory=list)  # the cause and corrective action, when recorded or required


@dataclass(frozen=True)
class TransmittalData:
    """The covering note; the last four fields come from the Transmittal record, when there is one."""
    lang: str
    letterhead: Letterhead
    facts: SlipFacts
    upper: str
    reason: str
    confirmed_by: str
    enclosures: list[str]
    date: dt.date
    requested_by: str = ""  # who asked the person in charge to send it up (提请上报)
    sent_by: str = ""  # who sent it up
    recipient: str = ""
    sent_at: dt.datetime | None = None
    letter_copy_kept: bool | None = None
    note: str = ""


@dataclass(frozen=True)
class ReceiptData:
    lang: str
    letterhead: Letterhead
    facts: SlipFacts
    date: dt.date


@dataclass(frozen=True)
class BookReplyData:
    lang: str
    letterhead: Letterhead
    facts: SlipFacts
    entry_date: dt.date | None
    entry_ref: str
    opinion: str
    date: dt.date


@dataclass(frozen=True)
class SheetData:
    lang: str
    letterhead: Letterhead
    number: str
    recipient: Recipient
    subject: str


@dataclass(frozen=True)
class LabelData:
    lang: str
    size: str  # "DL" or "C5"
    recipient: Recipient
    recipient_lines: list[str]
    sender_lines: list[str]
    sender_postcode: str
    number: str


# ---- reading the models ---------------------------------------------------------------------

def letterhead(required: bool = True) -> Letterhead:
    """The estate's letterhead from settings, with its logo if one is stored and is an image.
    `required`: refuse (models.letterhead.LetterheadMissing) while the estate has given none, as
    every printout must; a draft's text may be written without it."""
    values = settings.all_settings()  # one query: a batch reads this once per slip
    if required:
        require_letterhead(values)
    logo = None
    if values.get("estate.logo_attachment"):
        row = Attachment.get_or_none(Attachment.id == int(values["estate.logo_attachment"]))
        if row is not None and row.mime in _LOGO_TYPES:
            logo = bytes(row.data)
    return Letterhead(
        estate_name=values.get("estate.name") or "",
        company=values.get("estate.company") or values.get("estate.name") or "",
        address=values.get("estate.address") or "",
        postcode=values.get("estate.postcode") or "",
        supervision_phone=values.get("estate.supervision_phone") or "",
        office_phone=values.get("estate.office_phone") or "",
        logo=logo,
    )


def recipient_of(slip: Slip, head: Letterhead) -> Recipient:
    """Where a letter to the complainant goes: their own address, else their unit in the estate."""
    address = (slip.sender_address or slip.address or "").strip()
    if address:
        found = _POSTCODE.search(address)
        postcode = found.group(1) if found else (head.postcode if slip.unit_code else "")
    elif slip.unit_code:
        address = f"{head.address} {head.estate_name.removesuffix('物业服务中心')} {slip.unit_code}室".strip()
        postcode = head.postcode
    else:
        postcode = ""
    return Recipient(slip.complainant_name, slip.complainant_title or "", slip.unit_code, address, postcode)


def facts_of(slip: Slip, lang: str, head: Letterhead | None = None) -> SlipFacts:
    head = head or letterhead()
    return SlipFacts(
        number=slip.number,
        channel=vocab.label(slip.channel, lang),
        channel_code=slip.channel,
        status=vocab.label(slip.status, lang),
        received_at=slip.received_at,
        received_by=slip.received_by.display_name,
        recipient=recipient_of(slip, head),
        phone=slip.phone or slip.caller_number or "",
        email=slip.email or "",
        complaint=slip.complaint or "",
        read_back=bool(slip.read_back),
        category=slip.category.name(lang),
        urgent=bool(slip.urgent),
        deadline=slip.deadline,
        answered_at_once=bool(slip.answered_at_once),
        answer_note=slip.answer_note or "",
        handling_notes=slip.handling_notes or "",
        department=slip.department.name(lang) if slip.department_id else "",
        assignee=slip.assignee or "",
        call_time=slip.call_time,
        book_entry_date=slip.book_entry_date,
        letter_date=slip.letter_date,
        letter_received=slip.letter_received,
    )


def letter_data(slip: Slip, lang: str | None = None, body: str | None = None) -> LetterData:
    """The reply letter: final only with the text the supervisor approved (models.replies.approved_letter_text).

    Any other text (typed at the command line, drafted from the slip) prints as a draft. The final
    letter is dated the day it was approved: it is printed for the post from then on, and a reprint
    (after posting, for the file) must match the copy the customer has. A draft is dated today.
    """
    lang = document_language(lang)
    head = letterhead()
    facts = facts_of(slip, lang, head)
    letter = replies.current_letter(slip)
    approved = letter.text if letter is not None and letter.is_approved else None
    if body is None:
        text = approved if approved is not None else (letter.text if letter else draft_body(facts, head, lang))
    else:
        text = body
    draft = approved is None or text.strip() != approved.strip()
    dated = clock.today() if draft else letter.approved_at.date()
    return LetterData(lang=lang, letterhead=head, number=slip.number, date=dated,
                      recipient=facts.recipient, subject=say("letter_subject", lang, category=facts.category),
                      paragraphs=paragraphs(text), draft=draft)


def paragraphs(text: str) -> list[str]:
    """Blank-line or line-break separated paragraphs, stripped of the typist's own indents."""
    return [part.strip().lstrip("\u3000") for part in re.split(r"\n\s*\n|\n", text or "") if part.strip()]


def draft_body(facts: SlipFacts, head: Letterhead, lang: str) -> str:
    """A first draft of the reply from what the slip holds, for the supervisor to edit and approve."""
    gist = _gist(facts.complaint)
    if is_chinese(lang):
        first = f"{_when_told(facts, lang)}反映的“{gist}”问题，我中心已收到，感谢您对我们工作的关心和监督。"
        if facts.handling_notes:
            second = f"经调查核实，现将处理情况答复如下：{facts.handling_notes}"
        else:
            who = facts.department or "相关部门"
            by = f"，并于{datetime_text(facts.deadline, lang)}前将处理结果告知您" if facts.deadline else ""
            second = f"我中心已安排{who}跟进处理{by}。"
        third = (f"如您对处理结果仍有疑问，或有其他意见和建议，欢迎拨打我中心服务监督电话"
                 f"{head.supervision_phone}与我们联系。再次感谢您的理解与支持！")
    else:
        first = f"Thank you for {_when_told(facts, lang)} about the following: “{gist}”. We take every complaint seriously."
        if facts.handling_notes:
            second = f"We have looked into the matter. This is what we found and did: {facts.handling_notes}"
        else:
            by = f" and will tell you the outcome by {datetime_text(facts.deadline, lang)}" if facts.deadline else ""
            second = f"We have asked {facts.department or 'the responsible department'} to deal with it{by}."
        third = (f"If you have any further questions or suggestions, please call our service supervision "
                 f"line on {head.supervision_phone}. Thank you again for your understanding and support.")
    return "\n".join((first, second, third))


def _when_told(facts: SlipFacts, lang: str) -> str:
    """How and when the customer told us, by the channel's own dates: a letter by its date and the
    day it arrived, a book entry by the day it was written, a call by its time — never the day the
    clerk typed it in."""
    zh = is_chinese(lang)
    if facts.channel_code == Channel.LETTER:
        received = date_text(facts.letter_received, lang) if facts.letter_received else ""
        if zh:
            dated = f"您{date_text(facts.letter_date, lang)}的来信" if facts.letter_date else "您的来信"
            return dated + (f"（我中心于{received}收到）" if received else "")
        dated = f"your letter of {date_text(facts.letter_date, lang)}" if facts.letter_date else "your letter"
        return f"writing to us in {dated}" + (f" (received on {received})" if received else "")
    if facts.channel_code == Channel.BOOK:
        day = facts.book_entry_date
        if zh:
            return f"您于{date_text(day, lang)}在意见簿上留言" if day else "您在意见簿上留言"
        return f"writing in our comment book on {date_text(day, lang)}" if day else "writing in our comment book"
    if facts.channel_code == Channel.PHONE:
        day = date_text(facts.call_time or facts.received_at, lang)
        return f"您于{day}来电" if zh else f"telling us by phone on {day}"
    day = date_text(facts.received_at, lang)
    return f"您于{day}在服务中心现场" if zh else f"telling us at our service desk on {day}"


_LEAD_IN = re.compile(r"^(?:来信|留言)?反映[:：]\s*")  # the clerk's "来信反映：", not the customer's words


def _gist(text: str, limit: int = 40) -> str:
    first = re.split(r"(?<=[。！？!?])", _LEAD_IN.sub("", (text or "").strip()), maxsplit=1)[0].rstrip("。！？!?.")
    return first if len(first) <= limit else first[:limit] + "…"


@dataclass(frozen=True)
class SlipRecords:
    """What a slip form reads beside the slip itself, read for many slips at once: a batch of a
    thousand slips is a few queries, not a few per slip."""
    events: dict[int, list[history.SlipEvent]]
    scans: dict[int, list[str]]  # letter scans' file names
    replies: dict[int, list[dict[str, Any]]]


BATCH_READ = 500  # slips per query: well inside SQLite's and PostgreSQL's limits on parameters


def slip_records(slip_ids: Sequence[int]) -> SlipRecords:
    ids = list(slip_ids)
    events: dict[int, list[history.SlipEvent]] = {i: [] for i in ids}
    for event in (history.SlipEvent.select().where(history.SlipEvent.slip.in_(ids))
                  .order_by(history.SlipEvent.slip, history.SlipEvent.seq)):
        events[event.slip_id].append(event)
    scans: dict[int, list[str]] = {i: [] for i in ids}
    for slip_id, filename in (Attachment.select(Attachment.slip, Attachment.filename)  # not the files
                              .where(Attachment.slip.in_(ids) & (Attachment.kind == "letter_scan"))
                              .order_by(Attachment.id).tuples()):
        scans[slip_id].append(filename)
    return SlipRecords(events, scans, replies.replies_for_print_of(ids))


def slip_sheet_data(slip: Slip, lang: str | None = None) -> SlipSheetData:
    lang = document_language(lang)
    return _sheet(slip, lang, letterhead(), slip_records([slip.id]))


def slip_sheets(slip_ids: Sequence[int], lang: str | None = None) -> Iterator[SlipSheetData]:
    """The forms of many slips, in the order given, reading `BATCH_READ` slips per round of
    queries; the letterhead, categories and departments are read once."""
    lang = document_language(lang)
    head = letterhead()
    categories = {c.id: c for c in Category.select()}
    departments = {d.id: d for d in Department.select()}
    ids = list(slip_ids)
    for start in range(0, len(ids), BATCH_READ):
        chunk = ids[start:start + BATCH_READ]
        slips = {s.id: s for s in Slip.select().where(Slip.id.in_(chunk))}
        users = {u.id: u for u in User.select().where(User.id.in_(
            {s.received_by_id for s in slips.values()} | {s.escalation_requested_by_id for s in slips.values()
                                                          if s.escalation_requested_by_id}))}
        records = slip_records(chunk)
        for slip_id in chunk:
            slip = slips[slip_id]
            slip.received_by, slip.category = users[slip.received_by_id], categories[slip.category_id]
            if slip.department_id:
                slip.department = departments[slip.department_id]
            if slip.escalation_requested_by_id:
                slip.escalation_requested_by = users[slip.escalation_requested_by_id]
            yield _sheet(slip, lang, head, records)


def _sheet(slip: Slip, lang: str, head: Letterhead, records: SlipRecords) -> SlipSheetData:
    facts = facts_of(slip, lang, head)
    answers = records.replies[slip.id]
    reception = [  # the slip number heads the form, beside the time of printing
        Item(say("channel", lang), facts.channel),
        Item(say("received_at", lang), datetime_text(slip.received_at, lang)),
        Item(say("received_by", lang), facts.received_by),
        Item(say("category", lang), facts.category),
        Item(say("status", lang), facts.status),
        Item(say("urgent", lang), yes_no(slip.urgent, lang)),
        Item(say("deadline", lang), datetime_text(slip.deadline, lang) if slip.deadline
             else say("deadline_none", lang) if slip.answered_at_once else "—"),
        Item(say("complete", lang), yes_no(replies.is_complete(slip, [a["method"] for a in answers]), lang)),
    ]
    if slip.status == vocab.Status.ENDED_UNACCEPTED:
        reception.append(Item(say("ended_as", lang), say("ended_text", lang, reason=_clause(slip.end_reason),
                                                          offer=_clause(slip.end_offer))))
    complainant = [
        Item(say("name", lang), facts.recipient.address_name(lang)),
        Item(say("unit", lang), slip.unit_code or "—"),
        Item(say("phone", lang), slip.phone or "—"),
        Item(say("email", lang), slip.email or "—"),
        Item(say("address", lang), slip.address or "—"),
        Item(say("preferred_reply", lang), vocab.reply_label(slip.preferred_reply, lang) or "—"),
        Item(say("after_hours_ok", lang), yes_no(slip.after_hours_ok, lang)),
    ]
    return SlipSheetData(lang=lang, letterhead=head, facts=facts, reception=reception, complainant=complainant,
                         channel_record=channel_record(slip, lang, records.scans[slip.id]),
                         authority=authority_items(slip, lang, records.events[slip.id]),
                         history=history_rows(records.events[slip.id], lang),
                         replies=answers, printed_at=clock.now(), request=request_items(slip, lang),
                         cause=cause_items(slip, lang))


def request_items(slip: Slip, lang: str) -> list[Item]:
    """What the customer wants (客户诉求), whom they asked for by name, the slip it repeats."""
    items = [Item(say("customer_request", lang), slip.customer_request or say("not_stated", lang))]
    if slip.named_person:
        items.append(Item(say("named_person", lang), f"{slip.named_person}（{datetime_text(slip.named_called_at, lang)}）"
                          if is_chinese(lang) else f"{slip.named_person} ({datetime_text(slip.named_called_at, lang)})"))
    if slip.repeat_of:
        items.append(Item(say("repeat_of", lang), slip.repeat_of))
    return items


def cause_items(slip: Slip, lang: str) -> list[Item]:
    """The five whys, the root cause and the corrective action; a blank to fill in when they are
    required (beyond authority, a repeat) and not yet recorded; nothing otherwise."""
    analysis = causes.analysis_of(slip)
    if not analysis.done and not causes.required(slip):
        return []
    whys = "；".join(analysis.whys) if is_chinese(lang) else "; ".join(analysis.whys)
    return [Item(say("whys", lang), whys or "—"),
            Item(say("root_cause", lang), analysis.root_cause or say("none_yet", lang)),
            Item(say("corrective_action", lang), analysis.corrective_action or say("none_yet", lang))]


def _clause(text: str | None) -> str:
    """A sentence set inside another: its own closing full stop dropped (never “。；”)."""
    return (text or "").strip().rstrip("。；;.") or "—"


def channel_record(slip: Slip, lang: str, scans: list[str]) -> list[Item]:
    """The facts the slip's channel requires (seed section 7), as recorded at intake; `scans`
    are the file names of the letter's scans."""
    read_back = Item(say("read_back", lang), yes_no(slip.read_back, lang))
    if slip.channel == Channel.ONSITE:
        items = [Item(say("calmed", lang), yes_no(slip.calmed, lang)),
                 Item(say("quiet_place", lang), yes_no(slip.quiet_place, lang)), read_back]
    elif slip.channel == Channel.PHONE:
        items = [Item(say("caller_number", lang), slip.caller_number or "—"),
                 Item(say("call_time", lang), datetime_text(slip.call_time, lang)),
                 Item(say("transferred_to", lang), slip.transferred_to or "—"), read_back,
                 Item(say("thanked", lang), yes_no(slip.thanked, lang))]
    elif slip.channel == Channel.BOOK:
        items = [Item(say("book_entry_date", lang), date_text(slip.book_entry_date, lang)),
                 Item(say("book_entry_ref", lang), slip.book_entry_ref or "—"),
                 Item(say("contact_left", lang), yes_no(slip.contact_left, lang))]
    else:
        items = [Item(say("letter_date", lang), date_text(slip.letter_date, lang)),
                 Item(say("letter_received", lang), date_text(slip.letter_received, lang)),
                 Item(say("sender_address", lang), slip.sender_address or "—"),
                 Item(say("letter_scans", lang), "、".join(scans) if scans else "—")]
    if slip.answered_at_once:
        items.append(Item(say("answered_at_once", lang), slip.answer_note or yes_no(True, lang)))
    return items


def suggestion_text(slip: Slip, lang: str, events: list[history.SlipEvent] | None = None) -> str:
    """Slipdesk's authority suggestion at intake in the document's language: the slip keeps it in
    both languages (models.i18n), its "created" event rule by rule (models.authority); a slip taken
    down before either was kept prints the stored text. `events`: the slip's history, when already
    read (a batch)."""
    if composed(slip.authority_suggestion) is not None or not slip.authority_suggestion:
        return shown(slip.authority_suggestion, lang)
    if is_chinese(lang):
        return slip.authority_suggestion
    assessment = authority.suggestion_of(slip, events)
    return assessment.summary(lang) if assessment else slip.authority_suggestion


def authority_items(slip: Slip, lang: str, events: list[history.SlipEvent] | None = None) -> list[Item]:
    decision = {True: say("within", lang), False: say("beyond", lang)}.get(slip.within_authority,
                                                                           say("undecided", lang))
    items = [Item(say("authority", lang), decision)]
    if slip.authority_suggestion:
        items.append(Item(say("suggestion", lang), suggestion_text(slip, lang, events)))
    if slip.override_reason:
        items.append(Item(say("override_reason", lang), slip.override_reason))
    if slip.escalation_requested_by_id:
        items.append(Item(say("escalation_requested_by", lang), slip.escalation_requested_by.display_name))
    items.append(Item(say("department", lang), slip.department.name(lang) if slip.department_id else "—"))
    items.append(Item(say("assignee", lang), slip.assignee or "—"))
    return items


def history_rows(events: list[history.SlipEvent], lang: str) -> list[HistoryRow]:
    """`change` names where the slip went (→ 已处理), its first status plainly: where it came
    from is the row before, and the status fits one line of the form's column."""
    rows = []
    suggestion = authority.suggestion_of(None, events) if events else None
    for event in events:
        change = ""
        if event.to_status and event.to_status != event.from_status:
            after = vocab.label(event.to_status, lang)
            change = f"→ {after}" if event.from_status else after
        rows.append(HistoryRow(at=event.at, actor=event.actor, action=event_label(event.action, lang),
                               change=change, note=_event_note(event, lang, suggestion)))
    return rows


def _event_note(event: history.SlipEvent, lang: str, suggestion: authority.Assessment | None) -> str:
    if event.action == "printed":
        details = event.details
        text = kind_label(details.get("kind", ""), lang)
        if details.get("draft"):
            text += "(" + say("draft", lang).split()[0] + ")" if is_chinese(lang) else " (draft)"
        return text
    return authority.event_note(event, lang, suggestion)


def _escalation_confirmed(slip: Slip) -> history.SlipEvent | None:
    """The event that moved the slip to 'escalated': the person in charge confirmed it is beyond authority."""
    for event in reversed(history.events_of(slip)):
        if event.to_status == vocab.Status.ESCALATED:
            return event
    return None


def transmittal_data(slip: Slip, lang: str | None = None) -> TransmittalData:
    """From the Transmittal record made when the escalation was confirmed (to whom, when, by whom,
    which attachments, letter copy kept); a slip escalated before records were kept reads the
    upper department from the catalog, the confirmation and its date from the history, its letter
    scans. Dated the day it went up, so that every reprint matches the one sent."""
    lang = document_language(lang)
    head = letterhead()
    facts = facts_of(slip, lang, head)
    reason = slip.override_reason or suggestion_text(slip, lang) or say("beyond", lang)
    requested_by = slip.escalation_requested_by.display_name if slip.escalation_requested_by_id else ""
    record = latest_transmittal(slip)
    if record is not None:
        enclosures = [say("enc_slip", lang, number=slip.number)]
        enclosures += [say("enc_scan" if item.get("kind") == "letter_scan" else "enc_attachment", lang,
                           filename=item.get("filename", "")) for item in record.attachment_list]
        return TransmittalData(lang=lang, letterhead=head, facts=facts, upper=record.sent_to.name(lang),
                               reason=reason, confirmed_by=record.sent_by.display_name, enclosures=enclosures,
                               date=record.sent_at.date(), requested_by=requested_by,
                               sent_by=record.sent_by.display_name, recipient=record.recipient, sent_at=record.sent_at,
                               letter_copy_kept=bool(record.letter_copy_kept), note=record.note)
    upper = upper_department()
    enclosures = [say("enc_slip", lang, number=slip.number)]
    scans = list(slip.attachments.where(Attachment.kind == "letter_scan").order_by(Attachment.id))
    enclosures += [say("enc_letter", lang, filename=scan.filename) for scan in scans]
    if slip.channel == Channel.LETTER and not scans:
        enclosures.append(say("enc_letter", lang, filename=date_text(slip.letter_date or slip.letter_received, lang)))
    confirmed = _escalation_confirmed(slip)
    return TransmittalData(lang=lang, letterhead=head, facts=facts,
                           upper=upper.name(lang) if upper else say("sign_upper", lang),
                           reason=reason, confirmed_by=confirmed.actor if confirmed else "",
                           enclosures=enclosures, date=confirmed.at.date() if confirmed else clock.today(),
                           requested_by=requested_by, sent_by=confirmed.actor if confirmed else "")


def receipt_data(slip: Slip, lang: str | None = None) -> ReceiptData:
    lang = document_language(lang)
    return ReceiptData(lang=lang, letterhead=letterhead(), facts=facts_of(slip, lang), date=clock.today())


def book_reply_data(slip: Slip, lang: str | None = None, opinion: str | None = None) -> BookReplyData:
    """The write-back for the comment book: `opinion` as typed for it, else the write-back recorded
    (the reply by the book), else nothing — room to write by hand. Never the internal handling
    result: the book is public, and what the estate says there is what was written back."""
    lang = document_language(lang)
    facts = facts_of(slip, lang)
    if opinion is None:
        written = (replies.Reply.select(replies.Reply.content)
                   .where(replies.Reply.slip == slip.id, replies.Reply.method == vocab.ReplyMethod.BOOK)
                   .order_by(replies.Reply.at.desc(), replies.Reply.id.desc()).first())
        opinion = written.content if written is not None else ""
    return BookReplyData(lang=lang, letterhead=letterhead(), facts=facts, entry_date=slip.book_entry_date,
                         entry_ref=slip.book_entry_ref or "", opinion=opinion, date=clock.today())


def sheet_data(slip: Slip, lang: str | None = None) -> SheetData:
    lang = document_language(lang)
    head = letterhead()
    facts = facts_of(slip, lang, head)
    return SheetData(lang=lang, letterhead=head, number=slip.number, recipient=facts.recipient,
                     subject=say("letter_subject", lang, category=facts.category))


def label_data(slip: Slip, lang: str | None = None, size: str = "DL") -> LabelData:
    lang = document_language(lang)
    head = letterhead()
    recipient = recipient_of(slip, head)
    lines = [line for line in re.split(r"\s*\n\s*", recipient.address) if line]
    sender = [head.address, head.company] if is_chinese(lang) else [head.company, head.address]
    return LabelData(lang=lang, size=size.upper(), recipient=recipient, recipient_lines=lines,
                     sender_lines=[s for s in sender if s], sender_postcode=head.postcode, number=slip.number)
