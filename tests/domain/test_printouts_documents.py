"""Every printout of a slip, read back with pypdf and poppler as the tests' eyes."""
from __future__ import annotations

import datetime as dt

import pytest

from models import authority, history, replies
from models.i18n import composed
from models.catalog import Department
from models.errors import TransitionRefused
from models.slips import Slip
from printouts.data import slip_sheet_data
from printouts.kinds import KINDS, make
from printouts.layout import CHINESE_CANNOT_START
from printouts.wording import say
from tests import printing_checks as check
from tests.domain.printout_slips import (COMPLAINT, HANDLING, book_slip, going_up, letter_slip, onsite_slip,
                                         ordinary_slip)
from tests.support.slips import received_slip, step
from models.vocab import Opinion, ReplyMethod

WRITE_BACK = "感谢您的建议，中心花园已增设四张休息座椅。"

# what of the customer's name each printout shows, and a piece of Chinese text it must carry
NAME_SHOWN = {"letter": "张先生", "sheet": "张先生"}
CHINESE_SHOWN = {
    "letter": "经调查核实，现将处理情况答复如下：" + HANDLING,
    "slip": COMPLAINT,
    "transmittal": COMPLAINT,
    "receipt": COMPLAINT,
    "book-reply": "处理意见",
    "sheet": "关于您反映噪音扰民问题的答复",
    "label": "阳光花园3-2-1201室",
}


def printable(kind: str, slip: Slip, users) -> Slip:
    """A transmittal goes only with a slip that goes up (models.transmittals.goes_up)."""
    return going_up(slip, users["clerk"]) if kind == "transmittal" else slip


@pytest.mark.parametrize("kind", KINDS)
def test_every_printout_opens_and_reads_back(db, users, frozen_now, kind):
    slip = printable(kind, letter_slip(users["clerk"], frozen_now), users)
    printout = make(kind, slip, "zh")
    assert check.pages(printout.pdf) >= 1  # pypdf opens it
    text = check.flat(check.text(printout.pdf))
    assert slip.number in text
    assert NAME_SHOWN.get(kind, "张三") in text
    assert check.flat(CHINESE_SHOWN[kind]) in text


@pytest.mark.parametrize("kind", KINDS)
def test_every_printout_embeds_a_subset_of_the_chinese_font(db, users, frozen_now, kind):
    slip = printable(kind, letter_slip(users["clerk"], frozen_now), users)
    printout = make(kind, slip, "zh")
    rows = check.fonts(printout.pdf)
    assert rows and all(row.embedded and row.subset and row.type == "TrueType" for row in rows), rows
    assert printout.font_warning == ""


@pytest.mark.parametrize("kind", KINDS)
def test_english_printouts(db, users, frozen_now, kind):
    slip = printable(kind, letter_slip(users["clerk"], frozen_now), users)
    text = check.text(make(kind, slip, "en").pdf)
    assert slip.number in check.flat(text)
    assert "张三" in text or "Mr Zhang" in text


def test_printouts_are_byte_stable_for_golden_comparison(db, users, frozen_now):
    slip = going_up(letter_slip(users["clerk"], frozen_now), users["clerk"])
    for kind in KINDS:
        assert make(kind, slip, "zh", invariant=True).pdf == make(kind, slip, "zh", invariant=True).pdf


def test_three_thousand_character_complaint_flows_onto_further_pages(db, users, frozen_now):
    sentences = [f"第{i:03d}条：" + COMPLAINT for i in range(1, 200)]
    complaint = "".join(sentences)[:3000]
    slip = letter_slip(users["clerk"], frozen_now, complaint=complaint)
    pdf = make("slip", slip, "zh").pdf
    assert check.pages(pdf) >= 2
    # every character of the complaint is there, in order, once the page furniture is taken out
    furniture = (slip.number, "阳光花园物业服务中心", "页")
    body = [line for line in check.text(pdf).splitlines()
            if not any(f in line for f in furniture) and line.strip() != "投诉处理单"]
    assert check.flat(complaint) in check.flat("".join(body))
    # and, as Chinese is set, no line of it starts with a closing mark (“：” after “第047条”)
    lines = [line for line in body if len(line) > 20]  # the complaint's: the form's cells are short
    assert len(lines) > 40 and not [line for line in lines if line[0] in CHINESE_CANNOT_START]
    # and nothing is drawn outside the printable area of its page
    sizes, words = check.words(pdf)
    for word in words:
        width, height = sizes[word.page - 1]
        assert 20 <= word.x0 and word.x1 <= width - 20 and 20 <= word.y0 and word.y1 <= height - 20, word
    # every page carries the slip number and its page of pages
    for page in range(1, check.pages(pdf) + 1):
        page_text = check.flat(check.text(pdf, "-f", str(page), "-l", str(page)))
        assert slip.number in page_text and f"第{page}页共{check.pages(pdf)}页" in page_text


def test_slip_form_carries_every_section_history_and_signature_boxes(db, users, frozen_now):
    slip = letter_slip(users["clerk"], frozen_now)
    text = check.flat(check.text(make("slip", slip, "zh").pdf))
    for expected in ("投诉处理单", "信函投诉", "来信扫描.pdf", "寄信地址", "约定回复时限", "2026年11月27日10:00",
                     "噪音扰民", "工程部", "王师傅", "处理过程记录", "登记受理", "张小梅",
                     "接待人员", "负责人", "上级服务管理部门", "签字"):
        assert expected in text, expected


FORM_WORDS = ("slip_title", "slip_number", "printed_at", "sec_reception", "sec_complainant", "sec_channel",
              "sec_complaint", "sec_authority", "sec_handling", "sec_replies", "sec_history", "sec_signatures",
              "reply_method", "reply_at", "reply_by", "reply_content", "reply_opinion",
              "h_time", "h_actor", "h_action", "h_status", "h_note",
              "sign_receiver", "sign_charge", "sign_upper", "signature", "date")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_ordinary_slip_fits_one_page_signature_boxes_included(db, users, frozen_now, lang):
    """A few lines of complaint, a handful of events, one reply: one sheet to sign and file, not a
    second sheet holding the signature boxes alone."""
    slip = ordinary_slip(users["clerk"], frozen_now)
    sheet = slip_sheet_data(slip, lang)
    assert len(sheet.history) >= 4 and len(sheet.replies) == 1  # what "ordinary" means here
    pdf = make("slip", slip, lang).pdf
    assert check.pages(pdf) == 1
    text = check.flat(check.text(pdf))
    drawn = check.flat(check.page_text(pdf, 1))  # in drawing order: a label wrapped in its cell reads whole
    fields = [item.label for item in (*sheet.reception, *sheet.complainant, *sheet.channel_record, *sheet.authority)]
    missing = [words for words in [*fields, *(say(key, lang) for key in FORM_WORDS)] if check.flat(words) not in drawn]
    assert not missing, missing
    assert check.flat(slip.complaint) in text and "王师傅" in text and check.flat(sheet.replies[0]["content"]) in text
    sizes, words = check.words(pdf)
    width, height = sizes[0]
    assert all(20 <= w.x0 and w.x1 <= width - 20 and 20 <= w.y0 and w.y1 <= height - 20 for w in words)


def test_long_history_flows_on_with_the_signature_boxes_kept_together(db, users, frozen_now):
    slip = ordinary_slip(users["clerk"], frozen_now)
    for _ in range(40):
        history.record(slip, users["clerk"], "printed", data={"kind": "letter", "lang": "zh", "draft": True})
    pdf = make("slip", slip, "zh").pdf
    pages = check.pages(pdf)
    assert pages >= 2
    last = check.flat(check.text(pdf, "-f", str(pages), "-l", str(pages)))
    assert all(words in last for words in ("九、签字确认", "接待人员", "负责人", "上级服务管理部门", "签字", "日期"))
    for page in range(2, pages + 1):  # the history's column headings repeat on each page it runs onto
        page_text = check.flat(check.text(pdf, "-f", str(page), "-l", str(page)))
        assert "答复信函" not in page_text or "操作人事项状态变化说明" in page_text, page


def test_english_slip_gives_the_authority_suggestion_in_english(db, users, frozen_now):
    slip = letter_slip(users["clerk"], frozen_now)
    assessment = authority.suggestion_of(slip)
    assert assessment is not None and composed(slip.authority_suggestion) == assessment.composed()
    english = check.flat(check.text(make("slip", slip, "en").pdf))
    assert check.flat(assessment.summary("en")) in english and "aclerkmaysettleit" in english
    assert check.flat(assessment.summary("zh")) not in english
    assert check.flat(assessment.summary("zh")) in check.flat(check.text(make("slip", slip, "zh").pdf))


@pytest.mark.tampers  # a slip stored as an older Slipdesk stored it
def test_suggestion_without_recorded_reasons_prints_as_stored(db, users, frozen_now):
    """A slip taken down before the reasons were kept in both languages prints its stored text."""
    slip = received_slip(users["clerk"])
    Slip.update(authority_suggestion="业主情绪激动，建议上报。").where(Slip.id == slip.id).execute()
    assert authority.suggestion_of(slip) is None
    assert "业主情绪激动，建议上报。" in check.flat(check.text(make("slip", Slip.get_by_id(slip.id), "en").pdf))


def test_onsite_slip_shows_feelings_first_and_read_back(db, users, frozen_now):
    slip = onsite_slip(users["clerk"], frozen_now)
    text = check.flat(check.text(make("slip", slip, "zh").pdf))
    assert "先处理情感（已安抚）" in text and "已复述确认" in text and "现场口头投诉" in text


def test_receipt_tells_the_deadline_and_whom_to_call(db, users, frozen_now):
    slip = onsite_slip(users["clerk"], frozen_now)
    text = check.flat(check.text(make("receipt", slip, "zh").pdf))
    assert "投诉受理回执" in text and "2026年11月25日10:00" in text and "021-58881234" in text
    assert "李梅女士" in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_receipt_of_an_estate_without_an_office_phone_names_no_empty_one(db, users, frozen_now, lang):
    """The office phone is optional on the letterhead: the receipt printed “（办公电话 ）” without it."""
    from models import settings

    settings.put("estate.office_phone", "", users["manager"])
    slip = onsite_slip(users["clerk"], frozen_now)
    text = check.flat(check.text(make("receipt", slip, lang).pdf))
    assert check.flat(say("call_us_line", lang, phone=settings.get("estate.supervision_phone"))) in text
    assert "办公电话" not in text and "(office" not in text


def test_no_transmittal_for_a_slip_settled_at_the_desk(db, users, frozen_now):
    slip = letter_slip(users["clerk"], frozen_now)
    assert slip.within_authority is not False
    with pytest.raises(TransitionRefused, match="never went up"):
        make("transmittal", slip, "zh")


def test_transmittal_lists_the_slip_and_the_letter_copy(db, users, frozen_now):
    slip = going_up(letter_slip(users["clerk"], frozen_now), users["clerk"])
    text = check.flat(check.text(make("transmittal", slip, "zh").pdf))
    assert f"投诉处理单（{slip.number}）一份" in text
    assert "投诉信函复印件，留存备查（来信扫描.pdf）" in text
    assert "上级服务管理部门" in text and "上级部门签收" in text


def test_transmittal_reads_the_transmittal_record(db, users, frozen_now):
    """To whom, when, by whom, with what and the letter copy: as recorded when it was sent, even
    after the catalog names another upper department."""
    slip = letter_slip(users["clerk"], frozen_now)
    scan = slip.attachments.get()
    upper = Department.get(Department.upper)
    step(slip, "request_escalation", users["clerk2"], reason="业主要求赔偿，超出前台权限。")
    step(slip, "confirm_escalation", users["supervisor"], sent_to=upper.id, recipient="赵经理",
         sent_at=frozen_now - dt.timedelta(days=1), attachments=[scan.id], letter_copy_kept=True,
         note="请于三个工作日内书面回复。")
    Department.update(upper=False).execute()
    Department.create(code="group", name_zh="集团客户服务中心", name_en="Group customer service", upper=True)
    text = check.flat(check.text(make("transmittal", Slip.get_by_id(slip.id), "zh").pdf))
    for expected in ("报送：上级服务管理部门", "接收人赵经理", "报送时间2026年11月23日10:00", "负责人确认李慧",
                     f"投诉处理单（{slip.number}）一份", "投诉信函（来信扫描.pdf）", "复印件留存备查是",
                     "说明请于三个工作日内书面回复。", "2026年11月23日"):
        assert expected in text, expected
    assert "集团客户服务中心" not in text


def test_transmittal_in_english_from_the_record(db, users, frozen_now):
    slip = letter_slip(users["clerk"], frozen_now)
    step(slip, "request_escalation", users["clerk2"], reason="业主要求赔偿。")
    step(slip, "confirm_escalation", users["supervisor"], recipient="Mr Zhao", letter_copy_kept=True,
         attachments=[])
    text = check.text(make("transmittal", Slip.get_by_id(slip.id), "en").pdf)
    assert "To: Upper service-management department" in text and "Mr Zhao" in text
    assert check.flat(authority.suggestion_of(slip).summary("en")) in check.flat(text)  # why it goes up
    assert f"Complaint handling slip {slip.number} (1 copy)" in text and "The complaint letter" not in text


def test_comment_book_strip_carries_the_write_back_never_the_internal_handling(db, users, frozen_now):
    slip = book_slip(users["clerk"], frozen_now)
    blank = check.flat(check.text(make("book-reply", slip, "zh").pdf))
    assert "意见簿回复" in blank and "第12页第3条" in blank and "回复人签字" in blank and "2026年11月24日" in blank
    assert "内部" not in blank and "____" in blank  # nothing written back yet: ruled lines to write by hand

    typed = check.flat(check.text(make("book-reply", slip, "zh", body=WRITE_BACK).pdf))  # printed from the form
    assert WRITE_BACK in typed and "内部" not in typed

    slip = step(slip, "record_handling", users["clerk"], result="座椅已安装。")
    replies.record(slip.id, users["clerk"], replies.ReplyInput(
        ReplyMethod.BOOK, summary=WRITE_BACK, opinion=Opinion.NONE, signed_by="张小梅"), expected_version=slip.version)
    text = check.flat(check.text(make("book-reply", Slip.get_by_id(slip.id), "zh").pdf))
    assert WRITE_BACK in text and "内部" not in text and "____" not in text.split("回复人签字")[0]


def test_comment_book_strip_shrinks_long_opinions_to_its_size(db, users, frozen_now):
    slip = book_slip(users["clerk"], frozen_now)
    from printouts.data import book_reply_data
    from printouts.book_reply import render_book_reply

    pdf = render_book_reply(book_reply_data(slip, "zh", "已在中心花园增设四张休息座椅。" * 60))
    assert check.pages(pdf) == 1
    sizes, words = check.words(pdf)
    strip_bottom = (20 + 90) * 72 / 25.4  # the strip: 20 mm from the top, 90 mm high
    assert all(w.y1 <= strip_bottom for w in words if "沿虚线剪下" not in w.text)


def test_envelope_sizes(db, users, frozen_now):
    slip = letter_slip(users["clerk"], frozen_now)
    for size, (w_mm, h_mm) in {"DL": (220, 110), "C5": (229, 162)}.items():
        pdf = make("label", slip, "zh", size=size).pdf
        sizes, words = check.words(pdf)
        assert sizes == [(pytest.approx(w_mm * 72 / 25.4, abs=0.5), pytest.approx(h_mm * 72 / 25.4, abs=0.5))]
        text = check.flat(check.text(pdf))
        assert "张三先生收" in text and "200120" in text and "邮政编码：200120" in text


def test_print_is_logged_on_the_slip_history(db, users, frozen_now):
    from printouts.journal import record_print

    slip = letter_slip(users["clerk"], frozen_now)
    version = slip.version
    record_print(slip, users["clerk"], make("letter", slip, "zh"), to="printer")
    event = history.events_of(slip)[-1]
    assert event.action == "printed" and event.actor == "张小梅"
    assert event.details == {"kind": "letter", "lang": "zh", "draft": True, "to": "printer"}
    assert history.verify_slip(slip) is None
    assert type(slip).get_by_id(slip.id).version == version  # printing does not make open edits stale
    assert "打印" in check.flat(check.text(make("slip", slip, "zh").pdf))
