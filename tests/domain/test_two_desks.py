"""Two desks editing the same slip: the second save sees what changed, never overwrites it."""
from __future__ import annotations

import datetime as dt

import pytest

from models import clock, edits, history, intake
from models.catalog import Category
from models.errors import StaleSlip, ValidationFailed
from models.slips import Slip
from tests.support.other_desk import OtherDesk


def _slip(user, now):
    return intake.save(intake.Intake(
        customer_request="希望尽快处理。",
        channel="phone", complainant_name="张三", complaint="楼上噪音", read_back=True,
        category_id=Category.get(Category.code == "noise").id, caller_number="13812345678",
        call_time=now - dt.timedelta(minutes=5), thanked=True, deadline=now + dt.timedelta(days=1)), user)


@pytest.fixture
def desks(db_url, db, users):
    opened = []

    def open_desk(username: str) -> OtherDesk:
        desk = OtherDesk(db_url, username)
        opened.append(desk)
        return desk

    yield open_desk
    for desk in opened:
        desk.close()


def test_second_desk_sees_the_first_desks_change_and_merges(db, users, desks):
    slip = _slip(users["clerk"], clock.now())
    first, second = desks("clerk"), desks("clerk2")
    opened = slip.version
    assert first.ask(open=slip.id) == {"version": opened}
    assert second.ask(open=slip.id) == {"version": opened}
    assert first.ask(edit={"phone": "13900001111"}) == {"saved": opened + 1}
    answer = second.ask(edit={"phone": "13700002222", "handling_notes": "已联系工程部"})
    assert answer["version"] == opened + 1 and "changed at another desk" in answer["stale"]
    assert answer["changes"]["phone"] == ["13812345678", "13900001111", "13700002222"]  # the caller's number at first
    assert answer["changes"]["handling_notes"] == ["", "", "已联系工程部"]
    stored = Slip.get_by_id(slip.id)
    assert stored.phone == "13900001111" and stored.handling_notes == ""  # nothing overwritten
    # the clerk merges: keeps the other desk's phone, adds their notes, on the newer version
    second.ask(open=slip.id)
    assert second.ask(edit={"handling_notes": "已联系工程部"}) == {"saved": opened + 2}
    stored = Slip.get_by_id(slip.id)
    assert (stored.phone, stored.handling_notes, stored.version) == ("13900001111", "已联系工程部", opened + 2)
    assert [e.action for e in history.events_of(stored)][-2:] == ["edited", "edited"]
    assert history.verify_slip(stored) is None


def test_conflicts_detected_for_every_provoked_conflict(db, users, desks):
    slip = _slip(users["clerk"], clock.now())
    first, second = desks("clerk"), desks("clerk2")
    provoked = detected = 0
    for round_ in range(10):
        first.ask(open=slip.id)
        second.ask(open=slip.id)
        assert "saved" in first.ask(edit={"assignee": f"师傅{round_}"})
        provoked += 1
        detected += "stale" in second.ask(edit={"assignee": f"主管{round_}"})
    assert detected == provoked == 10
    assert Slip.get_by_id(slip.id).assignee == "师傅9"


def test_edit_in_process_records_old_and_new_values(db, users, frozen_now):
    slip = _slip(users["clerk"], frozen_now)
    edited = edits.edit_slip(slip.id, slip.version, {"unit_code": "5栋1单元302", "complainant_title": "mr"},
                             users["clerk"])
    assert (edited.unit_code, edited.building, edited.version) == ("5-1-302", 5, slip.version + 1)
    event = history.events_of(edited)[-1]
    assert event.action == "edited" and event.details["unit_code"] == ["", "5-1-302"]


def test_edit_refuses_bad_values_and_status(db, users, frozen_now):
    slip = _slip(users["clerk"], frozen_now)
    with pytest.raises(ValidationFailed) as refused:
        edits.edit_slip(slip.id, slip.version, {"phone": "12", "status": "closed", "complaint": " "}, users["clerk"])
    assert set(refused.value.errors) == {"phone", "status", "complaint"}
    assert Slip.get_by_id(slip.id).version == slip.version


def test_stale_edit_in_process_is_refused(db, users, frozen_now):
    slip = _slip(users["clerk"], frozen_now)
    edits.edit_slip(slip.id, slip.version, {"assignee": "王师傅"}, users["clerk"])
    with pytest.raises(StaleSlip) as stale:
        edits.edit_slip(slip.id, slip.version, {"assignee": "李师傅"}, users["clerk2"], base={"assignee": ""})
    assert stale.value.changes["assignee"].conflicting
