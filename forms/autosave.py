"""Autosave of a form being filled into the drafts table (models.drafts), so that a crash, a
power cut or a killed process loses at most the last second of typing.

A form tells its `Autosave` each time the clerk changes something; the draft is written once the
clerk pauses (PAUSE_MS) and, while the clerk types on without a pause, at least every
MAX_WAIT_MS: that timer starts at the first change not yet in the draft and no later change
restarts it, so continuous typing is written each second. A draft not written (the database
busy) is tried again at the next change and at the next second. Saving the slip discards the draft; closing a form without saving discards it too
(after the clerk agreed); a form closed by "sign in as someone else" keeps it for its owner.
"""
from __future__ import annotations

import logging
import uuid
import weakref
from typing import Any, Callable

from PySide6.QtCore import QObject, QTimer, Signal
from shiboken6 import isValid

from models import drafts, outage
from models.accounts import User

PAUSE_MS = 500
MAX_WAIT_MS = 1000

log = logging.getLogger("slipdesk.autosave")

_live: "weakref.WeakSet[Autosave]" = weakref.WeakSet()


class Autosave(QObject):
    """Keeps one form's draft current; `gather()` returns the form's state as models.drafts stores it."""

    saved = Signal(int)  # the draft's id, after each write

    def __init__(self, user: User, kind: str, gather: Callable[[], Any], slip_id: int | None = None,
                 draft_id: int | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.user = user
        self.kind = kind
        self.slip_id = slip_id
        self.draft_id = draft_id
        self._gather = gather
        self.key = uuid.uuid4().hex  # the draft's name in the spool while the server is out of reach
        self.spooled = False
        self._pending = False
        self._active = True
        self._pause = self._timer(PAUSE_MS)
        self._max_wait = self._timer(MAX_WAIT_MS)
        _live.add(self)

    def _timer(self, interval: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(self.save_now)
        return timer

    @property
    def pending(self) -> bool:
        """Something typed is not in the draft yet."""
        return self._pending

    def changed(self, *_args) -> None:
        """The clerk changed the form: write the draft at the next pause, or soon anyway."""
        if not self._active:
            return
        self._pending = True
        self._pause.start()
        if not self._max_wait.isActive():
            self._max_wait.start()

    def save_now(self) -> int | None:
        """Write the draft now if anything changed since the last write; its id."""
        self._pause.stop()
        self._max_wait.stop()
        if not (self._active and self._pending):
            return self.draft_id
        try:
            self.draft_id = drafts.save_draft(self.user, self.kind, self._gather(), self.draft_id, self.slip_id)
        except Exception as error:  # noqa: BLE001 - an autosave never interrupts the clerk; the next change retries
            if outage.is_unreachable(error):
                kept = self._keep_here()
                outage.report(error)
                return kept
            log.exception("draft of %s for %s not written", self.kind, self.user.username)
            if self._active:
                self._max_wait.start()  # in a second, even if the clerk types nothing more
            return self.draft_id
        if self.spooled:
            outage.unspool(self.key)
            self.spooled = False
        self._pending = False
        self.saved.emit(self.draft_id)
        return self.draft_id

    def _keep_here(self) -> int | None:
        """The server is out of reach: the draft goes to the spool on this computer, and into the
        database when the server is back (resume_all)."""
        outage.spool(self.key, self.user.id, self.kind, drafts.to_payload(self._gather()), self.slip_id,
                     self.draft_id)
        log.warning("server out of reach: draft of %s for %s kept on this computer", self.kind, self.user.username)
        self.spooled = True
        self._pending = False
        return self.draft_id

    def discard(self) -> None:
        """The form was saved or deliberately thrown away: no draft is left behind."""
        self._stop()
        outage.unspool(self.key)
        self.spooled = False
        drafts.discard(self.draft_id)
        self.draft_id = None

    def reset(self) -> None:
        """What was typed is saved but the form stays open (a letter saved as a draft): the draft
        goes, and the next change starts a new one."""
        self._pause.stop()
        self._max_wait.stop()
        self._pending = False
        drafts.discard(self.draft_id)
        self.draft_id = None

    def keep(self) -> int | None:
        """The form closes unsaved but its owner will want it back: write it and stop."""
        draft_id = self.save_now()
        self._stop()
        return draft_id

    def _stop(self) -> None:
        self._active = False
        self._pending = False
        self._pause.stop()
        self._max_wait.stop()


def save_all() -> None:
    """Write every open form's draft now (the desk is about to lock, or lost its server)."""
    for keeper in _open():
        keeper.save_now()


def resume_all() -> dict[str, int]:
    """The server is back: each open form's spooled draft goes into the database (as the form
    holds it now), then any left by forms closed or a desk ended meanwhile (models.outage.flush)."""
    for keeper in _open():
        if keeper.spooled:
            keeper._pending = True
            keeper.save_now()
    return outage.flush()


def live_draft_ids() -> set[int]:
    """Drafts of forms open in this process: not left behind by a crash."""
    return {keeper.draft_id for keeper in _open() if keeper.draft_id is not None}


def _open() -> list[Autosave]:
    """Autosaves of forms still open (a closed form's autosave went with it)."""
    return [keeper for keeper in list(_live) if isValid(keeper) and keeper._active]


class AutosavedDialog:
    """What a dialog whose form is autosaved (`self.autosave`) does on closing: Cancel asks before
    throwing away what was typed (`asking.discard` names it by `discarding`), and a sign-out closes
    it keeping the draft for its owner. Mixed in before QDialog; the dialog says `has_unsaved()`."""

    discarding = ""

    def has_unsaved(self) -> bool:
        raise NotImplementedError

    def reject(self) -> None:
        from forms import asking  # it loads models.backup and its drivers: not at start-up

        if self.has_unsaved() and not asking.discard(self, self.discarding):
            return
        self.autosave.discard()
        super().reject()

    def close_keeping_draft(self) -> None:
        """Close without asking, the draft kept for its owner (someone else signs in here)."""
        self.autosave.keep()
        super().reject()
