"""The person in charge's approvals queue: every slip waiting for confirmation that it goes up.

Each row shows the slip, the rule that flagged it and the clerk's reason; the complaint in the
customer's words is shown under the list. C confirms and sends the selected slip to the upper
department; R returns it to the clerk (a reason is proposed, Enter accepts it). The models
refuse what the role or the person may not do (nobody confirms their own request).
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QHBoxLayout, QInputDialog, QLabel, QLineEdit, QMessageBox, QPushButton,
                               QVBoxLayout, QWidget)

from desktop.reply_actions import LetterQueue
from desktop.session import Session
from desktop.slip_list import SlipList
from forms.fields import tr_model
from models import dashboard, workflow
from models.errors import SlipdeskError, StaleSlip, ValidationFailed
from models.i18n import shown
from models.slips import Slip
from models.vocab import Channel

log = logging.getLogger("slipdesk.approvals")

COLUMNS = ("number", "received_at", "complainant", "category", "flagged", "reason", "asked_by", "deadline")


def ask_return_reason(parent: QWidget, number: str) -> str | None:
    """The reason to give the clerk (tests replace this); None when the person in charge cancels."""
    text, ok = QInputDialog.getText(
        parent, QCoreApplication.translate("ApprovalsPage", "Return to the clerk"),
        QCoreApplication.translate("ApprovalsPage", "Why does slip %1 not go up? The clerk sees this:").replace("%1", number),
        QLineEdit.EchoMode.Normal,
        QCoreApplication.translate("ApprovalsPage", "Within the desk's authority: assign it for handling directly."))
    return text if ok else None


def ask_letter_copy(parent: QWidget, number: str) -> bool:
    """A letter goes up only once a copy is kept on file (复印，留存备查) (tests replace this)."""
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("ApprovalsPage", "Letter copy kept?"),
        QCoreApplication.translate("ApprovalsPage", "Slip %1 is a letter. Has the letter been copied and the copy "
                                   "kept on file (复印，留存备查)?")
        .replace("%1", number), QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes)
    return answer == QMessageBox.StandardButton.Yes


class ApprovalsPage(QWidget):
    slip_activated = Signal(int)
    count_changed = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("approvalsPage")
        self._build()
        self._connect_signals()
        self.refresh()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        heading = QLabel(self.tr("Awaiting your confirmation (待确认上报)"))
        heading.setObjectName("pageHeading")
        hint = QLabel(self.tr("C: confirm and send to the upper service-management department · "
                              "R: return to the clerk with a reason · Enter: open the slip"))
        hint.setObjectName("mutedText")
        self.message = QLabel()
        self.message.setObjectName("formError")
        self.message.setWordWrap(True)
        self.message.hide()
        self.list = SlipList(COLUMNS, self.session.lang)
        self.list.setAccessibleName(self.tr("Slips awaiting confirmation"))
        self.complaint = QLabel()
        self.complaint.setObjectName("readBackText")
        self.complaint.setWordWrap(True)
        self.complaint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.complaint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.complaint.setAccessibleName(self.tr("The complaint in the customer's words"))
        buttons = QHBoxLayout()
        self.confirm_button = QPushButton(self.tr("&Confirm and send up (C)"))
        self.confirm_button.setObjectName("primaryButton")
        self.return_button = QPushButton(self.tr("&Return to the clerk (R)"))
        self.open_button = QPushButton(self.tr("&Open slip"))
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.return_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(self.list, 2)
        layout.addWidget(self.complaint, 1)
        layout.addLayout(buttons)
        self.letters = LetterQueue(self.session)  # reply letters to approve (models.replies)
        layout.addWidget(self.letters)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.confirm_key = QShortcut(QKeySequence("C"), self, context=context)
        self.return_key = QShortcut(QKeySequence("R"), self, context=context)

    def _connect_signals(self) -> None:
        self.list.slip_activated.connect(self.slip_activated)
        self.letters.slip_activated.connect(self.slip_activated)
        self.list.itemSelectionChanged.connect(self._show_complaint)
        self.confirm_button.clicked.connect(self.confirm)
        self.confirm_key.activated.connect(self.confirm)
        self.return_button.clicked.connect(self.return_to_clerk)
        self.return_key.activated.connect(self.return_to_clerk)
        self.open_button.clicked.connect(self._open_current)
        self.session.slips_changed.connect(self.refresh)

    def refresh(self) -> None:
        user = self.session.user
        slips = dashboard.slips_of("awaiting_confirmation", user) if user else []
        self.list.set_slips(slips)
        self._show_complaint()
        self.confirm_button.setEnabled(bool(slips))
        self.return_button.setEnabled(bool(slips))
        self.count_changed.emit(len(slips) + self.letters.list.count())
        if slips:
            self.list.setFocus()

    def _selected(self) -> Slip | None:
        slip_id = self.list.current_slip_id()
        return Slip.get_or_none(Slip.id == slip_id) if slip_id else None

    def _show_complaint(self) -> None:
        slip = self._selected()
        if slip is None:
            self.complaint.setText(self.tr("Nothing waits for you."))
            return
        lines = [f"{slip.number} · {slip.complainant_name} · {slip.unit_code}", slip.complaint, "",
                 self.tr("Flagged by: %1").replace("%1", shown(slip.authority_suggestion, self.session.lang) or "—"),
                 self.tr("Clerk's reason: %1").replace("%1", shown(slip.escalation_reason, self.session.lang) or "—")]
        self.complaint.setText("\n".join(lines))

    def _open_current(self) -> None:
        slip_id = self.list.current_slip_id()
        if slip_id:
            self.slip_activated.emit(slip_id)

    def confirm(self) -> Slip | None:
        """Confirm the selected slip is beyond authority and record its transmittal."""
        slip = self._selected()
        if slip is None:
            return None
        inputs = {}
        if slip.channel == Channel.LETTER:
            if not ask_letter_copy(self, slip.number):
                return None
            inputs["letter_copy_kept"] = True
        return self._step(slip, "confirm_escalation", inputs)

    def return_to_clerk(self) -> Slip | None:
        slip = self._selected()
        if slip is None:
            return None
        reason = ask_return_reason(self, slip.number)
        if reason is None:
            return None
        return self._step(slip, "return_escalation", {"reason": reason})

    def _step(self, slip: Slip, action: str, inputs: dict) -> Slip | None:
        self.message.hide()
        try:
            done = workflow.apply(slip.id, action, self.session.user, expected_version=slip.version, **inputs)
        except StaleSlip as stale:
            self._say(tr_model(str(stale)))
            self.refresh()
            return None
        except ValidationFailed as refused:
            self._say("\n".join(tr_model(message) for message in refused.errors.values()))
            return None
        except SlipdeskError as refused:
            self._say(tr_model(str(refused)))
            return None
        self.session.announce_slip_saved(done.id)
        return done

    def _say(self, message: str) -> None:
        self.message.setText(message)
        self.message.show()
