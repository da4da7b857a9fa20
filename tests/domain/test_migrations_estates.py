"""Schema step STEP_ESTATES: every table of an estate's data gets its estate column; a desk's
database upgraded from version 8 is the implicit estate and its slips keep their meaning."""
from __future__ import annotations

import datetime as dt

from models import estates, history, intake, migrations, settings
from models.db import database
from models.slips import Slip
from models.connection import close_database, open_database
from tests.support.slips import phone_intake


def _back_before_estates() -> None:
    """Undo the step on the open database (either backend): no estate column, no estate tables."""
    for table in estates.ESTATE_TABLES:
        if database.table_exists(table):
            database.execute_sql(f'ALTER TABLE "{table}" DROP COLUMN "{estates.COLUMN}"')
    database.execute_sql('DROP TABLE "moved_block"')
    database.execute_sql('DROP TABLE "estate"')
    database.execute_sql(f'UPDATE "schema_version" SET "version" = {migrations.STEP_ESTATES - 1}')


def test_step_estates_upgrades_a_desk_on_each_backend(db_url, users, frozen_now):
    slip = intake.save(phone_intake(complaint="燃气管道漏气，味道很大。",
                                    deadline=frozen_now + dt.timedelta(hours=2)), users["clerk"])
    settings.put("estate.name", "翠湖居物业服务中心", users["manager"])
    with database.atomic():
        _back_before_estates()
    close_database()

    open_database(db_url)
    assert migrations.current_version() == migrations.LATEST
    for table in estates.ESTATE_TABLES:
        if database.table_exists(table):  # search_tokens is PostgreSQL's only
            assert estates.COLUMN in {c.name for c in database.get_columns(table)}, table
    kept = Slip.get_by_id(slip.id)
    assert (kept.number, kept.complaint, kept.status) == (slip.number, slip.complaint, slip.status)
    assert history.verify_slip(kept) is None
    assert database.execute_sql('SELECT DISTINCT "estate_id" FROM "slip_event"').fetchall() == [(1,)]
    assert settings.get("estate.name") == "翠湖居物业服务中心"
    settings.put("estate.name", "翠湖居", users["manager"])  # an upsert on the setting's key still works
    assert settings.get("estate.name") == "翠湖居"
    second = intake.save(phone_intake(), users["clerk"])
    assert second.number == "TS-2026-000002"
    close_database()
    open_database(db_url)  # and opening again changes nothing
    assert migrations.current_version() == migrations.LATEST
