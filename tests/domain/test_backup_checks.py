"""The two checks of a database file: the light one every start can afford on a file of any size,
and the full one that reads every page. Real files, really truncated, foreign or overwritten."""
from __future__ import annotations

import sqlite3

import pytest

from models import backup, demo
from models.connection import close_database, open_database


@pytest.fixture
def desk_file(tmp_path):
    """A closed desk file with 40 slips (its write-ahead log merged back by the close)."""
    path = tmp_path / "desk.db"
    open_database(path)
    demo.generate_slips(40, seed=3)
    close_database()
    return path


def overwrite_table(path, table: str) -> None:
    """Overwrite the first page of `table` in place: a bad sector under that table."""
    with sqlite3.connect(path) as conn:
        root, = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
        page_size, = conn.execute("PRAGMA page_size").fetchone()
    conn.close()
    with open(path, "r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\x41" * page_size)


def test_a_sound_file_passes_both_checks(desk_file):
    light, full = backup.light_check(desk_file), backup.check_file(desk_file, quick=True)
    assert light.ok and full.ok
    assert light.schema_version == full.schema_version > 0
    assert full.slips == 40 and light.slips == 0  # counting a million slips is not light


@pytest.mark.parametrize("cut", ["a third", "a page short", "mid-page"])
def test_the_light_check_catches_a_cut_off_file(desk_file, tmp_path, cut):
    data = desk_file.read_bytes()
    keep = {"a third": len(data) // 3, "a page short": len(data) - 4096, "mid-page": len(data) - 1000}[cut]
    truncated = tmp_path / "truncated.db"
    truncated.write_bytes(data[:keep])
    check = backup.light_check(truncated)
    assert not check.ok and "cut off" in check.problem


def test_the_light_check_catches_foreign_empty_missing_and_other_files(desk_file, tmp_path):
    foreign = tmp_path / "foreign.db"
    foreign.write_bytes(b"PK\x03\x04 not a database at all")
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    conn.close()
    problems = {name: backup.light_check(tmp_path / name).problem
                for name in ("foreign.db", "empty.db", "other.db", "missing.db")}
    assert "not a SQLite database" in problems["foreign.db"]
    assert "is empty" in problems["empty.db"]
    assert "not a Slipdesk database" in problems["other.db"]
    assert "does not exist" in problems["missing.db"]


@pytest.mark.parametrize("table", backup.START_TABLES)
def test_the_light_check_catches_damage_in_what_a_desk_reads_first(desk_file, table):
    overwrite_table(desk_file, table)
    assert not backup.light_check(desk_file).ok


def test_damage_deeper_in_the_file_needs_the_full_check(desk_file):
    """The light check's limit, by design: the slips' own pages are read only by the full check
    (which a desk runs behind its window, or before it when due: desktop.shell.backups)."""
    overwrite_table(desk_file, "slip")
    assert backup.light_check(desk_file).ok
    full = backup.check_file(desk_file, quick=True)
    assert not full.ok and "malformed" in full.problem


def test_a_full_check_stopped_through_its_watcher_says_so(desk_file):
    """A desk closing mid-check interrupts it from the UI thread; here the connection's own
    progress handler stops it as deterministically (both end the statement with SQLITE_INTERRUPT)."""
    check = backup.check_file(desk_file, quick=True, watch=lambda conn: conn.set_progress_handler(lambda: 1, 1))
    assert not check.ok and "interrupted" in check.problem
