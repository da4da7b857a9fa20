"""Schema step 2: a version-1 database opens in this Slipdesk, upgraded, with its data kept.

The version-1 database is built from tests/data/schema_v1.sql, the frozen DDL of version 1 on
SQLite; the same step also runs on PostgreSQL (a fresh database taken back to version 1).
"""
from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from playhouse.migrate import make_index_name

from models import authority, history, intake, migrations, motives, satisfaction
from models.catalog import Category
from models.db import database, is_sqlite
from models.slips import Slip
from models.connection import close_database, open_database
from models.vocab import Channel
from tests.data.make_schema_v1 import TARGET, version_1_ddl

RECEIVED = dt.datetime(2026, 11, 2, 9, 30)
PLACEHOLDER_BY_TYPE = {"INTEGER": 0, "SMALLINT": 0, "REAL": 0.0, "DECIMAL": 0, "BLOB": b"",
                       "DATETIME": "2026-11-02 09:30:00", "DATE": "2026-11-02", "TIME": "09:30:00"}


def _statements(ddl: str) -> list[str]:
    body = "\n".join(line for line in ddl.splitlines() if not line.startswith("--"))
    return sorted(s.strip() for s in body.split(";\n") if s.strip())


def test_frozen_version_1_is_todays_schema_without_step_2():
    frozen = _statements(TARGET.read_text(encoding="utf-8"))
    today = _statements(version_1_ddl())
    assert frozen == today, (
        "tests/data/schema_v1.sql no longer matches the version-1 tables. While version 1 is "
        "unreleased, regenerate it: python -m tests.data.make_schema_v1 — once released, change the "
        "schema only by adding a migration step.")


def _insert(con: sqlite3.Connection, table: str, **values) -> int:
    """A row with `values`; other NOT NULL columns get a plain value of their type (the DDL has no
    defaults: peewee fills them in Python)."""
    for _cid, name, decl, notnull, _default, pk in con.execute(f'PRAGMA table_info("{table}")'):
        if notnull and not pk and name not in values:
            values[name] = PLACEHOLDER_BY_TYPE.get(decl.split("(")[0].upper(), "")
    columns = ", ".join(f'"{c}"' for c in values)
    marks = ", ".join("?" for _ in values)
    return con.execute(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', list(values.values())).lastrowid


def _version_1_file(path: Path) -> None:
    """A version-1 desk's file: a clerk, a category, a slip with its two history events."""
    con = sqlite3.connect(path)
    con.executescript(TARGET.read_text(encoding="utf-8"))
    _insert(con, "schema_version", id=1, version=1)
    clerk = _insert(con, "user", username="clerk", display_name="张小梅", role="clerk", password_hash="x",
                    active=1, created_at="2026-10-01 08:00:00")
    category = _insert(con, "category", code="noise", name_zh="噪音扰民", name_en="Noise", sort=0, active=1)
    number = "TS-2026-000001"
    slip = _insert(con, "slip", number=number, year=2026, seq=1, channel="onsite", status="in_handling",
                   received_at=RECEIVED.isoformat(sep=" "), received_by_id=clerk, complainant_name="张三", complainant_title="mr",
                   unit_code="3-2-1201", building=3, complaint="楼上每天晚上拖椅子，说了好几次了，再不管我就打12345。",
                   category_id=category, deadline="2026-11-03 17:00:00", version=2)
    prev = history.GENESIS
    for seq, (action, to_status) in enumerate((("created", "received"), ("transition", "in_handling")), start=1):
        at = RECEIVED + dt.timedelta(minutes=seq)
        digest = history._digest(prev, number, seq, at, clerk, "张小梅", action, "", to_status, "", "{}")
        _insert(con, "slip_event", slip_id=slip, seq=seq, at=at.isoformat(sep=" "), user_id=clerk, actor="张小梅",
                action=action, to_status=to_status, data="{}", prev_hash=prev, hash=digest)
        prev = digest
    con.execute("UPDATE slip SET history_head = ?, event_count = 2 WHERE id = ?", (prev, slip))
    con.execute("INSERT INTO slip_counter (year, last) VALUES (2026, 1)")
    con.commit()
    con.close()


def _tables(con: sqlite3.Connection, *kinds: str) -> list[str]:
    """The tables of these kinds ("table", "virtual"; not FTS shadow tables), by name."""
    return sorted(name for _schema, name, kind, *_rest in con.execute("PRAGMA table_list")
                  if kind in kinds and not name.startswith("sqlite_"))


def _contents(path: Path) -> dict[str, list[tuple]]:
    con = sqlite3.connect(path)
    tables = _tables(con, "table")
    found = {t: con.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall() for t in tables}
    con.close()
    return found


def _schema(path: Path) -> dict[str, object]:
    con = sqlite3.connect(path)
    tables = _tables(con, "table", "virtual")
    shape: dict[str, object] = {}
    for table in tables:
        shape[table] = sorted((name, decl, notnull) for _c, name, decl, notnull, _d, _pk
                              in con.execute(f'PRAGMA table_info("{table}")'))
        shape[f"{table} indexes"] = sorted(name for _s, name, *_rest in con.execute(f'PRAGMA index_list("{table}")'))
    con.close()
    return shape


def test_version_1_file_is_upgraded_to_the_latest_keeping_its_data(tmp_path, frozen_now):
    old = tmp_path / "desk-v1.db"
    _version_1_file(old)
    before = _contents(old)

    open_database(old)
    try:
        assert migrations.current_version() == migrations.LATEST
        slip = Slip.get(Slip.number == "TS-2026-000001")
        assert (slip.complainant_name, slip.unit_code, slip.version) == ("张三", "3-2-1201", 2)
        assert slip.motive_type is None and slip.satisfaction is None
        assert history.verify_slip(slip) is None
        assert motives.MotiveRule.select().count() == len(motives.DEFAULT_RULES)

        # the new columns and tables work on the upgraded file
        suggestion = motives.suggest(slip.complaint)
        assert suggestion.kind == "exposure"
        slip = motives.confirm(slip.id, slip.received_by, motives.Choice.of(suggestion), suggestion,
                               expected_version=2)
        assert slip.motive_kind == "exposure" and slip.version == 3
        assert history.verify_slip(slip) is None
    finally:
        close_database()

    after = _contents(old)
    for table, rows in before.items():
        if table in ("schema_version", "slip", "slip_event", "search_doc", "audit_event", "setting"):
            continue  # search_doc: a derived index; the integrity step seals the slips and the desk's chain
        width = len(rows[0]) if rows else 0  # a later step's columns come last (step 5: user)
        kept = [row for row in after[table] if table != "escalation_signal" or row[1] != authority.MISCONDUCT]
        assert [row[:width] for row in kept] == rows, f"{table} changed in the upgrade"  # the understanding step adds a signal
    assert [row[: len(before["slip_event"][0])] for row in after["slip_event"][:2]] == before["slip_event"]
    assert after["schema_version"] == [(1, migrations.LATEST)]

    fresh = tmp_path / "fresh.db"
    open_database(fresh)
    close_database()
    assert _schema(old) == _schema(fresh), "the upgraded file differs from a new one"


def _back_to_version_1() -> None:
    """Undo steps 3 and 2 on the open database (either backend), as a version-1 desk would have it."""
    for model in reversed(migrations.step_3_models()):
        database.execute_sql(f'DROP TABLE "{model._meta.table_name}"')
    for model in reversed(migrations.step_2_models()):
        database.execute_sql(f'DROP TABLE "{model._meta.table_name}"')
    for table, columns in migrations.STEP_2_INDEXES:
        database.execute_sql(f'DROP INDEX "{make_index_name(table, columns)}"')
    for column in migrations.STEP_2_SLIP_COLUMNS:
        database.execute_sql(f'ALTER TABLE "slip" DROP COLUMN "{column}"')
    database.execute_sql('UPDATE "schema_version" SET "version" = 1')


def test_step_2_upgrades_a_version_1_database_on_each_backend(db_url, users, frozen_now):
    slip = intake.save(intake.Intake(
        customer_request="希望尽快处理。",
        channel=Channel.ONSITE, complainant_name="王女士", complainant_title="ms", unit_code="5-1-302",
        complaint="物业费多收了，要求退费，不退我就找记者曝光。", read_back=True,
        category_id=Category.get(Category.code == "fees").id, deadline=frozen_now + dt.timedelta(days=1)),
        users["clerk"])
    kept_columns = ("number", "complainant_name", "complaint", "version")  # its head moves on: the integrity seal
    kept = Slip.select(*(getattr(Slip, c) for c in kept_columns)).where(Slip.id == slip.id).tuples().get()
    with database.atomic():
        _back_to_version_1()
    close_database()

    open_database(db_url)
    assert migrations.current_version() == migrations.LATEST
    again = Slip.get_by_id(slip.id)
    assert tuple(getattr(again, c) for c in kept_columns) == kept
    assert history.verify_slip(again) is None
    suggestion = motives.suggest(again.complaint)
    assert (suggestion.type, suggestion.kind) == ("scheming", "exposure")
    assert "redress" in {m.value for m in suggestion.matches}
    motives.confirm(again.id, users["clerk"], motives.Choice("compensation", "redress", None, ("rational",)),
                    suggestion, expected_version=again.version)
    assert satisfaction.ReturnVisit.select().count() == 0
    if is_sqlite():
        assert {"slip_deadline", "slip_closed_at"} <= {i.name for i in database.get_indexes("slip")}
