"""A short list of slips — a dashboard section, the approvals queue — read whole, opened with Enter.

The long, searchable list is the slips page (desktop.slips.table_model); these lists hold at most a few
hundred rows that someone must act on, so they are simply filled.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Callable, Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QBrush, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from desktop.shell.style import colour
from desktop.shell.view_state import keep_scroll
from forms.dates import when
from models import clock, head_office
from models.accounts import User
from models.catalog import Category
from models.i18n import shown
from models.slips import Slip
from models.vocab import label
from forms.translation import translator

SLIP_ID = Qt.ItemDataRole.UserRole + 1


_tr = translator("SlipList")


def excerpt(text: str, length: int = 60) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= length else flat[:length] + "…"


class Names:
    """Category and user names read once per fill, not once per row; the slips' estates only
    when a column shows them."""

    def __init__(self, lang: str, slip_ids: list[int] | None = None):
        self.lang = lang
        self.slip_ids = slip_ids or []
        self.categories = {c.id: c.name(lang) for c in Category.select()}
        self.users = {u.id: u.display_name for u in User.select(User.id, User.display_name)}

    @cached_property
    def estates(self) -> dict[int, str]:
        return head_office.estates_of_slips(self.slip_ids)


@dataclass(frozen=True)
class Column:
    title: str  # English source text (QT_TRANSLATE_NOOP in the SlipList context)
    value: Callable[[Slip, Names], str]
    stretch: bool = False


COLUMNS: dict[str, Column] = {
    "estate": Column(QT_TRANSLATE_NOOP("SlipList", "Estate"), lambda s, n: n.estates.get(s.id, "")),
    "number": Column(QT_TRANSLATE_NOOP("SlipList", "Slip no."), lambda s, n: s.number),
    "status": Column(QT_TRANSLATE_NOOP("SlipList", "Status"), lambda s, n: label(s.status, n.lang)),
    "received_at": Column(QT_TRANSLATE_NOOP("SlipList", "Received"), lambda s, n: when(s.received_at)),
    "complainant": Column(QT_TRANSLATE_NOOP("SlipList", "Complainant"), lambda s, n: s.complainant_name),
    "unit_code": Column(QT_TRANSLATE_NOOP("SlipList", "Unit"), lambda s, n: s.unit_code),
    "category": Column(QT_TRANSLATE_NOOP("SlipList", "Category"), lambda s, n: n.categories.get(s.category_id, "")),
    "deadline": Column(QT_TRANSLATE_NOOP("SlipList", "Reply by"), lambda s, n: when(s.deadline)),
    "complaint": Column(QT_TRANSLATE_NOOP("SlipList", "Complaint"), lambda s, n: excerpt(s.complaint), stretch=True),
    "flagged": Column(QT_TRANSLATE_NOOP("SlipList", "Flagged by"), lambda s, n: shown(s.authority_suggestion, n.lang),
                      stretch=True),
    "reason": Column(QT_TRANSLATE_NOOP("SlipList", "Clerk's reason"), lambda s, n: shown(s.escalation_reason, n.lang),
                     stretch=True),
    "asked_by": Column(QT_TRANSLATE_NOOP("SlipList", "Asked by"),
                       lambda s, n: n.users.get(s.escalation_requested_by_id, "")),
}


class SlipList(QTableWidget):
    """Slips in rows; Enter or a double-click opens the current one."""

    slip_activated = Signal(int)

    def __init__(self, columns: Iterable[str], lang: str | None = None, parent: QWidget | None = None):
        self.keys = list(columns)
        super().__init__(0, len(self.keys), parent)
        self.lang = lang
        self.setHorizontalHeaderLabels([_tr(COLUMNS[k].title) for k in self.keys])
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        for index, key in enumerate(self.keys):
            mode = QHeaderView.ResizeMode.Stretch if COLUMNS[key].stretch else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(index, mode)
        self.doubleClicked.connect(lambda index: self._activate(index.row()))

    def set_slips(self, slips: list[Slip]) -> None:
        """Show `slips`, keeping the same slip selected when it is still listed (else the one now
        in its place: the next one, once it was dealt with) and the list scrolled where it was."""
        keep, kept_row = self.current_slip_id(), self.currentRow()
        restore_scroll = keep_scroll(self)
        now = clock.now()
        names = Names(self.lang, [slip.id for slip in slips])
        self.setRowCount(len(slips))
        for row, slip in enumerate(slips):
            late = slip.is_overdue(now)
            for column, key in enumerate(self.keys):
                item = QTableWidgetItem(COLUMNS[key].value(slip, names))
                item.setData(SLIP_ID, slip.id)
                item.setToolTip(item.text())
                if late and key == "deadline":
                    item.setForeground(QBrush(colour("overdue")))
                self.setItem(row, column, item)
        ids = [s.id for s in slips]
        if ids:
            self.selectRow(ids.index(keep) if keep in ids else min(max(kept_row, 0), len(ids) - 1))
        restore_scroll()

    def current_slip_id(self) -> int | None:
        item = self.item(self.currentRow(), 0) if self.currentRow() >= 0 else None
        return item.data(SLIP_ID) if item else None

    def current_slip(self) -> Slip | None:
        """The selected slip as it is stored now (another desk may have moved it on)."""
        slip_id = self.current_slip_id()
        return Slip.get_or_none(Slip.id == slip_id) if slip_id else None

    def open_current(self) -> None:
        """Open the selected slip, as Enter does (`slip_activated`)."""
        if self.currentRow() >= 0:
            self._activate(self.currentRow())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self._activate(self.currentRow())
            return
        super().keyPressEvent(event)

    def _activate(self, row: int) -> None:
        item = self.item(row, 0)
        if item is not None:
            self.slip_activated.emit(item.data(SLIP_ID))
