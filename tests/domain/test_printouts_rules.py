"""Printouts say the right dates and names, read back from the PDFs: the draft reply cites the
customer's letter by its own dates, the final letter is dated the day it was approved on every
reprint, the transmittal says when the letter was written and received and who sent it up, a
salutation needs a title or the full name, a Chinese draft is stamped 草稿, and the receipt says
what happened on this channel."""
from __future__ import annotations

import datetime as dt

import pytest

from models import clock, edits, intake, replies, workflow
from models.errors import ValidationFailed
from models.slips import Slip
from models.vocab import Channel, Opinion, ReplyMethod
from printouts.kinds import make
from tests import printing_checks as check
from tests.domain.printout_slips import book_slip, letter_slip, onsite_slip
from tests.support.slips import category, phone_intake, recorded_change

TEXT = "您反映的噪音问题，我中心已约谈楼上住户，对方承诺晚上十点以后不再拖动家具。\n感谢您的来信。"


def fresh(slip: Slip) -> Slip:
    return Slip.get_by_id(slip.id)


def text_of(kind: str, slip: Slip, lang: str = "zh", **options) -> str:
    return check.flat(check.text(make(kind, fresh(slip), lang, **options).pdf))


def approve(slip: Slip, users) -> replies.Letter:
    letter = replies.save_letter(slip.id, users["clerk"], TEXT, expected_version=fresh(slip).version)
    replies.submit_letter(slip.id, users["clerk"], expected_version=fresh(slip).version)
    return replies.approve_letter(letter.id, users["supervisor"], expected_version=fresh(slip).version)


def test_draft_reply_cites_the_customers_letter_by_its_date_and_the_day_it_arrived(db, users, frozen_now):
    # the letter was written on the 18th, arrived on the 20th, and was typed in today (the 24th)
    slip = letter_slip(users["clerk"], frozen_now)
    recorded_change(slip, users["clerk"], letter_date=dt.date(2026, 11, 18), letter_received=dt.date(2026, 11, 20))
    zh = text_of("letter", slip)
    assert "您2026年11月18日的来信（我中心于2026年11月20日收到）反映的" in zh
    assert "2026年11月24日反映" not in zh and "您于2026年11月24日" not in zh  # never the data-entry date
    en = check.flat(check.text(make("letter", fresh(slip), "en").pdf, "-layout"))
    assert "yourletterof18November2026(receivedon20November2026)" in en

    undated = letter_slip(users["clerk"], frozen_now)
    recorded_change(undated, users["clerk"], letter_date=None, letter_received=dt.date(2026, 11, 20))
    assert "您的来信（我中心于2026年11月20日收到）反映的" in text_of("letter", undated)


def test_draft_reply_to_a_book_entry_or_a_call_cites_when_the_customer_wrote_or_called(db, users, frozen_now):
    entry = book_slip(users["clerk"], frozen_now)
    recorded_change(entry, users["clerk"], book_entry_date=dt.date(2026, 11, 22))
    assert "您于2026年11月22日在意见簿上留言反映的" in text_of("letter", entry)
    call = intake.save(phone_intake(call_time=dt.datetime(2026, 11, 23, 17, 20),
                                    received_at=frozen_now - dt.timedelta(minutes=1)), users["clerk"])
    assert "您于2026年11月23日来电反映的" in text_of("letter", call)


def test_final_letter_is_dated_the_day_it_was_approved_on_every_reprint(db, users, frozen_now):
    slip = letter_slip(users["clerk"], frozen_now)
    assert "2026年11月24日" in text_of("letter", slip)  # a draft: today
    clock.freeze(dt.datetime(2026, 11, 25, 9, 0))
    approve(slip, users)
    first = text_of("letter", slip)
    assert "草稿" not in first and "2026年11月25日" in first
    clock.freeze(dt.datetime(2026, 11, 26, 9, 0))
    replies.mark_letter_sent(slip.id, users["clerk"], expected_version=fresh(slip).version)
    clock.freeze(dt.datetime(2026, 12, 3, 15, 0))  # reprinted for the file a week later
    again = text_of("letter", slip)
    assert again == first
    assert "3December2026" not in check.flat(check.text(make("letter", fresh(slip), "en").pdf))
    assert "25November2026" in check.flat(check.text(make("letter", fresh(slip), "en").pdf))


def test_transmittal_shows_when_the_letter_was_written_and_received_and_who_sent_it_up(db, users, frozen_now):
    slip = letter_slip(users["clerk"], frozen_now)
    recorded_change(slip, users["clerk"], letter_date=dt.date(2026, 11, 18), letter_received=dt.date(2026, 11, 20))
    workflow.apply(slip.id, "request_escalation", users["clerk2"], expected_version=fresh(slip).version,
                   reason="业主要求赔偿，超出前台权限。")
    clock.freeze(dt.datetime(2026, 11, 24, 15, 0))
    workflow.apply(slip.id, "confirm_escalation", users["supervisor"], expected_version=fresh(slip).version,
                   recipient="赵经理", letter_copy_kept=True)
    clock.freeze(dt.datetime(2026, 11, 30, 9, 0))  # printed again on another day
    text = text_of("transmittal", slip)
    for expected in ("来信日期2026年11月18日", "收信日期2026年11月20日", "申请上报人陈丽", "负责人确认李慧",
                     "报送人李慧", "报送时间2026年11月24日15:00", "报送人李慧负责人李慧"):
        assert expected in text, expected
    assert "2026年11月30日" not in text  # dated the day it went up


@pytest.mark.parametrize("name", ["王", "欧阳"])
def test_a_salutation_needs_a_title_or_the_full_name(db, users, frozen_now, name):
    slip = letter_slip(users["clerk"], frozen_now, name=name, title="")
    draft = text_of("letter", slip)
    assert f"尊敬的{name}：" not in draft and "尊敬的业主/住户：" in draft
    replies.save_letter(slip.id, users["clerk"], TEXT, expected_version=fresh(slip).version)
    with pytest.raises(ValidationFailed) as refused:
        replies.submit_letter(slip.id, users["clerk"], expected_version=fresh(slip).version)
    assert f"“{name}” is only a surname" in refused.value.errors["complainant_title"]
    edits.edit_slip(slip.id, fresh(slip).version, {"complainant_title": "mr"}, users["clerk"])
    replies.submit_letter(slip.id, users["clerk"], expected_version=fresh(slip).version)
    assert f"尊敬的{name}先生：" in text_of("letter", slip)

    full = letter_slip(users["clerk"], frozen_now, name="王建华", title="")
    assert "尊敬的王建华：" in text_of("letter", full)


def test_a_chinese_draft_is_stamped_草稿_and_an_english_one_draft(db, users, frozen_now):
    slip = letter_slip(users["clerk"], frozen_now)
    zh = make("letter", slip, "zh")
    assert zh.draft and check.watermarked(zh.pdf) and "草稿" in check.page_text(zh.pdf, 1)
    en = make("letter", slip, "en")
    assert en.draft and "DRAFT" in check.page_text(en.pdf, 1)
    approve(slip, users)
    assert "草稿" not in check.page_text(make("letter", fresh(slip), "zh").pdf, 1)


def test_the_receipt_says_what_happened_on_this_channel(db, users, frozen_now):
    onsite = text_of("receipt", onsite_slip(users["clerk"], frozen_now))
    assert "向您复述确认，将按约定时限给您答复" in onsite and "约定回复时限" in onsite

    letter = text_of("receipt", letter_slip(users["clerk"], frozen_now))
    assert "复述" not in letter and "您的来信我们已收到并如实记录" in letter and "答复时限" in letter
    assert "约定回复时限" not in letter
    book = text_of("receipt", book_slip(users["clerk"], frozen_now))
    assert "复述" not in book and "您在意见簿上的留言我们已如实记录" in book

    answered = intake.save(intake.Intake(
        channel=Channel.ONSITE, complainant_name="王芳", complainant_title="ms", unit_code="6-2-501",
        phone="13700002222", complaint="电梯按钮不灵。", read_back=True, calmed=True, category_id=category("lift"),
        customer_request="希望尽快修好。",  # another customer (not a repeat of 李梅's), asked what she wants
        answered_at_once=True, answer_note="已当场说明电梯维保明天上午检修按钮。"), users["clerk"])
    text = text_of("receipt", answered)
    assert "并已当场答复" in text and "已当场说明电梯维保明天上午检修按钮" in text
    assert "约定回复时限" not in text and "答复时限" not in text and "将按" not in text  # no promised deadline


def test_the_printed_slip_says_how_an_unaccepted_slip_ended(db, users, frozen_now):
    from tests.support.slips import replied_not_accepted

    slip = replied_not_accepted(users)
    workflow.apply(slip.id, "end_unaccepted", users["supervisor"], expected_version=slip.version,
                   end_reason="要求超出规定。", offered="免费检修一次。")
    text = text_of("slip", slip)
    assert "已终结（客户仍不认可）" in text
    assert "答复已按规定作出，客户仍不认可。理由：要求超出规定；已向客户提出：免费检修一次" in text
    assert "。；" not in text
    assert "终结：答复已按规定作出，客户仍不认可" in text  # the history names the step
    assert "答复人" in text and "答复时限" not in text  # the replies' table names who replied, not a deadline


def test_a_reply_letter_reply_is_on_the_printed_slip_with_its_pending_opinion(db, users, frozen_now):
    slip = letter_slip(users["clerk"], frozen_now)
    slip = workflow.apply(slip.id, "record_handling", users["clerk"], expected_version=slip.version, result="已处理。")
    approve(slip, users)
    replies.record(slip.id, users["clerk"], replies.ReplyInput(ReplyMethod.LETTER, opinion=Opinion.PENDING),
                   expected_version=fresh(slip).version)
    assert "意见待反馈" in text_of("slip", slip)
