"""Re-make the README screenshots from a fresh demo database: `python tools/screenshots.py [-o DIR]`.

Each shot is a function taking the signed-in main window and returning the widget to grab (or
the PNG it wrote itself, as the printed letter does); add a `Shot` to SHOTS for a new screen,
with the role it is seen as. The clock is frozen (Tuesday 2026-11-24 10:00) and the demo seed
fixed, so the pictures only change when the screens do. Runs offscreen; with DISPLAY set (e.g.
Xvfb) it renders through the real window system instead. The printed letter needs `pdftoppm`
(poppler-utils).
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY") else "xcb")

from PySide6.QtCore import QCoreApplication, QEventLoop  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

MOMENT = dt.datetime(2026, 11, 24, 10, 0)
SIZE = (1366, 768)  # a common laptop screen: what fits here fits the desk
FORM_SIZE = (1180, 768)
LETTER_DPI = 90


@dataclass(frozen=True)
class Shot:
    take: Callable  # (main window, out folder) -> the widget to grab, or the Path of a PNG written
    role: str = "clerk"
    size: tuple[int, int] | None = None  # a window of its own is grabbed at this size


def settle(rounds: int = 5) -> None:
    for _ in range(rounds):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def wait_for(condition: Callable[[], bool], rounds: int = 200) -> None:
    """Let background work (a review being counted) finish before the picture is taken."""
    for _ in range(rounds):
        if condition():
            return
        settle(1)


def main_window(window, _out) -> QWidget:
    return window


def page(key: str, ready: Callable[[QWidget], bool] | None = None) -> Callable:
    def shot(window, _out) -> QWidget:
        shown = window.show_page(key)
        if ready:
            wait_for(lambda: ready(shown))
        return window
    return shot


def settings_tab(object_name: str) -> Callable:
    """A tab of the manager's settings screen, found by its object name."""
    def shot(window, _out) -> QWidget:
        from PySide6.QtWidgets import QTabWidget

        shown = window.show_page("settings_authority")
        tabs = shown.findChild(QTabWidget)
        tabs.setCurrentWidget(shown.findChild(QWidget, object_name))
        settle()
        return window
    return shot


def intake(channel: str, fill: Callable | None = None) -> Callable:
    def shot(window, _out) -> QWidget:
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
    form.editors["complaint"].setPlainText("楼上每天晚上十一点以后还在拖椅子、小孩跑跳，吵得孩子睡不着，"
                                           "已经上去说过好几次了，希望物业出面协调。")
    category = form.editors["category_id"]
    category.setCurrentIndex(category.findData(_category("noise")))


def letter_with_scan(form) -> None:
    """A letter's scan attached (dropped from the scanner's folder), its pages previewed: for the
    picture, a letter sheet the desk itself prints stands in for the customer's letter."""
    from models.intake import LetterScan
    from models.slips import Slip
    from models.vocab import Channel
    from printouts.kinds import make

    slip = Slip.select().where(Slip.channel == Channel.LETTER).order_by(Slip.id).first()
    form.editors["letter_scans"].add_scan(LetterScan("来信扫描件.pdf", make("sheet", slip, "zh").pdf))


def slip_with_history(window, _out) -> QWidget:
    from models.slips import Slip
    from models.vocab import Status

    slip = Slip.select().where(Slip.status == Status.CLOSED).order_by(Slip.id.desc()).first()
    return window.open_slip(slip.id)


def import_with_problems(window, out: Path) -> QWidget:
    """The manager importing a directory file with two mistakes: the report says where."""
    from desktop.intake.directory_import import ImportDialog

    source = Path(tempfile.mkdtemp(prefix="slipdesk-shots-")) / "住户名单.csv"
    source.write_text("楼栋,单元,房号,业主姓名,称呼,手机\n3,2,1201,张三,先生,13812345678\n3,2,1202,李四,女士,1391234\n"
                      "5,1,302,王五,,021-58881234\n5,一,303,赵六,先生,13700001111\n6,1,101,钱七,女士,13600002222\n",
                      encoding="utf-8")
    dialog = ImportDialog(window.session, window)
    dialog.load(source)
    wait_for(lambda: dialog.task is None and dialog.plan is not None)
    return dialog


def printed_letter(window, out: Path) -> Path:
    """Page 1 of a reply letter as printed (the text approved by the person in charge), as a PNG."""
    from models import replies
    from models.accounts import User
    from models.errors import SlipdeskError
    from models.slips import Slip
    from models.vocab import OPEN_STATUSES, Channel
    from printouts.data import letter_data
    from printouts.kinds import make

    slip = (Slip.select().where((Slip.channel == Channel.LETTER) & Slip.status.in_(list(OPEN_STATUSES))
                                & (Slip.deadline > MOMENT))  # a promise still ahead: the letter names it
            .order_by(Slip.id).first())
    clerk, supervisor = User.get(User.username == "clerk"), User.get(User.username == "supervisor")
    try:
        text = "\n\n".join(letter_data(slip, "zh").paragraphs)
        letter = replies.save_letter(slip.id, clerk, text, expected_version=Slip.get_by_id(slip.id).version)
        replies.submit_letter(slip.id, clerk, expected_version=Slip.get_by_id(slip.id).version)
        replies.approve_letter(letter.id, supervisor, expected_version=Slip.get_by_id(slip.id).version,
                               flags_read=True)
    except SlipdeskError as refused:
        print(f"screenshots: the letter prints as a draft ({refused})", file=sys.stderr)
    pdf = Path(tempfile.mkdtemp(prefix="slipdesk-shots-")) / "letter.pdf"
    pdf.write_bytes(make("letter", Slip.get_by_id(slip.id), "zh").pdf)
    target = out / "letter"
    subprocess.run([shutil.which("pdftoppm") or "pdftoppm", "-png", "-r", str(LETTER_DPI), "-f", "1", "-l", "1",
                    "-singlefile", str(pdf), str(target)], check=True)
    return target.with_suffix(".png")


def confirm_decision(window, _out) -> QWidget:
    """The person in charge deciding to send a slip up: the rule, the recipient, what goes with it."""
    queue = window.show_page("approvals")
    settle()
    dialog = queue.confirm()
    dialog.recipient.setEditText("服务管理部 赵经理")
    dialog.note.setPlainText("业主提出赔偿要求，请于三个工作日内答复处理意见。")
    return dialog


def _category(code: str) -> int:
    from models.catalog import Category

    return Category.get(Category.code == code).id


SHOTS: dict[str, Shot] = {
    "main": Shot(main_window),
    "slips": Shot(page("slips")),
    "intake-onsite": Shot(intake("onsite", onsite_typed), size=FORM_SIZE),
    "intake-phone": Shot(intake("phone"), size=FORM_SIZE),
    "intake-book": Shot(intake("book"), size=FORM_SIZE),
    "intake-letter": Shot(intake("letter", letter_with_scan), size=FORM_SIZE),
    "slip": Shot(slip_with_history, size=SIZE),
    "approvals": Shot(page("approvals"), role="supervisor"),
    "confirm": Shot(confirm_decision, role="supervisor", size=(720, 640)),
    "upper": Shot(page("upper"), role="upper"),
    "review": Shot(page("reports", ready=lambda p: p.review is not None), role="supervisor"),
    "residents": Shot(page("directory"), role="manager"),
    "notices": Shot(page("notices")),
    "users": Shot(page("users"), role="manager"),
    "letterhead": Shot(settings_tab("letterheadTab"), role="manager"),
    "import": Shot(import_with_problems, role="manager", size=(1100, 700)),
    "letter": Shot(printed_letter),
}


def run(out: Path, lang: str, only: list[str]) -> list[Path]:
    from desktop.shell import style
    from desktop.shell.app import install_translators
    from desktop.shell.main_window import MainWindow
    from desktop.shell.start_up import keep_singletons_alive
    from desktop.shell.session import Session
    from forms import asking
    from models import clock, demo, i18n, settings
    from models.accounts import authenticate
    from models.connection import close_database, open_database

    work = Path(tempfile.mkdtemp(prefix="slipdesk-shots-"))
    os.environ["SLIPDESK_SETTINGS_DIR"] = str(work / "settings")  # no remembered layout from a real desk
    app = QApplication.instance() or QApplication(sys.argv[:1])
    keep_singletons_alive()  # as the desk does at start-up (desktop.shell.start_up)
    install_translators(app, lang)
    i18n.set_language(lang)  # models' refusals and problems in the shots' language too
    style.apply(app, larger=False)
    clock.freeze(MOMENT)
    open_database(work / "slipdesk-demo.db")
    demo.generate_slips(300, today=True)
    settings.put_system("demo.database", True)
    asking.discard = lambda parent, what, count=1: True  # typed demo forms close without asking
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, shot in SHOTS.items():
        if only and name not in only:
            continue
        session = Session(lang, demo=True)
        session.sign_in(authenticate(shot.role, demo.DEMO_PASSWORD))
        window = MainWindow(session)
        window.resize(*SIZE)
        window.show()
        settle()
        taken = shot.take(window, out)
        if isinstance(taken, Path):
            written.append(taken)
        else:
            if taken is not window and shot.size:
                taken.resize(*shot.size)
            taken.show()
            settle()
            path = out / f"{name}.png"
            taken.grab().save(str(path))
            written.append(path)
            if taken is not window:
                taken.close()
        window.close()
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
