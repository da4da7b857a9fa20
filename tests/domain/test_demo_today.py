"""A demo desk opens busy: what the last working days and this morning left waiting, written by
the desk's own functions (models.demo_today)."""
from __future__ import annotations

import datetime as dt

import pytest

from models import commentbook, dashboard, demo, demo_today, handover, history, integrity, motives, notices, replies
from models import satisfaction, workflow
from models.accounts import User
from models.errors import PermissionDenied
from models.slips import Slip
from models.vocab import Status


@pytest.fixture
def desk(db, frozen_now):
    demo.generate_slips(300, today=True)
    bulk_last = Slip.select().count() - STAGED  # a fresh database: the staged slips come last
    return {**{u.username: u for u in User.select()}, "bulk_last": bulk_last}


STAGED = 26  # the endings and channels (issue 13, part 1): 20; understanding and preventing: 6 more


def test_the_person_in_charge_has_escalations_to_confirm_but_not_their_own(desk, frozen_now):
    waiting = dashboard.slips_of("awaiting_confirmation", desk["supervisor"])
    assert len(waiting) >= 4
    own = [s for s in waiting if s.escalation_requested_by_id == desk["liu"].id]
    assert own and own[0] not in dashboard.slips_of("awaiting_confirmation", desk["liu.sup"])
    assert isinstance(workflow.refusal(own[0], "confirm_escalation", desk["liu.sup"]), PermissionDenied)
    assert workflow.refusal(own[0], "confirm_escalation", desk["supervisor"]) is None


def test_a_letter_waits_for_approval_with_its_flag_and_one_waits_to_be_posted(desk):
    waiting = [letter for letter in replies.pending_approvals(desk["supervisor"]) if letter.slip_id > desk["bulk_last"]]
    assert len(waiting) == 1
    assert demo_today.POLICY_PHRASE in [f.phrase for f in replies.approval_flags(waiting[0])]
    assert dashboard.counts(desk["supervisor"])["letters_to_approve"] >= 1
    approved = replies.Letter.select().where(replies.Letter.status == replies.LetterStatus.APPROVED,
                                             replies.Letter.sent_at.is_null(), replies.Letter.slip > desk["bulk_last"])
    assert approved.count() == 1


def test_the_clerk_finds_replies_to_follow_up(desk, frozen_now):
    counts = dashboard.counts(desk["clerk"])
    assert counts["reopened"] >= 1 and counts["thanks_due"] >= 1
    assert counts["book_pending"] == 2 and counts["book_unchecked"] == 1  # due by 10:00: the desk is reminded
    assert not commentbook.book_checked_today()
    assert len(satisfaction.due_visits()) == 1


def test_the_clerk_has_unread_notices_and_a_handover_note(desk):
    unread = notices.for_user(desk["clerk"], unread_only=True)
    assert {n.kind for n in unread} >= {"assigned", "escalation_returned", "escalated"}
    note = handover.note_for(desk["clerk"])
    assert note is not None and note.written_by.username == "clerk2"


def test_motive_decisions_count_confirmations_and_corrections(desk):
    decisions = motives.MotiveDecision.select()
    assert decisions.count() >= 4
    assert decisions.where(motives.MotiveDecision.corrected).count() >= 1
    report = motives.rule_stats()
    assert any(stat.corrected for stat in report.rules)  # the rules page shows a rule overruled


def test_every_step_is_inside_office_hours_before_now_and_the_database_verifies(desk, frozen_now):
    events = history.SlipEvent.select().where(history.SlipEvent.slip > desk["bulk_last"])
    assert Slip.select().where(Slip.id > desk["bulk_last"]).count() == STAGED and events.count() > 30
    assert all(e.at <= frozen_now and 8 <= e.at.hour < 18 for e in events)
    assert list(history.verify_all()) == [] and integrity.missing_slips() == []
    assert Slip.select().where(Slip.status == Status.AWAITING_CONFIRMATION).count() >= 4


def test_bulk_history_alone_stages_nothing(db, frozen_now):
    demo.generate_slips(50)
    assert Slip.select().count() == 50 and handover.HandoverNote.select().count() == 0
    assert commentbook.pending_count() == 0 and not commentbook.BookCheck.select().exists()
    assert not any(demo_today.POLICY_PHRASE in letter.text for letter in replies.Letter.select())


def test_todays_slips_that_a_big_history_makes_repeats_are_closed_with_their_cause(db, frozen_now):
    """A million-slip history has complained lately from every unit the story uses, so its slips
    are repeats, and a repeat is closed or ended only with its cause found (as at any desk)."""
    from models import clock, intake
    from tests.support.slips import phone_intake

    demo.generate_slips(50)
    clerk = User.get(User.username == "clerk")
    clock.freeze(frozen_now - dt.timedelta(days=9))
    for unit in ("4-2-1603", "10-1-901", "5-2-801", "9-1-302"):
        intake.save(phone_intake(unit_code=unit), clerk)
    clock.freeze(frozen_now)
    demo_today.stage_today()
    ended = Slip.get(Slip.complainant_name == "孟凡")
    assert ended.status == Status.ENDED_UNACCEPTED and ended.repeat_of and ended.root_cause
    for unit in ("10-1-901", "5-2-801", "9-1-302"):
        for slip in Slip.select().where(Slip.unit_code == unit, Slip.status == Status.CLOSED, Slip.repeat_of.is_null(False)):
            assert slip.root_cause and slip.corrective_action
