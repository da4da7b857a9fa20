"""Replies to the customer under the etiquette rules (客户投诉回复的礼仪规范, the seed's section 5).

“回复客户投诉可采取电话、传真、信函、上门等多种方式。” Each rule of the seed is enforced here,
once, with the explanation the clerk sees when it is broken:

- every call or message to the customer (a phone or SMS reply, the thanks after a letter, a
  return-visit call) only in the estate's working hours (office hours on a working day of the
  Chinese calendar), unless the slip is urgent or the customer agreed beforehand to calls outside
  them — that agreement is itself recorded on the slip (`agree_after_hours_calls`);
- a letter or fax goes out only once the person in charge (负责人) approved its text: the approved
  text is frozen (kept with its SHA-256, the approver and the time), an edit afterwards is a new
  draft needing a new approval, and nobody approves a letter they wrote, from any account; a
  letter that would address the customer by a bare surname (尊敬的王：) is not approved;
- a letter complaint is answered by letter (对等回复) unless a reason for another way is
  recorded; one that gave no return address gets no reply letter, said plainly;
- a home visit (上门) needs a time and place agreed beforehand and two staff with work IDs; outside
  working hours, at the agreed time;
- a comment-book write-back records who signed it in the book (签字确认);
- after a letter, the thanks once the customer has it (再次致谢, by phone or e-mail, at a recorded
  time, e-mail only where there is an address) waits on the dashboard, or why it is impossible;
- the customer's opinion is recorded truthfully: what they said, still pending after a posted
  letter (意见待反馈, heard later: `hear_opinion`, usually at the thanks), or none to ask for a
  write-back in the book; a reply the customer does not accept leaves the slip open for the next
  step (models.endings says how a slip may end).

Recording a reply stores a `Reply` and takes the workflow's `record_reply` step in one
transaction. A letter's life before that (drafted, submitted, returned, approved, sent) is
history on the slip too: each step bumps the slip's version like any other change.

Opening the database loads this module (models.providers hands its dashboard sections and its
search text to those modules), so the workflow and the never-say list (models.phrases) load with
the first reply or letter instead.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import peewee

from models import causes, clock, dashboard, endings, notices, search, settings, statements, validation
from models.accounts import User, require_role
from models.changes import Change, change_slip, locked_slip, stale
from models.db import write_transaction
from models.deadlines import OfficeHours, add_working_days, is_working_day
from models.facts import SlipRecord
from models.errors import PermissionDenied, SlipdeskError, TransitionRefused, ValidationFailed
from models.history import SlipEvent
from models.i18n import language, pick, t
from models.slips import Slip
from models.vocab import DESK_ROLES, DISAGREEING, HEARD_OPINIONS, Channel, Opinion, ReplyMethod, Role, Status, label

if TYPE_CHECKING:
    from models import phrases

LETTER_METHODS = (ReplyMethod.LETTER, ReplyMethod.FAX)
THANKS_METHODS = (ReplyMethod.PHONE, ReplyMethod.EMAIL)  # 电话、邮件等方式
APPROVERS = (Role.SUPERVISOR, Role.MANAGER)
PHONE_LINES = ("supervision", "office")  # the published service-supervision line, the office phone
VISIT_STAFF = 2


class LetterStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"  # waiting for the person in charge
    RETURNED = "returned"  # sent back with a reason
    APPROVED = "approved"  # frozen
    SUPERSEDED = "superseded"  # approved once, then edited: a newer draft replaced it


LETTER_STATUS_LABELS = {
    LetterStatus.DRAFT: ("Draft", "草稿"),
    LetterStatus.SUBMITTED: ("Waiting for approval", "待负责人审批"),
    LetterStatus.RETURNED: ("Sent back", "已退回修改"),
    LetterStatus.APPROVED: ("Approved", "负责人已确认"),
    LetterStatus.SUPERSEDED: ("Replaced by a newer draft", "已被新稿取代"),
}


def letter_status_label(status: str, lang: str | None = None) -> str:
    names = LETTER_STATUS_LABELS.get(status)
    return (pick(names[0], names[1], lang)) if names else status


class LetterFrozen(SlipdeskError):
    """An approved letter's text was about to change in place."""


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Letter(SlipRecord):
    """One version of a reply letter or fax. Approved, its text is frozen; an edit is a new version."""
    slip = peewee.ForeignKeyField(Slip, backref="letters", on_delete="CASCADE")
    version = peewee.IntegerField()  # 1, 2 … per slip
    method = peewee.CharField(max_length=12, default=ReplyMethod.LETTER)
    lang = peewee.CharField(max_length=2, default="zh")
    text = peewee.TextField()
    status = peewee.CharField(max_length=12, default=LetterStatus.DRAFT, index=True)
    drafted_by = peewee.ForeignKeyField(User, backref="+")
    drafted_at = peewee.DateTimeField()
    edited_by = peewee.ForeignKeyField(User, backref="+")  # who last changed the text
    edited_at = peewee.DateTimeField()
    submitted_at = peewee.DateTimeField(null=True)
    returned_by = peewee.ForeignKeyField(User, null=True, backref="+")
    returned_at = peewee.DateTimeField(null=True)
    return_reason = peewee.TextField(default="")
    approved_by = peewee.ForeignKeyField(User, null=True, backref="+")
    approved_at = peewee.DateTimeField(null=True)
    approved_sha256 = peewee.CharField(max_length=64, default="")
    flags_seen = peewee.TextField(default="[]")  # JSON: the words-never-to-say flags shown at approval
    sent_at = peewee.DateTimeField(null=True)
    sent_by = peewee.ForeignKeyField(User, null=True, backref="+")

    class Meta:
        table_name = "reply_letter"
        indexes = ((("slip", "version"), True),)

    def save(self, *args, **kwargs):
        """The last line of the freeze: no code path rewrites an approved text in place."""
        if self.approved_sha256 and sha256(self.text) != self.approved_sha256:
            raise LetterFrozen(t("The approved letter text is frozen: save the change as a new draft."))
        return super().save(*args, **kwargs)

    @property
    def is_approved(self) -> bool:
        return self.status == LetterStatus.APPROVED and self.approved_sha256 == sha256(self.text)

    @property
    def writers(self) -> set[str]:
        """The people (User.person) who wrote this text: none of them may approve it."""
        return {self.drafted_by.person, self.edited_by.person}


class Reply(SlipRecord):
    """A reply made to the customer: how, when, by whom, what was said or sent, and their opinion."""
    slip = peewee.ForeignKeyField(Slip, backref="replies", on_delete="CASCADE")
    method = peewee.CharField(max_length=12)
    at = peewee.DateTimeField()  # when the reply was made (the call, the visit, the letter posted)
    replier = peewee.CharField(max_length=64)  # who replied, as named then
    content = peewee.TextField()  # what was said, written back or sent
    opinion = peewee.CharField(max_length=16)
    customer_words = peewee.TextField(default="")  # the customer's opinion in their words
    details = peewee.TextField(default="{}")  # JSON: the method's own facts (line, staff, signer …)
    letter = peewee.ForeignKeyField(Letter, null=True, backref="replies", on_delete="SET NULL")
    recorded_by = peewee.ForeignKeyField(User, backref="+")
    recorded_at = peewee.DateTimeField()

    class Meta:
        indexes = ((("slip", "at"), False), (("at",), False))  # by time: the review's per-staff figures (step STEP_UNDERSTANDING)

    @property
    def facts(self) -> dict[str, Any]:
        return json.loads(self.details or "{}")


class ThanksFollowUp(SlipRecord):
    """After a letter reply: thank the customer again once they have it (电话、邮件等方式)."""
    slip = peewee.ForeignKeyField(Slip, backref="thanks_follow_ups", on_delete="CASCADE")
    letter = peewee.ForeignKeyField(Letter, backref="follow_ups", on_delete="CASCADE")
    due = peewee.DateTimeField(index=True)
    scheduled_at = peewee.DateTimeField()
    done_at = peewee.DateTimeField(null=True, index=True)  # when the customer was thanked (or it proved impossible)
    done_by = peewee.ForeignKeyField(User, null=True, backref="+")
    method = peewee.CharField(max_length=12, default="")
    note = peewee.TextField(default="")
    # when it was recorded, and why thanking the customer was impossible
    recorded_at = peewee.DateTimeField(null=True)
    impossible_reason = peewee.TextField(null=True)

    class Meta:
        table_name = "thanks_follow_up"


# ---------------------------------------------------------------------------------------------
# Phone replies: working hours, unless urgent or agreed

def office_hours_text(office: OfficeHours) -> str:
    return f"{office.start:%H:%M}–{office.end:%H:%M}"


def within_working_hours(at: dt.datetime, office: OfficeHours | None = None) -> bool:
    office = office or OfficeHours.from_settings()
    return is_working_day(at.date(), office) and office.opens(at.date()) <= at < office.closes(at.date())


def phone_time_problem(slip: Slip, at: dt.datetime | None) -> str | None:
    """Why calling or messaging the customer at `at` is not allowed on this slip, or None (shown
    live on the form). The seed's night rule covers every call and message to the customer: phone
    and SMS replies, return-visit calls, the thanks after a letter."""
    if at is None:
        return None
    office = OfficeHours.from_settings()
    if within_working_hours(at, office) or slip.urgent or slip.after_hours_ok:
        return None
    return t("{at} is outside the estate's working hours ({hours} on working days). Phone replies are made in "
             "working hours (电话回复原则上应选择工作时间进行), and so is every call or message to the customer: "
             "outside them only when the slip is urgent or the customer agreed beforehand.",
             at=f"{at:%Y-%m-%d %H:%M}", hours=office_hours_text(office))


CALL_METHODS = (ReplyMethod.PHONE, ReplyMethod.SMS)  # a call or a message: the night rule applies


def contact_time_problem(slip: Slip, at: dt.datetime | None, method: str) -> str | None:
    """`phone_time_problem` for a call or message by `method`; None for a letter, e-mail or visit."""
    return phone_time_problem(slip, at) if method in CALL_METHODS else None


def visit_time_problem(at: dt.datetime, agreed_at: dt.datetime | None) -> str | None:
    """A home visit outside working hours is made at the time agreed with the customer beforehand
    (上门回复应事先和客户约定时间): that time must be on record, and the visit made at it."""
    if within_working_hours(at):
        return None
    if agreed_at is None:
        return t("{at} is outside the estate's working hours: record the time agreed with the customer for the "
                 "visit (上门回复应事先和客户约定时间).", at=f"{at:%Y-%m-%d %H:%M}")
    if abs(at - agreed_at) > VISIT_TOLERANCE:
        return t("The visit at {at} is outside working hours and not at the time agreed with the customer ({agreed}).",
                 at=f"{at:%Y-%m-%d %H:%M}", agreed=f"{agreed_at:%Y-%m-%d %H:%M}")
    return None


VISIT_TOLERANCE = dt.timedelta(hours=1)  # a visit "at the agreed time": within the hour of it


def agree_after_hours_calls(slip_id: int, user: User, *, expected_version: int, agreed_with: str,
                            agreed_at: dt.datetime | None = None, note: str = "") -> Slip:
    """Record that the customer agreed to be called outside office hours (经客户事先许可)."""
    require_role(user, *DESK_ROLES, action=t("record the customer's agreement to calls"))
    agreed_at = agreed_at or clock.now()
    errors = {}
    if not (agreed_with or "").strip():
        errors["agreed_with"] = t("Record who agreed (the customer).")
    if message := validation.past_date(agreed_at, t("The time of the agreement")):
        errors["agreed_at"] = message
    if message := validation.text(note, 2000):
        errors["note"] = message
    if errors:
        raise ValidationFailed(errors)

    def step(slip: Slip) -> Change:
        if not slip.is_open:
            raise TransitionRefused(t("Slip {number} is {status}: there is no reply left to make.",
                                      number=slip.number, status=label(slip.status, language())))
        slip.after_hours_ok = True
        return Change("after_hours_agreed", note=(note or "").strip(), transition=False,
                      data={"agreed_with": agreed_with.strip(), "agreed_at": agreed_at})

    return change_slip(slip_id, user, expected_version, step)


# ---------------------------------------------------------------------------------------------
# Letters and faxes: drafted, approved by the person in charge, frozen

def current_letter(slip: Slip | int) -> Letter | None:
    """The newest letter version of the slip: the one that prints and goes out."""
    return (Letter.select().where(Letter.slip == getattr(slip, "id", slip))
            .order_by(Letter.version.desc()).first())


def letters_of(slip: Slip | int) -> list[Letter]:
    return list(Letter.select().where(Letter.slip == getattr(slip, "id", slip)).order_by(Letter.version))


def approved_letter_text(slip: Slip) -> str | None:
    """The text the person in charge approved, if the newest letter is approved (anything else
    prints with the 草稿 / DRAFT watermark)."""
    letter = current_letter(slip)
    return letter.text if letter is not None and letter.is_approved else None


def no_letter_problem(slip: Slip) -> str | None:
    """Why no reply letter can be posted to this customer, or None: a letter that gave no return
    address (anonymous, or no address to write to) gets none — said plainly, not found out at the post."""
    if not endings.no_reply_letter(slip):
        return None
    return t("Slip {number}'s letter gave no return address (anonymous or no address): no reply letter can be "
             "posted. Reply another way if it left a phone number, e-mail or unit; with none, the slip ends once "
             "handled.", number=slip.number)


def _require_salutation(slip: Slip) -> None:
    """A letter goes for approval and out only with a proper salutation (称呼应准确)."""
    from models.salutation import salutation_problem

    if problem := salutation_problem(slip.complainant_name, slip.complainant_title):
        raise ValidationFailed({"complainant_title": problem})


def _letter_text(text: str) -> str:
    text = (text or "").strip()
    if message := validation.text(text, validation.TEXT_MAX, required_message=t("Write the letter.")):
        raise ValidationFailed({"letter_text": message})
    return text


def _letter_change(slip_id: int, user: User, expected_version: int, act) -> Letter:
    """Run `act(slip) -> (letter, Change)` as a slip change; reindex the slip's text."""
    holder: list[Letter] = []

    def step(slip: Slip) -> Change:
        if not slip.is_open:
            raise TransitionRefused(t("Slip {number} is {status}: no reply letter can be written or approved on it now.",
                                      number=slip.number, status=label(slip.status, language())))
        letter, change = act(slip)
        holder.append(letter)
        return change

    with write_transaction():
        slip = change_slip(slip_id, user, expected_version, step)
        search.reindex_slip(slip.id)
    return holder[0]


def save_letter(slip_id: int, user: User, text: str, *, expected_version: int,
                method: str = ReplyMethod.LETTER, lang: str | None = None) -> Letter:
    """Save the letter draft. Editing an approved letter makes a new draft that needs a new
    approval; editing one waiting for approval takes it back to a draft."""
    require_role(user, *DESK_ROLES, action=t("draft a reply letter"))
    text = _letter_text(text)
    errors = {}
    if method not in LETTER_METHODS:
        errors["method"] = t("A reply letter goes by letter or fax.")
    lang = settings.document_language(lang)
    if lang not in ("zh", "en"):
        errors["lang"] = t("Choose Chinese or English.")
    if errors:
        raise ValidationFailed(errors)

    saved = current_letter(slip_id)
    if saved is not None and (saved.text, saved.method, saved.lang) == (text, method, lang):
        return saved  # nothing changed: no history event, no new version

    def act(slip: Slip) -> tuple[Letter, Change]:
        if method == ReplyMethod.LETTER and (problem := no_letter_problem(slip)):
            raise TransitionRefused(problem)
        now = clock.now()
        letter = current_letter(slip)
        if letter is None or letter.status == LetterStatus.APPROVED:
            if letter is not None:
                letter.status = LetterStatus.SUPERSEDED
                letter.save()
            letter = Letter.create(slip=slip, version=(letter.version + 1) if letter else 1, method=method,
                                   lang=lang, text=text, drafted_by=user, drafted_at=now, edited_by=user,
                                   edited_at=now)
            action = "letter_drafted"
        else:
            letter.text, letter.method, letter.lang = text, method, lang
            letter.edited_by, letter.edited_at, letter.status = user, now, LetterStatus.DRAFT
            letter.save()
            action = "letter_edited"
        return letter, Change(action, data={"letter": letter.id, "version": letter.version, "method": method,
                                            "sha256": sha256(text)}, transition=False)

    return _letter_change(slip_id, user, expected_version, act)


def _banned_refusal(flags: list[phrases.Flag], approving: bool) -> ValidationFailed:
    """The letter holds sentences never to say (严禁): whoever sends it on must have read the flags."""
    found = "、".join(dict.fromkeys(f"“{f.matched}”" for f in flags))
    if approving:
        return ValidationFailed({"flags": t("The letter says {found}, words never to say to a complaining "
                                            "customer. Read the flags and their alternatives, then approve "
                                            "or send the letter back.", found=found)})
    return ValidationFailed({"flags": t("The letter says {found}, sentences never to say to a complaining customer "
                                        "(严禁使用). Rewrite them, or confirm you have read the flags: the person in "
                                        "charge sees them too.", found=found)})


def submit_letter(slip_id: int, user: User, *, expected_version: int, flags_read: bool = False) -> Letter:
    """Ask the person in charge to approve the newest draft (传真、信函回复时须经负责人确认).

    A letter holding a sentence never to say (严禁) goes up only once the clerk has read the flags
    (`flags_read`); wording only better said another way (建议改说) is shown, not refused. The
    submission records both, and the approvals queue shows them on the letter's row."""
    from models import phrases

    require_role(user, *DESK_ROLES, action=t("submit a reply letter"))

    def act(slip: Slip) -> tuple[Letter, Change]:
        letter = current_letter(slip)
        if letter is None or letter.status not in (LetterStatus.DRAFT, LetterStatus.RETURNED):
            state = letter_status_label(letter.status, language()).lower() if letter else t("not drafted")
            raise TransitionRefused(t("The reply letter of slip {number} is {state}: only a draft is submitted for approval.",
                                      number=slip.number, state=state))
        _require_salutation(slip)
        flags = phrases.check(letter.text)
        if phrases.banned(flags) and not flags_read:
            raise _banned_refusal(phrases.banned(flags), approving=False)
        letter.status, letter.submitted_at = LetterStatus.SUBMITTED, clock.now()
        letter.save()
        asked = notices.prepare("letter_submitted", slip, user, role=Role.SUPERVISOR, version=letter.version)
        return letter, Change("letter_submitted", transition=False, notices=[asked], data={
            "letter": letter.id, "version": letter.version,
            "flags": [f.phrase for f in phrases.banned(flags)],
            "better_wording": [f.phrase for f in flags if not f.banned]})

    return _letter_change(slip_id, user, expected_version, act)


def _submitter(slip: Slip) -> int | None:
    """Who submitted the slip's letter last: the clerk told when it comes back or is approved."""
    event = (SlipEvent.select(SlipEvent.user).where(SlipEvent.slip == slip.id, SlipEvent.action == "letter_submitted")
             .order_by(SlipEvent.seq.desc()).first())
    return event.user_id if event else None


def _waiting_letter(slip: Slip, letter_id: int) -> Letter:
    letter = current_letter(slip)
    if letter is None or letter.id != letter_id:
        raise TransitionRefused(t("The letter of slip {number} was redrafted since you opened it: "
                                  "reload it and read the new text.",
                                  number=slip.number))
    if letter.status != LetterStatus.SUBMITTED:
        state = letter_status_label(letter.status, language()).lower()  # no case in Chinese
        raise TransitionRefused(t("The reply letter of slip {number} is {state}: only a letter submitted "
                                  "for approval can be approved or sent back.",
                                  number=slip.number, state=state))
    return letter


def _may_approve(letter: Letter, user: User) -> None:
    require_role(user, *APPROVERS, action=t("approve a reply letter"))
    if user.person in letter.writers:
        raise PermissionDenied(t("You wrote this letter: another person in charge must approve it "
                                 "(even from a supervisor account)."))


def approval_flags(letter: Letter) -> list[phrases.Flag]:
    """Words never to say in the letter, for the approving supervisor."""
    from models import phrases  # with the first letter checked: this module loads before the window shows

    return phrases.check(letter.text)


def approve_letter(letter_id: int, user: User, *, expected_version: int, flags_read: bool = False) -> Letter:
    """The person in charge approves the letter: its text is frozen and kept with its SHA-256.

    When the text holds sentences never to say (严禁), the approver must have read the flags
    (`flags_read`); wording only better said another way is shown, not refused.
    """
    from models import phrases

    letter = Letter.get_or_none(Letter.id == letter_id)
    if letter is None:
        raise TransitionRefused(t("That letter no longer exists."))
    _may_approve(letter, user)

    def act(slip: Slip) -> tuple[Letter, Change]:
        waiting = _waiting_letter(slip, letter_id)
        _may_approve(waiting, user)
        _require_salutation(slip)
        flags = approval_flags(waiting)
        if phrases.banned(flags) and not flags_read:
            raise _banned_refusal(phrases.banned(flags), approving=True)
        now = clock.now()
        waiting.status, waiting.approved_by, waiting.approved_at = LetterStatus.APPROVED, user, now
        waiting.approved_sha256 = sha256(waiting.text)
        waiting.flags_seen = json.dumps([f.phrase for f in flags], ensure_ascii=False)
        waiting.save()
        told = notices.prepare("letter_approved", slip, user, user=_submitter(slip), version=waiting.version)
        return waiting, Change("letter_approved", data={
            "letter": waiting.id, "version": waiting.version, "sha256": waiting.approved_sha256,
            "flags": [f.phrase for f in flags]}, transition=False, notices=[told])

    return _letter_change(letter.slip_id, user, expected_version, act)


def return_letter(letter_id: int, user: User, reason: str, *, expected_version: int) -> Letter:
    """The person in charge sends the letter back to its writer with a reason."""
    letter = Letter.get_or_none(Letter.id == letter_id)
    if letter is None:
        raise TransitionRefused(t("That letter no longer exists."))
    require_role(user, *APPROVERS, action=t("send a reply letter back"))
    if message := validation.text(reason, 2000, required_message=t("Say what to change in the letter.")):
        raise ValidationFailed({"reason": message})

    def act(slip: Slip) -> tuple[Letter, Change]:
        waiting = _waiting_letter(slip, letter_id)
        waiting.status, waiting.returned_by, waiting.returned_at = LetterStatus.RETURNED, user, clock.now()
        waiting.return_reason = reason.strip()
        waiting.save()
        told = notices.prepare("letter_returned", slip, user, user=_submitter(slip), reason=reason.strip(),
                               version=waiting.version)
        return waiting, Change("letter_returned", note=reason.strip(),
                               data={"letter": waiting.id, "version": waiting.version}, transition=False,
                               notices=[told])

    return _letter_change(letter.slip_id, user, expected_version, act)


def _thanks_due(sent_at: dt.datetime) -> dt.datetime:
    """Closing time on the n-th working day after posting: the letter has arrived by then."""
    return add_working_days(sent_at, int(settings.get("reply.thanks_after_days")))


def _send(slip: Slip, letter: Letter, user: User, sent_at: dt.datetime) -> ThanksFollowUp | None:
    letter.sent_at, letter.sent_by = sent_at, user
    letter.save()
    if letter.method != ReplyMethod.LETTER:
        return None
    return ThanksFollowUp.create(slip=slip, letter=letter, due=_thanks_due(sent_at), scheduled_at=clock.now())


def _approved_letter(slip: Slip, method: str | None = None) -> Letter:
    letter = current_letter(slip)
    if letter is None or not letter.is_approved or (method and letter.method != method):
        fax = method == ReplyMethod.FAX
        raise ValidationFailed({"letter": t("A {kind} reply goes out only after the person in charge approved "
                                            "its text (传真、信函回复时须经负责人确认): draft it and submit it "
                                            "for approval first.",
                                            kind=t("fax") if fax else t("letter"))})
    return letter


def mark_letter_sent(slip_id: int, user: User, *, expected_version: int,
                     sent_at: dt.datetime | None = None) -> Letter:
    """The approved letter was posted (or the fax sent); a letter gets its thank-you follow-up."""
    require_role(user, *DESK_ROLES, action=t("send a reply letter"))
    sent_at = sent_at or clock.now()
    if message := validation.past_date(sent_at, t("The time it was sent")):
        raise ValidationFailed({"sent_at": message})

    def act(slip: Slip) -> tuple[Letter, Change]:
        letter = _approved_letter(slip)
        if letter.sent_at is not None:
            raise TransitionRefused(t("This letter was sent on {at} already.",
                                      at=f"{letter.sent_at:%Y-%m-%d %H:%M}"))
        follow_up = _send(slip, letter, user, sent_at)
        return letter, Change("letter_sent", data={
            "letter": letter.id, "method": letter.method, "sent_at": sent_at,
            "thanks_due": follow_up.due if follow_up else None}, transition=False)

    return _letter_change(slip_id, user, expected_version, act)


def pending_approvals(user: User) -> list[Letter]:
    """Letters waiting for a person in charge, except those this person wrote (oldest first)."""
    return list(awaiting_approval_query(user))


def awaiting_approval_query(user: User) -> peewee.ModelSelect:
    drafter, editor = User.alias(), User.alias()
    own = (drafter.id == user.id) | (editor.id == user.id)
    if user.work_id.strip():
        own |= (drafter.work_id == user.work_id.strip()) | (editor.work_id == user.work_id.strip())
    return (Letter.select(Letter, Slip).join(Slip).switch(Letter)
            .join(drafter, on=(Letter.drafted_by == drafter.id)).switch(Letter)
            .join(editor, on=(Letter.edited_by == editor.id))
            .where(Letter.status == LetterStatus.SUBMITTED, ~own).order_by(Letter.submitted_at, Letter.id))


# ---------------------------------------------------------------------------------------------
# Recording a reply

@dataclass(frozen=True)
class StaffMember:
    name: str
    work_id: str


@dataclass
class ReplyInput:
    """What the reply form gathers; which fields matter follows the method."""
    method: str
    summary: str = ""  # what was said or written back (a letter's text comes from the letter)
    opinion: str = ""
    customer_words: str = ""
    at: dt.datetime | None = None  # when; default now
    replier: str = ""  # who replied; default the user
    # phone
    line: str = "supervision"
    identity_stated: bool = False
    recording_kept: bool = False
    # home visit
    place: str = ""
    appointment_agreed: bool = False
    appointment_at: dt.datetime | None = None  # the time agreed; needed for a visit outside working hours
    staff: list[StaffMember] = field(default_factory=list)
    # comment-book write-back
    signed_by: str = ""
    # a letter is answered by letter (对等回复): another way needs a reason
    method_reason: str = ""


@dataclass(frozen=True)
class Recorded:
    reply: Reply
    slip: Slip
    next_steps: tuple[str, ...]
    follow_up: ThanksFollowUp | None = None


def _visit_errors(data: ReplyInput) -> dict[str, str]:
    errors = {}
    if not data.appointment_agreed:
        errors["appointment_agreed"] = t("Agree the time and place of a home visit with the customer beforehand "
                                         "(上门回复应事先和客户约定时间、地点).")
    if message := validation.text(data.place, validation.SHORT_MAX, required_message=t("Write the agreed place.")):
        errors["place"] = message
    members = list(data.staff) + [StaffMember("", "")] * max(0, VISIT_STAFF - len(data.staff))
    first, second = members[0], members[1]
    if not first.name.strip() or not first.work_id.strip():
        errors["staff_1"] = t("Name the first staff member and their work ID number.")
    if not second.name.strip() or not second.work_id.strip():
        errors["staff_2"] = t("Two staff members make a home visit, each with a valid work ID "
                              "(两名工作人员持有效工作证件): name the second one and their work ID number.")
    ids = [m.work_id.strip() for m in data.staff if m.work_id.strip()]
    names = [m.name.strip() for m in data.staff if m.name.strip()]
    if "staff_2" not in errors and (len(set(ids)) < len(ids) or len(set(names)) < len(names)):
        errors["staff_2"] = t("Two different staff members, with two different work IDs.")
    return errors


# Which opinions a reply by each method may record: a call or a visit hears the customer; a letter,
# fax, e-mail or SMS may wait for their answer (意见待反馈); a write-back in the comment book may have
# nobody to answer it (an anonymous entry).
WRITTEN_METHODS = (ReplyMethod.LETTER, ReplyMethod.FAX, ReplyMethod.EMAIL, ReplyMethod.SMS)


def opinions_for(method: str) -> tuple[Opinion, ...]:
    """The opinions a reply by `method` may record, in the order the form offers them."""
    if method == ReplyMethod.BOOK:
        return (*HEARD_OPINIONS, Opinion.NONE)
    if method in WRITTEN_METHODS:
        return (*HEARD_OPINIONS, Opinion.PENDING)
    return HEARD_OPINIONS


def opinion_problem(method: str, opinion: str, customer_words: str) -> dict[str, str] | None:
    """What is wrong with the customer's opinion recorded for a reply by `method`, by field."""
    from models import workflow

    if opinion not in set(Opinion):
        return {"opinion": workflow.required_message("opinion")}
    if opinion not in opinions_for(method):
        if opinion == Opinion.PENDING:
            return {"opinion": t("A call or a visit hears the customer: record what they said of the reply.")}
        return {"opinion": t("“No opinion to ask” is for a write-back in the comment book to an anonymous entry.")}
    if opinion in DISAGREEING and not (customer_words or "").strip():
        return {"customer_words": t("The customer did not fully accept: record what they said, in their words.")}
    return None
_REPLY_TEXTS = ("method", "summary", "opinion", "customer_words", "replier", "line", "place", "signed_by",
                "method_reason")
_REPLY_FLAGS = ("identity_stated", "recording_kept", "appointment_agreed")


def _kind_errors(data: ReplyInput) -> dict[str, str]:
    """Values not of the kind the form sends (a script might): checked before anything reads them."""
    errors = {name: t("Expected text.") for name in _REPLY_TEXTS if not isinstance(getattr(data, name), str)}
    errors.update({name: t("Expected yes or no.") for name in _REPLY_FLAGS
                   if not isinstance(getattr(data, name), bool)})
    if data.at is not None and not isinstance(data.at, dt.datetime):
        errors["at"] = t("Expected a date and time.")
    if not isinstance(data.staff, (list, tuple)) or not all(
            isinstance(m, StaffMember) and isinstance(m.name, str) and isinstance(m.work_id, str) for m in data.staff):
        errors["staff_1"] = t("Name each staff member and their work ID number.")
    return errors


def _staff_errors(data: ReplyInput) -> dict[str, str]:
    errors = {}
    for number, member in enumerate(data.staff[:VISIT_STAFF], start=1):
        message = validation.text(member.name, validation.NAME_MAX) or validation.text(member.work_id, 32)
        if message or "\n" in member.name + member.work_id:
            errors[f"staff_{number}"] = message or t("Write it on one line.")
    return errors


def check(data: ReplyInput) -> dict[str, str]:
    """Problems with the input itself, field by field (the slip's own rules come at `record`)."""
    from models import workflow

    errors: dict[str, str] = _kind_errors(data)
    if errors:
        return errors
    if data.method not in set(ReplyMethod):
        errors["method"] = workflow.required_message("method")
    else:
        errors.update(opinion_problem(data.method, data.opinion, data.customer_words) or {})
    if message := validation.text(data.customer_words, 5000):
        errors["customer_words"] = message
    if data.method not in LETTER_METHODS:
        if message := validation.text(data.summary, validation.TEXT_MAX,
                                       required_message=workflow.required_message("summary")):
            errors["summary"] = message
    if message := validation.past_date(data.at or clock.now(), t("The time of the reply")):
        errors["at"] = message
    if message := validation.text(data.replier, validation.NAME_MAX):
        errors["replier"] = message
    if message := validation.text(data.method_reason, 2000):
        errors["method_reason"] = message
    if "\n" in data.replier or "\n" in data.signed_by or "\n" in data.place:
        for name in ("replier", "signed_by", "place"):
            if "\n" in getattr(data, name):
                errors.setdefault(name, t("Write it on one line."))
    if data.method == ReplyMethod.PHONE:
        if data.line not in PHONE_LINES:
            errors["line"] = t("Reply from the published service-supervision line or the office phone.")
        if not data.identity_stated:
            errors["identity_stated"] = t("State who you are first (回复时应首先向客户讲明身份).")
    elif data.method == ReplyMethod.VISIT:
        errors.update(_visit_errors(data))
        errors.update({k: v for k, v in _staff_errors(data).items() if k not in errors})
    elif data.method == ReplyMethod.BOOK:
        if message := validation.text(data.signed_by, validation.NAME_MAX, required_message=t(
                "Record who signed the write-back in the comment book (签字确认).")):
            errors["signed_by"] = message
    return errors


def _details(data: ReplyInput) -> dict[str, Any]:
    details: dict[str, Any] = {}
    if data.method == ReplyMethod.PHONE:
        details = {"line": data.line, "identity_stated": True, "recording_kept": bool(data.recording_kept)}
    elif data.method == ReplyMethod.VISIT:
        details = {"place": data.place.strip(), "appointment_agreed": True,
                   "staff": [{"name": m.name.strip(), "work_id": m.work_id.strip()} for m in data.staff[:VISIT_STAFF]]}
        if data.appointment_at is not None:
            details["appointment_at"] = data.appointment_at
    elif data.method == ReplyMethod.BOOK:
        details = {"signed_by": data.signed_by.strip()}
    if data.method_reason.strip():
        details["method_reason"] = data.method_reason.strip()
    return details


def method_problem(slip: Slip, data: ReplyInput) -> dict[str, str]:
    """The slip's own rules on how it is answered: a write-back in the book only for a book entry; a
    letter by letter (对等回复) unless a reason for another way is recorded (none needed when it gave
    no return address); no reply letter without an address; a call or message in working hours; a
    visit outside them at the agreed time."""
    at = data.at or clock.now()
    if data.method == ReplyMethod.BOOK and slip.channel != Channel.BOOK:
        return {"method": t("A write-back in the comment book answers an entry in the book: reply to this customer "
                            "another way.")}
    if data.method == ReplyMethod.LETTER and (problem := no_letter_problem(slip)):
        return {"method": problem}
    if (slip.channel == Channel.LETTER and data.method != ReplyMethod.LETTER
            and not endings.no_reply_letter(slip) and not data.method_reason.strip()):
        return {"method_reason": t("A letter is answered by letter as a rule (原则上采用信函的方式对等回复): say "
                                   "why this customer is answered another way (they asked for it, …).")}
    if problem := contact_time_problem(slip, at, data.method):
        return {"at": problem}
    if data.method == ReplyMethod.VISIT and (problem := visit_time_problem(at, data.appointment_at)):
        return {"appointment_at": problem}
    return {}


def next_steps(slip: Slip) -> tuple[str, ...]:
    """What the desk does next after the replies so far: "close", "reopen", "reply", "end"
    (the person in charge ends it as not accepted), "hear" (the opinion is still pending)."""
    if slip.status == Status.REPLIED:
        if slip.reply_opinion in DISAGREEING:
            return ("reopen", "reply", "end")
        if close_refusal(slip) is None:
            return ("close",)
        return ("hear", "reply") if slip.reply_opinion == Opinion.PENDING else ("reply",)
    if slip.status == Status.HANDLED:
        return ("reply",)
    return ()


def record(slip_id: int, user: User, data: ReplyInput, *, expected_version: int) -> Recorded:
    """Record a reply and take the workflow's `record_reply` step, in one transaction."""
    from models import workflow

    errors = check(data)
    if errors:
        raise ValidationFailed(errors)
    at = data.at or clock.now()
    with write_transaction():
        slip = locked_slip(slip_id)
        if slip.version != expected_version:
            raise stale(slip, expected_version)
        if refused := workflow.refusal(slip, "record_reply", user):
            raise refused
        if problems := method_problem(slip, data):
            raise ValidationFailed(problems)
        letter, follow_up, content = None, None, data.summary.strip()
        if data.method in LETTER_METHODS:
            letter = _approved_letter(slip, data.method)
            if letter.sent_at is None:
                follow_up = _send(slip, letter, user, at)
            at, content = letter.sent_at, letter.text
        reply = Reply.create(slip=slip, method=data.method, at=at, replier=data.replier.strip() or user.display_name,
                             content=content, opinion=data.opinion, customer_words=data.customer_words.strip(),
                             details=json.dumps(_details(data), ensure_ascii=False, default=str), letter=letter,
                             recorded_by=user, recorded_at=clock.now())
        details = {"reply": reply.id, "at": at, "replier": reply.replier, **_details(data)}
        if letter is not None:
            details.update(letter=letter.id, sha256=letter.approved_sha256)
        slip = workflow.record_reply(slip.id, user, expected_version=expected_version, method=data.method,
                                     summary=content, opinion=data.opinion, customer_words=reply.customer_words,
                                     details=details)
        search.reindex_slip(slip.id)
    return Recorded(reply, slip, next_steps(slip), follow_up)


def require_reply_on_record(slip: Slip, inputs: dict[str, Any]) -> None:
    """The workflow's record_reply step follows a reply stored by `record`, which checks the
    etiquette rules (phone hours, approved letters, home visits) and keeps what was said or sent:
    a bare step would leave a "replied" slip with no reply behind it."""
    reply_id = (inputs.get("details") or {}).get("reply")
    if reply_id is None or not Reply.select().where((Reply.id == reply_id) & (Reply.slip == slip.id)).exists():
        raise TransitionRefused(t("A reply to slip {number} is recorded with what was said or sent and the "
                                  "customer's opinion (Record a reply…), not as a bare step.",
                                  number=slip.number))


def replies_of(slip: Slip | int) -> list[Reply]:
    return list(Reply.select().where(Reply.slip == getattr(slip, "id", slip)).order_by(Reply.at, Reply.id))


def replies_for_print(slip: Slip) -> list[dict[str, Any]]:
    """Printouts' hook: every reply, oldest first, with the customer's words beside what was said."""
    slip_id = getattr(slip, "id", slip)
    return replies_for_print_of([slip_id])[slip_id]


def replies_for_print_of(slip_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """`replies_for_print` for many slips in one query: a batch print reads no reply per slip."""
    found: dict[int, list[dict[str, Any]]] = {slip_id: [] for slip_id in slip_ids}
    for reply in Reply.select().where(Reply.slip.in_(slip_ids)).order_by(Reply.at, Reply.id):
        content = reply.content
        if reply.customer_words:
            content += f"\n“{reply.customer_words}”"
        found[reply.slip_id].append({"method": reply.method, "at": reply.at, "by": reply.replier,
                                     "content": content, "opinion": reply.opinion})
    return found


def missing_for_complete(slip: Slip, methods: list[str] | None = None) -> list[str]:
    """What the slip still lacks to be complete (“将处理单填写完整”): handling, a reply, the
    channel's duties (models.endings: the comment book's signed write-back, the thanks after a letter),
    and for a slip beyond authority or a repeat its cause and corrective action (models.causes).

    `methods`: how the slip's replies were made, when the caller has read them already (a batch)."""
    if slip.answered_at_once:
        return [] if slip.answer_note.strip() else [t("What was answered on the spot is not recorded.")]
    missing = []
    if not slip.handling_notes.strip():
        missing.append(t("The handling result is not recorded."))
    if methods is None:
        methods = [m for (m,) in Reply.select(Reply.method).where(Reply.slip == slip.id).tuples()]
    if not methods and not endings.reply_impossible(slip):
        missing.append(t("No reply to the customer is recorded."))
    elif methods:
        missing += duties_missing(slip, methods)
    if cause := causes.missing(slip):
        missing.append(cause)
    return missing


def is_complete(slip: Slip, methods: list[str] | None = None) -> bool:
    """Handling, reply and the channel's duties are recorded (填写完整); an answer on the spot is all."""
    return not missing_for_complete(slip, methods)


# ----- how a slip may end (the channel's duties: models.endings) -------------------------------------

def duties_missing(slip: Slip, methods: list[str] | None = None) -> list[str]:
    """The channel's duties still to do before the slip may end, as messages. `methods`: how the
    slip's replies were made, when the caller has read them (a batch print)."""
    if slip.answered_at_once:
        return []
    if methods is None:
        methods = [m for (m,) in Reply.select(Reply.method).where(Reply.slip == slip.id).tuples()]
    missing = []
    if slip.channel == Channel.BOOK:
        if ReplyMethod.BOOK not in methods:
            missing.append(t("The handling opinion is not yet written back into the comment book and signed "
                             "(签字确认)."))
        if endings.direct_reply_owed(slip) and not any(m in endings.DIRECT_METHODS for m in methods):
            missing.append(t("The entry left contact details: reply to the customer directly as well "
                             "(原则上应回复客户)."))
    if ReplyMethod.LETTER in methods and ThanksFollowUp.select().where(
            ThanksFollowUp.slip == slip.id, ThanksFollowUp.done_at.is_null()).exists():
        missing.append(t("The customer has not been thanked again since receiving the letter (再次致谢), "
                         "nor is it recorded why that is impossible."))
    return missing


def _thanked_after_letter(slip: Slip) -> bool:
    """A letter went out and the thanks after it was made (or recorded impossible)."""
    return ThanksFollowUp.select().where(ThanksFollowUp.slip == slip.id,
                                         ThanksFollowUp.done_at.is_null(False)).exists()


def close_refusal(slip: Slip) -> str | None:
    """Why the slip cannot be closed now, or None: the customer accepted (or cannot be asked), and
    the slip is complete (填写完整), the channel's duties included."""
    if slip.status == Status.HANDLED:
        if not endings.reply_impossible(slip):
            return t("Slip {number} is closed after the reply to the customer: record it first.", number=slip.number)
        return _incomplete(slip)  # nobody to reply to: handled is the end of it, its cause analysed
    opinion = slip.reply_opinion
    if opinion == Opinion.PENDING and not _thanked_after_letter(slip):
        return t("The customer's opinion of the reply to slip {number} is still pending (意见待反馈): record "
                 "it when they answer — after a letter, usually when you thank them again.",
                 number=slip.number)
    if opinion == Opinion.NONE and endings.direct_reply_owed(slip):
        return t("The entry of slip {number} left contact details: reply to the customer directly and record "
                 "their opinion.",
                 number=slip.number)
    if opinion in DISAGREEING or not opinion:
        return t("Slip {number} can be closed only after a reply the customer accepted. When the answer was "
                 "given within the rules and the customer still disagrees, the person in charge can end it as "
                 "答复已按规定作出，客户仍不认可.", number=slip.number)
    return _incomplete(slip)


def _incomplete(slip: Slip) -> str | None:
    """Why the slip is not complete (填写完整: handling, reply, the channel's duties, the cause of a
    slip beyond authority or a repeat), or None."""
    if missing := missing_for_complete(slip):
        return t("Slip {number} is not complete (填写完整): {missing}",
                 number=slip.number, missing=pick(" ", "").join(missing))
    return None


def end_refusal(slip: Slip) -> str | None:
    """Why the person in charge cannot end the slip as not accepted now, or None: the customer
    said they disagree, and the slip is complete — a slip beyond authority or a repeat with its
    cause analysed (models.causes), whether the customer accepted or not."""
    if slip.reply_opinion == Opinion.ACCEPTED:
        return t("The customer accepted the reply to slip {number}: close it instead.", number=slip.number)
    if slip.reply_opinion not in DISAGREEING:
        return t("Slip {number} is ended as not accepted only after the customer said they do not (fully) accept "
                 "the reply: record their opinion first.",
                 number=slip.number)
    return _incomplete(slip)


def close_accepted(slip_id: int, user: User, *, expected_version: int, note: str = "") -> Slip:
    """Close the slip once the customer accepted the reply and the slip is complete (the
    workflow's close step refuses it otherwise)."""
    from models import workflow

    return workflow.apply(slip_id, "close", user, expected_version=expected_version, note=note)


def reopen(slip_id: int, user: User, *, expected_version: int, deadline: dt.datetime | None,
           customer_words: str = "", reason: str = "") -> Slip:
    """Not accepted: back to handling with the customer's words (those of the last reply unless
    given) and a new deadline agreed with them."""
    from models import workflow

    last = Reply.select().where(Reply.slip == slip_id).order_by(Reply.at.desc(), Reply.id.desc()).first()
    words = (customer_words or "").strip() or (last.customer_words if last else "")
    return workflow.apply(slip_id, "reopen", user, expected_version=expected_version, customer_words=words,
                          deadline=deadline, reason=reason)


# ---------------------------------------------------------------------------------------------
# The thank-you follow-up after a letter

def follow_ups_of(slip: Slip | int) -> list[ThanksFollowUp]:
    return list(ThanksFollowUp.select().where(ThanksFollowUp.slip == getattr(slip, "id", slip))
                .order_by(ThanksFollowUp.due))


def open_follow_up(slip: Slip | int) -> ThanksFollowUp | None:
    return (ThanksFollowUp.select().where(ThanksFollowUp.slip == getattr(slip, "id", slip),
                                          ThanksFollowUp.done_at.is_null())
            .order_by(ThanksFollowUp.due).first())


def _open_follow_up_row(follow_up_id: int) -> ThanksFollowUp:
    row = ThanksFollowUp.get_or_none(ThanksFollowUp.id == follow_up_id)
    if row is None:
        raise TransitionRefused(t("That follow-up no longer exists."))
    if row.done_at is not None:
        raise TransitionRefused(t("The thanks after the letter was recorded on {at} already.", at=f"{row.done_at:%Y-%m-%d %H:%M}"))
    return row


def thanks_problems(slip: Slip, method: str, at: dt.datetime, letter_sent: dt.datetime | None) -> dict[str, str]:
    """Why thanking the customer again by `method` at `at` cannot be recorded (再次致谢: by phone or
    e-mail, once they have the letter): a number or address to reach them, a time after the letter went,
    not in the future, and a call in working hours like any other."""
    if method not in THANKS_METHODS:
        return {"method": t("Thank the customer by phone or e-mail.")}
    if method == ReplyMethod.EMAIL and not (slip.email or "").strip():
        return {"method": t("No e-mail address is recorded for this customer: thank them by phone, or record "
                            "why thanking them is impossible.")}
    if method == ReplyMethod.PHONE and not (slip.phone or slip.caller_number or "").strip():
        return {"method": t("No phone number is recorded for this customer: thank them by e-mail, or record why "
                            "thanking them is impossible.")}
    if message := validation.past_date(at, t("The time of the thanks")):
        return {"at": message}
    if letter_sent is not None and at < letter_sent:
        return {"at": t("The customer is thanked after the letter went out ({sent}).", sent=f"{letter_sent:%Y-%m-%d %H:%M}")}
    if problem := contact_time_problem(slip, at, method):
        return {"at": problem}
    return {}


def _heard(slip: Slip, opinion: str, customer_words: str) -> dict[str, Any] | None:
    """Record the customer's opinion of the reply still pending (意见待反馈) on the slip; what the
    history keeps of it, or None when no opinion was given."""
    if not opinion:
        return None
    pending = (Reply.select().where(Reply.slip == slip.id, Reply.opinion == Opinion.PENDING)
               .order_by(Reply.at.desc(), Reply.id.desc()).first())
    if pending is None:
        raise ValidationFailed({"opinion": t("No reply of this slip waits for the customer's opinion.")})
    if problem := opinion_problem(ReplyMethod.PHONE, opinion, customer_words):  # what a person says
        raise ValidationFailed(problem)
    pending.opinion, pending.customer_words = opinion, (customer_words or "").strip()
    pending.save()
    if slip.reply_opinion == Opinion.PENDING:
        slip.reply_opinion = opinion
    return {"reply": pending.id, "opinion": opinion, "customer_words": pending.customer_words,
            "before": Opinion.PENDING.value}


def complete_follow_up(follow_up_id: int, user: User, *, method: str, at: dt.datetime | None = None,
                       note: str = "", opinion: str = "", customer_words: str = "",
                       expected_version: int) -> ThanksFollowUp:
    """The customer was thanked again after receiving the letter (再次致谢, by phone or e-mail) at
    `at` (default now); what they said of the reply, when they said it, is their opinion of it."""
    require_role(user, *DESK_ROLES, action=t("record the thanks after a letter"))
    at = at or clock.now()
    if message := validation.text(note, 2000):
        raise ValidationFailed({"note": message})
    follow_up = _open_follow_up_row(follow_up_id)

    def step(slip: Slip) -> Change:
        row = _open_follow_up_row(follow_up_id)
        if problems := thanks_problems(slip, method, at, row.letter.sent_at):
            raise ValidationFailed(problems)
        heard = _heard(slip, opinion, customer_words)
        row.done_at, row.done_by, row.method, row.note = at, user, method, (note or "").strip()
        row.recorded_at = clock.now()
        row.save()
        return Change("thanks_follow_up", note=row.note, transition=False,
                      data={"follow_up": row.id, "method": method, "at": at, **({"heard": heard} if heard else {})})

    change_slip(follow_up.slip_id, user, expected_version, step)
    return ThanksFollowUp.get_by_id(follow_up_id)


def record_thanks_impossible(follow_up_id: int, user: User, reason: str, *, expected_version: int) -> ThanksFollowUp:
    """Thanking the customer again after the letter is impossible (no phone or e-mail, unreachable):
    why, on record, so that the slip can end without pretending it was done."""
    require_role(user, *DESK_ROLES, action=t("record the thanks after a letter"))
    if message := validation.text(reason, 2000, required_message=t(
            "Say why the customer cannot be thanked again (no phone or e-mail, not reachable, …).")):
        raise ValidationFailed({"impossible_reason": message})
    follow_up = _open_follow_up_row(follow_up_id)

    def step(slip: Slip) -> Change:
        row = _open_follow_up_row(follow_up_id)
        row.done_at = row.recorded_at = clock.now()
        row.done_by, row.impossible_reason = user, reason.strip()
        row.save()
        return Change("thanks_impossible", note=row.impossible_reason, transition=False, data={"follow_up": row.id})

    change_slip(follow_up.slip_id, user, expected_version, step)
    return ThanksFollowUp.get_by_id(follow_up_id)


def hear_opinion(slip_id: int, user: User, *, opinion: str, customer_words: str = "", note: str = "",
                 expected_version: int) -> Slip:
    """The customer gave their opinion of a reply that was waiting for it (意见待反馈): they called,
    wrote or came by. Recorded truthfully; nothing makes the clerk invent it earlier."""
    from models import workflow

    require_role(user, *DESK_ROLES, action=t("record the customer's opinion"))
    if not opinion:
        raise ValidationFailed({"opinion": workflow.required_message("opinion")})
    if message := validation.text(note, 2000):
        raise ValidationFailed({"note": message})

    def step(slip: Slip) -> Change:
        heard = _heard(slip, opinion, customer_words)
        return Change("opinion_heard", note=(customer_words or "").strip() or (note or "").strip(), transition=False,
                      data=heard)

    return change_slip(slip_id, user, expected_version, step)


# ---------------------------------------------------------------------------------------------
# The dashboard and search

def thanks_due(user: User, now: dt.datetime) -> peewee.ModelSelect:
    """Slips whose thank-you follow-up is due by the end of today and not yet done."""
    end = dt.datetime.combine(now.date(), dt.time.max)
    due = ThanksFollowUp.select(ThanksFollowUp.slip).where(ThanksFollowUp.done_at.is_null(), ThanksFollowUp.due <= end)
    return Slip.select().where(Slip.id.in_(due)).order_by(Slip.deadline, Slip.id)


def not_accepted(user: User, now: dt.datetime) -> peewee.ModelSelect:
    """Slips whose last reply the customer did not (fully) accept, waiting for the next step."""
    return (Slip.select().where(Slip.status == Status.REPLIED, Slip.reply_opinion.in_(list(DISAGREEING)))
            .order_by(Slip.updated_at, Slip.id))


def letters_awaiting_me(user: User, now: dt.datetime) -> peewee.ModelSelect:
    """Slips whose reply letter waits for this person in charge's approval."""
    waiting = awaiting_approval_query(user).select(Letter.slip)
    return Slip.select().where(Slip.id.in_(waiting)).order_by(Slip.deadline, Slip.id)


# The dashboard's sections of this module (models.providers hands them to models.dashboard).
DASHBOARD_SECTIONS = (
    dashboard.Section("thanks_due", "Thank-you follow-ups after a letter reply", "信函回复后再次致谢", slips=thanks_due),
    dashboard.Section("reply_not_accepted", "Reply not accepted: decide the next step", "答复未获认可，待定下一步",
                      slips=not_accepted, warning=True),
    dashboard.Section("letters_to_approve", "Reply letters awaiting my approval", "待我审批的回复信函",
                      slips=letters_awaiting_me, roles=APPROVERS),
)


# Every save re-indexes its slip and so asks for its replies: SQL written once, not built by peewee
# each time. In id order, so that every backend reads them alike.
_REPLY_TEXT_SQL = 'SELECT "slip_id", "content", "customer_words", "replier" FROM "reply" WHERE "slip_id" IN '
_LETTER_TEXT_SQL = 'SELECT "slip_id", "text" FROM "reply_letter" WHERE "slip_id" IN '
_BY_ID = ' ORDER BY "slip_id", "id"'


def reply_texts(slip_ids: list[int]) -> dict[int, list[str]]:
    """Search's source of the replies' and reply letters' text (models.providers registers it)."""
    found: dict[int, list[str]] = {}
    ids = list(slip_ids)
    if not ids:
        return found
    for slip_id, content, words, replier in statements.execute(statements.in_list(_REPLY_TEXT_SQL, len(ids))
                                                               + _BY_ID, ids):
        found.setdefault(slip_id, []).extend((content, words, replier))
    for slip_id, text in statements.execute(statements.in_list(_LETTER_TEXT_SQL, len(ids)) + _BY_ID, ids):
        found.setdefault(slip_id, []).append(text)
    return found

