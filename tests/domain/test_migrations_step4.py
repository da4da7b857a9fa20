"""Schema step 4: the dashboard's counts read small partial indexes; a version-3 database gets them."""
from __future__ import annotations

import datetime as dt

import peewee
import pytest
from playhouse.migrate import make_index_name

from models import dashboard, migrations
from models.db import database
from models.slips import DASHBOARD_INDEXES, Slip
from models.connection import close_database, open_database
from models.vocab import Status
from tests.support.slips import slip_in, step

DROPPED = make_index_name(*migrations.STEP_4_DROPPED_INDEX)
NEW = {index._name for index in DASHBOARD_INDEXES}


def _back_to_version_3() -> None:
    """Undo step 4 on the open database (either backend), as a version-3 desk would have it."""
    for name in NEW:
        database.execute_sql(f'DROP INDEX "{name}"')
    database.execute_sql(f'CREATE INDEX "{DROPPED}" ON "slip" ("reopened_count", "status")')
    database.execute_sql('UPDATE "schema_version" SET "version" = 3')


def _slip_indexes() -> set[str]:
    return {index.name for index in database.get_indexes("slip")}


def test_step_4_upgrades_a_version_3_database_on_each_backend(db_url, users, frozen_now):
    reopened = slip_in(Status.REPLIED, users)
    step(reopened, "reopen", users["clerk"], customer_words="还是不亮", deadline=frozen_now + dt.timedelta(days=1))
    with database.atomic():
        _back_to_version_3()
    close_database()

    open_database(db_url)
    assert migrations.current_version() == migrations.LATEST
    assert NEW <= _slip_indexes() and DROPPED not in _slip_indexes()
    assert [s.id for s in dashboard.slips_of("reopened", users["clerk"])] == [reopened.id]
    assert dashboard.counts(users["supervisor"])["reopened"] == 1
    close_database()
    open_database(db_url)  # and opening again changes nothing
    assert NEW <= _slip_indexes()


@pytest.mark.tampers  # copies of a slip made in SQL
def test_the_dashboard_counts_use_the_partial_indexes(sqlite_db, users, frozen_now):
    """SQLite's planner takes each count's own small index for the count peewee makes (checked on an analysed file, as a
    bulk-loaded one is, where it used to prefer the status index)."""
    slip = slip_in(Status.REPLIED, users)
    _copies(slip, 3000)
    database.execute_sql("ANALYZE")
    supervisor, now = users["supervisor"], frozen_now
    expected = {"reopened": "slip_reopened_open", "reply_not_accepted": "slip_replied_opinion",
                "awaiting_confirmation": "slip_awaiting_requester"}
    for code, index in expected.items():
        query = dashboard.section(code).slips(supervisor, now)
        counted = query.order_by().alias("_wrapped").select(peewee.SQL("1"))
        sql, params = peewee.Select([counted], [peewee.fn.COUNT(peewee.SQL("1"))]).bind(database).sql()
        plan = " ".join(str(row) for row in database.execute_sql("EXPLAIN QUERY PLAN " + sql, params))
        assert index in plan, f"{code}: {plan}"
    assert Slip.select().count() == 3001


def _copies(slip: Slip, count: int) -> None:
    """Copies of the slip, most of them closed and never reopened: a big file's shape."""
    columns = [f.column_name for f in Slip._meta.sorted_fields if f.column_name not in ("id", "number", "seq")]
    plain = ", ".join(f'"{c}"' for c in columns)
    with database.atomic():
        for n in range(count):
            database.execute_sql(
                f'INSERT INTO "slip" ("number", "seq", {plain}) SELECT ?, ?, {plain} FROM "slip" WHERE "id" = ?',
                (f"COPY-{n}", 100000 + n, slip.id))
        database.execute_sql('UPDATE "slip" SET "status" = ? WHERE "number" LIKE ?', (Status.CLOSED, "COPY-%"))
        for digit, status in enumerate((Status.RECEIVED, Status.IN_HANDLING, Status.HANDLED,
                                        Status.AWAITING_CONFIRMATION)):
            database.execute_sql('UPDATE "slip" SET "status" = ? WHERE "number" LIKE ?', (status, f"COPY-%{digit}"))
