"""The schema's version, and the steps that bring an older database up to date.

A new database gets every table at the newest version at once. An older one runs each step
after its version in turn, each in its own transaction, so an interrupted upgrade leaves the
database at the last finished step. Never edit a released step: add the next one.
"""
from __future__ import annotations

from typing import Callable

import peewee
from playhouse.migrate import SchemaMigrator

from models.db import BaseModel, database
from models.errors import SlipdeskError


class SchemaVersion(BaseModel):
    id = peewee.IntegerField(primary_key=True, default=1)
    version = peewee.IntegerField()


def _step_1(migrator: SchemaMigrator) -> None:
    """The first schema: created whole; nothing can be older than it."""


STEPS: dict[int, Callable[[SchemaMigrator], None]] = {
    1: _step_1,
}
LATEST = max(STEPS)


class NewerSchema(SlipdeskError):
    pass


def current_version() -> int:
    """0 for an empty database."""
    if not database.table_exists(SchemaVersion._meta.table_name):
        return 0
    row = SchemaVersion.get_or_none(SchemaVersion.id == 1)
    return row.version if row else 0


def _set_version(version: int) -> None:
    SchemaVersion.insert(id=1, version=version).on_conflict(
        conflict_target=[SchemaVersion.id], update={SchemaVersion.version: version}).execute()


def upgrade() -> int:
    """Bring the open database to `LATEST`; returns the version it was at."""
    from models.catalog import seed_catalog
    from models.schema import MODELS

    found = current_version()
    if found > LATEST:
        raise NewerSchema(f"This database was written by a newer Slipdesk (schema {found}, "
                          f"this program knows {LATEST}). Update Slipdesk before opening it.")
    if found == 0:
        with database.atomic():
            database.create_tables([SchemaVersion, *MODELS])
            seed_catalog()
            _set_version(LATEST)
        return 0
    migrator = SchemaMigrator.from_database(database.obj)
    for version in range(found + 1, LATEST + 1):
        with database.atomic():
            STEPS[version](migrator)
            _set_version(version)
    return found
