"""The manager's tab for the front-desk PC: how soon an unattended desk locks, where its backups
go and how many are kept. Saved through models.desk_security, which refuses anyone but a manager
and logs the change."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox,
                               QVBoxLayout, QWidget)

from desktop.shell.session import Session
from forms import asking
from forms.error_placing import ErrorPlacing
from forms.fields import FieldRow, Section, StatusLine
from models import backup, db, desk_security
from models.db import database
from models.errors import SlipdeskError
from models.i18n import fill


class DeskSecurityTab(QWidget, ErrorPlacing):
    """Idle lock minutes, backup folder and the number of backups kept."""

    saved = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("deskSecurityTab")
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(*desk_security.IDLE_MINUTES)
        self.idle_minutes.setSuffix(self.tr(" minutes"))
        self.idle_minutes.setAccessibleName(self.tr("Lock after minutes without use"))
        self.folder = QLineEdit()
        self.folder.setAccessibleName(self.tr("Backup folder"))
        self.browse = QPushButton(self.tr("&Browse…"))
        self.keep = QSpinBox()
        self.keep.setRange(*desk_security.KEEP)
        self.keep.setSuffix(self.tr(" backups"))
        self.keep.setAccessibleName(self.tr("Backups kept"))
        for spin in (self.idle_minutes, self.keep):
            spin.setFixedWidth(150)
            spin.setToolTip(self.tr("Type the number, or step it with ↑ and ↓"))
        self.rows = {
            "idle_minutes": FieldRow("idle_minutes", self.idle_minutes,
                                     self.tr("A desk nobody touches for this long locks; the open forms stay as "
                                             "they were, and the same person unlocks with their password.")),
            "backup_folder": FieldRow("backup_folder", self.folder, ""),
            "backup_keep": FieldRow("backup_keep", self.keep,
                                    self.tr("A backup is made at the first start of each day and when Slipdesk "
                                            "closes; the oldest beyond this number are removed.")),
        }
        self.folder.textEdited.connect(self.rows["backup_folder"].clear_error)
        idle = Section(self.tr("Idle lock of a shared desk"))
        idle.add(self.tr("Lock the desk after"), self.rows["idle_minutes"])
        backups = Section(self.tr("Backups of a desk on a file"))
        folder_line = QHBoxLayout()
        folder_line.addWidget(self.rows["backup_folder"], 1)
        folder_line.addWidget(self.browse, 0, Qt.AlignmentFlag.AlignTop)
        backups.rows.addRow(self._caption(self.tr("Backup folder")), folder_line)
        backups.add(self.tr("Keep"), self.rows["backup_keep"])
        self.latest = QLabel()
        self.latest.setObjectName("mutedText")
        self.latest.setWordWrap(True)
        self.latest.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        backups.rows.addRow(self._caption(self.tr("Latest backup")), self.latest)
        for section in (idle, backups):
            layout.addWidget(section)
        width = max(label.sizeHint().width() for label in self.findChildren(QLabel, "fieldLabel"))
        for label in self.findChildren(QLabel, "fieldLabel"):
            label.setMinimumWidth(width)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        layout.addStretch(1)
        self.message = self.general_error = StatusLine()
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("primaryButton")
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(bottom)
        self.browse.clicked.connect(self._browse)
        self.save_button.clicked.connect(self.submit)
        self.load()

    def _caption(self, text: str) -> QLabel:
        caption = QLabel(text)
        caption.setObjectName("fieldLabel")
        return caption

    def _database_file(self) -> str | None:
        return database.obj.database if db.is_sqlite() else None

    def load(self) -> None:
        chosen = desk_security.current()
        self.idle_minutes.setValue(max(1, round(chosen.idle_minutes)))
        self.folder.setText(chosen.backup_folder)
        self.keep.setValue(chosen.backup_keep)
        path = self._database_file()
        if path is None:
            self.folder.setPlaceholderText("")
            self.rows["backup_folder"].hint.setText(self.tr(
                "These desks share a PostgreSQL server: back it up on the server (slipdesk-admin backup "
                "there, or the server's own backups). The folder applies to desks on a file."))
            self.latest.setText("—")
        else:
            default = desk_security.default_backup_folder(path)
            self.folder.setPlaceholderText(fill(self.tr("Default: %1"), str(default)))
            self.rows["backup_folder"].hint.setText(self.tr(
                "Leave empty for the default folder. A folder on another drive survives a broken disk; "
                "copy a backup to a USB drive from the File menu."))
            found = backup.list_backups(desk_security.backup_folder(path))
            self.latest.setText(str(found[0]) if found else self.tr("none yet"))
        self.rows["backup_folder"].hint.show()

    def _browse(self) -> None:
        chosen = asking.backup_folder(self, self.folder.text() or self.folder.placeholderText())
        if chosen:
            self.folder.setText(chosen)

    def submit(self) -> bool:
        self.clear_errors()
        try:
            desk_security.set_desk_security(self.session.user, self.idle_minutes.value(), self.folder.text(),
                                            self.keep.value())
        except SlipdeskError as refused:
            self.refused(refused)
            return False
        self.message.say(self.tr("Saved. The idle lock counts with the new time from the next input."), error=False)
        self.load()
        self.saved.emit()
        return True

    def placed_note(self) -> str:
        return self.tr("Not saved: see the messages above.")
