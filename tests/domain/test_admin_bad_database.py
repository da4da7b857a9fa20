"""Admin commands given a truncated, foreign, empty or missing database file: a clear message on
stderr (what is wrong, that nothing was changed, how to restore a backup), exit status 2, and the
file exactly as it was. A command that creates a database (demo) still creates a missing one."""
from __future__ import annotations

import sqlite3

import pytest

from desktop.commands.admin import main as admin
from models import demo
from models.connection import close_database, open_database


@pytest.fixture(scope="module")
def sound_bytes(tmp_path_factory) -> bytes:
    path = tmp_path_factory.mktemp("sound") / "desk.db"
    open_database(path)
    demo.generate_slips(20, seed=5)
    close_database()
    return path.read_bytes()


def _other_sqlite(path) -> bytes:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    conn.close()
    return path.read_bytes()


BAD = {
    "truncated": (lambda sound, tmp: sound[: len(sound) // 3], "cut off"),
    "foreign": (lambda sound, tmp: b"PK\x03\x04 not a database at all" * 50, "not a SQLite database"),
    "other sqlite": (lambda sound, tmp: _other_sqlite(tmp / "other.sqlite"), "not a Slipdesk database"),
    "empty": (lambda sound, tmp: b"", "is empty"),
}


def _commands(path: str, tmp_path) -> list[list[str]]:
    csv = tmp_path / "residents.csv"
    csv.write_text("房号,姓名\n3-2-1201,张三\n", encoding="utf-8")
    return [["verify", "--db", path], ["backup", "--db", path, "-o", str(tmp_path / "copy.db")],
            ["print", "slip", "TS-2026-000001", "--db", path, "-o", str(tmp_path / "x.pdf")],
            ["report", "--period", "2026-11", "--db", path, "-o", str(tmp_path / "r.pdf")],
            ["import", str(csv), "--db", path], ["demo", "--db", path, "--slips", "3"]]


@pytest.mark.parametrize("kind", BAD)
def test_a_broken_file_is_refused_by_every_command_and_left_alone(sound_bytes, tmp_path, capsys, kind):
    make, problem = BAD[kind]
    path = tmp_path / "desk.db"
    content = make(sound_bytes, tmp_path)
    path.write_bytes(content)
    for argv in _commands(str(path), tmp_path):
        if kind == "empty" and argv[0] == "demo":
            continue  # an empty file is a new database to demo: SQLite starts it afresh
        assert admin(argv) == 2, argv
        err = capsys.readouterr().err
        assert problem in err and "Nothing was changed" in err, (argv, err)
        assert f"slipdesk-admin restore BACKUP --db {path}" in err
        assert "unexpected error" not in err
        assert path.read_bytes() == content
    assert not (tmp_path / "copy.db").exists() and not (tmp_path / "x.pdf").exists()


def test_the_message_speaks_chinese_on_a_chinese_system(sound_bytes, tmp_path, capsys, monkeypatch):
    path = tmp_path / "desk.db"
    path.write_bytes(sound_bytes[:5000])
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert admin(["verify", "--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert "文件被截断了" in err and "未做任何改动" in err and "slipdesk-admin restore 备份文件" in err


def test_a_missing_file_is_refused_by_commands_that_read_one(tmp_path, capsys):
    path = tmp_path / "typo.db"
    for argv in _commands(str(path), tmp_path)[:-1]:
        assert admin(argv) == 2, argv
        assert "does not exist: nothing was done" in capsys.readouterr().err
        assert not path.exists()


def test_demo_still_creates_a_new_database_and_restore_a_new_target(sound_bytes, tmp_path, capsys):
    fresh = tmp_path / "new" / "demo.db"
    assert admin(["demo", "--db", str(fresh), "--slips", "3"]) == 0
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    assert admin(["demo", "--db", str(empty), "--slips", "3"]) == 0
    backup = tmp_path / "backup.db"
    backup.write_bytes(sound_bytes)
    target = tmp_path / "restored" / "desk.db"
    assert admin(["restore", str(backup), "--db", str(target)]) == 0
    assert admin(["verify", "--db", str(target)]) == 0


def test_a_sound_file_opens(sound_bytes, tmp_path, capsys):
    path = tmp_path / "desk.db"
    path.write_bytes(sound_bytes)
    assert admin(["verify", "--db", str(path)]) == 0
    assert "the history of all 20 slips verifies" in capsys.readouterr().out


def test_a_fault_before_the_arguments_are_read_is_a_line_not_a_traceback(monkeypatch, capsys):
    """A missing translation catalogue (a broken install) fails while the parser is built: the
    console gets one line naming the log, never Python's own error about the handler."""
    from desktop.commands import admin as admin_module

    def broken_parser():
        raise FileNotFoundError(2, "No such file or directory", "models/catalogue/zh_CN.json")

    monkeypatch.setattr(admin_module, "build_parser", broken_parser)
    assert admin(["verify"]) == 2
    said = capsys.readouterr().err
    assert "models/catalogue/zh_CN.json" in said and "Traceback" not in said
