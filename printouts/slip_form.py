"""The handling slip (投诉处理单) on A4: the paper record the seed expects, complete enough to file.

Every field of the slip, the complaint in the customer's words, the handling, every reply, the
history, and boxes for the receiving clerk, the person in charge and the upper department to
sign. Long texts run on over as many pages as they need; each page carries the slip number.
"""
from __future__ import annotations

from typing import Callable, Iterable

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, NextPageTemplate, PageBreak, TableStyle

from printouts import layout
from printouts.data import SlipSheetData
from printouts.fonts import FontSet, cjk_fonts
from printouts.layout import (GRID, LABEL_SHADE, MARGIN, Deferred, FormTable, PageGroup, SignatureBoxes, field_grid,
                              line, text_box)
from printouts.wording import datetime_text, is_chinese, say, short_datetime
from models import vocab


def render_slip(data: SlipSheetData, fonts: FontSet | None = None, invariant: bool = False) -> bytes:
    return render_slips([data], data.lang, fonts, invariant)


def render_slips(sheets: Iterable[SlipSheetData], lang: str, fonts: FontSet | None = None, invariant: bool = False,
                 on_slip: Callable[[int], None] | None = None, title: str = "") -> bytes:
    """Slip forms as ONE document, as a batch print is one print job: each slip starts on a new
    page with its own running header, footer and "第 n 页 共 N 页", and the font subset is
    embedded once for all of them instead of once per slip.

    `sheets` is read as the layout reaches each slip (a generator reading the database in
    rounds works); `on_slip(n)` is told when the n-th slip (1-based) is laid out, and may raise
    to stop the build (a cancelled batch)."""
    fonts = (fonts or cjk_fonts()).one_face()
    styles = layout.make_styles(fonts, lang)
    sheets = iter(sheets)
    first = next(sheets)
    laid_out = 0

    def story_of(data: SlipSheetData) -> list:
        running = f"{say('slip_title', data.lang)}  {data.facts.number}"
        return [PageGroup(running, data.facts.number), *slip_story(data, fonts, styles)]

    def rest() -> list:
        data = next(sheets, None)
        # NextPageTemplate, not PageBreak(nextTemplate=…): reportlab skips the latter when the page
        # ending is itself a "first" page, and the next slip would start on a "later" one
        return [] if data is None else [NextPageTemplate("first"), PageBreak(), *story_of(data), Deferred(rest)]

    def reached(_mark: PageGroup) -> None:
        nonlocal laid_out
        laid_out += 1
        if on_slip:
            on_slip(laid_out)

    return layout.render([*story_of(first), Deferred(rest)], lang=lang, head=first.letterhead, fonts=fonts,
                         title=title or f"{say('slip_title', lang)} {first.facts.number}", letterhead=False,
                         page_numbers="always", invariant=invariant, on_group=reached)


def slip_story(data: SlipSheetData, fonts: FontSet, styles: layout.Styles | None = None) -> list:
    """The flowables of one slip form (also used to batch many slips into one document)."""
    lang, facts = data.lang, data.facts
    styles = styles or layout.make_styles(fonts, lang)
    width = layout.A4[0] - 2 * MARGIN
    section = styles.section
    label = 27 * mm if is_chinese(lang) else 33 * mm
    complaint_title = "sec_complaint" if facts.read_back else "sec_complaint_plain"
    colon = _colon(lang)

    def heading(key: str) -> Flowable:
        return line(say(key, lang), section, width)

    story = [
        line(data.letterhead.estate_name, styles.heading.clone("estate", textColor=layout.LETTERHEAD_RED,
                                                               spaceAfter=1 * mm), width),
        line(say("slip_title", lang), styles.title.clone("slip-title", spaceAfter=1 * mm), width),
        line(f"{say('slip_number', lang)}{colon}{facts.number}"
             f"    {say('printed_at', lang)}{colon}{datetime_text(data.printed_at, lang)}",
             styles.small.clone("numline", alignment=TA_RIGHT, spaceAfter=2 * mm), width),
        heading("sec_reception"), field_grid(data.reception, styles, width, label),
        heading("sec_complainant"), field_grid(data.complainant, styles, width, label),
        line(f"{say('sec_channel', lang)}{colon}{facts.channel}", section, width),
        field_grid(data.channel_record, styles, width, label),
        heading(complaint_title), text_box(facts.complaint, styles, width),
        heading("sec_authority"), field_grid(data.authority, styles, width, label),
        heading("sec_handling"), text_box(facts.handling_notes, styles, width, empty=say("none_yet", lang)),
        heading("sec_replies"), _replies(data, styles, width),
        heading("sec_history"), _history(data, styles, width),
        KeepTogether([
            heading("sec_signatures"),
            SignatureBoxes([say("sign_receiver", lang), say("sign_charge", lang), say("sign_upper", lang)],
                           [facts.received_by, "", ""], styles, lang),
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


def _table(rows: list, widths: list[float], styles: layout.Styles) -> FormTable:
    table = FormTable(rows, colWidths=widths, repeatRows=1, splitInRow=1)
    table.setStyle(TableStyle([*layout.cell_fonts(styles, label_rows=(0,)), *GRID,
                               ("BACKGROUND", (0, 0), (-1, 0), LABEL_SHADE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black)]))
    return table
