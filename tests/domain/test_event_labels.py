"""Every history action has a name in Chinese and English, in one place, on screen and on paper."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from models.vocab import Status
from models.workflow import TRANSITIONS, event_label
from printouts.kinds import make
from tests import printing_checks as check
from tests.support.slips import slip_in

ROOT = Path(__file__).resolve().parents[2]

# where the code writes a history action, as it is spelled in the source
ACTION_PATTERNS = (
    r'Change\(\s*"(\w+)"',  # a slip change (models.changes)
    r'Change\(\s*"\w+" if .+? else "(\w+)"',  # … its other branch
    r'\baction = "(\w+)"',  # an action chosen before its Change is made
    r'history\.(?:record|next_event)\([^"\n]*"(\w+)"',  # history written directly (intake, edits, prints)
    r'steps(?:\.append\(| = \[)\("(\w+)"',  # the demo data's events
)


def written_actions() -> set[str]:
    found = set()
    for path in [*ROOT.glob("models/*.py"), *ROOT.glob("printouts/*.py")]:
        source = path.read_text(encoding="utf-8")
        for pattern in ACTION_PATTERNS:
            found.update(re.findall(pattern, source))
    return found


def test_every_action_the_code_writes_has_both_names():
    actions = written_actions()
    assert set(TRANSITIONS) | {"created", "edited", "printed"} <= actions  # the scan finds them
    for action in sorted(actions):
        for lang in ("zh", "en"):
            assert event_label(action, lang) != action.replace("_", " "), (action, lang)


def test_workflow_steps_are_named_by_their_own_labels():
    for action, step in TRANSITIONS.items():
        assert (event_label(action, "zh"), event_label(action, "en")) == (step.label_zh, step.label_en)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_printed_slip_names_every_step_of_its_history(db, users, frozen_now, lang):
    slip = slip_in(Status.CLOSED, users)
    text = check.flat(check.text(make("slip", slip, lang).pdf))
    for action in ("created", "assign", "record_handling", "record_reply", "close"):
        assert check.flat(event_label(action, lang)) in text, action
    assert not re.search(r"record_\w+|assign\b", text)
