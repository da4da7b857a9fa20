"""Schema step STEP_SEARCH: the search index made again (one FTS5 table on SQLite, a table of its
own on PostgreSQL) with the slip list's filters as facets; every slip is found as before."""
from __future__ import annotations

import datetime as dt

from models import demo, migrations, queries, search
from models.db import database, is_sqlite
from models.queries import SlipFilter
from models.slips import Slip
from models.connection import close_database, open_database
from tests.domain.test_search import listed
from tests.support.slips import phone_intake

TEXTS = ("漏水", "水", "水 梯", "张 3-2", "1201", "zs", "暖")


def _back_before_the_step() -> None:
    """Undo the step on the open database (either backend): the index as the version before had it."""
    doc = search.SearchDoc._meta.table_name
    if is_sqlite():
        database.execute_sql(f"DROP TABLE {search.VOCABULARY}")
        database.execute_sql(f"DROP TABLE {search.INDEX}")
        for table, detail in (("search_bigrams", "full"), ("search_chars", "none")):
            database.execute_sql(f"CREATE VIRTUAL TABLE {table} USING fts5(t, content='', columnsize=0, "
                                 f"detail={detail}, tokenize='ascii')")
            database.execute_sql(f"CREATE VIRTUAL TABLE {table}_vocab USING fts5vocab({table}, 'row')")
    else:
        database.execute_sql(f"ALTER TABLE {doc} ADD COLUMN tsv tsvector NOT NULL DEFAULT ''")
        database.execute_sql(f"UPDATE {doc} SET tsv = (SELECT ts_delete(t.tsv, string_to_array({doc}.facets, ' ')) "
                             f"FROM {search.TOKENS} t WHERE t.slip_id = {doc}.slip_id)")
        database.execute_sql(f"CREATE INDEX {doc}_tsv ON {doc} USING gin (tsv)")
        database.execute_sql(f"DROP TABLE {search.TOKENS}")
        database.execute_sql(f"DROP INDEX {doc}_key")
    database.execute_sql(f"ALTER TABLE {doc} DROP COLUMN facets")
    database.execute_sql(f'UPDATE "schema_version" SET "version" = {migrations.STEP_SEARCH - 1}')


def test_step_search_upgrades_an_older_database_on_each_backend(db_url, users, frozen_now):
    open_database(db_url)
    demo.generate_slips(400, seed=12, days=40)
    some = Slip.select().where(Slip.building.is_null(False)).order_by(Slip.id).first()
    filtered = SlipFilter(text="水", statuses=(some.status,), buildings=(some.building,))
    before = {text: listed(SlipFilter(text=text)) for text in TEXTS} | {"filtered": listed(filtered)}
    with database.atomic():
        _back_before_the_step()
    close_database()

    open_database(db_url)
    assert migrations.current_version() == migrations.LATEST
    after = {text: listed(SlipFilter(text=text)) for text in TEXTS} | {"filtered": listed(filtered)}
    assert after == before and before["漏水"] and before["filtered"]
    assert queries.count(filtered) == len(before["filtered"])
    assert all(doc.facets == search.facets({**doc.slip.__data__}) for doc in search.SearchDoc.select().limit(50))

    from models import intake  # a slip saved after the upgrade is found at once, by text and filter

    slip = intake.save(phone_intake(complaint="阳台的排水管堵住了，雨水倒灌进客厅。",
                                    deadline=frozen_now + dt.timedelta(hours=4)), users["clerk"])
    assert [r.id for r in queries.page(SlipFilter(text="倒灌", statuses=(slip.status,)))] == [slip.id]
    close_database()
    open_database(db_url)  # and opening again changes nothing
    assert migrations.current_version() == migrations.LATEST
