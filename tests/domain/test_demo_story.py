"""Demo slips read like slips that really went through the desk: the workflow's own steps with
their data, replies, transmittals, the authority suggestion, motives, satisfaction, and open
slips mostly recent (an old slip is closed, a very few are overdue)."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from models import authority, demo, history, settings
from models.deadlines import OfficeHours, add_working_hours, default_deadline
from models.history import SlipEvent
from models.i18n import composed
from models.replies import Reply, within_working_hours
from models.slips import Slip
from models.transmittals import Transmittal
from models.vocab import OPEN_STATUSES, Channel, Opinion, Status
from models.workflow import TRANSITIONS

OTHER_EVENTS = {"created", "motive_confirmed", "satisfaction", "letter_drafted", "letter_submitted", "letter_approved",
                "thanks_follow_up", "cause_recorded", "progress_told"}


def _manager():
    """The desk's manager, who sets the office hours before the demo slips are written (the demo
    takes the account over as its own "manager")."""
    from models import demo
    from models.accounts import User, create_user
    from models.vocab import Role

    return User.get_or_none(User.username == "manager") or create_user(
        "manager", "王建国", demo.DEMO_PASSWORD, Role.MANAGER, "M001", actor=None)


def _events() -> dict[int, list[SlipEvent]]:
    found: dict[int, list[SlipEvent]] = {}
    for event in SlipEvent.select().order_by(SlipEvent.slip, SlipEvent.seq):
        found.setdefault(event.slip_id, []).append(event)
    return found


def test_every_step_is_a_workflow_step_taken_from_where_the_slip_was(db, frozen_now):
    demo.generate_slips(400, seed=21, days=90)
    assert list(history.verify_all()) == []
    for slip in Slip.select():
        events = _events_of(slip)
        status = ""
        for event in events:
            assert event.data == history._encode(json.loads(event.data))  # encoded as the desk encodes it
            if event.action in OTHER_EVENTS:
                status = event.to_status or status
                continue
            step = TRANSITIONS[event.action]
            assert event.from_status == status and event.from_status in step.sources, (slip.number, event.action)
            assert event.to_status == step.target
            status = event.to_status
        assert status == slip.status and slip.version == len(events)
        assert events[0].action == "created" and events[0].details["channel"] == slip.channel
        assert [e.at for e in events] == sorted(e.at for e in events) and events[-1].at <= frozen_now


def _events_of(slip: Slip) -> list[SlipEvent]:
    return list(SlipEvent.select().where(SlipEvent.slip == slip).order_by(SlipEvent.seq))


def test_replies_transmittals_and_satisfaction_go_with_the_steps(db, frozen_now):
    demo.generate_slips(400, seed=22, days=90)
    replies: dict[int, list[Reply]] = {}
    for reply in Reply.select().order_by(Reply.at, Reply.id):
        replies.setdefault(reply.slip_id, []).append(reply)
    transmittals = {t.slip_id: t for t in Transmittal.select()}
    events = _events()
    closed = ended = 0
    for slip in Slip.select():
        actions = [e.action for e in events[slip.id]]
        if slip.status == Status.CLOSED:
            closed += 1
            assert replies[slip.id][-1].opinion in (Opinion.ACCEPTED, Opinion.NONE)  # NONE: an anonymous book entry
            assert slip.reply_opinion in (Opinion.ACCEPTED, Opinion.NONE)
            assert slip.closed_at is not None and slip.handling_notes
        if slip.status == Status.ENDED_UNACCEPTED:
            ended += 1
            assert slip.reply_opinion in (Opinion.PARTLY, Opinion.NOT_ACCEPTED) and slip.end_reason and slip.end_offer
            assert events[slip.id][-1].actor == "李慧"  # the person in charge, never a clerk alone
        made = [e for e in events[slip.id] if e.action == "record_reply"]
        assert len(made) == len(replies.get(slip.id, []))
        for event, reply in zip(made, replies.get(slip.id, [])):
            data = event.details
            assert data["reply"] == reply.id and data["method"] == reply.method
            assert data["opinion"] == reply.opinion or (data["opinion"] == Opinion.PENDING and "thanks_follow_up" in actions)
            if reply.method == "phone":
                assert within_working_hours(reply.at)  # phone replies in the estate's working hours
            if reply.opinion in (Opinion.PARTLY, Opinion.NOT_ACCEPTED):
                assert reply.customer_words and slip.status in (Status.REPLIED, Status.ENDED_UNACCEPTED)
        assert ("confirm_escalation" in actions) == (slip.id in transmittals)
        if slip.status == Status.ESCALATED:
            assert transmittals[slip.id].sent_to.upper
        if "satisfaction" in actions:
            assert 1 <= slip.satisfaction <= 7 and slip.status in (Status.CLOSED, Status.ANSWERED)
        if slip.status == Status.ANSWERED:
            assert slip.answered_at_once and slip.answer_note and slip.id not in replies
    assert closed > 150 and len(transmittals) > 10 and ended > 0


def test_the_authority_suggestion_is_the_rules_own(db, frozen_now):
    demo.generate_slips(300, seed=23, days=60)
    beyond = 0
    for slip in Slip.select():
        assessment = authority.assess(authority.Facts(complaint=slip.complaint, category_id=slip.category_id))
        assert composed(slip.authority_suggestion) == assessment.composed()
        assert authority.suggestion_of(slip) == assessment
        if not slip.answered_at_once:
            assert slip.within_authority == assessment.within or slip.status != Status.AWAITING_CONFIRMATION
        if slip.escalation_requested_by_id is not None:
            beyond += 1
            assert not assessment.within and composed(slip.escalation_reason) == assessment.composed()
    assert beyond > 10
    # the type and the kind are suggested each from their own words (independent lists)
    assert Slip.select().where(Slip.motive_type.is_null(False) | Slip.motive_kind.is_null(False)).count() > 20


def test_old_slips_are_closed_and_few_are_overdue(db, frozen_now):
    demo.generate_slips(1000, seed=24, days=365)
    old = Slip.select().where(Slip.received_at < frozen_now - dt.timedelta(days=30))
    still_open = old.where(Slip.status.in_(list(OPEN_STATUSES))).count()
    assert still_open <= old.count() * 0.02
    overdue = Slip.select().where(Slip.status.in_(list(OPEN_STATUSES)), Slip.deadline < frozen_now).count()
    assert 0 < overdue <= 30


@pytest.mark.parametrize("hours", [None, ("07:30", "19:00")])
def test_the_desk_keeps_its_office_hours(db, frozen_now, hours):
    """Slips are received at the desk in its hours, by phone and by letter too, and the clerk
    transcribes the comment book in them (its entry may have been written the evening or the
    weekend before); every later step is taken in them, after the one before, and the deadline
    after receipt: no slip received at 23:20 and confirmed at 01:02."""
    if hours:
        settings.put("office.start", hours[0], _manager())
        settings.put("office.end", hours[1], _manager())
    demo.generate_slips(400, seed=25, days=120)
    office = OfficeHours.from_settings()
    events = _events()
    written_before = 0
    for slip in Slip.select():
        assert within_working_hours(slip.received_at, office), (slip.number, slip.received_at)
        if slip.channel == Channel.BOOK:
            assert dt.timedelta(0) <= slip.received_at.date() - slip.book_entry_date <= dt.timedelta(days=10)
            written_before += slip.book_entry_date < slip.received_at.date()
        if slip.deadline is not None:
            assert slip.deadline > slip.received_at
        times = [event.at for event in events[slip.id]]
        assert times[0] == slip.received_at and times == sorted(times), slip.number
        assert all(within_working_hours(at, office) for at in times), (slip.number, times)
    assert written_before > 5  # in the evening or at the weekend, found at the next check
    received = [at.time() for at in Slip.select(Slip.received_at).scalars()]
    assert min(received) < (office.opens(frozen_now) + dt.timedelta(hours=1)).time()  # the whole day, not a corner
    assert max(received) > (office.closes(frozen_now) - dt.timedelta(hours=1)).time()


@pytest.mark.parametrize("rule", [None, ("07:30", "19:00", 16)])
def test_deadlines_are_the_ones_the_desk_proposes_and_a_few_replies_are_late(db, frozen_now, rule):
    """The clerk agrees the deadline the intake form proposes (约定回复时限: the estate's usual
    reply time in working hours, models.deadlines), or a sooner one on an urgent slip; the desk
    keeps most of them, and a few replies (a part to order, the upper department) come late."""
    if rule:
        settings.put("office.start", rule[0], _manager())
        settings.put("office.end", rule[1], _manager())
        settings.put("deadline.default_hours", rule[2], _manager())
    demo.generate_slips(1000, seed=26, days=365)
    office = OfficeHours.from_settings()
    first_reply = {}
    for reply in Reply.select().order_by(Reply.at):
        first_reply.setdefault(reply.slip_id, reply.at)
    urgent = replied = late = 0
    for slip in Slip.select().where(Slip.deadline.is_null(False)):
        proposed = default_deadline(slip.received_at, office)
        if slip.urgent:
            urgent += 1
            assert slip.deadline == add_working_hours(slip.received_at, demo.URGENT_HOURS, office) < proposed
        else:
            assert slip.deadline == proposed, (slip.number, slip.received_at, slip.deadline)
        if slip.id in first_reply:
            replied += 1
            late += first_reply[slip.id] > slip.deadline
    assert urgent > 10 and replied > 500
    assert 0.01 * replied <= late <= 0.08 * replied  # mostly kept, as the review counts them (models.review)


@pytest.mark.parametrize("hours", [None, ("07:30", "19:00")])
def test_residents_come_mid_morning_and_afternoon(db, frozen_now, hours):
    """The front desk has its busy hours: residents come and call mostly 9-11 and 14-17, fewer
    just after opening, at lunchtime and just before closing."""
    if hours:
        settings.put("office.start", hours[0], _manager())
        settings.put("office.end", hours[1], _manager())
    demo.generate_slips(1000, seed=27, days=365)
    office = OfficeHours.from_settings()
    opens, closes = office.opens(frozen_now.date()), office.closes(frozen_now.date())
    seconds = [at.hour * 3600 + at.minute * 60 + at.second for at in Slip.select(Slip.received_at).scalars()]

    def per_hour(start: dt.datetime, end: dt.datetime) -> float:
        low, high = (moment.hour * 3600 + moment.minute * 60 for moment in (start, end))
        return sum(low <= second < high for second in seconds) / (high - low) * 3600

    def at(hour: int) -> dt.datetime:
        return frozen_now.replace(hour=hour, minute=0)

    mid_morning = per_hour(at(9), at(11))
    assert mid_morning > 1.5 * per_hour(opens, opens + dt.timedelta(hours=1))
    assert mid_morning > 1.5 * per_hour(closes - dt.timedelta(hours=1), closes)
    assert mid_morning > 1.5 * per_hour(at(12), at(13))
    assert per_hour(at(14), at(17)) > 1.5 * per_hour(at(12), at(13))
