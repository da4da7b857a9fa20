"""The reply letter: Chinese business-letter format, pagination, the DRAFT rule, English."""
from __future__ import annotations

import datetime as dt

import pytest
from reportlab.lib.units import mm

from models import replies
from models.slips import Slip
from printouts.data import LetterData, Letterhead, Recipient, letter_data
from printouts.fonts import Candidate, cjk_fonts
from printouts.kinds import make
from printouts.letter import render_letter
from printouts.wording import date_text
from tests import printing_checks as check
from tests.domain.printout_slips import HANDLING, letter_slip

HEAD = Letterhead("阳光花园物业服务中心", "阳光物业管理有限公司", "上海市浦东新区阳光路 88 号", "200120",
                  "021-58881234", "021-58885678")
MARGIN = 22 * mm


def fresh(slip: Slip) -> Slip:
    return Slip.get_by_id(slip.id)


def letter(paragraphs: list[str], draft: bool = False, lang: str = "zh", name: str = "张三",
           title: str = "mr") -> LetterData:
    subject = "关于您反映噪音扰民问题的答复" if lang == "zh" else "Re: your complaint about noise"
    return LetterData(lang, HEAD, "TS-2026-000123", dt.date(2026, 11, 24), Recipient(name, title, "3-2-1201"),
                      subject, paragraphs, draft)


@pytest.mark.parametrize("name, title, expected", [
    ("张三", "mr", "尊敬的张先生："),
    ("李四", "ms", "尊敬的李女士："),
    ("张三", "", "尊敬的张三："),
    ("欧阳娜娜", "ms", "尊敬的欧阳女士："),
    ("李女士", "ms", "尊敬的李女士："),
    ("匿名", "", "尊敬的业主/住户："),
])
def test_salutation_by_title(name, title, expected):
    assert Recipient(name, title).salutation("zh") == expected


@pytest.mark.parametrize("name, title, expected", [
    ("张三", "mr", "Dear Mr Zhang,"), ("李四", "ms", "Dear Ms Li,"), ("张三", "", "Dear Zhang San,"),
    ("John Smith", "mr", "Dear Mr Smith,"),
])
def test_english_salutation(name, title, expected):
    assert Recipient(name, title).salutation("en") == expected


def test_dates_in_chinese_and_english():
    assert date_text(dt.date(2026, 11, 24), "zh") == "2026年11月24日"
    assert date_text(dt.date(2026, 11, 4), "en") == "4 November 2026"


def test_chinese_letter_format_positions():
    pdf = render_letter(letter(["您反映的问题我们已处理完毕。", "感谢您的理解与支持！"]))
    sizes, words = check.words(pdf)
    found = {w.text: w for w in words}
    left = MARGIN
    assert found["编号：TS-2026-000123"].x1 == pytest.approx(sizes[0][0] - MARGIN, abs=1)  # at the right
    assert found["尊敬的张先生："].x0 == pytest.approx(left, abs=1)  # salutation flush left
    body = next(w for w in words if w.text.startswith("您反映"))
    assert body.x0 == pytest.approx(left + 24, abs=1)  # two characters of 12 pt indent
    assert found["此致"].x0 == pytest.approx(left + 24, abs=1)  # 此致 indented two characters
    assert found["敬礼！"].x0 == pytest.approx(left, abs=1)  # 敬礼 flush left, on the next line
    assert found["敬礼！"].y0 > found["此致"].y1
    company, date = found["阳光物业管理有限公司"], found["2026年11月24日"]
    assert company.x0 > sizes[0][0] / 2 and date.y0 > company.y1  # sender block bottom right
    assert "（盖章处）" in found  # the marked place for the seal
    assert check.pages(pdf) == 1 and "页" not in check.text(pdf)  # one page: no page numbers


def test_multi_page_letter_numbers_its_pages():
    pdf = render_letter(letter(["我中心高度重视您反映的问题，多次组织相关部门现场核实。" * 12] * 8))
    total = check.pages(pdf)
    assert total >= 2
    for page in range(1, total + 1):
        text = check.text(pdf, "-f", str(page), "-l", str(page))
        assert f"第 {page} 页" in text and f"共 {total} 页" in text
        if page > 1:
            assert "TS-2026-000123" in text  # a loose later page says which letter it belongs to
    last = check.text(pdf, "-f", str(total), "-l", str(total))
    assert "此致" in last and "敬礼！" in last and "盖章处" in last


def test_draft_carries_the_watermark_on_every_page():
    pdf = render_letter(letter(["我中心高度重视您反映的问题。" * 30] * 6, draft=True))
    assert check.pages(pdf) >= 2 and check.watermarked(pdf)
    final = render_letter(letter(["我中心高度重视您反映的问题。"]))
    assert "草稿" not in check.page_text(final, 1) and "DRAFT" not in check.page_text(final, 1)


def test_english_template():
    pdf = render_letter(letter(["We have looked into the matter.", "Thank you for your patience."], lang="en"))
    text = check.text(pdf)
    for expected in ("Our ref.: TS-2026-000123", "24 November 2026", "Mr 张三", "Dear Mr Zhang,",
                     "Re: your complaint about noise", "We have looked into the matter.", "Yours sincerely,",
                     "Company stamp"):
        assert expected in text, expected


def test_letter_from_a_slip_is_a_draft_until_the_text_is_approved(db, users, frozen_now):
    slip = letter_slip(users["clerk"], frozen_now)
    data = letter_data(slip, "zh")
    assert data.draft
    assert data.paragraphs[1] == "经调查核实，现将处理情况答复如下：" + HANDLING  # drafted from the handling
    assert data.recipient.salutation("zh") == "尊敬的张先生："
    typed = make("letter", slip, "zh", body="第一段。\n\n第二段。")
    assert typed.draft and check.watermarked(typed.pdf)


def test_approved_text_prints_final_and_any_other_text_as_a_draft(db, users, frozen_now):
    slip = letter_slip(users["clerk"], frozen_now)
    text = "经负责人审核批准的答复正文。"
    letter = replies.save_letter(slip.id, users["clerk"], text, expected_version=fresh(slip).version)
    replies.submit_letter(slip.id, users["clerk"], expected_version=fresh(slip).version)
    replies.approve_letter(letter.id, users["supervisor"], expected_version=fresh(slip).version)
    final = make("letter", fresh(slip), "zh")
    assert not final.draft
    assert text in check.text(final.pdf) and "草稿" not in check.page_text(final.pdf, 1)
    edited = make("letter", fresh(slip), "zh", body="改过的正文。")  # not the approved text: a draft again
    assert edited.draft and check.watermarked(edited.pdf)


def test_fonts_are_registered_once_and_embedded():
    fonts = cjk_fonts()
    assert fonts is cjk_fonts()
    assert fonts.embedded and fonts.body_path.endswith(".ttc") and fonts.warning == ""


def test_configured_font_path_is_used_first():
    fonts = cjk_fonts("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc#0")
    assert fonts.body_path.endswith("wqy-microhei.ttc") and fonts.heading == fonts.body


def test_without_a_truetype_font_the_builtin_font_is_used_with_a_warning():
    fonts = cjk_fonts("", serif=(Candidate("/nowhere/simsun.ttc"),), sans=(), use_fontconfig=False)
    assert not fonts.embedded and "STSong-Light" in fonts.warning
    pdf = render_letter(letter(["您反映的问题我们已处理完毕。"]), fonts=fonts)
    assert "您反映的问题我们已处理完毕。" in check.text(pdf)
    assert [row.name for row in check.fonts(pdf)] == ["STSong-Light"]
    assert not check.fonts(pdf)[0].embedded
