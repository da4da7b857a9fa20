"""The page furniture every document shares: styles, letterhead, running header, page numbers,
the DRAFT watermark, and the one function that turns flowables into PDF bytes.

Each page template draws inside `saveState`/`restoreState` so nothing a header sets (colour,
font, line width) leaks into the body. Page totals ("第 1 页 共 2 页") need the page count,
known only at the end, so they are drawn by a canvas that defers its pages until `save`.
"""
from __future__ import annotations

import io
import math
from dataclasses import dataclass
from typing import Callable

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib import textsplit as reportlab_textsplit
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import paragraph as reportlab_paragraph
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table, TableStyle

from printouts.data import Letterhead
from printouts.fonts import FontSet, cjk_fonts
from printouts.wording import say
from models.i18n import is_chinese

LETTERHEAD_RED = colors.HexColor("#B01E23")  # the red of a 红头 letterhead, printable in grey
RULE_GREY = colors.HexColor("#555555")
WATERMARK = colors.Color(0.75, 0.1, 0.1, alpha=0.16)
MARGIN = 22 * mm
LETTERHEAD_DEPTH = 44 * mm  # from the top edge to the first line of text on a letterhead page
RUNNING_DEPTH = 24 * mm


# Chinese line-breaking rules (标点符号用法 GB/T 15834): closing marks never start a line.
# reportlab's CJK wrapping knows the Japanese set only; this adds the Chinese full-width marks,
# both where a paragraph of several fragments is wrapped and where a plain one is (textsplit).
CHINESE_CANNOT_START = "，、。：；！？”’）》〉」』】〕…—·％"
reportlab_paragraph.ALL_CANNOT_START = reportlab_textsplit.ALL_CANNOT_START = "".join(
    dict.fromkeys(reportlab_textsplit.ALL_CANNOT_START + CHINESE_CANNOT_START))


@dataclass(frozen=True)
class Styles:
    """Paragraph styles in the document's fonts; wordWrap='CJK' breaks between Han characters."""
    body: ParagraphStyle
    letter: ParagraphStyle
    plain: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    section: ParagraphStyle
    cell: ParagraphStyle
    label: ParagraphStyle
    small: ParagraphStyle
    right: ParagraphStyle
    center: ParagraphStyle


def text_font(fonts: FontSet, lang: str) -> str:
    """Song for Chinese text; English reads better in the sans face, whose Latin is proportional
    (AR PL UMing's Latin letters are fixed-width)."""
    return fonts.body if is_chinese(lang) else fonts.heading


def make_styles(fonts: FontSet, lang: str) -> Styles:
    letter_size = 12 if is_chinese(lang) else 11

    def style(name: str, **kw) -> ParagraphStyle:
        base = dict(fontName=text_font(fonts, lang), fontSize=10.5, leading=16, wordWrap="CJK")
        base.update(kw)
        return ParagraphStyle(name, **base)

    return Styles(
        body=style("body", alignment=TA_JUSTIFY),
        letter=style("letter", fontSize=letter_size, leading=letter_size * 1.9, alignment=TA_JUSTIFY,
                     firstLineIndent=2 * letter_size if is_chinese(lang) else 0,
                     spaceAfter=0 if is_chinese(lang) else letter_size * 0.8),
        plain=style("plain", fontSize=letter_size, leading=letter_size * 1.9),
        title=style("title", fontName=fonts.heading, fontSize=17, leading=24, alignment=TA_CENTER,
                    spaceAfter=4 * mm),
        heading=style("heading", fontName=fonts.heading, fontSize=13, leading=19, alignment=TA_CENTER,
                      spaceAfter=3 * mm),
        section=style("section", fontName=fonts.heading, fontSize=10.5, leading=14, spaceBefore=2.5 * mm,
                      spaceAfter=1.2 * mm),
        cell=style("cell", fontSize=9, leading=12.5, alignment=TA_LEFT),
        label=style("label", fontName=fonts.heading, fontSize=8.5, leading=12, textColor=colors.HexColor("#333333")),
        small=style("small", fontSize=8.5, leading=12, textColor=colors.HexColor("#444444")),
        right=style("right", fontSize=letter_size, leading=letter_size * 1.9, alignment=TA_RIGHT),
        center=style("center", alignment=TA_CENTER),
    )


def escape(text: str) -> str:
    """Paragraph text is mini-HTML: a customer's “<” or “&” must print as typed."""
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def multiline(text: str) -> str:
    return escape(text).replace("\r\n", "\n").replace("\n", "<br/>")


def numbered_canvas(fonts: FontSet, lang: str, mode: str, footer_left: str = "",
                    margin: float = MARGIN) -> type[Canvas]:
    """A canvas class that writes "第 n 页 共 N 页" once the page count is known; the footer
    starts at the page's left `margin`, under the body.

    mode: "always", "multi" (only when there is more than one page) or "never". A batch
    document starts a page group for each slip (`start_group`, called by `Document` at each
    `PageGroup` mark): pages are then numbered within their slip, each with its own footer.
    """
    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []
            self._groups: list[tuple[int, str]] = []  # (index of the group's first page, footer)

        def start_group(self, footer: str) -> None:
            """The page being drawn is the first of a new group (one slip of a batch)."""
            self._groups.append((len(self._pages), footer))

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            groups = self._groups if self._groups and self._groups[0][0] == 0 else [(0, footer_left), *self._groups]
            ends = [start for start, _ in groups[1:]] + [len(self._pages)]
            for (start, footer), end in zip(groups, ends):
                total = end - start
                for number, state in enumerate(self._pages[start:end], start=1):
                    self.__dict__.update(state)
                    if mode == "always" or (mode == "multi" and total > 1):
                        self._draw_number(number, total, footer)
                    super().showPage()
            super().save()

        def _draw_number(self, page: int, total: int, footer: str) -> None:
            width = self._pagesize[0]
            self.saveState()
            self.setFont(text_font(fonts, lang), 8.5)
            self.setFillColor(RULE_GREY)
            self.drawCentredString(width / 2, 11 * mm, say("page", lang, page=page, pages=total))
            if footer:
                self.drawString(margin, 11 * mm, footer)
            self.restoreState()

    return NumberedCanvas


class PageGroup(Flowable):
    """A zero-size mark where one slip of a batch document begins (on a new page): from here
    the running header names this slip, and pages are numbered within it."""

    def __init__(self, running: str, footer: str):
        super().__init__()
        self.running, self.footer = running, footer

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self) -> None:
        """Nothing to draw: `Document.afterFlowable` acts on the mark once it is placed."""


class Deferred(Flowable):
    """A stand-in for flowables made only when the layout reaches them (`Document.filterFlowables`):
    a batch of a thousand slips is not built as one list up front, and reportlab's build, which
    deletes from the front of its list, works on a short list."""

    def __init__(self, make: Callable[[], list[Flowable]]):
        super().__init__()
        self.make = make

    def wrap(self, available_width, available_height):
        return 0, 0


def draw_letterhead(canv: Canvas, head: Letterhead, fonts: FontSet, lang: str, width: float,
                    height: float, margin: float = MARGIN) -> None:
    """The first page's letterhead: logo, estate name, contact line, the double red rule."""
    canv.saveState()
    top = height - 14 * mm
    if head.logo:
        image = ImageReader(io.BytesIO(head.logo))
        iw, ih = image.getSize()
        logo_h = 17 * mm
        logo_w = min(logo_h * iw / ih, 40 * mm)
        canv.drawImage(image, margin, top - logo_h, width=logo_w, height=logo_w * ih / iw,
                       mask="auto", preserveAspectRatio=True)
    contact = contact_lines(head, lang, fonts, width - 2 * margin)
    name_y, company_y = (8, 14) if len(contact) == 1 else (7, 12)
    canv.setFillColor(LETTERHEAD_RED)
    canv.setFont(fonts.heading, 21)
    canv.drawCentredString(width / 2, top - name_y * mm, head.estate_name)
    canv.setFillColor(colors.black)
    canv.setFont(fonts.body, 10)
    if head.company and head.company != head.estate_name:
        canv.drawCentredString(width / 2, top - company_y * mm, head.company)
    canv.setFont(text_font(fonts, lang), 8.5)
    for i, line in enumerate(reversed(contact)):
        canv.drawCentredString(width / 2, top - (19.5 - 3.6 * i) * mm, line)
    canv.setStrokeColor(LETTERHEAD_RED)
    canv.setLineWidth(1.6)
    canv.line(margin, top - 23 * mm, width - margin, top - 23 * mm)
    canv.setLineWidth(0.5)
    canv.line(margin, top - 24.2 * mm, width - margin, top - 24.2 * mm)
    canv.restoreState()


def contact_lines(head: Letterhead, lang: str, fonts: FontSet, width: float) -> list[str]:
    """Address and phones on one line, or on two when the page is narrow (A5)."""
    colon = "：" if is_chinese(lang) else ": "
    address = ""
    if head.address:
        address = f"{say('address', lang)}{colon}{head.address}" + (f" ({head.postcode})" if head.postcode else "")
    phones = []
    if head.office_phone:
        phones.append(f"{say('office_phone', lang)}{colon}{head.office_phone}")
    if head.supervision_phone:
        phones.append(f"{say('supervision_phone', lang)}{colon}{head.supervision_phone}")
    one = "    ".join([address, *phones] if address else phones)
    if stringWidth(one, text_font(fonts, lang), 8.5) <= width or not address:
        return [one]
    return [address, "    ".join(phones)]


def draw_running_header(canv: Canvas, head: Letterhead, fonts: FontSet, lang: str, width: float,
                        height: float, right_text: str, margin: float = MARGIN) -> None:
    canv.saveState()
    y = height - 15 * mm
    canv.setFont(fonts.heading, 9)
    canv.setFillColor(LETTERHEAD_RED)
    canv.drawString(margin, y, head.estate_name)
    canv.setFillColor(colors.black)
    canv.setFont(text_font(fonts, lang), 9)
    canv.drawRightString(width - margin, y, right_text)
    canv.setStrokeColor(LETTERHEAD_RED)
    canv.setLineWidth(0.6)
    canv.line(margin, y - 2.5 * mm, width - margin, y - 2.5 * mm)
    canv.restoreState()


def draw_watermark(canv: Canvas, fonts: FontSet, lang: str, width: float, height: float) -> None:
    """A diagonal, translucent 草稿 / DRAFT across the page, over the text so it cannot be hidden."""
    text = say("draft", lang)
    canv.saveState()
    angle = math.degrees(math.atan2(height, width))
    size = 0.62 * math.hypot(width, height) / stringWidth(text, fonts.heading, 1)
    canv.setFillColor(WATERMARK)
    canv.setFont(fonts.heading, size)
    canv.translate(width / 2, height / 2)
    canv.rotate(angle)
    canv.drawCentredString(0, -size / 3, text)
    canv.restoreState()


class Document(BaseDocTemplate):
    """A printout: the first page may carry the letterhead, later pages a running header.

    A form (`letterhead=False`) starts at the top margin and still gets the running header on
    later pages, so a loose page of a long slip says which slip it belongs to.
    """

    def __init__(self, buffer: io.BytesIO, *, fonts: FontSet, lang: str, head: Letterhead | None,
                 title: str, running: str = "", draft: bool = False, pagesize=A4,
                 margins: tuple[float, float, float, float] = (MARGIN, MARGIN, MARGIN, MARGIN),
                 first_page: Callable[[Canvas, "Document"], None] | None = None, invariant: bool = False,
                 letterhead: bool = True, on_group: Callable[[PageGroup], None] | None = None):
        super().__init__(buffer, pagesize=pagesize, title=title, author=head.company if head else "",
                         creator="Slipdesk", invariant=int(invariant), initialFontName=text_font(fonts, lang),
                         leftMargin=margins[3],
                         rightMargin=margins[1], topMargin=margins[0], bottomMargin=margins[2])
        self.fonts, self.lang, self.head, self.draft = fonts, lang, head, draft
        self.running, self.extra_first, self.letterhead = running, first_page, letterhead
        self.on_group = on_group  # told of each page group as the layout reaches it (progress, cancel)
        width, height = pagesize
        first_top = LETTERHEAD_DEPTH if head and letterhead else margins[0]
        later_top = RUNNING_DEPTH if head else margins[0]
        first = Frame(margins[3], margins[2], width - margins[1] - margins[3], height - first_top - margins[2],
                      id="first", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        later = Frame(margins[3], margins[2], width - margins[1] - margins[3], height - later_top - margins[2],
                      id="later", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([
            PageTemplate("first", [first], onPage=self._on_first, onPageEnd=self._on_end,
                         autoNextPageTemplate="later", pagesize=pagesize),
            PageTemplate("later", [later], onPage=self._on_later, onPageEnd=self._on_end, pagesize=pagesize),
        ])

    def _on_first(self, canv: Canvas, doc) -> None:
        if self.head and self.letterhead:
            draw_letterhead(canv, self.head, self.fonts, self.lang, *self.pagesize, margin=self.leftMargin)
        if self.extra_first:
            canv.saveState()
            self.extra_first(canv, self)
            canv.restoreState()

    def _on_later(self, canv: Canvas, doc) -> None:
        if self.head:
            draw_running_header(canv, self.head, self.fonts, self.lang, *self.pagesize, self.running,
                                margin=self.leftMargin)

    def _on_end(self, canv: Canvas, doc) -> None:
        if self.draft:
            draw_watermark(canv, self.fonts, self.lang, *self.pagesize)

    def filterFlowables(self, flowables: list[Flowable]) -> None:
        while flowables and isinstance(flowables[0], Deferred):
            flowables[0:1] = flowables[0].make() or [None]  # None: reportlab discards it

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, PageGroup):
            self.running = flowable.running
            self.canv.start_group(flowable.footer)
            if self.on_group:
                self.on_group(flowable)


def render(flowables: list[Flowable], *, lang: str, head: Letterhead | None, title: str,
           fonts: FontSet | None = None, page_numbers: str = "multi", footer_left: str = "",
           invariant: bool = False, **options) -> bytes:
    """Lay `flowables` out on the shared page templates and return the PDF bytes."""
    fonts = fonts or cjk_fonts()
    buffer = io.BytesIO()
    doc = Document(buffer, fonts=fonts, lang=lang, head=head, title=title, invariant=invariant, **options)
    doc.build(list(flowables), canvasmaker=numbered_canvas(fonts, lang, page_numbers, footer_left, doc.leftMargin))
    return buffer.getvalue()


class StampPlace(Flowable):
    """The sender block: company and date right-aligned, with a dashed circle where the seal goes.

    The circle overlaps the company name and date, as a Chinese company seal does (骑年盖月).
    """

    def __init__(self, lines: list[str], fonts: FontSet, lang: str, size: float = 12):
        super().__init__()
        self.lines, self.fonts, self.lang, self.size = lines, fonts, lang, size
        self.font = text_font(fonts, lang)
        self.text_w = max(stringWidth(line, self.font, size) for line in lines)
        self.radius = max(20 * mm, self.text_w / 2 + 4 * mm)

    def wrap(self, available_width, available_height):
        self.width = available_width
        self.height = max(len(self.lines) * self.size * 1.9, 2 * self.radius) + 2 * mm
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        line_h = self.size * 1.9
        cx = self.width - 6 * mm - max(self.text_w, 2 * self.radius) / 2
        cy = self.height / 2
        canv.setFont(self.font, self.size)
        first = cy + (len(self.lines) - 1) * line_h / 2 - self.size * 0.35
        for i, line in enumerate(self.lines):
            canv.drawCentredString(cx, first - i * line_h, line)
        canv.saveState()
        canv.setStrokeColor(LETTERHEAD_RED)
        canv.setDash(3, 2)
        canv.setLineWidth(0.7)
        canv.circle(cx, cy, self.radius)
        canv.setFillColor(LETTERHEAD_RED)
        canv.setFont(self.font, 7.5)
        brackets = "（{}）" if is_chinese(self.lang) else "({})"
        canv.drawCentredString(cx, cy - self.radius + 3 * mm, brackets.format(say("stamp", self.lang)))
        canv.restoreState()


class RuledLines(Flowable):
    """Writing lines for a handwritten reply, filling the space left on the page."""

    def __init__(self, pitch: float = 10 * mm, reserve: float = 0):
        super().__init__()
        self.pitch, self.reserve = pitch, reserve

    def wrap(self, available_width, available_height):
        self.width = available_width
        usable = max(0.0, available_height - self.reserve)
        self.count = int(usable // self.pitch)
        self.height = self.count * self.pitch
        return self.width, self.height

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setStrokeColor(colors.HexColor("#9AA5B1"))
        self.canv.setLineWidth(0.4)
        for i in range(self.count):
            y = self.height - (i + 1) * self.pitch
            self.canv.line(0, y, self.width, y)
        self.canv.restoreState()


class FormTable(Table):
    """A Table that sets its one-line text cells in ONE PDF text object, not one each: the same
    page for a third of the drawing work, which counts with seventy cells on each of a thousand
    slip forms. Other cells (paragraphs, other alignments) are drawn as Table draws them."""

    def draw(self) -> None:
        self._text = self.canv.beginText()
        self._text_style = None
        super().draw()
        self.canv.drawText(self._text)  # over the grid lines, which never cross the padded text

    def _drawCell(self, cellval, cellstyle, pos, size) -> None:
        if not (isinstance(cellval, str) and "\n" not in cellval and cellstyle.alignment == "LEFT"
                and cellstyle.valign in ("MIDDLE", "TOP")):
            super()._drawCell(cellval, cellstyle, pos, size)
            return
        if not cellval:
            return
        text = self._text
        if self._text_style is not cellstyle:
            text.setFont(cellstyle.fontname, cellstyle.fontsize, cellstyle.leading)
            text.setFillColor(cellstyle.color)
            self._text_style = cellstyle
        # the baseline where Table puts a one-line string
        if cellstyle.valign == "TOP":
            y = pos[1] + size[1] - cellstyle.topPadding - cellstyle.fontsize
        else:
            y = pos[1] + (cellstyle.bottomPadding + size[1] - cellstyle.topPadding + cellstyle.leading) / 2 \
                - cellstyle.fontsize
        text.setTextOrigin(pos[0] + cellstyle.leftPadding, y)
        text.textOut(cellval)


def table_style(font: str, commands: list) -> TableStyle:
    """A table style in our font: reportlab sets each cell's font (Helvetica unless told) even
    around paragraphs, which would put a non-embedded font into every PDF."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), font), *commands])


def fitting(text: str, style: ParagraphStyle, width: float, padding: float = 8) -> str | Paragraph:
    """A plain string when the text fits on one line of the cell, else a wrapping paragraph.

    Plain strings are drawn directly by the table, several times faster than paragraphs: it
    matters for a batch of a thousand slip forms.
    """
    text = text or "—"
    if "\n" not in text and stringWidth(text, style.fontName, style.fontSize) <= width - padding:
        return text
    return Paragraph(multiline(text), style)


def cell_fonts(styles: Styles, label_columns: tuple[int, ...] = (), label_rows: tuple[int, ...] = ()) -> list:
    """Table commands so plain-string cells look like the paragraph styles beside them."""
    commands = [("FONTNAME", (0, 0), (-1, -1), styles.cell.fontName), ("FONTSIZE", (0, 0), (-1, -1), styles.cell.fontSize),
                ("LEADING", (0, 0), (-1, -1), styles.cell.leading)]
    for col in label_columns:
        commands += [("FONTNAME", (col, 0), (col, -1), styles.label.fontName),
                     ("FONTSIZE", (col, 0), (col, -1), styles.label.fontSize),
                     ("TEXTCOLOR", (col, 0), (col, -1), styles.label.textColor)]
    for row in label_rows:
        commands += [("FONTNAME", (0, row), (-1, row), styles.label.fontName),
                     ("FONTSIZE", (0, row), (-1, row), styles.label.fontSize),
                     ("TEXTCOLOR", (0, row), (-1, row), styles.label.textColor)]
    return commands


LABEL_SHADE = colors.HexColor("#EEF0F3")
GRID = [
    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("LEFTPADDING", (0, 0), (-1, -1), 4),
    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ("TOPPADDING", (0, 0), (-1, -1), 2),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
]
# The slip form's grid: the same rules with tighter cells, so an ordinary slip fits one A4 page
COMPACT_GRID = [
    *GRID[:2],
    ("LEFTPADDING", (0, 0), (-1, -1), 3.5),
    ("RIGHTPADDING", (0, 0), (-1, -1), 3.5),
    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
]


def field_grid(items, styles: Styles, width: float, label_width: float = 27 * mm,
               long_after: int = 34, grid: list = GRID) -> Table:
    """Labelled values two to a row, in the order given, as on a paper form; a long value takes
    a whole row. `grid`: the rules and paddings (`GRID`, or `COMPACT_GRID` on the slip form)."""
    value_width = width / 2 - label_width
    wide_width = width - label_width
    rows, spans, pending = [], [], []

    def whole_row(label, value: str) -> None:
        """One value across the row; the second label's shade must not show through it."""
        rows.append([label, fitting(value, styles.cell, wide_width), "", ""])
        spans.extend([("SPAN", (1, len(rows) - 1), (3, len(rows) - 1)),
                      ("BACKGROUND", (2, len(rows) - 1), (2, len(rows) - 1), colors.white)])

    def flush() -> None:
        if pending:
            whole_row(*pending[0])
            pending.clear()

    for item in items:
        label = fitting(item.label, styles.label, label_width)
        value = item.value or "—"
        if len(value) > long_after or "\n" in value:
            flush()
            whole_row(label, value)
            continue
        pending.append((label, value))
        if len(pending) == 2:
            rows.append([cell for name, text in pending for cell in (name, fitting(text, styles.cell, value_width))])
            pending.clear()
    flush()
    table = FormTable(rows, colWidths=[label_width, value_width, label_width, value_width], splitInRow=1)
    table.setStyle(TableStyle([*cell_fonts(styles, label_columns=(0, 2)), *grid,
                               ("BACKGROUND", (0, 0), (0, -1), LABEL_SHADE),
                               ("BACKGROUND", (2, 0), (2, -1), LABEL_SHADE), *spans]))
    return table


def text_box(text: str, styles: Styles, width: float, empty: str = "",
             padding: tuple[float, float] = (5, 6)) -> FormTable:
    """Free text in a ruled box that may run over several pages (a 3,000-character complaint),
    in the body style; `padding`: space above the first line and below the last, in points."""
    parts = [p for p in (text or "").replace("\r\n", "\n").split("\n") if p.strip()] or [empty or "—"]
    rows = [[fitting(p, styles.body, width, padding=10)] for p in parts]
    table = FormTable(rows, colWidths=[width], splitInRow=1)
    table.setStyle(table_style(styles.body.fontName, [
        ("FONTSIZE", (0, 0), (-1, -1), styles.body.fontSize),
        ("LEADING", (0, 0), (-1, -1), styles.body.leading),
        ("BOX", (0, 0), (-1, -1), 0.6, colors.black),
        ("LINEABOVE", (0, "splitfirst"), (-1, "splitfirst"), 0.6, colors.black),
        ("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, 0), padding[0]),
        ("BOTTOMPADDING", (0, -1), (-1, -1), padding[1]),
    ]))
    return table


class SignatureBoxes(Flowable):
    """Boxes side by side for signatures: who, a printed name if known, signature, date.

    Drawn directly rather than as a table of paragraphs: the same boxes for a tenth of the
    work, which counts in a batch of a thousand slip forms.
    """

    def __init__(self, titles: list[str], names: list[str], styles: Styles, lang: str, height: float = 30 * mm):
        super().__init__()
        self.boxes = list(zip(titles, names))
        self.styles, self.height = styles, height
        colon = "：" if is_chinese(lang) else ": "
        self.sign = say("signature", lang) + colon.rstrip()
        self.date_line = (say("date", lang) + colon + say("blank_date", lang)).replace("\xa0", " ")

    def wrap(self, available_width, available_height):
        self.width = available_width
        return self.width, self.height

    def draw(self) -> None:
        canv, styles = self.canv, self.styles
        box_width = self.width / len(self.boxes)
        canv.saveState()
        canv.setStrokeColor(colors.black)
        canv.setLineWidth(0.6)
        date_top = styles.cell.leading + 4  # the date line sits at the bottom of the box
        heads = []  # where each box's title (and printed name) ends
        for i, (title, name) in enumerate(self.boxes):
            x = i * box_width
            canv.rect(x, 0, box_width, self.height)
            top = self.height - 5  # the padding a table cell had
            top = self._text(simpleSplit(title, styles.label.fontName, styles.label.fontSize, box_width - 12),
                             styles.label, x + 6, top)
            heads.append(self._text([name], styles.small, x + 6, top) if name else top)
        # "Signature:" on one line across the boxes, halfway between the lowest heading and the
        # date, with room to sign beside it
        sign_top = (min(heads) + date_top + styles.cell.leading) / 2
        for i in range(len(self.boxes)):
            self._text([self.sign], styles.cell, i * box_width + 6, sign_top)
            self._text([self.date_line], styles.cell, i * box_width + 6, date_top)
        canv.restoreState()

    def _text(self, lines: list[str], style: ParagraphStyle, x: float, top: float) -> float:
        """Lines from `top` down as a paragraph of `style` would set them; returns where they end."""
        self.canv.setFont(style.fontName, style.fontSize)
        self.canv.setFillColor(style.textColor)
        for n, line in enumerate(lines):
            self.canv.drawString(x, top - style.fontSize - n * style.leading, line)
        return top - len(lines) * style.leading


class Line(Flowable):
    """One line of text set in a paragraph style without parsing it as mini-HTML: headings and
    labels that fit on a line (`line`). A Paragraph costs ten times as much to make and draw."""

    def __init__(self, text: str, style: ParagraphStyle):
        super().__init__()
        self.text, self.style = text, style

    def wrap(self, available_width, available_height):
        self.width = available_width
        return self.width, self.style.leading

    def getSpaceBefore(self) -> float:
        return self.style.spaceBefore

    def getSpaceAfter(self) -> float:
        return self.style.spaceAfter

    def draw(self) -> None:
        style, canv = self.style, self.canv
        canv.setFont(style.fontName, style.fontSize)
        canv.setFillColor(style.textColor)
        y = style.leading - style.fontSize
        if style.alignment == TA_CENTER:
            canv.drawCentredString(self.width / 2, y, self.text)
        elif style.alignment == TA_RIGHT:
            canv.drawRightString(self.width, y, self.text)
        else:
            canv.drawString(0, y, self.text)


def line(text: str, style: ParagraphStyle, width: float) -> Flowable:
    """`text` on one line when it fits in `width`, else a wrapping paragraph."""
    if "\n" not in text and stringWidth(text, style.fontName, style.fontSize) <= width:
        return Line(text, style)
    return Paragraph(multiline(text), style)
