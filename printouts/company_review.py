"""The company's review comparing its estates, as an A4 PDF and as an XLSX workbook.

One row per estate (and the company's total): received, replied by the agreed deadline, replies
the customer accepted, satisfied, slips from a repeating unit, escalations; a bar chart for each
figure. Data in (a computed models.head_office.CompanyReview), bytes out.
"""
from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.utils import get_column_letter
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

from models.head_office import CompanyReview, EstateFigures
from printouts import layout
from printouts.data import Letterhead
from printouts.fonts import FontSet, cjk_fonts
from printouts.layout import GRID, LABEL_SHADE, MARGIN, escape, table_style
from printouts.review import CHART_BLUE, _axis_fonts, _no_data, _value_step
from printouts.review_xlsx import BOLD, BOX, HEADER_FILL, PERCENT
from printouts.wording import datetime_text, from_table
from models.i18n import is_chinese
from models.settings import document_language

WORDS: dict[str, tuple[str, str]] = {
    "title": ("Estates compared", "各项目投诉情况对比"),
    "generated": ("Generated", "生成时间"),
    "estate": ("Estate", "项目"),
    "received": ("Received", "受理投诉"),
    "on_time": ("Replied on time", "按约定时限回复"),
    "accepted": ("Replies accepted", "回复获客户认可"),
    "satisfied": ("Satisfied", "满意率"),
    "repeats": ("Repeat share", "重复投诉占比"),
    "escalations": ("Escalations", "上报上级"),
    "figures": ("Figures", "主要指标"),
    "charts": ("Charts", "对比图"),
    "total": ("All estates", "全部项目"),
    "note": ("On time: deadlines in the period, replied or overdue; accepted: the period's replies the customer "
             "accepted; satisfied: fairly satisfied or better; repeat: a unit with two or more slips in the period.",
             "按时回复：约定时限在本期的已回复或逾期件；认可：本期回复中客户认可的；满意：较满意及以上；"
             "重复：同一房号本期两件及以上。"),
}
# (word, the count shown, the share shown or None): the table's and the charts' columns
COLUMNS = (
    ("received", "received", None),
    ("on_time", "promises_kept", "on_time"),
    ("accepted", "accepted", "accepted_share"),
    ("satisfied", "satisfied", "satisfied_share"),
    ("repeats", "repeat_slips", "repeat_share"),
    ("escalations", "escalations", None),
)


def word(key: str, lang: str | None = None) -> str:
    return from_table(WORDS, key, lang)


def _share(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.0f}%"


def _cell(row: EstateFigures, count: str, share: str | None) -> str:
    return str(getattr(row, count)) if share is None else _share(getattr(row, share))


def _heading(compared: CompanyReview, lang: str) -> str:
    return f"{word('title', lang)}  {compared.period.title(lang)}"


def render_company_review(compared: CompanyReview, head: Letterhead, lang: str | None = None,
                          fonts: FontSet | None = None, invariant: bool = False) -> bytes:
    lang = document_language(lang)
    fonts = (fonts or cjk_fonts()).one_face()
    styles = layout.make_styles(fonts, lang)
    font = layout.text_font(fonts, lang)
    width = layout.A4[0] - 2 * MARGIN
    section = styles.section.clone("company-section", fontSize=12, leading=17, spaceBefore=5 * mm,
                                   spaceAfter=2 * mm, textColor=CHART_BLUE)
    story = [
        Paragraph(escape(head.company or head.estate_name),
                  styles.heading.clone("company", textColor=layout.LETTERHEAD_RED, spaceAfter=1 * mm)),
        Paragraph(f"{word('title', lang)}<br/>{escape(compared.period.title(lang))}",
                  styles.title.clone("company-title", leading=25, spaceAfter=1 * mm)),
        Paragraph(f"{word('generated', lang)}: {datetime_text(compared.generated_at, lang)}",
                  styles.small.clone("company-generated", alignment=1, spaceAfter=4 * mm)),
        Paragraph(word("figures", lang), section),
        _table(compared, styles, font, width, lang),
        Spacer(1, 2 * mm),
        Paragraph(escape(word("note", lang)), styles.small),
        Paragraph(word("charts", lang), section),
    ]
    charts = [_chart(compared, key, count, share, font, width / 2 - 2 * mm, lang) for key, count, share in COLUMNS]
    for left, right in zip(charts[::2], charts[1::2]):
        pair = Table([[left, right]], colWidths=[width / 2] * 2)
        pair.setStyle(table_style(font, [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        story.append(KeepTogether([pair, Spacer(1, 3 * mm)]))
    return layout.render(story, lang=lang, head=head, fonts=fonts, title=_heading(compared, lang), letterhead=False,
                         running=_heading(compared, lang), page_numbers="always", invariant=invariant)


def _table(compared: CompanyReview, styles, font: str, width: float, lang: str) -> Table:
    small = styles.small
    header = [word("estate", lang), *(word(key, lang) for key, _c, _s in COLUMNS)]
    rows = [[Paragraph(escape(text), small) for text in header]]
    total = compared.total
    for row in [*compared.estates, total]:
        name = word("total", lang) if row is total else row.name
        rows.append([Paragraph(escape(name), small), *(_cell(row, count, share) for _k, count, share in COLUMNS)])
    first = 40 * mm
    table = Table(rows, colWidths=[first] + [(width - first) / len(COLUMNS)] * len(COLUMNS), repeatRows=1)
    table.setStyle(table_style(font, [
        *GRID, ("BACKGROUND", (0, 0), (-1, 0), LABEL_SHADE),
        ("BACKGROUND", (0, -1), (-1, -1), LABEL_SHADE), ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    return table


def _chart(compared: CompanyReview, key: str, count: str, share: str | None, font: str, width: float,
           lang: str) -> Drawing:
    """One figure across the estates: counts as they are, shares in percent."""
    height = 48 * mm
    values = [getattr(row, count) if share is None else round(100 * (getattr(row, share) or 0))
              for row in compared.estates]
    if not any(values):
        return _no_data(width, height, font, lang)
    drawing = Drawing(width, height, initialFontName=font)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 10 * mm, 10 * mm, width - 14 * mm, height - 18 * mm
    chart.data = [values]
    chart.categoryAxis.categoryNames = [row.name for row in compared.estates]
    _axis_fonts(chart, font)
    top = 100 if share else max(values + [1])
    chart.valueAxis.valueMax = top * 1.18
    chart.valueAxis.valueStep = _value_step(top)
    chart.bars[0].fillColor = CHART_BLUE
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d%%" if share else "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 6
    if len(values) > 6:
        chart.categoryAxis.labels.angle = 30
        chart.categoryAxis.labels.boxAnchor = "ne"
    drawing.add(chart)
    title = word(key, lang) + ("（%）" if share and is_chinese(lang) else " (%)" if share else "")
    drawing.add(String(width / 2, height - 5 * mm, title, fontName=font, fontSize=9, textAnchor="middle",
                       fillColor=colors.HexColor("#2F5D8A")))
    return drawing


def render_company_review_xlsx(compared: CompanyReview, lang: str | None = None) -> bytes:
    lang = document_language(lang)
    book = Workbook()
    sheet = book.active
    sheet.title = word("figures", lang)[:31]
    sheet.cell(1, 1, _heading(compared, lang)).font = BOLD
    header = [word("estate", lang)]
    for key, _count, share in COLUMNS:
        header.append(word(key, lang))
        if share:
            header.append(f"{word(key, lang)} %")
    for col, value in enumerate(header, start=1):
        cell = sheet.cell(3, col, value)
        cell.font, cell.fill, cell.border = BOLD, HEADER_FILL, BOX
    rows = [*compared.estates, compared.total]
    for index, row in enumerate(rows, start=4):
        values: list = [word("total", lang) if row is rows[-1] else row.name]
        formats = {}
        for _key, count, share in COLUMNS:
            values.append(getattr(row, count))
            if share:
                values.append(getattr(row, share))
                formats[len(values)] = PERCENT
        for col, value in enumerate(values, start=1):
            cell = sheet.cell(index, col, value)
            cell.border = BOX
            if col in formats:
                cell.number_format = formats[col]
    last = 3 + len(compared.estates)
    for number, (key, _count, share) in enumerate(COLUMNS):
        column = header.index(f"{word(key, lang)} %" if share else word(key, lang)) + 1
        chart = BarChart()
        chart.title, chart.legend, chart.height, chart.width = word(key, lang), None, 7, 12
        chart.add_data(Reference(sheet, min_col=column, min_row=4, max_row=last), titles_from_data=False)
        chart.set_categories(Reference(sheet, min_col=1, min_row=4, max_row=last))
        sheet.add_chart(chart, f"{get_column_letter(2 + (number % 2) * 8)}{last + 4 + (number // 2) * 16}")
    sheet.column_dimensions["A"].width = 24
    for col in range(2, len(header) + 1):
        sheet.column_dimensions[get_column_letter(col)].width = 14
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
