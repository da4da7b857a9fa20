"""The estate's settings kept in the database, so every desk shares them.

Each setting is declared once here with its default; a value missing from the database reads
as its default. Only a manager changes a setting, and each change is an event of the desk's
chain (models.audit) carrying the new value, so that verify can tell a value changed in the
table without one. The few values Slipdesk sets itself (`SYSTEM`) go through `put_system`.
"""
from __future__ import annotations

import json
from typing import Any, Callable

import peewee

from models import estates, rule_stamp, statements
from models.accounts import require_role
from models.db import BaseModel, write_transaction
from models.errors import ValidationFailed
from models.i18n import chosen, t
from models.vocab import Role

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
    "printing.language": "zh",  # what letters, slips and reviews are printed in when no one chooses
    "authority.repeat_days": 30,  # a second complaint of one unit or caller within these days is a repeat
    "progress.quiet_days": 3,  # a slip in handling this many days without a progress update is flagged
    "demo.database": False,  # written by `slipdesk --demo`: the login screen lists the demo accounts
    "slip.prefix": "TS",  # the estate's slip numbers: TS-2026-000123 (each estate of a company its own)
    "integrity.database_id": "",  # this database's identity, which its anchors name (models.anchors)
}
SYSTEM = frozenset({"demo.database", "integrity.database_id"})  # set by Slipdesk itself, never on a screen

# Each change of a setting is an event of the desk's chain. models.audit records it and, to verify
# the chain, reads this module's Setting: its `log` is handed over by models.providers when a
# database is opened (models.connection).
_chain: list[Callable[..., Any]] = []


def record_changes_with(log: Callable[..., Any]) -> None:
    _chain[:] = [log]


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


def put(key: str, value: Any, user) -> None:
    """A manager changes a setting; refused to anyone else, recorded in the desk's chain."""
    require_role(user, Role.MANAGER, action=t("change the desk's settings"))
    if key not in DEFAULTS or key in SYSTEM:
        raise ValidationFailed({"key": t("There is no setting “{key}”.", key=key)})
    if key == "printing.language" and value not in ("zh", "en"):
        raise ValidationFailed({"value": t("Print in Chinese (zh) or English (en).")})
    _store(key, value, user)


def put_system(key: str, value: Any) -> None:
    """A value Slipdesk sets itself (the demo mark, the database's identity), recorded the same way."""
    if key not in SYSTEM:
        raise ValidationFailed({"key": t("There is no setting “{key}”.", key=key)})
    _store(key, value, None)


def put_setup(key: str, value: Any) -> None:
    """What Slipdesk writes itself while setting an estate up, nobody signed in yet: the demo
    estate's letterhead (models.demo), an estate's name and slip-number prefix given to
    `slipdesk-admin company init` or `estate add` (models.estates). Recorded the same way."""
    if not (key.startswith("estate.") or key == "slip.prefix") or key not in DEFAULTS:
        raise ValidationFailed({"key": t("There is no setting “{key}”.", key=key)})
    _store(key, value, None)


def _store(key: str, value: Any, user) -> None:
    if not _chain:
        raise RuntimeError("models.settings was not handed the desk's chain: open the database with "
                           "models.connection.open_database (models.providers)")
    try:
        encoded = json.dumps(value, ensure_ascii=False)
        encoded.encode("utf-8")
    except (TypeError, ValueError, UnicodeEncodeError):
        raise ValidationFailed({key: t("This value cannot be stored.")}) from None
    with write_transaction():
        Setting.insert(key=key, value=encoded).on_conflict(
            conflict_target=estates.conflict_target("key"), update={Setting.value: encoded}).execute()
        _chain[0](user, "setting_changed", facts={"setting": {key: encoded}}, key=key, value=value)


def all_settings() -> dict[str, Any]:
    stored = {row.key: json.loads(row.value) for row in Setting.select().where(estates.own(Setting))}
    return {key: stored.get(key, default) for key, default in DEFAULTS.items()}


def document_language(lang: str | None = None) -> str:
    """`lang` when a person chose one for this document (checked where it is used), else the
    estate's printing language, 'zh' or 'en'. Paper goes to the estate's customers, so it does not follow the language
    of the screen it was printed from."""
    return lang or chosen(get("printing.language"))
