"""The reply dialogs: record a reply (then close or go back to handling), draft a letter, approve
it, and the thank-you follow-up after it. Each wraps a form from forms/reply_form.py, announces
every change of the slip on the session, and asks before throwing typed text away.

The reply and the letter are autosaved as drafts (forms.reply_draft) while they are typed — the
letter is the longest text a clerk writes — and `restore_draft` opens a draft left by a crash in
a fresh dialog of its slip. Recording the reply or saving the letter discards its draft; so does
closing the dialog on purpose; "sign in as someone else" keeps it for its owner."""
from __future__ import annotations

import logging
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFrame, QPushButton, QScrollArea,
                               QStackedWidget, QVBoxLayout, QWidget)

from desktop.understanding.satisfaction_dialog import SatisfactionDialog
from desktop.shell.layout_memory import remember
from desktop.slips.printing import print_document
from desktop.shell.session import Session
from shiboken6 import isValid

from forms import reply_draft
from forms.autosave import AutosavedDialog
from forms.reply_form import (LetterApproval, LetterEditor, NextStep, OpinionForm, ReplyForm, ThanksForm,
                              slip_summary)
from models import drafts, replies
from models.drafts import Draft
from models.slips import Slip
from models.vocab import Opinion, Status
from printouts import data as printout_data
from models.i18n import fill
from forms.translation import translator
from models.settings import document_language

log = logging.getLogger("slipdesk.replies")


_tr = translator("ReplyDialogs")


def first_draft(slip: Slip, lang: str) -> str:
    """A starting text for a new letter, written from the slip (printouts' draft body)."""
    head = printout_data.letterhead(required=False)  # the letter prints only once the estate gave one
    return printout_data.draft_body(printout_data.facts_of(slip, lang, head), head, lang)


def _scrolled(widget: QWidget) -> QScrollArea:
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    widget.setObjectName("formBody")
    scroll.setWidget(widget)
    return scroll


_open: dict[tuple[str, int], QDialog] = {}  # the reply and letter dialogs open now, by (kind, slip)


def _attach(dialog: QDialog, kind: str, slip_id: int) -> None:
    """Known as open (a draft of the same form waits), and, like the intake forms, asked before the
    desk closes and kept as a draft when someone else signs in."""
    key = (kind, slip_id)
    _open[key] = dialog
    dialog.finished.connect(lambda _r: _open.pop(key, None) if _open.get(key) is dialog else None)
    host = dialog.parentWidget()
    while host is not None and host.parentWidget() is not None:
        host = host.parentWidget()
    keep_form = getattr(host, "keep_form", None)
    if callable(keep_form):
        keep_form(f"{kind}:{slip_id}", dialog)


def open_for(kind: str, slip_id: int) -> QDialog | None:
    """The reply ("reply") or letter ("letter") dialog of the slip open now, if any."""
    dialog = _open.get((kind, slip_id))
    return dialog if dialog is not None and isValid(dialog) else None


def restore_draft(session: Session, draft: Draft, parent: QWidget | None = None) -> bool:
    """Open a reply or letter draft left behind in a fresh dialog of its slip, exactly as typed;
    False, and nothing touched, while that slip's same dialog is open."""
    if open_for(draft.kind, draft.slip_id) is not None:
        return False
    kind = ReplyDialog if draft.kind == reply_draft.REPLY else LetterDialog
    dialog = kind(session, draft.slip_id, parent=parent, draft=draft)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return True


def _preview_letter(parent: QWidget, session: Session, editor: LetterEditor) -> None:
    """Save the draft if it changed, then show it as it prints (watermarked until approved)."""
    if editor.is_changed() and editor.save_draft() is None:
        return
    print_document(parent, "letter", editor.slip.id, editor.letter_lang.currentData(), session.user)


class ReplyDialog(AutosavedDialog, QDialog):
    """Record a reply to the customer; afterwards, close the slip or take the next step."""

    def __init__(self, session: Session, slip_id: int, method: str = "", parent: QWidget | None = None,
                 draft: Draft | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("replyDialog")
        slip = Slip.get_by_id(slip_id)
        self.setWindowTitle(fill(_tr("Record a reply — %1"), slip.number))
        self.form = ReplyForm(slip, session.user, session.lang, method, first_draft(slip, document_language()))
        if draft is not None:
            kept = drafts.from_payload(draft.payload)
            reply_draft.fill_reply(self.form, kept["values"])
            reply_draft.work_from(self.form.slip, kept)
        self.autosave = reply_draft.keep_reply(self.form, session.user, draft.id if draft is not None else None)
        self.next_step: NextStep | None = None
        self.satisfaction: SatisfactionDialog | None = None
        self.stack = QStackedWidget()
        self.stack.addWidget(_scrolled(self.form))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.record_button = self.buttons.addButton(_tr("&Record the reply"), QDialogButtonBox.ButtonRole.ActionRole)
        self.record_button.setObjectName("primaryButton")
        self.record_button.setDefault(True)
        self.done_button = self.buttons.addButton(_tr("&Done"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.done_button.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.buttons)
        remember(self, "reply_dialog", default_size=(820, 860))
        self._connect_signals()
        _attach(self, reply_draft.REPLY, slip_id)

    def _connect_signals(self) -> None:
        self.record_button.clicked.connect(self.form.save)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.form.save)
        self.buttons.rejected.connect(self.reject)
        self.done_button.clicked.connect(self.accept)
        self.form.recorded.connect(self._recorded)
        self.form.slip_saved.connect(self.session.announce_slip_saved)
        self.form.letter.preview_requested.connect(lambda: _preview_letter(self, self.session, self.form.letter))
        self.form.strip_requested.connect(
            lambda text: print_document(self, "book-reply", self.form.slip.id, "zh", self.session.user, body=text))

    def _recorded(self, recorded: replies.Recorded) -> None:
        self.autosave.reset()
        self.session.announce_slip_saved(recorded.slip.id)
        self.next_step = NextStep(recorded, self.session.user, self.session.lang)
        self.next_step.done.connect(self._next_step_taken)
        self.next_step.another_reply.connect(self._another_reply)
        self.stack.addWidget(_scrolled(self.next_step))
        self.stack.setCurrentWidget(self.stack.widget(1))
        self.record_button.hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()
        self.done_button.show()
        self.done_button.setDefault(not self.next_step.accepted)

    def _next_step_taken(self, slip: Slip) -> None:
        """Closed or ended: ask how satisfied the customer is (models.satisfaction), on the window beneath."""
        self.session.announce_slip_saved(slip.id)
        if slip.status in (Status.CLOSED, Status.ENDED_UNACCEPTED) and slip.reply_opinion != Opinion.NONE:
            self.satisfaction = SatisfactionDialog(self.session, slip.id, self.parentWidget())
            self.satisfaction.open()
        self.accept()

    def _another_reply(self) -> None:
        """The same form, cleared of the last reply's words, for the next attempt."""
        self.form.slip = Slip.get_by_id(self.form.slip.id)
        self.form.summary.clear()
        self.form.words.clear()
        self.stack.setCurrentIndex(0)
        self.done_button.hide()
        self.record_button.show()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).show()

    discarding = "reply"

    def has_unsaved(self) -> bool:
        form = self.form
        return self.next_step is None and bool(form.summary.toPlainText().strip() or form.words.toPlainText().strip()
                                               or form.letter.is_changed())


    def accept(self) -> None:
        self.autosave.discard()
        super().accept()


class LetterDialog(AutosavedDialog, QDialog):
    """Draft (or redraft) the reply letter and submit it to the person in charge."""

    def __init__(self, session: Session, slip_id: int, parent: QWidget | None = None, draft: Draft | None = None):
        super().__init__(parent)
        self.session = session
        slip = Slip.get_by_id(slip_id)
        self.setWindowTitle(fill(_tr("Reply letter — %1"), slip.number))
        self.editor = LetterEditor(slip, session.user, session.lang, first_draft(slip, document_language()))
        if draft is not None:
            kept = drafts.from_payload(draft.payload)
            reply_draft.fill_letter(self.editor, kept["values"])
            reply_draft.work_from(self.editor.slip, kept)
        self.autosave = reply_draft.keep_letter(self.editor, session.user, draft.id if draft is not None else None)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(slip_summary(slip, session.lang))
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)
        remember(self, "letter_dialog", default_size=(780, 820))
        buttons.rejected.connect(self.reject)
        self.editor.slip_saved.connect(session.announce_slip_saved)
        self.editor.slip_saved.connect(lambda _slip_id: self.autosave.reset())
        self.editor.preview_requested.connect(lambda: _preview_letter(self, session, self.editor))
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.editor.save_draft)
        _attach(self, reply_draft.LETTER, slip_id)

    discarding = "reply"

    def has_unsaved(self) -> bool:
        return self.editor.is_changed()


class ApprovalDialog(QDialog):
    """The person in charge reads the letter and its flags, then approves or sends it back."""

    def __init__(self, session: Session, letter_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        letter = replies.Letter.get_by_id(letter_id)
        self.setWindowTitle(fill(_tr("Approve the reply letter — %1"), letter.slip.number))
        self.form = LetterApproval(letter, session.user, session.lang)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.preview_button = QPushButton(_tr("Pre&view as printed…"))
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form, 1)
        layout.addWidget(buttons)
        remember(self, "letter_approval_dialog", default_size=(760, 760))
        buttons.rejected.connect(self.reject)
        self.preview_button.clicked.connect(
            lambda: print_document(self, "letter", letter.slip_id, letter.lang, session.user))
        self.form.approved.connect(self._done)
        self.form.returned.connect(self._done)

    def _done(self, _letter_id: int) -> None:
        self.session.announce_slip_saved(self.form.slip.id)
        self.accept()


class _RecordDialog(QDialog):
    """A form that records one thing the customer said or did, with Record and Cancel (and any
    other button `extra` adds); closes once the form is done."""

    def _lay_out(self, form: QWidget, settings_key: str, default_size: tuple[int, int],
                 extra: Callable[[QDialogButtonBox], None] | None = None) -> None:
        self.form = form
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        if extra:
            extra(buttons)
        self.save_button = buttons.addButton(_tr("&Record"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("primaryButton")
        self.save_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(form, 1)
        layout.addWidget(buttons)
        remember(self, settings_key, default_size=default_size)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(form.save)


class ThanksDialog(_RecordDialog):
    """Record the thanks after a letter (再次致谢), or why it is impossible."""

    def __init__(self, session: Session, follow_up_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        follow_up = replies.ThanksFollowUp.get_by_id(follow_up_id)
        self.setWindowTitle(fill(_tr("Thanks after the letter — %1"), follow_up.slip.number))

        def impossible(buttons: QDialogButtonBox) -> None:
            self.impossible_button = buttons.addButton(_tr("&Impossible…"), QDialogButtonBox.ButtonRole.ActionRole)

        self._lay_out(ThanksForm(follow_up, session.user, session.lang), "thanks_dialog", (600, 520), impossible)
        self.impossible_button.clicked.connect(self.form.impossible)
        self.form.done.connect(self._done)

    def _done(self, _follow_up_id: int) -> None:
        self.session.announce_slip_saved(self.form.slip.id)
        self.accept()


class OpinionDialog(_RecordDialog):
    """Record the customer's opinion of a reply that was waiting for it (意见待反馈)."""

    def __init__(self, session: Session, slip_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        slip = Slip.get_by_id(slip_id)
        self.setWindowTitle(fill(_tr("The customer's opinion — %1"), slip.number))
        self._lay_out(OpinionForm(slip, session.user, session.lang), "opinion_dialog", (600, 440))
        self.form.done.connect(self._done)

    def _done(self, slip: Slip) -> None:
        self.session.announce_slip_saved(slip.id)
        self.accept()
