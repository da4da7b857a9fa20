"""Slipdesk as a citizen of the desktop: `--version` on both commands, the applications-menu entry
with its icon, and a native crash that leaves its trace in the log."""
from __future__ import annotations

import configparser
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.shell import integration

ROOT = Path(__file__).resolve().parents[2]


def run(*argv: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *argv], capture_output=True, text=True, timeout=120, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", **(env or {})})


@pytest.mark.parametrize("program, module", [("slipdesk", "desktop"), ("slipdesk-admin", "desktop.commands.admin")])
def test_both_commands_tell_their_version(program, module):
    done = run("-m", module, "--version")
    assert done.returncode == 0
    assert done.stdout.startswith(f"{program} {integration.version()} (Python ")


def test_the_menu_entry_starts_this_installation_with_its_icon(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    command = tmp_path / "my desk" / "bin" / "slipdesk"
    entry = integration.add_to_menu(str(command))
    assert entry == tmp_path / "share" / "applications" / "slipdesk.desktop"
    parsed = configparser.ConfigParser(interpolation=None)
    parsed.optionxform = str
    parsed.read(entry, encoding="utf-8")
    desktop = parsed["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Name"] == "Slipdesk" and desktop["Name[zh_CN]"]
    assert desktop["Exec"] == f'"{command}"'  # quoted: the path has a space
    assert desktop["Icon"] == "slipdesk" and desktop["StartupWMClass"] == integration.DESKTOP_FILE_NAME
    icon = tmp_path / "share" / "icons" / "hicolor" / "256x256" / "apps" / "slipdesk.png"
    assert icon.read_bytes() == integration.icon_path("png").read_bytes()
    assert (tmp_path / "share" / "icons" / "hicolor" / "scalable" / "apps" / "slipdesk.svg").is_file()


def test_the_application_icon_is_drawn_at_every_size(qapp):
    icon = integration.application_icon()
    for size in (16, 32, 48, 256):
        assert not icon.pixmap(size, size).isNull()


CRASH = ("from desktop.shell import logs; logs.setup(); logs.catch_native_crashes(); "
         "import faulthandler; faulthandler._sigsegv()")
START = "from desktop.shell import logs; logs.setup(); logs.catch_native_crashes(); print(logs.log_path())"


def test_a_native_crash_leaves_its_stack_in_the_log_at_the_next_start(tmp_path):
    env = {"SLIPDESK_DATA_DIR": str(tmp_path / "data")}
    crashed = run("-c", CRASH, env=env)
    assert crashed.returncode != 0  # killed by SIGSEGV, nothing of Python's own handling ran
    left = list((tmp_path / "data" / "logs").glob("crash-*.log"))
    assert len(left) == 1 and "Segmentation fault" in left[0].read_text(encoding="utf-8")
    started = run("-c", START, env=env)
    assert started.returncode == 0
    log = Path(started.stdout.strip()).read_text(encoding="utf-8")
    assert "ended in a native crash" in log and "Segmentation fault" in log and "<string>" in log
    assert not list((tmp_path / "data" / "logs").glob("crash-*.log"))  # told once; a clean end leaves none
