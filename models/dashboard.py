"""The day's work at a glance: the dashboard that opens first, and the counts on the navigation.

Each section is a count and, behind it, the slips it counts (or the page that deals with it),
read with indexed queries: Slip(status, deadline), BookEntry(outcome), and the small partial
indexes of models.slips.DASHBOARD_INDEXES (reopened, replied, awaiting confirmation slips).

Extension point: a module with more of the day's work lists its sections (`DASHBOARD_SECTIONS`),
and models.providers, called by `open_database`, hands them to `register` (the replies module's
thank-you follow-ups after a letter reply, for example); the dashboard page shows every
registered section the user's role may see.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

import peewee

from models import clock, commentbook
from models.accounts import User
from models.slips import Slip
from models.vocab import AWAITING_REPLY, OPEN_STATUSES, Role, Status
from models.i18n import pick

SlipQuery = Callable[[User, dt.datetime], peewee.ModelSelect]


@dataclass(frozen=True)
class Section:
    code: str
    title_en: str
    title_zh: str
    slips: SlipQuery | None = None  # the slips behind the count, in the order to work on them
    count: Callable[[User, dt.datetime], int] | None = None  # when it is not a count of `slips`
    page: str = ""  # the page that deals with it (a pages registry key) instead of a slip list
    roles: tuple[str, ...] = tuple(Role)
    warning: bool = False  # any count here is a promise at risk or a duty missed

    def title(self, lang: str | None = None) -> str:
        return pick(self.title_en, self.title_zh, lang)

    def count_for(self, user: User, now: dt.datetime) -> int:
        if self.count is not None:
            return self.count(user, now)
        return self.slips(user, now).count()


def _end_of_day(now: dt.datetime) -> dt.datetime:
    return dt.datetime.combine(now.date(), dt.time.max)


def due_today(user: User, now: dt.datetime) -> peewee.ModelSelect:
    return (Slip.select().where(Slip.status.in_(AWAITING_REPLY), Slip.deadline >= now,
                                Slip.deadline <= _end_of_day(now)).order_by(Slip.deadline, Slip.id))


def overdue(user: User, now: dt.datetime) -> peewee.ModelSelect:
    return Slip.select().where(Slip.status.in_(AWAITING_REPLY), Slip.deadline < now).order_by(Slip.deadline, Slip.id)


def awaiting_my_confirmation(user: User, now: dt.datetime) -> peewee.ModelSelect:
    """Everything waiting for a person in charge, except what this person asked for themselves."""
    requester = User.alias()
    own = requester.id == user.id
    if user.work_id.strip():
        own |= requester.work_id == user.work_id.strip()
    return (Slip.select().join(requester, peewee.JOIN.LEFT_OUTER, on=(Slip.escalation_requested_by == requester.id))
            .where(Slip.status == Status.AWAITING_CONFIRMATION, requester.id.is_null() | ~own)
            .order_by(Slip.deadline, Slip.id))


def escalated(user: User, now: dt.datetime) -> peewee.ModelSelect:
    return Slip.select().where(Slip.status == Status.ESCALATED).order_by(Slip.deadline, Slip.id)


def reopened(user: User, now: dt.datetime) -> peewee.ModelSelect:
    return (Slip.select().where(Slip.reopened_count > 0, Slip.status.in_(OPEN_STATUSES))
            .order_by(Slip.deadline, Slip.id))


SECTIONS: list[Section] = [
    Section("overdue", "Overdue", "已逾期", slips=overdue, warning=True),
    Section("due_today", "Due today", "今日到期", slips=due_today),
    Section("awaiting_confirmation", "Awaiting my confirmation", "待我确认上报", slips=awaiting_my_confirmation,
            page="approvals", roles=(Role.SUPERVISOR, Role.MANAGER)),
    Section("escalated", "Escalated, waiting on the upper department", "已报上级，等待处理", slips=escalated),
    Section("book_unchecked", "Comment book not checked today", "今日意见簿未查阅",
            count=lambda user, now: int(commentbook.check_is_late(now)), page="comment_book", warning=True),
    Section("book_pending", "Comment-book entries to deal with", "意见簿待处理条目",
            count=lambda user, now: commentbook.pending_count(), page="comment_book"),
    Section("reopened", "Reopened (reply not accepted)", "重新处理（客户不认可）", slips=reopened),
]



def register(section: Section) -> None:
    """Add a section (or replace the one with the same code)."""
    SECTIONS[:] = [s for s in SECTIONS if s.code != section.code] + [section]


def sections_for(user: User) -> list[Section]:
    return [s for s in SECTIONS if user.role in s.roles]


def section(code: str) -> Section:
    return next(s for s in SECTIONS if s.code == code)


def counts(user: User, now: dt.datetime | None = None) -> dict[str, int]:
    now = now or clock.now()
    return {s.code: s.count_for(user, now) for s in sections_for(user)}


def slips_of(code: str, user: User, now: dt.datetime | None = None, limit: int = 500) -> list[Slip]:
    """The slips behind a section's count, in the order to work on them."""
    chosen = section(code)
    if chosen.slips is None:
        return []
    return list(chosen.slips(user, now or clock.now()).limit(limit))
