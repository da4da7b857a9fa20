"""Schema step 7: the notices' user, department and key indexes hold only the notices that have one."""
from __future__ import annotations

import datetime as dt

from models import intake, migrations, notices
from models.db import database
from models.connection import close_database, open_database
from tests.support.slips import phone_intake


def _back_to_version_6() -> None:
    """Undo step 7 on the open database (either backend): the indexes whole, as version 6 had them."""
    for index in notices.NOTICE_INDEXES:
        quoted = ", ".join(f'"{field.column_name}"' for field in index._expressions)
        database.execute_sql(f'DROP INDEX "{index._name}"')
        database.execute_sql(f'CREATE {"UNIQUE " if index._unique else ""}INDEX "{index._name}" ON "notice" ({quoted})')
    database.execute_sql('UPDATE "schema_version" SET "version" = 6')


def _partial() -> dict[str, bool]:
    """Each of the notice indexes step 7 makes: whether it is partial (leaves out the NULLs)."""
    wanted = {index._name for index in notices.NOTICE_INDEXES}
    return {index.name: "IS NOT NULL" in index.sql.upper() for index in database.get_indexes("notice")
            if index.name in wanted}


def test_step_7_upgrades_a_version_6_database_on_each_backend(db_url, users, frozen_now):
    slip = intake.save(phone_intake(complaint="燃气管道漏气，味道很大。",
                                    deadline=frozen_now + dt.timedelta(hours=2)), users["clerk"])
    with database.atomic():
        _back_to_version_6()
    assert set(_partial().values()) == {False}
    close_database()

    open_database(db_url)
    assert migrations.current_version() == migrations.LATEST
    assert _partial() == {index._name: True for index in notices.NOTICE_INDEXES}
    assert [n.slip_id for n in notices.for_user(users["supervisor"])] == [slip.id]
    assert [n.kind for n in notices.scan_deadlines()] == ["due"]
    assert notices.scan_deadlines() == []  # the key is still unique: one due notice per promise
    close_database()
    open_database(db_url)  # and opening again changes nothing
    assert migrations.current_version() == migrations.LATEST
