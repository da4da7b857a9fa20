"""Schema step 6: history and notices lose the indexes no query needs; a version-5 database drops them."""
from __future__ import annotations

from playhouse.migrate import make_index_name

from models import history, intake, migrations, notices
from models.db import database
from models.slips import Slip
from models.connection import close_database, open_database
from tests.support.slips import phone_intake

DROPPED = {make_index_name(table, columns): table for table, columns in migrations.STEP_6_DROPPED_INDEXES}


def _back_to_version_5() -> None:
    """Undo step 6 on the open database (either backend), as a version-5 desk would have it."""
    for table, columns in migrations.STEP_6_DROPPED_INDEXES:
        quoted = ", ".join(f'"{column}"' for column in columns)
        database.execute_sql(f'CREATE INDEX "{make_index_name(table, columns)}" ON "{table}" ({quoted})')
    database.execute_sql('UPDATE "schema_version" SET "version" = 5')


def _indexes(table: str) -> set[str]:
    return {index.name for index in database.get_indexes(table)}


def test_step_6_upgrades_a_version_5_database_on_each_backend(db_url, users, frozen_now):
    escalated = intake.save(phone_intake(complaint="燃气管道漏气，味道很大。"), users["clerk"])
    with database.atomic():
        _back_to_version_5()
    assert set(DROPPED) <= _indexes("slip_event") | _indexes("notice")
    close_database()

    open_database(db_url)
    assert migrations.current_version() == migrations.LATEST
    assert not set(DROPPED) & (_indexes("slip_event") | _indexes("notice"))
    assert history.verify_slip(Slip.get_by_id(escalated.id)) is None
    (notice,) = notices.for_user(users["supervisor"])
    assert notice.slip_id == escalated.id
    close_database()
    open_database(db_url)  # and opening again changes nothing
    assert migrations.current_version() == migrations.LATEST


def test_a_readers_notices_and_a_slips_history_are_still_read_by_index(sqlite_db, users, frozen_now):
    slip = intake.save(phone_intake(complaint="燃气管道漏气，味道很大。"), users["clerk"])
    readers = [notices.Notice.select().where(notices._audience(users[name])) for name in ("clerk", "supervisor")]
    plans = [_plan(query) for query in readers] + [_plan(slip.events.order_by(history.SlipEvent.seq))]
    for plan in plans:
        assert "SCAN" not in plan.replace("SCAN CONSTANT", ""), plan
    assert "notice_user_id_created_at" in plans[0] and "slip_event_slip_id_seq" in plans[2]


def _plan(query) -> str:
    sql, params = query.sql()
    return " | ".join(row[-1] for row in database.execute_sql("EXPLAIN QUERY PLAN " + sql, params))
