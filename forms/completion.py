"""Autocompletion of units and residents from the estate directory, and of recent callers'
numbers, as the clerk types.

The directory query decides what matches (name, pinyin initials 张三 ← "zs", phone, unit), so
the popups show the query's rows unfiltered; Qt's own prefix filter would drop "zs" → 张三.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit

from models.callers import Caller, digits, recent_callers
from models.directory import Resident, complete_units, find_residents, residents_of
from models.vocab import title_label

RESIDENT_ID = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2


def _popup(owner: QObject, model: QAbstractItemModel, edit: QLineEdit) -> QCompleter:
    """A completer over `model` that drops down under `edit` as the clerk types, twelve rows high."""
    completer = QCompleter(model, owner)
    completer.setWidget(edit)
    completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
    completer.setMaxVisibleItems(12)
    return completer


class UnitCompleter(QObject):
    """Unit codes starting with what is typed in `edit` ("3-2" → 3-2-101, 3-2-102 …)."""

    unit_picked = Signal(str)

    def __init__(self, edit: QLineEdit):
        super().__init__(edit)
        self._edit = edit
        self.model = QStringListModel(self)
        self.completer = _popup(self, self.model, edit)
        self.completer.activated[str].connect(self._picked)
        edit.textEdited.connect(self.update_for)

    def update_for(self, text: str) -> None:
        codes = complete_units(text) if text.strip() else []
        self.model.setStringList(codes)
        if codes and codes != [text.strip()]:
            self.completer.complete()
        else:
            self.completer.popup().hide()

    def _picked(self, code: str) -> None:
        self._edit.setText(code)
        self.unit_picked.emit(code)


class ResidentCompleter(QObject):
    """Residents by name, pinyin initials, phone or unit; picking one fills the complainant."""

    resident_picked = Signal(int)

    def __init__(self, edit: QLineEdit, lang: str | None = None):
        super().__init__(edit)
        self._edit = edit
        self._lang = lang
        self.model = QStandardItemModel(self)
        self.completer = _popup(self, self.model, edit)
        self.completer.activated[QModelIndex].connect(self._picked)
        edit.textEdited.connect(self.update_for)

    def update_for(self, text: str) -> None:
        self.show_residents(find_residents(text) if text.strip() else [])

    def offer_unit(self, unit_code: str) -> None:
        """After a unit was chosen: offer the people who live there."""
        self.show_residents(residents_of(unit_code))

    def show_residents(self, residents: list[Resident]) -> None:
        self.model.clear()
        for resident in residents:
            self.model.appendRow(self._item(resident))
        if residents:
            self.completer.complete()
        else:
            self.completer.popup().hide()

    def _item(self, resident: Resident) -> QStandardItem:
        unit = resident.unit.code if resident.unit_id else ""
        parts = [f"{resident.name} {title_label(resident.title, self._lang)}".strip(), unit, resident.phone]
        item = QStandardItem(" · ".join(p for p in parts if p))
        item.setData(resident.id, RESIDENT_ID)
        item.setData(resident.name, NAME_ROLE)
        item.setEditable(False)
        return item

    def _picked(self, index: QModelIndex) -> None:
        resident_id = index.data(RESIDENT_ID)
        if resident_id is not None:
            self.resident_picked.emit(int(resident_id))


class CallerCompleter(QObject):
    """Numbers of recent phone slips holding the digits typed (from the third digit on: the start
    or the last four); picking one fills the number and says who called from it last time."""

    caller_picked = Signal(object)  # models.callers.Caller
    MIN_DIGITS = 3

    def __init__(self, edit: QLineEdit, lang: str | None = None):
        super().__init__(edit)
        self._edit = edit
        self._lang = lang
        self._callers: list[Caller] = []
        self.model = QStandardItemModel(self)
        self.completer = _popup(self, self.model, edit)
        self.completer.activated[QModelIndex].connect(self._picked)
        edit.textEdited.connect(self.update_for)

    def update_for(self, text: str) -> None:
        self._callers = recent_callers(text) if len(digits(text)) >= self.MIN_DIGITS else []
        self.model.clear()
        for row, caller in enumerate(self._callers):
            who = f"{caller.name} {title_label(caller.title, self._lang)}".strip()
            parts = [caller.number, who, caller.unit_code, caller.last_call.strftime("%Y-%m-%d")]
            item = QStandardItem(" · ".join(p for p in parts if p))
            item.setData(row, RESIDENT_ID)
            item.setEditable(False)
            self.model.appendRow(item)
        if self._callers and [c.number for c in self._callers] != [text.strip()]:
            self.completer.complete()
        else:
            self.completer.popup().hide()

    def _picked(self, index: QModelIndex) -> None:
        row = index.data(RESIDENT_ID)
        if row is not None and 0 <= int(row) < len(self._callers):
            caller = self._callers[int(row)]
            self._edit.setText(caller.number)
            self.caller_picked.emit(caller)
