"""The handling slip (投诉处理单) on A4: the paper record the seed expects, complete enough to file.

Every field of the slip, the complaint in the customer's words, the handling, every reply, the
history, and boxes for the receiving clerk, the person in charge and the upper department to
sign. An ordinary slip (a few lines of complaint, a handful of events, a reply) fits one page,
signature boxes included: a form set tighter than the letters (9 pt cells, 10 pt text, narrow
margins), because a second sheet holding only the signatures gets lost in the file. Long texts
run on over as many pages as they need; each page carries the slip number, no section heading
is left alone at the foot of a page, and the signature boxes stay together with their heading.
"""
from __future__ import annotations

import dataclasses
from typing import Callable, Iterable

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, NextPageTemplate, PageBreak, TableStyle

from printouts import layout
from printouts.data import SlipSheetData
from printouts.fonts import FontSet, cjk_fonts
from printouts.layout import (COMPACT_GRID, LABEL_SHADE, Deferred, FormTable, PageGroup, SignatureBoxes, field_grid,
                              line, text_box)
from printouts.wording import datetime_text, say, short_datetime
from models import vocab
from models.i18n import is_chinese

# top, right, bottom, left: the footer ("第 1 页 共 1 页") is drawn 11 mm from the bottom edge
MARGINS = (14 * mm, 18 * mm, 16 * mm, 18 * mm)
WIDTH = layout.A4[0] - MARGINS[1] - MARGINS[3]
HEADING_ROOM = 16 * mm  # a heading starts a new page unless this much is left: itself and two rows
SIGNATURE_HEIGHT = 24 * mm


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
    styles = form_styles(fonts, lang)
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
                         page_numbers="always", invariant=invariant, on_group=reached, margins=MARGINS)


def form_styles(fonts: FontSet, lang: str) -> layout.Styles:
    """The shared styles set tighter for a form: cells and labels 9 pt on 11 pt, the customer's
    words 10 pt on 14 pt, headings 10.5 pt close above their tables."""
    base = layout.make_styles(fonts, lang)
    return dataclasses.replace(
        base,
        body=base.body.clone("form-body", fontSize=10, leading=14),
        title=base.title.clone("form-title", fontSize=16, leading=20, spaceAfter=0.5 * mm),
        section=base.section.clone("form-section", fontSize=10.5, leading=13, spaceBefore=1.6 * mm,
                                   spaceAfter=0.6 * mm),
        cell=base.cell.clone("form-cell", fontSize=9, leading=11),
        # English labels wrap between words ("Responsible / department"), not inside one
        label=base.label.clone("form-label", fontSize=9, leading=11, wordWrap="CJK" if is_chinese(lang) else None),
        small=base.small.clone("form-small", fontSize=9, leading=11),
    )


def slip_story(data: SlipSheetData, fonts: FontSet, styles: layout.Styles | None = None) -> list:
    """The flowables of one slip form (also used to batch many slips into one document)."""
    lang, facts = data.lang, data.facts
    styles = styles or form_styles(fonts, lang)
    label = 33 * mm if is_chinese(lang) else 40 * mm
    complaint_title = "sec_complaint" if facts.read_back else "sec_complaint_plain"

    def heading(text: str) -> list[Flowable]:
        return [CondPageBreak(HEADING_ROOM), line(text, styles.section, WIDTH)]

    def grid(items) -> Flowable:
        return field_grid(items, styles, WIDTH, label, grid=COMPACT_GRID)

    def box(text: str, empty: str = "") -> Flowable:
        return text_box(text, styles, WIDTH, empty=empty, padding=(3, 4))

    return [
        line(say("slip_title", lang), styles.title, WIDTH),
        _masthead(data, styles),
        *heading(say("sec_reception", lang)), grid(data.reception),
        *heading(say("sec_complainant", lang)), grid(data.complainant),
        *heading(f"{say('sec_channel', lang)}{_colon(lang)}{facts.channel}"), grid(data.channel_record),
        *heading(say(complaint_title, lang)), box(facts.complaint), grid(data.request),
        *heading(say("sec_authority", lang)), grid(data.authority),
        *heading(say("sec_handling", lang)), box(facts.handling_notes, say("none_yet", lang)),
        *([grid(data.cause)] if data.cause else []),
        *heading(say("sec_replies", lang)), _replies(data, styles) or box("", say("none_yet", lang)),
        *heading(say("sec_history", lang)), _history(data, styles),
        KeepTogether([
            line(say("sec_signatures", lang), styles.section, WIDTH),
            SignatureBoxes([say("sign_receiver", lang), say("sign_charge", lang), say("sign_upper", lang)],
                           [facts.received_by, "", ""], styles, lang, height=SIGNATURE_HEIGHT),
        ]),
    ]


def _colon(lang: str) -> str:
    return "：" if is_chinese(lang) else ": "


def _masthead(data: SlipSheetData, styles: layout.Styles) -> FormTable:
    """Under the title: the estate at the left, the slip number and time of printing at the right."""
    lang, colon = data.lang, _colon(data.lang)
    right = (f"{say('slip_number', lang)}{colon}{data.facts.number}    "
             f"{say('printed_at', lang)}{colon}{datetime_text(data.printed_at, lang)}")
    right_width = stringWidth(right, styles.small.fontName, styles.small.fontSize) + 2
    estate = styles.section.clone("form-estate", textColor=layout.LETTERHEAD_RED)
    table = FormTable([[layout.fitting(data.letterhead.estate_name, estate, WIDTH - right_width, padding=0), right]],
                      colWidths=[WIDTH - right_width, right_width])
    table.setStyle(layout.table_style(styles.small.fontName, [
        ("FONTSIZE", (1, 0), (1, 0), styles.small.fontSize), ("TEXTCOLOR", (1, 0), (1, 0), styles.small.textColor),
        ("FONTSIZE", (0, 0), (0, 0), estate.fontSize), ("TEXTCOLOR", (0, 0), (0, 0), estate.textColor),
        ("FONTNAME", (0, 0), (0, 0), estate.fontName), ("LEADING", (0, 0), (-1, -1), estate.leading),
        ("ALIGN", (1, 0), (1, 0), "RIGHT"), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5 * mm),
    ]))
    return table


def _replies(data: SlipSheetData, styles: layout.Styles) -> FormTable | None:
    """Replies as the replies module hands them over: read with .get, any key may be missing.
    None when there is none yet."""
    lang = data.lang
    if not data.replies:
        return None
    fixed = [18 * mm, 28 * mm, 19 * mm, 25 * mm] if is_chinese(lang) else [24 * mm, 28 * mm, 19 * mm, 29 * mm]
    widths = [*fixed[:3], WIDTH - sum(fixed), fixed[3]]
    rows = [_header(("reply_method", "reply_at", "reply_by", "reply_content", "reply_opinion"), widths, styles, lang)]
    for reply in data.replies:
        at = reply.get("at")
        opinion = str(reply.get("opinion", "") or "")
        values = [vocab.reply_label(str(reply.get("method", "")), lang),
                  short_datetime(at) if hasattr(at, "year") else str(at or "—"),
                  str(reply.get("by", "") or "—"), str(reply.get("content", "") or "—"),
                  vocab.label(opinion, lang, kind="opinion") if opinion else "—"]
        rows.append([layout.fitting(v, styles.cell, w) for v, w in zip(values, widths)])
    return _table(rows, widths, styles)


def _history(data: SlipSheetData, styles: layout.Styles) -> FormTable:
    """One line per event as a rule: the status column shows only where the slip went (→ 已处理);
    where it came from is the row above."""
    lang = data.lang
    fixed = [28 * mm, 19 * mm, 32 * mm, 26 * mm] if is_chinese(lang) else [28 * mm, 19 * mm, 42 * mm, 30 * mm]
    widths = [*fixed, WIDTH - sum(fixed)]
    rows = [_header(("h_time", "h_actor", "h_action", "h_status", "h_note"), widths, styles, lang)]
    rows += [[layout.fitting(v, styles.cell, w) for v, w in
              zip((short_datetime(row.at), row.actor, row.action, row.change, row.note), widths)]
             for row in data.history]
    return _table(rows, widths, styles)


def _header(keys: Iterable[str], widths: list[float], styles: layout.Styles, lang: str) -> list:
    return [layout.fitting(say(key, lang), styles.label, width) for key, width in zip(keys, widths)]


def _table(rows: list, widths: list[float], styles: layout.Styles) -> FormTable:
    table = FormTable(rows, colWidths=widths, repeatRows=1, splitInRow=1)
    table.setStyle(TableStyle([*layout.cell_fonts(styles, label_rows=(0,)), *COMPACT_GRID,
                               ("BACKGROUND", (0, 0), (-1, 0), LABEL_SHADE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black)]))
    return table
