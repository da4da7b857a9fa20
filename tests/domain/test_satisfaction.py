"""At closing: satisfaction on the seven levels, settled or not, return visits, thanks for suggestions."""
from __future__ import annotations

import datetime as dt

import pytest

from models import clock, dashboard, history, intake, satisfaction
from models.catalog import Category
from models.db import write_transaction
from models.errors import StaleSlip, ValidationFailed
from models.slips import Slip
from models.vocab import Channel, Status


def _answered(users, channel=Channel.ONSITE, **extra) -> Slip:
    values = dict(channel=channel, customer_request="希望尽快处理。", complainant_name="李女士", complainant_title="ms", unit_code="5-1-302",
                  complaint="建议在中心花园增加几个休息座椅。", read_back=True,
                  category_id=Category.get(Category.code == "other").id, answered_at_once=True,
                  answer_note="已记录建议，转物业经理考虑。")
    values.update(extra)
    return intake.save(intake.Intake(**values), users["clerk"])


def _v(slip: Slip) -> int:
    """The slip's version as a form would have opened it now."""
    return Slip.get_by_id(slip.id).version


def test_the_scale_has_the_seeds_seven_levels():
    assert [lv.name_zh for lv in satisfaction.LEVELS] == [
        "很不满意", "不满意", "不太满意", "一般", "较满意", "满意", "很满意"]
    assert satisfaction.level(7).name("en") == "Very satisfied" and satisfaction.level(8) is None


def test_satisfaction_at_closing_writes_history_and_bumps_the_version(db, users, frozen_now):
    slip = _answered(users)
    recorded = satisfaction.record_satisfaction(slip.id, users["clerk"], 6, settled=True,
                                                note="业主说谢谢", expected_version=slip.version)
    assert (recorded.satisfaction, recorded.settled, recorded.version) == (6, True, slip.version + 1)
    event = history.events_of(recorded)[-1]
    assert event.action == "satisfaction" and event.details["level"] == "满意" and event.note == "业主说谢谢"
    assert history.verify_slip(recorded) is None


def test_satisfaction_is_asked_only_after_the_reply(db, users, frozen_now):
    open_slip = intake.save(intake.Intake(
        customer_request="希望尽快处理。",
        channel=Channel.ONSITE, complainant_name="张三", complaint="灯坏了", read_back=True,
        category_id=Category.get(Category.code == "lighting").id, unit_code="3-2-1201",
        deadline=frozen_now + dt.timedelta(days=1)), users["clerk"])
    with pytest.raises(ValidationFailed) as refused:
        satisfaction.record_satisfaction(open_slip.id, users["clerk"], 5, settled=False, expected_version=_v(open_slip))
    assert "satisfaction" in refused.value.errors
    with pytest.raises(ValidationFailed):
        satisfaction.record_satisfaction(open_slip.id, users["clerk"], 0, settled=True, expected_version=_v(open_slip))


def test_another_desks_change_is_not_overwritten(db, users, frozen_now):
    slip = _answered(users)
    satisfaction.record_satisfaction(slip.id, users["clerk2"], 4, settled=False, expected_version=slip.version)
    with pytest.raises(StaleSlip):
        satisfaction.record_satisfaction(slip.id, users["clerk"], 7, settled=True, expected_version=slip.version)
    assert Slip.get_by_id(slip.id).satisfaction == 4


def test_return_visit_is_scheduled_then_recorded(db, users, frozen_now):
    slip = _answered(users)
    with pytest.raises(ValidationFailed) as refused:
        satisfaction.schedule_return_visit(slip.id, users["clerk"], frozen_now - dt.timedelta(hours=1), "fax",
                                           expected_version=_v(slip))
    assert set(refused.value.errors) == {"due", "method"}
    due = frozen_now + dt.timedelta(days=7)
    visit = satisfaction.schedule_return_visit(slip.id, users["clerk"], due, "phone", "回访座椅建议的落实情况",
                                               expected_version=_v(slip))
    assert satisfaction.due_visits() == []
    assert dashboard.counts(users["clerk"])["visits_due"] == 0
    clock.freeze(due)
    assert [v.id for v in satisfaction.due_visits()] == [visit.id]
    assert [s.id for s in dashboard.slips_of("visits_due", users["clerk"])] == [slip.id]  # on today's page
    done = satisfaction.record_return_visit(visit.id, users["clerk2"], "座椅已经装好，业主很满意。", satisfaction=7,
                                            settled=True, expected_version=_v(slip))
    assert done.done_at == due and done.done_by_id == users["clerk2"].id
    assert satisfaction.due_visits() == []
    slip = Slip.get_by_id(slip.id)
    assert (slip.satisfaction, slip.settled) == (7, True)
    assert [e.action for e in history.events_of(slip)][-2:] == ["return_visit_scheduled", "return_visit"]
    with pytest.raises(ValidationFailed):
        satisfaction.record_return_visit(visit.id, users["clerk"], "again", expected_version=_v(slip))


def test_a_helpful_comment_book_suggestion_is_thanked(db, users, frozen_now):
    slip = _answered(users, channel=Channel.BOOK, book_entry_date=frozen_now.date(), book_entry_ref="第12页",
                     read_back=False, answered_at_once=False, answer_note="",
                     deadline=frozen_now + dt.timedelta(days=2))  # a book entry is answered in the book
    with pytest.raises(ValidationFailed):
        satisfaction.reward_suggestion(slip.id, users["clerk"], "cash", expected_version=_v(slip))
    reward = satisfaction.reward_suggestion(slip.id, users["clerk"], "small_gift", "携带小礼品上门感谢",
                                            expected_version=_v(slip))
    assert satisfaction.rewards_of(slip.id) == [reward]
    event = history.events_of(Slip.get_by_id(slip.id))[-1]
    assert event.action == "suggestion_rewarded" and event.details["kind"] == "small_gift"


@pytest.mark.tampers  # a slip closed in the table
def test_satisfaction_after_a_closed_reply(db, users, frozen_now):
    slip = _answered(users)
    with write_transaction():
        Slip.update(status=Status.CLOSED).where(Slip.id == slip.id).execute()
    assert satisfaction.record_satisfaction(slip.id, users["clerk"], 2, settled=False,
                                            expected_version=_v(slip)).settled is False
