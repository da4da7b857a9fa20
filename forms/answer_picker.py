"""Pick a standard answer (口径一致) and insert it, filled in with the customer's name and the slip.

For the reply form and the letter editor: `pick_answer(parent, slip)` opens the library,
searchable by words and category, shows the chosen answer filled from the slip ({称呼} → 张先生,
{单号}, {约定时限} …), and returns that text, or None when the clerk cancels.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QPlainTextEdit, QSplitter, QVBoxLayout, QWidget)

from forms.fields import category_box, search_field
from models import answers
from models.slips import Slip
from models.i18n import fill

SEARCH_PAUSE_MS = 200


class AnswerPicker(QDialog):
    def __init__(self, slip: Slip | None = None, lang: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.slip, self.lang = slip, lang
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_PAUSE_MS)
        self._build()
        self._connect_signals()
        if slip is not None:
            self.category.setCurrentIndex(max(0, self.category.findData(slip.category_id)))
        self.search_now()

    def _build(self) -> None:
        self.setWindowTitle(self.tr("Standard answers (口径一致)"))
        self.query = search_field(self.tr("Search the standard answers"))
        self.category = category_box(self.lang, self.tr("All categories"), self.tr("Category"))
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Standard answers found"))
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("The answer as it will be inserted"))
        self.missing = QLabel()
        self.missing.setObjectName("warningText")
        self.missing.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.insert = self.buttons.addButton(self.tr("Insert"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.insert.setEnabled(False)

        top = QHBoxLayout()
        top.addWidget(self.query, 2)
        top.addWidget(self.category, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.preview)
        right_layout.addWidget(self.missing)
        split = QSplitter()
        split.addWidget(self.results)
        split.addWidget(right)
        split.setSizes([260, 440])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 460)

    def _connect_signals(self) -> None:
        self.query.textChanged.connect(self._timer.start)
        self._timer.timeout.connect(self.search_now)
        self.category.currentIndexChanged.connect(self.search_now)
        self.results.currentItemChanged.connect(self._show)
        self.results.itemActivated.connect(lambda _item: self.accept())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def search_now(self) -> None:
        self._timer.stop()
        self.results.clear()
        for answer in answers.search(self.query.text(), self.category.currentData()):
            item = QListWidgetItem(answer.title)
            item.setData(Qt.ItemDataRole.UserRole, answer.id)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)
        else:
            self._show(None)

    def _show(self, item: QListWidgetItem | None) -> None:
        self.insert.setEnabled(item is not None)
        if item is None:
            self.preview.setPlainText("")
            self.missing.setText(self.tr("No standard answer found."))
            return
        answer = answers.StandardAnswer.get_by_id(item.data(Qt.ItemDataRole.UserRole))
        if self.slip is None:
            self.preview.setPlainText(answer.body)
            self.missing.setText("")
            return
        filled = answers.fill(answer, self.slip)
        self.preview.setPlainText(filled.text)
        self.missing.setText(fill(self.tr("This slip has nothing for %1: complete it by hand."), " ".join("{" + m + "}" for m in filled.missing)) if filled.missing else "")

    def text(self) -> str:
        return self.preview.toPlainText()


def pick_answer(parent: QWidget | None, slip: Slip | None, lang: str | None = None) -> str | None:
    """The chosen answer's text, filled from `slip`; None when cancelled."""
    dialog = AnswerPicker(slip, lang, parent)
    return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
