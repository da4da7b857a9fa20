"""The weekly and monthly review: every figure checked against a month worked out by hand."""
from __future__ import annotations

import datetime as dt

import pytest

from models import review
from models.errors import ValidationFailed
from tests.support.review_month import EXPECTED, build

pytestmark = pytest.mark.tampers  # the month is arranged with direct updates (tests/support/review_month.py)


@pytest.fixture
def november(db, users):
    build(users["clerk"])
    return review.compute(review.parse_period("2026-11"))


def _counts(tallies, key=lambda t: t.code):
    return {key(t): t.count for t in tallies if t.count}


def test_volume_by_channel_category_and_building(november):
    assert (november.received, november.previous_received) == (EXPECTED["received"], EXPECTED["previous_received"])
    assert _counts(november.by_channel) == EXPECTED["by_channel"]
    assert _counts(november.by_category, key=lambda t: t.name_zh) == EXPECTED["by_category"]
    assert _counts(november.by_building) == EXPECTED["by_building"]


def test_within_and_beyond_authority(november):
    assert {t.code: t.count for t in november.authority} == EXPECTED["authority"]


def test_promises_kept_late_and_open(november):
    p = november.promises
    assert (p.due, p.kept, p.late, p.overdue, p.pending) == EXPECTED["promises"]
    assert p.kept_share == 0.5
    assert [p.number for p in november.open_promises] == EXPECTED["open_promises"]
    assert [p.overdue for p in november.open_promises] == [True, False]
    assert november.open_promise_count == 2


def test_time_to_first_reply_and_to_close(november):
    for name in ("first_reply", "to_close"):
        d = getattr(november, name)
        assert (d.count, d.average, d.median, d.longest) == pytest.approx(EXPECTED[name], abs=0.01)
    assert november.closed == EXPECTED["closed"]


def test_satisfaction_settled_and_reopened(november):
    assert {int(t.code): t.count for t in november.satisfaction if t.count} == EXPECTED["satisfaction"]
    assert (november.satisfaction_measured, november.satisfied) == (4, EXPECTED["satisfied"])
    assert (november.settled, november.unsettled) == (EXPECTED["settled"], EXPECTED["unsettled"])
    assert (november.reopened_slips, november.reopenings) == EXPECTED["reopened"]


def test_motives_and_repeats(november):
    assert _counts(november.motive_types) == EXPECTED["motive_types"]
    assert november.motives_confirmed == 4
    assert [(r.key, r.count) for r in november.repeat_units] == EXPECTED["repeat_units"]
    assert [(r.key, r.detail, r.count) for r in november.repeat_complainants] == EXPECTED["repeat_complainants"]
    assert (november.repeat_unit_count, november.repeat_complainant_count) == (2, 1)


def test_a_week_counts_only_its_days(db, users):
    build(users["clerk"])
    week = review.compute(review.parse_period("2026-W47"))  # Mon 16 – Sun 22 November
    assert week.period.start == dt.datetime(2026, 11, 16) and week.period.end == dt.datetime(2026, 11, 23)
    assert week.received == 2  # S4 and S5
    assert week.promises.due == 0 and week.closed == 1


@pytest.mark.parametrize("text, start, end", [
    ("2026-11", dt.datetime(2026, 11, 1), dt.datetime(2026, 12, 1)),
    ("2026-12", dt.datetime(2026, 12, 1), dt.datetime(2027, 1, 1)),
    ("2026-W47", dt.datetime(2026, 11, 16), dt.datetime(2026, 11, 23)),
    ("2026-W53", dt.datetime(2026, 12, 28), dt.datetime(2027, 1, 4)),
    ("2027W1", dt.datetime(2027, 1, 4), dt.datetime(2027, 1, 11)),
])
def test_periods(text, start, end):
    period = review.parse_period(text)
    assert (period.start, period.end) == (start, end)
    assert review.parse_period(period.code) == period
    assert period.following().previous() == period


@pytest.mark.parametrize("text", ["2026-13", "2026-W54", "November", "", "2026-11-01"])
def test_a_bad_period_is_refused_with_the_forms_named(text):
    with pytest.raises(ValidationFailed) as refused:
        review.parse_period(text)
    assert "2026-W47" in refused.value.errors["period"]


def test_an_empty_period_reviews_to_zeroes(db):
    empty = review.compute(review.parse_period("2030-01"))
    assert empty.received == 0 and empty.promises.kept_share is None and empty.first_reply.average is None


def test_a_reply_counts_when_it_was_made_not_when_it_was_typed_in(db, users):
    """S2's reply was made by phone an hour before its deadline but recorded the next day."""
    from models.replies import Reply
    from models.slips import Slip

    slips = build(users["clerk"])
    Reply.create(slip=slips["S2"], method="phone", at=dt.datetime(2026, 11, 6, 9, 0), replier="张小梅",
                 content="电话告知已修复。", opinion="accepted", recorded_by=users["clerk"],
                 recorded_at=dt.datetime(2026, 11, 7, 10, 0))
    november = review.compute(review.parse_period("2026-11"))
    p = november.promises
    assert (p.kept, p.late) == (3, 0)  # S1, S6 and now S2
    assert november.first_reply.longest == pytest.approx(23.0)  # S2: received 11-05 10:00, replied 11-06 09:00
    assert Slip.get_by_id(slips["S2"].id).status == "closed"
