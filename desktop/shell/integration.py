"""Slipdesk as a citizen of the desktop: its version, its icon on windows and the taskbar, and on
Linux the .desktop entry that puts it in the applications menu under its own icon.

A desk installed with pip lives in a virtual environment (the README's commands), so the menu
entry is written by `slipdesk --add-to-menu`, naming the `slipdesk` command that wrote it; the
one-folder build (installer.spec) ships the same entry and icon beside its executable.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
from importlib import resources
from pathlib import Path

DESKTOP_FILE_NAME = "slipdesk"  # the .desktop entry's name: Wayland matches windows to it
ICON_NAME = "slipdesk-app"  # desktop/assets/slipdesk-app.{svg,png,ico}


def version() -> str:
    """The installed version ("development" for a source tree that was never installed)."""
    from importlib import metadata  # here: reading the metadata costs a start that does not ask ~5 ms

    try:
        return metadata.version("slipdesk")
    except metadata.PackageNotFoundError:
        return "development"


def version_line(program: str) -> str:
    """What `--version` prints: the program, its version and the Python it runs on."""
    return f"{program} {version()} (Python {sys.version.split()[0]})"


class VersionAction(argparse.Action):
    """`--version`: print `version_line(prog)` and exit, the version read only when asked."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):
        super().__init__(option_strings, dest=dest, default=default, nargs=0,
                         help=help or "print the version and exit")

    def __call__(self, parser, namespace, values, option_string=None):
        print(version_line(parser.prog))  # on standard output, as argparse's own version action
        parser.exit()


def icon_path(suffix: str = "png") -> Path:
    return Path(str(resources.files("desktop") / "assets" / f"{ICON_NAME}.{suffix}"))


def application_icon():
    """The application's icon for every window (and so the taskbar): the 256-pixel picture, scaled
    down as needed (the SVG would load Qt's SVG icon engine into every start)."""
    from PySide6.QtGui import QIcon

    return QIcon(str(icon_path("png")))


def desktop_entry(command: str, icon: str) -> str:
    """The freedesktop.org entry that starts `command` (a full path) with `icon`."""
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.5",
        "Name=Slipdesk",
        "Name[zh_CN]=投诉处理单",
        "GenericName=Complaint handling slips",
        "GenericName[zh_CN]=物业服务中心投诉处理",
        "Comment=Handling slips (处理单) for the service desk of a residential estate",
        "Comment[zh_CN]=物业服务中心前台的投诉处理单",
        f"Exec={_quoted(command)}",
        f"Icon={icon}",
        "Terminal=false",
        "Categories=Office;",
        f"StartupWMClass={DESKTOP_FILE_NAME}",
        "StartupNotify=true",
        "",
    ])


def _quoted(path: str) -> str:
    """A path as the Exec key wants it: quoted when it has spaces or the reserved characters."""
    if any(ch in path for ch in ' \t"\'\\><~|&;$*?#()`'):
        return '"' + path.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$") + '"'
    return path


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def add_to_menu(command: str | None = None) -> Path:
    """Write the applications-menu entry and its icon for this user (Linux); the entry's path."""
    command = command or _own_command()
    icons = data_home() / "icons" / "hicolor"
    for folder, suffix in (("256x256", "png"), ("scalable", "svg")):
        target = icons / folder / "apps" / f"{DESKTOP_FILE_NAME}.{suffix}"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(icon_path(suffix), target)
    entry = data_home() / "applications" / f"{DESKTOP_FILE_NAME}.desktop"
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_text(desktop_entry(command, DESKTOP_FILE_NAME), encoding="utf-8")
    return entry


def _own_command() -> str:
    """The `slipdesk` command of this installation: the script beside this Python (a virtual
    environment's bin/), else the frozen executable, else the command this process was started as."""
    if getattr(sys, "frozen", False):
        return sys.executable
    beside = Path(sys.executable).with_name("slipdesk")
    found = beside if beside.is_file() else shutil.which("slipdesk")
    return str(found or Path(sys.argv[0]).resolve())
