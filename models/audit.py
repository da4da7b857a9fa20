"""The audit log of everything that is not a slip's own history: imports, exports of personal
data, settings and account changes. Slips keep their own hash-chained history instead."""
from __future__ import annotations

import json
from typing import Any

import peewee

from models import clock
from models.accounts import User
from models.db import BaseModel


class AuditEvent(BaseModel):
    at = peewee.DateTimeField(index=True)
    user = peewee.ForeignKeyField(User, null=True, backref="+")
    actor = peewee.CharField(max_length=64, default="")
    action = peewee.CharField(max_length=48, index=True)
    detail = peewee.TextField(default="{}")

    @property
    def details(self) -> dict[str, Any]:
        return json.loads(self.detail or "{}")


def log(user: User | None, action: str, **detail: Any) -> AuditEvent:
    """Record who did what; call inside the transaction that does it."""
    return AuditEvent.create(at=clock.now(), user=user, actor=user.display_name if user else "Slipdesk",
                             action=action, detail=json.dumps(detail, ensure_ascii=False, default=str))


def recent(action: str | None = None, limit: int = 200) -> list[AuditEvent]:
    query = AuditEvent.select().order_by(AuditEvent.id.desc()).limit(limit)
    if action:
        query = query.where(AuditEvent.action == action)
    return list(query)
