"""The weekly or monthly review as an XLSX workbook (openpyxl), for managers who work the figures on.

The same `Review` as the PDF: a summary sheet with every section as a small table (numbers as
numbers, shares as percentages) and two native Excel charts, then a sheet each for the repeat
lists (with the repeats' causes), the open promises and the figures per staff member. Data in,
workbook bytes out.
"""
from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from models.review import Review, Tally
from models.vocab import label
from printouts.data import Letterhead
from printouts.review import (repeat_cause_headers, repeat_cause_rows, staff_headers, staff_rows, title,
                               word)
from models.settings import document_language

HEADER_FILL = PatternFill("solid", fgColor="EEF0F3")
SECTION_FONT = Font(bold=True, size=12, color="2F5D8A")
BOLD = Font(bold=True)
THIN = Side(style="thin", color="9AA5B1")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
PERCENT = "0%"
HOURS = "0.0"


class _Sheet:
    """Writes tables down a sheet, keeping track of the next free row."""

    def __init__(self, sheet: Worksheet, lang: str):
        self.sheet, self.lang, self.row = sheet, lang, 1

    def line(self, *values, font: Font | None = None) -> int:
        for col, value in enumerate(values, start=1):
            cell = self.sheet.cell(self.row, col, value)
            if font:
                cell.font = font
        self.row += 1
        return self.row - 1

    def section(self, key: str) -> None:
        self.row += 1
        self.line(word(key, self.lang), font=SECTION_FONT)

    def table(self, header: list[str], rows: list[list], formats: dict[int, str] | None = None) -> tuple[int, int]:
        """Header and rows with borders; returns the first and last data row."""
        first = self.row + 1
        for col, value in enumerate(header, start=1):
            cell = self.sheet.cell(self.row, col, value)
            cell.font, cell.fill, cell.border = BOLD, HEADER_FILL, BOX
        self.row += 1
        for values in rows:
            for col, value in enumerate(values, start=1):
                cell = self.sheet.cell(self.row, col, value)
                cell.border = BOX
                if formats and col in formats:
                    cell.number_format = formats[col]
            self.row += 1
        return first, self.row - 1

    def tallies(self, tallies: list[Tally], first_column: str = "") -> tuple[int, int]:
        whole = sum(t.count for t in tallies)
        rows = [[t.name(self.lang), t.count, (t.count / whole) if whole else None] for t in tallies]
        span = self.table([first_column, word("count", self.lang), word("share", self.lang)], rows, {3: PERCENT})
        self.line(word("total", self.lang), whole, font=BOLD)
        return span


def _bar_chart(sheet: Worksheet, title_text: str, span: tuple[int, int], anchor: str, horizontal: bool = False) -> None:
    first, last = span
    if last < first:
        return
    chart = BarChart()
    chart.type = "bar" if horizontal else "col"
    chart.title = title_text
    chart.legend = None
    chart.add_data(Reference(sheet, min_col=2, min_row=first, max_row=last), titles_from_data=False)
    chart.set_categories(Reference(sheet, min_col=1, min_row=first, max_row=last))
    chart.height, chart.width = 7, 14
    sheet.add_chart(chart, anchor)


def render_review_xlsx(review: Review, head: Letterhead, lang: str | None = None) -> bytes:
    lang = document_language(lang)
    book = Workbook()
    summary = book.active
    summary.title = word("key", lang)[:31]
    _summary(_Sheet(summary, lang), review, head)
    _repeats(_Sheet(book.create_sheet(word("sec_repeats", lang)[:31]), lang), review)
    _promises(_Sheet(book.create_sheet(word("sec_promises", lang)[:31]), lang), review)
    _staff(_Sheet(book.create_sheet(word("sec_staff", lang)[:31]), lang), review)
    for sheet in book.worksheets:
        for col, width in ((1, 30), (2, 16), (3, 16), (4, 20), (5, 16), (6, 12)):
            sheet.column_dimensions[get_column_letter(col)].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _summary(s: _Sheet, review: Review, head: Letterhead) -> None:
    lang = s.lang
    s.line(head.estate_name, font=Font(bold=True, size=14, color="B01E23"))
    s.line(f"{title(review, lang)}  {review.period.title(lang)}", font=Font(bold=True, size=13))
    s.line(word("generated", lang), review.generated_at)
    s.sheet.cell(s.row - 1, 2).number_format = "yyyy-mm-dd hh:mm"
    if review.anchor:  # beside the time it was made: the figures below keep their places
        s.sheet.cell(s.row - 1, 3, f"{word('anchor', lang)}: {review.anchor}")
    p = review.promises
    answered = p.kept + p.late + p.overdue
    s.section("key")
    first, _last = s.table(["", ""], [
        [word("received", lang), review.received],
        [word("previous", lang), review.previous_received],
        [word("answered_share", lang), review.count_of(review.authority, "answered") / review.received
         if review.received else None],
        [word("kept_share", lang), p.kept / answered if answered else None],
        [word("first_reply_avg", lang) + " (h)", review.first_reply.average],
        [word("satisfied_share", lang), review.satisfied / review.satisfaction_measured
         if review.satisfaction_measured else None],
        [word("open_promises", lang), review.open_promise_count],
    ])
    for offset, fmt in ((2, PERCENT), (3, PERCENT), (4, HOURS), (5, PERCENT)):
        s.sheet.cell(first + offset, 2).number_format = fmt

    s.section("sec_volume")
    channel = s.tallies(review.by_channel, word("by_channel", lang))
    _bar_chart(s.sheet, word("by_channel", lang), channel, f"E{channel[0] - 1}")
    s.row = max(s.row, channel[0] + 14)
    category = s.tallies(review.by_category, word("by_category", lang))
    _bar_chart(s.sheet, word("by_category", lang), category, f"E{category[0] - 1}", horizontal=True)
    s.row = max(s.row, category[0] + 14)
    s.tallies(review.by_building, word("by_building", lang))

    s.section("sec_authority")
    s.tallies(review.authority)

    s.section("sec_deadlines")
    s.line(word("promises_note", lang))
    s.table(["", word("count", lang)], [[word(key, lang), value] for key, value in (
        ("due", p.due), ("kept", p.kept), ("late", p.late), ("overdue", p.overdue), ("pending", p.pending))])
    s.row += 1
    s.table([word("durations", lang), word("count", lang), word("average", lang), word("median", lang),
             word("longest", lang)],
            [[word(key, lang), d.count, d.average, d.median, d.longest]
             for key, d in (("first_reply", review.first_reply), ("to_close", review.to_close))],
            {3: HOURS, 4: HOURS, 5: HOURS})
    s.row += 1
    s.table(["", word("count", lang)], [[word("closed", lang), review.closed],
                                         [word("ended_unaccepted", lang), review.ended_unaccepted],
                                         [word("reopened", lang), review.reopened_slips],
                                         [word("reopenings", lang), review.reopenings]])

    s.section("sec_satisfaction")
    s.tallies(list(reversed(review.satisfaction)), word("level", lang))
    s.table(["", word("count", lang)], [[word("measured", lang), review.satisfaction_measured],
                                         [word("settled", lang), review.settled],
                                         [word("unsettled", lang), review.unsettled]])

    s.section("sec_motives")
    s.tallies(review.motive_types, word("motive_type", lang))
    s.row += 1
    s.tallies(review.motive_kinds, word("motive_kind", lang))
    s.row += 1
    s.tallies(review.temperaments, word("temperament", lang))
    s.line(word("confirmed", lang), review.motives_confirmed)


def _repeats(s: _Sheet, review: Review) -> None:
    lang = s.lang
    s.line(word("repeat_units", lang), word("in_all", lang, n=review.repeat_unit_count), font=SECTION_FONT)
    s.table([word("unit", lang), word("slips", lang)], [[r.key, r.count] for r in review.repeat_units])
    s.row += 1
    s.line(word("repeat_people", lang), word("in_all", lang, n=review.repeat_complainant_count), font=SECTION_FONT)
    s.table([word("name", lang), word("unit", lang), word("slips", lang)],
            [[r.key, r.detail, r.count] for r in review.repeat_complainants])
    s.row += 1
    s.line(word("repeat_causes", lang), font=SECTION_FONT)
    s.line(word("repeat_causes_note", lang, n=review.repeat_cause_count, done=review.repeats_analysed))
    s.table(repeat_cause_headers(lang), repeat_cause_rows(review, lang))
    left = review.repeat_cause_count - len(review.repeat_causes)
    if left > 0:
        s.line(word("more_rows", lang, n=left))


def _staff(s: _Sheet, review: Review) -> None:
    lang = s.lang
    s.line(word("sec_staff", lang), font=SECTION_FONT)
    s.line(word("staff_note", lang))
    first, _last = s.table(staff_headers(lang), staff_rows(review, lang), {5: PERCENT, 8: PERCENT, 10: "0.0"})
    s.sheet.freeze_panes = s.sheet.cell(first, 2)


def _promises(s: _Sheet, review: Review) -> None:
    lang = s.lang
    s.line(word("sec_promises", lang), review.open_promise_count, font=SECTION_FONT)
    first, _last = s.table(
        [word("number", lang), word("complainant", lang), word("unit", lang), word("deadline", lang),
         word("status", lang), word("state", lang)],
        [[p.number, p.complainant, p.unit_code, p.deadline, label(p.status, lang),
          word("overdue_flag" if p.overdue else "due_flag", lang)] for p in review.open_promises],
        {4: "yyyy-mm-dd hh:mm"})
    s.sheet.freeze_panes = s.sheet.cell(first, 1)
    left = review.open_promise_count - len(review.open_promises)
    if left > 0:
        s.line(word("more_rows", lang, n=left))
    for row in s.sheet.iter_rows(min_row=first):
        for cell in row:
            cell.alignment = Alignment(vertical="center")
