"""The rules that route a new slip are read again only when one changed (models.rule_stamp), and
any change to them — through Slipdesk or behind its back — renews the token, on each backend."""
from __future__ import annotations

import logging
from decimal import Decimal

import pytest

from models import authority, intake, migrations, rule_stamp
from models.db import database, is_sqlite
from models.connection import close_database, open_database
from tests.support.slips import phone_intake

RULE_TABLES = ("category_rule", "authority_limit", "escalation_signal", "motive_rule")


@pytest.fixture
def statements_run(caplog):
    """The SQL text of every statement run while the test reads it (peewee logs each one)."""
    caplog.set_level(logging.DEBUG, logger="peewee")

    def run() -> list[str]:
        texts = [record.msg[0] for record in caplog.records if record.name == "peewee" and isinstance(record.msg, tuple)]
        caplog.clear()
        return texts
    return run


def _token() -> int:
    return database.execute_sql('SELECT "token" FROM "rule_stamp" WHERE "id" = 1').fetchone()[0]


def _reading(texts: list[str], table: str) -> list[str]:
    return [sql for sql in texts if sql.lstrip().upper().startswith("SELECT") and f'"{table}"' in sql]


def test_a_save_reads_the_token_once_and_the_rules_only_after_a_change(db, users, frozen_now, statements_run):
    intake.save(phone_intake(), users["clerk"])  # the rules read once
    statements_run()

    intake.save(phone_intake(), users["clerk"])
    texts = statements_run()
    assert len(_reading(texts, "rule_stamp")) == 1
    assert [table for table in (*RULE_TABLES, "setting") if _reading(texts, table)] == []

    authority.set_limit(users["manager"], "repair_cost", "250")
    statements_run()
    saved = intake.save(phone_intake(repair_cost=Decimal("300")), users["clerk"])
    texts = statements_run()
    assert len(_reading(texts, "authority_limit")) == 1
    assert not saved.within_authority  # the new limit, read again, decided it


@pytest.mark.parametrize("table", ["category", "category_rule", "department", "authority_limit",
                                   "escalation_signal", "motive_rule", "setting"])
@pytest.mark.tampers  # rules changed in SQL, as another desk might
def test_any_change_to_a_watched_table_renews_the_token(db, table):
    assert table in rule_stamp.WATCHED
    column = "key" if table == "setting" else "id"
    if table == "setting":
        database.execute_sql('INSERT INTO "setting" ("key", "value") VALUES (\'authority.repeat_days\', \'30\')')
    before = _token()
    database.execute_sql(f'UPDATE "{table}" SET "{column}" = "{column}"')
    assert _token() != before


def test_a_rule_read_outside_a_save_checks_the_token_each_time(db, statements_run):
    authority.category_facts(1)
    statements_run()
    authority.category_facts(1)
    authority.category_facts(2)
    texts = statements_run()
    assert len(_reading(texts, "rule_stamp")) == 2 and _reading(texts, "category") == []


def _back_to_version_7() -> None:
    """Undo step 8 on the open database (either backend): no token table, no triggers."""
    if is_sqlite():
        for watched in rule_stamp.WATCHED:
            for event in ("insert", "update", "delete"):
                database.execute_sql(f'DROP TRIGGER "rule_stamp_{watched}_{event}"')
        database.execute_sql('DROP TABLE "rule_stamp"')
    else:
        database.execute_sql('DROP TABLE "rule_stamp"')
        database.execute_sql('DROP FUNCTION "rule_stamp_renew"() CASCADE')
    database.execute_sql('UPDATE "schema_version" SET "version" = 7')


def test_step_8_upgrades_a_version_7_database_on_each_backend(db_url, users, frozen_now):
    with database.atomic():
        _back_to_version_7()
    assert not database.table_exists("rule_stamp")
    close_database()

    open_database(db_url)
    assert migrations.current_version() == migrations.LATEST
    before = _token()
    authority.set_limit(users["manager"], "repair_cost", "250")
    assert _token() != before
    assert not intake.save(phone_intake(repair_cost=Decimal("300")), users["clerk"]).within_authority


def test_an_assessment_reads_the_token_once_for_all_its_rules(db, users, frozen_now, statements_run):
    """The intake form assesses again as the clerk types: one read of the token each time."""
    facts = {"complaint": "楼上漏水", "category_id": 1, "unit_code": "3-2-1201"}
    authority.assess(facts)
    statements_run()
    authority.assess(facts)
    texts = statements_run()
    assert len(_reading(texts, "rule_stamp")) == 1 and [t for t in RULE_TABLES if _reading(texts, t)] == []
