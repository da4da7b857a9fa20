"""`slipdesk`: the desk application — open the database, sign in, show the main window.

Start-up stays close to a bare Qt window: this module imports only Qt at first, so that the
PostgreSQL driver can be left out for a desk on a SQLite file (see `defer_postgres_driver`);
forms, printouts, spreadsheets and pinyin load when first used.
"""
from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
import threading
import time
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTimer,
                            QTranslator)
from PySide6.QtWidgets import QApplication, QWidget

from desktop.shell.start_up import hold_for_start, release_for_start
from desktop.shell.integration import VersionAction
from models.i18n import fill, is_chinese

if TYPE_CHECKING:
    from desktop.shell.session import Session

_IMPORTED = time.perf_counter()

log = logging.getLogger("slipdesk.app")

DEMO_SLIPS = 300
PROBE_HELP = ("open the main window, print the seconds from process start until it is first painted, "
              "and exit. On a demo database (--demo, or one written by `slipdesk-admin demo`) the probe "
              "signs in as --probe-user without the password check: the demo password is public, and the "
              "argon2id check is the person's sign-in, not start-up. On any other database it refuses "
              "(exit 2) rather than skip a real login. An unexpected error ends it with exit 1.")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="slipdesk", description="Slipdesk: handling slips (处理单) for the "
                                     "service desk of a residential estate.")
    parser.add_argument("--db", metavar="PATH", default=None,
                        help="SQLite file or postgresql:// URL (default: slipdesk.db in the per-user data "
                             "folder, shown in Help → About)")
    parser.add_argument("--demo", action="store_true",
                        help=f"open a fresh demo database ({DEMO_SLIPS} sample slips, demo accounts listed on "
                             "the login screen) in the data folder's demo/; it is rebuilt on every --demo start")
    parser.add_argument("--lang", choices=("zh", "en"), default=None,
                        help="the interface language (default: the desk's setting, else the system's)")
    parser.add_argument("--startup-probe", action="store_true", help=PROBE_HELP)
    parser.add_argument("--probe-user", default="clerk", metavar="NAME",
                        help="the demo account --startup-probe signs in as (default: clerk)")
    parser.add_argument("--add-to-menu", action="store_true",
                        help="Linux: put Slipdesk in this user's applications menu, with its icon (a .desktop "
                             "entry starting this installation's slipdesk), and exit")
    parser.add_argument("--version", action=VersionAction)
    return parser


def process_age() -> float:
    """Seconds since the operating system started this process (Linux); elsewhere only since this
    module was imported, which leaves out the interpreter's own start."""
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            start_ticks = int(stat.read().rpartition(")")[2].split()[19])
        return time.clock_gettime(time.CLOCK_BOOTTIME) - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, AttributeError, IndexError):
        return time.perf_counter() - _IMPORTED


# ----- errors the user must never see as a traceback

_showing_problem = False


def show_problem(error: BaseException) -> None:
    """A polite message box for an error nobody caught; the traceback is in the log."""
    from desktop.shell import logs
    from forms import asking
    from models.errors import SlipdeskError

    global _showing_problem
    if _showing_problem or QApplication.instance() is None:
        return
    _showing_problem = True
    try:
        if isinstance(error, SlipdeskError):
            text = str(error)
        else:
            text = fill(QCoreApplication.translate(
                     "app", "Slipdesk could not finish what you asked. What was saved before is safe; a form "
                            "you were filling in keeps what you typed.\n\nThe details were written to %1 — "
                            "please pass them to your administrator."), str(logs.log_path()))
        asking.warn(QApplication.activeWindow(), QCoreApplication.translate("app", "Something went wrong"), text)
    finally:
        _showing_problem = False


class Unattended:
    """Set for --startup-probe: nobody is there to click a message box, so an error ends the run."""
    active = False
    failed = False


class Unexpected:
    """An error nobody caught happened in this session: it did not end cleanly (the next start
    checks the whole database before its window, in case the file is why)."""
    seen = False


def install_exception_hook() -> None:
    from desktop.shell import logs

    def hook(kind, value, traceback) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, traceback)
            return
        from desktop.shell import outage_watch

        if outage_watch.notice(value):  # the company server out of reach: the window says so, no dialog
            log.warning("server out of reach", exc_info=(kind, value, traceback))
            return
        log.error("unhandled exception", exc_info=(kind, value, traceback))
        Unexpected.seen = True
        if Unattended.active:
            Unattended.failed = True
            print(f"slipdesk: unexpected error: {value!r} (details in {logs.log_path()})", file=sys.stderr)
            QApplication.exit(1)
            return
        show_problem(value)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        log.error("unhandled exception in thread %s", args.thread, exc_info=(args.exc_type, args.exc_value,
                                                                             args.exc_traceback))

    sys.excepthook = hook
    threading.excepthook = thread_hook


# ----- language

# Qt's own words that its Chinese catalogue (qtbase_zh_CN) leaves out: ours carries them, and Qt
# falls back to ours for a message its own catalogue lacks (the file dialog's two labels).
QT_WORDS_OURS = (QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"), QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"))


def install_translators(app: QApplication, lang: str) -> list[QTranslator]:
    """Load Slipdesk's Chinese translation (when shipped) and Qt's own (standard buttons, the file
    dialog), so that Qt's own dialogs speak the interface's language too."""
    installed = []
    if not is_chinese(lang):
        return installed
    ours = resources.files("desktop") / "i18n" / "slipdesk_zh_CN.qm"
    candidates = [(str(ours), ""),
                  ("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder) if folder else translator.load(name):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.info("no translation loaded from %s", name)
    return installed


def install_locale(lang: str) -> QLocale:
    """Qt's own words that come from the locale, not from a translation — the date popups' weekday
    and month names, a calendar's day names — in the interface's language, whatever the system's:
    a desk run in Chinese on an English system otherwise shows "Mon Tue Wed" in its calendars."""
    system = QLocale.system()
    if is_chinese(lang):
        locale = QLocale("zh_CN")  # the simplified Chinese the interface is written in, even on zh_TW
    else:
        locale = system if system.language() == QLocale.Language.English else QLocale("en_US")
    QLocale.setDefault(locale)
    return locale


# ----- the database

def open_demo(slips: int = DEMO_SLIPS) -> str:
    """A fresh demo database: demo accounts, an estate directory and `slips` sample slips."""
    from models import demo, settings
    from models.connection import close_database, open_database
    from models.paths import data_dir

    path = data_dir() / "demo" / "slipdesk-demo.db"
    close_database()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    where = open_database(path)
    demo.generate_slips(slips, today=True)  # the desk opens busy: queues, letters, notices
    settings.put_system("demo.database", True)
    return where


def probe_sign_in(session: Session, username: str) -> str:
    """Sign in for --startup-probe on a demo database; the reason when refused ("" when signed in)."""
    from models.accounts import User

    if not session.demo:
        return "--startup-probe signs in by itself only on a demo database; this one is not."
    user = User.get_or_none((User.username == username) & User.active)
    if user is None:
        return f"--startup-probe: the demo database has no active account {username!r}."
    session.sign_in(user)
    return ""


class FirstPaint(QObject):
    """Reports the first paint of a window (the moment the user sees it) and quits."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.seen = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.seen:
            self.seen = True
            print(f"startup-probe: main window shown {process_age():.3f} s after process start", flush=True)
            QTimer.singleShot(0, QApplication.instance().quit)
        return False


class Started(QObject):
    """Once `window` is first painted: the start is logged, with how long it took, the wheel guard
    goes on (forms.wheel_guard: it sees every event, so not before the first paint), and start-up
    lets go of Python's cycle collector (`main` holds it from the start: start-up creates hundreds
    of thousands of objects that all live on — modules, classes, Qt's enums and wrappers — and
    collecting among them again and again cost ~30 ms of it here, 80-odd passes, for no garbage
    worth the name); it is back on unless a task started before the paint (the start-of-day
    backup) still holds it. Logged here, not as the database opens: the log file's handler loads
    only with the first record (desktop.shell.logs), and a start without trouble has none before its window."""

    def __init__(self, window: QWidget, where: str, lang: str):
        super().__init__(window)
        self.where, self.lang = where, lang
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            release_for_start()
            from forms import wheel_guard

            wheel_guard.install(QApplication.instance())  # scrolling a form never changes an unclicked field
            log.info("slipdesk started on %s (language %s), its window shown %.2f s after the process started",
                     self.where, self.lang, process_age())
        return False


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.add_to_menu:
        from desktop.shell.integration import add_to_menu

        print(f"slipdesk: added to the applications menu: {add_to_menu()}")
        return 0
    hold_for_start()  # until the main window is painted (Started), or this run ends before it
    try:
        return start_desk(args)
    finally:
        release_for_start()
        gc.enable()  # the run is over: back on even if a hold was never let go


def start_desk(args: argparse.Namespace) -> int:
    """Check and open the database, then run the desk (`run_desk`); the exit status."""
    from desktop.shell.start_up import defer_postgres_driver, keep_singletons_alive, skip_feature_source_scan

    keep_singletons_alive()  # before any view paints: PySide6 6.12 loses references (desktop.shell.start_up)
    skip_feature_source_scan()  # before the desk's modules load: PySide6 would read each one's source
    from desktop.shell.local_settings import remembered_database

    target = None if args.demo else (args.db or remembered_database() or None)  # File → Database… chose it
    defer_postgres_driver(target)
    from desktop.shell import integration, logs, style
    from desktop.shell.session import APPLICATION, ORGANIZATION, ui_language
    from models.paths import default_database_path

    app = QApplication.instance() or style.application(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Slipdesk")
    app.setApplicationVersion(integration.version())
    app.setDesktopFileName(integration.DESKTOP_FILE_NAME)  # the taskbar finds the menu entry's icon by it
    app.setWindowIcon(integration.application_icon())
    logs.setup()
    logs.catch_native_crashes()
    install_exception_hook()
    lang = ui_language(args.lang)
    install_translators(app, lang)
    install_locale(lang)
    from models import i18n

    i18n.set_language(lang)  # refusals and problems from models/ in the interface's language
    instance = None
    if not args.startup_probe:  # a probe measures a start: it never hands over to a running desk
        from desktop.shell import single_instance
        from models.paths import data_dir

        key = single_instance.instance_key(str(data_dir() / "demo" / "slipdesk-demo.db") if args.demo
                                           else target or str(default_database_path()))
        if single_instance.hand_over(key):
            print(QCoreApplication.translate("app", "Slipdesk is already open on this database: its window was "
                                                    "brought forward."))
            return 0
        instance = single_instance.Instance(key, app)
    style.apply(app)
    from desktop.shell import backups
    from models.db import is_postgres_url

    on_file = not args.demo and not is_postgres_url(target or "")
    checked = Path(target or default_database_path()).expanduser() if on_file else None
    thorough = checked is not None and backups.full_check_due(checked)
    if checked is not None:  # a damaged file: offer the last good backup
        if not backups.sound_or_restored(checked, ask=not args.startup_probe, thorough=thorough):
            if args.startup_probe:
                print("slipdesk: the database failed its integrity check", file=sys.stderr)
            return 1
        backups.mark_open(checked)
    code = run_desk(app, args, lang, target, checked, thorough, instance)
    if instance is not None:
        instance.close()
    if checked is not None and not Unexpected.seen:  # else the next start checks the whole file first
        backups.mark_closed(checked)
    return code


def run_desk(app: QApplication, args: argparse.Namespace, lang: str, target: str | None, checked: Path | None,
             thorough: bool, instance=None) -> int:
    """Open the database, sign in and run the main window until it closes; the exit status.
    `checked`: the SQLite file checked at start-up, fully when `thorough`, else the full check
    runs behind the window. `instance`: the desk's end of desktop.shell.single_instance, told the window."""
    from desktop.shell import backups
    from desktop.shell.session import Session
    from models import settings
    from models.connection import close_database, open_database
    from models.paths import default_database_path

    try:
        where = open_demo() if args.demo else open_database(target)
    except Exception as err:  # noqa: BLE001 - any failure to open is told, never a traceback
        log.exception("cannot open the database %s", target or default_database_path())
        if args.startup_probe:
            print(f"slipdesk: cannot open the database: {err}", file=sys.stderr)
            return 1
        from desktop.shell.database_dialog import cannot_open

        cannot_open(str(target or default_database_path()), err)
        return 1
    session = Session(lang, demo=bool(settings.get("demo.database")))
    Unattended.active = args.startup_probe
    if args.startup_probe:
        refused = probe_sign_in(session, args.probe_user)
        if refused:
            print(f"slipdesk: {refused}", file=sys.stderr)
            return 2
    else:
        from desktop.shell.login import sign_in

        if not sign_in(session):
            close_database()
            return 0
    from desktop.shell.main_window import MainWindow

    window = MainWindow(session)
    if instance is not None:
        instance.window = window
    Started(window, where, lang)
    if args.startup_probe:
        FirstPaint(window)
    behind = backups.CheckBehind(checked, window) if checked is not None and not thorough else None
    if not args.startup_probe:
        from desktop.shell.anchor_check import AnchorCheck

        AnchorCheck(window)
    window.show()
    code = app.exec()
    if behind is not None:
        behind.stop()
    if behind is None or not behind.damaged:
        backups.backup_on_exit()
    close_database()
    return 1 if Unattended.failed else code


if __name__ == "__main__":
    sys.exit(main())
