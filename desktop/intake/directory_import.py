"""Import the resident directory from an XLSX or CSV file (manager): see the file, say which
column is which, read the problems row by row, and import only a clean file — nothing half.

Reading, checking and importing run off the UI thread behind a progress dialog with Cancel
(desktop.shell.tasks); the import is one transaction in models.residents_io.apply, so a cancel or a
failure leaves the directory exactly as it was.
"""
from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from desktop.shell import tasks
from desktop.shell.layout_memory import remember
from desktop.shell.session import Session
from forms import asking
from forms.fields import FieldRow, counted, restyle
from models import residents_io
from models.residents_io import Plan, RowError, Table
from models.i18n import fill
from forms.translation import translator

PREVIEW_ROWS = 20
CHECK_PAUSE_MS = 200  # a mapping change is checked once the manager stops changing combos

# The directory's fields, as the mapping shows them (English source text; the file's own headings
# are usually Chinese and are shown as they are).
FIELD_LABELS: dict[str, str] = {
    "unit": QT_TRANSLATE_NOOP("ImportDialog", "Unit (3-2-1201)"),
    "building": QT_TRANSLATE_NOOP("ImportDialog", "Building (楼栋)"),
    "entrance": QT_TRANSLATE_NOOP("ImportDialog", "Entrance (单元)"),
    "room": QT_TRANSLATE_NOOP("ImportDialog", "Room (室)"),
    "name": QT_TRANSLATE_NOOP("ImportDialog", "Name (姓名)"),
    "title": QT_TRANSLATE_NOOP("ImportDialog", "Title (先生/女士)"),
    "phone": QT_TRANSLATE_NOOP("ImportDialog", "Phone"),
    "phone2": QT_TRANSLATE_NOOP("ImportDialog", "Second phone"),
    "email": QT_TRANSLATE_NOOP("ImportDialog", "E-mail"),
}


_tr = translator("ImportDialog")


def report_rows(errors: list[RowError]) -> list[list[str]]:
    """The report as the table shows it: row, column, the problem in the UI language."""
    return [[str(e.row), e.column, e.message] for e in errors]


class ImportDialog(QDialog):
    """File → preview and mapping → problems → import. Only a manager's import is accepted."""

    loaded = Signal(object)  # the Table read from the file
    checked = Signal(object)  # the Plan for the current mapping
    imported = Signal(dict)  # what apply() counted: units, added, updated
    refused = Signal(str)  # why a file, a check or an import did not go through

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.path: Path | None = None
        self.table: Table | None = None
        self.plan: Plan | None = None
        self.task: tasks.Task | None = None
        self._recheck = False
        self.setObjectName("importDialog")
        self.setWindowTitle(_tr("Import residents"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self._build()
        self._connect_signals()
        self._show_state()
        remember(self, "import_dialog", default_size=(980, 660))

    # ----- building

    def _build(self) -> None:
        intro = QLabel(_tr("Import units and residents from an Excel workbook (.xlsx) or a CSV file. Say which column "
                           "holds what, correct what the report lists, then import: a file with a problem imports "
                           "nothing."))
        intro.setWordWrap(True)
        intro.setObjectName("mutedText")
        self.file_label = QLabel(_tr("No file chosen."))
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_button = QPushButton(_tr("&Choose file…"))
        self.choose_button.setShortcut(QKeySequence.StandardKey.Open)
        self.choose_button.setToolTip(fill(_tr("Choose the .xlsx or .csv file (%1)"), QKeySequence(QKeySequence.StandardKey.Open).toString(QKeySequence.SequenceFormat.NativeText)))
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.choose_button)

        self.preview = QTableWidget(0, 0)
        self.preview.setObjectName("importPreview")
        self.preview.setAccessibleName(_tr("The first rows of the file"))
        _read_only(self.preview)
        preview_box = QGroupBox(fill(_tr("The file (first %1 rows)"), str(PREVIEW_ROWS)))
        QVBoxLayout(preview_box).addWidget(self.preview)

        self.mapping_rows: dict[str, FieldRow] = {}
        mapping_box = QGroupBox(_tr("Which column is which"))
        mapping_form = QFormLayout(mapping_box)
        mapping_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field, text in FIELD_LABELS.items():
            combo = QComboBox()
            combo.setAccessibleName(_tr(text))
            row = FieldRow(field, combo)
            caption = QLabel(_tr(text))
            caption.setBuddy(combo)
            mapping_form.addRow(caption, row)
            self.mapping_rows[field] = row
        note = QLabel(_tr("Either one unit column (3-2-1201, 3栋2单元1201) or building, entrance and room."))
        note.setWordWrap(True)
        note.setObjectName("fieldHint")
        mapping_form.addRow(note)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("savedSummary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.report = QTableWidget(0, 3)
        self.report.setObjectName("importReport")
        self.report.setAccessibleName(_tr("Problems found, row by row"))
        self.report.setHorizontalHeaderLabels([_tr("Row"), _tr("Column"), _tr("Problem")])
        _read_only(self.report)
        self.report.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.report.verticalHeader().hide()  # the file's own row number is the first column
        self.report.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.copy_button = QPushButton(_tr("Cop&y report"))
        self.copy_button.setToolTip(_tr("Copy the whole report, to paste into a spreadsheet or an e-mail"))
        self.save_report_button = QPushButton(_tr("Sa&ve report…"))
        self.save_report_button.setToolTip(_tr("Save the report as a CSV file"))
        report_box = QGroupBox(_tr("Check"))
        report_layout = QVBoxLayout(report_box)
        report_layout.addWidget(self.summary)
        report_layout.addWidget(self.report, 1)
        report_buttons = QHBoxLayout()
        report_buttons.addStretch(1)
        report_buttons.addWidget(self.copy_button)
        report_buttons.addWidget(self.save_report_button)
        report_layout.addLayout(report_buttons)

        top = QSplitter(Qt.Orientation.Horizontal)
        top.setObjectName("importTopSplitter")
        top.addWidget(preview_box)
        top.addWidget(mapping_box)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("importSplitter")
        self.splitter.addWidget(top)
        self.splitter.addWidget(report_box)
        self.splitter.setChildrenCollapsible(False)

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(_tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("primaryButton")
        self.import_button.setToolTip(_tr("Import every row (Ctrl+Return); possible only when the check found no "
                                          "problem"))
        self.import_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(file_row)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.buttons)
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_PAUSE_MS)

    def _connect_signals(self) -> None:
        self.choose_button.clicked.connect(self.choose_file)
        for row in self.mapping_rows.values():
            row.editor.currentIndexChanged.connect(lambda _i: self._check_timer.start())
        self._check_timer.timeout.connect(self.check)
        self.copy_button.clicked.connect(self.copy_report)
        self.save_report_button.clicked.connect(self.save_report)
        self.import_button.clicked.connect(self.start_import)
        self.close_button.clicked.connect(self.reject)

    # ----- the file

    def choose_file(self) -> None:
        path = asking.import_path(self)
        if path:
            self.load(path)

    def load(self, path: str | Path) -> tasks.Task:
        """Read the file, guess the mapping and check it, off the UI thread."""
        self.path = path = Path(path)
        self.file_label.setText(str(path))
        self.table, self.plan = None, None
        self.preview.setRowCount(0)
        self.preview.setColumnCount(0)
        self._fill_report([])
        self._show_state(fill(_tr("Reading %1…"), path.name))

        def work(progress: tasks.Progress):
            progress.stage(fill(_tr("Reading %1…"), path.name))
            table = residents_io.read_table(path)
            progress.stage(counted(len(table.rows), _tr("Checking %1 row…"), _tr("Checking %1 rows…")))
            mapping = residents_io.guess_mapping(table.headers)
            return table, mapping, residents_io.plan(table, mapping)

        return self._run(_tr("Reading the file"), work, self._on_loaded)

    def _on_loaded(self, result) -> None:
        table, mapping, plan = result
        self.table = table
        self._fill_preview(table)
        self._fill_mapping(table.headers, mapping)
        self.loaded.emit(table)
        self._on_checked(plan)

    def _fill_preview(self, table: Table) -> None:
        rows = table.rows[:PREVIEW_ROWS]
        self.preview.clear()
        self.preview.setColumnCount(len(table.headers))
        self.preview.setRowCount(len(rows))
        self.preview.setHorizontalHeaderLabels(table.headers)
        self.preview.setVerticalHeaderLabels([str(n) for n in range(2, len(rows) + 2)])  # as the sheet numbers them
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                self.preview.setItem(r, c, QTableWidgetItem(value))
        self.preview.resizeColumnsToContents()

    def _fill_mapping(self, headers: list[str], mapping: dict[str, str]) -> None:
        for field, row in self.mapping_rows.items():
            combo: QComboBox = row.editor
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_tr("(not in the file)"), "")
            for heading in headers:
                combo.addItem(heading, heading)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(field, ""))))
            combo.blockSignals(False)
        self._check_timer.stop()

    def mapping(self) -> dict[str, str]:
        """Directory field → the file's column heading, as the combos say."""
        return {field: row.editor.currentData() for field, row in self.mapping_rows.items()
                if row.editor.currentData()}

    def set_mapping(self, field: str, heading: str) -> None:
        combo = self.mapping_rows[field].editor
        combo.setCurrentIndex(max(0, combo.findData(heading)))

    # ----- checking

    def check(self) -> tasks.Task | None:
        """Check every row against the mapping now chosen (off the UI thread)."""
        self._check_timer.stop()
        if self.table is None:
            return None
        if self.task is not None:
            self._recheck = True
            return None
        table, mapping = self.table, self.mapping()
        self.plan = None
        self._show_state(_tr("Checking…"))

        def work(progress: tasks.Progress) -> Plan:
            progress.stage(counted(len(table.rows), _tr("Checking %1 row…"), _tr("Checking %1 rows…")))
            return residents_io.plan(table, mapping)

        return self._run(_tr("Checking the file"), work, self._on_checked)

    def _on_checked(self, plan: Plan) -> None:
        self.plan = plan
        for field, row in self.mapping_rows.items():
            row.clear_error()
        for error in plan.errors:
            if error.row == 1 and error.column in self.mapping_rows:  # a mapping problem, not a data one
                self.mapping_rows[error.column].set_error(error.message)
        self._fill_report(plan.errors)
        self._show_state()
        self.checked.emit(plan)

    def _fill_report(self, errors: list[RowError]) -> None:
        rows = report_rows(errors)
        self.report.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.report.setItem(r, c, item)
        self.report.resizeColumnToContents(0)
        self.report.resizeColumnToContents(1)

    def report_text(self) -> str:
        """The report as tab-separated lines with a heading line (pastes into a spreadsheet)."""
        lines = ["\t".join([_tr("Row"), _tr("Column"), _tr("Problem")])]
        lines += ["\t".join(row) for row in report_rows(self.plan.errors if self.plan else [])]
        return "\n".join(lines)

    def copy_report(self) -> None:
        QApplication.clipboard().setText(self.report_text())
        self.summary.setText(self.summary.text().split("\n")[0] + "\n" + _tr("The report is on the clipboard."))

    def save_report(self) -> Path | None:
        suggested = f"{self.path.stem}-problems.csv" if self.path else "problems.csv"
        target = asking.report_path(self, suggested)
        if not target:
            return None
        target = Path(target)
        try:
            with open(target, "w", newline="", encoding="utf-8-sig") as handle:  # BOM: Excel reads it right
                writer = csv.writer(handle)
                writer.writerow([_tr("Row"), _tr("Column"), _tr("Problem")])
                writer.writerows(report_rows(self.plan.errors if self.plan else []))
        except OSError as err:
            self._refuse(fill(_tr("The report could not be saved: %1"), err.strerror or str(err)))
            return None
        return target

    # ----- importing

    def start_import(self) -> tasks.Task | None:
        """Import the checked rows in one transaction (off the UI thread); refused unless clean."""
        plan = self.plan
        if plan is None or not plan.ok or not plan.records or self.task is not None:
            self._refuse(_tr("Nothing imported: choose a file and correct every problem the check lists first."))
            return None
        user, source = self.session.user, self.path.name if self.path else ""

        def work(progress: tasks.Progress) -> dict[str, int]:
            progress.stage(counted(len(plan.records), _tr("Importing %1 row…"), _tr("Importing %1 rows…")))
            return residents_io.apply(plan, user, source=source, progress=progress.report)

        self._show_state(_tr("Importing…"))
        return self._run(_tr("Importing residents"), work, self._on_imported)

    def _on_imported(self, counts: dict[str, int]) -> None:
        self.plan = None  # imported: importing the same rows again would change nothing
        self._show_state()
        self.summary.setText(fill(_tr("Imported from %1: %2 created, %3 added, %4 updated."), self.path.name if self.path else "", counted(counts["units"], _tr("%1 unit"), _tr("%1 units")), counted(counts["added"], _tr("%1 resident"), _tr("%1 residents")), counted(counts["updated"], _tr("%1 resident"), _tr("%1 residents"))))
        self.close_button.setFocus()
        self.imported.emit(counts)

    # ----- running, state

    def _run(self, title: str, work, done) -> tasks.Task:
        self.task = tasks.run_task(self, title, title, work)
        self.task.succeeded.connect(done)
        self.task.failed.connect(self._refuse)
        self.task.cancelled.connect(self._on_cancelled)
        self.task.finished.connect(self._task_over)
        self._show_state()
        return self.task

    def _on_cancelled(self) -> None:
        self._refuse(_tr("Stopped. Nothing was imported."))

    def _task_over(self) -> None:
        self.task = None
        self._show_state()
        if self._recheck:
            self._recheck = False
            self.check()

    def _refuse(self, message: str) -> None:
        self.summary.setText(message)
        restyle(self.summary, "formError")
        self.refused.emit(message)

    def _show_state(self, busy: str = "") -> None:
        """Enable what makes sense now and say where things stand."""
        running = self.task is not None
        plan = self.plan
        for widget in (self.choose_button, *[row.editor for row in self.mapping_rows.values()]):
            widget.setEnabled(not running)
        self.import_button.setEnabled(not running and plan is not None and plan.ok and bool(plan.records))
        has_report = plan is not None and bool(plan.errors)
        self.copy_button.setEnabled(has_report)
        self.save_report_button.setEnabled(has_report)
        if busy:
            text = busy
        elif plan is None:
            return
        elif plan.errors:
            bad_rows = len({e.row for e in plan.errors})
            text = fill(_tr("%1 in %2. Nothing will be imported until the file is corrected (or the mapping changed) "
                            "and checked again."), counted(len(plan.errors), _tr("%1 problem"),
                                                                   _tr("%1 problems")), counted(bad_rows, _tr("%1 row"), _tr("%1 rows")))
        elif not plan.records:
            text = _tr("The file has no rows to import.")
        else:
            text = counted(len(plan.records), _tr("%1 row checked, no problem found. Import it with Import "
                                                  "(Ctrl+Return)."),
                           _tr("%1 rows checked, no problem found. Import them with Import (Ctrl+Return)."))
        self.summary.setText(text)
        restyle(self.summary, "formError" if plan is not None and plan.errors else "savedSummary")


def _read_only(table: QTableWidget) -> None:
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)


def open_import(session: Session, parent: QWidget | None = None) -> ImportDialog:
    """Open the import dialog (non-modal: the directory page refreshes when it imports)."""
    dialog = ImportDialog(session, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
