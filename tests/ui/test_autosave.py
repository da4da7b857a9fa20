"""Autosave loses at most a second of typing, continuous typing included: the draft's one-second
timer starts at the first keystroke not yet kept, and no later keystroke puts it off."""
from __future__ import annotations

from PySide6.QtCore import QTimer

from forms import autosave
from forms.autosave import Autosave
from models import drafts


def test_continuous_typing_is_kept_every_second(qtbot, sqlite_db, users):
    typed: list[str] = []
    keeper = Autosave(users["clerk"], "intake", lambda: {"text": "".join(typed)})
    assert autosave.MAX_WAIT_MS <= 1000 and autosave.PAUSE_MS <= autosave.MAX_WAIT_MS
    keys = QTimer()
    keys.setInterval(50)  # a fast typist, never pausing

    def key() -> None:
        typed.append("字")
        keeper.changed()

    keys.timeout.connect(key)
    key()
    first_wait = keeper._max_wait.remainingTime()
    keys.start()
    qtbot.wait(300)
    assert keeper._max_wait.remainingTime() < first_wait  # the keystrokes since did not put it off
    saved = []
    keeper.saved.connect(saved.append)
    qtbot.waitUntil(lambda: len(saved) >= 2, timeout=5000)  # written again and again while typing goes on
    keys.stop()
    kept = drafts.from_payload(drafts.Draft.get_by_id(keeper.draft_id).payload)["text"]
    assert kept and "".join(typed).startswith(kept)
    keeper.discard()
