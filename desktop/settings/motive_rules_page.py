"""The manager's rules for understanding customers: motive keyword rules and words never to say.

The motive rules tab lists every rule with how often it fired on a slip the clerk decided and how
often the clerk corrected it, most corrected first, and the motives clerks chose that no rule
suggested (words to add). The second tab keeps the list of words never to say and what to say
instead. models.motives and models.phrases refuse changes from anyone but a manager.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QSpinBox, QSplitter,
                               QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from desktop.shell.session import Session
from forms.fields import refusal_text
from models import motives, phrases
from models.errors import SlipdeskError
from models.i18n import fill, language

TARGET_NAMES = {"type": QT_TRANSLATE_NOOP("MotiveRules", "Motive type"),
                "kind": QT_TRANSLATE_NOOP("MotiveRules", "Motive kind"),
                "need": QT_TRANSLATE_NOOP("MotiveRules", "Need"),
                "temperament": QT_TRANSLATE_NOOP("MotiveRules", "Customer type"),
                "card": QT_TRANSLATE_NOOP("MotiveRules", "Handling card")}


class MotiveRulesPage(QWidget):
    def __init__(self, session: Session | None = None, parent: QWidget | None = None, lang: str | None = None):
        super().__init__(parent)
        self.session = session
        self.lang = lang or (session.lang if session else language())
        heading = QLabel(self.tr("Motive rules and words never to say"))
        heading.setObjectName("pageHeading")
        self.rules = _RulesTab(self)
        self.phrases = _PhrasesTab(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.rules, self.tr("Motive rules"))
        self.tabs.addTab(self.phrases, self.tr("Words never to say"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.tabs, 1)

    @property
    def user(self):
        return self.session.user if self.session else None

    def refresh(self) -> None:
        self.rules.refresh()
        self.phrases.refresh()


class RowEditor(QWidget):
    """The editor beside a list of rules or phrases: its fields, an "active" box, the message
    line and the New/Save buttons, laid out the same on both tabs. Texts come translated by the tab."""

    def __init__(self, rows: list[tuple[str, QWidget]], active: str, save: str, new: str):
        super().__init__()
        self.active = QCheckBox(active)
        self.active.setChecked(True)
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.save, self.new = QPushButton(save), QPushButton(new)
        form = QFormLayout()
        for label, field in rows:
            form.addRow(label, field)
        form.addRow("", self.active)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new)
        buttons.addWidget(self.save)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addStretch(1)


def beside(chooser: QWidget, editor: QWidget, sizes: list[int]) -> QSplitter:
    split = QSplitter()
    split.addWidget(chooser)
    split.addWidget(editor)
    split.setSizes(sizes)
    return split


class _RulesTab(QWidget):
    def __init__(self, page: MotiveRulesPage):
        super().__init__()
        self.page = page
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        headers = [self.tr("Rule"), self.tr("Suggests"), self.tr("Words"), self.tr("Fired"), self.tr("Corrected"),
                   self.tr("Corrected %"), self.tr("Active")]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setAccessibleName(self.tr("Motive rules, most corrected first"))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.missed = QLabel()
        self.missed.setWordWrap(True)
        self.missed.setObjectName("mutedText")

        self.code = QLineEdit()
        self.code.setAccessibleName(self.tr("Rule code"))
        self.target = QComboBox()
        self.target.setAccessibleName(self.tr("What the rule suggests"))
        for target in motives.TARGETS:
            self.target.addItem(QCoreApplication.translate("MotiveRules", TARGET_NAMES[target]), target)
        self.value = QComboBox()
        self.value.setAccessibleName(self.tr("The value it suggests"))
        self.words = QPlainTextEdit()
        self.words.setAccessibleName(self.tr("Words, one per line"))
        self.words.setMaximumHeight(110)
        self.weight = QSpinBox()
        self.weight.setRange(1, 9)
        self.weight.setAccessibleName(self.tr("Weight"))
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Why the rule exists"))
        editor = RowEditor([(self.tr("Code"), self.code), (self.tr("Suggests"), self.target),
                            (self.tr("Value"), self.value), (self.tr("Words"), self.words),
                            (self.tr("Weight"), self.weight), (self.tr("Note"), self.note)],
                           self.tr("Active"), self.tr("Save rule"), self.tr("New rule"))
        self.active, self.message, self.save, self.new = editor.active, editor.message, editor.save, editor.new
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(beside(self.table, editor, [680, 360]), 1)
        layout.addWidget(self.missed)

        self.target.currentIndexChanged.connect(self._values)
        self.table.currentCellChanged.connect(lambda row, *_: self._open(row))
        self.save.clicked.connect(self.save_rule)
        self.new.clicked.connect(self.start_new)
        self._values()
        self.refresh()

    def _values(self) -> None:
        target = self.target.currentData()
        self.value.clear()
        for code in motives.valid_values(target):
            name = motives.CARDS[code].title(self.page.lang) if target == "card" else motives.label(
                target, code, self.page.lang)
            self.value.addItem(name, code)

    def refresh(self) -> None:
        report = motives.rule_stats()
        self._stats = report.rules
        self.summary.setText(fill(self.tr("%1 decisions by clerks, %2 of them corrections. Rules the clerks often "
                                          "correct come first: change their words or weight."), str(report.decisions), str(report.corrections)))
        self.table.setRowCount(len(report.rules))
        for row, stats in enumerate(report.rules):
            rule = stats.rule
            suggests = (motives.CARDS[rule.value].title(self.page.lang) if rule.target == "card"
                        else motives.label(rule.target, rule.value, self.page.lang))
            values = [rule.code, suggests, "、".join(rule.word_list), stats.fired, stats.corrected,
                      f"{100 * stats.correction_rate:.0f}%" if stats.fired else "—",
                      self.tr("yes") if rule.active else self.tr("no")]
            for col, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if col in (3, 4, 5):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        missed = [f"{motives.label(m.target, m.value, self.page.lang)} × {m.count}" for m in report.missed]
        self.missed.setText(fill(self.tr("Chosen by clerks where the rules suggested otherwise (words to add): %1"), "、".join(missed)) if missed else "")

    def _open(self, row: int) -> None:
        if not 0 <= row < len(self._stats):
            return
        rule = self._stats[row].rule
        self.code.setText(rule.code)
        self.target.setCurrentIndex(self.target.findData(rule.target))
        self.value.setCurrentIndex(max(0, self.value.findData(rule.value)))
        self.words.setPlainText("\n".join(rule.word_list))
        self.weight.setValue(rule.weight)
        self.note.setText(rule.note)
        self.active.setChecked(rule.active)
        self.message.setText("")

    def start_new(self) -> None:
        self.table.clearSelection()
        self.code.clear()
        self.words.clear()
        self.note.clear()
        self.weight.setValue(1)
        self.active.setChecked(True)
        self.code.setFocus()

    def save_rule(self) -> None:
        try:
            motives.save_rule(self.page.user, self.code.text(), self.target.currentData(), self.value.currentData(),
                              self.words.toPlainText(), self.weight.value(), self.note.text(), self.active.isChecked())
        except SlipdeskError as refused:
            self.message.setText(refusal_text(refused))
            return
        self.message.setText(self.tr("Saved. New suggestions use it at once."))
        self.refresh()


class _PhrasesTab(QWidget):
    def __init__(self, page: MotiveRulesPage):
        super().__init__()
        self.page = page
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Words never to say"))
        self.phrase = QLineEdit()
        self.phrase.setAccessibleName(self.tr("Phrase"))
        self.variants = QPlainTextEdit()
        self.variants.setAccessibleName(self.tr("Other ways of saying it, one per line"))
        self.variants.setMaximumHeight(90)
        self.alternative = QPlainTextEdit()
        self.alternative.setAccessibleName(self.tr("What to say instead"))
        self.alternative.setMaximumHeight(90)
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName(self.tr("Why not (the seed's words)"))
        self.reason.setMaximumHeight(90)
        self.source = QLineEdit()
        self.source.setAccessibleName(self.tr("Source"))
        self.severity = QComboBox()
        self.severity.setAccessibleName(self.tr("How serious"))
        self.severity.addItem(self.tr("Never say (严禁使用)"), phrases.BANNED)
        self.severity.addItem(self.tr("Better said another way (建议改说)"), phrases.BETTER)
        editor = RowEditor([(self.tr("Phrase"), self.phrase), (self.tr("How serious"), self.severity),
                            (self.tr("Also written"), self.variants),
                            (self.tr("Say instead"), self.alternative), (self.tr("Why"), self.reason),
                            (self.tr("Source"), self.source)],
                           self.tr("Active"), self.tr("Save phrase"), self.tr("New phrase"))
        self.active, self.message, self.save, self.new = editor.active, editor.message, editor.save, editor.new
        layout = QVBoxLayout(self)
        layout.addWidget(beside(self.list, editor, [360, 680]))
        self.list.currentItemChanged.connect(self._open)
        self.save.clicked.connect(self.save_phrase)
        self.new.clicked.connect(self.start_new)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for row in phrases.phrases(active_only=False):
            kind = phrases.severity_label(row.severity, self.page.lang)
            text = f"{row.phrase}  · {kind}"
            item = QListWidgetItem(text if row.active else f"{text}  ({self.tr('inactive')})")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.list.addItem(item)

    def _open(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        row = phrases.ForbiddenPhrase.get_by_id(item.data(Qt.ItemDataRole.UserRole))
        self.phrase.setText(row.phrase)
        self.variants.setPlainText(row.variants)
        self.alternative.setPlainText(row.alternative)
        self.reason.setPlainText(row.reason)
        self.source.setText(row.source)
        self.severity.setCurrentIndex(max(0, self.severity.findData(row.severity)))
        self.active.setChecked(row.active)
        self.message.setText("")

    def start_new(self) -> None:
        self.list.clearSelection()
        for widget in (self.phrase, self.source):
            widget.clear()
        for widget in (self.variants, self.alternative, self.reason):
            widget.clear()
        self.active.setChecked(True)
        self.phrase.setFocus()

    def save_phrase(self) -> None:
        try:
            phrases.save_phrase(self.page.user, self.phrase.text(), self.alternative.toPlainText(),
                                self.variants.toPlainText(), self.reason.toPlainText(), self.source.text(),
                                self.active.isChecked(), self.severity.currentData())
        except SlipdeskError as refused:
            self.message.setText(refusal_text(refused))
            return
        self.message.setText(self.tr("Saved. Replies are checked against it at once."))
        self.refresh()
