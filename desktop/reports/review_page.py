"""The weekly and monthly review screen (每周或每月做定时总结和检讨): pick a period, read the
figures and charts, export the PDF for the meeting or the XLSX workbook.

The figures are computed off the UI thread (a desktop.shell.tasks.Task): on a big database a month
takes a few hundred milliseconds, and the screen never freezes while it does. Exports run off the
UI thread too, behind a progress dialog whose Cancel writes nothing, and are audited by
models.review.record_export; only a person in charge or a manager exports.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCharts import (QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QHorizontalBarSeries,
                              QPieSeries, QValueAxis)
from PySide6.QtCore import QDate, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (QComboBox, QDateEdit, QFrame, QGridLayout, QHBoxLayout, QHeaderView,
                               QLabel, QPushButton, QScrollArea, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from desktop.shell import tasks
from desktop.shell.session import Session
from forms import asking
from forms.calendar_popup import mark_holidays
from models import clock, review
from models.errors import SlipdeskError
from models.review import Period, Review, Tally
from models.vocab import label
from printouts.review_export import export_review
from models.i18n import fill, language

BLUE = "#2F5D8A"
PROMISE_GREEN = "#5E8C31"
PIE_COLOURS = ("#2F5D8A", "#C0504D", "#9BBB59", "#7F7F7F")


class ReviewPage(QWidget):
    loaded = Signal(object)  # the Review now shown
    exported = Signal(str)  # a file written

    def __init__(self, session: Session | None = None, parent: QWidget | None = None, lang: str | None = None):
        super().__init__(parent)
        self.session = session
        self.lang = lang or (session.lang if session else language())
        self.review: Review | None = None
        self._build()
        self._connect_signals()
        self.refresh()

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel(self.tr("Weekly and monthly review"))
        self.heading.setObjectName("pageHeading")
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Review a month or a week"))
        self.kind.addItem(self.tr("Month"), "month")
        self.kind.addItem(self.tr("Week"), "week")
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        mark_holidays(self.day)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setAccessibleName(self.tr("A day in the period"))
        self.day.setDate(_qdate(clock.today()))
        self.previous = QPushButton(self.tr("◀ Previous"))
        self.previous.setShortcut("Alt+Left")
        self.next = QPushButton(self.tr("Next ▶"))
        self.next.setShortcut("Alt+Right")
        self.period_label = QLabel()
        self.period_label.setObjectName("sectionHeading")
        self.status = QLabel()
        self.status.setObjectName("mutedText")
        self.export_pdf = QPushButton(self.tr("Export PDF…"))
        self.export_xlsx = QPushButton(self.tr("Export XLSX…"))
        may_export = self.session is None or self.session.has_role(*review.READERS)
        for button in (self.export_pdf, self.export_xlsx):
            button.setVisible(may_export)

        bar = QHBoxLayout()
        for widget in (self.kind, self.day, self.previous, self.next):
            bar.addWidget(widget)
        bar.addSpacing(12)
        bar.addWidget(self.period_label, 1)
        bar.addWidget(self.export_pdf)
        bar.addWidget(self.export_xlsx)

        self.figures = {key: _Figure(title) for key, title in (
            ("received", self.tr("Complaints received")), ("answered", self.tr("Answered at once")),
            ("kept", self.tr("Replied by the agreed deadline")), ("first_reply", self.tr("Average time to first reply")),
            ("satisfied", self.tr("Satisfied (fairly satisfied or better)")),
            ("open_promises", self.tr("Open promises")))}
        key_row = QHBoxLayout()
        for figure in self.figures.values():
            key_row.addWidget(figure)

        self.channel_chart = _chart_view(self.tr("By channel"))
        self.category_chart = _chart_view(self.tr("By category"))
        self.authority_chart = _chart_view(self.tr("Handling authority"))
        self.promise_chart = _chart_view(self.tr("Agreed reply deadlines in the period"))
        self.satisfaction_chart = _chart_view(self.tr("Satisfaction of slips closed (1 very dissatisfied – 7 very satisfied)"))
        self.motive_chart = _chart_view(self.tr("Motives (投诉动机)"))
        self.category_chart.setMinimumHeight(380)
        self.motive_chart.setMinimumHeight(260)
        charts = QGridLayout()
        for i, view in enumerate((self.channel_chart, self.category_chart, self.authority_chart, self.promise_chart,
                                  self.satisfaction_chart, self.motive_chart)):
            charts.addWidget(view, i // 2, i % 2)

        self.times = QLabel()
        self.times.setWordWrap(True)
        self.times.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.repeat_units = _table([self.tr("Unit"), self.tr("Slips")])
        self.repeat_units.setAccessibleName(self.tr("Units complaining more than once"))
        self.repeat_people = _table([self.tr("Name"), self.tr("Unit"), self.tr("Slips")])
        self.repeat_people.setAccessibleName(self.tr("Complainants complaining more than once"))
        self.promises = _table([self.tr("Slip"), self.tr("Complainant"), self.tr("Unit"), self.tr("Agreed deadline"),
                                self.tr("Status"), self.tr("Overdue")])
        self.promises.setAccessibleName(self.tr("The period's open promises"))
        self.repeat_units_title = QLabel()
        self.repeat_people_title = QLabel()
        self.promises_title = QLabel()
        self.repeat_causes_title = QLabel()
        self.repeat_causes = _table([self.tr("Slip"), self.tr("Received"), self.tr("Unit"), self.tr("Complainant"),
                                     self.tr("Repeats"), self.tr("Root cause"), self.tr("Corrective action")])
        self.repeat_causes.setAccessibleName(self.tr("Repeated complaints and their causes"))
        self.staff_title = QLabel(self.tr("Figures per staff member — handled: answered on the spot or first replied to "
                                          "by them; on time: by the agreed deadline"))
        self.staff_title.setWordWrap(True)
        self.staff = _table([self.tr("Staff member"), self.tr("Received"), self.tr("Handled on time"),
                             self.tr("On time"), self.tr("Replies accepted"), self.tr("Satisfaction")])
        self.staff.setAccessibleName(self.tr("Figures per staff member"))
        lists = QGridLayout()
        lists.addWidget(self.repeat_units_title, 0, 0)
        lists.addWidget(self.repeat_people_title, 0, 1)
        lists.addWidget(self.repeat_units, 1, 0)
        lists.addWidget(self.repeat_people, 1, 1)
        lists.setColumnStretch(0, 2)
        lists.setColumnStretch(1, 3)

        content = QWidget()
        body = QVBoxLayout(content)
        body.addLayout(key_row)
        body.addLayout(charts)
        body.addWidget(self.times)
        body.addLayout(lists)
        body.addWidget(self.repeat_causes_title)
        body.addWidget(self.repeat_causes)
        body.addWidget(self.promises_title)
        body.addWidget(self.promises)
        body.addWidget(self.staff_title)
        body.addWidget(self.staff)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)

    def _connect_signals(self) -> None:
        self.kind.currentIndexChanged.connect(self.refresh)
        self.day.dateChanged.connect(self.refresh)
        self.previous.clicked.connect(lambda: self._step(-1))
        self.next.clicked.connect(lambda: self._step(1))
        self.export_pdf.clicked.connect(lambda: self.export("pdf"))
        self.export_xlsx.clicked.connect(lambda: self.export("xlsx"))

    # --- the period -------------------------------------------------------------------------

    def period(self) -> Period:
        return review.period_containing(self.day.date().toPython(), self.kind.currentData())

    def set_period(self, period: Period) -> None:
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(self.kind.findData(period.kind))
        self.kind.blockSignals(False)
        self.day.setDate(_qdate(period.start.date()))
        self.refresh()

    def _step(self, direction: int) -> None:
        period = self.period()
        self.day.setDate(_qdate((period.following() if direction > 0 else period.previous()).start.date()))

    def refresh(self) -> None:
        period = self.period()
        self.period_label.setText(period.title(self.lang))
        self.status.setText(self.tr("Counting…"))
        counting = tasks.Task(lambda _progress: review.compute(period), what=f"review of {period.code}",
                              other_error=self.tr("The review could not be made; the details are in the log file."))
        counting.succeeded.connect(self._show)
        counting.failed.connect(self._on_failed)
        counting.start()

    def _on_failed(self, message: str) -> None:
        self.status.setText(message)
        asking.warn(self, self.tr("Review"), message)

    # --- showing ----------------------------------------------------------------------------

    def _show(self, result: Review) -> None:
        if result.period != self.period():
            return  # an older request, overtaken by the clerk's next choice
        self.review = result
        lang = self.lang
        p = result.promises
        at_once = result.count_of(result.authority, "answered")
        self.figures["received"].set(str(result.received), fill(self.tr("previous period %1"), str(result.previous_received)))
        self.figures["answered"].set(_percent(at_once, result.received), str(at_once))
        self.figures["kept"].set("—" if p.kept_share is None else f"{100 * p.kept_share:.0f}%",
                                 f"{p.kept}/{p.kept + p.late + p.overdue}")
        self.figures["first_reply"].set(fill(self.tr("%1 h"), _hours(result.first_reply.average)),
                                        fill(self.tr("median %1 h"), _hours(result.first_reply.median)))
        self.figures["satisfied"].set(_percent(result.satisfied, result.satisfaction_measured),
                                      f"{result.satisfied}/{result.satisfaction_measured}")
        self.figures["open_promises"].set(str(result.open_promise_count),
                                          fill(self.tr("%1 overdue"), str(p.overdue)))
        _bars(self.channel_chart, result.by_channel, lang)
        _bars(self.category_chart, result.by_category, lang, horizontal=True)
        _pie(self.authority_chart, result.authority, lang)
        promises = [Tally("kept", "按时回复", "On time", p.kept), Tally("late", "逾期回复", "Late", p.late),
                    Tally("overdue", "已逾期，未回复", "Overdue", p.overdue),
                    Tally("pending", "未到期", "Not yet due", p.pending)]
        _bars(self.promise_chart, promises, lang, colour=PROMISE_GREEN)
        _bars(self.satisfaction_chart, result.satisfaction, lang, short=True)
        _bars(self.motive_chart, result.motive_kinds, lang, horizontal=True)
        self.times.setText(fill(self.tr(
            "Received to first reply: %1 slips, average %2 h, median %3 h.   Received to closed: %4 slips, "
            "average %5 h, median %6 h.   Closed in the period: %7; settled %8, not settled %9.   "
            "Reopened (reply not accepted): %10 slips, %11 times.   Ended by the person in charge, answered "
            "within the rules and still not accepted: %12."),
            result.first_reply.count, _hours(result.first_reply.average), _hours(result.first_reply.median),
            result.to_close.count, _hours(result.to_close.average), _hours(result.to_close.median),
            result.closed, result.settled, result.unsettled, result.reopened_slips, result.reopenings,
            result.ended_unaccepted))
        self.repeat_units_title.setText(fill(self.tr("Units complaining more than once: %1"), str(result.repeat_unit_count)))
        self.repeat_people_title.setText(fill(self.tr("Complainants complaining more than once: %1"), str(result.repeat_complainant_count)))
        _fill(self.repeat_units, [[r.key, r.count] for r in result.repeat_units])
        _fill(self.repeat_people, [[r.key, r.detail, r.count] for r in result.repeat_complainants])
        self.promises_title.setText(fill(self.tr("The period's open promises: %1"), str(result.open_promise_count)))
        _fill(self.promises, [[x.number, x.complainant, x.unit_code, f"{x.deadline:%Y-%m-%d %H:%M}",
                               label(x.status, lang), self.tr("Overdue") if x.overdue else ""]
                              for x in result.open_promises])
        self.repeat_causes_title.setText(fill(self.tr("Repeated complaints and their causes: %1, %2 analysed"), str(result.repeat_cause_count), str(result.repeats_analysed)))
        _fill(self.repeat_causes, [[r.number, f"{r.received_at:%Y-%m-%d %H:%M}", r.unit_code, r.complainant, r.repeats,
                                    r.root_cause or self.tr("not analysed yet"),
                                    r.corrective_action or self.tr("not analysed yet")] for r in result.repeat_causes])
        _fill(self.staff, [[f.name, f.received, f"{f.on_time}/{f.handled}", _share(f.on_time_share),
                            f"{f.accepted}/{f.replies} ({_share(f.accepted_share)})",
                            "—" if f.satisfaction_average is None else
                            fill(self.tr("%1 average of %2"), f"{f.satisfaction_average:.1f}", str(f.measured))] for f in result.staff])
        self.status.setText(fill(self.tr("Counted at %1."), f"{result.generated_at:%H:%M}"))
        self.loaded.emit(result)

    # --- exporting --------------------------------------------------------------------------

    def export(self, fmt: str) -> tasks.Task | None:
        user = self.session.user if self.session else None
        try:
            review.require_exporter(user)
        except SlipdeskError as err:
            asking.warn(self, self.tr("Export the review"), str(err))
            return None
        from desktop.shell.first_run import ensure_letterhead  # the review prints under the letterhead

        if not ensure_letterhead(user, self.lang, self):
            return None
        path = asking.review_path(self, f"review-{self.period().code}.{fmt}", fmt)
        if not path:
            return None
        if not path.lower().endswith(f".{fmt}"):
            path += f".{fmt}"
        self.status.setText(fill(self.tr("Writing %1…"), Path(path).name))
        period, lang = self.period(), self.lang

        def work(progress: tasks.Progress) -> str:
            data = export_review(period, fmt, lang)
            progress.check()  # cancelled while it was being made: nothing is written
            Path(path).write_bytes(data)
            return path

        task = tasks.run_task(self, self.tr("Export the review"), fill(self.tr("Making the review for %1…"), period.title(lang)), work)
        task.succeeded.connect(self._on_exported)
        task.failed.connect(self._on_failed)
        task.cancelled.connect(self._on_export_cancelled)
        return task

    def _on_export_cancelled(self) -> None:
        self.status.setText(self.tr("Export cancelled; nothing was written."))

    def _on_exported(self, path: str) -> None:
        user = self.session.user if self.session else None
        try:
            review.record_export(user, self.period(), Path(path).suffix.lstrip("."), path)
        except SlipdeskError as err:
            self._on_failed(str(err))
            return
        self.status.setText(fill(self.tr("Written to %1."), path))
        self.exported.emit(path)


class _Figure(QFrame):
    """One key figure: what it is, the number, a small note."""

    def __init__(self, title: str):
        super().__init__()
        self.setObjectName("keyFigure")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(title)
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.value = QLabel("—")
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.value.setFont(font)
        self.note = QLabel()
        self.note.setObjectName("mutedText")
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.note)

    def set(self, value: str, note: str = "") -> None:
        self.value.setText(value)
        self.note.setText(note)
        self.setAccessibleName(f"{self.title.text()}: {value} {note}".strip())


def _qdate(day) -> QDate:
    return QDate(day.year, day.month, day.day)


def _share(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.0f}%"


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "—"


def _hours(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.setMinimumHeight(180)
    return table


def _fill(table: QTableWidget, rows: list[list]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(str(value))
            if isinstance(value, int):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


def _chart_view(title: str) -> QChartView:
    chart = QChart()
    chart.setTitle(title)
    chart.legend().setVisible(False)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(230)
    view.setAccessibleName(title)
    return view


def _bars(view: QChartView, tallies: list[Tally], lang: str, horizontal: bool = False, short: bool = False,
          colour: str = BLUE) -> None:
    """Replace the chart's series with one bar per tally (biggest on top when horizontal)."""
    chart = view.chart()
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)
    rows = list(reversed(tallies)) if horizontal else tallies
    series = QHorizontalBarSeries() if horizontal else QBarSeries()
    names = [t.code if short else t.name(lang) for t in rows]
    values = QBarSet("")
    values.append([t.count for t in rows])
    values.setColor(QColor(colour))
    values.setLabelColor(QColor("#333333"))
    series.append(values)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
    series.setLabelsFormat("@value")
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append(names)
    if horizontal:  # one line per bar: a smaller font keeps ten-odd names from being cut short
        small = categories.labelsFont()
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        categories.setLabelsFont(small)
    counts = QValueAxis()
    counts.setLabelFormat("%d")
    counts.setRange(0, max([t.count for t in tallies] + [1]) * 1.15)
    counts.applyNiceNumbers()
    value_side, category_side = ((Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft) if horizontal
                                 else (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom))
    chart.addAxis(categories, category_side)
    chart.addAxis(counts, value_side)
    series.attachAxis(categories)
    series.attachAxis(counts)


def _pie(view: QChartView, tallies: list[Tally], lang: str) -> None:
    chart = view.chart()
    chart.removeAllSeries()
    series = QPieSeries()
    whole = sum(t.count for t in tallies)
    for i, t in enumerate(x for x in tallies if x.count):
        piece = series.append(f"{t.name(lang)} {t.count} ({_percent(t.count, whole)})", t.count)
        piece.setColor(QColor(PIE_COLOURS[i % len(PIE_COLOURS)]))
        piece.setLabelVisible(True)
    series.setPieSize(0.55)
    chart.addSeries(series)
