"""The comment-book reply strip (意见簿回复): cut out and pasted beside the customer's entry.

The seed: when an entry is handled, the clerk writes the handling opinion back into the
comment book and signs it (签字确认). The strip carries the entry's date and page, the gist of
the entry, the handling opinion as written back (never the internal handling notes; ruled lines
to write it by hand when none is typed yet) and a signature line; it is a fixed size
(170 × 90 mm) at the top of an A4 sheet with cut marks, and long text is shrunk to fit rather
than cut off.
"""
from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import KeepInFrame, Paragraph, Spacer, Table

from printouts import layout
from printouts.data import BookReplyData
from printouts.fonts import FontSet, cjk_fonts
from printouts.layout import escape, multiline, text_font
from printouts.wording import date_text, say
from models.i18n import is_chinese

STRIP_W, STRIP_H = 170 * mm, 90 * mm
LEFT = (A4[0] - STRIP_W) / 2
TOP = 20 * mm
PAD = 5 * mm
SIGNATURE_H = 9 * mm
HAND_LINES = "<br/><br/>".join(["_" * 64] * 3)  # room to write the opinion back by hand


def render_book_reply(data: BookReplyData, fonts: FontSet | None = None, invariant: bool = False) -> bytes:
    fonts = fonts or cjk_fonts()
    lang, facts = data.lang, data.facts
    styles = layout.make_styles(fonts, lang)
    colon = "：" if is_chinese(lang) else ": "
    inner = STRIP_W - 2 * PAD
    entry = " ".join(x for x in (date_text(data.entry_date, lang) if data.entry_date else "", data.entry_ref) if x)
    head_row = Table([[Paragraph(f"<b>{say('book_title', lang)}</b>", styles.section.clone("strip-title", spaceBefore=0)),
                       Paragraph(f"{escape(data.letterhead.estate_name)}　{say('slip_number', lang)}{colon}"
                                 f"{escape(facts.number)}", styles.small.clone("strip-no", alignment=2))]],
                     colWidths=[inner * 0.35, inner * 0.65])
    head_row.setStyle(layout.table_style(styles.cell.fontName, [("LINEBELOW", (0, 0), (-1, 0), 0.6, layout.LETTERHEAD_RED),
                                  ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                  ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    cell = styles.cell.clone("strip-cell", fontSize=10, leading=15)
    body = [
        head_row,
        Spacer(1, 2 * mm),
        Paragraph(f"<b>{say('book_entry', lang)}</b>{colon}{escape(entry)}　{escape(facts.recipient.address_name(lang))}"
                  f"<br/>{escape(_gist(facts.complaint))}", cell),
        Spacer(1, 2 * mm),
        Paragraph(f"<b>{say('book_opinion', lang)}</b>{colon}{multiline(data.opinion) or HAND_LINES}", cell),
    ]
    signature = Paragraph(f"{say('book_signer', lang)}{colon}________________　　"
                          f"{say('date', lang)}{colon}{date_text(data.date, lang)}", cell.clone("strip-sign", alignment=2))
    text_height = STRIP_H - 2 * PAD - SIGNATURE_H
    strip = Table([[KeepInFrame(inner, text_height, body, mode="shrink")], [signature]],
                  colWidths=[inner], rowHeights=[text_height, SIGNATURE_H])
    strip.setStyle(layout.table_style(styles.cell.fontName, [("VALIGN", (0, 0), (-1, 0), "TOP"), ("VALIGN", (0, 1), (-1, 1), "BOTTOM"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    content = [strip]
    margins = (TOP + PAD, A4[0] - LEFT - STRIP_W + PAD, A4[1] - TOP - STRIP_H + PAD, LEFT + PAD)
    return layout.render(content, lang=lang, head=None, fonts=fonts, title=f"{say('book_title', lang)} {facts.number}",
                         margins=margins, page_numbers="never", first_page=_cut_marks(fonts, lang),
                         invariant=invariant)


def _gist(text: str, limit: int = 160) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[:limit] + "…"


def _cut_marks(fonts: FontSet, lang: str):
    """Corner marks outside the strip and a light dashed outline, so the clerk cuts it true."""
    def draw(canv, doc) -> None:
        width, height = doc.pagesize
        x0, x1 = LEFT, LEFT + STRIP_W
        y1 = height - TOP
        y0 = y1 - STRIP_H
        canv.setStrokeColor(colors.HexColor("#999999"))
        canv.setLineWidth(0.4)
        canv.setDash(2, 2)
        canv.rect(x0, y0, STRIP_W, STRIP_H)
        canv.setDash()
        canv.setStrokeColor(colors.black)
        gap, length = 2 * mm, 6 * mm
        for x, y in ((x0, y0), (x0, y1), (x1, y0), (x1, y1)):
            dx = -1 if x == x0 else 1
            dy = -1 if y == y0 else 1
            canv.line(x + dx * gap, y, x + dx * (gap + length), y)
            canv.line(x, y + dy * gap, x, y + dy * (gap + length))
        canv.setFont(text_font(fonts, lang), 8)
        canv.setFillColor(colors.HexColor("#666666"))
        canv.drawCentredString(width / 2, y0 - 8 * mm, say("cut_here", lang))
    return draw
