"""The resident directory page: find a resident by name, initials, phone or unit; a person in
charge or a manager adds a new tenant or corrects a number, with each problem shown beside its
field; a manager imports the whole directory from a spreadsheet.

The list pages through any number of residents: it reads models.residents.PAGE at a time and the
next ones as it is scrolled (or the cursor reaches its end); the count says how many match.
Changes go through models.residents (checked, audited); the buttons are only a courtesy.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from desktop.shell.session import Session
from forms import asking
from forms.completion import UnitCompleter
from forms.error_placing import ErrorPlacing
from forms.fields import FieldRow, list_and_editor, StatusLine, counted, plain_text
from models import residents
from models.directory import Resident
from models.errors import SlipdeskError
from models.residents import ResidentValues
from models.vocab import Role, Title, title_label
from models.i18n import fill
from forms.translation import translator

SEARCH_PAUSE_MS = 250
RESIDENT_ID = Qt.ItemDataRole.UserRole + 1
FIELDS = ("unit_code", "name", "title", "phone", "phone2", "email")


_tr = translator("DirectoryPage")


def shortcut_text(sequence: str | QKeySequence.StandardKey) -> str:
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)


class DirectoryPage(QWidget, ErrorPlacing):
    changed = Signal()  # a resident was added, corrected or removed here

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.lang = session.lang
        self.editable = session.has_role(*residents.EDITORS)
        self.resident_id: int | None = None
        self._text, self._matches = "", 0  # the look-up listed, and how many residents it matches
        self._build()
        self._connect_signals()
        self.refresh()
        self.new_resident()

    # ----- building

    def _build(self) -> None:
        heading = QLabel(_tr("Residents"))
        heading.setObjectName("pageHeading")
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(fill(_tr("Find: name, initials (zs), phone digits, unit (3-2-1201) — %1"), shortcut_text(QKeySequence.StandardKey.Find)))
        self.search.setAccessibleName(_tr("Find residents"))
        self.count_label = QLabel()
        self.count_label.setObjectName("mutedText")
        self.new_button = QPushButton(_tr("&New resident"))
        self.new_button.setShortcut(QKeySequence.StandardKey.New)
        self.new_button.setToolTip(fill(_tr("Add a resident (%1)"), shortcut_text(QKeySequence.StandardKey.New)))
        self.import_button = QPushButton(_tr("&Import residents…"))
        self.import_button.setToolTip(_tr("Import units and residents from an .xlsx or .csv file (manager)"))
        self.import_button.setVisible(self.session.has_role(Role.MANAGER))
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.new_button)
        top.addWidget(self.import_button)
        self.new_button.setVisible(self.editable)

        self.table = QTableWidget(0, len(FIELDS))
        self.table.setObjectName("residentTable")
        self.table.setAccessibleName(_tr("Residents"))
        self.table.setHorizontalHeaderLabels([_tr("Unit"), _tr("Name"), _tr("Title"), _tr("Phone"),
                                              _tr("Second phone"), _tr("E-mail")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

        self.editor_box = QGroupBox()
        self.editor_box.setObjectName("formSection")
        form = QFormLayout(self.editor_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.editors: dict[str, QWidget] = {
            "unit_code": QLineEdit(), "name": QLineEdit(), "title": QComboBox(),
            "phone": QLineEdit(), "phone2": QLineEdit(), "email": QLineEdit()}
        for title in (Title.NONE, Title.MR, Title.MS):
            self.editors["title"].addItem(title_label(title, self.lang) or "—", title.value)
        self.editors["unit_code"].setPlaceholderText("3-2-1201")
        self.editors["phone"].setPlaceholderText("13812345678")
        self.editors["email"].setPlaceholderText("name@example.com")
        self.unit_completer = UnitCompleter(self.editors["unit_code"])
        captions = {"unit_code": _tr("&Unit"), "name": _tr("Na&me"), "title": _tr("&Title"),
                    "phone": _tr("&Phone"), "phone2": _tr("Second p&hone"), "email": _tr("E-m&ail")}
        self.rows: dict[str, FieldRow] = {}
        for key in FIELDS:
            editor = self.editors[key]
            editor.setAccessibleName(plain_text(captions[key]))
            editor.setEnabled(self.editable)
            row = FieldRow(key, editor)
            caption = QLabel(captions[key])
            caption.setBuddy(editor)
            form.addRow(caption, row)
            self.rows[key] = row
        self.message = self.general_error = StatusLine("mutedText", note="mutedText")
        form.addRow(self.message)
        self.save_button = QPushButton(_tr("&Save"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setToolTip(fill(_tr("Save the resident (%1)"), shortcut_text(QKeySequence.StandardKey.Save)))
        self.remove_button = QPushButton(_tr("&Remove…"))
        self.remove_button.setToolTip(_tr("Take the resident off the directory (moved out)"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        for button in (self.save_button, self.remove_button):
            button.setVisible(self.editable)
        if not self.editable:
            self.message.say(_tr("Only a person in charge or a manager changes the directory."))

        self.splitter = list_and_editor("directorySplitter", self.table, self.editor_box)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_PAUSE_MS)

    def _connect_signals(self) -> None:
        self.search.textEdited.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self.refresh)
        self._timer.timeout.connect(self.refresh)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_row(row))
        self.table.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.new_button.clicked.connect(self.new_resident)
        self.import_button.clicked.connect(self.open_import)
        self.save_button.clicked.connect(self.save)
        self.remove_button.clicked.connect(self.remove)
        find = QShortcut(QKeySequence.StandardKey.Find, self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(lambda: (self.search.setFocus(), self.search.selectAll()))

    # ----- the list

    def refresh(self) -> None:
        """Look up again (the search changed, or residents were imported): the first page, and
        as many more as were read before, so the list stays where the person was."""
        self._timer.stop()
        self._text = self.search.text()
        self._matches = residents.count(self._text)
        keep, wanted = self.resident_id, max(self.table.rowCount(), residents.PAGE)
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        self.table.blockSignals(False)
        while self.table.rowCount() < min(wanted, self._matches) and self.read_more():
            pass
        total = residents.count() if self._text.strip() else self._matches
        if self._text.strip():
            text = fill(_tr("%1 found of %2"), f"{self._matches:,}", f"{total:,}")
        else:
            text = counted(total, _tr("%1 resident"), _tr("%1 residents"))
        self.count_label.setText(text)
        if keep is not None:
            self.select(keep, read_on=False)

    def read_more(self) -> bool:
        """The next page of the look-up appended to the list; False when every match is listed."""
        start = self.table.rowCount()
        found = residents.look_up(self._text, residents.PAGE, offset=start) if start < self._matches else []
        if not found:
            return False
        self.table.blockSignals(True)
        self.table.setRowCount(start + len(found))
        for row, resident in enumerate(found, start):
            values = ResidentValues.of(resident)
            cells = [values.unit_code, values.name, title_label(values.title, self.lang), values.phone,
                     values.phone2, values.email]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(RESIDENT_ID, resident.id)
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        return True

    def _scrolled(self, value: int) -> None:
        """Near the end of what is read: read the next page."""
        bar = self.table.verticalScrollBar()
        if value >= bar.maximum() - bar.pageStep() and self.table.rowCount() < self._matches:
            self.read_more()

    def _show_row(self, row: int) -> None:
        if row >= self.table.rowCount() - 1:  # the cursor at the end (End, Page Down): read on
            self.read_more()
        item = self.table.item(row, 0) if row >= 0 else None
        if item is not None:
            self.show_resident(item.data(RESIDENT_ID))

    def select(self, resident_id: int, read_on: bool = True) -> bool:
        """Select the resident in the list, reading further pages to find one not read yet
        (`read_on`); whether they are listed."""
        row = 0
        while True:
            for row in range(row, self.table.rowCount()):
                if self.table.item(row, 0).data(RESIDENT_ID) == resident_id:
                    self.table.selectRow(row)
                    return True
            row = self.table.rowCount()
            if not read_on or not self.read_more():
                return False

    # ----- the editor

    def show_resident(self, resident_id: int) -> None:
        resident = Resident.get_or_none(Resident.id == resident_id)
        if resident is None:
            self.new_resident()
            return
        self.resident_id = resident_id
        self._fill(ResidentValues.of(resident))
        self.editor_box.setTitle(resident.name)
        self.remove_button.setEnabled(True)

    def new_resident(self) -> None:
        """An empty form for a resident not in the directory yet."""
        self.resident_id = None
        self.table.clearSelection()
        self._fill(ResidentValues())
        self.editor_box.setTitle(_tr("New resident"))
        self.remove_button.setEnabled(False)
        if self.editable and self.isVisible():
            self.editors["unit_code"].setFocus()

    def _fill(self, values: ResidentValues) -> None:
        for key in FIELDS:
            editor = self.editors[key]
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(values.title)))
            else:
                editor.setText(getattr(values, key))
            self.rows[key].clear_error()
        if self.editable:
            self.message.say("", error=False)

    def values(self) -> ResidentValues:
        e = self.editors
        return ResidentValues(e["unit_code"].text(), e["name"].text(), e["title"].currentData() or "",
                              e["phone"].text(), e["phone2"].text(), e["email"].text())

    def save(self) -> Resident | None:
        """Save the form; a refused save shows each problem beside its field and keeps the input."""
        self.clear_errors()
        try:
            resident = residents.save(self.values(), self.session.user, self.resident_id)
        except SlipdeskError as refused:
            self.refused(refused)
            return None
        self.resident_id = resident.id
        self.refresh()
        self.select(resident.id)
        self.show_resident(resident.id)
        self.message.say(_tr("Saved."), error=False)
        self.changed.emit()
        return resident

    def remove(self) -> None:
        if self.resident_id is None or not asking.remove_resident(self, self.editors["name"].text()):
            return
        try:
            residents.remove(self.resident_id, self.session.user)
        except SlipdeskError as refused:
            self.refused(refused)
            return
        self.new_resident()
        self.refresh()
        self.changed.emit()

    def open_import(self):
        from desktop.intake.directory_import import open_import

        dialog = open_import(self.session, self.window())
        dialog.imported.connect(lambda _counts: self.refresh())
        return dialog
