"""The handwriting sheet: letterhead paper with 编号 and salutation printed, ruled for the reply.

The seed prefers a handwritten reply to a letter (手写比打印更显诚意); the sheet saves the
clerk from getting the format wrong while leaving the words to the hand. The sender block
with the place for the seal is printed at the foot, the date left blank to be written.
"""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from printouts import layout
from printouts.data import SheetData
from printouts.fonts import FontSet, cjk_fonts
from printouts.layout import RuledLines, StampPlace, escape
from printouts.wording import say
from models.i18n import is_chinese

PITCH = 10 * mm


def render_sheet(data: SheetData, fonts: FontSet | None = None, invariant: bool = False) -> bytes:
    fonts = fonts or cjk_fonts()
    lang = data.lang
    styles = layout.make_styles(fonts, lang)
    colon = "：" if is_chinese(lang) else ": "
    blank_date = say("blank_date", lang)
    stamp = StampPlace([data.letterhead.company, blank_date], fonts, lang)
    stamp_height = stamp.wrap(layout.A4[0], layout.A4[1])[1]
    story = [
        Paragraph(f"{say('number', lang)}{colon}{escape(data.number)}", styles.right.clone("sheet-ref", fontSize=10.5)),
        Spacer(1, 2 * mm),
        Paragraph(escape(data.subject), styles.heading),
        Paragraph(escape(data.recipient.salutation(lang)), styles.plain),
        RuledLines(PITCH, reserve=stamp_height + 2 * mm),
        Spacer(1, 2 * mm),
        stamp,
    ]
    return layout.render(story, lang=lang, head=data.letterhead, fonts=fonts,
                         title=f"{data.subject} {data.number}", running=data.number, page_numbers="never",
                         invariant=invariant)
