"""The working calendar on screen: the manager's page (status, marking, importing the notice, the
deadlines a change moves), the holidays in every date popup, and the deadline field's quick choices
and questions at intake and wherever a deadline is agreed."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from desktop.intake.window import IntakeWindow
from desktop.settings.calendar_page import CalendarPage
from desktop.shell.dashboard_page import DashboardPage
from desktop.shell.session import Session
from desktop.slips.actions import SlipContext
from desktop.slips.workflow_actions import step_dialog
from forms import asking
from forms.calendar_popup import HolidayCalendar
from forms.deadline_aid import DeadlineAid
from forms.fields import date_edit, datetime_edit, to_qdatetime
from models import audit, calendar_years, deadlines, history, workcalendar
from models.slips import Slip
from models.vocab import Channel, Status
from models.workcalendar import HOLIDAY, WORKDAY, DayMark
from tests.domain.test_working_calendar import ENTERED_2027
from tests.support.slips import received_slip, slip_in


@pytest.fixture
def manager_desk(qapp, sqlite_db, users):
    desk = Session(lang="en")
    desk.sign_in(users["manager"])
    return desk


@pytest.fixture
def page(qtbot, manager_desk, monkeypatch):
    asked = []
    monkeypatch.setattr(asking, "confirm", lambda parent, title, text, details: asked.append(details) or True)
    board = CalendarPage(manager_desk)
    board.asked = asked
    qtbot.addWidget(board)
    board.show()
    return board


def test_the_page_opens_on_next_year_missing_and_shows_a_complete_year(page):
    # 24 November is after the warning day (1 November): next year is the one to enter
    assert page.year.value() == 2027
    assert page.status.text().startswith("2027: MISSING. Deadlines in 2027 count plain weekdays, an estimate")
    assert page.status.objectName() == "warningBanner"
    page.year.setValue(2026)
    assert page.status.text().startswith("2026: complete — from the chinese-calendar package")
    october = page.months[9]
    assert october.mark(dt.date(2026, 10, 1)) == DayMark(HOLIDAY, "国庆节")
    assert october.mark(dt.date(2026, 10, 10)) == DayMark(WORKDAY, "国庆节")
    assert (october.minimumDate(), october.maximumDate()) == (QDate(2026, 10, 1), QDate(2026, 10, 31))


def test_a_manager_marks_days_and_saves_the_year(page, users):
    january = page.months[0]
    for day in (1, 2, 3):
        january.clicked.emit(QDate(2027, 1, day))
        page.holiday_name.setCurrentText("元旦")
        page.kind_buttons[HOLIDAY].setChecked(True)
    assert page.dirty() and page.save_button.isEnabled() and "Changes not saved yet." in page.status.text()
    change = page.save()
    assert "2027 is missing now: it becomes complete." in page.asked[-1]
    assert change is not None and workcalendar.year_record(2027).source == "manual"
    assert workcalendar.schedule_of(2027).holidays() == [dt.date(2027, 1, d) for d in (1, 2, 3)]
    assert audit.recent("calendar_year")[0].user_id == users["manager"].id
    assert page.status.text().startswith("2027: complete — from marked by a manager")
    # a day back to ordinary
    january.clicked.emit(QDate(2027, 1, 3))
    page.kind_buttons["ordinary"].setChecked(True)
    page.save()
    assert workcalendar.schedule_of(2027).holidays() == [dt.date(2027, 1, 1), dt.date(2027, 1, 2)]


def test_a_weekday_marked_as_worked_is_refused_and_nothing_saved(page, monkeypatch):
    warned = []
    monkeypatch.setattr(asking.QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    page.months[0].clicked.emit(QDate(2027, 1, 1))
    page.kind_buttons[HOLIDAY].setChecked(True)
    page.months[0].clicked.emit(QDate(2027, 1, 6))  # a Wednesday
    page.kind_buttons[WORKDAY].setChecked(True)
    assert page.save() is None
    assert "2027-01-06 is a weekday" in warned[0]
    assert workcalendar.schedule_of(2027) is None and page.dirty()


def test_importing_the_notice_shows_what_was_understood_then_saves_on_confirmation(qtbot, page, users, frozen_now):
    slip = received_slip(users["clerk"], deadline=dt.datetime(2027, 1, 4, 12, 0))
    dialog = page.open_import()
    qtbot.addWidget(dialog)
    dialog.text.setPlainText(ENTERED_2027.replace("2月5日", "2月30日"))
    dialog.read_button.click()
    shown = dialog.result.toPlainText()
    assert "line 3: 2027-02-30 does not exist." in shown and "2月30日（农历腊月二十九、周五）" in shown
    assert not dialog.take_button.isEnabled()
    dialog.text.setPlainText(ENTERED_2027)
    assert not dialog.take_button.isEnabled()  # edited: read it again first
    dialog.read_button.click()
    assert "春节: off 2027-02-05 Fri – 2027-02-13 Sat; worked 2027-02-14 Sun, 2027-02-20 Sat" in dialog.result.toPlainText()
    assert dialog.take_button.isEnabled()
    dialog.take_button.click()
    assert f"{slip.number}: agreed 2027-01-04 12:00" in page.asked[-1]
    assert workcalendar.year_record(2027).source == "notice"
    assert len(workcalendar.schedule_of(2027).days) == 14
    assert page.status.text().startswith("2027: complete — from the State Council's notice (pasted notice text)")
    review = page.review
    qtbot.addWidget(review)
    assert review.list.count() == 1 and review.list.item(0).text().startswith(f"{slip.number}: agreed 2027-01-04 12:00")
    with qtbot.waitSignal(page.slip_activated) as opened:
        review.list.itemActivated.emit(review.list.item(0))
    assert opened.args == [slip.id]
    assert Slip.get_by_id(slip.id).deadline == dt.datetime(2027, 1, 4, 12, 0)  # agreed: not changed by the calendar


def test_importing_a_file(qtbot, page, tmp_path, monkeypatch):
    csv = tmp_path / "2027.csv"
    csv.write_text("date,kind,name\n2027-01-01,休,元旦\n2027-02-30,休,春节\n", encoding="utf-8")
    monkeypatch.setattr(asking, "calendar_file", lambda parent: str(csv))
    dialog = page.open_import()
    qtbot.addWidget(dialog)
    dialog.open_button.click()
    assert "line 3: “2027-02-30” is not a date" in dialog.result.toPlainText() and not dialog.take_button.isEnabled()
    csv.write_text("date,kind,name\n2027-01-01,休,元旦\n", encoding="utf-8")
    dialog.open_button.click()
    dialog.take_button.click()
    assert workcalendar.year_record(2027).origin == str(csv)
    broken = tmp_path / "x.ics"
    broken.write_bytes(b"\x00\x01")
    monkeypatch.setattr(asking, "calendar_file", lambda parent: str(broken))
    dialog = page.open_import()
    qtbot.addWidget(dialog)
    dialog.open_button.click()
    assert "is not a text file" in dialog.result.toPlainText() and not dialog.take_button.isEnabled()


def test_the_manager_sets_the_warning_day(page, manager_desk):
    page.warn_month.setValue(2)
    page.warn_day.setValue(29)
    page.warn_button.click()
    assert "29 February" in page.warn_message.text() and not page.warn_message.isHidden()
    page.warn_month.setValue(12)
    page.warn_day.setValue(1)
    page.warn_button.click()
    assert page.warn_message.isHidden()
    assert audit.recent("calendar_warn_from")[0].details == {"warn_from": "12-01"}


def test_the_dashboard_shows_the_missing_year_to_a_clerk(qtbot, session):
    board = DashboardPage(session)
    qtbot.addWidget(board)
    board.refresh()
    assert board.counts["calendar_missing"] == 1
    assert board.cards["calendar_missing"].property("warning") is True


def test_every_date_popup_marks_holidays_and_make_up_days(qtbot, sqlite_db):
    for editor in (date_edit(), datetime_edit(), date_edit(optional=True, not_given="—")):
        qtbot.addWidget(editor)
        editor.show()
        qtbot.keyClick(editor, Qt.Key.Key_F4)  # reaching for the popup gives it the marked calendar
        popup = editor.calendarWidget()
        assert isinstance(popup, HolidayCalendar)
        assert popup.mark(dt.date(2026, 10, 1)) == DayMark(HOLIDAY, "国庆节")
        assert popup.mark(dt.date(2026, 9, 20)) == DayMark(WORKDAY, "国庆节")
        assert popup.mark(dt.date(2026, 9, 21)) is None


@pytest.fixture
def intake(qtbot, session, monkeypatch):
    monkeypatch.setattr(asking, "discard", lambda parent, what, count=1: True)
    window = IntakeWindow(session, Channel.PHONE)
    qtbot.addWidget(window)
    window.show()
    window.form.editors["outcome"].later.setChecked(True)
    return window.form


def test_intake_offers_quick_choices_in_working_time(intake, frozen_now):
    aid = intake.deadline_aid
    assert isinstance(aid, DeadlineAid)
    aid.buttons["2d"].click()  # Tue 24 Nov: closing on Thursday
    assert intake.editors["deadline"].dateTime() == to_qdatetime(dt.datetime(2026, 11, 26, 17, 30))
    aid.buttons["4h"].click()
    assert intake.editors["deadline"].dateTime() == to_qdatetime(dt.datetime(2026, 11, 24, 14, 0))
    assert aid.note.isHidden()


def test_intake_questions_a_deadline_outside_working_time(intake, frozen_now):
    aid = intake.deadline_aid
    intake.editors["deadline"].setDateTime(to_qdatetime(dt.datetime(2026, 11, 28, 10, 0)))  # a Saturday
    assert not aid.note.isHidden() and "2026-11-28 10:00 is not a working day" in aid.note.text()
    assert aid.note.objectName() == "deadlineQuestion"
    intake.editors["deadline"].setDateTime(to_qdatetime(dt.datetime(2026, 11, 25, 19, 0)))
    assert "outside office hours (08:30–17:30)" in aid.note.text()


def test_intake_says_a_deadline_in_a_year_without_calendar_is_an_estimate(intake, users, frozen_now):
    aid = intake.deadline_aid
    intake.editors["deadline"].setDateTime(to_qdatetime(dt.datetime(2027, 1, 4, 16, 0)))
    assert "2027 has no working calendar yet: this deadline counts plain weekdays, an estimate" in aid.note.text()
    calendar_years.save_year(users["manager"], workcalendar.Schedule(2027, {dt.date(2027, 1, 1): DayMark(HOLIDAY, "元旦")}),
                           "manual")
    aid.check()
    assert aid.note.isHidden()


def test_moving_a_deadline_offers_the_same_choices_and_records_old_and_new(qtbot, session, users, frozen_now):
    slip = slip_in(Status.IN_HANDLING, users)
    dialog = step_dialog(SlipContext(Slip.get_by_id(slip.id), session, None), "move_deadline")
    qtbot.addWidget(dialog)
    aid = dialog.findChild(DeadlineAid)
    assert aid is not None
    aid.buttons["3d"].click()
    dialog.editors["agreed_with"].setText("李四本人（电话）")
    dialog.editors["reason"].setPlainText("配件需从厂家调货")
    moved = dialog.submit()
    assert moved.deadline == dt.datetime(2026, 11, 27, 17, 30)
    event = history.events_of(moved)[-1]
    assert event.action == "deadline_moved"
    assert (event.details["deadline_from"], event.details["deadline_to"]) == (str(slip.deadline), str(moved.deadline))


def test_the_slip_history_shows_the_old_and_the_new_deadline(qtbot, session, users, frozen_now):
    from desktop.slips.view import SlipView

    slip = slip_in(Status.IN_HANDLING, users)
    new = dt.datetime(2026, 11, 27, 17, 30)
    deadlines.move_deadline(slip.id, new, users["clerk"], "李四本人（电话）", None, "配件需从厂家调货",
                            expected_version=Slip.get_by_id(slip.id).version)
    shown = SlipView(session, slip.id)
    qtbot.addWidget(shown)
    table = shown.history_table
    last = table.rowCount() - 1
    assert table.item(last, 2).text() == "Reply deadline moved"
    assert table.item(last, 3).text() == f"{slip.deadline:%Y-%m-%d %H:%M} → 2026-11-27 17:30"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_years_months_show_whole_day_names_at_1366(qtbot, qapp, manager_desk, monkeypatch, lang):
    """The twelve months beside the day panel, as the main window gives them the width at 1366×768:
    every day name whole (it was "…" for 周五, 周六, 周日 and "M…" for Mon)."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QTableView

    from desktop.shell import style

    monkeypatch.setattr(asking, "confirm", lambda *args: True)
    before, font, sheet = QLocale(), qapp.font(), qapp.styleSheet()
    QLocale.setDefault(QLocale("zh_CN" if lang == "zh" else "en_US"))
    style.apply(qapp, larger=False)  # the desk's own fonts and paddings
    try:
        board = CalendarPage(manager_desk)
        qtbot.addWidget(board)
        board.resize(1366 - 210 - 40, 700)  # the sidebar and the page's margins
        board.show()
        qtbot.waitExposed(board)
        for month in board.months:
            table = month.findChild(QTableView)
            metrics = table.fontMetrics()
            for column in range(7):
                name = table.model().index(0, column).data()
                assert table.columnWidth(column) >= metrics.horizontalAdvance(name) + 8, (lang, name)  # its padding
    finally:
        QLocale.setDefault(before)
        qapp.setStyleSheet(sheet)
        qapp.setFont(font)
