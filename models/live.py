"""What other desks changed, as soon as they changed it: the feed every open view refreshes from.

Several desks share one database, and each must see the others' work within two seconds without
asking the database over and over. Each backend has its own cheap way of saying "something
changed", and both end in the same `Changes`: which kinds of record (topics) and which slips.

- PostgreSQL: triggers on the watched tables `NOTIFY` a channel when a transaction that changed
  them commits (`create_triggers`), whoever wrote it — a desk, the admin
  command, a script. A desk keeps one connection of its own that `LISTEN`s (`Listener`); it sits
  idle until the server writes to its socket, so an idle desk asks nothing at all.
- SQLite: `PRAGMA data_version` on a connection of its own changes when any other connection
  (another desk's process, or this desk's own) committed to the file (`DataVersionWatch`). It is
  read from memory, a few microseconds; only when it moved are the new history events read, to
  learn which slips changed (every change to a slip leaves an event, and events are only added).

A slip-table trigger names the slips of its statement (a bulk statement past `MAX_LISTED` slips
says "every slip"). What the desk's own connection committed comes back through the feed too:
views compare what they show with what is stored, so a change already shown costs a re-read only.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

import peewee

from models.db import database, is_sqlite

CHANNEL = "slipdesk_changes"
SLIP, NOTICE, BOOK = "slip", "notice", "book"
TOPICS = frozenset({SLIP, NOTICE, BOOK})
MAX_LISTED = 50  # slips named one by one in a notification; more are "every slip"

# The tables whose changes a desk's views show, and the topic each one's notification names. The
# slip table's own trigger names the slips; every change to a slip (a step, a letter, a reply, a
# print) updates its row, so its letters, replies and transmittals need no trigger of their own.
TOPIC_TABLES = {"notice": NOTICE, "notice_read": NOTICE, "book_check": BOOK, "book_entry": BOOK}


@dataclass(frozen=True)
class Changes:
    """What changed: the topics, and for slips which ones (`every_slip` when too many to name,
    or unknown: the first look after a lost connection)."""

    topics: frozenset[str] = frozenset()
    slip_ids: frozenset[int] = frozenset()
    every_slip: bool = False

    def __bool__(self) -> bool:
        return bool(self.topics)

    def touches(self, *topics: str) -> bool:
        return any(topic in self.topics for topic in topics)

    def touches_slip(self, slip_id: int) -> bool:
        return SLIP in self.topics and (self.every_slip or slip_id in self.slip_ids)

    def merged(self, other: Changes) -> Changes:
        return Changes(self.topics | other.topics, self.slip_ids | other.slip_ids, self.every_slip or other.every_slip)


EVERYTHING = Changes(TOPICS, every_slip=True)


def parse(payloads: list[str]) -> Changes:
    """The changes named by notification payloads: "slip:3,8", "slip:*", "notice", "book"."""
    topics, slips, every = set(), set(), False
    for payload in payloads:
        topic, _, named = payload.partition(":")
        if topic not in TOPICS:
            continue
        topics.add(topic)
        if topic == SLIP:
            if named == "*" or not named:
                every = True
            else:
                slips.update(int(part) for part in named.split(",") if part.isdigit())
    return Changes(frozenset(topics), frozenset(slips), every)


# ---------------------------------------------------------------------------------------------
# PostgreSQL: triggers that notify, and the connection that listens

def create_triggers() -> None:
    """The notifying triggers on PostgreSQL (nothing to do on SQLite); made again safely.

    The slip table's triggers see the statement's rows (transition tables, one trigger per event as
    PostgreSQL requires) and name them; the others name their topic once per statement. PostgreSQL
    delivers a notification only when its transaction commits, and one of each payload per
    transaction, so a save that touches a slip five times notifies once."""
    if is_sqlite():
        return
    database.execute_sql(
        'CREATE OR REPLACE FUNCTION "live_notify_slips"() RETURNS trigger LANGUAGE plpgsql AS $$ '
        'DECLARE named text; listed integer; BEGIN '
        f'SELECT count(*), string_agg(id::text, \',\' ORDER BY id) INTO listed, named '
        f'FROM (SELECT id FROM changed LIMIT {MAX_LISTED + 1}) AS first_rows; '
        'IF listed = 0 THEN RETURN NULL; END IF; '
        f'IF listed > {MAX_LISTED} THEN named := \'*\'; END IF; '
        f'PERFORM pg_notify(\'{CHANNEL}\', \'{SLIP}:\' || named); RETURN NULL; END $$')
    database.execute_sql(
        'CREATE OR REPLACE FUNCTION "live_notify_topic"() RETURNS trigger LANGUAGE plpgsql AS $$ '
        f'BEGIN PERFORM pg_notify(\'{CHANNEL}\', TG_ARGV[0]); RETURN NULL; END $$')
    for event in ("INSERT", "UPDATE"):  # dropped and made: CREATE OR REPLACE TRIGGER needs PostgreSQL 14
        name = f"live_slip_{event.lower()}"
        database.execute_sql(f'DROP TRIGGER IF EXISTS "{name}" ON "slip"')
        database.execute_sql(f'CREATE TRIGGER "{name}" AFTER {event} ON "slip" REFERENCING NEW TABLE AS changed '
                             'FOR EACH STATEMENT EXECUTE FUNCTION "live_notify_slips"()')
    for table, topic in TOPIC_TABLES.items():
        name = f"live_{table}"
        database.execute_sql(f'DROP TRIGGER IF EXISTS "{name}" ON "{table}"')
        database.execute_sql(f'CREATE TRIGGER "{name}" AFTER INSERT OR UPDATE OR DELETE ON "{table}" '
                             f'FOR EACH STATEMENT EXECUTE FUNCTION "live_notify_topic"(\'{topic}\')')


class ConnectionLost(Exception):
    """The listening connection is gone (the server restarted, the network dropped): connect again."""


# TCP keepalives: a connection the network dropped silently is noticed within about a minute,
# by the operating system and without a query (a Unix socket cannot drop that way).
KEEPALIVES = {"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3}
CONNECT_TIMEOUT_S = 5


class Listener:
    """A connection of its own that LISTENs on the changes channel (psycopg, autocommit).

    `connect` may block (a server far away); the desk calls it off the UI thread. `fileno` is the
    socket to wait on; `drain` reads what arrived without blocking and raises ConnectionLost when
    the server has gone."""

    def __init__(self, dbname: str, params: dict[str, Any]):
        self._dbname = dbname
        self._params = dict(params)
        self._conn = None

    @classmethod
    def for_database(cls, db: peewee.PostgresqlDatabase) -> Listener:
        return cls(db.database, db.connect_params)

    def connect(self) -> None:
        import psycopg

        params = {**self._params, "connect_timeout": CONNECT_TIMEOUT_S}
        if not str(params.get("host", "")).startswith("/"):
            params.update(KEEPALIVES)
        try:
            conn = psycopg.connect(dbname=self._dbname, autocommit=True, **params)
        except psycopg.Error as err:
            raise ConnectionLost(str(err)) from err
        try:
            conn.execute(f'LISTEN "{CHANNEL}"')
        except psycopg.Error as err:
            conn.close()
            raise ConnectionLost(str(err)) from err
        self.close()
        self._conn = conn

    @property
    def connected(self) -> bool:
        return self._conn is not None and not self._conn.closed

    @property
    def backend_pid(self) -> int:
        return self._conn.info.backend_pid

    def fileno(self) -> int:
        return self._conn.fileno()

    def drain(self) -> Changes:
        """The notifications that have arrived (none: empty Changes); never waits."""
        import psycopg

        if self._conn is None:
            raise ConnectionLost("not connected")
        pgconn, payloads = self._conn.pgconn, []
        try:
            pgconn.consume_input()
        except psycopg.Error as err:
            self.close()
            raise ConnectionLost(str(err)) from err
        while (note := pgconn.notifies()) is not None:
            payloads.append(note.extra.decode("utf-8", "replace"))
        return parse(payloads)

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.close()
            except Exception:  # noqa: BLE001 - a connection already broken closes as it can
                pass


# ---------------------------------------------------------------------------------------------
# SQLite: the file's change counter

_NEW_EVENTS_SQL = 'SELECT "id", "slip_id" FROM "slip_event" WHERE "id" > ? ORDER BY "id" LIMIT ?'
_LAST_EVENT_SQL = 'SELECT max("id") FROM "slip_event"'


class DataVersionWatch:
    """Watches a SQLite file through `PRAGMA data_version` on a connection of its own.

    `poll` costs one pragma while nothing changed; after a commit by any other connection it
    reads the history events added since it last looked (by their ids: SQLite writes one
    transaction at a time, so ids arrive in commit order) and names their slips. A commit that
    added no event may have changed any slip (a script's bulk update): it says "every slip", and an
    open slip checks its version, one indexed read."""

    def __init__(self, path: str):
        self._conn = sqlite3.connect(path, isolation_level=None, check_same_thread=True)
        self._conn.execute("PRAGMA busy_timeout = 2000")
        self._version = self._data_version()
        self._last_event = self._conn.execute(_LAST_EVENT_SQL).fetchone()[0] or 0

    @classmethod
    def for_database(cls, db: peewee.SqliteDatabase) -> DataVersionWatch:
        return cls(db.database)

    def _data_version(self) -> int:
        return self._conn.execute("PRAGMA data_version").fetchone()[0]

    def poll(self) -> Changes:
        """What changed since the last poll (empty Changes: nothing)."""
        version = self._data_version()
        if version == self._version:
            return Changes()
        self._version = version
        events = self._conn.execute(_NEW_EVENTS_SQL, (self._last_event, MAX_LISTED * 20 + 1)).fetchall()
        slips = {slip_id for _, slip_id in events}
        # no new event: a notice read, a book check, or a slip changed outside Slipdesk (no event)
        every = not events or len(events) > MAX_LISTED * 20 or len(slips) > MAX_LISTED
        if events:
            self._last_event = (self._conn.execute(_LAST_EVENT_SQL).fetchone()[0] or 0) if every else events[-1][0]
        # the file does not say which tables changed: every topic may have
        return Changes(TOPICS, frozenset() if every else frozenset(slips), every)

    def close(self) -> None:
        self._conn.close()

