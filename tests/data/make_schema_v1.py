"""Write tests/data/schema_v1.sql: the SQLite DDL of schema version 1, frozen for the upgrade test.

Version 1 is today's schema without what later steps added (models.migrations STEP_2_*, step_3_models,
step 4's indexes, with the index step 4 dropped, STEP_5_USER_COLUMNS, with the indexes step 6 dropped and those step 7 made partial whole again,
without step 8's token table and its triggers, without the integrity step's columns and tables).
Regenerate it only while version 1 is unreleased and someone changed a version-1 table:
    python -m tests.data.make_schema_v1
Once version 1 is released, never regenerate: change the schema with a new migration step.
"""
from __future__ import annotations

import sqlite3
import sys
import tempfile
from pathlib import Path

from models.migrations import (STEP_2_INDEXES, STEP_2_SLIP_COLUMNS, STEP_4_DROPPED_INDEX, STEP_5_USER_COLUMNS,
                               STEP_6_DROPPED_INDEXES, STEP_INTEGRITY_AUDIT_COLUMNS, STEP_INTEGRITY_EVENT_COLUMNS,
                               STEP_INTEGRITY_HANDOVER_COLUMNS, step_2_models, step_3_models, step_integrity_models)
from models.notices import NOTICE_INDEXES
from models.slips import DASHBOARD_INDEXES
from models.store import close_database, open_database
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
        shadow = {name for _schema, name, kind, *_rest in con.execute("PRAGMA table_list") if kind == "shadow"}
        rows = con.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
                           "ORDER BY CASE type WHEN 'table' THEN 0 ELSE 1 END, name").fetchall()
        con.close()
    # a virtual table (FTS5) makes its shadow tables itself
    return "".join(f"{sql};\n" for name, sql in rows if name not in shadow)


def main() -> int:
    TARGET.write_text("-- Slipdesk schema version 1 (SQLite), frozen for tests/domain/test_migrations_step2.py\n"
                      + version_1_ddl(), encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
