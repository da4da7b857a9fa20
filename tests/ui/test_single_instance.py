"""One desk per database: a second `slipdesk` on the same database brings the first one's window
forward and ends; on another database it starts as usual."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow

from desktop.shell import single_instance

ROOT = Path(__file__).resolve().parents[2]


def second_start(db: Path, *extra: str) -> subprocess.Popen:
    """`slipdesk --db DB` started as a person would start it again, offscreen."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), LANG="C")
    return subprocess.Popen([sys.executable, "-m", "desktop", "--db", str(db), *extra], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture
def first_desk(qtbot, tmp_path):
    """A desk running on desk.db, its main window minimized behind other work."""
    database = tmp_path / "desk.db"
    instance = single_instance.Instance(single_instance.instance_key(str(database)))
    window = QMainWindow()
    qtbot.addWidget(window)
    instance.window = window
    window.show()
    window.showMinimized()
    yield database, instance, window
    instance.close()


def test_a_second_start_on_the_same_database_brings_the_first_forward(qtbot, first_desk):
    database, instance, window = first_desk
    assert window.isMinimized()
    with qtbot.waitSignal(instance.asked, timeout=30000):
        second = second_start(database)
    out, err = second.communicate(timeout=60)
    assert second.returncode == 0, err
    assert "already open on this database" in out
    assert not window.isMinimized() and window.isVisible()
    assert not database.exists()  # the second start never opened (or created) the file


def test_the_same_file_by_another_path_is_the_same_database(tmp_path, first_desk):
    database, _instance, _window = first_desk
    other_path = tmp_path / "sub" / ".." / database.name
    assert single_instance.instance_key(str(other_path)) == single_instance.instance_key(str(database))
    assert single_instance.instance_key(str(tmp_path / "other.db")) != single_instance.instance_key(str(database))


def test_a_start_on_another_database_is_not_handed_over(qtbot, first_desk, tmp_path):
    _database, instance, _window = first_desk
    asked = []
    instance.asked.connect(lambda: asked.append(True))
    assert not single_instance.hand_over(single_instance.instance_key(str(tmp_path / "other.db")))
    qtbot.wait(50)
    assert asked == []


@pytest.mark.skipif(sys.platform == "win32",
                    reason="a Unix socket file left behind; Windows' pipes go with their process")
def test_a_socket_left_by_a_crashed_desk_is_taken_over(qtbot, tmp_path):
    import socket

    from PySide6.QtCore import QDir

    key = single_instance.instance_key(str(tmp_path / "crashed.db"))
    left = Path(QDir.tempPath()) / key
    dead = socket.socket(socket.AF_UNIX)
    dead.bind(str(left))  # the file of a desk that died: bound once, listened on by nobody now
    dead.close()
    assert left.exists() and not single_instance.hand_over(key)
    taken = single_instance.Instance(key)
    try:
        assert taken.server.isListening()
        assert single_instance.hand_over(key)
    finally:
        taken.close()
