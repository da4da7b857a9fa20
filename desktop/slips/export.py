"""Export the slips the list shows — with its filters — to an Excel workbook or a CSV file.

Phones and addresses are personal data: the box to include them is there for everyone, and
models.exports refuses anyone but a manager (the refusal is shown beside the box) and audits
every export. The rows are written off the UI thread behind a progress dialog; Cancel stops
the export and no partial file is left behind.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget)

from desktop.shell import tasks
from desktop.shell.session import Session
from forms import asking
from forms.fields import FieldRow, counted, restyle
from models import clock, exports, queries
from models.errors import PermissionDenied
from models.queries import SlipFilter
from models.i18n import fill
from forms.translation import translator

FORMATS = (("xlsx", QT_TRANSLATE_NOOP("ExportDialog", "Excel workbook (.xlsx)")),
           ("csv", QT_TRANSLATE_NOOP("ExportDialog", "CSV text, UTF-8 (.csv)")))


_tr = translator("ExportDialog")


def open_externally(path: Path) -> bool:
    """Open the written file in the system's spreadsheet program (tests replace this function)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def describe(flt: SlipFilter) -> str:
    """The filter in a few words, so the clerk sees what will be exported."""
    parts = []
    if flt.text:
        parts.append(fill(_tr("search “%1”"), flt.text))
    for field, name in (("statuses", _tr("status")), ("channels", _tr("channel")), ("category_ids", _tr("category")),
                        ("buildings", _tr("building")), ("department_ids", _tr("department"))):
        if getattr(flt, field):
            parts.append(name)
    if flt.received_from or flt.received_to:
        parts.append(fill(_tr("received %1 – %2"), str(flt.received_from or "…"), str(flt.received_to or "…")))
    if flt.within_authority is not None:
        parts.append(_tr("authority"))
    if flt.overdue:
        parts.append(_tr("overdue only"))
    if flt.slip_ids:
        parts.append(counted(len(flt.slip_ids), _tr("%1 chosen slip"), _tr("%1 chosen slips")))
    return ", ".join(parts) if parts else _tr("none: every slip")


class ExportDialog(QDialog):
    """Choose the file and whether personal data goes with it; export; say how it went."""

    exported = Signal(str, int)  # the file written, rows
    refused = Signal(str)

    def __init__(self, session: Session, flt: SlipFilter, listed: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.filter = flt
        self.task: tasks.Task | None = None
        self.written: Path | None = None
        self.setObjectName("exportDialog")
        self.setWindowTitle(_tr("Export slips"))
        self._build(listed)
        self._connect_signals()

    def _build(self, listed: int | None) -> None:
        what = QLabel(fill(_tr("The slips the list shows now, with its filters (%1)."), describe(self.filter))
                      + ("\n" + counted(listed, _tr("%1 slip."), _tr("%1 slips.")) if listed is not None else ""))
        what.setWordWrap(True)
        self.path_edit = QLineEdit(str(self._suggested_path("xlsx")))
        self.path_edit.setAccessibleName(_tr("File to write"))
        self.choose_button = QPushButton(_tr("&Choose…"))
        self.choose_button.setToolTip(_tr("Choose where to save the file"))
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.choose_button)
        path_widget = QWidget()
        path_row.setContentsMargins(0, 0, 0, 0)
        path_widget.setLayout(path_row)
        self.format = QComboBox()
        self.format.setAccessibleName(_tr("Format"))
        for suffix, text in FORMATS:
            self.format.addItem(_tr(text), suffix)
        self.personal = QCheckBox(_tr("Include &phones and addresses (manager)"))
        self.personal.setAccessibleName(_tr("Include phones and addresses"))
        self.personal.setToolTip(_tr("Personal data: only a manager exports it, and every such export is recorded "
                                     "in the audit log."))
        self.personal_row = FieldRow("personal", self.personal)
        form = QFormLayout()
        file_caption = QLabel(_tr("&File"))
        file_caption.setBuddy(self.path_edit)
        format_caption = QLabel(_tr("F&ormat"))
        format_caption.setBuddy(self.format)
        form.addRow(file_caption, path_widget)
        form.addRow(format_caption, self.format)
        form.addRow("", self.personal_row)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setObjectName("savedSummary")
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(_tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("primaryButton")
        self.export_button.setDefault(True)
        self.export_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.export_button.setToolTip(_tr("Write the file (Enter, Ctrl+Return)"))
        self.open_button = self.buttons.addButton(_tr("&Open the file"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setVisible(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addLayout(form)
        layout.addWidget(self.result)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    def _connect_signals(self) -> None:
        self.choose_button.clicked.connect(self.choose_path)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.path_edit.textChanged.connect(self._path_edited)
        self.export_button.clicked.connect(self.start_export)
        self.open_button.clicked.connect(lambda: self.written and open_externally(self.written))
        self.close_button.clicked.connect(self.reject)

    def _suggested_path(self, suffix: str) -> Path:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        return Path(folder) / f"slips-{clock.today():%Y-%m-%d}.{suffix}"

    def choose_path(self) -> None:
        path = asking.export_path(self, self.path_edit.text())
        if path:
            self.path_edit.setText(path)
            self._path_edited(path)

    def _format_changed(self) -> None:
        path = Path(self.path_edit.text().strip() or self._suggested_path("xlsx"))
        self.path_edit.setText(str(path.with_suffix("." + self.format.currentData())))

    def _path_edited(self, text: str) -> None:
        index = self.format.findData(Path(text).suffix.lower().lstrip("."))
        if index >= 0:
            self.format.blockSignals(True)
            self.format.setCurrentIndex(index)
            self.format.blockSignals(False)

    def path(self) -> Path:
        path = Path(self.path_edit.text().strip()).expanduser()
        return path if path.suffix.lower() in (".xlsx", ".csv") else path.with_suffix("." + self.format.currentData())

    # ----- exporting

    def start_export(self) -> tasks.Task | None:
        """Write the file off the UI thread; the model checks the role and audits."""
        if self.task is not None:
            return None
        self.personal_row.clear_error()
        path, flt, personal = self.path(), self.filter, self.personal.isChecked()
        user, lang = self.session.user, self.session.lang
        if not path.name or not path.parent.is_dir():
            self._refuse(_tr("Choose a file in a folder that exists."))
            return None

        def work(progress: tasks.Progress) -> int:
            progress.stage(_tr("Counting the slips…"))
            total = queries.count(flt)
            progress.stage(counted(total, _tr("Writing %1 slip to %2…"), _tr("Writing %1 slips to %2…"),
                                   path.name))

            def step(written: int) -> bool:  # False stops the export and removes the partial file
                if progress.cancelled:
                    return False
                progress.tell(written, total)
                return True
            try:
                return exports.export(flt, path, user, personal=personal, lang=lang, progress=step)
            except exports.ExportRefused:
                if progress.cancelled:
                    raise tasks.Cancelled from None
                raise

        self.result.clear()
        self._target = path
        self.task = tasks.run_task(self, _tr("Export slips"), _tr("Exporting…"), work)
        self.task.succeeded.connect(self._on_exported)
        self.task.failed.connect(self._on_failed)
        self.task.cancelled.connect(self._on_cancelled)
        self.task.finished.connect(self._task_over)
        self.export_button.setEnabled(False)
        return self.task

    def _task_over(self) -> None:
        self.task = None
        self.export_button.setEnabled(True)

    def _on_failed(self, message: str) -> None:
        self._refuse(message, isinstance(self.task.error if self.task else None, PermissionDenied))

    def _on_cancelled(self) -> None:
        self._refuse(_tr("Export cancelled; no file was written."))

    def _on_exported(self, rows: int) -> None:
        self.written = path = self._target
        restyle(self.result, "savedSummary")
        self.result.setText(counted(rows, _tr("%1 slip written to %2."), _tr("%1 slips written to %2."),
                                    str(path)))
        self.open_button.setVisible(True)
        self.close_button.setFocus()
        self.exported.emit(str(path), rows)

    def _refuse(self, message: str, about_role: bool = False) -> None:
        """The message beside the personal-data box when the role was refused, else under the form."""
        if about_role and self.personal.isChecked():
            self.personal_row.set_error(message)
            self.result.clear()
        else:
            restyle(self.result, "formError")
            self.result.setText(message)
        self.refused.emit(message)


def open_export(session: Session, flt: SlipFilter, listed: int | None, parent: QWidget | None) -> ExportDialog:
    dialog = ExportDialog(session, dataclasses.replace(flt), listed, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
