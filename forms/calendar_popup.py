"""The calendar a date field drops down, with the estate's holidays and make-up working days on it.

Chinese desk calendars mark a public holiday 休 and a weekend day worked 班 (调休); the popup does
the same from the working calendar the deadlines count on (models.workcalendar), so the clerk sees
while choosing that 1 October is off and Saturday 10 October is worked. A page that edits the
calendar hands it the days it is editing instead (`show_marks`).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from PySide6.QtCore import QDate, QEvent, QObject, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QDateTimeEdit, QSpinBox, QWidget

from models import workcalendar
from models.workcalendar import HOLIDAY, DayMark
from forms.translation import translator

HOLIDAY_COLOUR = QColor("#c0392b")
WORKDAY_COLOUR = QColor("#1f5f99")
WEEKEND_COLOUR = QColor("#7b8794")
ACCENT_COLOUR = QColor("#2f6fb3")


_tr = translator("HolidayCalendar")


class HolidayCalendar(QCalendarWidget):
    """A month with the holidays (休, red) and the make-up working days (班, blue) marked."""

    def __init__(self, parent: QWidget | None = None, marks: Mapping[dt.date, DayMark] | None = None):
        super().__init__(parent)
        self.setGridVisible(True)
        self._fixed = marks is not None
        self._marks: Mapping[dt.date, DayMark] = marks if marks is not None else {}
        self.one_month = False  # a page of twelve: days of the months around are left blank
        self.chosen: dt.date | None = None  # framed (a page of twelve shows no selection of its own)
        weekend = QTextCharFormat()
        weekend.setForeground(WEEKEND_COLOUR)
        for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            self.setWeekdayTextFormat(day, weekend)
        year = self.findChild(QSpinBox, "qt_calendar_yearedit")  # Qt's own, nameless for a screen reader
        if year is not None:
            year.setAccessibleName(_tr("Year"))
        self.currentPageChanged.connect(lambda _year, _month: self._read())
        self.setToolTip(_tr("休: public holiday, the desk is closed · 班: a weekend day worked (调休)"))

    def show_marks(self, marks: Mapping[dt.date, DayMark]) -> None:
        """Show these days, not the saved calendar's (a page editing the calendar)."""
        self._fixed = True
        self._marks = marks
        self.updateCells()

    def mark(self, day: dt.date) -> DayMark | None:
        return self._marks.get(day)

    def showEvent(self, event) -> None:
        self._read()
        super().showEvent(event)

    def _read(self) -> None:
        if not self._fixed:
            try:
                self._marks = workcalendar.current().marks
            except Exception:  # noqa: BLE001 - a popup without marks beats a popup that does not open
                self._marks = {}
        self.updateCells()

    def paintCell(self, painter: QPainter, rect: QRect, date: QDate) -> None:
        if self.one_month and not self.minimumDate() <= date <= self.maximumDate():
            painter.fillRect(rect, self.palette().base())
            return
        if self.one_month and date == self.selectedDate():  # its own selection: painted as any day
            painter.save()
            painter.fillRect(rect, self.palette().base())
            painter.setPen(WEEKEND_COLOUR if date.dayOfWeek() >= 6 else self.palette().text().color())
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(date.day()))
            painter.restore()
        else:
            super().paintCell(painter, rect, date)
        day = dt.date(date.year(), date.month(), date.day()) if date.isValid() else None
        if self.chosen is not None and day == self.chosen:
            painter.save()
            painter.setPen(QPen(ACCENT_COLOUR, 2))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
            painter.restore()
        mark = self._marks.get(day) if day else None
        if mark is None:
            return
        painter.save()
        colour = HOLIDAY_COLOUR if mark.kind == HOLIDAY else WORKDAY_COLOUR
        font = QFont(painter.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.6))
        painter.setFont(font)
        painter.setPen(colour)
        badge = _tr("休") if mark.kind == HOLIDAY else _tr("班")
        painter.drawText(rect.adjusted(0, 1, -2, 0), Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight, badge)
        if mark.kind == HOLIDAY:
            tint = QColor(colour)
            tint.setAlpha(28)
            painter.fillRect(rect.adjusted(1, 1, -1, -1), tint)
        painter.restore()


def mark_holidays(editor: QDateTimeEdit) -> QDateTimeEdit:
    """Give a date field's popup the holidays and make-up working days. The calendar is made when
    the clerk first reaches for it (a click, F4, Alt+↓), as Qt makes its own: a form of several
    date fields opens without building a calendar each."""
    global _reacher
    if _reacher is None:
        _reacher = _PopupReacher()
    editor.installEventFilter(_reacher)
    return editor


def holiday_calendar(editor: QDateTimeEdit) -> HolidayCalendar:
    """The marked calendar of a date field, made now if it was not yet."""
    if not editor.property(_MARKED):
        editor.setProperty(_MARKED, True)
        editor.setCalendarWidget(HolidayCalendar())
    return editor.calendarWidget()


_MARKED = "holidayCalendar"
_POPUP_KEYS = (Qt.Key.Key_F4, Qt.Key.Key_Down, Qt.Key.Key_Up)


class _PopupReacher(QObject):
    """Before a date field handles the click or key that opens its popup, gives it the marked calendar."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.MouseButtonPress or (
                event.type() == QEvent.Type.KeyPress and event.key() in _POPUP_KEYS):
            holiday_calendar(watched)
        return False


_reacher: _PopupReacher | None = None
