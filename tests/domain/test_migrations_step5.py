"""Schema step 5: accounts can be told to change their password; a version-4 database gets the column."""
from __future__ import annotations

from models import migrations
from models.accounts import User, authenticate
from models.db import database
from models.connection import close_database, open_database


def test_step_5_upgrades_a_version_4_database_on_each_backend(db_url, users):
    with database.atomic():
        database.execute_sql('ALTER TABLE "user" DROP COLUMN "must_change_password"')
        database.execute_sql('UPDATE "schema_version" SET "version" = 4')
    close_database()

    open_database(db_url)
    assert migrations.current_version() == migrations.LATEST
    assert "must_change_password" in {column.name for column in database.get_columns("user")}
    clerk = authenticate("clerk", "password1")
    assert not clerk.must_change_password and User.select().count() == len(users)
    close_database()
    open_database(db_url)  # and opening again changes nothing
    assert migrations.current_version() == migrations.LATEST
