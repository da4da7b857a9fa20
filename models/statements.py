"""Plain SQL for the few statements every save runs, on either backend.

Saving a slip runs some twenty statements; peewee builds each one's SQL text afresh, which took
more time than SQLite took to run them. The statements here are written once per backend (with
its placeholder, `database.param`) and kept, and the values still go through the model's fields
(`db_value`), so what is stored is exactly what peewee itself would store.
"""
from __future__ import annotations

import functools
from typing import Any, Sequence

import peewee

from models.db import database, is_sqlite


def execute(sql: str, params: Sequence[Any] = ()):
    """Run `sql` written with `?` placeholders, as the open database's driver wants them."""
    return database.execute_sql(_placeholders(sql, database.param), params)


@functools.lru_cache(maxsize=256)
def _placeholders(sql: str, param: str) -> str:
    return sql if param == "?" else sql.replace("?", param)


@functools.lru_cache(maxsize=64)
def in_list(sql: str, count: int) -> str:
    """`sql` ending in IN, completed with `count` placeholders."""
    return f"{sql}({', '.join('?' * count)})"


def rows(sql: str, params: Sequence[Any] = ()) -> tuple[tuple, ...]:
    """Every row of a query, as a hashable tuple of tuples (a cache key for what is derived from them)."""
    return tuple(tuple(row) for row in execute(sql, params).fetchall())


def insert(model: type[peewee.Model], values: dict[str, Any]) -> peewee.Model:
    """INSERT one row, the model's defaults filled in as `Model.create` fills them; returns the
    instance, saved (nothing dirty)."""
    meta = model._meta
    values = dict(values)
    for name, default in meta.defaults.items():
        values.setdefault(name.name, default() if callable(default) else default)
    names = tuple(values)
    params = [meta.fields[name].db_value(values[name]) for name in names]
    cursor = execute(_insert_sql(model, names, is_sqlite()), params)
    key = cursor.lastrowid if is_sqlite() else cursor.fetchone()[0]
    instance = model(**values)
    instance._pk = key
    instance._dirty.clear()
    return instance


@functools.lru_cache(maxsize=64)
def _insert_sql(model: type[peewee.Model], names: tuple[str, ...], sqlite: bool) -> str:
    meta = model._meta
    columns = ", ".join(f'"{meta.fields[name].column_name}"' for name in names)
    returning = "" if sqlite else f' RETURNING "{meta.primary_key.column_name}"'
    return f'INSERT INTO "{meta.table_name}" ({columns}) VALUES ({", ".join("?" * len(names))}){returning}'


def update(instance: peewee.Model, names: Sequence[str]) -> None:
    """UPDATE the instance's row with its current values of the fields `names` (no version check:
    the caller holds the row's lock)."""
    meta = type(instance)._meta
    names = tuple(names)
    params = [meta.fields[name].db_value(instance.__data__.get(name)) for name in names]
    execute(_update_sql(type(instance), names), [*params, instance._pk])
    instance._dirty.difference_update(names)


@functools.lru_cache(maxsize=64)
def _update_sql(model: type[peewee.Model], names: tuple[str, ...]) -> str:
    meta = model._meta
    assignments = ", ".join(f'"{meta.fields[name].column_name}" = ?' for name in names)
    return f'UPDATE "{meta.table_name}" SET {assignments} WHERE "{meta.primary_key.column_name}" = ?'
