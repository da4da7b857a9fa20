"""A customer at the desk asks for a manager by name: that person is called at once.

The etiquette seed: “当顾客提出指名要谁来处理时，该管理人员要保障在一分钟内出现，处理得越及时，
对结果越有帮助。” The clerk calls from the intake form while the customer is still talking, before
the slip is saved: a notice goes at once to the account of the person asked for, or to every
person in charge when the customer names nobody with an account (or “the person in charge”).
Their desk shows it within seconds (desktop.intake.named_call_watch) and they acknowledge it; the slip,
once saved, keeps who was asked for and when they were called, and the notice is linked to it,
so the slip view shows when the call was acknowledged.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from models import audit, clock, validation
from models.accounts import User, require_role
from models.db import write_transaction
from models.errors import ValidationFailed
from models.i18n import t
from models.notices import Notice, NoticeRead, mark_read
from models.slips import Slip
from models.vocab import DESK_ROLES, Role

KIND = "named_call"
CALLABLE = (Role.SUPERVISOR, Role.MANAGER)
PENDING_MINUTES = 30  # an unacknowledged call stays on the called person's screen this long


def people_in_charge() -> list[User]:
    """The accounts a customer can ask for: every active person in charge and manager."""
    return list(User.select().where(User.role.in_(list(CALLABLE)), User.active).order_by(User.display_name))


def call(user: User, person_id: int | None, *, asked_for: str = "", complainant: str = "",
         unit_code: str = "", summary: str = "") -> Notice:
    """Notify the person asked for (`person_id`), or every person in charge (None), at once."""
    require_role(user, *DESK_ROLES, action=t("call a manager to the desk"))
    person = None
    if person_id is not None:
        person = User.get_or_none((User.id == person_id) & User.active & User.role.in_(list(CALLABLE)))
        if person is None:
            raise ValidationFailed({"named_person": t("Choose a person in charge or manager from the list.")})
    asked_for = (asked_for or "").strip() or (person.display_name if person else "")
    errors = {}
    for key, value, limit in (("named_person", asked_for, validation.NAME_MAX),
                              ("complainant_name", complainant, validation.NAME_MAX),
                              ("complaint", summary, 200)):
        if message := validation.text(value or "", limit):
            errors[key] = message
    if errors:
        raise ValidationFailed(errors)
    details = {"asked_for": asked_for, "complainant": (complainant or "").strip(),
               "unit": (unit_code or "").strip(), "summary": " ".join((summary or "").split())[:80]}
    with write_transaction():
        notice = Notice.create(created_at=clock.now(), kind=KIND, user=person, role="" if person else Role.SUPERVISOR,
                               sender=user, data=json.dumps(details, ensure_ascii=False))
        audit.log(user, "named_call", notice=notice.id, person=person.username if person else None, **details)
    return notice


def link(notice_ids: list[int], slip: Slip) -> None:
    """The calls made while the slip was taken down now belong to it; call inside its transaction."""
    if notice_ids:
        Notice.update(slip=slip.id).where(Notice.id.in_(notice_ids), Notice.kind == KIND,
                                          Notice.slip.is_null()).execute()


def pending_for(user: User, now: dt.datetime | None = None) -> list[Notice]:
    """Calls for this person not yet acknowledged, from the last half hour, oldest first."""
    from models.notices import for_user

    now = now or clock.now()
    since = now - dt.timedelta(minutes=PENDING_MINUTES)
    return sorted((n for n in for_user(user, unread_only=True, limit=200) if n.kind == KIND and n.created_at >= since),
                  key=lambda n: (n.created_at, n.id))


def acknowledge(user: User, notice_id: int) -> None:
    """The person called is on their way: the call is read (and timed) for them."""
    mark_read(user, notice_id)


@dataclass(frozen=True)
class CallRecord:
    """A call made for a slip, as the slip view shows it."""
    asked_for: str
    called_at: dt.datetime
    acknowledged_by: str
    acknowledged_at: dt.datetime | None


def calls_of(slip: Slip) -> list[CallRecord]:
    found = []
    for notice in Notice.select().where(Notice.slip == slip.id, Notice.kind == KIND).order_by(Notice.created_at):
        first = (NoticeRead.select(NoticeRead, User).join(User).where(NoticeRead.notice == notice.id)
                 .order_by(NoticeRead.at).first())
        found.append(CallRecord(notice.details.get("asked_for", ""), notice.created_at,
                                first.user.display_name if first else "", first.at if first else None))
    return found
