"""The dashboard that opens first: what is due, overdue, waiting on someone, or forgotten."""
from __future__ import annotations

import datetime as dt

from models import commentbook, dashboard, deadlines, intake
from models.vocab import Status
from tests.support.slips import category, phone_intake, slip_in, step


def test_counts_follow_the_days_work(db, users, frozen_now):
    clerk, supervisor = users["clerk"], users["supervisor"]
    assert dashboard.counts(clerk) == {"overdue": 0, "due_today": 0, "escalated": 0, "book_unchecked": 1,
                                       "book_pending": 0, "reopened": 0, "thanks_due": 0,
                                       "reply_not_accepted": 0, "visits_due": 0, "progress_quiet": 0,
                                       "calendar_missing": 1}  # 24 November: 2027's holidays not entered
    today = intake.save(phone_intake(deadline=frozen_now + dt.timedelta(hours=5), unit_code="1-1-101",
                                     caller_number="13900000001"), clerk)  # three callers: none a repeat
    intake.save(phone_intake(deadline=frozen_now + dt.timedelta(days=2), unit_code="2-1-101",
                             caller_number="13900000002"), clerk)
    late = intake.save(phone_intake(deadline=frozen_now + dt.timedelta(hours=1), unit_code="3-1-101",
                                    caller_number="13900000003"), clerk)
    beyond = intake.save(phone_intake(complaint="配电箱漏电，很危险。", category_id=category("other"),
                                      deadline=frozen_now + dt.timedelta(days=3)), clerk)
    counts = dashboard.counts(supervisor)
    assert (counts["due_today"], counts["overdue"], counts["awaiting_confirmation"]) == (2, 0, 1)
    assert [s.id for s in dashboard.slips_of("due_today", clerk)] == [late.id, today.id]  # soonest first

    later = frozen_now + dt.timedelta(hours=2)
    assert [s.id for s in dashboard.slips_of("overdue", clerk, later)] == [late.id]
    step(today, "record_handling", clerk, result="已修复")
    step(today, "record_reply", clerk, method="phone", summary="已电话告知", opinion="accepted")
    assert dashboard.counts(clerk, later)["due_today"] == 0  # replied: the promise is kept

    step(beyond, "confirm_escalation", supervisor, recipient="赵经理")
    counts = dashboard.counts(supervisor, later)
    assert (counts["awaiting_confirmation"], counts["escalated"]) == (0, 1)


def test_nobody_is_asked_to_confirm_their_own_request(db, users, frozen_now):
    slip = slip_in(Status.IN_HANDLING, users)
    step(slip, "request_escalation", users["liu"], reason="涉及赔偿")
    assert dashboard.counts(users["liu_sup"])["awaiting_confirmation"] == 0
    assert dashboard.counts(users["supervisor"])["awaiting_confirmation"] == 1
    assert dashboard.counts(users["manager"])["awaiting_confirmation"] == 1
    assert "awaiting_confirmation" not in dashboard.counts(users["clerk"])


def test_the_comment_book_warning_comes_after_the_check_by_hour(db, users, frozen_now):
    nine = frozen_now.replace(hour=9)
    assert dashboard.counts(users["clerk"], nine)["book_unchecked"] == 0
    assert dashboard.counts(users["clerk"], frozen_now)["book_unchecked"] == 1  # 10:00 is the deadline
    commentbook.record_check(users["clerk"], ["楼道灯不亮。", "感谢保洁阿姨。"])
    counts = dashboard.counts(users["clerk"], frozen_now)
    assert (counts["book_unchecked"], counts["book_pending"]) == (0, 2)
    assert dashboard.section("book_pending").page == "comment_book"


def test_reopened_slips_are_listed(db, users, frozen_now):
    slip = slip_in(Status.REPLIED, users)
    step(slip, "reopen", users["clerk"], customer_words="还是不亮", deadline=frozen_now + dt.timedelta(days=1))
    assert [s.id for s in dashboard.slips_of("reopened", users["clerk"])] == [slip.id]


def test_another_module_adds_a_section(db, users, frozen_now, monkeypatch):
    monkeypatch.setattr(dashboard, "SECTIONS", list(dashboard.SECTIONS))
    dashboard.register(dashboard.Section("follow_ups", "Thank-you follow-ups due", "待回访致谢",
                                         count=lambda user, now: 3))
    assert dashboard.counts(users["clerk"])["follow_ups"] == 3
    assert dashboard.sections_for(users["clerk"])[-1].title("en") == "Thank-you follow-ups due"


def test_the_deadline_promised_at_intake_counts_working_time(db, users, frozen_now):
    slip = intake.save(phone_intake(deadline=deadlines.default_deadline()), users["clerk"])
    assert slip.deadline == dt.datetime(2026, 11, 26, 16, 0)


def test_sections_of_other_modules_are_listed_without_them_loaded_first():
    """The first view of the day (a desk that has loaded little yet) shows every registered section."""
    import subprocess
    import sys

    code = ("import sys; from models import dashboard; from models.accounts import User; "
            "from models.vocab import Role; assert 'models.replies' not in sys.modules; "
            "from models.connection import open_database; open_database(); "  # the private data folder's file
            "print(' '.join(s.code for s in dashboard.sections_for(User(role=Role.SUPERVISOR, active=True))))")
    listed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert {"thanks_due", "reply_not_accepted", "letters_to_approve", "visits_due"} <= set(listed)
