"""The signed-in person's notices (通知): a slip assigned to their department, an escalation to
confirm, one returned or confirmed, a promised reply due or overdue, a reply letter to approve or
come back — newest first, unread in bold, the unread count on the navigation.

Which notices a person gets, and what "read" and "done" mean, is models.notices' decision (a
department's notice reaches its responsible people with an account; each reader marks it read for
themselves; a notice whose task somebody did is done for everyone, greyed with who did it, and
leaves the count). Enter or a double-click opens the notice's slip and marks it read. The list is
read again after a slip is saved at this desk, and within two seconds of another desk's change
(desktop.shell.live), keeping the selected notice and the scroll position.
"""
from __future__ import annotations

from PySide6.QtCore import QTimer, Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)

from desktop.shell.pages import QueuePage
from desktop.shell.style import colour
from desktop.shell.view_state import keep_scroll
from models import notices
from models.live import NOTICE, Changes
from models.workflow import event_label

NOTICE_ID = Qt.ItemDataRole.UserRole + 1
SLIP_ID = Qt.ItemDataRole.UserRole + 2
LISTED = 200  # the newest; older notices are history the slips themselves keep
DONE_COLUMN = 4


class NoticesPage(QueuePage):
    """The list of notices with Open slip, Mark read and Mark all read."""

    object_name = "noticesPage"

    def _build(self) -> None:
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        self.heading = QLabel(self.tr("Notices (通知)"))
        self.heading.setObjectName("pageHeading")
        hint = QLabel(self.tr("Unread notices are in bold. Enter or a double-click opens the slip and marks "
                              "the notice read."))
        hint.setObjectName("mutedText")
        hint.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Notice"), self.tr("Slip"), self.tr("When"), self.tr("From"),
                                              self.tr("Done")])
        self.table.setAccessibleName(self.tr("Your notices, newest first"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3, DONE_COLUMN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.empty = QLabel(self.tr("No notices. When a slip is assigned to you or your department, or an "
                                    "escalation is returned, it shows here."))
        self.empty.setObjectName("mutedText")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.open_button = QPushButton(self.tr("&Open slip"))
        self.read_button = QPushButton(self.tr("Mark &read"))
        self.all_read_button = QPushButton(self.tr("Mark &all read"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.read_button)
        buttons.addStretch(1)
        buttons.addWidget(self.all_read_button)
        layout.addWidget(self.heading)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)  # in the table's place when there is nothing to list
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.table.activated.connect(lambda _index: self.open_current())  # Enter, or a double-click
        self.table.itemSelectionChanged.connect(self._enable_buttons)
        self.open_button.clicked.connect(self.open_current)
        self.read_button.clicked.connect(self.mark_selected_read)
        self.all_read_button.clicked.connect(self.mark_all_read)
        for changed in (self.session.slip_saved, self.session.slips_changed, self.session.user_changed):
            changed.connect(self._soon.start)  # a save announces both: one refresh
        self._soon.timeout.connect(self.refresh)
        self.session.changed_elsewhere.connect(self._changed_elsewhere)

    def _changed_elsewhere(self, changes: Changes) -> None:
        if changes.touches(NOTICE):
            self.refresh()

    def refresh(self) -> None:
        """Read the notices and the unread count again, keeping the selected notice selected (or
        the one now in its place) and the list scrolled where it was."""
        user = self.session.user
        listed = notices.for_user(user, limit=LISTED) if user else []
        unread = notices.unread_count(user) if user else 0
        chosen, chosen_row = self.current_notice_id(), self.table.currentRow()
        restore_scroll = keep_scroll(self.table)
        self.table.setRowCount(0)
        for notice in listed:
            self._append(notice)
        self.table.resizeRowsToContents()
        ids = [self.table.item(row, 0).data(NOTICE_ID) for row in range(self.table.rowCount())]
        if chosen in ids:
            self.table.selectRow(ids.index(chosen))
        elif ids:
            self.table.selectRow(min(max(chosen_row, 0), len(ids) - 1))
        restore_scroll()
        self.table.setVisible(bool(listed))
        self.empty.setVisible(not listed)
        self.all_read_button.setEnabled(unread > 0)
        self._enable_buttons()
        self.count_changed.emit(unread)

    def _append(self, notice: notices.Notice) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        cells = (notice.text(self.session.lang), notice.details.get("number", ""),
                 f"{notice.created_at:%Y-%m-%d %H:%M}", notice.sender_name or "Slipdesk", self._done(notice))
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(NOTICE_ID, notice.id)
            item.setData(SLIP_ID, notice.slip_id)
            if notice.done_at is not None:
                item.setForeground(QBrush(colour("muted")))
                item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, self.tr("done"))
            elif not notice.read:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
                item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, self.tr("unread"))
            item.setToolTip(cells[0] if column != DONE_COLUMN else text)
            self.table.setItem(row, column, item)

    def _done(self, notice: notices.Notice) -> str:
        """Who did what the notice asked, and when: "✓ 李慧 · Confirm and send up · 10:05"."""
        if notice.done_at is None:
            return ""
        parts = [notice.done_by_name, event_label(notice.done_action, self.session.lang) if notice.done_action else "",
                 f"{notice.done_at:%m-%d %H:%M}"]
        return "✓ " + " · ".join(part for part in parts if part)

    def current_notice_id(self) -> int | None:
        item = self.table.item(self.table.currentRow(), 0) if self.table.currentRow() >= 0 else None
        return item.data(NOTICE_ID) if item else None

    def is_unread(self, row: int) -> bool:
        return self.table.item(row, 0).font().bold()

    def is_done(self, row: int) -> bool:
        return bool(self.table.item(row, DONE_COLUMN).text())

    def _enable_buttons(self) -> None:
        row = self.table.currentRow()
        chosen = row >= 0 and self.table.rowCount() > 0
        self.open_button.setEnabled(chosen and self.table.item(row, 0).data(SLIP_ID) is not None)
        self.read_button.setEnabled(chosen and self.is_unread(row))

    def open_current(self) -> None:
        """Open the selected notice's slip and mark the notice read."""
        row = self.table.currentRow()
        if row < 0 or self.session.user is None:
            return
        item = self.table.item(row, 0)
        notices.mark_read(self.session.user, item.data(NOTICE_ID))
        slip_id = item.data(SLIP_ID)
        self.refresh()
        if slip_id is not None:
            self.slip_activated.emit(slip_id)

    def mark_selected_read(self) -> None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        ids = [self.table.item(row, 0).data(NOTICE_ID) for row in sorted(rows)]
        if ids and self.session.user is not None:
            notices.mark_read(self.session.user, *ids)
            self.refresh()

    def mark_all_read(self) -> None:
        if self.session.user is not None:
            notices.mark_all_read(self.session.user)
            self.refresh()
