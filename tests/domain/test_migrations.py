"""The schema from nothing: an empty file becomes a current database, and opening again changes nothing."""
from __future__ import annotations

import sqlite3

import pytest

from models import migrations
from models.db import database
from models.schema import MODELS
from models.connection import close_database, open_database


def test_empty_file_becomes_a_current_database(tmp_path):
    path = tmp_path / "new.db"
    path.write_bytes(b"")  # a 0-byte file, as an installer or a crashed copy may leave
    try:
        assert open_database(path) == str(path)
        assert migrations.current_version() == migrations.LATEST
        assert all(database.table_exists(model._meta.table_name) for model in MODELS)
        assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    finally:
        close_database()


def test_opening_twice_is_idempotent(db_url, users):
    from models.catalog import Category

    categories = Category.select().count()
    close_database()
    open_database(db_url)
    try:
        assert migrations.upgrade() == migrations.LATEST  # already current: nothing to do
        assert migrations.current_version() == migrations.LATEST
        assert Category.select().count() == categories  # the seed is not added twice
        from models.accounts import User

        assert User.select().count() == len(users)
    finally:
        close_database()


def test_a_database_from_a_newer_slipdesk_is_refused(tmp_path):
    path = tmp_path / "newer.db"
    open_database(path)
    migrations.SchemaVersion.update(version=migrations.LATEST + 1).execute()
    close_database()
    with pytest.raises(migrations.NewerSchema, match="newer Slipdesk"):
        open_database(path)
    close_database()
    with sqlite3.connect(path) as raw:  # refused, and left as it was
        assert raw.execute("select version from schema_version").fetchone()[0] == migrations.LATEST + 1
