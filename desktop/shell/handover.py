"""The shift handover (交接班): written by the leaving clerk, shown to the next one on signing in.

Both dialogs list the promises to customers that fall due in the coming shift, computed when
the dialog opens, beside the note in the previous clerk's own words.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget)

from desktop.shell.session import Session
from desktop.slips.short_list import SlipList
from forms.dates import when
from forms.fields import FieldRow
from models import handover
from models.errors import ValidationFailed
from models.i18n import fill

PROMISE_COLUMNS = ("number", "deadline", "status", "complainant", "unit_code", "complaint")



class IncomingHandover(QDialog):
    """The note the previous clerk left, and the promises due before this shift ends."""

    slip_activated = Signal(int)

    def __init__(self, session: Session, note: handover.HandoverNote, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.note = note
        self.setObjectName("incomingHandover")
        self.setWindowTitle(self.tr("Shift handover (交接班)"))
        self.resize(820, 520)
        layout = QVBoxLayout(self)
        heading = QLabel(fill(self.tr("Handed over by %1 at %2"), note.written_by.display_name, when(note.written_at)))
        heading.setObjectName("pageHeading")
        self.text = QLabel(note.text or self.tr("(no note: only the promises below)"))
        self.text.setObjectName("readBackText")
        self.text.setWordWrap(True)
        self.text.setAccessibleName(self.tr("Handover note"))
        until = handover.shift_end()
        self.promises = SlipList(PROMISE_COLUMNS, session.lang)
        self.promises.set_slips(handover.open_promises(until))
        self.promises.setAccessibleName(self.tr("Promises due in your shift"))
        caption = QLabel(fill(self.tr("Promises due before %1 (%2), overdue first:"), when(until), str(self.promises.rowCount())))
        buttons = QDialogButtonBox()
        self.acknowledge_button = buttons.addButton(self.tr("&I have read it"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.acknowledge_button.setObjectName("primaryButton")
        self.acknowledge_button.setDefault(True)
        layout.addWidget(heading)
        layout.addWidget(self.text)
        layout.addWidget(caption)
        layout.addWidget(self.promises, 1)
        if note.anchor:
            self.anchor = QLabel(fill(self.tr("Database anchor at the handover: %1 — note it in the shift book; a "
                                              "database rewound or rewritten later no longer matches it."), note.anchor))
            self.anchor.setObjectName("fieldHint")
            self.anchor.setWordWrap(True)
            self.anchor.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(self.anchor)
        layout.addWidget(buttons)
        self.acknowledge_button.clicked.connect(self.acknowledge)
        self.promises.slip_activated.connect(self.slip_activated)

    def acknowledge(self) -> None:
        handover.acknowledge(self.note, self.session.user)
        self.accept()


class WriteHandover(QDialog):
    """The leaving clerk's note, with the promises the next shift inherits."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("writeHandover")
        self.setWindowTitle(self.tr("Write the handover note (交接班)"))
        self.resize(820, 560)
        layout = QVBoxLayout(self)
        until = handover.next_shift_end()
        self.promises = SlipList(PROMISE_COLUMNS, session.lang)
        self.promises.set_slips(handover.open_promises(until))
        caption = QLabel(fill(self.tr("The next shift inherits these promises (due before %1):"), when(until)))
        self.editor = QPlainTextEdit()
        self.editor.setTabChangesFocus(True)
        self.editor.setPlaceholderText(self.tr("What the next clerk must know: calls expected, customers to "
                                               "call back, keys, anything promised by word of mouth."))
        self.editor.setAccessibleName(self.tr("Handover note"))
        self.row = FieldRow("text", self.editor)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton(self.tr("&Hand over"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("primaryButton")
        layout.addWidget(caption)
        layout.addWidget(self.promises, 1)
        layout.addWidget(QLabel(self.tr("Note:")))
        layout.addWidget(self.row)
        layout.addWidget(buttons)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.editor.setFocus()

    def save(self) -> handover.HandoverNote | None:
        try:
            note = handover.write_note(self.session.user, self.editor.toPlainText())
        except ValidationFailed as refused:
            self.row.set_error(refused.errors.get("text", str(refused)))
            return None
        self.accept()
        return note


def offer_incoming(session: Session, parent: QWidget | None = None) -> IncomingHandover | None:
    """On signing in: the previous clerk's note, if there is one this user has not read."""
    note = handover.note_for(session.user) if session.user else None
    if note is None:
        return None
    dialog = IncomingHandover(session, note, parent)
    dialog.open()
    return dialog
