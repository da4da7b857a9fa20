"""Moving a one-desk SQLite estate into the company's database (slipdesk-admin move).

Every row keeps its place in the story: each table's ids are shifted by one offset (a block of
ids reserved in the company database), and every reference by the offset of the table it points
at, so every slip keeps its events, replies, attachments and accounts, and every slip its number.
History events hash the id of the account that wrote them: a moved event is verified with the
desk's own account id, which `MovedBlock` keeps (models.moved_ids) (the block of moved ids of each table, and its
offset). The desk's file is read from a copy (upgraded to this version if it is older) and is
never changed.

The move is one transaction, checked before it commits (every history chain verifies, no slip
number is missing): it is all there or not at all. An interrupted move leaves nothing behind and
is simply run again. A move into an estate that has slips or accounts already, or of a desk that
was moved in before, is refused before anything is written.
"""
from __future__ import annotations

import hashlib
import sqlite3
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

import peewee

from models import estates
from models.db import database
from models.moved_ids import SOFT_REFERENCES, MovedBlock, forget
from models.errors import SlipdeskError
from models.i18n import plural, t

BATCH = 2000
# Tables made again rather than copied: the search index is built from the moved slips.
REBUILT = ("search_doc", "search_tokens", "moved_block")
# Settings whose value is a row id: key → that row's table.
ID_SETTINGS: dict[str, str] = {"estate.logo_attachment": "attachment"}
# The company's own choice for the estate, which the desk's settings do not replace.
ESTATE_SETTINGS = ("slip.prefix",)


class MoveRefused(SlipdeskError):
    pass


@dataclass
class MoveReport:
    estate: str
    rows: dict[str, int] = field(default_factory=dict)
    slips: int = 0

    def __str__(self) -> str:
        moved = ", ".join(f"{table} {count:,}" for table, count in self.rows.items() if count)
        return t("moved {slips} into estate {estate}, every history chain verified ({moved})",
                 slips=plural(self.slips, "slip", "slips"), estate=self.estate, moved=moved)


# ------------------------------------------------------------------------------------------------
# Reading the desk


def _desk_copy(source: Path, folder: Path) -> Path:
    """A copy of the desk's file at this program's schema version (the desk itself is not touched)."""
    from models.backup import light_check
    from models.connection import close_database, open_database

    if not source.is_file():
        raise MoveRefused(t("{path} does not exist: nothing was moved.",
                            path=source))
    check = light_check(source)
    if not check.ok:
        raise MoveRefused(t("{problem} Nothing was moved.", problem=check.problem))
    copy = folder / "desk.db"
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as reading, sqlite3.connect(copy) as writing:
        reading.backup(writing)
    open_database(copy)  # upgraded to this version, as the desk would be at its next start
    close_database()
    return copy


def _columns(desk: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in desk.execute(f'PRAGMA table_info("{table}")')]


def _fingerprint(desk: sqlite3.Connection) -> str:
    digest = hashlib.sha256()
    for number, head in desk.execute('SELECT "number", "history_head" FROM "slip" ORDER BY "id"'):
        digest.update(f"{number}:{head}\n".encode())
    return digest.hexdigest()


# ------------------------------------------------------------------------------------------------
# Writing into the company's database


def _tables() -> list[str]:
    """The estate tables in an order they can be filled (a table after those it points at)."""
    from models.schema import MODELS

    ordered = [model._meta.table_name for model in peewee.sort_models(MODELS)]
    return [table for table in ordered if table in estates.ESTATE_TABLES and table not in REBUILT] + \
        [table for table in estates.ESTATE_TABLES if table not in ordered and table not in REBUILT]


def _serial(table: str) -> str | None:
    """The sequence behind the table's id, if it has one."""
    row = database.execute_sql("SELECT pg_get_serial_sequence(%s, 'id')", (f'"{table}"',)).fetchone()
    return row[0] if row else None


def _reserve(table: str, count: int) -> int:
    """Reserve `count` ids of the table's sequence in one block, other desks' inserts held back
    for the moment it takes; returns the offset (the block is offset+1 .. offset+count)."""
    sequence = _serial(table)
    with database.atomic():
        database.execute_sql(f'LOCK TABLE "{table}" IN SHARE ROW EXCLUSIVE MODE')
        offset = database.execute_sql("SELECT nextval(%s)", (sequence,)).fetchone()[0] - 1
        database.execute_sql("SELECT setval(%s, %s)", (sequence, offset + max(count, 1)))
    return offset


def _converters(table: str) -> dict[str, Callable[[Any], Any]]:
    """SQLite's values as PostgreSQL's columns take them (0/1 for booleans, bytes for blobs)."""
    found = {}
    for column in database.get_columns(table):
        if column.data_type == "boolean":
            found[column.name] = lambda v: None if v is None else bool(v)
        elif column.data_type == "bytea":
            found[column.name] = lambda v: None if v is None else bytes(v)
    return found


def _shifts(table: str, columns: list[str], offsets: dict[str, int]) -> dict[str, int]:
    """How much each column that holds an id moves: the offset of the table it points at."""
    targets = {fk.column: fk.dest_table for fk in database.get_foreign_keys(table)}
    targets.update({column: dest for (name, column), dest in SOFT_REFERENCES.items() if name == table})
    if "id" in columns and table in offsets:
        targets["id"] = table
    return {column: offsets[dest] for column, dest in targets.items() if column in columns and dest in offsets}


def _rows(desk: sqlite3.Connection, table: str, columns: list[str]) -> Iterator[list[tuple]]:
    quoted = ", ".join(f'"{c}"' for c in columns)
    cursor = desk.execute(f'SELECT {quoted} FROM "{table}" ORDER BY rowid')
    while batch := cursor.fetchmany(BATCH):
        yield batch


@dataclass
class _Plan:
    """How one table's rows are written: read before acting as the estate's login (whose view of
    the catalogue does not show the foreign keys of tables it does not own)."""
    table: str
    columns: list[str]
    shifts: dict[str, int]
    convert: dict[str, Callable[[Any], Any]]


def _plan(desk: sqlite3.Connection, table: str, offsets: dict[str, int]) -> _Plan:
    target = {column.name for column in database.get_columns(table)}
    columns = [c for c in _columns(desk, table) if c in target and c != estates.COLUMN]
    return _Plan(table, columns, _shifts(table, columns, offsets), _converters(table))


def _copy_table(desk: sqlite3.Connection, plan: _Plan, offsets: dict[str, int]) -> int:
    table, columns, shifts, convert = plan.table, plan.columns, plan.shifts, plan.convert
    settings_row = table == "setting"
    placeholders = ", ".join(["%s"] * len(columns))
    sql = f'INSERT INTO "{table}" ({", ".join(chr(34) + c + chr(34) for c in columns)}) VALUES ({placeholders})'
    if settings_row:
        sql += ' ON CONFLICT ("key", "estate_id") DO UPDATE SET "value" = EXCLUDED."value"'
    cursor = database.cursor()
    count = 0
    for batch in _rows(desk, table, columns):
        values = []
        for row in batch:
            record = dict(zip(columns, row))
            if settings_row and record["key"] in ESTATE_SETTINGS:
                continue
            for column, shift in shifts.items():
                if record[column] is not None:
                    record[column] += shift
            for column, change in convert.items():
                if column in record:
                    record[column] = change(record[column])
            if settings_row and record["key"] in ID_SETTINGS and record["value"] not in (None, "null"):
                record["value"] = str(int(record["value"]) + offsets.get(ID_SETTINGS[record["key"]], 0))
            values.append(tuple(record[c] for c in columns))
        cursor.executemany(sql, values)
        count += len(values)
    return count


def _refuse_moved_before(fingerprint: str) -> None:
    """Read as the owner, who sees every estate's moves."""
    if fingerprint and MovedBlock.select().where(MovedBlock.source == fingerprint).exists():
        raise MoveRefused(t("This desk was moved into the company's database before. Nothing was moved."))


def _refuse_clash(estate: estates.Estate) -> None:
    """Read as the estate's login: its own slips and accounts."""
    from models.accounts import User
    from models.slips import Slip

    if Slip.select().exists() or User.select().exists():
        raise MoveRefused(t("Estate {code} has slips or accounts already: a desk moves into an empty estate. "
                            "Nothing was moved.",
                            code=estate.code))


def _clear_seeds(tables: list[str]) -> None:
    """An empty estate's starting lists and rules (seeded when it was added) give way to the desk's;
    its settings stay, the desk's written over them."""
    for table in reversed(tables):
        if table != "setting":
            database.execute_sql(f'DELETE FROM "{table}"')


def _keep_estate_settings() -> None:
    """The company's choices that the desk's settings do not replace (ESTATE_SETTINGS) enter the
    moved desk's own audit chain, which then proves every setting the estate holds."""
    from models import settings

    for key in ESTATE_SETTINGS:
        settings.put_setup(key, settings.get(key))


def _check(estate: estates.Estate) -> None:
    from models import history, integrity

    forget()
    broken = next(iter(history.verify_all()), None)
    missing = integrity.missing_slips()
    if broken or missing:
        problem = str(broken) if broken else str(missing[0])
        raise MoveRefused(t("The moved desk did not verify in estate {code} ({problem}): nothing was moved.",
                            code=estate.code, problem=problem))


def move(source: Path, url: str, code: str) -> MoveReport:
    """Bring the desk at `source` into the estate `code` of the company database at `url` (opened
    as its owner), or refuse and leave both as they were."""
    from models import search
    from models.connection import close_database, open_database

    with tempfile.TemporaryDirectory(prefix="slipdesk-move-") as folder:
        copy = _desk_copy(Path(source).expanduser(), Path(folder))
        open_database(url)
        if not estates.is_company():
            raise MoveRefused(t("{url} is not a company database: run slipdesk-admin company init first.", url=url))
        estate = estates.estate_by_code(code)
        desk = sqlite3.connect(copy)
        try:
            fingerprint = _fingerprint(desk)
            tables = [table for table in _tables() if database.table_exists(table)]
            with database.atomic():
                _refuse_moved_before(fingerprint)
                with estates.acting_as(estate.login):
                    _refuse_clash(estate)
            counts = {table: desk.execute(f'SELECT coalesce(max("id"), 0) FROM "{table}"').fetchone()[0]
                      for table in tables if "id" in _columns(desk, table) and _serial(table)}
            offsets = {table: _reserve(table, count) for table, count in counts.items()}
            plans = [_plan(desk, table, offsets) for table in tables]
            report = MoveReport(estate.code)
            move_id = str(uuid.uuid4())
            with database.atomic():
                database.execute_sql('LOCK TABLE "moved_block" IN SHARE ROW EXCLUSIVE MODE')  # one move at a time
                _refuse_moved_before(fingerprint)  # again, inside the transaction that writes
                with estates.acting_as(estate.login):
                    _refuse_clash(estate)
                    _clear_seeds(tables)
                    for plan in plans:
                        report.rows[plan.table] = _copy_table(desk, plan, offsets)
                    for table, offset in offsets.items():
                        first = desk.execute(f'SELECT min("id"), max("id") FROM "{table}"').fetchone()
                        if first[0] is not None:
                            MovedBlock.create(move=move_id, table_name=table, first_id=first[0] + offset,
                                              last_id=first[1] + offset, offset=offset, source=fingerprint)
                    _keep_estate_settings()
                    slip_ids = [row[0] + offsets["slip"] for row in desk.execute('SELECT "id" FROM "slip"')]
                    search.reindex_slips(slip_ids)
                    report.slips = len(slip_ids)
                    _check(estate)
        finally:
            desk.close()
            forget()
            close_database()
    return report
