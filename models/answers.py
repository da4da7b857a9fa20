"""Standard answers (口径一致): the approved wording for frequent complaints, kept by the manager.

The seed (property-service): “对于常被投诉或挑剔的问题，也应建立标准的回答Q&A,使企业员工口径一致。”
Every edit is a new version and old versions are kept, so a reply can always be traced to the
wording approved at the time. Clerks search the library and insert an answer into a reply or
letter with `fill`, which puts in the customer's name and the slip's facts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

import peewee

from models import clock, settings
from models.accounts import User, require_role
from models.catalog import Category
from models.db import BaseModel, write_transaction
from models.errors import ValidationFailed
from models.i18n import t
from models.salutation import honorific
from models.slips import Slip
from models.validation import TEXT_MAX, has_control_chars
from models.vocab import Role


class StandardAnswer(BaseModel):
    """One answer in the library; its text lives in its versions, the newest is current."""
    category = peewee.ForeignKeyField(Category, null=True, backref="answers", on_delete="SET NULL")
    title = peewee.CharField(max_length=128)  # the current version's, for listing and search
    body = peewee.TextField()  # the current version's
    version = peewee.IntegerField(default=1)
    active = peewee.BooleanField(default=True)
    created_by = peewee.ForeignKeyField(User, backref="+")
    created_at = peewee.DateTimeField(default=clock.now)
    updated_at = peewee.DateTimeField(default=clock.now)


class AnswerVersion(BaseModel):
    answer = peewee.ForeignKeyField(StandardAnswer, backref="versions", on_delete="CASCADE")
    version = peewee.IntegerField()
    title = peewee.CharField(max_length=128)
    body = peewee.TextField()
    category = peewee.ForeignKeyField(Category, null=True, backref="+", on_delete="SET NULL")
    note = peewee.TextField(default="")  # why it changed
    author = peewee.ForeignKeyField(User, backref="+")
    at = peewee.DateTimeField()

    class Meta:
        indexes = ((("answer", "version"), True),)


def _check(title: str, body: str, category_id: int | None) -> dict[str, str]:
    errors = {}
    if not (title or "").strip() or len(title) > 128:
        errors["title"] = t("Give the answer a title (up to 128 characters).")
    if not (body or "").strip():
        errors["body"] = t("Write the answer.")
    elif len(body) > TEXT_MAX or has_control_chars(body, allow_newlines=True):
        errors["body"] = t("At most {n:,} characters of plain text.", n=TEXT_MAX)
    if category_id is not None and not Category.select().where(Category.id == category_id).exists():
        errors["category"] = t("Choose a category.")
    unknown = sorted(set(PLACEHOLDER.findall(body or "")) - set(PLACEHOLDERS))
    if unknown:
        errors["body"] = t("Unknown placeholder(s): {unknown}. Use {known}.",
                           unknown=", ".join("{" + u + "}" for u in unknown),
                           known=" ".join("{" + p + "}" for p in PLACEHOLDERS))
    return errors


def save_answer(user: User, title: str, body: str, category_id: int | None = None,
                answer_id: int | None = None, note: str = "") -> StandardAnswer:
    """Write a new answer, or a new version of one; only a manager approves the wording."""
    require_role(user, Role.MANAGER, action=t("write standard answers"))
    errors = _check(title, body, category_id)
    if errors:
        raise ValidationFailed(errors)
    now = clock.now()
    title, body = title.strip(), body.strip()
    with write_transaction():
        if answer_id is None:
            answer = StandardAnswer.create(category=category_id, title=title, body=body, version=1,
                                           created_by=user, created_at=now, updated_at=now)
        else:
            answer = StandardAnswer.get_by_id(answer_id)
            if (answer.title, answer.body, answer.category_id) == (title, body, category_id):
                return answer
            answer.version += 1
            answer.title, answer.body, answer.category, answer.updated_at = title, body, category_id, now
            answer.save()
        AnswerVersion.create(answer=answer, version=answer.version, title=title, body=body,
                             category=category_id, note=(note or "").strip(), author=user, at=now)
    return answer


def retire_answer(user: User, answer_id: int, active: bool = False) -> StandardAnswer:
    """Withdraw an answer from the library (or bring it back); its versions stay on file."""
    require_role(user, Role.MANAGER, action=t("withdraw standard answers"))
    with write_transaction():
        answer = StandardAnswer.get_by_id(answer_id)
        answer.active, answer.updated_at = active, clock.now()
        answer.save()
    return answer


def versions(answer_id: int) -> list[AnswerVersion]:
    """Every version, newest first."""
    return list(AnswerVersion.select().where(AnswerVersion.answer == answer_id)
                .order_by(AnswerVersion.version.desc()))


def search(query: str = "", category_id: int | None = None, include_retired: bool = False) -> list[StandardAnswer]:
    """Answers whose title or text holds every word of `query` (space-separated), by title."""
    rows = StandardAnswer.select()
    if not include_retired:
        rows = rows.where(StandardAnswer.active)
    if category_id is not None:
        rows = rows.where(StandardAnswer.category == category_id)
    for word in (query or "").split():
        rows = rows.where(StandardAnswer.title.contains(word) | StandardAnswer.body.contains(word))
    return list(rows.order_by(StandardAnswer.title, StandardAnswer.id))


# ---------------------------------------------------------------------------------------------
# Filling in the slip's facts

PLACEHOLDER = re.compile(r"\{([^{}\s]{1,16})\}")


def _deadline(slip: Slip) -> str:
    if not slip.deadline:
        return ""
    d = slip.deadline
    return f"{d.year}年{d.month}月{d.day}日 {d:%H:%M}"


def _today(_slip: Slip) -> str:
    d = clock.today()
    return f"{d.year}年{d.month}月{d.day}日"


# The standard answers are written in Chinese (口径一致), so their blanks are filled in Chinese.
PLACEHOLDERS: dict[str, Callable[[Slip], str]] = {
    "称呼": lambda s: honorific(s.complainant_name, s.complainant_title, "zh") or "业主",
    "姓名": lambda s: s.complainant_name,
    "单元": lambda s: s.unit_code,
    "单号": lambda s: s.number,
    "约定时限": _deadline,
    "类别": lambda s: s.category.name_zh,
    "受理日期": lambda s: f"{s.received_at.year}年{s.received_at.month}月{s.received_at.day}日",
    "今天": _today,
    "物业名称": lambda _s: settings.get("estate.name"),
    "服务监督电话": lambda _s: settings.get("estate.supervision_phone"),
}


@dataclass(frozen=True)
class Filled:
    text: str
    missing: tuple[str, ...]  # placeholders the slip has no value for, left as written


def fill(answer: StandardAnswer | AnswerVersion | str, slip: Slip) -> Filled:
    """The answer's text with {称呼} {单元} {单号} {约定时限} … filled from the slip."""
    body = answer if isinstance(answer, str) else answer.body
    missing: list[str] = []

    def replace(match: re.Match) -> str:
        key = match.group(1)
        if key not in PLACEHOLDERS:
            return match.group(0)
        value = PLACEHOLDERS[key](slip)
        if not value:
            missing.append(key)
            return match.group(0)
        return str(value)

    return Filled(PLACEHOLDER.sub(replace, body), tuple(dict.fromkeys(missing)))
