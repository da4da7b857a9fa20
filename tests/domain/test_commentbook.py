"""The comment book (意见簿): checked every day, each entry copied, turned into a slip or read."""
from __future__ import annotations

import datetime as dt

import pytest

from models import commentbook, intake
from models.errors import PermissionDenied, TransitionRefused, ValidationFailed
from models.vocab import Channel
from tests.support.slips import category

ENTRIES = ["建议在中心花园增加几个座椅。", "保洁阿姨很负责，谢谢！", "3号楼门口的路灯坏了。"]


def book_form(now, **more) -> intake.Intake:
    values = dict(channel=Channel.PHONE, customer_request="希望尽快处理。", complainant_name="匿名业主", complaint="建议在中心花园增加几个座椅。",
                  category_id=category("other"), book_entry_date=now.date(), book_entry_ref="第12页第3条",
                  deadline=now + dt.timedelta(days=2))
    values.update(more)
    return intake.Intake(**values)


def test_the_daily_check_copies_each_entry_and_deals_with_it(db, users, frozen_now):
    assert not commentbook.book_checked_today()
    check = commentbook.record_check(users["clerk"], ENTRIES, "新增三条")
    assert commentbook.book_checked_today() and check.checked_at == frozen_now and check.checked_by == users["clerk"]
    assert check.new_entries == 3
    first, second, third = commentbook.pending_entries()
    assert [e.text for e in (first, second, third)] == ENTRIES  # each entry's own words, in order
    slip = commentbook.turn_into_slip(first.id, book_form(frozen_now), users["clerk"])
    assert slip.channel == Channel.BOOK and slip.book_entry_ref == "第12页第3条"
    with pytest.raises(ValidationFailed) as refused:
        commentbook.mark_read(second.id, users["clerk"], " ")
    assert set(refused.value.errors) == {"note"}
    commentbook.mark_read(second.id, users["clerk"], "业主留言感谢保洁")
    with pytest.raises(TransitionRefused):
        commentbook.mark_read(first.id, users["clerk2"], "重复")
    assert [e.id for e in commentbook.pending_entries()] == [third.id]
    assert commentbook.BookEntry.get_by_id(first.id).slip_id == slip.id


def test_a_check_with_nothing_new_is_recorded_too(db, users, frozen_now):
    check = commentbook.record_check(users["clerk"], [])
    assert check.new_entries == 0 and commentbook.book_checked_today() and commentbook.pending_entries() == []


def test_every_new_entry_is_copied_before_the_check_is_recorded(db, users, frozen_now):
    with pytest.raises(ValidationFailed) as refused:
        commentbook.record_check(users["clerk"], ["电梯很脏。", "  "])
    assert refused.value.errors == {"entries": "Copy what each new entry says (entry 2 is empty)."}
    with pytest.raises(ValidationFailed) as refused:
        commentbook.record_check(users["clerk"], ["留言"] * (commentbook.MAX_ENTRIES + 1))
    assert "At most 200 new entries" in refused.value.errors["entries"]
    assert not commentbook.book_checked_today()


def test_an_invalid_entry_form_leaves_the_entry_pending(db, users, frozen_now):
    commentbook.record_check(users["clerk"], ["建议在中心花园增加几个座椅。"])
    (entry,) = commentbook.pending_entries()
    with pytest.raises(ValidationFailed) as refused:
        commentbook.turn_into_slip(entry.id, book_form(frozen_now, book_entry_ref=""), users["clerk"])
    assert "book_entry_ref" in refused.value.errors
    assert commentbook.pending_count() == 1


def test_the_check_by_hour(db, users, frozen_now):
    with pytest.raises(PermissionDenied):
        commentbook.set_check_by(users["clerk"], "09:00")
    commentbook.set_check_by(users["manager"], "11:00")
    assert not commentbook.check_is_late(frozen_now)
    assert commentbook.check_is_late(frozen_now.replace(hour=11))
