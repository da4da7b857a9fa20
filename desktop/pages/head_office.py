"""Head office's queue (上级服务管理部门): every slip every estate sent up, with its estate, soonest
reply deadline first; the handling result written here goes back to the estate's desk.

Shown on a head-office login of a company database only (models.estates). What may be handed
back, and by whom, is models.head_office's decision; the database's policies hold it too.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPlainTextEdit, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from desktop.session import Session
from models import head_office
from models.errors import SlipdeskError

SLIP_ID = Qt.ItemDataRole.UserRole + 1


class HeadOfficePage(QWidget):
    """The list of slips sent up, and the handling result handed back for the one selected."""

    slip_activated = Signal(int)
    count_changed = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("headOfficePage")
        self._rows: list[head_office.SentUp] = []
        self._build()
        self._connect_signals()
        self.refresh()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        heading = QLabel(self.tr("Sent up by the estates (上报)"))
        heading.setObjectName("pageHeading")
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([self.tr("Estate"), self.tr("Slip"), self.tr("Sent up"),
                                              self.tr("Reply deadline"), self.tr("Complaint"), self.tr("Reason")])
        self.table.setAccessibleName(self.tr("Slips sent up by the estates, soonest deadline first"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr("Nothing is waiting: every slip sent up has been handed back."))
        self.empty.setObjectName("mutedText")
        self.result_label = QLabel(self.tr("&Handling result, for the estate's desk to reply with:"))
        self.result = QPlainTextEdit()
        self.result.setAccessibleName(self.tr("Handling result"))
        self.result.setMaximumHeight(110)
        self.result_label.setBuddy(self.result)
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.open_button = QPushButton(self.tr("&Open slip"))
        self.hand_back_button = QPushButton(self.tr("Hand &back to the estate"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.hand_back_button)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.result_label)
        layout.addWidget(self.result)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.table.activated.connect(lambda _index: self.open_current())
        self.table.itemSelectionChanged.connect(self._enable)
        self.result.textChanged.connect(self._enable)
        self.open_button.clicked.connect(self.open_current)
        self.hand_back_button.clicked.connect(self.hand_back)
        self.session.slips_changed.connect(self.refresh)

    def refresh(self) -> None:
        chosen = self.current()
        self._rows = head_office.queue()
        self.table.setRowCount(0)
        lang = self.session.lang
        for row in self._rows:
            index = self.table.rowCount()
            self.table.insertRow(index)
            deadline = f"{row.deadline:%Y-%m-%d %H:%M}" if row.deadline else ""
            cells = (row.estate, row.number, f"{row.sent_at:%Y-%m-%d %H:%M}" if row.sent_at else "", deadline,
                     f"{row.category_zh if lang.startswith('zh') else row.category_en}：{row.complaint}",
                     row.reason)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(SLIP_ID, row.slip_id)
                item.setToolTip(text)
                if column == 3 and row.overdue():
                    item.setForeground(Qt.GlobalColor.red)
                self.table.setItem(index, column, item)
        ids = [row.slip_id for row in self._rows]
        if chosen is not None and chosen.slip_id in ids:
            self.table.selectRow(ids.index(chosen.slip_id))
        elif ids:
            self.table.selectRow(0)
        self.table.setVisible(bool(ids))
        self.empty.setVisible(not ids)
        self._enable()
        self.count_changed.emit(len(ids))

    def current(self) -> head_office.SentUp | None:
        row = self.table.currentRow()
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _enable(self) -> None:
        chosen = self.current() is not None
        self.open_button.setEnabled(chosen)
        self.hand_back_button.setEnabled(chosen and bool(self.result.toPlainText().strip()))

    def open_current(self) -> None:
        if (chosen := self.current()) is not None:
            self.slip_activated.emit(chosen.slip_id)

    def hand_back(self) -> None:
        """Record the result on the selected slip and hand it back; a refusal shows beside the text."""
        chosen = self.current()
        if chosen is None or self.session.user is None:
            return
        try:
            head_office.hand_back(chosen.slip_id, self.session.user, self.result.toPlainText(),
                                  expected_version=chosen.version)
        except SlipdeskError as refused:
            self.message.setText("；".join(getattr(refused, "errors", {}).values()) or str(refused))
            return
        self.message.clear()
        self.result.clear()
        self.session.slips_changed.emit()
        self.refresh()
