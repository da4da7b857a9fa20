"""The formal reply letter (答复函), in Chinese business-letter format or in English.

Chinese: letterhead, 编号 at the right, subject, salutation flush left (尊敬的张先生：), body
paragraphs indented two characters, 此致 indented two characters then 敬礼！ flush left on
the next line, the company and the date at the bottom right under the place for the seal.
English: reference and date, the inside address, "Dear Mr Zhang,", subject, body,
"Yours sincerely," and the same sender block.
"""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from printouts import layout
from printouts.data import LetterData
from printouts.fonts import FontSet, cjk_fonts
from printouts.layout import StampPlace, escape
from printouts.wording import date_text, say
from models.i18n import is_chinese


def render_letter(data: LetterData, fonts: FontSet | None = None, invariant: bool = False) -> bytes:
    fonts = fonts or cjk_fonts()
    styles = layout.make_styles(fonts, data.lang)
    story = _chinese(data, fonts, styles) if is_chinese(data.lang) else _english(data, fonts, styles)
    ref = f"{say('number', data.lang)}{'：' if is_chinese(data.lang) else ' '}{data.number}"
    return layout.render(story, lang=data.lang, head=data.letterhead, fonts=fonts,
                         title=f"{data.subject} {data.number}", running=ref, draft=data.draft,
                         page_numbers="multi", invariant=invariant)


def _chinese(data: LetterData, fonts: FontSet, styles: layout.Styles) -> list:
    ref = Paragraph(f"{say('number', 'zh')}：{escape(data.number)}", styles.right.clone("ref", fontSize=10.5))
    body = [Paragraph(escape(p), styles.letter) for p in data.paragraphs]
    closing = [
        Paragraph("此致", styles.letter),
        Paragraph("敬礼！", styles.plain),
        Spacer(1, 6 * mm),
        StampPlace([data.letterhead.company, date_text(data.date, "zh")], fonts, "zh"),
    ]
    return [ref, Spacer(1, 3 * mm), Paragraph(escape(data.subject), styles.heading),
            Paragraph(escape(data.recipient.salutation("zh")), styles.plain), *body, KeepTogether(closing)]


def _english(data: LetterData, fonts: FontSet, styles: layout.Styles) -> list:
    small = styles.plain.clone("en-small", fontSize=10.5, leading=15)
    ref = Paragraph(f"Our ref.: {escape(data.number)}<br/>{date_text(data.date, 'en')}",
                    styles.right.clone("en-ref", fontSize=10.5, leading=15))
    address = [escape(data.recipient.address_name("en"))]
    if data.recipient.address:
        address.append(escape(data.recipient.address))
    if data.recipient.postcode and data.recipient.postcode not in data.recipient.address:
        address.append(escape(data.recipient.postcode))
    subject = Paragraph(f"<b>{escape(data.subject)}</b>", styles.plain.clone("en-subject", fontName=fonts.heading))
    closing = [
        Paragraph("Yours sincerely,", styles.plain),
        Spacer(1, 2 * mm),
        StampPlace([data.letterhead.company, date_text(data.date, "en")], fonts, "en", size=11),
    ]
    return [ref, Spacer(1, 4 * mm), Paragraph("<br/>".join(address), small), Spacer(1, 6 * mm),
            Paragraph(escape(data.recipient.salutation("en")), styles.plain), subject,
            *[Paragraph(escape(p), styles.letter) for p in data.paragraphs], Spacer(1, 2 * mm),
            KeepTogether(closing)]
