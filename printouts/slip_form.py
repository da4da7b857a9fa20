"""The handling slip (投诉处理单) on A4: the paper record the seed expects, complete enough to file.

Every field of the slip, the complaint in the customer's words, the handling, every reply, the
history, and boxes for the receiving clerk, the person in charge and the upper department to
sign. Long texts run on over as many pages as they need; each page carries the slip number.
"""
from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Table, TableStyle

from printouts import layout
from printouts.data import SlipSheetData
from printouts.fonts import FontSet, cjk_fonts
from printouts.layout import GRID, LABEL_SHADE, MARGIN, escape, field_grid, signature_boxes, text_box
from printouts.wording import datetime_text, is_chinese, say, short_datetime
from models import vocab


def render_slip(data: SlipSheetData, fonts: FontSet | None = None, invariant: bool = False) -> bytes:
    fonts = (fonts or cjk_fonts()).one_face()
    return layout.render(slip_story(data, fonts), lang=data.lang, head=data.letterhead, fonts=fonts,
                         title=f"{say('slip_title', data.lang)} {data.facts.number}", letterhead=False,
                         running=f"{say('slip_title', data.lang)}  {data.facts.number}",
                         page_numbers="always", footer_left=data.facts.number, invariant=invariant)


def slip_story(data: SlipSheetData, fonts: FontSet) -> list:
    """The flowables of one slip form (also used to batch many slips into one document)."""
    lang, facts = data.lang, data.facts
    styles = layout.make_styles(fonts, lang)
    width = layout.A4[0] - 2 * MARGIN
    section = styles.section
    label = 27 * mm if is_chinese(lang) else 33 * mm
    complaint_title = "sec_complaint" if facts.read_back else "sec_complaint_plain"
    story = [
        Paragraph(escape(data.letterhead.estate_name), styles.heading.clone("estate", textColor=layout.LETTERHEAD_RED,
                                                                        spaceAfter=1 * mm)),
        Paragraph(say("slip_title", lang), styles.title.clone("slip-title", spaceAfter=1 * mm)),
        Paragraph(f"{say('slip_number', lang)}{_colon(lang)}{escape(facts.number)}"
                  f"    {say('printed_at', lang)}{_colon(lang)}{datetime_text(data.printed_at, lang)}",
                  styles.small.clone("numline", alignment=2, spaceAfter=2 * mm)),
        Paragraph(say("sec_reception", lang), section), field_grid(data.reception, styles, width, label),
        Paragraph(say("sec_complainant", lang), section), field_grid(data.complainant, styles, width, label),
        Paragraph(f"{say('sec_channel', lang)}{_colon(lang)}{escape(facts.channel)}", section),
        field_grid(data.channel_record, styles, width, label),
        Paragraph(say(complaint_title, lang), section), text_box(facts.complaint, styles, width),
        Paragraph(say("sec_authority", lang), section), field_grid(data.authority, styles, width, label),
        Paragraph(say("sec_handling", lang), section),
        text_box(facts.handling_notes, styles, width, empty=say("none_yet", lang)),
        Paragraph(say("sec_replies", lang), section), _replies(data, styles, width),
        Paragraph(say("sec_history", lang), section), _history(data, styles, width),
        KeepTogether([
            Paragraph(say("sec_signatures", lang), section),
            signature_boxes([say("sign_receiver", lang), say("sign_charge", lang), say("sign_upper", lang)],
                            [facts.received_by, "", ""], styles, width, lang),
        ]),
    ]
    return story


def _colon(lang: str) -> str:
    return "：" if is_chinese(lang) else ": "


def _replies(data: SlipSheetData, styles: layout.Styles, width: float):
    """Replies as the replies module hands them over: read with .get, any key may be missing."""
    lang = data.lang
    if not data.replies:
        return text_box("", styles, width, empty=say("none_yet", lang))
    widths = [20 * mm, 28 * mm, 20 * mm, width - 108 * mm, 40 * mm]
    rows = [[say(key, lang) for key in ("reply_method", "reply_at", "reply_by", "reply_content", "reply_opinion")]]
    for reply in data.replies:
        at = reply.get("at")
        opinion = str(reply.get("opinion", "") or "")
        values = [vocab.reply_label(str(reply.get("method", "")), lang),
                  short_datetime(at) if hasattr(at, "year") else str(at or "—"),
                  str(reply.get("by", "") or "—"), str(reply.get("content", "") or "—"),
                  vocab.label(opinion, lang, kind="opinion") if opinion else "—"]
        rows.append([layout.fitting(v, styles.cell, w) for v, w in zip(values, widths)])
    return _table(rows, widths, styles)


def _history(data: SlipSheetData, styles: layout.Styles, width: float):
    lang = data.lang
    fixed = [29 * mm, 24 * mm, 22 * mm, 36 * mm] if is_chinese(lang) else [29 * mm, 22 * mm, 28 * mm, 40 * mm]
    widths = [*fixed, width - sum(fixed)]
    rows = [[say(key, lang) for key in ("h_time", "h_actor", "h_action", "h_status", "h_note")]]
    rows += [[layout.fitting(v, styles.cell, w) for v, w in
              zip((short_datetime(row.at), row.actor, row.action, row.change, row.note), widths)]
             for row in data.history]
    return _table(rows, widths, styles)


def _table(rows: list, widths: list[float], styles: layout.Styles) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1)
    table.setStyle(TableStyle([*layout.cell_fonts(styles, label_rows=(0,)), *GRID,
                               ("BACKGROUND", (0, 0), (-1, 0), LABEL_SHADE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black)]))
    return table
