"""The person in charge's approvals queue: every slip waiting for confirmation that it goes up.

Each row shows the slip, the rule that flagged it and the clerk's reason; the complaint in the
customer's words is shown under the list. C opens the decision to send the selected slip up (the
rule, the recipient, what goes with it, a note: desktop.approvals.confirm_escalation); R returns it to the
clerk (a reason is proposed, Enter accepts it). Either way the queue stays where it was — on the
next slip — and says what was done. The models refuse what the role or the person may not do
(nobody confirms their own request, nothing goes up without a recipient).

Another desk's work shows within two seconds (desktop.shell.live): a slip asked for, confirmed or
returned elsewhere comes or goes, the selection stays on the same slip (or the next one).
"""
from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from desktop.shell.pages import QueuePage
from desktop.approvals.confirm_escalation import ConfirmEscalationDialog
from desktop.replies.actions import LetterQueue
from desktop.slips.short_list import SlipList
from forms import asking
from forms.fields import StatusLine, refusal_text
from models import dashboard, workflow
from models.errors import SlipdeskError, StaleSlip
from models.i18n import fill, shown
from models.live import SLIP, Changes
from models.slips import Slip

log = logging.getLogger("slipdesk.approvals")

COLUMNS = ("number", "received_at", "complainant", "category", "flagged", "reason", "asked_by", "deadline")


class ApprovalsPage(QueuePage):
    object_name = "approvalsPage"

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        heading = QLabel(self.tr("Awaiting your confirmation (待确认上报)"))
        heading.setObjectName("pageHeading")
        hint = QLabel(self.tr("C: confirm and send to the upper service-management department… · "
                              "R: return to the clerk with a reason · Enter: open the slip"))
        hint.setObjectName("mutedText")
        self.message = StatusLine()
        self.list = SlipList(COLUMNS, self.session.lang)
        self.list.setAccessibleName(self.tr("Slips awaiting confirmation"))
        self.complaint = QLabel()
        self.complaint.setObjectName("readBackText")
        self.complaint.setWordWrap(True)
        self.complaint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.complaint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.complaint.setAccessibleName(self.tr("The complaint in the customer's words"))
        buttons = QHBoxLayout()
        self.confirm_button = QPushButton(self.tr("&Confirm and send up… (C)"))
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
        self.open_button.clicked.connect(self.list.open_current)
        self.session.slips_changed.connect(self.refresh)
        self.session.changed_elsewhere.connect(self._changed_elsewhere)
        self.letters.count_changed.connect(lambda _count: self._count())

    def refresh(self) -> None:
        """Read the queue again, keeping the selected slip (or the one now in its place) and the
        scroll position; the keyboard focus stays where the person in charge has it."""
        user = self.session.user
        slips = dashboard.slips_of("awaiting_confirmation", user) if user else []
        self.list.set_slips(slips)
        self._show_complaint()
        self.confirm_button.setEnabled(bool(slips))
        self.return_button.setEnabled(bool(slips))
        self._count()

    def _count(self) -> None:
        self.count_changed.emit(self.list.rowCount() + self.letters.list.count())

    def _changed_elsewhere(self, changes: Changes) -> None:
        if changes.touches(SLIP):
            self.refresh()
            self.letters.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        """Opened, the queue takes the keyboard: C and R act on its selected row at once."""
        super().showEvent(event)
        if self.list.rowCount():
            self.list.setFocus()

    def _show_complaint(self) -> None:
        slip = self.list.current_slip()
        if slip is None:
            self.complaint.setText(self.tr("Nothing waits for you."))
            return
        lines = [f"{slip.number} · {slip.complainant_name} · {slip.unit_code}", slip.complaint, "",
                 fill(self.tr("Flagged by: %1"), shown(slip.authority_suggestion, self.session.lang) or "—"),
                 fill(self.tr("Clerk's reason: %1"), shown(slip.escalation_reason, self.session.lang) or "—")]
        self.complaint.setText("\n".join(lines))

    def confirm(self) -> ConfirmEscalationDialog | None:
        """Open the decision to send the selected slip up; once taken, the queue says what was done."""
        slip = self.list.current_slip()
        if slip is None:
            return None
        dialog = ConfirmEscalationDialog(self.session, slip, self)
        dialog.accepted.connect(lambda: self._confirmed(dialog))
        dialog.open()
        return dialog

    def _confirmed(self, dialog: ConfirmEscalationDialog) -> None:
        self.session.announce_slip_saved(dialog.result_slip.id)
        self.message.done(dialog.what_was_done())

    def return_to_clerk(self) -> Slip | None:
        slip = self.list.current_slip()
        if slip is None:
            return None
        reason = asking.return_reason(self, slip.number)
        if reason is None:
            return None
        self.message.hide()
        try:
            done = workflow.apply(slip.id, "return_escalation", self.session.user, expected_version=slip.version,
                                  reason=reason)
        except StaleSlip as stale:
            self.message.say(str(stale), error=True)
            self.refresh()
            return None
        except SlipdeskError as refused:  # a reason is typed in a question box: no field here to stand beside
            self.message.say(refusal_text(refused), error=True)
            return None
        self.session.announce_slip_saved(done.id)
        self.message.done(fill(self.tr("Slip %1 was returned to %2 with your reason."), done.number,
                               done.escalation_requested_by.display_name if done.escalation_requested_by_id
                               else self.tr("the clerk")))
        return done
