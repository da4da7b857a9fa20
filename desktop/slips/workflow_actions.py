"""The workflow's steps as actions on the slip view: only the steps this user may take now.

`slip_actions(context)` is registered in desktop.slips.actions. Each action opens a small dialog
for the step's inputs (a reason, the handling result, a new agreed deadline …) and takes the
step through models.workflow (or models.deadlines for a new deadline), which checks the role,
the slip's state and version again. Recording a reply is the replies module's action;
confirming an escalation is a decision of its own (desktop.approvals.confirm_escalation).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QPlainTextEdit,
                               QVBoxLayout, QWidget)

from desktop.approvals.confirm_escalation import ConfirmEscalationDialog
from desktop.slips.actions import SlipContext, VIEW
from forms.deadline_aid import DeadlineAid
from forms.error_placing import ErrorPlacing
from forms.fields import FieldRow, datetime_edit, from_qdatetime, to_qdatetime
from models import catalog, clock, deadlines, workflow
from models.slips import Slip
from models.vocab import AWAITING_REPLY, DESK_ROLES
from forms.translation import translator

LEFT_TO_OTHERS = {"record_reply"}  # the replies module offers it, with the etiquette rules
CONTEXT = "WorkflowActions"


tr = translator(CONTEXT)



@dataclass(frozen=True)
class Field:
    key: str
    label: str  # English source text (QT_TRANSLATE_NOOP in CONTEXT)
    kind: str  # "text", "line", "department", "datetime"


FIELDS: dict[str, tuple[Field, ...]] = {
    "answer_at_once": (Field("answer_note", QT_TRANSLATE_NOOP(CONTEXT, "What was answered"), "text"),),
    "assign": (Field("department", QT_TRANSLATE_NOOP(CONTEXT, "Department"), "department"),
               Field("assignee", QT_TRANSLATE_NOOP(CONTEXT, "Responsible person"), "line"),
               Field("note", QT_TRANSLATE_NOOP(CONTEXT, "Note"), "line")),
    "request_escalation": (Field("reason", QT_TRANSLATE_NOOP(CONTEXT, "Why it is beyond your authority"), "text"),),
    "return_escalation": (Field("reason", QT_TRANSLATE_NOOP(CONTEXT, "Reason for the clerk"), "text"),),
    "record_handling": (Field("result", QT_TRANSLATE_NOOP(CONTEXT, "Handling result"), "text"),),
    "hand_back": (Field("result", QT_TRANSLATE_NOOP(CONTEXT, "What your department did: the result the desk "
                                                              "tells the customer"), "text"),),
    "close": (Field("note", QT_TRANSLATE_NOOP(CONTEXT, "Note"), "line"),),
    "end_unaccepted": (Field("end_reason", QT_TRANSLATE_NOOP(CONTEXT, "Why nothing more can be done within the "
                                                                      "rules and your authority"), "text"),
                       Field("offered", QT_TRANSLATE_NOOP(CONTEXT, "What was offered to the customer"), "text"),
                       Field("note", QT_TRANSLATE_NOOP(CONTEXT, "Note"), "line")),
    "reopen": (Field("customer_words", QT_TRANSLATE_NOOP(CONTEXT, "What the customer said"), "text"),
               Field("deadline", QT_TRANSLATE_NOOP(CONTEXT, "New reply deadline agreed"), "datetime"),
               Field("reason", QT_TRANSLATE_NOOP(CONTEXT, "Why"), "line")),
    "move_deadline": (Field("deadline", QT_TRANSLATE_NOOP(CONTEXT, "New reply deadline"), "datetime"),
                      Field("agreed_with", QT_TRANSLATE_NOOP(CONTEXT, "Agreed with"), "line"),
                      Field("reason", QT_TRANSLATE_NOOP(CONTEXT, "Why it moves"), "text")),
}


class StepDialog(QDialog, ErrorPlacing):
    """The inputs of one step; a refusal shows beside its field and keeps what was typed."""

    def __init__(self, title: str, slip: Slip, fields: tuple[Field, ...], lang: str,
                 take: Callable[[dict[str, Any]], Slip], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("stepDialog")
        self.setWindowTitle(f"{title} — {slip.number}")
        self.slip = slip
        self.take = take
        self.result_slip: Slip | None = None
        self.editors: dict[str, QWidget] = {}
        self.rows: dict[str, FieldRow] = {}
        layout = QVBoxLayout(self)
        self.message = self._make_banner()
        form = QFormLayout()
        for field in fields:
            editor = self._editor(field, slip, lang)
            editor.setAccessibleName(tr(field.label))
            self.editors[field.key] = editor
            self.rows[field.key] = FieldRow(field.key, editor)
            if field.kind == "datetime":
                self.rows[field.key].add_below(DeadlineAid(editor))
            form.addRow(tr(field.label), self.rows[field.key])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.addButton(title, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("primaryButton")
        self.ok_button.setDefault(True)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.ok_button.clicked.connect(self.submit)
        buttons.rejected.connect(self.reject)

    def _editor(self, field: Field, slip: Slip, lang: str) -> QWidget:
        if field.kind == "text":
            editor = QPlainTextEdit()
            editor.setTabChangesFocus(True)
            editor.setMaximumHeight(110)
            return editor
        if field.kind == "department":
            editor = QComboBox()
            for department in catalog.departments():
                if not department.upper:
                    editor.addItem(department.name(lang), department.id)
            editor.setCurrentIndex(max(0, editor.findData(slip.department_id)))
            return editor
        if field.kind == "datetime":
            editor = datetime_edit()
            editor.setDateTime(to_qdatetime(deadlines.default_deadline(clock.now())))
            return editor
        editor = QLineEdit()
        if field.key == "agreed_with":
            editor.setText(slip.complainant_name)
        return editor

    def inputs(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for key, editor in self.editors.items():
            if isinstance(editor, QPlainTextEdit):
                values[key] = editor.toPlainText()
            elif isinstance(editor, QComboBox):
                values[key] = editor.currentData()
            elif isinstance(editor, QLineEdit):
                values[key] = editor.text()
            else:
                values[key] = from_qdatetime(editor.dateTime())
        return values

    def submit(self) -> Slip | None:
        """Take the step; a refusal shows beside its field and nothing typed is lost."""
        self.result_slip = self.attempt(lambda: self.take(self.inputs()))
        if self.result_slip is not None:
            self.accept()
        return self.result_slip


def step_dialog(context: SlipContext, action: str) -> StepDialog:
    """The dialog for one step (or a new deadline) on the slip in `context`."""
    slip, session = context.slip, context.session
    user, version = session.user, slip.version
    if action == "move_deadline":
        title = tr("Move the reply deadline")

        def take(values: dict[str, Any]) -> Slip:
            return deadlines.move_deadline(slip.id, values["deadline"], user, values["agreed_with"], None,
                                           values["reason"], expected_version=version)
    else:
        title = workflow.TRANSITIONS[action].label(session.lang)

        def take(values: dict[str, Any]) -> Slip:
            return workflow.apply(slip.id, action, user, expected_version=version, **values)
    dialog = StepDialog(title, slip, FIELDS[action], session.lang, take, context.parent)
    dialog.accepted.connect(lambda: session.announce_slip_saved(slip.id))
    return dialog


def confirm_dialog(context: SlipContext) -> ConfirmEscalationDialog:
    """The decision to send the slip up, as the approvals queue opens it."""
    dialog = ConfirmEscalationDialog(context.session, context.slip, context.parent)
    dialog.accepted.connect(lambda: context.session.announce_slip_saved(context.slip.id))
    return dialog


def _action(context: SlipContext, action: str, text: str) -> QAction:
    item = QAction(text, context.parent)
    item.setData(action)
    opens = confirm_dialog if action == "confirm_escalation" else lambda c: step_dialog(c, action)
    item.triggered.connect(lambda _=False: opens(context).open())
    return item


def slip_actions(context: SlipContext) -> list[QAction]:
    """The steps the signed-in user may take on this slip now, and a new deadline while one is owed."""
    if context.place != VIEW or context.session.user is None:
        return []
    lang = context.session.lang
    actions = [_action(context, step.action, step.label(lang))
               for step in workflow.allowed_actions(context.slip, context.session.user)
               if step.action not in LEFT_TO_OTHERS]
    desk = context.session.has_role(*DESK_ROLES)  # the promise to the customer is the estate desk's
    if desk and context.slip.status in AWAITING_REPLY and context.slip.deadline:
        actions.append(_action(context, "move_deadline", tr("Move the reply deadline…")))
    return actions

