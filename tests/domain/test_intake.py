"""Taking complaints down on each channel, as the seed's rules require."""
from __future__ import annotations

import datetime as dt

import pytest

from models import history, intake, queries, search
from models.catalog import Category
from models.errors import ValidationFailed
from models.queries import SlipFilter
from models.slips import Slip
from models.vocab import Channel, Status


def _noise() -> int:
    return Category.get(Category.code == "noise").id


def phone_intake(now, **overrides) -> intake.Intake:
    values = dict(channel=Channel.PHONE, customer_request="希望尽快处理。", complainant_name="张三", complainant_title="mr",
                  complaint="楼上每天晚上十一点以后还在拖椅子，吵得孩子睡不着。", read_back=True,
                  category_id=_noise(), caller_number="13812345678",
                  call_time=now - dt.timedelta(minutes=3), thanked=True,
                  deadline=now + dt.timedelta(days=1), unit_code="3栋2单元1201")
    values.update(overrides)
    return intake.Intake(**values)


def test_phone_complaint_read_back_then_saved(db, users, frozen_now):
    slip = intake.save(phone_intake(frozen_now), users["clerk"])
    stored = Slip.get_by_id(slip.id)
    assert stored.number == "TS-2026-000001"
    # a noise complaint is within the clerk's authority: it goes straight to the category's department
    assert stored.status == Status.IN_HANDLING and stored.within_authority is True
    assert stored.department.code == "service"
    assert stored.unit_code == "3-2-1201" and stored.building == 3
    assert stored.preferred_reply == "phone"
    events = history.events_of(stored)
    assert [(e.action, e.to_status) for e in events] == [("created", "received"), ("assign", "in_handling")]
    assert history.verify_slip(stored) is None


def test_numbers_are_unique_and_sequential_per_year(db, users, frozen_now):
    numbers = [intake.save(phone_intake(frozen_now), users["clerk"]).number for _ in range(3)]
    assert numbers == ["TS-2026-000001", "TS-2026-000002", "TS-2026-000003"]


def test_phone_complaint_without_read_back_or_thanks_is_refused(db, users, frozen_now):
    with pytest.raises(ValidationFailed) as refused:
        intake.save(phone_intake(frozen_now, read_back=False, thanked=False), users["clerk"])
    assert set(refused.value.errors) == {"read_back", "thanked"}
    assert Slip.select().count() == 0


def test_answered_at_once_needs_no_deadline_and_is_closed(db, users, frozen_now):
    slip = intake.save(intake.Intake(
        customer_request="希望尽快处理。",
        channel=Channel.ONSITE, complainant_name="李女士", complainant_title="ms",
        complaint="快递柜总是满的", read_back=True, category_id=_noise(),
        answered_at_once=True, answer_note="已说明快递柜扩容计划，业主表示理解。"), users["clerk"])
    assert slip.status == Status.ANSWERED and slip.deadline is None and slip.closed_at == frozen_now


def test_deadline_must_be_agreed_and_in_the_future(db, users, frozen_now):
    errors = intake.check(phone_intake(frozen_now, deadline=None))
    assert "deadline" in errors
    errors = intake.check(phone_intake(frozen_now, deadline=frozen_now - dt.timedelta(hours=1)))
    assert errors["deadline"] == "The reply deadline cannot be in the past."


@pytest.mark.parametrize("number", ["123", "1381234567", "abc", "12345678901"])
def test_bad_phone_numbers_are_refused(db, frozen_now, number):
    assert "caller_number" in intake.check(phone_intake(frozen_now, caller_number=number))


def test_letter_needs_received_date_and_sender_address(db, users, frozen_now):
    letter = intake.Intake(customer_request="希望尽快处理。", channel=Channel.LETTER, complainant_name="赵先生", complaint="来信反映电梯问题",
                           category_id=_noise(), deadline=frozen_now + dt.timedelta(days=3))
    errors = intake.check(letter)
    assert {"letter_received", "sender_address"} <= set(errors)
    letter.letter_received = frozen_now.date()
    letter.letter_date = frozen_now.date() + dt.timedelta(days=1)
    letter.sender_address = "阳光花园3-2-1201室"
    assert intake.check(letter)["letter_date"] == "The letter's date cannot be in the future."


def test_letter_scan_is_stored_inside_the_database(db, users, frozen_now):
    pdf = b"%PDF-1.4\n% scanned letter\n"
    letter = intake.Intake(customer_request="希望尽快处理。", channel=Channel.LETTER, complainant_name="赵先生", complaint="来信反映电梯问题",
                           category_id=_noise(), deadline=frozen_now + dt.timedelta(days=3),
                           letter_received=frozen_now.date(), sender_address="阳光花园3-2-1201室",
                           letter_scans=[intake.LetterScan("/tmp/letter.pdf", pdf)])
    slip = intake.save(letter, users["clerk"])
    (scan,) = slip.attachments
    assert bytes(scan.data) == pdf and scan.filename == "letter.pdf" and scan.mime == "application/pdf"


def test_fake_or_oversized_attachments_are_refused(db, frozen_now):
    assert "damaged" in intake.attachment_problem("a.pdf", b"MZ\x90\x00 not a pdf")
    assert "20 MB" in intake.attachment_problem("a.png", b"\x89PNG\r\n\x1a\n" + b"0" * (20 * 1024 * 1024))
    assert "PDF, JPEG" in intake.attachment_problem("a.exe", b"MZ")


def test_comment_book_entry_identified_by_date_and_page(db, users, frozen_now):
    book = intake.Intake(customer_request="希望尽快处理。", channel=Channel.BOOK, complainant_name="匿名", complaint="建议增加座椅",
                         category_id=_noise(), deadline=frozen_now + dt.timedelta(days=2))
    assert {"book_entry_date", "book_entry_ref"} <= set(intake.check(book))
    book.book_entry_date, book.book_entry_ref = frozen_now.date(), "第12页第3条"
    assert intake.check(book) == {}
    assert intake.save(book, users["clerk"]).preferred_reply == "book"


def test_a_saved_slip_is_indexed_as_a_reindex_would_index_it(db, users, frozen_now):
    """Intake indexes the new slip from the values in hand; re-reading it all back finds nothing to change,
    whichever way it was routed (assigned, escalated with a reason in its history, answered at once)."""
    saved = [intake.save(phone_intake(frozen_now), users["clerk"]),
             intake.save(phone_intake(frozen_now, complaint="燃气管道漏气，味道很大。", phone="021-58881234",
                                      email="zhang@example.com", address="阳光花园3-2-1201室"), users["clerk"]),
             intake.save(phone_intake(frozen_now, unit_code="5-1-302", caller_number="13600001111", answered_at_once=True,
                                      answer_note="已说明夜间施工的规定。"),
                         users["clerk"])]
    assert [s.status for s in saved] == [Status.IN_HANDLING, Status.AWAITING_CONFIRMATION, Status.ANSWERED]
    assert search.reindex_slips(s.id for s in saved) == 0
    assert [r.id for r in queries.page(SlipFilter(text="漏气 5888"))] == [saved[1].id]
