"""The window a clerk takes a complaint down in: one channel's slip form, Save, then the number.

Enter or Ctrl+S saves; a refused save leaves the form as it was with the messages beside the
fields. After saving, the window shows the new slip number to tell the customer, the actions
registered for a freshly saved slip (e.g. print the receipt), and "Take the next complaint".
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton,
                               QStackedWidget, QToolButton, QVBoxLayout, QWidget)

from desktop.slips import actions as slip_actions
from desktop.shell.layout_memory import remember
from desktop.shell import outage_watch
from desktop.shell.session import Session
from forms import asking, intake_draft
from forms.autosave import AutosavedDialog
from forms.dates import when
from forms.intake import SlipForm
from models import drafts
from models.errors import SlipdeskError
from models.slips import Slip
from models.vocab import Channel, Status
from models.workflow import AT_ONCE_CHANNELS
from models.i18n import fill

log = logging.getLogger("slipdesk.intake")

CHANNEL_TITLES = {
    Channel.ONSITE: QT_TRANSLATE_NOOP("IntakeWindow", "On-site complaint (现场口头投诉)"),
    Channel.PHONE: QT_TRANSLATE_NOOP("IntakeWindow", "Phone complaint (电话投诉)"),
    Channel.BOOK: QT_TRANSLATE_NOOP("IntakeWindow", "Comment-book entry (意见簿)"),
    Channel.LETTER: QT_TRANSLATE_NOOP("IntakeWindow", "Letter complaint (信函投诉)"),
}


def channel_title(channel: str) -> str:
    return QCoreApplication.translate("IntakeWindow", CHANNEL_TITLES[channel])


class IntakeWindow(AutosavedDialog, QDialog):
    """Takes one complaint after another on one channel."""

    open_slip = Signal(int)

    def __init__(self, session: Session, channel: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.channel = channel
        self.slip: Slip | None = None
        self.setObjectName("intakeWindow")
        self.setWindowTitle(channel_title(channel))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        remember(self, f"intake_window/{channel}", default_size=(1080, 760))
        self._build()
        self._connect_signals()
        self._new_form()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        header = QHBoxLayout()
        self.heading = QLabel(channel_title(self.channel))
        self.heading.setObjectName("pageHeading")
        header.addWidget(self.heading)
        header.addStretch(1)
        self.received_by = QLabel(fill(self.tr("Received by %1"), self.session.user.display_name))
        self.received_by.setObjectName("mutedText")
        header.addWidget(self.received_by)
        layout.addLayout(header)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)
        self.saved_page = SavedPage(self)
        self.pages.addWidget(self.saved_page)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(self.tr("&Save slip"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setToolTip(self.tr("Save (Enter, Ctrl+S)"))
        self.save_button.setObjectName("primaryButton")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        layout.addWidget(self.buttons)
        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        self.save_return = QShortcut(QKeySequence("Ctrl+Return"), self)

    def _connect_signals(self) -> None:
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.save_shortcut.activated.connect(self.save)
        self.save_return.activated.connect(self.save)
        self.saved_page.next_button.clicked.connect(self._new_form)
        self.saved_page.open_button.clicked.connect(lambda: self.slip and self.open_slip.emit(self.slip.id))

    def _new_form(self, draft_id: int | None = None) -> None:
        """A blank form for the next complaint on this channel, autosaved as the clerk types."""
        old = getattr(self, "form", None)
        self.form = SlipForm(self.channel, self.session.user, self.session.lang)
        self.autosave = intake_draft.keep(self.form, self.session.user, draft_id)
        self.pages.insertWidget(0, self.form)
        self.pages.setCurrentWidget(self.form)
        if old is not None:
            self.pages.removeWidget(old)
            old.deleteLater()
        self.slip = None
        self.save_button.show()
        self.save_button.setDefault(True)
        self.cancel_button.setText(self.tr("Cancel"))
        self.form.first_input.setFocus()

    def save(self) -> None:
        if self.pages.currentWidget() is not self.form:
            return
        try:
            slip = self.form.save()
        except SlipdeskError as refused:
            asking.warn(self, self.tr("Not saved"), str(refused))
            return
        except Exception as error:
            if not outage_watch.notice(error):
                raise
            self.autosave.changed()
            self.autosave.save_now()  # the server is out of reach: the form stays, its draft kept here
            return
        if slip is None:
            return
        log.info("slip %s saved (%s) by %s", slip.number, slip.channel, self.session.user.username)
        self.autosave.discard()
        self.slip = slip
        self.session.announce_slip_saved(slip.id)
        self.saved_page.show_slip(slip, self.session)
        self.pages.setCurrentWidget(self.saved_page)
        self.save_button.hide()
        self.cancel_button.setText(self.tr("Close"))
        self.saved_page.next_button.setDefault(True)
        self.saved_page.next_button.setFocus()

    discarding = "complaint"

    def has_unsaved(self) -> bool:
        return self.pages.currentWidget() is self.form and self.form.is_dirty()

    def restore(self, draft: drafts.Draft) -> bool:
        """Fill a fresh form with a draft left behind (a crash, a lock); False, and nothing
        touched, while a complaint is being typed in this window."""
        if self.pages.currentWidget() is self.form and self.form.is_dirty():
            return False
        self._new_form(draft.id)
        intake_draft.fill(self.form, drafts.from_payload(draft.payload))
        return True


class SavedPage(QWidget):
    """The new slip's number, what was agreed, and what to do next."""

    def __init__(self, window: IntakeWindow):
        super().__init__(window)
        self._window = window
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 32, 24, 24)
        layout.setSpacing(10)
        self.caption = QLabel(self.tr("Saved. Tell the customer the slip number:"))
        self.caption.setObjectName("mutedText")
        self.number = QLabel()
        self.number.setObjectName("slipNumberLarge")
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("savedSummary")
        for widget in (self.caption, self.number, self.summary):
            layout.addWidget(widget)
        self.actions_row = QHBoxLayout()
        self.next_button = QPushButton(self.tr("Take the &next complaint"))
        self.next_button.setObjectName("primaryButton")
        self.open_button = QPushButton(self.tr("&Open the slip"))
        self.actions_row.addWidget(self.next_button)
        self.actions_row.addWidget(self.open_button)
        self.extra = QHBoxLayout()
        self.actions_row.addLayout(self.extra)
        self.actions_row.addStretch(1)
        layout.addLayout(self.actions_row)
        layout.addStretch(1)

    def summary_of(self, slip: Slip, lang: str) -> str:
        """Where the slip went on saving (routing decided it): the clerk tells the customer what
        happens next, so "waits for handling" must not be said of a slip that went to the supervisor."""
        if slip.answered_at_once:
            return self.tr("Answered at once; the slip is closed and counts in the reviews.")
        promised = fill(self.tr("Reply promised by %1."), when(slip.deadline))
        if slip.status == Status.AWAITING_CONFIRMATION:
            step = self.tr("Beyond the desk's authority: it now waits for the person in charge to confirm "
                           "the escalation.")
        elif slip.status == Status.IN_HANDLING and slip.department_id and slip.channel in AT_ONCE_CHANNELS:
            step = fill(self.tr("Reported to the person in charge (请示负责人处理); within authority: passed to %1 "
                                "for handling."), self._handler(slip, lang))
        elif slip.status == Status.IN_HANDLING and slip.department_id:
            step = fill(self.tr("Within authority: passed to %1 for handling."), self._handler(slip, lang))
        else:
            step = self.tr("The slip now waits for handling.")
        return f"{promised} {step}"

    @staticmethod
    def _handler(slip: Slip, lang: str) -> str:
        department = slip.department.name(lang)
        return f"{department} · {slip.assignee}" if slip.assignee else department

    def show_slip(self, slip: Slip, session: Session) -> None:
        self.number.setText(slip.number)
        self.summary.setText(self.summary_of(slip, session.lang))
        while self.extra.count():
            item = self.extra.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        context = slip_actions.SlipContext(slip, session, self._window, slip_actions.SAVED)
        for action in slip_actions.actions_for(context):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            self.extra.addWidget(button)
