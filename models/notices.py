"""In-app notices: a slip assigned, an escalation to confirm or returned, a deadline due or missed,
a reply letter to approve or sent back or approved, a slip sent up or handed back.

A notice is addressed to one user, to a department (seen by its responsible people who have an
account, and by the upper department's accounts when it is the upper department) or to a role
(every person in charge); each reader marks it read for themselves. Nobody gets a notice of their
own doing. The text is composed when shown, in the reader's language, from what was recorded.

A notice that asks for something (confirm this escalation, approve this letter, reply by then) is
done once that was done, by anyone and from any desk: the step that does it marks it (`settle`,
from models.changes), and a done notice leaves everyone's unread count. A notice that only tells
(the escalation was confirmed) ends when it is read.
"""
from __future__ import annotations

import datetime as dt
import json
from typing import Any

import peewee

from models import clock, statements
from models.accounts import User
from models.catalog import Department, ResponsiblePerson
from models.db import BaseModel, write_transaction
from models.i18n import is_chinese, shown
from models.slips import Slip
from models.vocab import AWAITING_REPLY, Role


class Notice(BaseModel):
    # Indexed only as the readers' query needs (by role here, by user and department in
    # NOTICE_INDEXES) and by key: most saves write a notice, and slips and accounts are never
    # deleted, so no foreign-key index is needed to delete them.
    created_at = peewee.DateTimeField()
    kind = peewee.CharField(max_length=24)
    slip = peewee.ForeignKeyField(Slip, null=True, backref="notices", on_delete="CASCADE", index=False)
    user = peewee.ForeignKeyField(User, null=True, backref="+", on_delete="CASCADE", index=False)
    department = peewee.ForeignKeyField(Department, null=True, backref="+", on_delete="CASCADE", index=False)
    role = peewee.CharField(max_length=16, default="")
    sender = peewee.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL", index=False)
    data = peewee.TextField(default="{}")
    key = peewee.CharField(max_length=128, null=True)  # one due/overdue notice per promise
    # Done: what it asked was done: when, by whom, by which step
    done_at = peewee.DateTimeField(null=True)
    done_by = peewee.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL", index=False)
    done_action = peewee.CharField(max_length=32, null=True)

    class Meta:
        indexes = ((("role", "created_at"), False),)

    @property
    def details(self) -> dict[str, Any]:
        return json.loads(self.data or "{}")

    def text(self, lang: str | None = None) -> str:
        return notice_text(self.kind, self.details, lang)


# A notice goes to a user, a department or a role, and only a due/overdue notice has a key: these
# indexes hold only the notices that have the value, so the notice a save writes
# enters two indexes, not four. A reader's query (user = ?, department IN …, key IN …) can use them.
NOTICE_INDEXES = (
    Notice.index(Notice.user, Notice.created_at, name="notice_user_id_created_at", where=Notice.user.is_null(False)),
    Notice.index(Notice.department, Notice.created_at, name="notice_department_id_created_at",
                 where=Notice.department.is_null(False)),
    Notice.index(Notice.key, unique=True, name="notice_key", where=Notice.key.is_null(False)),
)
for _index in NOTICE_INDEXES:
    Notice.add_index(_index)

# The notices still open, by slip: the step that does what one asks finds
# it here. A notice leaves this index when it is done; one that only informs stays.
OPEN_BY_SLIP = Notice.index(Notice.slip, name="notice_open_slip_id", where=Notice.done_at.is_null())
Notice.add_index(OPEN_BY_SLIP)


class NoticeRead(BaseModel):
    notice = peewee.ForeignKeyField(Notice, backref="reads", on_delete="CASCADE")
    user = peewee.ForeignKeyField(User, backref="+", on_delete="CASCADE")
    at = peewee.DateTimeField()

    class Meta:
        indexes = ((("notice", "user"), True),)


# (English, Chinese) templates filled from the notice's recorded details.
TEMPLATES: dict[str, tuple[str, str]] = {
    "assigned": ("Slip {number} is assigned to {department_en}{assignee}: {summary}",
                 "处理单{number}已派给{department_zh}{assignee}:{summary}"),
    "reported": ("Slip {number} could not be answered on the spot and is reported to you (请示负责人处理); "
                 "it is with {department_en}: {summary}",
                 "处理单{number}当场不能答复，请示负责人处理（已派{department_zh}）：{summary}"),
    "escalation_requested": ("Slip {number} awaits your confirmation to go up: {reason}",
                             "处理单{number}待您确认是否上报：{reason}"),
    "escalation_returned": ("The person in charge returned slip {number}: {reason}",
                            "负责人退回处理单{number}:{reason}"),
    "escalated": ("Slip {number} was confirmed and sent to {department_en}.",
                  "处理单{number}已确认上报{department_zh}。"),
    "sent_up": ("Slip {number} was sent up to {department_en}: record its handling and hand the result back. "
                "{summary}",
                "处理单{number}已上报{department_zh}：请登记处理情况并将结果交回。{summary}"),
    "handed_back": ("{department_en} handed slip {number} back; reply to {name}: {reason}",
                    "{department_zh}已交回处理单{number}，请回复{name}：{reason}"),
    "letter_submitted": ("The reply letter for slip {number} (draft {version}) awaits your approval.",
                         "处理单{number}的回复信函（第{version}稿）待您审批。"),
    "letter_returned": ("The person in charge sent back the reply letter for slip {number}: {reason}",
                        "负责人退回了处理单{number}的回复信函：{reason}"),
    "letter_approved": ("The reply letter for slip {number} is approved: print it and send it.",
                        "处理单{number}的回复信函已获批准，请打印并寄出。"),
    "due": ("Slip {number} is due today at {deadline}: reply to {name}.",
            "处理单{number}今天{deadline}到期，请回复{name}。"),
    "overdue": ("Slip {number} is overdue since {deadline}: reply to {name}.",
                "处理单{number}已逾期（约定回复时限{deadline}），请尽快回复{name}。"),
    "deadline_recount": ("The working calendar changed: slip {number}'s agreed deadline {deadline} now counts to "
                         "{proposed}. Review it with {name}; move it only with their agreement.",
                         "工作日历已更改：处理单{number}约定的回复时限{deadline}按新日历应为{proposed}。"
                         "请与{name}确认，经客户同意后再变更时限。"),
    "named_call": ("{complainant}{unit_en} at the desk asks for {asked_for}: please come now (within a minute). "
                   "{summary}",
                   "{complainant}{unit_zh}在前台指名要找{asked_for}，请立即到场（一分钟内）。{summary}"),
}


# What a notice asks, as the history actions that do it: the first of them on its slip, by anyone,
# makes the notice done. A kind not listed only informs and ends when read.
# A promise to reply is kept by a reply (at once, or recorded), by a deadline moved with the
# customer's agreement, or ends with the slip closed (nobody to reply to: models.endings).
REPLY_KEPT = frozenset({"record_reply", "answer_at_once", "deadline_moved", "close"})
DONE_BY: dict[str, frozenset[str]] = {
    "assigned": frozenset({"record_handling", "answer_at_once", "request_escalation", "assign"}),
    # reported to the person in charge (请示负责人处理): done once handled, or asked to go up
    "reported": frozenset({"record_handling", "request_escalation"}),
    "escalation_requested": frozenset({"confirm_escalation", "return_escalation"}),
    "escalation_returned": frozenset({"assign", "record_handling", "request_escalation"}),
    "sent_up": frozenset({"hand_back", "record_handling"}),
    "handed_back": frozenset({"record_reply", "close"}),
    "due": REPLY_KEPT,
    "overdue": REPLY_KEPT,
    "deadline_recount": REPLY_KEPT,  # reviewed with the customer: moved by agreement, or replied
    "letter_submitted": frozenset({"letter_approved", "letter_returned", "letter_edited", "letter_drafted"}),
    "letter_returned": frozenset({"letter_edited", "letter_drafted", "letter_submitted"}),
    "letter_approved": frozenset({"letter_sent", "record_reply", "letter_edited", "letter_drafted"}),
}
_DONE_KINDS: dict[str, tuple[str, ...]] = {}  # action → the kinds it makes done
for _kind, _actions in DONE_BY.items():
    for _action in _actions:
        _DONE_KINDS[_action] = (*_DONE_KINDS.get(_action, ()), _kind)


def notice_text(kind: str, details: dict[str, Any], lang: str | None = None) -> str:
    """The notice in `lang`, from its details; a detail the system composed (the reason of a slip
    it sent up by itself) comes in that language too (models.i18n)."""
    en, zh = TEMPLATES[kind]
    values = {"number": "", "department_en": "", "department_zh": "", "summary": "", "reason": "",
              "deadline": "", "name": "", "proposed": "", "complainant": "", "asked_for": "",
              "version": "",
              **{key: shown(value, lang) if isinstance(value, str) else value for key, value in details.items()}}
    unit = details.get("unit", "")
    values["unit_en"], values["unit_zh"] = (f" ({unit})", f"（{unit}）") if unit else ("", "")
    if kind == "named_call" and not values["asked_for"]:
        values["asked_for"] = "负责人" if is_chinese(lang) else "the person in charge"
    person = details.get("assignee", "")
    values["assignee"] = f" ({person})" if person and not is_chinese(lang) else (f"({person})" if person else "")
    return (zh if is_chinese(lang) else en).format(**values)


def summary_of(slip: Slip, length: int = 40) -> str:
    text = " ".join(slip.complaint.split())
    return text if len(text) <= length else text[:length] + "…"


def prepare(kind: str, slip: Slip, sender: User | None, *, user: User | int | None = None,
            department: Department | int | None = None, role: str = "", key: str | None = None,
            **details: Any) -> dict[str, Any]:
    """A notice about `slip`, for a workflow step to hand back with its change (models.changes
    writes it with `write`): a new slip's first step makes its notice before the slip is written."""
    if kind not in TEMPLATES:
        raise ValueError(f"unknown notice kind {kind!r}")
    details.setdefault("number", slip.number)
    return dict(created_at=clock.now(), kind=kind, user=user, department=department, role=role, sender=sender,
                key=key, data=json.dumps(details, ensure_ascii=False, default=str))


def write(slip: Slip, row: dict[str, Any]) -> Notice:
    """Record a prepared notice about the slip as written; call inside the transaction of the change."""
    return statements.insert(Notice, {**row, "slip": slip.id})


_SETTLE_SQL = ('UPDATE "notice" SET "done_at" = ?, "done_by_id" = ?, "done_action" = ? '
               'WHERE "slip_id" = ? AND "done_at" IS NULL AND "kind" IN ')


def settle(slip: Slip, action: str, user: User | None) -> None:
    """Mark done the slip's open notices that asked for what `action` did; call inside the
    transaction of the change (models.changes does, before writing the change's own notices)."""
    kinds = _DONE_KINDS.get(action)
    if kinds:
        statements.execute(statements.in_list(_SETTLE_SQL, len(kinds)),
                           [clock.now(), getattr(user, "id", None), action, slip.id, *kinds])


def _audience(user: User) -> peewee.Expression:
    roles = [user.role] + ([Role.SUPERVISOR] if user.role == Role.MANAGER else [])
    departments = (ResponsiblePerson.select(ResponsiblePerson.department)
                   .where(ResponsiblePerson.user == user, ResponsiblePerson.active))
    addressed = ((Notice.user == user) | Notice.role.in_(roles) | Notice.department.in_(departments))
    if user.role == Role.UPPER:  # the upper department's accounts: what was sent up to it
        addressed |= Notice.department.in_(Department.select(Department.id).where(Department.upper))
    return addressed & (Notice.sender.is_null() | (Notice.sender != user))


def for_user(user: User, unread_only: bool = False, limit: int = 100) -> list[Notice]:
    """The user's notices, newest first; each has `read` (bool) for this user, `sender_name` (who
    caused it; "" for Slipdesk's own deadline notices) and `done_by_name` (who did what it asked),
    read in the one query. `unread_only`: neither read nor done."""
    read, sender, doer = NoticeRead.alias(), User.alias(), User.alias()
    query = (Notice.select(Notice, read.id.alias("read_id"), sender.display_name.alias("sender_name"),
                           doer.display_name.alias("done_by_name"))
             .join(read, peewee.JOIN.LEFT_OUTER, on=(read.notice == Notice.id) & (read.user == user.id))
             .switch(Notice)
             .join(sender, peewee.JOIN.LEFT_OUTER, on=(sender.id == Notice.sender))
             .switch(Notice)
             .join(doer, peewee.JOIN.LEFT_OUTER, on=(doer.id == Notice.done_by))
             .where(_audience(user)))
    if unread_only:
        query = query.where(read.id.is_null(), Notice.done_at.is_null())
    notices = list(query.order_by(Notice.created_at.desc(), Notice.id.desc()).limit(limit).objects())
    for notice in notices:
        notice.read = notice.read_id is not None
        notice.sender_name = notice.sender_name or ""
        notice.done_by_name = notice.done_by_name or ""
    return notices


def unread_count(user: User) -> int:
    """The notices this user has neither read nor seen done: the count on the navigation."""
    read = NoticeRead.alias()
    return (Notice.select()
            .join(read, peewee.JOIN.LEFT_OUTER, on=(read.notice == Notice.id) & (read.user == user.id))
            .where(_audience(user), read.id.is_null(), Notice.done_at.is_null()).count())


def mark_read(user: User, *notice_ids: int) -> None:
    """Mark notices read for this user (others addressed still see them unread); a notice not
    addressed to the user is left alone."""
    if notice_ids:
        _mark(user, Notice.id.in_(notice_ids))


def mark_all_read(user: User) -> None:
    """Every notice the user has, however many, in one statement."""
    _mark(user, True)


def _mark(user: User, which: peewee.Expression | bool) -> None:
    read = NoticeRead.alias()
    unread = (Notice.select(Notice.id, peewee.Value(user.id), peewee.Value(clock.now()))
              .join(read, peewee.JOIN.LEFT_OUTER, on=(read.notice == Notice.id) & (read.user == user.id))
              .where(_audience(user), read.id.is_null(), which))
    with write_transaction():
        (NoticeRead.insert_from(unread, [NoticeRead.notice, NoticeRead.user, NoticeRead.at])
         .on_conflict_ignore().execute())


def scan_deadlines(now: dt.datetime | None = None) -> list[Notice]:
    """Notices for promises that became due today or overdue; each promise is noticed once per
    deadline (several desks may scan at once). Returns the notices this call created."""
    now = now or clock.now()
    end_of_day = dt.datetime.combine(now.date(), dt.time.max)
    slips = list(Slip.select(Slip.id, Slip.number, Slip.deadline, Slip.received_by, Slip.complainant_name,
                             Slip.complainant_title)
                 .where(Slip.status.in_(AWAITING_REPLY), Slip.deadline <= end_of_day))
    wanted = {}
    for slip in slips:
        kind = "overdue" if slip.deadline < now else "due"
        stamp = f"{slip.id}:{slip.deadline:%Y%m%d%H%M}"
        details = {"number": slip.number, "name": slip.complainant_name,
                   "deadline": f"{slip.deadline:%H:%M}" if kind == "due" else f"{slip.deadline:%Y-%m-%d %H:%M}"}
        wanted[f"{kind}:{stamp}:clerk"] = (kind, slip, {"user": slip.received_by_id, "role": ""}, details)
        if kind == "overdue":
            wanted[f"{kind}:{stamp}:supervisors"] = (kind, slip, {"user": None, "role": Role.SUPERVISOR}, details)
    existing = set()
    keys = list(wanted)
    for start in range(0, len(keys), 500):
        existing.update(n.key for n in Notice.select(Notice.key).where(Notice.key.in_(keys[start:start + 500])))
    rows = [dict(created_at=now, kind=kind, slip=slip.id, key=key, data=json.dumps(details, ensure_ascii=False),
                 **address)
            for key, (kind, slip, address, details) in wanted.items() if key not in existing]
    with write_transaction():
        for start in range(0, len(rows), 500):
            Notice.insert_many(rows[start:start + 500]).on_conflict_ignore().execute()
    new_keys = [row["key"] for row in rows]
    created = []
    for start in range(0, len(new_keys), 500):
        created.extend(Notice.select().where(Notice.key.in_(new_keys[start:start + 500]), Notice.created_at == now))
    return created
