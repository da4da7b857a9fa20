"""Write tests/data/schema_v1.sql: the SQLite DDL of schema version 1, frozen for the upgrade test.

Version 1 is today's schema without what later steps added (models.migrations STEP_2_*, step_3_models,
step 4's indexes, with the index step 4 dropped, STEP_5_USER_COLUMNS, with the indexes step 6 dropped and those step 7 made partial whole again,
without step 8's token table and its triggers, without the working calendar's tables, without the
columns of the "endings" step, with the two FTS5 tables step STEP_SEARCH made one and search_doc
without its facets, without STEP_UNDERSTANDING_COLUMNS and STEP_UNDERSTANDING_INDEXES, without
step STEP_LIVE's notice columns and index, without the integrity step's columns and tables, without
the estates step's tables and estate columns).
Regenerate it only while version 1 is unreleased and someone changed a version-1 table:
    python -m tests.data.make_schema_v1
Once version 1 is released, never regenerate: change the schema with a new migration step.
"""
from __future__ import annotations

import re
import sqlite3
import sys
import tempfile
from pathlib import Path

from models import search
from models.estates import COLUMN, ESTATE_TABLES
from models.migrations import (STEP_2_INDEXES, STEP_2_SLIP_COLUMNS, STEP_4_DROPPED_INDEX, STEP_5_USER_COLUMNS,
                               STEP_6_DROPPED_INDEXES, STEP_ENDINGS_COLUMNS, STEP_INTEGRITY_AUDIT_COLUMNS,
                               STEP_INTEGRITY_EVENT_COLUMNS, STEP_INTEGRITY_HANDOVER_COLUMNS, STEP_LIVE_NOTICE_COLUMNS,
                               STEP_UNDERSTANDING_COLUMNS, STEP_UNDERSTANDING_INDEXES, step_2_models, step_3_models,
                               step_calendar_models, step_integrity_models)
from models.notices import NOTICE_INDEXES, OPEN_BY_SLIP
from models.slips import DASHBOARD_INDEXES
from models.connection import close_database, open_database
from playhouse.migrate import make_index_name

TARGET = Path(__file__).with_name("schema_v1.sql")


def version_1_ddl() -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "latest.db"
        open_database(path)
        close_database()
        con = sqlite3.connect(path)
        for (trigger,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
            con.execute(f'DROP TRIGGER "{trigger}"')  # step 8's, all renewing its token
        con.execute('DROP TABLE "rule_stamp"')
        for table in ("moved_block", "estate"):  # the estates step (models.migrations.STEP_ESTATES)
            con.execute(f'DROP TABLE "{table}"')
        present = {name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for table in ESTATE_TABLES:
            if table in present:
                con.execute(f'ALTER TABLE "{table}" DROP COLUMN "{COLUMN}"')
        for model in reversed(step_calendar_models()):
            con.execute(f'DROP TABLE "{model._meta.table_name}"')
        con.execute(f"DROP TABLE {search.VOCABULARY}")  # step STEP_SEARCH's one index, two before it
        con.execute(f"DROP TABLE {search.INDEX}")
        for table, detail in (("search_bigrams", "full"), ("search_chars", "none")):
            con.execute(f"CREATE VIRTUAL TABLE {table} USING fts5(t, content='', columnsize=0, detail={detail}, "
                        f"tokenize='ascii')")
            con.execute(f"CREATE VIRTUAL TABLE {table}_vocab USING fts5vocab({table}, 'row')")
        con.execute('ALTER TABLE "search_doc" DROP COLUMN "facets"')
        for table, columns in STEP_UNDERSTANDING_INDEXES:
            con.execute(f'DROP INDEX "{make_index_name(table, columns)}"')
        for model in reversed(step_integrity_models()):
            con.execute(f'DROP TABLE "{model._meta.table_name}"')
        con.execute(f'DROP INDEX "{make_index_name("audit_event", ("seq",))}"')
        for table, columns in (("slip_event", STEP_INTEGRITY_EVENT_COLUMNS), ("audit_event", STEP_INTEGRITY_AUDIT_COLUMNS),
                               ("handover_note", STEP_INTEGRITY_HANDOVER_COLUMNS)):
            for column in columns:
                con.execute(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
        for model in reversed(step_3_models()):
            con.execute(f'DROP TABLE "{model._meta.table_name}"')
        for model in reversed(step_2_models()):
            con.execute(f'DROP TABLE "{model._meta.table_name}"')
        for table, columns in STEP_2_INDEXES:
            con.execute(f'DROP INDEX "{make_index_name(table, columns)}"')
        for index in DASHBOARD_INDEXES:  # step 4 made these in place of an index of version 1
            con.execute(f'DROP INDEX "{index._name}"')
        for table, columns in (STEP_4_DROPPED_INDEX, *STEP_6_DROPPED_INDEXES):
            quoted = ", ".join(f'"{column}"' for column in columns)
            con.execute(f'CREATE INDEX "{make_index_name(table, columns)}" ON "{table}" ({quoted})')
        for index in NOTICE_INDEXES:
            quoted = ", ".join(f'"{field.column_name}"' for field in index._expressions)
            con.execute(f'DROP INDEX "{index._name}"')
            con.execute(f'CREATE {"UNIQUE " if index._unique else ""}INDEX "{index._name}" ON "notice" ({quoted})')
        for column in STEP_2_SLIP_COLUMNS:
            con.execute(f'ALTER TABLE "slip" DROP COLUMN "{column}"')
        for column in STEP_5_USER_COLUMNS:
            con.execute(f'ALTER TABLE "user" DROP COLUMN "{column}"')
        dropped_whole = {model._meta.table_name for model in (*step_2_models(), *step_3_models())}
        for table, columns in (*STEP_ENDINGS_COLUMNS.items(), *STEP_UNDERSTANDING_COLUMNS.items()):
            if table in dropped_whole:
                continue
            for column in columns:
                con.execute(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
        without_live_columns(con)
        shadow = {name for _schema, name, kind, *_rest in con.execute("PRAGMA table_list") if kind == "shadow"}
        rows = con.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
                           "ORDER BY CASE type WHEN 'table' THEN 0 ELSE 1 END, name").fetchall()
        con.close()
    # a virtual table (FTS5) makes its shadow tables itself
    return "".join(f"{sql};\n" for name, sql in rows if name not in shadow)


def without_live_columns(con: sqlite3.Connection) -> None:
    """The notice table as it was before step STEP_LIVE, its rows and indexes kept: made again
    without the step's columns (SQLite cannot drop a column that a foreign key names). Run it with
    the connection's foreign keys off, or dropping the old table would empty notice_read."""
    (table,) = con.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'notice'").fetchone()
    indexes = [sql for (sql,) in con.execute("SELECT sql FROM sqlite_master WHERE type = 'index' "
                                             "AND tbl_name = 'notice' AND sql IS NOT NULL")]
    for column in STEP_LIVE_NOTICE_COLUMNS:
        table = re.sub(rf', "{column}" (DATETIME|INTEGER|VARCHAR\(\d+\))', "", table)
    table = table.replace(', FOREIGN KEY ("done_by_id") REFERENCES "user" ("id") ON DELETE SET NULL', "")
    con.execute(table.replace('CREATE TABLE "notice"', 'CREATE TABLE "notice_before"', 1))
    kept = ", ".join(f'"{name}"' for _cid, name, *_rest in con.execute('PRAGMA table_info("notice_before")'))
    con.execute(f'INSERT INTO "notice_before" ({kept}) SELECT {kept} FROM "notice"')
    con.execute('DROP TABLE "notice"')
    con.execute('ALTER TABLE "notice_before" RENAME TO "notice"')
    for sql in indexes:
        if OPEN_BY_SLIP._name not in sql:
            con.execute(sql)


def main() -> int:
    TARGET.write_text("-- Slipdesk schema version 1 (SQLite), frozen for tests/domain/test_migrations_step2.py\n"
                      + version_1_ddl(), encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
