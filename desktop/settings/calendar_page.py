"""The manager's working calendar (工作日历): each year as twelve months with its holidays (休), make-up
working days (班) and weekends, its status (complete or missing) and where it came from.

The manager marks days one by one, or imports the year from the State Council's notice (pasted as
published, or a .txt, .ics or .csv file): the page shows what it understood and every problem by
line, and saves the year whole only after the manager confirmed what changes. Saving lists the open
slips whose agreed deadlines the change moves; each opens for the person in charge to review and,
with the customer, move. Everything is checked and kept by models.workcalendar.
"""
from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QGridLayout,
                               QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPlainTextEdit,
                               QPushButton, QRadioButton, QScrollArea, QSpinBox, QTextBrowser, QVBoxLayout, QWidget)

from desktop.settings import calendar_text
from desktop.shell.session import Session
from forms import asking
from forms.calendar_popup import HolidayCalendar
from forms.fields import refusal_text, restyle
from models import calendar_import, calendar_warning, calendar_years, clock, workcalendar
from models.errors import SlipdeskError
from models.i18n import fill, t
from models.workcalendar import HOLIDAY, HOLIDAY_NAMES, WORKDAY, DayMark, Schedule, YearChange
from forms.translation import translator

log = logging.getLogger("slipdesk.pages.calendar")

ORDINARY = "ordinary"
# Three months a row, each wide enough for its day names (周四, Wed) in either language: four a row
# left each day's column 32 px at 1366×768, "周五" showed as "…" and April's column was cut off.
MONTHS_A_ROW = 3
MONTH_WIDTH = 250


_tr = translator("CalendarPage")


class CalendarPage(QWidget):
    """A year of the working calendar, to look at, mark, import and save."""

    slip_activated = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("calendarPage")
        self.staged: dict[dt.date, DayMark] = {}
        self.source, self.origin = "manual", ""
        self.selected: dt.date | None = None
        self.review: MovedDeadlines | None = None
        self._build()
        self._seed_new_package_years()
        self.show_year(clock.today().year + (1 if clock.today() >= calendar_warning.warn_from(clock.today().year)
                                             else 0))

    # ----- building

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 16)
        header = QHBoxLayout()
        heading = QLabel(self.tr("Working calendar (工作日历)"))
        heading.setObjectName("pageHeading")
        self.year = QSpinBox()
        self.year.setRange(2004, clock.today().year + workcalendar.YEARS_AHEAD)
        self.year.setAccessibleName(self.tr("Year"))
        self.import_button = QPushButton(self.tr("&Import the notice or a file…"))
        self.save_button = QPushButton(self.tr("&Save the year…"))
        self.save_button.setObjectName("primaryButton")
        self.discard_button = QPushButton(self.tr("&Discard changes"))
        header.addWidget(heading)
        header.addSpacing(16)
        header.addWidget(QLabel(self.tr("Year:")))
        header.addWidget(self.year)
        header.addStretch(1)
        for button in (self.import_button, self.discard_button, self.save_button):
            header.addWidget(button)
        outer.addLayout(header)
        self.status = QLabel()
        self.status.setWordWrap(True)
        outer.addWidget(self.status)
        body = QHBoxLayout()
        months = QWidget()
        grid = QGridLayout(months)
        grid.setSpacing(8)
        self.months: list[HolidayCalendar] = []
        for month in range(12):
            calendar = HolidayCalendar(marks=self.staged)
            calendar.setNavigationBarVisible(False)
            calendar.one_month = True
            calendar.setSelectionMode(calendar.SelectionMode.SingleSelection)
            calendar.setVerticalHeaderFormat(calendar.VerticalHeaderFormat.NoVerticalHeader)
            calendar.setMinimumSize(MONTH_WIDTH, 170)
            calendar.clicked.connect(self._on_day_clicked)
            self.months.append(calendar)
            caption = QLabel()
            caption.setObjectName("sideHeading")
            box = QVBoxLayout()
            box.addWidget(caption)
            box.addWidget(calendar)
            calendar.setProperty("caption", caption)
            grid.addLayout(box, month // MONTHS_A_ROW, month % MONTHS_A_ROW)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(months)
        body.addWidget(scroll, 1)
        body.addWidget(self._day_panel())
        outer.addLayout(body, 1)
        self.year.valueChanged.connect(self._on_year_chosen)
        self.import_button.clicked.connect(self.open_import)
        self.save_button.clicked.connect(self.save)
        self.discard_button.clicked.connect(lambda: self.show_year(self.year.value()))

    def _day_panel(self) -> QWidget:
        panel = QWidget()
        panel.setMaximumWidth(300)
        layout = QVBoxLayout(panel)
        self.day_label = QLabel(self.tr("Click a day to mark it."))
        self.day_label.setObjectName("sideHeading")
        self.day_label.setWordWrap(True)
        layout.addWidget(self.day_label)
        self.kinds = QButtonGroup(self)
        self.kind_buttons = {}
        for kind, text in ((HOLIDAY, self.tr("&Holiday: the desk is closed (休)")),
                           (WORKDAY, self.tr("&Make-up working day (调休上班, 班)")),
                           (ORDINARY, self.tr("&Ordinary day"))):
            button = QRadioButton(text)
            button.setEnabled(False)
            self.kinds.addButton(button)
            self.kind_buttons[kind] = button
            layout.addWidget(button)
            button.toggled.connect(lambda on, k=kind: on and self.mark_selected(k))
        layout.addWidget(QLabel(self.tr("Holiday (as the notice names it):")))
        self.holiday_name = QComboBox()
        self.holiday_name.setEditable(True)
        self.holiday_name.addItems(list(HOLIDAY_NAMES))
        self.holiday_name.setAccessibleName(self.tr("Holiday name"))
        self.holiday_name.setEnabled(False)
        self.holiday_name.currentTextChanged.connect(lambda _text: self._rename_selected())
        layout.addWidget(self.holiday_name)
        legend = QLabel(self.tr("休 a public holiday · 班 a weekend day worked · weekends in grey.\n"
                                "Deadlines count working hours on this calendar; a year not entered counts "
                                "weekdays, and every deadline there says it is an estimate."))
        legend.setObjectName("mutedText")
        legend.setWordWrap(True)
        layout.addWidget(legend)
        layout.addSpacing(12)
        warn_caption = QLabel(self.tr("Warn on the dashboard from (each year, while next year is missing):"))
        warn_caption.setWordWrap(True)
        layout.addWidget(warn_caption)
        warn = QHBoxLayout()
        self.warn_month = QSpinBox()
        self.warn_month.setRange(1, 12)
        self.warn_month.setAccessibleName(self.tr("Warning month"))
        self.warn_day = QSpinBox()
        self.warn_day.setRange(1, 31)
        self.warn_day.setAccessibleName(self.tr("Warning day"))
        start = calendar_warning.warn_from(2001)
        self.warn_month.setValue(start.month)
        self.warn_day.setValue(start.day)
        self.warn_button = QPushButton(self.tr("Set"))
        for widget in (QLabel(self.tr("month")), self.warn_month, QLabel(self.tr("day")), self.warn_day,
                       self.warn_button):
            warn.addWidget(widget)
        layout.addLayout(warn)
        self.warn_message = QLabel()
        self.warn_message.setWordWrap(True)
        self.warn_message.setObjectName("fieldError")
        self.warn_message.hide()
        layout.addWidget(self.warn_message)
        layout.addStretch(1)
        self.warn_button.clicked.connect(self.set_warning_day)
        return panel

    def _seed_new_package_years(self) -> None:
        """A newer chinese-calendar package brings years the database lacks: they are taken at once."""
        try:
            if seeded := workcalendar.seed_from_package():
                log.info("working calendar: years %s taken from %s", seeded, workcalendar.package_version())
        except SlipdeskError:
            log.exception("seeding the working calendar from the package failed")

    # ----- a year

    def show_year(self, year: int) -> None:
        """The saved schedule of `year` (changes not saved are dropped)."""
        saved = workcalendar.schedule_of(year)
        self._stage(year, dict(saved.days) if saved else {}, "manual", "")

    def _stage(self, year: int, days: dict[dt.date, DayMark], source: str, origin: str) -> None:
        self.staged.clear()
        self.staged.update(days)
        self.source, self.origin = source, origin
        self.year.blockSignals(True)
        self.year.setValue(year)
        self.year.blockSignals(False)
        for month, calendar in enumerate(self.months, 1):
            first = QDate(year, month, 1)
            calendar.setDateRange(first, first.addMonths(1).addDays(-1))
            calendar.setCurrentPage(year, month)
            calendar.property("caption").setText(first.toString("yyyy-MM"))
            calendar.show_marks(self.staged)
        self._select(None)
        self._show_status()

    def _on_year_chosen(self, year: int) -> None:
        if self.dirty() and not asking.confirm(self, self.tr("Working calendar"),
                                               fill(self.tr("Drop the changes not saved to %1?"), self._year), ""):
            self.year.blockSignals(True)
            self.year.setValue(self._year)
            self.year.blockSignals(False)
            return
        self.show_year(year)

    @property
    def _year(self) -> int:
        return self.months[0].yearShown()

    def dirty(self) -> bool:
        saved = workcalendar.schedule_of(self._year)
        return (dict(saved.days) if saved else {}) != self.staged or (saved is None and self.source != "manual")

    def _show_status(self) -> None:
        year = self._year
        record = workcalendar.year_record(year)
        if record is None:
            text = fill(self.tr("%1: MISSING. Deadlines in %1 count plain weekdays, an estimate that may fall on a "
                                "public holiday. Import the State Council's notice for %1, or mark its days and save."
                                ), str(year))
        else:
            who = record.changed_by.display_name if record.changed_by_id else "Slipdesk"
            text = (fill(self.tr("%1: complete — from %2, saved %3 by %4."), str(year), f"{calendar_text.source_label(record.source)}"
                                   + (f" ({record.origin})" if record.origin else ""), f"{record.changed_at:%Y-%m-%d %H:%M}", who))
        if self.dirty():
            text += " " + self.tr("Changes not saved yet.")
        self.status.setText(text)
        restyle(self.status, "warningBanner" if record is None or self.dirty() else "mutedText")
        self.save_button.setEnabled(self.dirty())
        self.discard_button.setEnabled(self.dirty())

    # ----- marking days

    def _on_day_clicked(self, date: QDate) -> None:
        self._select(dt.date(date.year(), date.month(), date.day()))

    def _select(self, day: dt.date | None) -> None:
        self.selected = day
        for calendar in self.months:
            calendar.chosen = day
            calendar.updateCells()
        for button in self.kind_buttons.values():
            button.setEnabled(day is not None)
        self.holiday_name.setEnabled(day is not None)
        if day is None:
            self.day_label.setText(self.tr("Click a day to mark it."))
            return
        mark = self.staged.get(day)
        self.day_label.setText(day.strftime("%Y-%m-%d ") + self.locale().dayName(day.isoweekday()))
        kind = mark.kind if mark else ORDINARY
        self.kind_buttons[kind].blockSignals(True)
        self.kind_buttons[kind].setChecked(True)
        self.kind_buttons[kind].blockSignals(False)
        if mark is not None:  # an unmarked day keeps the name last used: the next days of the same holiday
            self.holiday_name.blockSignals(True)
            self.holiday_name.setCurrentText(mark.name)
            self.holiday_name.blockSignals(False)

    def mark_selected(self, kind: str) -> None:
        """The selected day becomes a holiday, a make-up working day or an ordinary day (staged)."""
        if self.selected is None:
            return
        if kind == ORDINARY:
            self.staged.pop(self.selected, None)
        else:
            self.staged[self.selected] = DayMark(kind, self.holiday_name.currentText().strip())
        self._changed()

    def _rename_selected(self) -> None:
        mark = self.staged.get(self.selected) if self.selected else None
        if mark is not None:
            self.staged[self.selected] = DayMark(mark.kind, self.holiday_name.currentText().strip())
            self._changed()

    def _changed(self) -> None:
        for calendar in self.months:
            calendar.updateCells()
        self._show_status()

    # ----- importing and saving

    def open_import(self) -> ImportDialog:
        dialog = ImportDialog(self._year, self)
        dialog.taken.connect(self._take_reading)
        dialog.open()
        return dialog

    def _take_reading(self, reading: calendar_import.Reading, origin: str) -> None:
        self._stage(reading.year, dict(reading.days), reading.source, origin)
        self.save()

    def save(self) -> YearChange | None:
        """Show what saving changes (days, the deadlines it moves), save on confirmation."""
        schedule = Schedule(self._year, dict(self.staged))
        try:
            if problems := workcalendar.problems_of(schedule):
                asking.warn(self, self.tr("Working calendar"), "\n".join(problems))
                return None
            change = calendar_years.preview(schedule)
            if not asking.confirm(self, self.tr("Save the working calendar"), fill(
                    self.tr("Save %1's holidays and make-up working days? Every deadline counts on them."),
                    schedule.year), calendar_text.change_summary(change)):
                return None
            change = calendar_years.save_year(self.session.user, schedule, self.source, self.origin)
        except SlipdeskError as refused:
            asking.warn(self, self.tr("Working calendar"), refusal_text(refused))
            return None
        self.show_year(schedule.year)
        if change.moved:
            self.review = MovedDeadlines(change, self)
            self.review.slip_activated.connect(self.slip_activated)
            self.review.open()
        self.session.slips_changed.emit()  # the dashboard's warning and the deadline notes change
        return change

    def set_warning_day(self) -> None:
        try:
            calendar_warning.set_warn_from(self.session.user, self.warn_month.value(), self.warn_day.value())
        except SlipdeskError as refused:
            self.warn_message.setText(refusal_text(refused))
            self.warn_message.show()
            return
        self.warn_message.hide()
        self.session.slips_changed.emit()

    def refresh(self) -> None:
        if not self.dirty():
            self.show_year(self._year)


class ImportDialog(QDialog):
    """The notice pasted as published (or a file opened): read, shown as understood, then taken."""

    taken = Signal(object, str)  # the Reading, where it came from

    def __init__(self, year: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import a year's holidays"))
        self.resize(760, 620)
        self.reading: calendar_import.Reading | None = None
        self.origin = ""
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Paste the State Council's notice as published (国务院办公厅关于…年部分节假日安排的通知: "
                              "一、元旦：…放假…。…上班。), or open it as a .txt file, an .ics calendar or a .csv table "
                              "(date, kind, name). Nothing is saved until you confirm."))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("The notice's text"))
        self.text.setPlaceholderText("国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日……放假……")
        layout.addWidget(self.text, 2)
        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Open a file…"))
        self.year = QSpinBox()
        self.year.setRange(0, clock.today().year + workcalendar.YEARS_AHEAD)
        self.year.setSpecialValueText(self.tr("the year it names"))
        self.year.setValue(0)
        self.year.setAccessibleName(self.tr("Year"))
        self.read_button = QPushButton(self.tr("&Read"))
        row.addWidget(self.open_button)
        row.addStretch(1)
        row.addWidget(QLabel(self.tr("Year:")))
        row.addWidget(self.year)
        row.addWidget(self.read_button)
        layout.addLayout(row)
        self.result = QTextBrowser()
        self.result.setAccessibleName(self.tr("What was understood"))
        layout.addWidget(self.result, 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.take_button = buttons.addButton(self.tr("&Save this year…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.take_button.setObjectName("primaryButton")
        self.take_button.setEnabled(False)
        layout.addWidget(buttons)
        self.open_button.clicked.connect(self.open_file)
        self.read_button.clicked.connect(self.read_text)
        self.text.textChanged.connect(self._forget_reading)
        self.take_button.clicked.connect(self.take)
        buttons.rejected.connect(self.reject)

    def _year(self) -> int | None:
        return self.year.value() or None

    def _forget_reading(self) -> None:
        if self.origin.startswith("file:"):
            self.origin = ""
        self.take_button.setEnabled(False)

    def open_file(self) -> None:
        path = asking.calendar_file(self)
        if not path:
            return
        try:
            reading = calendar_import.read_file(path, self._year())
        except SlipdeskError as refused:
            self.result.setPlainText(refusal_text(refused))
            self.take_button.setEnabled(False)
            return
        if reading.source == "notice":
            self.text.blockSignals(True)
            self.text.setPlainText(calendar_import.decode(Path(path).read_bytes(), path))
            self.text.blockSignals(False)
        self.origin = f"file:{path}"
        self._show(reading)

    def read_text(self) -> calendar_import.Reading:
        reading = calendar_import.read_notice(self.text.toPlainText(), self._year())
        self.origin = t("pasted notice text")
        self._show(reading)
        return reading

    def _show(self, reading: calendar_import.Reading) -> None:
        self.reading = reading
        lines = [calendar_text.understood(reading)]
        if reading.problems:
            lines.append("")
            lines.append(self.tr("Problems (nothing can be saved until each is put right):"))
            lines += [f"  {problem}" for problem in reading.problems]
        else:
            lines.append("")
            lines.append(self.tr("Read without a problem. Check the days above against the notice, then save."))
        self.result.setPlainText("\n".join(lines))
        self.take_button.setEnabled(reading.ok)

    def take(self) -> None:
        if self.reading is None or not self.reading.ok:
            return
        origin = self.origin.removeprefix("file:")
        self.accept()
        self.taken.emit(self.reading, origin)


class MovedDeadlines(QDialog):
    """The open slips whose agreed deadlines the change moves: open each to review it with the customer."""

    slip_activated = Signal(int)

    def __init__(self, change: YearChange, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Deadlines to review"))
        self.resize(640, 380)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("The new calendar counts these agreed deadlines differently. Each stays as agreed "
                              "until the person in charge moves it with the customer (Move the reply deadline…, "
                              "recorded in the slip's history). Double-click a slip to open it."))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.list = QListWidget()
        for moved in change.moved:
            text = t("{number}: agreed {deadline} → on the new calendar {proposed}{flag}", number=moved.number,
                     deadline=f"{moved.deadline:%Y-%m-%d %H:%M}", proposed=f"{moved.proposed:%Y-%m-%d %H:%M}",
                     flag=t(" — the agreed time is now a day off")
                     if moved.outside_working_time else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, moved.slip_id)
            self.list.addItem(item)
        self.list.itemActivated.connect(lambda item: self.slip_activated.emit(item.data(Qt.ItemDataRole.UserRole)))
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
