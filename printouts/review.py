"""The weekly or monthly review (每周或每月做定时总结和检讨) as an A4 PDF for the management meeting.

Key figures first, then each section of models.review.Review as a table with a simple chart
(reportlab.graphics) beside or under it. Data in (a computed `Review`), PDF bytes out.
"""
from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

from models.review import Durations, Review, Tally
from models.vocab import label
from printouts import layout
from printouts.data import Letterhead
from printouts.fonts import FontSet, cjk_fonts
from printouts.layout import GRID, LABEL_SHADE, MARGIN, escape, table_style
from printouts.wording import datetime_text, from_table, short_datetime
from models.settings import document_language

CHART_BLUE = colors.HexColor("#2F5D8A")
CHART_COLOURS = [colors.HexColor(c) for c in ("#2F5D8A", "#C0504D", "#9BBB59", "#8064A2", "#F79646",
                                              "#4BACC6", "#7F7F7F", "#B8860B")]
KEY_SHADE = colors.HexColor("#F4F6F9")

# The report's fixed words (English, Chinese, as models.i18n.t); the XLSX workbook uses the same.
WORDS: dict[str, tuple[str, str]] = {
    "title_month": ("Monthly complaint review", "投诉情况月度总结与检讨"),
    "title_week": ("Weekly complaint review", "投诉情况每周总结与检讨"),
    "generated": ("Generated", "生成时间"),
    "anchor": ("Database anchor", "数据库锚点"),
    "key": ("Key figures", "主要指标"),
    "received": ("Complaints received", "受理投诉"),
    "previous": ("previous period", "上期"),
    "answered_share": ("Answered at once", "当场答复"),
    "kept_share": ("Replied by the agreed deadline", "按约定时限回复"),
    "first_reply_avg": ("Average time to first reply", "平均首次回复"),
    "satisfied_share": ("Satisfied (fairly satisfied or better)", "满意率（较满意及以上）"),
    "open_promises": ("Open promises", "未兑现的承诺"),
    "sec_volume": ("1. Volume", "一、受理量"),
    "by_channel": ("By channel", "按投诉渠道"),
    "by_category": ("By category", "按投诉类别"),
    "by_building": ("By building", "按楼栋"),
    "sec_authority": ("2. Handling authority", "二、处理权限"),
    "sec_deadlines": ("3. Reply deadlines and handling time", "三、回复时限与处理时长"),
    "promises_note": ("Slips whose agreed reply deadline falls in the period", "约定回复时限在本期内的投诉单"),
    "due": ("Due in the period", "本期到期"),
    "kept": ("Replied on time", "按时回复"),
    "late": ("Replied late", "逾期回复"),
    "overdue": ("Overdue, not replied", "已逾期，未回复"),
    "pending": ("Not yet due, not replied", "未到期、未回复"),
    "durations": ("Time taken (hours)", "时长（小时）"),
    "count": ("Slips", "件数"),
    "average": ("Average", "平均"),
    "median": ("Median", "中位数"),
    "longest": ("Longest", "最长"),
    "first_reply": ("Received to first reply", "受理至首次回复"),
    "to_close": ("Received to closed", "受理至结案"),
    "closed": ("Closed in the period", "本期结案"),
    "ended_unaccepted": ("Ended by the person in charge: answered within the rules, still not accepted",
                         "答复已按规定作出、客户仍不认可（负责人终结）"),
    "reopened": ("Slips reopened (reply not accepted)", "客户不认可、重新处理的投诉单"),
    "reopenings": ("Times reopened", "重新处理次数"),
    "sec_satisfaction": ("4. Customer satisfaction (closed in the period)", "四、客户满意度（本期结案）"),
    "level": ("Level", "满意度"),
    "measured": ("Measured", "已测评"),
    "settled": ("Settled", "问题已解决"),
    "unsettled": ("Not settled", "问题未解决"),
    "sec_motives": ("5. Motives", "五、投诉动机"),
    "motive_type": ("Motive type", "动机类型"),
    "motive_kind": ("Motive kind", "动机种类"),
    "temperament": ("Customer temperament", "客户类型"),
    "confirmed": ("Motive confirmed", "已确认动机"),
    "sec_repeats": ("6. Repeated complaints", "六、重复投诉"),
    "repeat_units": ("Units complaining more than once", "重复投诉的房号"),
    "repeat_people": ("Complainants complaining more than once", "重复投诉的客户"),
    "unit": ("Unit", "房号"),
    "name": ("Name", "姓名"),
    "slips": ("Slips", "投诉次数"),
    "in_all": ("{n} in all", "共 {n} 个"),
    "sec_promises": ("7. The period's open promises", "七、本期未兑现的承诺"),
    "number": ("Slip number", "处理单编号"),
    "complainant": ("Complainant", "投诉人"),
    "deadline": ("Agreed deadline", "约定回复时限"),
    "state": ("Overdue?", "是否逾期"),
    "overdue_flag": ("Overdue", "已逾期"),
    "due_flag": ("Due", "未到期"),
    "more_rows": ("{n} more not listed", "另有 {n} 件未列出"),
    "none": ("None", "无"),
    "no_data": ("No data for the period", "本期无数据"),
    "total": ("Total", "合计"),
    "share": ("Share", "占比"),
    "hours": ("{h} h", "{h}小时"),
    "status": ("Status", "状态"),
    "repeat_causes": ("Repeated complaints: cause and corrective action", "重复投诉的原因分析与纠正预防措施"),
    "repeat_causes_note": ("{n} repeated complaints received in the period, {done} with their cause analysed",
                           "本期受理的重复投诉 {n} 件，已完成原因分析 {done} 件"),
    "received_on": ("Received", "受理时间"),
    "repeats": ("Repeats", "重复"),
    "root_cause": ("Root cause", "根本原因"),
    "corrective_action": ("Corrective action", "纠正预防措施"),
    "not_analysed": ("Not analysed yet", "尚未分析"),
    "sec_staff": ("8. Figures per staff member (to praise the best)", "八、员工处理情况（表彰先进）"),
    "staff_note": ("Handled: answered on the spot or first replied to by them; on time: by the agreed deadline; "
                   "satisfaction: slips they handled that closed in the period",
                   "处理：当场答复或首次回复由本人完成；按时：在约定回复时限内；满意度：本人处理、本期结案的投诉单"),
    "staff": ("Staff member", "员工"),
    "received_n": ("Received", "受理"),
    "handled": ("Handled", "处理"),
    "on_time": ("On time", "按时处理"),
    "replies": ("Replies", "回复"),
    "accepted": ("Accepted", "获认可"),
    "satisfaction_avg": ("Average satisfaction", "平均满意度"),
}


def word(key: str, lang: str | None = None, **values) -> str:
    return from_table(WORDS, key, lang, **values)


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "—"


def hours(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def title(review: Review, lang: str) -> str:
    return word("title_month" if review.period.kind == "month" else "title_week", lang)


def render_review(review: Review, head: Letterhead, lang: str | None = None, fonts: FontSet | None = None,
                  invariant: bool = False) -> bytes:
    lang = document_language(lang)
    fonts = (fonts or cjk_fonts()).one_face()  # a report reads best in one sans face, digits included
    heading = f"{title(review, lang)}  {review.period.title(lang)}"
    return layout.render(review_story(review, head, lang, fonts), lang=lang, head=head, fonts=fonts,
                         title=heading, letterhead=False, running=heading, page_numbers="always",
                         invariant=invariant)


def review_story(review: Review, head: Letterhead, lang: str, fonts: FontSet) -> list:
    styles = layout.make_styles(fonts, lang)
    width = layout.A4[0] - 2 * MARGIN
    font = layout.text_font(fonts, lang)
    section = styles.section.clone("review-section", fontSize=12, leading=17, spaceBefore=5 * mm,
                                   spaceAfter=2 * mm, textColor=CHART_BLUE)
    sub = styles.label.clone("review-sub", fontSize=9.5, leading=13, spaceBefore=2 * mm, spaceAfter=1 * mm)
    t = _Tables(styles, font, width, lang)

    def pair(left, right) -> Table:
        return _side_by_side(left, right, width, font)

    return [
        Paragraph(escape(head.estate_name), styles.heading.clone("estate", textColor=layout.LETTERHEAD_RED,
                                                                 spaceAfter=1 * mm)),
        Paragraph(f"{title(review, lang)}<br/>{escape(review.period.title(lang))}",
                  styles.title.clone("review-title", leading=25, spaceAfter=1 * mm)),
        Paragraph(f"{word('generated', lang)}: {datetime_text(review.generated_at, lang)}"
                  + (f"<br/>{word('anchor', lang)}: {escape(review.anchor)}" if review.anchor else ""),
                  styles.small.clone("generated", alignment=1, spaceAfter=4 * mm)),
        _key_figures(review, styles, font, width, lang),
        Paragraph(word("sec_volume", lang), section),
        Paragraph(word("by_channel", lang), sub),
        pair(t.tallies(review.by_channel, 70 * mm), _bars(review.by_channel, font, 88 * mm, 38 * mm, lang)),
        Paragraph(word("by_category", lang), sub),
        pair(t.tallies(review.by_category, 70 * mm), _hbars(review.by_category, font, 88 * mm, lang)),
        Paragraph(word("by_building", lang), sub),
        t.wide_tallies(review.by_building),
        KeepTogether([Paragraph(word("sec_authority", lang), section),
                      pair(t.tallies(review.authority, 70 * mm), _pie(review.authority, font, lang))]),
        KeepTogether([Paragraph(word("sec_deadlines", lang), section),
                      Paragraph(word("promises_note", lang), sub),
                      pair(t.promises(review, 70 * mm), _promise_bars(review, font, lang)),
                      Spacer(1, 3 * mm),
                      t.durations(review)]),
        KeepTogether([Paragraph(word("sec_satisfaction", lang), section),
                      pair(t.satisfaction(review, 70 * mm),
                           _bars(review.satisfaction, font, 88 * mm, 42 * mm, lang, short=True))]),
        KeepTogether([Paragraph(word("sec_motives", lang), section),
                      pair(t.tallies(review.motive_types, 70 * mm, total=False),
                           t.tallies(review.motive_kinds, 88 * mm, total=False)),
                      Spacer(1, 2 * mm),
                      t.temperaments(review)]),
        KeepTogether([Paragraph(word("sec_repeats", lang), section),
                      pair(t.repeat_units(review, 70 * mm), t.repeat_people(review, 88 * mm))]),
        Paragraph(word("repeat_causes", lang), sub),
        Paragraph(escape(word("repeat_causes_note", lang, n=review.repeat_cause_count, done=review.repeats_analysed)),
                  styles.small),
        t.repeat_causes(review),
        Paragraph(word("sec_promises", lang), section),
        t.open_promises(review),
        KeepTogether([Paragraph(word("sec_staff", lang), section),
                      Paragraph(escape(word("staff_note", lang)), styles.small),
                      Spacer(1, 1.5 * mm),
                      t.staff(review)]),
    ]


def _key_figures(review: Review, styles, font: str, width: float, lang: str) -> Table:
    at_once = review.count_of(review.authority, "answered")
    kept = review.promises.kept_share
    change = ""
    if review.previous_received:
        delta = review.received - review.previous_received
        change = f" ({word('previous', lang)} {review.previous_received}, {delta:+d})"
    cells = [
        (word("received", lang), f"{review.received}", change),
        (word("answered_share", lang), percent(at_once, review.received), f"{at_once}"),
        (word("kept_share", lang), "—" if kept is None else f"{100 * kept:.0f}%",
         f"{review.promises.kept}/{review.promises.kept + review.promises.late + review.promises.overdue}"),
        (word("first_reply_avg", lang), word("hours", lang, h=hours(review.first_reply.average)), ""),
        (word("satisfied_share", lang), percent(review.satisfied, review.satisfaction_measured),
         f"{review.satisfied}/{review.satisfaction_measured}"),
        (word("open_promises", lang), f"{review.open_promise_count}", ""),
    ]
    big = styles.title.clone("key-value", fontSize=16, leading=20, spaceAfter=0, fontName=font)
    small = styles.small.clone("key-label", alignment=1)
    rows = [[Paragraph(escape(label), small) for label, _v, _n in cells],
            [Paragraph(escape(value), big) for _l, value, _n in cells],
            [Paragraph(escape(note), small) for _l, _v, note in cells]]
    table = Table(rows, colWidths=[width / len(cells)] * len(cells))
    table.setStyle(table_style(font, [
        ("BOX", (0, 0), (-1, -1), 0.6, colors.HexColor("#9AA5B1")),
        ("LINEAFTER", (0, 0), (-2, -1), 0.4, colors.HexColor("#C9D0D8")),
        ("BACKGROUND", (0, 0), (-1, -1), KEY_SHADE),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"), ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, 0), 4), ("BOTTOMPADDING", (0, -1), (-1, -1), 5),
        ("TOPPADDING", (0, 1), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -2), 1),
    ]))
    return table


def _side_by_side(left, right, width: float, font: str) -> Table:
    table = Table([[left, right]], colWidths=[74 * mm, width - 74 * mm])
    table.setStyle(table_style(font, [("VALIGN", (0, 0), (-1, -1), "TOP"),
                                             ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                             ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return table


class _Tables:
    """The report's tables, in one font and one ruled style."""

    def __init__(self, styles, font: str, width: float, lang: str):
        self.styles, self.font, self.width, self.lang = styles, font, width, lang

    def _table(self, rows: list[list], widths: list[float], header: bool = True, numbers_from: int = 1,
               extra: list | None = None) -> Table:
        table = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
        commands = [*layout.cell_fonts(self.styles, label_rows=(0,) if header else ()), *GRID,
                    ("ALIGN", (numbers_from, 1 if header else 0), (-1, -1), "RIGHT")]
        if header:
            commands += [("BACKGROUND", (0, 0), (-1, 0), LABEL_SHADE), ("ALIGN", (numbers_from, 0), (-1, 0), "RIGHT")]
        table.setStyle(table_style(self.font, commands + (extra or [])))
        return table

    def tallies(self, tallies: list[Tally], width: float, total: bool = True) -> Table:
        whole = sum(t.count for t in tallies)
        lang = self.lang
        rows = [["", word("count", lang), word("share", lang)]]
        rows += [[t.name(lang), str(t.count), percent(t.count, whole)] for t in tallies]
        extra = []
        if total:
            rows.append([word("total", lang), str(whole), ""])
            extra = [("FONTNAME", (0, -1), (-1, -1), self.styles.label.fontName),
                     ("LINEABOVE", (0, -1), (-1, -1), 1, colors.black)]
        if len(rows) == 1 + int(total):
            rows.insert(1, [word("none", lang), "", ""])
        return self._table(rows, [width - 34 * mm, 16 * mm, 18 * mm], extra=extra)

    def wide_tallies(self, tallies: list[Tally]) -> Table:
        """Many short rows (buildings) across the page, six pairs to a row."""
        if not tallies:
            return self._table([[word("none", self.lang)]], [self.width], header=False)
        per_row = 6
        cells = [[t.name(self.lang), str(t.count)] for t in tallies]
        rows = []
        for start in range(0, len(cells), per_row):
            chunk = cells[start:start + per_row]
            chunk += [["", ""]] * (per_row - len(chunk))
            rows.append([value for pair in chunk for value in pair])
        pair = self.width / per_row
        table = Table(rows, colWidths=[pair * 0.68, pair * 0.32] * per_row)
        table.setStyle(table_style(self.font, [*layout.cell_fonts(self.styles), *GRID,
                                               *[("BACKGROUND", (c, 0), (c, -1), LABEL_SHADE) for c in range(0, 12, 2)],
                                               *[("ALIGN", (c, 0), (c, -1), "RIGHT") for c in range(1, 12, 2)]]))
        return table

    def promises(self, review: Review, width: float) -> Table:
        p, lang = review.promises, self.lang
        rows = [["", word("count", lang), word("share", lang)]]
        rows += [[word(key, lang), str(value), percent(value, p.due)]
                 for key, value in (("due", p.due), ("kept", p.kept), ("late", p.late),
                                    ("overdue", p.overdue), ("pending", p.pending))]
        rows[1][2] = ""
        return self._table(rows, [width - 34 * mm, 16 * mm, 18 * mm],
                           extra=[("FONTNAME", (0, 1), (-1, 1), self.styles.label.fontName)])

    def durations(self, review: Review) -> Table:
        lang = self.lang
        rows = [[word("durations", lang), word("count", lang), word("average", lang), word("median", lang),
                 word("longest", lang)]]
        for key, d in (("first_reply", review.first_reply), ("to_close", review.to_close)):
            rows.append(_duration_row(word(key, lang), d))
        rows += [[word("closed", lang), str(review.closed), "", "", ""],
                 [word("ended_unaccepted", lang), str(review.ended_unaccepted), "", "", ""],
                 [word("reopened", lang), str(review.reopened_slips), "", "", ""],
                 [word("reopenings", lang), str(review.reopenings), "", "", ""]]
        first = self.width - 4 * 24 * mm
        return self._table(rows, [first] + [24 * mm] * 4)

    def satisfaction(self, review: Review, width: float) -> Table:
        lang = self.lang
        rows = [[word("level", lang), word("count", lang), word("share", lang)]]
        rows += [[f"{t.code}  {t.name(lang)}", str(t.count), percent(t.count, review.satisfaction_measured)]
                 for t in reversed(review.satisfaction)]
        rows += [[word("measured", lang), str(review.satisfaction_measured), ""],
                 [word("settled", lang), str(review.settled), ""],
                 [word("unsettled", lang), str(review.unsettled), ""]]
        return self._table(rows, [width - 34 * mm, 16 * mm, 18 * mm],
                           extra=[("LINEABOVE", (0, 8), (-1, 8), 1, colors.black)])

    def temperaments(self, review: Review) -> Table:
        lang = self.lang
        names = "、".join(f"{t.name(lang)} {t.count}" for t in review.temperaments) or word("none", lang)
        rows = [[word("temperament", lang), names],
                [word("confirmed", lang), f"{review.motives_confirmed} / {review.received}"]]
        table = Table([[r[0], Paragraph(escape(r[1]), self.styles.cell)] for r in rows],
                      colWidths=[40 * mm, self.width - 40 * mm])
        table.setStyle(table_style(self.font, [*layout.cell_fonts(self.styles, label_columns=(0,)), *GRID,
                                               ("BACKGROUND", (0, 0), (0, -1), LABEL_SHADE)]))
        return table

    def repeat_units(self, review: Review, width: float) -> Table:
        lang = self.lang
        rows = [[word("unit", lang), word("slips", lang)]] + [[r.key, str(r.count)] for r in review.repeat_units]
        rows.append([word("in_all", lang, n=review.repeat_unit_count), ""])
        return self._table(rows, [width - 20 * mm, 20 * mm])

    def repeat_people(self, review: Review, width: float) -> Table:
        lang = self.lang
        rows = [[word("name", lang), word("unit", lang), word("slips", lang)]]
        rows += [[r.key, r.detail or "—", str(r.count)] for r in review.repeat_complainants]
        rows.append([word("in_all", lang, n=review.repeat_complainant_count), "", ""])
        return self._table(rows, [width - 58 * mm, 38 * mm, 20 * mm], numbers_from=2)

    def repeat_causes(self, review: Review) -> Table:
        lang, cell = self.lang, self.styles.cell
        rows = [repeat_cause_headers(lang)]
        for values in repeat_cause_rows(review, lang):
            rows.append(values[:5] + [Paragraph(escape(text), cell) for text in values[5:]])
        missing = [("TEXTCOLOR", (5, i), (6, i), layout.LETTERHEAD_RED)
                   for i, r in enumerate(review.repeat_causes, start=1) if not r.analysed]
        if not review.repeat_causes:
            rows.append([word("none", lang), "", "", "", "", "", ""])
        left = review.repeat_cause_count - len(review.repeat_causes)
        if left > 0:
            rows.append([word("more_rows", lang, n=left), "", "", "", "", "", ""])
        widths = [27 * mm, 26 * mm, 16 * mm, 14 * mm, 27 * mm]
        rest = self.width - sum(widths)
        return self._table(rows, widths + [rest / 2, rest / 2], numbers_from=7, extra=missing)

    def staff(self, review: Review) -> Table:
        lang = self.lang
        rows = [staff_headers(lang)]
        for values in staff_rows(review, lang):
            name, received, handled, on_time, on_share, replies, accepted, acc_share, measured, average = values
            rows.append([name, str(received), str(handled), str(on_time), _share(on_share), str(replies), str(accepted),
                         _share(acc_share), str(measured), "—" if average is None else f"{average:.1f}"])
        if not review.staff:
            rows.append([word("none", lang)] + [""] * 9)
        numbers = [14 * mm] * 8 + [19 * mm]
        return self._table(rows, [self.width - sum(numbers)] + numbers)

    def open_promises(self, review: Review) -> Table:
        lang = self.lang
        rows = [[word("number", lang), word("complainant", lang), word("unit", lang), word("deadline", lang),
                 word("status", lang), word("state", lang)]]
        for p in review.open_promises:
            rows.append([p.number, p.complainant, p.unit_code or "—", short_datetime(p.deadline),
                         label(p.status, lang), word("overdue_flag" if p.overdue else "due_flag", lang)])
        extra = [("TEXTCOLOR", (5, i), (5, i), layout.LETTERHEAD_RED)
                 for i, p in enumerate(review.open_promises, start=1) if p.overdue]
        if not review.open_promises:
            rows.append([word("none", lang), "", "", "", "", ""])
        left = review.open_promise_count - len(review.open_promises)
        if left > 0:
            rows.append([word("more_rows", lang, n=left), "", "", "", "", ""])
        widths = [34 * mm, 26 * mm, 24 * mm, 32 * mm]
        widths += [(self.width - sum(widths)) * 0.6, (self.width - sum(widths)) * 0.4]
        return self._table(rows, widths, numbers_from=6, extra=extra)


def staff_rows(review: Review, lang: str) -> list[list]:
    """Per staff member: name, received, handled, on time, its share, replies, accepted, its share,
    satisfaction measured, its average (the PDF and the workbook)."""
    return [[f.name, f.received, f.handled, f.on_time, f.on_time_share, f.replies, f.accepted, f.accepted_share,
             f.measured, f.satisfaction_average] for f in review.staff]


def staff_headers(lang: str) -> list[str]:
    return [word(key, lang) for key in ("staff", "received_n", "handled", "on_time", "share", "replies", "accepted",
                                        "share", "measured", "satisfaction_avg")]


def repeat_cause_rows(review: Review, lang: str) -> list[list[str]]:
    """Each repeated complaint: number, received, unit, complainant, the slip it repeats, root
    cause (with the whys asked), corrective action — or plainly that none is recorded yet."""
    return [[r.number, short_datetime(r.received_at), r.unit_code or "—", r.complainant, r.repeats,
             r.root_cause or word("not_analysed", lang), r.corrective_action or word("not_analysed", lang)]
            for r in review.repeat_causes]


def repeat_cause_headers(lang: str) -> list[str]:
    return [word(key, lang) for key in ("number", "received_on", "unit", "complainant", "repeats", "root_cause",
                                        "corrective_action")]


def _share(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.0f}%"


def _duration_row(name: str, d: Durations) -> list[str]:
    return [name, str(d.count), hours(d.average), hours(d.median), hours(d.longest)]


# ---- charts ---------------------------------------------------------------------------------

def _axis_fonts(chart, font: str) -> None:
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7.5
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#E3E7EC")
    chart.valueAxis.strokeColor = colors.HexColor("#9AA5B1")
    chart.categoryAxis.strokeColor = colors.HexColor("#9AA5B1")


def _value_step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000):
        if top / step <= 6:
            return step
    return max(1, top // 5)


def _no_data(width: float, height: float, font: str, lang: str) -> Drawing:
    drawing = Drawing(width, height, initialFontName=font)
    drawing.add(String(width / 2, height / 2, word("no_data", lang), fontName=font, fontSize=9,
                       textAnchor="middle", fillColor=colors.HexColor("#7F7F7F")))
    return drawing


def _bars(tallies: list[Tally], font: str, width: float, height: float, lang: str, short: bool = False) -> Drawing:
    """Vertical bars, one per tally, with the count over each bar; `short` labels bars by code."""
    if not any(t.count for t in tallies):
        return _no_data(width, height, font, lang)
    drawing = Drawing(width, height, initialFontName=font)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 10 * mm, 8 * mm, width - 14 * mm, height - 12 * mm
    values = [t.count for t in tallies] or [0]
    chart.data = [values]
    chart.categoryAxis.categoryNames = [t.code if short else t.name(lang) for t in tallies] or [""]
    _axis_fonts(chart, font)
    chart.valueAxis.valueMax = max(values + [1]) * 1.18
    chart.valueAxis.valueStep = _value_step(max(values + [1]))
    chart.bars[0].fillColor = CHART_BLUE
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 6
    drawing.add(chart)
    return drawing


def _hbars(tallies: list[Tally], font: str, width: float, lang: str) -> Drawing:
    """Horizontal bars for a longer list (categories), biggest on top."""
    if not any(t.count for t in tallies):
        return _no_data(width, 30 * mm, font, lang)
    rows = list(reversed(tallies))
    height = max(30 * mm, 6.2 * mm * len(rows) + 8 * mm)
    drawing = Drawing(width, height, initialFontName=font)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 24 * mm, 5 * mm, width - 30 * mm, height - 8 * mm
    values = [t.count for t in rows]
    chart.data = [values]
    chart.categoryAxis.categoryNames = [t.name(lang) for t in rows]
    _axis_fonts(chart, font)
    chart.valueAxis.valueMax = max(values + [1]) * 1.15
    chart.valueAxis.valueStep = _value_step(max(values + [1]))
    chart.bars[0].fillColor = CHART_BLUE
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


def _pie(tallies: list[Tally], font: str, lang: str) -> Drawing:
    shown = [t for t in tallies if t.count]
    if not shown:
        return _no_data(88 * mm, 40 * mm, font, lang)
    drawing = Drawing(88 * mm, 40 * mm, initialFontName=font)
    pie = Pie()
    pie.x, pie.y, pie.width, pie.height = 4 * mm, 3 * mm, 34 * mm, 34 * mm
    pie.data = [t.count for t in shown]
    pie.labels = None
    pie.slices.strokeColor = colors.white
    pie.slices.strokeWidth = 0.8
    for i in range(len(shown)):
        pie.slices[i].fillColor = CHART_COLOURS[i % len(CHART_COLOURS)]
    drawing.add(pie)
    whole = sum(pie.data)
    for i, t in enumerate(shown):
        y = 33 * mm - i * 6 * mm
        drawing.add(Rect(44 * mm, y, 3.2 * mm, 3.2 * mm, fillColor=CHART_COLOURS[i % len(CHART_COLOURS)],
                         strokeColor=None))
        drawing.add(String(49 * mm, y + 0.6 * mm, f"{t.name(lang)}  {t.count} ({percent(t.count, whole)})",
                           fontName=font, fontSize=8))
    return drawing


def _promise_bars(review: Review, font: str, lang: str) -> Drawing:
    p = review.promises
    tallies = [Tally(key, WORDS[key][0], WORDS[key][1], value)
               for key, value in (("kept", p.kept), ("late", p.late), ("overdue", p.overdue), ("pending", p.pending))]
    drawing = _bars(tallies, font, 88 * mm, 40 * mm, lang)
    if not p.due:
        return drawing
    chart = drawing.contents[0]
    chart.categoryAxis.categoryNames = [t.name(lang) for t in tallies]
    for i, colour in enumerate(("#9BBB59", "#F79646", "#C0504D", "#7F7F7F")):
        chart.bars[(0, i)].fillColor = colors.HexColor(colour)
    return drawing
