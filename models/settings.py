"""The estate's settings kept in the database, so every desk shares them.

Each setting is declared once here with its default; a value missing from the database reads
as its default.
"""
from __future__ import annotations

import json
from typing import Any

import peewee

from models import estates, rule_stamp, statements
from models.db import BaseModel

DEFAULTS: dict[str, Any] = {
    # The letterhead is the estate's own: none until a manager gives it (models.letterhead; the first
    # manager is asked at once), so that no database prints another estate's name and phone.
    "estate.name": "",
    "estate.company": "",  # the company on the seal (公章); the service centre's name when empty
    "estate.address": "",
    "estate.postcode": "",
    "estate.supervision_phone": "",  # 服务监督电话
    "estate.office_phone": "",
    "estate.logo_attachment": None,  # Attachment id of the letterhead logo
    "office.days": [0, 1, 2, 3, 4, 5, 6],  # the service desk is open every working day
    "office.start": "08:30",
    "office.end": "17:30",
    "book.check_by": "10:00",  # the comment book must be checked by this time each day
    "deadline.default_hours": 24,  # default reply deadline in working hours
    "calendar.warn_from": "11-01",  # MM-DD: from this day the dashboard warns while next year's holidays are missing
    "reply.thanks_after_days": 2,  # working days after posting a reply letter: thank the customer again
    "security.idle_minutes": 10,
    "backup.keep": 14,
    "backup.folder": "",
    "printing.font_path": "",
    "authority.repeat_days": 30,  # a second complaint of one unit or caller within these days is a repeat
    "progress.quiet_days": 3,  # a slip in handling this many days without a progress update is flagged
    "demo.database": False,  # written by `slipdesk --demo`: the login screen lists the demo accounts
    "slip.prefix": "TS",  # the estate's slip numbers: TS-2026-000123 (each estate of a company its own)
}


class Setting(BaseModel):
    key = peewee.CharField(max_length=64, primary_key=True)
    value = peewee.TextField()


_GET_SQL = 'SELECT "value" FROM "setting" WHERE "key" = ?'


def _get_sql() -> str:
    """Head office's login sees every estate's settings: it reads its own (models.estates)."""
    return _GET_SQL + estates.own_filter()


def get(key: str) -> Any:
    row = statements.execute(_get_sql(), (key,)).fetchone()
    if row is None:
        return DEFAULTS.get(key)
    return json.loads(row[0])


def rule(key: str) -> Any:
    """A setting that routes new slips (authority.*), read again only when a rule changed (models.rule_stamp)."""
    found = rule_stamp.rows(_get_sql(), (key,))
    return json.loads(found[0][0]) if found else DEFAULTS.get(key)


def put(key: str, value: Any) -> None:
    if key not in DEFAULTS:
        raise KeyError(f"Unknown setting {key!r}")
    encoded = json.dumps(value, ensure_ascii=False)
    Setting.insert(key=key, value=encoded).on_conflict(
        conflict_target=estates.conflict_target("key"), update={Setting.value: encoded}).execute()


def all_settings() -> dict[str, Any]:
    stored = {row.key: json.loads(row.value) for row in Setting.select().where(estates.own(Setting))}
    return {key: stored.get(key, default) for key, default in DEFAULTS.items()}
