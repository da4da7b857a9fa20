"""At start, behind the painted window, the desk compares its database with the anchor kept outside
it and tells whoever is signed in when it was rewound or rewritten, naming what differs."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from desktop.shell import anchor_check
from forms import asking
from models import anchors
from models.history import SlipEvent
from models.slips import Slip
from models.vocab import Status
from tests.support.slips import slip_in


def check(qtbot, told: list) -> tuple:
    window = QWidget()
    qtbot.addWidget(window)
    checker = anchor_check.AnchorCheck(window)
    with qtbot.waitSignal(checker.checked, timeout=10000) as done:
        window.show()
    return done.args[0]


@pytest.fixture
def told(monkeypatch):
    said = []
    monkeypatch.setattr(asking, "warn", lambda parent, title, text: said.append((title, text)))
    return said


def test_a_database_that_extends_its_anchor_is_quiet(qtbot, sqlite_db, users, told):
    slip_in(Status.REPLIED, users)
    anchors.take_and_keep()
    slip_in(Status.RECEIVED, users)  # work since: the anchor is extended, not contradicted
    anchor, differences = check(qtbot, told)
    assert anchor is not None and differences == [] and told == []


@pytest.mark.tampers
def test_a_rewound_slip_is_told_at_start(qtbot, sqlite_db, users, told):
    slip = slip_in(Status.REPLIED, users)
    kept = anchors.take_and_keep()
    last = SlipEvent.get((SlipEvent.slip == slip.id) & (SlipEvent.seq == slip.event_count))
    previous = SlipEvent.get((SlipEvent.slip == slip.id) & (SlipEvent.seq == slip.event_count - 1))
    last.delete_instance()
    Slip.update(history_head=previous.hash, event_count=previous.seq).where(Slip.id == slip.id).execute()
    _anchor, differences = check(qtbot, told)
    [(title, text)] = told
    assert title == "The database was changed outside Slipdesk" and kept.fingerprint in text
    assert f"slip {slip.number} was rewound: {slip.event_count} events at the anchor, {slip.event_count - 1} now" in text


def test_no_anchor_yet_is_no_problem(qtbot, sqlite_db, users, told):
    assert check(qtbot, told) == (None, []) and told == []
