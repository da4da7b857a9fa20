"""The upper service-management department's page (上级服务管理部门): what the estate sent up.

An account of the upper department (Role.UPPER) signs in to the same database and works here:
the slips waiting for its handling, oldest promise first, with what the person in charge sent
with each (to whom, when, the attachments, the note); H records what the department did and hands
the slip back, and the estate's desk replies to the customer. Below, what it handed back lately.
Which slips it sees is models.upper's decision; on a company database (models.estates) head
office's department sees every estate's, each listed with its estate. Another desk's work shows
within two seconds (desktop.shell.live), the selection kept.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from desktop.shell.pages import QueuePage
from desktop.slips.actions import VIEW, SlipContext
from desktop.slips.short_list import SlipList
from desktop.slips.workflow_actions import StepDialog, step_dialog
from forms.dates import when
from models import estates, upper
from models.i18n import fill, is_chinese, shown
from models.live import SLIP, Changes
from models.slips import Slip
from models.transmittals import latest_transmittal

WAITING_COLUMNS = ("number", "deadline", "complainant", "unit_code", "category", "complaint")
BACK_COLUMNS = ("number", "status", "complainant", "unit_code", "complaint")
# on a company database head office's department works every estate's escalations: each with its estate
COMPANY = ("estate",)


class UpperPage(QueuePage):
    object_name = "upperPage"

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        heading = QLabel(self.tr("Sent up to us (上报事项)"))
        heading.setObjectName("pageHeading")
        hint = QLabel(self.tr("H: record what your department did and hand the slip back to the estate's desk, "
                              "which replies to the customer · Enter: open the slip"))
        hint.setObjectName("mutedText")
        hint.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("doneBanner")
        self.message.setWordWrap(True)
        self.message.hide()
        company = COMPANY if estates.is_company() else ()
        self.waiting = SlipList((*company, *WAITING_COLUMNS), self.session.lang)
        self.waiting.setAccessibleName(self.tr("Slips waiting for your department's handling"))
        self.details = QLabel()
        self.details.setObjectName("readBackText")
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        self.hand_back_button = QPushButton(self.tr("&Hand back to the desk… (H)"))
        self.hand_back_button.setObjectName("primaryButton")
        self.open_button = QPushButton(self.tr("&Open slip"))
        buttons.addWidget(self.hand_back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        back_heading = QLabel(self.tr("Handed back"))
        back_heading.setObjectName("sideHeading")
        self.back = SlipList((*company, *BACK_COLUMNS), self.session.lang)
        self.back.setAccessibleName(self.tr("Slips your department handed back"))
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(self.waiting, 3)
        layout.addWidget(self.details, 1)
        layout.addLayout(buttons)
        layout.addWidget(back_heading)
        layout.addWidget(self.back, 2)
        self.hand_back_key = QShortcut(QKeySequence("H"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _connect_signals(self) -> None:
        self.waiting.slip_activated.connect(self.slip_activated)
        self.back.slip_activated.connect(self.slip_activated)
        self.waiting.itemSelectionChanged.connect(self._show_details)
        self.hand_back_button.clicked.connect(self.hand_back)
        self.hand_back_key.activated.connect(self.hand_back)
        self.open_button.clicked.connect(self.waiting.open_current)
        self.session.slips_changed.connect(self.refresh)
        self.session.changed_elsewhere.connect(self._changed_elsewhere)

    def refresh(self) -> None:
        """Read both lists again, keeping their selections and scroll positions."""
        user = self.session.user
        waiting = list(upper.waiting(user).limit(500)) if user else []
        self.waiting.set_slips(waiting)
        self.back.set_slips(upper.handed_back(user) if user else [])
        self._show_details()
        self.hand_back_button.setEnabled(bool(waiting))
        self.open_button.setEnabled(bool(waiting))
        self.count_changed.emit(len(waiting))

    def _changed_elsewhere(self, changes: Changes) -> None:
        if changes.touches(SLIP):
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.waiting.rowCount():
            self.waiting.setFocus()

    def _show_details(self) -> None:
        slip = self.waiting.current_slip()
        if slip is None:
            self.details.setText(self.tr("Nothing waits for your department."))
            return
        lines = [f"{slip.number} · {slip.complainant_name} · {slip.unit_code}", slip.complaint, ""]
        sent = latest_transmittal(slip)
        if sent is not None:
            files = ("、" if is_chinese(self.session.lang) else ", ").join(a["filename"] for a in sent.attachment_list)
            lines += [fill(self.tr("Sent by %1 at %2, to %3"), sent.sent_by.display_name, when(sent.sent_at), sent.recipient or "—"),
                      fill(self.tr("With it: %1"), files or "—")
                      + (self.tr(" · the letter (a copy kept on file)") if sent.letter_copy_kept else ""),
                      fill(self.tr("Note: %1"), sent.note or "—"),
                      fill(self.tr("The clerk's reason: %1"), shown(slip.escalation_reason, self.session.lang) or "—")]  # or the rules', composed
        self.details.setText("\n".join(lines))

    def hand_back(self) -> StepDialog | None:
        """Record the department's result and hand the slip back (models.workflow's hand_back)."""
        slip = self.waiting.current_slip()
        if slip is None:
            return None
        dialog = step_dialog(SlipContext(slip, self.session, self, VIEW), "hand_back")
        dialog.accepted.connect(lambda: self._handed_back(slip))
        dialog.open()
        return dialog

    def _handed_back(self, slip: Slip) -> None:
        self.message.setText(fill(self.tr("Slip %1 was handed back to the estate's desk with your result."), slip.number))
        self.message.show()
