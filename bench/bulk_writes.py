"""Writing very many rows at once (the benchmark's million demo slips) at the database's pace.

Worker processes hand their rows over in scratch SQLite files (`write_shard`), which the writer
copies in with INSERT … SELECT (`attached`, `copy_in`); rows made in the writer's own process go
through models.demo.TableWriter's prepared inserts. `loading()` relaxes durability, enlarges
caches and can set indexes aside for the load only, and puts everything back after.
"""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Sequence

import peewee

from models import search
from models.db import database, is_sqlite

BULK_CACHE_KIB = 262144  # 256 MiB of page cache while loading
SORT_THREADS = 2


def copy_in(table: str, columns: Sequence[str], schema: str) -> None:
    """Copy a table's rows from an attached shard (`attached`) laid out as `write_shard` wrote them."""
    names = ", ".join(f'"{c}"' for c in columns)
    database.execute_sql(f'INSERT INTO main."{table}" ({names}) SELECT {names} FROM {schema}."{table}"')


def write_shard(path: Path, tables: Sequence[tuple[str, Sequence[str], Sequence[tuple]]]) -> None:
    """Rows of several tables in a scratch SQLite file: how a worker process hands a batch to
    the writer. The writer copies them in with INSERT … SELECT, in C, instead of unpickling and
    binding every value of every row itself (at a million slips, most of its time)."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("BEGIN")
        for table, columns, rows in tables:
            names = ", ".join(f'"{column}"' for column in columns)
            connection.execute(f'CREATE TABLE "{table}" ({names})')
            connection.executemany(f'INSERT INTO "{table}" VALUES ({", ".join("?" * len(columns))})', rows)
        connection.execute("COMMIT")
    finally:
        connection.close()


@contextmanager
def attached(path: Path, schema: str = "shard") -> Iterator[str]:
    """A shard attached to the database (outside any transaction: SQLite's rule), then removed."""
    database.execute_sql(f"ATTACH DATABASE ? AS {schema}", (str(path),))
    try:
        yield schema
    finally:
        database.execute_sql(f"DETACH DATABASE {schema}")
        Path(path).unlink(missing_ok=True)


@contextmanager
def loading(rebuild_indexes: Sequence[type[peewee.Model]] = (), live: Sequence[str] = ()) -> Iterator[None]:
    """Relax durability and enlarge caches for a bulk load; restore them afterwards.

    `rebuild_indexes`: tables whose indexes are dropped during the load and built again after
    (SQLite), far cheaper than keeping them up to date row by row when the table is mostly new.
    `live`: columns whose indexes stay live during the load: values that only grow (ids, stamps
    in order) or take a few values, so that each new key lands at the right edge of the index or
    of one of a few runs, for little more than writing the row while the writer waits for rows
    anyway. The others, keys all over the index, are dropped and built again after the load: a
    scan of the table each, on one core while the others idle (a million slips: ~4 s for the
    unit's three indexes; ~18 s when all but the id and time indexes waited for the end).
    A crash during the load loses the load, never older data (WAL keeps the file consistent).
    """
    if not is_sqlite():  # after the load, models.demo.settle_ids
        if rebuild_indexes:  # a load big enough to build the search index once after it
            with search.bulk_loading():
                yield
        else:
            yield
        return
    saved = {name: database.execute_sql(f"PRAGMA {name}").fetchone()[0]
             for name in ("synchronous", "cache_size", "threads")}
    database.execute_sql("PRAGMA synchronous = OFF")
    database.execute_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    # helper threads sort for CREATE INDEX: the indexes are rebuilt after the load, when the
    # processes that generated the rows are done and their cores are free
    database.execute_sql(f"PRAGMA threads = {SORT_THREADS}")
    indexes = _drop_indexes(rebuild_indexes, live)
    try:
        with search.bulk_loading():
            yield
    finally:
        with database.atomic():
            for sql in indexes:
                database.execute_sql(sql)
        for name, value in saved.items():
            database.execute_sql(f"PRAGMA {name} = {int(value)}")


def _drop_indexes(models: Sequence[type[peewee.Model]], live: Sequence[str] = ()) -> list[str]:
    """Drop the tables' explicit indexes but those led by a `live` column; returns the
    statements that create them again."""
    if not models:
        return []
    tables = [m._meta.table_name for m in models]
    marks = ", ".join("?" * len(tables))
    found = database.execute_sql(f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                                 f"AND tbl_name IN ({marks})", tables).fetchall()
    found = [(name, sql) for name, sql in found if _leading_column(name) not in live]
    with database.atomic():
        for name, _sql in found:
            database.execute_sql(f'DROP INDEX "{name}"')
    return [sql for _name, sql in found]


def _leading_column(index: str) -> str:
    first = database.execute_sql(f'PRAGMA index_info("{index}")').fetchone()
    return first[2] if first else ""
