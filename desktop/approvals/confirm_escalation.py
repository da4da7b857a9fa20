"""Confirming an escalation is a decision (确认上报): the person in charge sees why the slip was
flagged, chooses where it goes and who receives it, what goes with it, and may add a note.

The dialog only gathers; models.workflow's `confirm_escalation` step decides (it refuses without a
recipient, a letter whose copy is not kept on file, another slip's attachments …) and the refusal
shows beside its field, with everything typed kept. The approvals queue and the slip view both
open this one dialog.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QListWidget, QListWidgetItem, QPlainTextEdit, QVBoxLayout, QWidget)

from desktop.shell.layout_memory import remember
from desktop.shell.session import Session
from forms.error_placing import ErrorPlacing
from forms.fields import FieldRow, counted
from models import authority, catalog, transmittals, workflow
from models.i18n import fill, is_chinese, shown
from models.slips import Attachment, Slip
from models.vocab import Channel
from forms.translation import translator


_tr = translator("ConfirmEscalation")


def flagged_by(slip: Slip, lang: str) -> str:
    """The rules that found the complaint beyond the desk's authority, in the interface's language;
    when none did, that the clerk asked anyway."""
    assessment = authority.suggestion_of(slip)
    if assessment is None:
        return shown(slip.authority_suggestion, lang) or "—"
    escalating = [reason.text(lang) for reason in assessment.reasons if reason.escalates]
    if not escalating:
        return _tr("No rule flagged it: the clerk judged it beyond the desk's authority.")
    return ("" if is_chinese(lang) else " ").join(escalating)


class ConfirmEscalationDialog(QDialog, ErrorPlacing):
    """The slip, why it goes up, and the transmittal's particulars; Confirm takes the step."""

    def __init__(self, session: Session, slip: Slip, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.slip = slip
        self.result_slip: Slip | None = None
        self.setObjectName("confirmEscalationDialog")
        self.setWindowTitle(fill(_tr("Confirm and send up — %1"), slip.number))
        remember(self, "confirm_escalation_dialog", default_size=(640, 600))
        self.rows: dict[str, FieldRow] = {}
        self._build()
        self.department.currentIndexChanged.connect(self._offer_recipients)
        self._offer_recipients()
        self.recipient.setFocus()

    def _build(self) -> None:
        slip, lang = self.slip, self.session.lang
        layout = QVBoxLayout(self)
        about = QLabel(f"{slip.number} · {slip.complainant_name} · {slip.unit_code}\n{slip.complaint}")
        about.setObjectName("readBackText")
        about.setWordWrap(True)
        about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.flagged = QLabel(flagged_by(slip, lang))
        self.flagged.setWordWrap(True)
        self.flagged.setAccessibleName(_tr("Flagged by"))
        reason = QLabel(shown(slip.escalation_reason, lang) or "—")  # the rules' own reason in both languages
        reason.setWordWrap(True)
        self.message = self._make_banner()
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.addRow(_tr("Flagged by"), self.flagged)
        form.addRow(_tr("Clerk's reason"), reason)
        self.department = QComboBox()
        upper = catalog.upper_department()
        for department in catalog.departments():
            if department.upper:
                self.department.addItem(department.name(lang), department.id)
        self.department.setCurrentIndex(max(0, self.department.findData(upper.id if upper else None)))
        self._row(form, "sent_to", _tr("Send to"), self.department)
        self.recipient = QComboBox()
        self.recipient.setEditable(True)
        self.recipient.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.recipient.lineEdit().setPlaceholderText(_tr("Who receives it there (required)"))
        self._row(form, "recipient", _tr("Recipient"), self.recipient)
        self.attachments = QListWidget()
        self.attachments.setMaximumHeight(100)
        for item in Attachment.select(Attachment.id, Attachment.filename).where(Attachment.slip == slip):
            entry = QListWidgetItem(item.filename)
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            entry.setCheckState(Qt.CheckState.Checked)
            self.attachments.addItem(entry)
        self.attachments.setVisible(self.attachments.count() > 0)
        goes = QLabel(_tr("The handling slip and its escalation transmittal (投诉事项报送单)."))
        goes.setWordWrap(True)
        form.addRow(_tr("Goes with it"), goes)
        self.attachments.setAccessibleName(_tr("Attachments sent with the slip"))
        form.addRow("", self.attachments)  # a refusal about them shows above the form
        self.letter_copy: QCheckBox | None = None
        if slip.channel == Channel.LETTER:
            self.letter_copy = QCheckBox(_tr("The letter goes up with the slip; a copy is kept on file "
                                             "(复印，留存备查)"))
            self._row(form, "letter_copy_kept", "", self.letter_copy, self.letter_copy.text())
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(90)
        self._row(form, "note", _tr("Note"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm_button = buttons.addButton(_tr("&Confirm and send up"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm_button.setObjectName("primaryButton")
        self.confirm_button.setDefault(True)
        layout.addWidget(about)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.confirm_button.clicked.connect(self.submit)
        buttons.rejected.connect(self.reject)

    def _row(self, form: QFormLayout, key: str, caption: str, editor: QWidget, name: str = "") -> None:
        """An input with its refusal beside it; an empty caption spans the row."""
        editor.setAccessibleName(name or caption)
        self.rows[key] = FieldRow(key, editor)
        if caption:
            form.addRow(caption, self.rows[key])
        else:
            form.addRow(self.rows[key])

    def _offer_recipients(self) -> None:
        typed = self.recipient.currentText()
        self.recipient.clear()
        department = self.department.currentData()
        if department is not None:
            self.recipient.addItems(transmittals.known_recipients(department))
        self.recipient.setEditText(typed)

    def inputs(self) -> dict:
        chosen = [self.attachments.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.attachments.count())
                  if self.attachments.item(row).checkState() == Qt.CheckState.Checked]
        values = {"sent_to": self.department.currentData(), "recipient": self.recipient.currentText(),
                  "attachments": chosen, "note": self.note.toPlainText()}
        if self.letter_copy is not None:
            values["letter_copy_kept"] = self.letter_copy.isChecked()
        return values

    def submit(self) -> Slip | None:
        """Take the step; a refusal shows beside its field and nothing typed is lost."""
        self.result_slip = self.attempt(lambda: workflow.apply(self.slip.id, "confirm_escalation", self.session.user,
                                                               expected_version=self.slip.version, **self.inputs()))
        if self.result_slip is not None:
            self.accept()
        return self.result_slip

    def what_was_done(self) -> str:
        """One sentence for the queue: which slip went where, to whom, with what."""
        slip, inputs = self.result_slip, self.inputs()
        count = len(inputs["attachments"])
        sent = [counted(count, _tr("%1 attachment"), _tr("%1 attachments"))] if count else []
        if inputs.get("letter_copy_kept"):
            sent.append(_tr("the letter (a copy kept on file)"))
        text = (fill(_tr("Slip %1 was confirmed and sent to %2, to %3."), slip.number, self.department.currentText(), inputs["recipient"].strip()))
        if sent:
            text += fill(_tr(" With it: %1."), ("、" if is_chinese(self.session.lang) else ", ").join(sent))
        return text
