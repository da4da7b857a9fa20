"""The contract of slip facts (models.facts): a column another change adds to the slip is carried by
the history and checked by verify with no work of its own, as long as it is written through
models.changes; the test suite holds every slip change it makes to the same replay."""
from __future__ import annotations

import peewee
import pytest

from models import facts, history, intake
from models.changes import Change, change_slip
from models.db import database
from models.history import SlipEvent
from models.slips import Slip
from tests.support.slips import phone_intake


@pytest.fixture
def a_later_column(db):
    """What another branch's schema step does: a new slip column (a later note, say)."""
    field = peewee.TextField(default="")
    database.execute_sql('ALTER TABLE "slip" ADD COLUMN "later_note" TEXT NOT NULL DEFAULT \'\'')
    Slip._meta.add_field("later_note", field)
    facts.ensure_columns()
    yield field
    Slip._meta.remove_field("later_note")


def _ask(slip: Slip, user, text: str) -> Slip:
    def step(stored: Slip) -> Change:
        stored.later_note = text
        return Change("request_recorded", transition=False)
    return change_slip(slip.id, user, Slip.get_by_id(slip.id).version, step)


def test_a_column_added_later_is_recorded_and_checked_without_more_code(a_later_column, users):
    slip = intake.save(phone_intake(), users["clerk"])
    created = SlipEvent.get((SlipEvent.slip == slip.id) & (SlipEvent.seq == 1)).recorded
    assert "later_note" in facts.column_names(created["columns"])
    slip = _ask(slip, users["clerk"], "希望晚上十点后不要再有噪音")
    assert SlipEvent.get((SlipEvent.slip == slip.id) & (SlipEvent.seq == 3)).recorded["slip"]["later_note"] \
        == "希望晚上十点后不要再有噪音"
    assert history.verify_slip(Slip.get_by_id(slip.id)) is None
    Slip.update(later_note="无").where(Slip.id == slip.id).execute()
    assert str(history.verify_slip(Slip.get_by_id(slip.id))) == (
        f'{slip.number}: later_note was changed without an event ("希望晚上十点后不要再有噪音" → "无")')


def test_a_slip_from_before_the_column_is_checked_from_the_event_that_sets_it(db, users):
    slip = intake.save(phone_intake(), users["clerk"])
    database.execute_sql('ALTER TABLE "slip" ADD COLUMN "later_note" TEXT NOT NULL DEFAULT \'\'')
    Slip._meta.add_field("later_note", peewee.TextField(default=""))
    try:
        facts.ensure_columns()
        assert history.verify_slip(Slip.get_by_id(slip.id)) is None  # its records never named the column
        _ask(slip, users["clerk"], "请尽快处理")
        Slip.update(later_note="").where(Slip.id == slip.id).execute()
        assert "later_note was changed without an event" in str(history.verify_slip(Slip.get_by_id(slip.id)))
    finally:
        Slip._meta.remove_field("later_note")
