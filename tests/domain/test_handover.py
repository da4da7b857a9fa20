"""The shift handover (交接班): the next clerk signs in to the promises due in their shift."""
from __future__ import annotations

import datetime as dt

from models import clock, handover, intake
from tests.support.slips import phone_intake


def test_the_next_clerk_sees_the_note_and_the_promises_of_their_shift(db, users, frozen_now):
    due_today = intake.save(phone_intake(deadline=frozen_now + dt.timedelta(hours=5)), users["clerk"])
    intake.save(phone_intake(deadline=frozen_now + dt.timedelta(days=3)), users["clerk"])
    note = handover.write_note(users["clerk"], "3-2-1201 的业主下午会来电，灯的问题已派工程部。")
    assert handover.note_for(users["clerk"]) is None  # not shown to its writer
    clock.freeze(frozen_now.replace(hour=13))
    assert handover.note_for(users["clerk2"]) == note
    end = handover.shift_end()
    assert end == frozen_now.replace(hour=17, minute=30)
    assert [s.id for s in handover.open_promises(end)] == [due_today.id]
    handover.acknowledge(note, users["clerk2"])
    assert handover.note_for(users["clerk2"]) is None
    assert handover.note_for(users["supervisor"]) == note


def test_after_hours_the_shift_is_the_next_working_day(db, users, frozen_now):
    clock.freeze(dt.datetime(2026, 11, 27, 19, 0))  # a Friday evening
    assert handover.shift_end() == dt.datetime(2026, 11, 30, 17, 30)
    clock.freeze(dt.datetime(2026, 11, 27, 17, 20))  # leaving on Friday: the next shift is Monday's
    assert handover.next_shift_end() == dt.datetime(2026, 11, 30, 17, 30)


def test_a_second_account_of_the_writer_is_not_the_next_clerk(db, users, frozen_now):
    handover.write_note(users["liu"], "交接：无")
    assert handover.note_for(users["liu_sup"]) is None
