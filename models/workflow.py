"""The handling slip's one state machine: every screen and admin command moves slips through here.

The states follow the seed (处理投诉礼仪的基本原则):

    received ──answer_at_once──▶ answered (closed on the spot; on-site and phone only)
    received ──assign──▶ in_handling                (within authority: a department is notified)
    received | in_handling ──request_escalation──▶ awaiting_confirmation   (beyond authority)
    awaiting_confirmation ──confirm_escalation──▶ escalated   (transmittal to the upper department)
    awaiting_confirmation ──return_escalation──▶ in_handling  (back to the clerk, with a reason)
    in_handling | escalated ──record_handling──▶ handled      (the result recorded)
    escalated ──hand_back──▶ handled         (the upper department's account, with its result)
    handled | replied ──record_reply──▶ replied               (what was said, the customer's opinion)
    replied ──close──▶ closed                                 (only after a reply the customer accepted)
    handled ──close──▶ closed                                 (an anonymous letter: nobody to reply to)
    replied ──end_unaccepted──▶ ended_unaccepted              (the person in charge: 答复已按规定作出，
                                                                客户仍不认可, with the reason and the offer)
    replied | ended_unaccepted ──reopen──▶ in_handling        (their words, a new deadline)

Closing and ending also wait for the channel's duties (models.endings): the comment book's signed
write-back, the direct reply to an entry that left contact details, the thanks after a letter.

Each step is data (`Transition`): the states it leaves from, the state it reaches, the roles
that may take it, the inputs it needs, and a guard for rules about the particular slip (the
person who asked for an escalation never confirms it, even from a second account). `apply` is
the one entry: role, then freshness (optimistic locking), then legality, then inputs; the slip
changes, its version goes up and a history event is written in one transaction.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from models import clock, notices, validation
from models.accounts import User, require_role
from models.catalog import Department, upper_department
from models.changes import Change, change_new_slip, change_slip
from models.deadlines import agree_new_deadline
from models.errors import PermissionDenied, SlipdeskError, TransitionRefused, ValidationFailed
from models.i18n import Composed, language, pick, t
from models.slips import Attachment, Slip
from models.transmittals import Transmittal, describe_attachments
from models.vocab import DESK_ROLES, HEARD_OPINIONS, Channel, Opinion, ReplyMethod, Role, Status, label

EVERYONE = frozenset(DESK_ROLES)  # the estate's desk; the upper department takes its own step
CONFIRMERS = frozenset({Role.SUPERVISOR, Role.MANAGER})
UPPER = frozenset({Role.UPPER})

REQUIRED = {  # an input a step needs → the message when it is missing, (English, Chinese)
    "answer_note": ("Write down what was answered on the spot.", "请记录当场答复的内容。"),
    "department": ("Choose the department that will handle it.", "请选择负责处理的部门。"),
    "reason": ("Give a short reason.", "请简要说明理由。"),
    "result": ("Record the handling result.", "请登记处理结果。"),
    "method": ("Choose how the customer was answered.", "请选择回复客户的方式。"),
    "summary": ("Record what was said or sent to the customer.", "请记录向客户说明或寄送的内容。"),
    "opinion": ("Record the customer's opinion of the reply.", "请登记客户对回复的意见。"),
    "customer_words": ("Record what the customer said, in their words.", "请按客户原话记录客户的意见。"),
    "deadline": ("Agree a new reply deadline with the customer (约定回复时限).", "请与客户重新约定回复时限。"),
    "end_reason": ("Say why nothing more can be done within the rules and the desk's authority.",
                   "请说明为何在业务规定和权限内已无法再作处理。"),
    "offered": ("Record what was offered to the customer.", "请记录已向客户提出的解决办法。"),
    "recipient": ("Name who receives it at the upper department.", "请填写上级部门的接收人。"),
}


def required_message(name: str) -> str:
    """The message for a step's missing input, in the current language."""
    return pick(*REQUIRED[name])


Effect = Callable[[Slip, User, dict[str, Any]], Change]
Guard = Callable[[Slip, User], SlipdeskError | None]


@dataclass(frozen=True)
class Transition:
    action: str
    sources: frozenset[str]
    target: str
    roles: frozenset[str]
    required: tuple[str, ...]
    optional: tuple[str, ...]
    label_en: str
    label_zh: str
    verb: str  # for refusals: "Only a supervisor or manager may <verb>."
    verb_zh: str  # "只有负责人或经理可以<verb_zh>。"
    effect: Effect
    guard: Guard | None = None

    def label(self, lang: str | None = None) -> str:
        return pick(self.label_en, self.label_zh, lang)

    def doing(self) -> str:
        """What the step does, in the current language, for a refusal (require_role's action)."""
        return pick(self.verb, self.verb_zh)


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(inputs: dict[str, Any], name: str, maximum: int = 5000) -> str:
    """A person's words for `name`, checked; a `Composed` text (the system's own, in both
    languages) is kept as it is (models.i18n)."""
    value = inputs.get(name) or ""
    if isinstance(value, Composed):
        return value.stored()
    if message := validation.text(value, maximum):
        raise ValidationFailed({name: message})
    return value.strip()


# Guards: rules about this slip and this person, beyond the role --------------------------------

def _not_own_request(slip: Slip, user: User) -> SlipdeskError | None:
    requester = slip.escalation_requested_by
    if requester is not None and requester.person == user.person:
        return PermissionDenied(t("You asked for the escalation of slip {number}: another person "
                                  "in charge must confirm it (even from a supervisor account).",
                                  number=slip.number))
    return None


def _sent_up_to_them(slip: Slip, user: User) -> SlipdeskError | None:
    from models import upper

    return upper.refusal(slip, user)


# Rules kept by models.replies, which records a reply and takes the record_reply step itself, and
# reads the replies to say whether a slip may end (the channel's duties: models.endings). Handed
# over by models.providers when a database is opened (models.connection).
RULES = ("opinion_problem", "require_reply_on_record", "close_refusal", "end_refusal")
_rules: dict[str, Callable[..., Any]] = {}


def follow_rules(**rules: Callable[..., Any]) -> None:
    """`opinion_problem(method, opinion, customer_words)`: the opinion's problem by field, or None;
    `require_reply_on_record(slip, inputs)`: raises unless the step follows a stored reply;
    `close_refusal(slip)`, `end_refusal(slip)`: why the slip cannot be closed or ended, or None."""
    if unknown := set(rules) - set(RULES):
        raise TypeError(f"no workflow rule called {', '.join(sorted(unknown))}")
    _rules.update(rules)


def _rule(name: str) -> Callable[..., Any]:
    if name not in _rules:
        raise RuntimeError(f"models.workflow was not handed its rule {name}: open the database with "
                           "models.connection.open_database (models.providers)")
    return _rules[name]


def _may_close(slip: Slip, user: User) -> SlipdeskError | None:
    """Closing needs a reply the customer accepted (or none possible) and the slip complete
    (填写完整), the channel's duties included (models.endings)."""
    problem = _rule("close_refusal")(slip)
    return TransitionRefused(problem) if problem else None


def _may_end_unaccepted(slip: Slip, user: User) -> SlipdeskError | None:
    problem = _rule("end_refusal")(slip)
    return TransitionRefused(problem) if problem else None


def _at_once_channel(slip: Slip, user: User) -> SlipdeskError | None:
    """Only someone standing at the desk or on the line can be answered on the spot."""
    if slip.channel in AT_ONCE_CHANNELS:
        return None
    return TransitionRefused(at_once_refusal(slip.channel))


def at_once_refusal(channel: str) -> str:
    """The refusal for "answered at once" on a written channel (a letter, a comment-book entry)."""
    return t("A {channel} complaint cannot be answered on the spot: nobody stands at the desk to hear it. "
             "Answering at once is for on-site and phone complaints (对能答复的问题，应立即向客户解释说明); "
             "agree a reply deadline instead.",
             channel=pick(*AT_ONCE_NAMES.get(channel, (channel, channel))))


AT_ONCE_CHANNELS = (Channel.ONSITE, Channel.PHONE)  # someone at the desk or on the line
AT_ONCE_NAMES = {Channel.LETTER: ("letter", "信函投诉"), Channel.BOOK: ("comment-book", "意见簿投诉")}


# Effects: what each step records ----------------------------------------------------------------

def _answer_at_once(slip: Slip, user: User, inputs: dict[str, Any]) -> Change:
    note = _text(inputs, "answer_note")
    slip.answered_at_once, slip.answer_note, slip.closed_at = True, note, clock.now()
    if slip.within_authority is None:
        slip.within_authority = True
    return Change("answer_at_once", note=note)


def _department(value: Any, field: str = "department") -> Department:
    department = Department.get_or_none(Department.id == getattr(value, "id", value), Department.active)
    if department is None:
        raise ValidationFailed({field: t("Choose a department from the list.")})
    return department


def _assign(slip: Slip, user: User, inputs: dict[str, Any]) -> Change:
    department = _department(inputs["department"])
    assignee = _text(inputs, "assignee", 64)
    slip.department, slip.assignee = department, assignee
    if slip.within_authority is None:
        slip.within_authority = True
    names = dict(department_en=department.name_en, department_zh=department.name_zh, summary=notices.summary_of(slip))
    told = [notices.prepare("assigned", slip, user, department=department, assignee=assignee, **names)]
    if slip.status == Status.RECEIVED and slip.channel in AT_ONCE_CHANNELS:
        # not answered on the spot: the slip is taken to the person in charge (请示负责人处理)
        told.append(notices.prepare("reported", slip, user, role=Role.SUPERVISOR, **names))
    return Change("assign", note=_text(inputs, "note"),
                  data={"department": department.code, "assignee": assignee}, notices=told)


def _request_escalation(slip: Slip, user: User, inputs: dict[str, Any]) -> Change:
    reason = _text(inputs, "reason", 2000)
    slip.escalation_requested_by, slip.escalation_reason, slip.within_authority = user, reason, False
    return Change("request_escalation", note=reason,
                  notices=[notices.prepare("escalation_requested", slip, user, role=Role.SUPERVISOR, reason=reason)])


def _attachments(slip: Slip, ids: Any) -> list[Attachment]:
    own = list(Attachment.select(Attachment.id, Attachment.filename, Attachment.kind)
               .where(Attachment.slip == slip).order_by(Attachment.id))
    if ids is None:
        return own
    by_id = {a.id: a for a in own}
    wanted = [int(getattr(i, "id", i)) for i in ids]
    if any(i not in by_id for i in wanted):
        raise ValidationFailed({"attachments": t("Send only this slip's own attachments.")})
    return [by_id[i] for i in wanted]


def _confirm_escalation(slip: Slip, user: User, inputs: dict[str, Any]) -> Change:
    upper = upper_department()
    target = inputs.get("sent_to") or upper
    if target is None:
        raise ValidationFailed({"sent_to": t("Name the upper service-management department in the settings first.")})
    department = _department(target, "sent_to")
    sent_at = inputs.get("sent_at") or clock.now()
    if message := validation.past_date(sent_at, t("The time it was sent up")):
        raise ValidationFailed({"sent_at": message})
    copy_kept = bool(inputs.get("letter_copy_kept"))
    if slip.channel == Channel.LETTER and not copy_kept:
        raise ValidationFailed({"letter_copy_kept": t("Copy the letter and keep the copy on file "
                                                      "(复印，留存备查) before it goes up.")})
    attachments = _attachments(slip, inputs.get("attachments"))
    recipient, note = _text(inputs, "recipient", 64), _text(inputs, "note")
    if not recipient:
        raise ValidationFailed({"recipient": required_message("recipient")})
    Transmittal.create(slip=slip, sent_to=department, recipient=recipient, sent_at=sent_at, sent_by=user,
                       attachments=describe_attachments(attachments), letter_copy_kept=copy_kept, note=note)
    names = {"department_en": department.name_en, "department_zh": department.name_zh}
    return Change("confirm_escalation", note=note, data={
        "sent_to": department.code, "recipient": recipient, "sent_at": sent_at,
        "attachments": [a.filename for a in attachments], "letter_copy_kept": copy_kept},
        notices=[notices.prepare("escalated", slip, user, user=slip.escalation_requested_by_id, **names),
                 notices.prepare("sent_up", slip, user, department=department, summary=notices.summary_of(slip),
                                 **names)])


def _return_escalation(slip: Slip, user: User, inputs: dict[str, Any]) -> Change:
    reason = _text(inputs, "reason", 2000)
    slip.within_authority = True
    return Change("return_escalation", note=reason, notices=[
        notices.prepare("escalation_returned", slip, user, user=slip.escalation_requested_by_id, reason=reason)])


def _record_handling(slip: Slip, user: User, inputs: dict[str, Any]) -> Change:
    result = _text(inputs, "result", validation.TEXT_MAX)
    slip.handling_notes = "\n".join(filter(None, [slip.handling_notes.strip(), result]))
    return Change("record_handling", note=result, data={"by_upper_department": slip.status == Status.ESCALATED})


def _hand_back(slip: Slip, user: User, inputs: dict[str, Any]) -> Change:
    """The upper department's result goes into the slip's handling; the desk that took the
    complaint (the clerk who received it, and who asked for the escalation) replies to the customer."""
    result = _text(inputs, "result", validation.TEXT_MAX)
    slip.handling_notes = "\n".join(filter(None, [slip.handling_notes.strip(), result]))
    sent = Transmittal.select(Transmittal.sent_to).where(Transmittal.slip == slip.id).order_by(
        Transmittal.sent_at.desc(), Transmittal.id.desc()).first()
    department = Department.get_by_id(sent.sent_to_id)
    names = {"department_en": department.name_en, "department_zh": department.name_zh,
             "name": slip.complainant_name, "reason": result}
    desk = dict.fromkeys(filter(None, (slip.received_by_id, slip.escalation_requested_by_id)))
    return Change("hand_back", note=result, data={"by_upper_department": True, "department": department.code},
                  notices=[notices.prepare("handed_back", slip, user, user=clerk, **names) for clerk in desk])


def _record_reply(slip: Slip, user: User, inputs: dict[str, Any]) -> Change:
    method, opinion = inputs["method"], inputs["opinion"]
    errors = {}
    if method not in set(ReplyMethod):
        errors["method"] = required_message("method")
    elif problem := _rule("opinion_problem")(method, opinion, inputs.get("customer_words") or ""):
        errors.update(problem)
    if errors:
        raise ValidationFailed(errors)
    _rule("require_reply_on_record")(slip, inputs)
    summary, words = _text(inputs, "summary", validation.TEXT_MAX), _text(inputs, "customer_words")
    if opinion != Opinion.NONE or slip.reply_opinion not in HEARD_OPINIONS:
        slip.reply_opinion = opinion  # a write-back in the book does not hide what the customer said
    return Change("record_reply", note=summary, data={
        **(inputs.get("details") or {}), "method": str(method), "opinion": str(opinion), "customer_words": words})


def _close(slip: Slip, user: User, inputs: dict[str, Any]) -> Change:
    slip.closed_at = clock.now()
    return Change("close", note=_text(inputs, "note"))


def _end_unaccepted(slip: Slip, user: User, inputs: dict[str, Any]) -> Change:
    reason, offered = _text(inputs, "end_reason", 2000), _text(inputs, "offered", 2000)
    slip.end_reason, slip.end_offer, slip.closed_at = reason, offered, clock.now()
    # the history's note says why, as a reopening's says what the customer said
    return Change("end_unaccepted", note="\n".join(filter(None, [reason, _text(inputs, "note")])),
                  data={"reason": reason, "offered": offered, "opinion": slip.reply_opinion})


def _reopen(slip: Slip, user: User, inputs: dict[str, Any]) -> Change:
    words = _text(inputs, "customer_words")
    reason = _text(inputs, "reason", 2000) or Composed.of("The customer did not accept the reply.")
    data = agree_new_deadline(slip, inputs["deadline"], inputs.get("agreed_with") or slip.complainant_name,
                              inputs.get("agreed_at"), reason)
    slip.reopened_count += 1
    slip.reply_opinion, slip.closed_at = "", None
    if slip.end_reason is not None:  # ended as not accepted: the history keeps why; it is open again
        data["ended"] = {"reason": slip.end_reason, "offered": slip.end_offer}
        slip.end_reason = slip.end_offer = None
    return Change("reopen", note=words, data={"customer_words": words, **data})


def _step(action: str, sources: tuple[str, ...], target: str, roles: frozenset[str], required: tuple[str, ...],
          optional: tuple[str, ...], label_en: str, label_zh: str, verb: tuple[str, str], effect: Effect,
          guard: Guard | None = None) -> Transition:
    return Transition(action, frozenset(sources), target, roles, required, optional, label_en, label_zh,
                      *verb, effect, guard)


S = Status
TRANSITIONS: dict[str, Transition] = {step.action: step for step in (
    _step("answer_at_once", (S.RECEIVED,), S.ANSWERED, EVERYONE, ("answer_note",), (),
          "Answered at once", "当场答复", ("answer a complaint at once", "当场答复投诉"), _answer_at_once,
          _at_once_channel),
    _step("assign", (S.RECEIVED, S.IN_HANDLING), S.IN_HANDLING, EVERYONE, ("department",), ("assignee", "note"),
          "Assign for handling", "派单处理", ("assign a slip", "派发处理单"), _assign),
    _step("request_escalation", (S.RECEIVED, S.IN_HANDLING), S.AWAITING_CONFIRMATION, EVERYONE, ("reason",), (),
          "Ask the person in charge to confirm escalation", "提请负责人确认上报", ("ask for an escalation", "提请上报"),
          _request_escalation),
    _step("confirm_escalation", (S.AWAITING_CONFIRMATION,), S.ESCALATED, CONFIRMERS, (),
          ("sent_to", "recipient", "sent_at", "attachments", "letter_copy_kept", "note"),
          "Confirm and send up", "确认上报", ("confirm an escalation", "确认上报"), _confirm_escalation,
          _not_own_request),
    _step("return_escalation", (S.AWAITING_CONFIRMATION,), S.IN_HANDLING, CONFIRMERS, ("reason",), (),
          "Return to the clerk", "退回接待人员", ("return an escalation request", "退回上报申请"), _return_escalation),
    _step("record_handling", (S.IN_HANDLING, S.ESCALATED), S.HANDLED, EVERYONE, ("result",), (),
          "Record the handling result", "登记处理结果", ("record a handling result", "登记处理结果"), _record_handling),
    _step("hand_back", (S.ESCALATED,), S.HANDLED, UPPER, ("result",), (),
          "Hand the result back to the desk", "处理结果交回前台", ("hand a slip back", "交回处理结果"), _hand_back,
          _sent_up_to_them),
    _step("record_reply", (S.HANDLED, S.REPLIED), S.REPLIED, EVERYONE, ("method", "summary", "opinion"),
          ("customer_words", "details"), "Record the reply", "登记回复", ("record a reply", "登记回复"), _record_reply),
    _step("close", (S.HANDLED, S.REPLIED), S.CLOSED, EVERYONE, (), ("note",),
          "Close", "结案", ("close a slip", "结案"), _close, _may_close),
    _step("end_unaccepted", (S.REPLIED,), S.ENDED_UNACCEPTED, CONFIRMERS, ("end_reason", "offered"), ("note",),
          "End: answered within the rules, the customer still disagrees", "终结：答复已按规定作出，客户仍不认可",
          ("end a slip the customer does not accept", "终结客户仍不认可的处理单"), _end_unaccepted,
          _may_end_unaccepted),
    _step("reopen", (S.REPLIED, S.ENDED_UNACCEPTED), S.IN_HANDLING, EVERYONE, ("customer_words", "deadline"),
          ("reason", "agreed_with", "agreed_at"),
          "Back to handling (not accepted)", "重新处理（客户不认可）", ("reopen a slip", "重新处理"), _reopen),
)}


def event_label(action: str, lang: str | None = None) -> str:
    """A history event's action named for people, the same on the slip view and the printed slip:
    a workflow step by its own label, any other event by its name in models.vocab ("event:…")."""
    step = TRANSITIONS.get(action)
    if step is not None:
        return step.label(lang)
    named = label(action, lang, kind="event")
    return action.replace("_", " ") if named == action else named


def transition(action: str) -> Transition:
    try:
        return TRANSITIONS[action]
    except KeyError:
        raise TransitionRefused(t("There is no step called “{action}”.",
                                  action=action)) from None


def _check_inputs(step: Transition, inputs: dict[str, Any]) -> None:
    unknown = set(inputs) - set(step.required) - set(step.optional)
    if unknown:
        raise TypeError(f"{step.action} takes no input {', '.join(sorted(unknown))}")
    errors = {name: required_message(name) for name in step.required if _missing(inputs.get(name))}
    if errors:
        raise ValidationFailed(errors)


def refusal(slip: Slip, action: str, user: User | None) -> SlipdeskError | None:
    """Why `user` may not take `action` on `slip` as it is now; None when they may."""
    step = transition(action)
    try:
        require_role(user, *[r for r in Role if r in step.roles], action=step.doing())
    except PermissionDenied as denied:
        return denied
    if slip.status not in step.sources:
        lang = language()
        sources = t(" or ").join(sorted(label(s, lang) for s in step.sources))
        return TransitionRefused(t("Slip {number} is {status}: “{step}” is possible only when it is {sources}.",
                                   number=slip.number, status=label(slip.status, lang), step=step.label(lang),
                                   sources=sources))
    return step.guard(slip, user) if step.guard else None


def allowed_actions(slip: Slip, user: User | None) -> list[Transition]:
    """The steps this user may take on this slip now: what the slip view offers."""
    return [step for step in TRANSITIONS.values() if refusal(slip, step.action, user) is None]


def _taking(action: str, user: User, inputs: dict[str, Any]) -> Callable[[Slip], Change]:
    step = transition(action)

    def take(slip: Slip) -> Change:
        if refused := refusal(slip, action, user):
            raise refused
        _check_inputs(step, inputs)
        change = step.effect(slip, user, inputs)
        slip.status = step.target
        return change

    return take


def apply(slip_id: int, action: str, user: User, *, expected_version: int, **inputs: Any) -> Slip:
    """Take one step on a slip; raises PermissionDenied, StaleSlip, TransitionRefused or
    ValidationFailed (nothing changes then), else returns the slip as saved."""
    step = transition(action)
    require_role(user, *[r for r in Role if r in step.roles], action=step.doing())
    return change_slip(slip_id, user, expected_version, _taking(action, user, inputs))


def first_step(slip: Slip, created: dict[str, Any], action: str, user: User,
               attach: Callable[[Slip], None] | None = None, **inputs: Any) -> Slip:
    """The first step of a slip numbered in the running transaction and not yet written, whose
    "created" event is `created` (intake's routing): the same rules as `apply`; the slip is then
    written once, as the step leaves it (models.changes.change_new_slip; `attach` stores its scans)."""
    return change_new_slip(slip, user, created, _taking(action, user, inputs), attach)


def record_reply(slip_id: int, user: User, *, expected_version: int, method: str, summary: str,
                 opinion: str, customer_words: str = "", details: dict[str, Any] | None = None) -> Slip:
    """The replies module's step: a reply was made (method, what was said or sent) and the
    customer gave their opinion. Call it inside the transaction that stores the reply itself.

    The slip then waits for the next step: `close` once the customer accepted, `reopen` with
    their words and a new deadline when they did not, another reply, or the person in charge's
    `end_unaccepted` when the answer was within the rules and nothing more can be offered.
    """
    return apply(slip_id, "record_reply", user, expected_version=expected_version, method=method,
                 summary=summary, opinion=opinion, customer_words=customer_words, details=details or {})

