"""Replies on the slip view (a desktop.slips.actions provider), and the letters queue for the
approvals page.

What a slip offers follows its reply: record a reply once it is handled; draft or edit the
letter while it is open; approve it (a person in charge who did not write it); print the final
letter and mark it sent once approved; the thanks after the letter while it is owed; the
customer's opinion while it is pending. The models check every rule again when the action runs.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton,
                               QVBoxLayout, QWidget)

from desktop.slips.printing import print_document
from desktop.replies.dialogs import ApprovalDialog, LetterDialog, OpinionDialog, ReplyDialog, ThanksDialog
from desktop.shell.session import Session
from forms import asking
from forms.dates import when
from forms.phrase_check import BETTER_COLOUR, FLAG_COLOUR, flag_text, flags_summary
from desktop.slips.actions import VIEW, SlipContext, open_dialog, slip_action
from desktop.shell.view_state import keep_scroll
from models import replies, workflow
from models.errors import SlipdeskError
from models.i18n import fill
from models.replies import APPROVERS, LetterStatus
from models.vocab import DESK_ROLES, Opinion, Status, reply_label
from forms.translation import translator

log = logging.getLogger("slipdesk.replies")


_tr = translator("ReplyActions")


def may_approve(letter: replies.Letter | None, session: Session) -> bool:
    """A person in charge who did not write it (the models check again)."""
    user = session.user
    return (letter is not None and letter.status == LetterStatus.SUBMITTED and user is not None
            and user.role in APPROVERS and user.person not in letter.writers)


def mark_sent(context: SlipContext) -> None:
    letter = replies.current_letter(context.slip)
    if letter is None or not asking.letter_sent(context.parent, letter):
        return
    try:
        replies.mark_letter_sent(context.slip.id, context.session.user, expected_version=context.slip.version)
    except SlipdeskError as err:
        asking.warn(context.parent, _tr("Letter sent"), str(err))
        return
    context.session.announce_slip_saved(context.slip.id)


def slip_actions(context: SlipContext) -> list[QAction]:
    """Provider for desktop.slips.actions: the reply actions that apply to this slip now."""
    slip, session, parent = context.slip, context.session, context.parent
    if context.place != VIEW or not session.has_role(*DESK_ROLES):  # replying is the estate desk's
        return []
    actions = []
    if workflow.refusal(slip, "record_reply", session.user) is None:
        actions.append(slip_action(context, "reply-record", _tr("Record a reply…"),
                               lambda: open_dialog(ReplyDialog(session, slip.id, parent=parent)), "phone"))
    letter = replies.current_letter(slip)
    if slip.is_open:
        text = _tr("Draft letter reply…") if letter is None else _tr("Edit letter reply…")
        actions.append(slip_action(context, "reply-letter", text,
                               lambda: open_dialog(LetterDialog(session, slip.id, parent)), "letter"))
    if may_approve(letter, session):
        actions.append(slip_action(context, "reply-approve", _tr("Approve letter…"),
                               lambda: open_dialog(ApprovalDialog(session, letter.id, parent)), "approvals"))
    if letter is not None and letter.is_approved:
        actions.append(slip_action(context, "reply-print-final", _tr("Print final letter…"),
                               lambda: print_document(parent, "letter", slip.id, letter.lang, session.user)))
        if letter.sent_at is None and slip.is_open:
            actions.append(slip_action(context, "reply-sent", _tr("Letter sent…"), lambda: mark_sent(context)))
    follow_up = replies.open_follow_up(slip)
    if follow_up is not None:
        actions.append(slip_action(context, "reply-thanks", _tr("Thanks after the letter (再次致谢)…"),
                               lambda: open_dialog(ThanksDialog(session, follow_up.id, parent)), "clock"))
    if slip.status == Status.REPLIED and slip.reply_opinion == Opinion.PENDING:
        actions.append(slip_action(context, "reply-opinion", _tr("Record the customer's opinion…"),
                               lambda: open_dialog(OpinionDialog(session, slip.id, parent))))
    return actions


class LetterQueue(QWidget):
    """Reply letters waiting for this person in charge (not those they wrote), oldest first.

    Shown on the approvals page; Enter or "Read and approve…" opens the approval dialog.
    """

    count_changed = Signal(int)
    slip_activated = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(_tr("Reply letters awaiting your approval (待审批的回复信函)"))
        heading.setObjectName("sideHeading")
        self.list = QListWidget()
        self.list.setAccessibleName(_tr("Reply letters awaiting approval"))
        self.list.setMaximumHeight(160)
        self.review_button = QPushButton(_tr("Read and &approve…"))
        self.open_button = QPushButton(_tr("Open slip"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.review_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        layout.addWidget(heading)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.list.itemActivated.connect(lambda _item: self.review())
        self.review_button.clicked.connect(self.review)
        self.open_button.clicked.connect(self._open_slip)
        session.slips_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Read the letters again, keeping the selected one (or the one now in its place) and the scroll."""
        kept = self.list.currentItem().data(Qt.ItemDataRole.UserRole) if self.list.currentItem() else None
        kept_row, restore_scroll = self.list.currentRow(), keep_scroll(self.list)
        self.list.clear()
        letters = replies.pending_approvals(self.session.user) if self.session.is_supervisor else []
        for letter in letters:
            flags = replies.approval_flags(letter)
            item = QListWidgetItem(f"{letter.slip.number}  ·  {letter.slip.complainant_name}  ·  "
                                   f"{reply_label(letter.method, self.session.lang)} "
                                   + fill(_tr("draft %1 by %2, submitted %3"), letter.version,
                                          letter.edited_by.display_name, when(letter.submitted_at))
                                   + (f"  ·  ⚠ {flags_summary(flags).rstrip(':：')}" if flags else ""))
            item.setData(Qt.ItemDataRole.UserRole, letter.id)
            if flags:
                item.setToolTip("\n".join(flag_text(flag) for flag in flags))
                item.setForeground(FLAG_COLOUR if any(flag.banned for flag in flags) else BETTER_COLOUR)
            self.list.addItem(item)
        ids = [letter.id for letter in letters]
        if ids:
            self.list.setCurrentRow(ids.index(kept) if kept in ids else min(max(kept_row, 0), len(ids) - 1))
        restore_scroll()
        self.review_button.setEnabled(bool(letters))
        self.open_button.setEnabled(bool(letters))
        self.setVisible(bool(letters))
        self.count_changed.emit(len(letters))

    def _current_letter(self) -> replies.Letter | None:
        item = self.list.currentItem()
        return replies.Letter.get_or_none(replies.Letter.id == item.data(Qt.ItemDataRole.UserRole)) if item else None

    def review(self) -> ApprovalDialog | None:
        letter = self._current_letter()
        if letter is None:
            return None
        dialog = ApprovalDialog(self.session, letter.id, self)
        dialog.open()
        return dialog

    def _open_slip(self) -> None:
        letter = self._current_letter()
        if letter is not None:
            self.slip_activated.emit(letter.slip_id)
