"""Which database this desk works on: a SQLite file on this computer (one desk) or a shared
PostgreSQL server (several desks), chosen in File → Database…, tested before it is kept, and
remembered by the desk (desktop.shell.local_settings) for its next start — `--db` still wins.

When the chosen database cannot be opened at start-up, `cannot_open` says why in plain words and
lets the clerk choose another one instead of leaving them with an error.
"""
from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QProcess
from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QGridLayout, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QRadioButton, QVBoxLayout, QWidget)

from desktop.shell import tasks
from desktop.shell.local_settings import remember_database, remembered_database
from forms import asking
from forms.fields import restyle
from models import backup
from models.db import is_postgres_url, make_database
from models.i18n import fill
from forms.translation import translator

log = logging.getLogger("slipdesk.database")

CONNECT_TIMEOUT = 5  # seconds: a server that does not answer by then is reported, not waited on


_tr = translator("DatabaseDialog")


@dataclass(frozen=True)
class Probe:
    ok: bool
    message: str


def probe(target: str) -> Probe:
    """Can this desk work on `target`? Never raises: every failure is a sentence."""
    target = target.strip()
    if not target:
        return Probe(False, _tr("Choose a file or type the server's address."))
    try:
        return _probe_server(target) if is_postgres_url(target) else _probe_file(Path(target).expanduser())
    except Exception as err:  # noqa: BLE001 - a test of a connection reports, it does not crash
        log.exception("testing the database %s failed", target)
        return Probe(False, fill(_tr("The test failed: %1"), _first_line(err)))


def _probe_file(path: Path) -> Probe:
    if path.is_dir():
        return Probe(False, _tr("This is a folder: choose or name a database file in it."))
    if not path.exists():
        if not path.parent.is_dir():
            return Probe(False, fill(_tr("The folder %1 does not exist."), str(path.parent)))
        return Probe(True, _tr("No file there yet: Slipdesk will create a new, empty database."))
    check = backup.check_file(path, quick=True)
    if not check.ok:
        return Probe(False, check.problem)
    return Probe(True, fill(_tr("A sound Slipdesk database with %1 slips."), f"{check.slips:,}"))


def _driver():
    """psycopg, loaded now if start-up left it out (a desk on a SQLite file does not need it)."""
    if sys.modules.get("psycopg", False) is None:
        del sys.modules["psycopg"]
    import psycopg

    return psycopg


def _probe_server(url: str) -> Probe:
    server = make_database(url)
    if not server.database:
        return Probe(False, _tr("Name the database after the server, e.g. postgresql://clerk@192.168.1.10/slipdesk."))
    psycopg = _driver()
    params = {key: value for key, value in server.connect_params.items()
              if value is not None and key != "connect_timeout"}  # its own, below
    try:
        with psycopg.connect(dbname=server.database, connect_timeout=CONNECT_TIMEOUT, **params) as conn:
            found = conn.execute("SELECT to_regclass('public.slip') IS NOT NULL").fetchone()[0]
            slips = conn.execute("SELECT count(*) FROM slip").fetchone()[0] if found else 0
    except psycopg.OperationalError as err:
        return Probe(False, fill(_tr("The server cannot be reached or refused the connection: %1"), _first_line(err)))
    if not found:
        return Probe(True, _tr("Connected. The database is empty: Slipdesk sets it up at its next start."))
    return Probe(True, fill(_tr("Connected to a Slipdesk database with %1 slips."), f"{slips:,}"))


def _first_line(err: BaseException) -> str:
    return (str(err).strip().splitlines() or [type(err).__name__])[0]


class DatabaseDialog(QDialog):
    """Choose, test and keep the database this desk opens."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("databaseDialog")
        self.setWindowTitle(_tr("Database"))
        self.setMinimumWidth(620)
        self.chosen = ""
        self._job: tasks.Task | None = None
        self._job_target = ""
        self._tested: Probe | None = None
        self._build()
        self._connect_signals()
        self._load(remembered_database())

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        heading = QLabel(_tr("Where this desk keeps its slips"))
        heading.setObjectName("pageHeading")
        layout.addWidget(heading)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        self.file_choice = QRadioButton(_tr("A &file on this computer (one desk)"))
        self.server_choice = QRadioButton(_tr("A shared &PostgreSQL server (several desks)"))
        self._group = QButtonGroup(self)
        self._group.addButton(self.file_choice)
        self._group.addButton(self.server_choice)
        self.path = QLineEdit()
        self.path.setAccessibleName(_tr("Database file"))
        self.browse = QPushButton(_tr("&Browse…"))
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse)
        self.url = QLineEdit()
        self.url.setAccessibleName(_tr("Server address"))
        self.url.setPlaceholderText("postgresql://clerk@192.168.1.10/slipdesk")
        url_note = QLabel(_tr("The address, user and database name come from your administrator. Keep a password "
                              "in the user's pgpass file rather than here: this address is stored on this "
                              "computer."))
        url_note.setObjectName("fieldHint")
        url_note.setWordWrap(True)
        grid.addWidget(self.file_choice, 0, 0, 1, 2)
        grid.addLayout(path_row, 1, 1)
        grid.addWidget(self.server_choice, 2, 0, 1, 2)
        grid.addWidget(self.url, 3, 1)
        grid.addWidget(url_note, 4, 1)
        grid.setColumnMinimumWidth(0, 18)
        layout.addLayout(grid)
        test_row = QHBoxLayout()
        self.test_button = QPushButton(_tr("&Test the connection"))
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        layout.addLayout(test_row)
        self.note = QLabel(_tr("The choice is kept on this computer and used from the next start (a database "
                               "named on Slipdesk's command line still comes first)."))
        self.note.setObjectName("mutedText")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox()
        self.use_button = self.buttons.addButton(_tr("&Use this database"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.use_button.setObjectName("primaryButton")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self._group.buttonToggled.connect(lambda _b, _on: self._show_choice())
        self.browse.clicked.connect(self._browse)
        self.test_button.clicked.connect(self.test)
        self.path.textChanged.connect(self._forget_test)
        self.url.textChanged.connect(self._forget_test)
        self.use_button.clicked.connect(self.use)
        self.buttons.rejected.connect(self.reject)

    def _load(self, target: str) -> None:
        from models.paths import default_database_path

        server = is_postgres_url(target)
        (self.server_choice if server else self.file_choice).setChecked(True)
        self.url.setText(target if server else "")
        self.path.setText("" if server else (target or str(default_database_path())))
        self._show_choice()

    def _show_choice(self) -> None:
        server = self.server_choice.isChecked()
        for widget in (self.path, self.browse):
            widget.setEnabled(not server)
        self.url.setEnabled(server)
        self._forget_test()

    def target(self) -> str:
        return (self.url.text() if self.server_choice.isChecked() else self.path.text()).strip()

    def _browse(self) -> None:
        path = asking.database_file(self, self.path.text())
        if path:
            self.path.setText(path)

    def _forget_test(self) -> None:
        self._tested = None
        self.test_result.clear()

    def test(self) -> tasks.Task | None:
        """Test the chosen database off the UI thread (a server may take seconds to answer): a
        desktop.shell.tasks.Task, which holds the cycle collector while it runs."""
        if self._job is not None:
            return None
        restyle(self.test_result, "mutedText")
        self.test_result.setText(_tr("Testing…"))
        self.test_button.setEnabled(False)
        target = self._job_target = self.target()
        self._job = tasks.Task(lambda _progress: probe(target), what="testing a database")
        self._job.succeeded.connect(self._tested_now)
        self._job.finished.connect(self._test_ended)
        self._job.start()
        return self._job

    def _test_ended(self) -> None:
        self._job = None
        self.test_button.setEnabled(True)

    def _tested_now(self, result: Probe) -> None:
        if self._job_target != self.target():
            return
        self._tested = result
        restyle(self.test_result, "statusChip" if result.ok else "formError")
        self.test_result.setText(("✓ " if result.ok else "") + result.message)

    def use(self) -> None:
        """Keep the choice once it tested sound; test it first when it has not been."""
        if self._tested is None:
            job = self.test()
            if job is not None:
                job.succeeded.connect(lambda result: result.ok and self.use())
            return
        if not self._tested.ok:
            return
        self.chosen = self.target()
        remember_database(self.chosen)
        log.info("database for the next start: %s", _without_password(self.chosen))
        self.accept()
        if asking.restart(self.parentWidget()):
            restart()


def _without_password(target: str) -> str:
    if not is_postgres_url(target):
        return target
    from urllib.parse import urlparse

    parsed = urlparse(target)
    return target.replace(f":{parsed.password}@", ":***@") if parsed.password else target


def restart_arguments(argv: list[str]) -> list[str]:
    """This program's arguments without the database given on the command line (the chosen one
    applies now), as `slipdesk` or `python -m desktop.shell.app`."""
    kept, skip = [], False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--db":
            skip = True
        elif not (arg.startswith("--db=") or arg == "--demo"):
            kept.append(arg)
    return kept if getattr(sys, "frozen", False) else ["-m", "desktop.shell.app", *kept]


def restart() -> None:
    """Start Slipdesk again and close this one (its windows ask about unsaved forms first)."""
    from PySide6.QtWidgets import QApplication

    for window in QApplication.topLevelWidgets():
        if window.objectName() == "mainWindow" and window.isVisible() and not window.close():
            return  # the clerk kept a form open: no restart
    QProcess.startDetached(sys.executable, restart_arguments(sys.argv[1:]))
    QApplication.quit()


def explain(target: str, err: BaseException) -> str:
    if is_postgres_url(target):
        return fill(_tr("Slipdesk cannot reach the database server %1.\n\nCheck that this computer is on the network "
                        "and that the server is running, or choose another database.\n\nDetails: %2"), _without_password(target), _first_line(err))
    return fill(_tr("The database file %1 could not be opened.\n\nDetails: %2"), target, _first_line(err))


def cannot_open(target: str, err: BaseException) -> None:
    """Say why the database did not open and offer to choose another (then Slipdesk restarts)."""
    if asking.another_database(explain(target, err)):
        DatabaseDialog().exec()
