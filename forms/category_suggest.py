"""The category suggested from the complaint's words, as the clerk types (models.categorize).

Until the clerk chooses a category themselves, the category box follows the words (漏水 → 漏水维修)
and the line under it says which words made the suggestion; once the clerk picks one, it stays as
they chose, and the line only says what the words would suggest.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QComboBox, QPlainTextEdit

from forms.fields import FieldRow
from models import categorize
from models.i18n import fill
from forms.translation import translator

PAUSE_MS = 300


tr = translator("CategorySuggest")


class CategorySuggester(QObject):
    def __init__(self, complaint: QPlainTextEdit, row: FieldRow):
        super().__init__(row)
        self.complaint, self.row = complaint, row
        self.box: QComboBox = row.editor
        self.chosen_by_clerk = False
        self._setting = False
        self.guess: categorize.CategoryGuess | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self.suggest_now)
        complaint.textChanged.connect(self._timer.start)
        self.box.currentIndexChanged.connect(self._on_choice)

    def _on_choice(self, _index: int) -> None:
        """Any change but the suggester's own is the clerk's choice (or a draft put back)."""
        if self._setting:
            return
        self.chosen_by_clerk = self.box.currentData() is not None
        self._show_hint()

    def suggest_now(self) -> None:
        self._timer.stop()
        self.guess = categorize.suggest(self.complaint.toPlainText())
        if self.guess is not None and not self.chosen_by_clerk:
            index = self.box.findData(self.guess.category_id)
            if index >= 0 and index != self.box.currentIndex():
                self._setting = True
                try:
                    self.box.setCurrentIndex(index)
                finally:
                    self._setting = False
        self._show_hint()

    def _show_hint(self) -> None:
        guess = self.guess
        if guess is None or self.box.findData(guess.category_id) < 0:
            self.row.hint.setVisible(False)
            return
        name = self.box.itemText(self.box.findData(guess.category_id))
        words = "、".join(f"“{w}”" for w in guess.words[:3])
        if self.box.currentData() == guess.category_id:
            text = fill(tr("Suggested from the words %1; choose another if it fits better."), words)
        else:
            text = fill(tr("The words %1 suggest “%2”."), words, name)
        self.row.hint.setText(text)
        self.row.hint.setVisible(True)
