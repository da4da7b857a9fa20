"""At closing: the customer's satisfaction on the seven levels, settled or not, a return visit
(回访), and thanks for a helpful suggestion; later, what the customer said on the return visit.

The levels are models.satisfaction.LEVELS with their reference feelings, so the clerk can match
what the customer says (“挺满意的”) to a level. Each part is saved by its models/ function, in
its own transaction with a history event on the slip.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QRadioButton,
                               QVBoxLayout, QWidget)

from desktop.shell.session import Session
from forms.fields import datetime_edit, from_qdatetime, refusal_text, to_qdatetime
from models import clock, satisfaction
from models.deadlines import next_opening
from models.errors import SlipdeskError
from models.slips import Slip
from models.vocab import Channel, reply_label
from models.i18n import fill

RETURN_VISIT_AFTER = dt.timedelta(days=7)


def _levels(parent: QWidget, lang: str, optional: bool = False) -> tuple[QGroupBox, QButtonGroup]:
    box = QGroupBox(QCoreApplication.translate("SatisfactionDialog", "How satisfied is the customer? (七级满意度)"))
    group = QButtonGroup(box)
    layout = QVBoxLayout(box)
    if optional:
        none = QRadioButton(QCoreApplication.translate("SatisfactionDialog", "Not asked"))
        group.addButton(none, 0)
        layout.addWidget(none)
        none.setChecked(True)
    for level in reversed(satisfaction.LEVELS):
        button = QRadioButton(f"{level.value}  {level.name(lang)} — {level.description_zh}")
        button.setAccessibleName(level.name(lang))
        group.addButton(button, level.value)
        layout.addWidget(button)
    return box, group


def _settled_row(parent: QWidget) -> tuple[QWidget, QButtonGroup]:
    row = QWidget()
    group = QButtonGroup(row)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for value, text in ((1, QCoreApplication.translate("SatisfactionDialog", "Settled (问题已解决)")),
                        (2, QCoreApplication.translate("SatisfactionDialog", "Not settled (问题未解决)"))):
        button = QRadioButton(text)
        group.addButton(button, value)
        layout.addWidget(button)
    layout.addStretch(1)
    return row, group


class SatisfactionDialog(QDialog):
    def __init__(self, session: Session, slip_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.slip = session, Slip.get_by_id(slip_id)
        self.lang = session.lang
        self.setWindowTitle(fill(self.tr("Satisfaction and return visit — %1"), self.slip.number))
        self.levels_box, self.levels = _levels(self, self.lang)
        if self.slip.satisfaction:
            self.levels.button(self.slip.satisfaction).setChecked(True)
        settled_row, self.settled = _settled_row(self)
        if self.slip.settled is not None:
            self.settled.button(1 if self.slip.settled else 2).setChecked(True)
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("What the customer said"))
        self.note.setPlaceholderText(self.tr("What the customer said, in their words"))

        self.visit = QCheckBox(self.tr("Schedule a return visit (回访)"))
        self.visit_due = datetime_edit()
        self.visit_due.setAccessibleName(self.tr("Return visit due"))
        # a call in working hours, like every call to the customer (models.replies)
        self.visit_due.setDateTime(to_qdatetime(next_opening((clock.now() + RETURN_VISIT_AFTER).replace(
            minute=0, second=0))))
        self.visit_method = QComboBox()
        self.visit_method.setAccessibleName(self.tr("Return visit by"))
        for method in satisfaction.VISIT_METHODS:
            self.visit_method.addItem(reply_label(method, self.lang), str(method))
        self.visit_purpose = QLineEdit()
        self.visit_purpose.setAccessibleName(self.tr("Purpose of the return visit"))
        self.visit_purpose.setPlaceholderText(self.tr("What to ask on the return visit"))
        visit_form = QFormLayout()
        visit_form.addRow(self.visit)
        visit_form.addRow(self.tr("Due"), self.visit_due)
        visit_form.addRow(self.tr("By"), self.visit_method)
        visit_form.addRow(self.tr("Purpose"), self.visit_purpose)

        self.reward = QCheckBox(self.tr("Thank the customer for a helpful suggestion"))
        self.reward_kind = QComboBox()
        self.reward_kind.setAccessibleName(self.tr("How to thank them"))
        for kind in satisfaction.REWARD_KINDS:
            self.reward_kind.addItem(satisfaction.reward_label(kind, self.lang), kind)
        self.reward_note = QLineEdit()
        self.reward_note.setAccessibleName(self.tr("What was given or upgraded"))
        reward_box = QGroupBox(self.tr("Thanks for a suggestion (意见簿: 携带小礼品上门感谢，或服务等级升级)"))
        reward_form = QFormLayout(reward_box)
        reward_form.addRow(self.reward)
        reward_form.addRow(self.tr("How"), self.reward_kind)
        reward_form.addRow(self.tr("Details"), self.reward_note)
        reward_box.setVisible(self.slip.channel == Channel.BOOK or self.slip.motive_type == "suggestion")

        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.levels_box)
        form = QFormLayout()
        form.addRow(self.tr("The matter"), settled_row)
        form.addRow(self.tr("Note"), self.note)
        layout.addLayout(form)
        layout.addLayout(visit_form)
        layout.addWidget(reward_box)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        for widget in (self.visit_due, self.visit_method, self.visit_purpose):
            self.visit.toggled.connect(widget.setEnabled)
            widget.setEnabled(False)
        for widget in (self.reward_kind, self.reward_note):
            self.reward.toggled.connect(widget.setEnabled)
            widget.setEnabled(False)

    def save(self) -> None:
        level, settled = self.levels.checkedId(), self.settled.checkedId()
        if level < 1 or settled < 1:
            self.message.setText(self.tr("Choose the customer's level of satisfaction and whether the matter "
                                         "is settled."))
            return
        user = self.session.user
        try:
            slip = satisfaction.record_satisfaction(self.slip.id, user, level, settled == 1, self.note.text(),
                                                    expected_version=self.slip.version)
            if self.visit.isChecked():
                satisfaction.schedule_return_visit(slip.id, user, from_qdatetime(self.visit_due.dateTime()),
                                                   self.visit_method.currentData(), self.visit_purpose.text(),
                                                   expected_version=slip.version)
                slip = Slip.get_by_id(slip.id)
            if self.reward.isChecked():
                satisfaction.reward_suggestion(slip.id, user, self.reward_kind.currentData(), self.reward_note.text(),
                                               expected_version=slip.version)
        except SlipdeskError as refused:
            self.message.setText(refusal_text(refused))
            return
        self.session.announce_slip_saved(self.slip.id)
        self.accept()


class ReturnVisitDialog(QDialog):
    """What the customer said on a scheduled return visit, and how satisfied they are now."""

    def __init__(self, session: Session, visit_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.visit = satisfaction.ReturnVisit.get_by_id(visit_id)
        slip = self.visit.slip
        self._version = slip.version  # as opened: another desk's change is not overwritten
        self.setWindowTitle(fill(self.tr("Return visit — %1"), slip.number))
        about = QLabel(fill(self.tr("%1, %2; due %3 by %4. %5"), slip.complainant_name, slip.unit_code or slip.phone, f"{self.visit.due:%Y-%m-%d %H:%M}", reply_label(self.visit.method, session.lang), self.visit.purpose))
        about.setWordWrap(True)
        about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outcome = QPlainTextEdit()
        self.outcome.setAccessibleName(self.tr("What the customer said"))
        self.levels_box, self.levels = _levels(self, session.lang, optional=True)
        settled_row, self.settled = _settled_row(self)
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(QLabel(self.tr("What the customer said")))
        layout.addWidget(self.outcome)
        layout.addWidget(self.levels_box)
        layout.addWidget(settled_row)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def save(self) -> None:
        level = self.levels.checkedId()
        settled = {1: True, 2: False}.get(self.settled.checkedId())
        try:
            satisfaction.record_return_visit(self.visit.id, self.session.user, self.outcome.toPlainText(),
                                             level or None, settled,
                                             expected_version=self._version)
        except SlipdeskError as refused:
            self.message.setText(refusal_text(refused))
            return
        self.session.announce_slip_saved(self.visit.slip_id)
        self.accept()

