"""Re-make the README screenshots from a fresh demo database: `python tools/screenshots.py [-o DIR]`.

Each shot is a function taking the signed-in window and returning the widget to grab; add a
function to SHOTS for a new screen. The clock is frozen (Tuesday 2026-11-24 10:00) and the demo
seed fixed, so the pictures only change when the screens do. Runs offscreen; with DISPLAY set
(e.g. Xvfb) it renders through the real window system instead.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path
from typing import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY") else "xcb")

from PySide6.QtCore import QCoreApplication, QEventLoop  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

MOMENT = dt.datetime(2026, 11, 24, 10, 0)
SIZE = (1440, 900)


def settle() -> None:
    for _ in range(5):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def main_window(window) -> QWidget:
    window.resize(*SIZE)
    return window


def intake(channel: str, fill: Callable | None = None) -> Callable:
    def shot(window) -> QWidget:
        form_window = window.new_slip(channel)
        if fill:
            fill(form_window.form)
        return form_window
    return shot


def onsite_typed(form) -> None:
    """An on-site complaint half-way: calmed, resident picked, complaint typed, not read back yet."""
    from models.directory import Resident

    form.editors["calmed"].setChecked(True)
    form.editors["quiet_place"].setChecked(True)
    form.pick_resident(Resident.select().order_by(Resident.id).first().id)
    form.editors["complaint"].setPlainText("楼上每天晚上十一点以后还在拖椅子、小孩跑跳,吵得孩子睡不着,"
                                           "已经上去说过好几次了,希望物业出面协调。")
    category = form.editors["category_id"]
    category.setCurrentIndex(category.findData(_category("noise")))


def slip_with_history(window) -> QWidget:
    from models.slips import Slip
    from models.vocab import Status

    slip = Slip.select().where(Slip.status == Status.CLOSED).order_by(Slip.id.desc()).first()
    return window.open_slip(slip.id)


def _category(code: str) -> int:
    from models.catalog import Category

    return Category.get(Category.code == code).id


SHOTS: dict[str, Callable] = {
    "main": main_window,
    "intake-onsite": intake("onsite", onsite_typed),
    "intake-phone": intake("phone"),
    "intake-book": intake("book"),
    "intake-letter": intake("letter"),
    "slip": slip_with_history,
}


def run(out: Path, lang: str, only: list[str]) -> list[Path]:
    from desktop import intake_window, style
    from desktop.app import install_translators
    from desktop.main_window import MainWindow
    from desktop.session import Session
    from models import clock, demo, settings
    from models.accounts import authenticate
    from models.store import close_database, open_database

    work = Path(tempfile.mkdtemp(prefix="slipdesk-shots-"))
    os.environ["SLIPDESK_SETTINGS_DIR"] = str(work / "settings")  # no remembered layout from a real desk
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_translators(app, lang)
    style.apply(app)
    clock.freeze(MOMENT)
    open_database(work / "demo.db")
    demo.generate_slips(300)
    settings.put("demo.database", True)
    session = Session(lang, demo=True)
    session.sign_in(authenticate("clerk", demo.DEMO_PASSWORD))
    intake_window.ask_discard = lambda parent: True  # typed demo forms close without asking
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, shot in SHOTS.items():
        if only and name not in only:
            continue
        window = MainWindow(session)
        window.resize(*SIZE)
        window.show()
        settle()
        widget = shot(window)
        widget.show()
        settle()
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        written.append(path)
        for child in (widget, window):
            child.close()
        settle()
    close_database()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--out", type=Path, default=Path(__file__).resolve().parent.parent / "docs" / "screenshots")
    parser.add_argument("--lang", choices=("zh", "en"), default="en")
    parser.add_argument("only", nargs="*", help=f"shots to make (default all: {', '.join(SHOTS)})")
    args = parser.parse_args()
    for path in run(args.out, args.lang, args.only):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
