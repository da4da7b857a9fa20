"""Copies of one estate's rows as another estate's: how the company bench fills twenty estates
from one demo desk in minutes (INSERT … SELECT inside PostgreSQL) rather than moving twenty desks.

For the bench only: the copies' history chains hash the original accounts' ids, so `verify`
reports them; a real estate comes in with `slipdesk-admin move`. Runs as a superuser (the
policies do not apply to it) and names the target estate in every row.
"""
from __future__ import annotations

from models import estates, moves
from models.db import database

SKIPPED = ("moved_block", "draft")


def _columns(table: str) -> list[str]:
    return [column.name for column in database.get_columns(table)]


def _blocks(source: int, tables: list[str]) -> dict[str, int]:
    """Each table's shift for one copy: a block of ids as wide as the source estate's span of them
    (not the table's whole: twenty copies would double it each time, past a 32-bit id)."""
    shifts = {}
    for table in tables:
        low, high = database.execute_sql(f'SELECT min("id"), max("id") FROM "{table}" WHERE "{estates.COLUMN}" = %s',
                                         (source,)).fetchone()
        if low is not None:
            shifts[table] = moves._reserve(table, high - low + 1) + 1 - low
    return shifts


def clone(source: int, targets: list[int]) -> int:
    """Copy every row of estate `source` into each estate of `targets`; returns the rows written."""
    tables = [table for table in moves._tables() if table not in SKIPPED] + ["search_doc"]
    tables = [table for table in tables if database.table_exists(table)]
    written = 0
    for target in targets:
        offsets = _blocks(source, [t for t in tables if "id" in _columns(t) and moves._serial(t)])
        with database.atomic():
            for table in reversed(tables):  # its starting lists give way, as a moved desk's do
                if table != "setting":
                    database.execute_sql(f'DELETE FROM "{table}" WHERE "{estates.COLUMN}" = %s', (target,))
            for table in tables:
                columns = [c for c in _columns(table) if c != estates.COLUMN]
                shifts = moves._shifts(table, columns, offsets)
                chosen = ", ".join(f'"{c}" + {shifts[c]}' if c in shifts else f'"{c}"' for c in columns)
                names = ", ".join(f'"{c}"' for c in columns)
                cursor = database.execute_sql(
                    f'INSERT INTO "{table}" ({names}, "{estates.COLUMN}") SELECT {chosen}, %s FROM "{table}" '
                    f'WHERE "{estates.COLUMN}" = %s' + (" ON CONFLICT DO NOTHING" if table == "setting" else ""),
                    (target, source))
                written += cursor.rowcount
    return written
