"""What keeps a shared front-desk PC safe, attached to the main window in one place: the idle lock,
the desk's own backups, the offer of forms left unsaved, and the choice of database.

The main window creates one `DeskGuard`; everything here is wired in `_connect_signals`.
"""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import peewee
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence

from desktop.shell import backups
from desktop.shell.drafts_dialog import DraftsDialog, left_behind
from desktop.shell.idle_lock import IdleWatch, LockScreen
from forms import autosave
from models import desk_security, settings
from models.drafts import Draft

if TYPE_CHECKING:
    from desktop.shell.main_window import MainWindow

log = logging.getLogger("slipdesk.desk_guard")


def idle_minutes() -> float:
    """The manager's idle time; the default while the database cannot be read (a server down
    must not stop the desk from locking)."""
    try:
        return desk_security.current().idle_minutes
    except peewee.DatabaseError:
        log.warning("idle time not readable; using the default", exc_info=True)
        return float(settings.DEFAULTS["security.idle_minutes"])


class DeskGuard(QObject):
    def __init__(self, window: "MainWindow"):
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.drafts_dialog: DraftsDialog | None = None
        self.backups = backups.DeskBackups(window)
        self.idle = IdleWatch(idle_minutes, self)
        self.lock_screen = LockScreen(self.session, window)
        self._offer_pending = True
        self._build_actions()
        self._connect_signals()
        window.installEventFilter(self)
        if self.session.user is not None:
            self.idle.start()

    def _build_actions(self) -> None:
        w = self.window
        self.lock_action = QAction(self.tr("&Lock the desk"), w)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.backup_action = QAction(self.tr("&Back up now…"), w)
        self.copy_action = QAction(self.tr("&Copy the latest backup to a folder or USB drive…"), w)
        self.database_action = QAction(self.tr("&Database…"), w)
        menu = w.file_menu
        before = w.sign_out_action
        menu.insertActions(before, [self.backup_action, self.copy_action, self.database_action])
        menu.insertSeparator(before)
        menu.insertAction(before, self.lock_action)
        makes_backups = backups.desk_makes_backups()
        for action in (self.backup_action, self.copy_action):
            action.setVisible(makes_backups)

    def _connect_signals(self) -> None:
        self.lock_action.triggered.connect(self.lock)
        self.backup_action.triggered.connect(self.backups.back_up_now)
        self.copy_action.triggered.connect(self.backups.copy_to_drive)
        self.database_action.triggered.connect(self.choose_database)
        self.idle.idle.connect(self.lock)
        self.lock_screen.unlocked.connect(self.idle.start)
        self.lock_screen.switch_user.connect(self._switch_user)
        self.session.user_changed.connect(self._on_user_changed)

    # ----- the first showing: the day's backup, the drafts left behind

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Show and self._offer_pending:
            self._offer_pending = False
            QTimer.singleShot(0, self.offer_drafts)
            QTimer.singleShot(0, self.backups.begin)
        return False

    def _on_user_changed(self) -> None:
        if self.drafts_dialog is not None:  # the list was the previous person's
            self.drafts_dialog.reject()
        if self.session.user is None:
            self.idle.stop()
            return
        self.idle.start()
        if self.window.isVisible():
            QTimer.singleShot(0, self.offer_drafts)
        else:
            self._offer_pending = True

    def offer_drafts(self) -> DraftsDialog | None:
        """Offer the signed-in person the forms they left unsaved (a crash, a kill, a lock)."""
        user = self.session.user
        found = left_behind(user) if user is not None else []
        if not found or self.drafts_dialog is not None:
            return None
        dialog = DraftsDialog(user, found, self.open_draft, self.window)
        dialog.finished.connect(self._drafts_closed)
        self.drafts_dialog = dialog
        dialog.open()
        return dialog

    def _drafts_closed(self) -> None:
        if self.drafts_dialog is not None:
            self.drafts_dialog.deleteLater()
        self.drafts_dialog = None

    def open_draft(self, draft: Draft) -> bool:
        if draft.kind.startswith("intake:"):
            return self.window.new_slip(draft.kind.partition(":")[2]).restore(draft)
        if draft.kind in ("reply", "letter"):  # forms.reply_draft.KINDS
            from desktop.replies.dialogs import restore_draft

            return restore_draft(self.session, draft, self.window)
        from desktop.slips.edit import open_editor

        return open_editor(self.session, draft.slip_id, self.window, draft) is not None

    # ----- the idle lock

    def lock(self) -> None:
        """Cover the desk; every open form's draft is written first."""
        if self.session.user is None or self.lock_screen.isVisible():
            return
        self.idle.stop()
        autosave.save_all()
        log.info("desk locked for %s", self.session.user.username)
        self.lock_screen.lock()

    def _switch_user(self) -> None:
        """Someone else signs in: the forms open now close, their drafts kept for their owner."""
        for form in self.window.open_forms():
            form.close_keeping_draft()
        self.window.sign_out()

    # ----- the database

    def choose_database(self) -> None:
        from desktop.shell.database_dialog import DatabaseDialog

        DatabaseDialog(self.window).exec()
