"""Reply deadlines in working time: the Chinese calendar, the estate's office hours, the promise."""
from __future__ import annotations

import datetime as dt
import logging

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models import deadlines, history, workcalendar
from models.deadlines import OfficeHours, add_working_hours, working_hours_between
from models.errors import PermissionDenied, StaleSlip, TransitionRefused, ValidationFailed
from models.slips import Slip
from models.vocab import Status
from tests.support.slips import slip_in

# the seeded default: 9 hours a day, on the years the package covers (what a new database is seeded with)
OFFICE = OfficeHours(dt.time(8, 30), dt.time(17, 30),
                     calendar=workcalendar.from_schedules(tuple(workcalendar.package_schedules().values())))


def at(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, "%Y-%m-%d %H:%M")


def test_the_2026_calendar_is_the_published_one():
    """The dates the cases below rely on, as chinese_calendar publishes them."""
    assert not any(chinese_calendar.is_workday(dt.date(2026, 10, d)) for d in range(1, 8))  # National Day
    assert not any(chinese_calendar.is_workday(dt.date(2026, 2, d)) for d in range(15, 24))  # Spring Festival
    for makeup in (dt.date(2026, 1, 4), dt.date(2026, 2, 14), dt.date(2026, 2, 28), dt.date(2026, 9, 20),
                   dt.date(2026, 10, 10)):
        assert makeup.weekday() >= 5 and chinese_calendar.is_workday(makeup)


@pytest.mark.parametrize("start, hours, due", [
    # an ordinary week: Tue 10:00 + 24 working hours = 7.5 + 9 + 7.5 → Thu 16:00
    ("2026-11-24 10:00", 24, "2026-11-26 16:00"),
    # office hours: before opening, after closing, ending exactly at closing
    ("2026-11-24 07:00", 1, "2026-11-24 09:30"),
    ("2026-11-24 18:00", 1, "2026-11-25 09:30"),
    ("2026-11-24 16:30", 1, "2026-11-24 17:30"),
    ("2026-11-24 17:30", 0.5, "2026-11-25 09:00"),
    # a weekend: Fri 17:00 + 1 h → Mon 09:00
    ("2026-11-27 17:00", 1, "2026-11-30 09:00"),
    # National Day: Wed 30 Sep 16:00 + 3 h → 1.5 h that day, then Thu 8 Oct
    ("2026-09-30 16:00", 3, "2026-10-08 10:00"),
    # the make-up Saturday after National Day: Fri 9 Oct 17:00 + 1 h → Sat 10 Oct 09:00
    ("2026-10-09 17:00", 1, "2026-10-10 09:00"),
    # the make-up Sunday 20 Sep: Sat 19 Sep is off, Sunday is worked
    ("2026-09-19 10:00", 1, "2026-09-20 09:30"),
    # Spring Festival: the make-up Saturday 14 Feb is worked, then nine days off until Tue 24 Feb
    ("2026-02-13 17:00", 2, "2026-02-14 10:00"),
    ("2026-02-14 17:00", 1, "2026-02-24 09:00"),
    # year end: New Year 2026 is 1-3 Jan and Sunday 4 Jan is a make-up working day
    ("2025-12-31 17:00", 1, "2026-01-04 09:00"),
])
def test_add_working_hours(start, hours, due):
    assert add_working_hours(at(start), hours, OFFICE) == at(due)


def test_a_year_the_calendar_does_not_know_counts_weekdays_and_warns(caplog):
    workcalendar._warned_years.discard(2027)
    with caplog.at_level(logging.WARNING, logger="slipdesk.calendar"):
        # 1 Jan 2027 is a Friday: without the State Council's notice it counts as a working day
        assert add_working_hours(at("2026-12-31 17:00"), 1, OFFICE) == at("2027-01-01 09:00")
        assert add_working_hours(at("2027-01-08 17:00"), 1, OFFICE) == at("2027-01-11 09:00")
    assert [r.message for r in caplog.records if "2027" in r.message]
    assert len([r for r in caplog.records if "2027" in r.getMessage()]) == 1  # warned once, not per day


def test_office_days_narrow_the_working_days():
    weekdays_only_till_thursday = OfficeHours(dt.time(9, 0), dt.time(12, 0), frozenset({0, 1, 2, 3}), OFFICE.calendar)
    assert add_working_hours(at("2026-11-26 11:00"), 2, weekdays_only_till_thursday) == at("2026-11-30 10:00")


@settings(max_examples=200, deadline=None)
@given(start=st.datetimes(min_value=dt.datetime(2025, 1, 1), max_value=dt.datetime(2026, 11, 30)),
       quarters=st.integers(min_value=0, max_value=400))
def test_working_hours_between_undoes_add(start, quarters):
    start = start.replace(second=0, microsecond=0)
    hours = quarters / 4
    due = add_working_hours(start, hours, OFFICE)
    assert due >= start
    assert working_hours_between(start, due, OFFICE) == pytest.approx(hours)
    assert deadlines.is_working_day(due.date(), OFFICE) and OFFICE.start <= due.time() <= OFFICE.end


def test_default_deadline_uses_the_estates_settings(db):
    assert deadlines.default_deadline(at("2026-11-24 10:00")) == at("2026-11-26 16:00")


def test_manager_sets_office_hours(db, users):
    with pytest.raises(PermissionDenied):
        deadlines.set_office_hours(users["clerk"], "08:00", "18:00")
    with pytest.raises(ValidationFailed) as refused:
        deadlines.set_office_hours(users["manager"], "18:00", "08:00", [])
    assert set(refused.value.errors) == {"end", "days"}
    deadlines.set_office_hours(users["manager"], "8:00", "18:00")
    assert deadlines.OfficeHours.from_settings() == OfficeHours(dt.time(8), dt.time(18), frozenset(range(7)))
    assert deadlines.default_deadline(at("2026-11-24 08:00")) == at("2026-11-26 12:00")  # 10 + 10 + 4


def test_a_deadline_moves_only_with_a_recorded_agreement(db, users, frozen_now):
    slip = slip_in(Status.IN_HANDLING, users)
    new = frozen_now + dt.timedelta(days=3)
    with pytest.raises(ValidationFailed) as refused:
        deadlines.move_deadline(slip.id, new, users["clerk"], agreed_with="", agreed_at=None, reason="",
                                expected_version=slip.version)
    assert set(refused.value.errors) == {"agreed_with", "reason"}
    moved = deadlines.move_deadline(slip.id, new, users["clerk"], agreed_with="李四本人(电话)",
                                    agreed_at=frozen_now - dt.timedelta(minutes=5),
                                    reason="配件需从厂家调货", expected_version=slip.version)
    assert moved.deadline == new and moved.status == Status.IN_HANDLING
    event = history.events_of(moved)[-1]
    assert (event.action, event.from_status, event.to_status, event.note) == ("deadline_moved", "", "", "配件需从厂家调货")
    assert event.details["agreed_with"] == "李四本人(电话)" and event.details["deadline_from"] == str(slip.deadline)
    with pytest.raises(StaleSlip):
        deadlines.move_deadline(slip.id, new, users["clerk"], agreed_with="李四", agreed_at=None,
                                reason="再次延期", expected_version=slip.version)


def test_no_deadline_to_move_once_replied(db, users, frozen_now):
    slip = slip_in(Status.REPLIED, users)
    with pytest.raises(TransitionRefused):
        deadlines.move_deadline(slip.id, frozen_now + dt.timedelta(days=1), users["clerk"], agreed_with="李四",
                                agreed_at=None, reason="x", expected_version=slip.version)
    with pytest.raises(ValidationFailed) as refused:
        deadlines.move_deadline(slip_in(Status.IN_HANDLING, users).id, frozen_now - dt.timedelta(hours=1),
                                users["clerk"], agreed_with="李四", agreed_at=None, reason="x",
                                expected_version=2)
    assert refused.value.errors["deadline"] == "The reply deadline cannot be in the past."
    assert Slip.get_by_id(slip.id).deadline == slip.deadline
