"""The envelope (or its address label) for mailing the reply letter: DL or C5.

Chinese layout, as a domestic envelope is addressed: six postcode boxes at the top left, the
stamp place at the top right, the recipient's address, then the name with 收 in larger type in
the middle, the sender's address, name and postcode at the bottom right. English layout:
sender top left, recipient block right of centre.
"""
from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from printouts.data import LabelData
from printouts.fonts import FontSet, cjk_fonts
from printouts.layout import text_font
from printouts.wording import say
from models.i18n import is_chinese

SIZES = {"DL": (220 * mm, 110 * mm), "C5": (229 * mm, 162 * mm)}
BOX_W, BOX_H, BOX_GAP = 7 * mm, 9 * mm, 1.8 * mm


def render_label(data: LabelData, fonts: FontSet | None = None, invariant: bool = False) -> bytes:
    fonts = fonts or cjk_fonts()
    if data.size not in SIZES:
        raise ValueError(f"Unknown envelope size {data.size!r}: use DL or C5.")
    width, height = SIZES[data.size]
    buffer = io.BytesIO()
    canv = Canvas(buffer, pagesize=(width, height), invariant=int(invariant), initialFontName=fonts.body)
    canv.setTitle(f"{data.recipient.name} {data.number}")
    canv.setCreator("Slipdesk")
    if is_chinese(data.lang):
        _chinese(canv, data, fonts, width, height)
    else:
        _english(canv, data, fonts, width, height)
    canv.setFont(text_font(fonts, data.lang), 6.5)
    canv.setFillColor(colors.HexColor("#888888"))
    canv.drawString(8 * mm, 5 * mm, data.number)
    canv.showPage()
    canv.save()
    return buffer.getvalue()


def _stamp_place(canv: Canvas, fonts: FontSet, lang: str, width: float, height: float) -> None:
    canv.saveState()
    canv.setStrokeColor(colors.HexColor("#888888"))
    canv.setDash(2, 2)
    x, y = width - 10 * mm - 20 * mm, height - 8 * mm - 24 * mm
    canv.rect(x, y, 20 * mm, 24 * mm)
    canv.setFillColor(colors.HexColor("#888888"))
    canv.setFont(text_font(fonts, lang), 7.5)
    canv.drawCentredString(x + 10 * mm, y + 11 * mm, say("stamp_here", lang))
    canv.restoreState()


def _postcode_boxes(canv: Canvas, fonts: FontSet, postcode: str, height: float) -> None:
    canv.saveState()
    canv.setStrokeColor(colors.HexColor("#B01E23"))
    canv.setLineWidth(0.7)
    canv.setFont(fonts.heading, 15)
    for i in range(6):
        x = 12 * mm + i * (BOX_W + BOX_GAP)
        y = height - 10 * mm - BOX_H
        canv.rect(x, y, BOX_W, BOX_H)
        if i < len(postcode):
            canv.drawCentredString(x + BOX_W / 2, y + 2.4 * mm, postcode[i])
    canv.restoreState()


def _chinese(canv: Canvas, data: LabelData, fonts: FontSet, width: float, height: float) -> None:
    _postcode_boxes(canv, fonts, data.recipient.postcode, height)
    _stamp_place(canv, fonts, "zh", width, height)
    big = height > 130 * mm
    address_size = 13 if big else 12
    y = height - (36 if big else 28) * mm
    canv.setFont(fonts.body, address_size)
    lines = [part for line in data.recipient_lines
             for part in simpleSplit(line, fonts.body, address_size, width - 50 * mm)]
    for line in lines or [""]:
        canv.drawString(16 * mm, y, line)
        y -= address_size * 1.45
    name_size = 20 if big else 17
    canv.setFont(fonts.heading, name_size)
    name_y = min(y - 6 * mm, height * (0.48 if big else 0.45))
    canv.drawCentredString(width / 2, name_y, f"{data.recipient.address_name('zh')}　{say('to_suffix', 'zh')}")
    canv.setFont(fonts.body, 9.5)
    sender = [*data.sender_lines, say("sender_postcode", "zh", postcode=data.sender_postcode)]
    for i, line in enumerate(reversed(sender)):
        canv.drawRightString(width - 14 * mm, 9 * mm + i * 5 * mm, line)


def _english(canv: Canvas, data: LabelData, fonts: FontSet, width: float, height: float) -> None:
    font = text_font(fonts, "en")
    canv.setFont(font, 9)
    sender = [*data.sender_lines, data.sender_postcode]
    for i, line in enumerate(sender):
        canv.drawString(12 * mm, height - 14 * mm - i * 4.6 * mm, line)
    _stamp_place(canv, fonts, "en", width, height)
    size = 13 if height > 130 * mm else 12
    lines = [data.recipient.address_name("en")]
    lines += [part for line in data.recipient_lines for part in simpleSplit(line, font, size, width * 0.5)]
    if data.recipient.postcode and data.recipient.postcode not in " ".join(data.recipient_lines):
        lines.append(data.recipient.postcode)
    y = height * 0.55
    canv.setFont(font, size)
    for line in lines:
        canv.drawString(width * 0.42, y, line)
        y -= size * 1.4
