"""Keeping the customer told and finding the cause: the progress update (进展告知) and the cause
and corrective action (原因分析, 纠正预防措施; five whys) on a slip.

Each dialog gathers its inputs and calls its models/ function; a refusal shows beside the field
it names, and nothing typed is lost.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QVBoxLayout, QWidget)

from desktop.shell.session import Session
from forms.error_placing import ErrorPlacing
from forms.fields import FieldRow, datetime_edit, from_qdatetime, to_qdatetime
from models import causes, clock, progress
from models.errors import SlipdeskError
from models.slips import Slip
from models.vocab import reply_label
from models.i18n import fill


class _SlipDialog(QDialog, ErrorPlacing):
    """A dialog on one slip: field rows that show their own message, a general message, Save."""

    def __init__(self, session: Session, slip_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.slip = session, Slip.get_by_id(slip_id)
        self.rows: dict[str, FieldRow] = {}
        self.form = QFormLayout()
        self.message = self._make_banner()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def _row(self, key: str, caption: str, editor: QWidget) -> QWidget:
        editor.setAccessibleName(caption.replace("&", ""))
        self.rows[key] = FieldRow(key, editor)
        self.form.addRow(caption, self.rows[key])
        return editor

    def _finish(self, intro: str) -> None:
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 90)  # a why or a progress note on one line
        layout = QVBoxLayout(self)
        about = QLabel(intro)
        about.setWordWrap(True)
        about.setObjectName("sectionNote")
        layout.addWidget(about)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def save(self) -> Slip | None:
        self.clear_errors()
        try:
            saved = self._save()
        except SlipdeskError as refused:
            self.refused(refused)
            return None
        self.session.announce_slip_saved(saved.id)
        self.accept()
        return saved

    def _save(self) -> Slip:
        raise NotImplementedError


class ProgressDialog(_SlipDialog):
    """The customer was told how the handling stands; the slip's state does not change."""

    def __init__(self, session: Session, slip_id: int, parent: QWidget | None = None):
        super().__init__(session, slip_id, parent)
        self.setWindowTitle(fill(self.tr("Progress told — %1"), self.slip.number))
        self.method = self._row("method", self.tr("&How"), QComboBox())
        for method in progress.METHODS:
            self.method.addItem(reply_label(method, session.lang), str(method))
        self.at = self._row("at", self.tr("&When"), datetime_edit())
        self.at.setDateTime(to_qdatetime(clock.now()))
        self.told = self._row("told", self.tr("What was &told"), QPlainTextEdit())
        self.told.setPlaceholderText(self.tr("How far the handling has come and what happens next, as told "
                                             "to the customer"))
        self.told.setTabChangesFocus(True)
        contact = "  ·  ".join(filter(None, (self.slip.phone or self.slip.caller_number, self.slip.email)))
        self._finish(fill(self.tr("Keep the customer told of the progress (及时告诉客户进展情况): %1, %2."), self.slip.complainant_name, contact or self.slip.unit_code or "—"))

    def _save(self) -> Slip:
        return progress.record_progress(self.slip.id, self.session.user, expected_version=self.slip.version,
                                        method=self.method.currentData(), told=self.told.toPlainText(),
                                        at=from_qdatetime(self.at.dateTime()))


class _Whys(QWidget):
    """The five “why?” lines, one under the other; `edited` when any changes."""

    edited = Signal()

    def __init__(self, whys: tuple[str, ...], parent: QWidget | None = None):
        super().__init__(parent)
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.lines: list[QLineEdit] = []
        for number in range(1, causes.WHYS_MAX + 1):
            why = QLineEdit(whys[number - 1] if number <= len(whys) else "")
            why.setPlaceholderText(fill(self.tr("Why? (%1)"), str(number)))
            why.setAccessibleName(fill(self.tr("Why, number %1"), str(number)))
            why.textChanged.connect(self.edited)
            self.lines.append(why)
            layout.addRow(fill(self.tr("Why %1"), str(number)), why)


class CauseDialog(_SlipDialog):
    """Five whys down to the root cause, and what is done so that it does not happen again."""

    def __init__(self, session: Session, slip_id: int, parent: QWidget | None = None):
        super().__init__(session, slip_id, parent)
        self.setWindowTitle(fill(self.tr("Cause and corrective action — %1"), self.slip.number))
        analysis = causes.analysis_of(self.slip)
        chain = _Whys(analysis.whys, self)
        self.whys = chain.lines
        self.rows["whys"] = FieldRow("whys", chain)
        self.form.addRow(self.tr("5Why"), self.rows["whys"])
        self.root_cause = self._row("root_cause", self.tr("&Root cause"), QPlainTextEdit(analysis.root_cause))
        self.action = self._row("corrective_action", self.tr("&Corrective action"),
                                QPlainTextEdit(analysis.corrective_action))
        for editor in (self.root_cause, self.action):
            editor.setTabChangesFocus(True)
            editor.setMaximumHeight(90)
        self.action.setPlaceholderText(self.tr("What is done so that it does not happen again, and who does it"))
        needed = causes.missing(self.slip)
        intro = self.tr("Ask “why?” until the root cause shows (5Why), then say how to prevent it "
                        "(如何彻底解决发生的原因，避免重复再犯).")
        if needed:
            intro += "\n" + needed
        self._finish(intro)

    def _save(self) -> Slip:
        analysis = causes.Analysis(tuple(w.text() for w in self.whys), self.root_cause.toPlainText(),
                                   self.action.toPlainText())
        return causes.record(self.slip.id, self.session.user, analysis, expected_version=self.slip.version)
