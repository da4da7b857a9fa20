"""A token that changes whenever a rule that routes a new slip changes, so those rules are read
again only then, not before every save.

Routing a new slip reads the categories with their rules, the authority limits, the escalation
signals, the exposure words and the repeat-complaint settings: seven statements before each save
(on PostgreSQL, seven round trips to the server) for rules a manager changes a few times a year.
Triggers on those tables give the one-row token a new random value on every change, whoever
makes it — this desk, another desk, a script, a restore. A reader reads the token (one statement)
and reuses what it read last while the token stands. Random, not a counter: a database restored
from a backup cannot come back with the very token a desk kept for other rules.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Any, Iterator, Sequence

import peewee

from models import statements
from models.db import BaseModel, database, is_sqlite

WATCHED = ("category", "category_rule", "department", "authority_limit", "escalation_signal", "motive_rule",
           "setting", "calendar_year", "calendar_day")  # the working calendar (models.workcalendar) too


class RuleStamp(BaseModel):
    id = peewee.IntegerField(primary_key=True, default=1)
    token = peewee.BigIntegerField(default=0)

    @classmethod
    def create_table(cls, safe: bool = True, **options) -> None:
        super().create_table(safe=safe, **options)
        cls.insert(id=1, token=0).on_conflict_ignore().execute()


def create_triggers(watched: Sequence[str] = WATCHED) -> None:
    """The triggers that renew the token, on every watched table: made once all the tables exist
    (create_tables orders the tables by their foreign keys, not as listed). A schema step names the
    tables it watches (the tables a later step adds do not exist yet)."""
    table = RuleStamp._meta.table_name
    if is_sqlite():
        for table_name in watched:
            for event in ("INSERT", "UPDATE", "DELETE"):
                database.execute_sql(f'CREATE TRIGGER IF NOT EXISTS "{table}_{table_name}_{event.lower()}" AFTER {event} '
                                     f'ON "{table_name}" BEGIN UPDATE "{table}" SET "token" = random() WHERE "id" = 1; END')
        return
    database.execute_sql(f'CREATE OR REPLACE FUNCTION "{table}_renew"() RETURNS trigger LANGUAGE plpgsql AS $$ '
                         f'BEGIN UPDATE "{table}" SET "token" = (random() * 9.2e18)::bigint WHERE "id" = 1; '
                         'RETURN NULL; END $$')
    for table_name in watched:  # dropped and made, not CREATE OR REPLACE TRIGGER: that needs PostgreSQL 14
        database.execute_sql(f'DROP TRIGGER IF EXISTS "{table}_{table_name}" ON "{table_name}"')
        database.execute_sql(f'CREATE TRIGGER "{table}_{table_name}" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE '
                             f'ON "{table_name}" FOR EACH STATEMENT EXECUTE FUNCTION "{table}_renew"()')


_TOKEN_SQL = 'SELECT "token" FROM "rule_stamp" WHERE "id" = 1'
_kept: dict[tuple[str, tuple], tuple[int, tuple[tuple, ...]]] = {}
_held = threading.local()


def rows(sql: str, params: Sequence[Any] = ()) -> tuple[tuple, ...]:
    """Every row of a query over the watched tables (as `statements.rows`), read again only when
    the token has changed since it was last read."""
    token = _token()
    key = (sql, tuple(params))
    found = _kept.get(key)
    if found is not None and found[0] == token:
        return found[1]
    read = statements.rows(sql, params)  # after the token: what is kept is never older than its token
    _kept[key] = (token, read)
    return read


def token() -> int:
    """The token now: a reader keeping more than rows (models.workcalendar) compares it itself."""
    return _token()


def _token() -> int:
    held = getattr(_held, "token", None)
    return held if held is not None else statements.execute(_TOKEN_SQL).fetchone()[0]


@contextmanager
def held() -> Iterator[None]:
    """Read the token once for every rule read inside: a save's checks and its routing."""
    if getattr(_held, "token", None) is not None:
        yield
        return
    _held.token = _token()
    try:
        yield
    finally:
        _held.token = None


def forget() -> None:
    """Drop what was kept: another database is opened (its tokens are its own)."""
    _kept.clear()
