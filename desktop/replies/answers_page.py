"""The standard answers library (口径一致): everyone searches and copies; the manager writes.

The seed: “对于常被投诉或挑剔的问题，也应建立标准的回答Q&A,使企业员工口径一致。” Each save by the
manager is a new version; the versions list shows every earlier wording with who changed it,
when and why. models.answers refuses writing to anyone but a manager, whatever this page shows.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPlainTextEdit, QPushButton, QSplitter, QVBoxLayout,
                               QWidget)

from desktop.shell.session import Session
from forms import asking
from forms.fields import category_box, refusal_text, search_field
from models import answers
from models.errors import SlipdeskError
from models.vocab import Role
from models.i18n import fill, language

SEARCH_PAUSE_MS = 200


class AnswersPage(QWidget):
    saved = Signal(int)  # an answer's id, after a new version was saved

    def __init__(self, session: Session | None = None, parent: QWidget | None = None, lang: str | None = None):
        super().__init__(parent)
        self.session = session
        self.lang = lang or (session.lang if session else language())
        self._current: int | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_PAUSE_MS)
        self._build()
        self._connect_signals()
        self.refresh()

    @property
    def is_manager(self) -> bool:
        return self.session is not None and self.session.has_role(Role.MANAGER)

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        heading = QLabel(self.tr("Standard answers (口径一致)"))
        heading.setObjectName("pageHeading")
        intro = QLabel(fill(self.tr("Approved wording for frequent complaints, so that every clerk says the same. "
                                    "Placeholders are filled from the slip when inserted: %1"), " ".join("{" + p + "}" for p in answers.PLACEHOLDERS)))
        intro.setWordWrap(True)
        intro.setObjectName("mutedText")
        self.query = search_field(self.tr("Search the standard answers"))
        self.category = category_box(self.lang, self.tr("All categories"), self.tr("Category"))
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Standard answers"))

        self.title = QLineEdit()
        self.title.setAccessibleName(self.tr("Title"))
        self.answer_category = category_box(self.lang, self.tr("Any category"), self.tr("Category of the answer"))
        self.body = QPlainTextEdit()
        self.body.setAccessibleName(self.tr("The answer"))
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Why it changed"))
        self.note.setPlaceholderText(self.tr("Why it changed (kept with the version)"))
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.copy = QPushButton(self.tr("Copy"))
        self.copy.setShortcut("Ctrl+Shift+C")
        self.new = QPushButton(self.tr("New answer"))
        self.save = QPushButton(self.tr("Save as new version"))
        self.save.setShortcut("Ctrl+S")
        self.retire = QPushButton(self.tr("Withdraw"))
        self.versions = QListWidget()
        self.versions.setAccessibleName(self.tr("Earlier versions"))
        self.versions.setMaximumHeight(140)

        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Category"), self.answer_category)
        form.addRow(self.tr("Answer"), self.body)
        form.addRow(self.tr("Change note"), self.note)
        buttons = QHBoxLayout()
        for button in (self.copy, self.new, self.save, self.retire):
            buttons.addWidget(button)
        buttons.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(form, 1)
        right_layout.addWidget(self.message)
        right_layout.addLayout(buttons)
        right_layout.addWidget(QLabel(self.tr("Versions")))
        right_layout.addWidget(self.versions)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.query)
        left_layout.addWidget(self.category)
        left_layout.addWidget(self.results, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([320, 640])
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(split, 1)

        editable = self.is_manager
        for widget in (self.title, self.body, self.note):
            widget.setReadOnly(not editable)
        self.answer_category.setEnabled(editable)
        self.note.setVisible(editable)
        for button in (self.new, self.save, self.retire):
            button.setVisible(editable)

    def _connect_signals(self) -> None:
        self.query.textChanged.connect(self._timer.start)
        self._timer.timeout.connect(self.refresh)
        self.category.currentIndexChanged.connect(self.refresh)
        self.results.currentItemChanged.connect(self._open)
        self.copy.clicked.connect(self.copy_text)
        self.new.clicked.connect(self.start_new)
        self.save.clicked.connect(self.save_version)
        self.retire.clicked.connect(self.withdraw)
        self.versions.itemActivated.connect(self._show_version)

    # --- reading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        self._timer.stop()
        keep = self._current
        self.results.blockSignals(True)
        self.results.clear()
        for answer in answers.search(self.query.text(), self.category.currentData()):
            item = QListWidgetItem(f"{answer.title}  (v{answer.version})")
            item.setData(Qt.ItemDataRole.UserRole, answer.id)
            self.results.addItem(item)
            if answer.id == keep:
                self.results.setCurrentItem(item)
        self.results.blockSignals(False)
        if self.results.currentItem() is None and self.results.count():
            self.results.setCurrentRow(0)
        self._open(self.results.currentItem())

    def _open(self, item: QListWidgetItem | None) -> None:
        self.message.setText("")
        if item is None:
            self._current = None
            self._fill("", None, "")
            self.versions.clear()
            return
        answer = answers.StandardAnswer.get_by_id(item.data(Qt.ItemDataRole.UserRole))
        self._current = answer.id
        self._fill(answer.title, answer.category_id, answer.body)
        self.versions.clear()
        for version in answers.versions(answer.id):
            line = fill(self.tr("v%1  %2  %3"), str(version.version), f"{version.at:%Y-%m-%d %H:%M}", version.author.display_name)
            entry = QListWidgetItem(f"{line}  {version.note}".rstrip())
            entry.setData(Qt.ItemDataRole.UserRole, version.id)
            self.versions.addItem(entry)

    def _fill(self, title: str, category_id: int | None, body: str) -> None:
        self.title.setText(title)
        self.answer_category.setCurrentIndex(max(0, self.answer_category.findData(category_id)))
        self.body.setPlainText(body)
        self.note.clear()

    def _show_version(self, item: QListWidgetItem) -> None:
        version = answers.AnswerVersion.get_by_id(item.data(Qt.ItemDataRole.UserRole))
        self._fill(version.title, version.category_id, version.body)
        self.message.setText(fill(self.tr("Showing version %1; saving makes it the newest version again."), str(version.version)))

    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(self.body.toPlainText())
        self.message.setText(self.tr("Copied."))

    # --- writing (manager) ------------------------------------------------------------------

    def start_new(self) -> None:
        self.results.clearSelection()
        self._current = None
        self._fill("", self.category.currentData(), "")
        self.versions.clear()
        self.title.setFocus()

    def save_version(self) -> None:
        try:
            answer = answers.save_answer(self.session.user if self.session else None, self.title.text(),
                                         self.body.toPlainText(), self.answer_category.currentData(),
                                         answer_id=self._current, note=self.note.text())
        except SlipdeskError as refused:
            self.message.setText(refusal_text(refused))
            return
        self._current = answer.id
        self.refresh()
        self.message.setText(fill(self.tr("Saved as version %1."), str(answer.version)))
        self.saved.emit(answer.id)

    def withdraw(self) -> None:
        if self._current is None:
            return
        if not asking.withdraw_answer(self):
            return
        try:
            answers.retire_answer(self.session.user if self.session else None, self._current)
        except SlipdeskError as err:
            self.message.setText(str(err))
            return
        self._current = None
        self.refresh()
