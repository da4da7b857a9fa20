"""The review shows who handles complaints best and what caused the repeats: on screen (the
Review), in the PDF and in the workbook, worked out by hand from a small day at the desk."""
from __future__ import annotations

import datetime as dt
import io

from openpyxl import load_workbook

from models import causes, clock, intake, replies, review, satisfaction
from models.vocab import Channel, Opinion, ReplyMethod
from printouts.review_export import export_review
from tests import printing_checks as pdf_check
from tests.support.slips import category, step, valid_inputs

NOVEMBER = review.parse_period("2026-11")


def _taken(users, clerk: str, at: dt.datetime, **values):
    clock.freeze(at)
    form = dict(channel=Channel.ONSITE, complainant_name="王芳", complainant_title="ms", unit_code="6-1-802",
                phone="13700001111", complaint="楼道声控灯坏了。", read_back=True, category_id=category("lighting"),
                customer_request="希望尽快修好。", deadline=at + dt.timedelta(hours=24))
    form.update(values)
    return intake.save(intake.Intake(**form), users[clerk])


def _replied(users, clerk: str, slip, at: dt.datetime, opinion: str = Opinion.ACCEPTED):
    clock.freeze(at - dt.timedelta(minutes=30))
    slip = step(slip, "record_handling", users[clerk], **valid_inputs("record_handling"))
    clock.freeze(at)
    words = "" if opinion == Opinion.ACCEPTED else "还是不亮。"
    return replies.record(slip.id, users[clerk], replies.ReplyInput(
        method=ReplyMethod.PHONE, summary="电话告知已修好。", opinion=opinion, customer_words=words,
        identity_stated=True, at=at), expected_version=slip.version).slip


def _day_at_the_desk(users):
    """张小梅 answers one at once and replies to another on time (accepted, closed, 7); 陈丽 takes a
    repeat of the same unit, replies after the deadline (not accepted); its cause is recorded."""
    at_once = _taken(users, "clerk", dt.datetime(2026, 11, 16, 9, 0), answered_at_once=True,
                     answer_note="已当场更换灯泡。", unit_code="", phone="13700003333")
    first = _taken(users, "clerk", dt.datetime(2026, 11, 16, 10, 0))
    first = _replied(users, "clerk", first, dt.datetime(2026, 11, 16, 15, 0))
    first = replies.close_accepted(first.id, users["clerk"], expected_version=first.version)
    satisfaction.record_satisfaction(first.id, users["clerk"], 7, True, expected_version=first.version)
    repeat = _taken(users, "clerk2", dt.datetime(2026, 11, 18, 10, 0), within_authority=True,
                    override_reason="灯具问题工程部可处理", phone="13700004444")
    repeat = _replied(users, "clerk2", repeat, dt.datetime(2026, 11, 20, 10, 0), Opinion.NOT_ACCEPTED)
    causes.record(repeat.id, users["clerk2"], causes.Analysis(("为什么又坏？开关老化",), "声控开关老化未更换。",
                                                             "工程部每季度检查楼道开关。"), expected_version=repeat.version)
    clock.freeze(dt.datetime(2026, 11, 24, 10, 0))
    return at_once, first, repeat


def test_the_review_names_the_best_handlers_and_the_repeats_causes(db, users):
    at_once, first, repeat = _day_at_the_desk(users)
    month = review.compute(NOVEMBER)
    staff = {f.name: f for f in month.staff}
    zhang, chen = staff["张小梅"], staff["陈丽"]
    assert (zhang.received, zhang.handled, zhang.on_time, zhang.replies, zhang.accepted) == (2, 2, 2, 1, 1)
    assert (zhang.measured, zhang.satisfaction_average, zhang.satisfied) == (1, 7.0, 1)
    assert (chen.received, chen.handled, chen.on_time, chen.replies, chen.accepted) == (1, 1, 0, 1, 0)
    assert chen.on_time_share == 0 and chen.satisfaction_average is None
    assert [f.name for f in month.staff] == ["张小梅", "陈丽"]  # most handled on time first
    (cause,) = month.repeat_causes
    assert (cause.number, cause.repeats, cause.root_cause, cause.analysed) == (
        repeat.number, first.number, "声控开关老化未更换。", True)
    assert (month.repeat_cause_count, month.repeats_analysed) == (1, 1)


def test_the_pdf_and_the_workbook_show_the_staff_and_the_causes(db, users):
    _at_once, first, repeat = _day_at_the_desk(users)
    text = pdf_check.flat(pdf_check.text(export_review(NOVEMBER, "pdf"), "-layout"))
    assert "八、员工处理情况（表彰先进）" in text
    # received, handled, on time, its share, replies, accepted, its share, measured, average
    assert "张小梅222100%11100%17.0" in text and "陈丽1100%100%0—" in text
    reading = pdf_check.flat(pdf_check.text(export_review(NOVEMBER, "pdf")))  # a wrapped cell reads on
    assert repeat.number in reading and "声控开关老化未更换。" in reading and "工程部每季度检查楼道开关。" in reading
    assert "本期受理的重复投诉1件，已完成原因分析1件" in text
    book = load_workbook(io.BytesIO(export_review(NOVEMBER, "xlsx")))
    staff = book.worksheets[-1]
    rows = {row[0]: row for row in staff.iter_rows(values_only=True) if row and row[0] in ("张小梅", "陈丽")}
    assert rows["张小梅"][:8] == ("张小梅", 2, 2, 2, 1, 1, 1, 1) and rows["张小梅"][9] == 7
    assert rows["陈丽"][1:5] == (1, 1, 0, 0)
    repeats = book.worksheets[1]
    cells = [row for row in repeats.iter_rows(values_only=True) if row and row[0] == repeat.number]
    assert cells and cells[0][4] == first.number and cells[0][5] == "声控开关老化未更换。"
