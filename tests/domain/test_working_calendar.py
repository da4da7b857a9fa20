"""The estate's working calendar: kept in the database, read from the State Council's notice, an
.ics or a .csv file, changed all or nothing by a manager, and counted by every deadline.

No test depends on the real 2027 schedule (not published when this was written): 2027 here is an
entered schedule, ENTERED_2027, with 元旦 on Fri 1 – Sun 3 January and 春节 from Fri 5 to Sat 13
February, Sunday 14 and Saturday 20 February worked.
"""
from __future__ import annotations

import datetime as dt

import pytest

from models import (audit, calendar_import, calendar_warning, calendar_years, dashboard, deadlines, history, notices,
                    workcalendar)
from models.calendar_import import UnreadableCalendar
from models.deadlines import add_working_hours
from models.errors import PermissionDenied, ValidationFailed
from models.slips import Slip
from models.workcalendar import HOLIDAY, WORKDAY, CalendarDay, CalendarYear, DayMark, Schedule
from tests.support.notice_text import render
from tests.support.slips import received_slip

TODAY = dt.date(2026, 11, 24)

ENTERED_2027 = """国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（农历腊月二十九、周五）至13日（农历正月初七、周六）放假调休，共9天。2月14日（周日）、2月20日（周六）上班。
"""


def at(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, "%Y-%m-%d %H:%M")


def entered_2027() -> Schedule:
    return calendar_import.read_notice(ENTERED_2027, today=TODAY).schedule()


# ----- reading the notice

def test_the_2026_notice_as_published_reads_as_exactly_the_packages_2026_days():
    package = workcalendar.package_schedules()[2026]
    text = render(package)
    assert "七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。" in text
    reading = calendar_import.read_notice(text, today=TODAY)
    assert reading.ok, reading.problems
    assert reading.year == 2026
    assert reading.days == dict(package.days)
    assert len(reading.schedule().holidays()) == 33 and len(reading.schedule().workdays()) == 6
    assert [item.name for item in reading.understood] == ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"]


@pytest.mark.parametrize("year", range(2004, 2027))
def test_every_year_the_package_covers_reads_back_from_its_notice(year):
    """The wordings of twenty years (补休, a day named in the year before, 2015's anniversary)."""
    package = workcalendar.package_schedules()[year]
    reading = calendar_import.read_notice(render(package), today=dt.date(year, 1, 1))
    assert reading.ok, [str(p) for p in reading.problems]
    assert reading.days == dict(package.days)


def test_the_notice_pasted_as_one_paragraph_and_in_older_wording_reads_the_same():
    text = ("2027年部分节假日安排 一、元旦：1月1日放假，与周末连休。二、春节：2月5日至13日放假调休，共9天。"
            "2月14日（星期日）、2月20日（星期六）上班。")
    reading = calendar_import.read_notice(text, today=TODAY)
    assert reading.ok, reading.problems
    assert reading.schedule().holidays() == [dt.date(2027, 1, 1)] + [dt.date(2027, 2, d) for d in range(5, 14)]
    assert reading.schedule().workdays() == [dt.date(2027, 2, 14), dt.date(2027, 2, 20)]


# ----- bad input: refused or flagged line by line

@pytest.mark.parametrize("text, line, words", [
    (ENTERED_2027.replace("2月5日", "2月30日"), 3, "does not exist"),
    (ENTERED_2027 + "三、清明节：2月12日至14日放假，共3天。\n", 4, "in two holidays"),
    (ENTERED_2027 + "三、清明节：2月20日放假，共1天。\n", 4, "both a holiday and a make-up working day"),
    (ENTERED_2027.replace("1月1日（周五）", "1月1日（周六）"), 2, "is a Friday, not a Saturday"),
    (ENTERED_2027.replace("共9天", "共8天"), 3, "says 8 days, the dates give 9"),
    (ENTERED_2027.replace("2月20日（周六）上班", "2月19日（周五）上班"), 3, "is a weekday"),
    (ENTERED_2027.replace("2月5日（农历腊月二十九、周五）至13日", "2月13日至5日"), 3, "is not a holiday's days"),
    (ENTERED_2027 + "三、清明节：4月5日至7日。\n", 4, "neither 放假"),
    (ENTERED_2027 + "清明节期间4月5日放假。\n", 4, "outside a numbered section"),
])
def test_a_bad_notice_is_flagged_on_its_line(text, line, words):
    reading = calendar_import.read_notice(text, today=TODAY)
    assert not reading.ok
    assert any(p.line == line and words in p.message for p in reading.problems), [str(p) for p in reading.problems]
    with pytest.raises(ValueError):
        reading.schedule()


@pytest.mark.parametrize("text, year, words", [
    ("", None, "empty"),
    ("   \n\n", None, "empty"),
    ("一、元旦：1月1日放假，共1天。", None, "Which year?"),
    (ENTERED_2027, 2028, "is for 2027, not 2028"),
    (ENTERED_2027.replace("2027", "1998"), None, "too far from today"),
    (ENTERED_2027.replace("2027", "2035"), None, "too far from today"),
    ("国务院办公厅关于2027年部分节假日安排的通知\n请各单位做好安排。", None, "No numbered section"),
])
def test_a_notice_that_is_no_years_schedule_is_refused(text, year, words):
    reading = calendar_import.read_notice(text, year, today=TODAY)
    assert not reading.ok
    assert any(words in p.message for p in reading.problems), [str(p) for p in reading.problems]


def _ics(*events: str) -> bytes:
    body = "".join(f"BEGIN:VEVENT\r\nUID:{n}@test\r\nDTSTAMP:20261101T000000Z\r\n{e}END:VEVENT\r\n"
                   for n, e in enumerate(events))
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n{body}END:VCALENDAR\r\n".encode()


def _event(summary: str, start: str, end: str, extra: str = "") -> str:
    return f"SUMMARY:{summary}\r\nDTSTART;VALUE=DATE:{start}\r\nDTEND;VALUE=DATE:{end}\r\n{extra}"


def test_an_ics_calendar_reads_holidays_and_make_up_days():
    raw = _ics(_event("元旦", "20270101", "20270104"), _event("春节 休", "20270205", "20270214"),
               _event("春节 补班", "20270214", "20270215"), _event("春节（班）", "20270220", "20270221"))
    reading = calendar_import.read_ics(raw, today=TODAY)
    assert reading.ok, [str(p) for p in reading.problems]
    assert reading.days == dict(entered_2027().days)


def test_the_packages_2026_as_ics_and_csv_reads_as_the_package(tmp_path):
    import icalendar

    package = workcalendar.package_schedules()[2026]
    cal = icalendar.Calendar()
    cal.add("prodid", "-//slipdesk test//")
    cal.add("version", "2.0")
    rows = ["日期,类型,名称"]
    for day, mark in sorted(package.days.items()):
        event = icalendar.Event()
        event.add("summary", f"{mark.name}{'补班' if mark.kind == WORKDAY else ''}")
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        event.add("uid", f"{day}@test")
        event.add("dtstamp", dt.datetime(2025, 11, 4))
        cal.add_component(event)
        rows.append(f"{day},{'班' if mark.kind == WORKDAY else '休'},{mark.name}")
    (tmp_path / "2026.ics").write_bytes(cal.to_ical())
    (tmp_path / "2026.csv").write_text("\n".join(rows), encoding="utf-8-sig")
    for name in ("2026.ics", "2026.csv"):
        reading = calendar_import.read_file(tmp_path / name, today=TODAY)
        assert reading.ok, [str(p) for p in reading.problems]
        assert reading.days == dict(package.days), name


def test_an_ics_event_given_by_duration_or_timed_to_midnight_covers_its_days_only():
    """RFC 5545: a DURATION stands for DTEND, and an end at midnight ends the day before; a
    cancelled event is no day off. Read otherwise, 元旦 would be one day and the Monday after 春节
    a holiday."""
    raw = _ics("SUMMARY:元旦\r\nDTSTART;VALUE=DATE:20270101\r\nDURATION:P3D\r\n",
               "SUMMARY:春节\r\nDTSTART:20270205T000000\r\nDTEND:20270214T000000\r\n",
               _event("春节 补班", "20270214", "20270215"), _event("春节（班）", "20270220", "20270221"),
               _event("清明节", "20270403", "20270406", "STATUS:CANCELLED\r\n"))
    reading = calendar_import.read_ics(raw, today=TODAY)
    assert reading.ok, [str(p) for p in reading.problems]
    assert reading.days == dict(entered_2027().days)


def test_an_ics_event_mixing_a_date_and_a_time_is_flagged():
    raw = _ics("SUMMARY:元旦\r\nDTSTART;VALUE=DATE:20270101\r\nDTEND:20270103T120000\r\n",
               _event("春节", "20270205", "20270214"))
    reading = calendar_import.read_ics(raw, today=TODAY)
    assert not reading.ok
    assert reading.problems[0].line == 4 and "元旦" in str(reading.problems[0])


def test_a_recurring_or_another_years_ics_event_is_flagged():
    raw = _ics(_event("元旦", "20270101", "20270102", "RRULE:FREQ=YEARLY\r\n"), _event("春节", "20270205", "20270214"),
               _event("国庆节", "20280101", "20280102"))
    reading = calendar_import.read_ics(raw, 2027, today=TODAY)
    messages = [str(p) for p in reading.problems]
    assert not reading.ok
    assert any("repeats by a rule" in m for m in messages)
    assert any("2028-01-01 is in 2028, not 2027" in m for m in messages)
    assert reading.problems[0].line == 4  # the recurring event's BEGIN:VEVENT


@pytest.mark.parametrize("name, content, words", [
    ("empty.ics", b"", "empty"),
    ("empty.csv", b"", "empty"),
    ("empty.txt", b"", "empty"),
    ("no-events.ics", _ics(), "no events"),
    ("bad-row.csv", "date,kind,name\n2027-01-01,休,元旦\n2027-02-30,休,春节\n".encode(), "not a date"),
    ("bad-kind.csv", "2027-01-01,maybe,元旦\n".encode(), "write holiday"),
])
def test_an_empty_or_bad_file_is_flagged(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    reading = calendar_import.read_file(path, today=TODAY)
    assert not reading.ok
    assert any(words in p.message for p in reading.problems), [str(p) for p in reading.problems]


@pytest.mark.parametrize("name, content", [
    ("scan.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
    ("garbage.ics", b"this is not a calendar at all"),
    ("missing.txt", None),
])
def test_an_unreadable_file_is_refused_whole(tmp_path, name, content):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(UnreadableCalendar):
        calendar_import.read_file(path, today=TODAY)


# ----- the calendar in the database

def test_a_new_database_holds_the_packages_years(db):
    years = {row.year: row.source for row in CalendarYear.select()}
    assert set(years) == set(range(2004, 2027)) and set(years.values()) == {"package"}
    assert workcalendar.schedule_of(2026).days == workcalendar.package_schedules()[2026].days
    assert workcalendar.schedule_of(2027) is None
    assert not deadlines.is_working_day(dt.date(2026, 10, 1)) and deadlines.is_working_day(dt.date(2026, 10, 10))


def test_an_entered_2027_moves_deadlines_across_new_year_and_spring_festival(db, users):
    office = deadlines.OfficeHours.from_settings()
    # without 2027: weekdays counted, 元旦 and 春节 as working days
    assert add_working_hours(at("2026-12-31 10:00"), 24, office) == at("2027-01-04 16:00")
    assert add_working_hours(at("2027-02-04 10:00"), 24, office) == at("2027-02-08 16:00")
    calendar_years.save_year(users["manager"], entered_2027(), "notice", "entered")
    office = deadlines.OfficeHours.from_settings()
    # 元旦 Fri 1 – Sun 3 off: Thu 7.5 h, Mon 9 h, Tue 7.5 h
    assert add_working_hours(at("2026-12-31 10:00"), 24, office) == at("2027-01-05 16:00")
    assert deadlines.default_deadline(at("2026-12-31 10:00")) == at("2027-01-05 16:00")
    # 春节 Fri 5 – Sat 13 off, Sunday 14 worked: Thu 7.5 h, Sun 9 h, Mon 7.5 h
    assert add_working_hours(at("2027-02-04 10:00"), 24, office) == at("2027-02-15 16:00")
    # the make-up Saturday 20 February is worked
    assert add_working_hours(at("2027-02-19 17:00"), 1, office) == at("2027-02-20 09:00")
    assert deadlines.add_working_days(at("2026-12-31 10:00"), 2, office) == at("2027-01-05 17:30")


def test_a_year_without_a_calendar_is_said_to_be_an_estimate(db, users):
    questions = deadlines.deadline_questions(at("2027-01-04 16:00"), at("2026-12-31 10:00"))
    assert any("2027 has no working calendar yet" in q and "estimate" in q for q in questions)
    assert deadlines.estimated_years(at("2026-12-31 10:00"), at("2027-01-04 16:00")) == [2027]
    calendar_years.save_year(users["manager"], entered_2027(), "notice")
    assert deadlines.deadline_questions(at("2027-01-05 16:00"), at("2026-12-31 10:00")) == []


@pytest.mark.parametrize("deadline, words", [
    ("2026-10-01 10:00", "public holiday (National Day)"),
    ("2026-11-28 10:00", "not a working day"),
    ("2026-11-24 20:00", "outside office hours (08:30–17:30)"),
    ("2026-11-24 07:00", "outside office hours"),
])
def test_a_deadline_outside_working_time_is_questioned(db, deadline, words):
    questions = deadlines.deadline_questions(at(deadline), at("2026-09-01 10:00"))
    assert len(questions) == 1 and words in questions[0]


@pytest.mark.parametrize("deadline", ["2026-11-24 17:30", "2026-11-25 08:30", "2026-10-10 12:00"])
def test_a_deadline_in_working_time_is_not_questioned(db, deadline):
    assert deadlines.deadline_questions(at(deadline), at("2026-09-01 10:00")) == []


def test_changing_a_year_lists_the_open_slips_whose_deadlines_it_moves(db, users, frozen_now):
    across = received_slip(users["clerk"], deadline=at("2027-01-04 12:00"))
    before = received_slip(users["clerk"], deadline=at("2026-12-30 12:00"))
    change = calendar_years.save_year(users["manager"], entered_2027(), "notice", "entered.txt")
    assert [m.number for m in change.moved] == [across.number]
    moved = change.moved[0]
    # the working time left before the promise now ends a working day later (元旦 Friday is off)
    assert (moved.deadline, moved.proposed, moved.outside_working_time) == (at("2027-01-04 12:00"),
                                                                            at("2027-01-05 12:00"), False)
    # the agreed deadlines stay as agreed, and no slip's history changed
    assert Slip.get_by_id(across.id).deadline == at("2027-01-04 12:00")
    assert Slip.get_by_id(before.id).deadline == at("2026-12-30 12:00")
    assert [e.action for e in history.events_of(Slip.get_by_id(across.id))] == ["created"]
    event = audit.recent("calendar_year")[0]
    assert event.details["year"] == 2027 and event.details["deadlines_to_review"] == [across.number]
    told = [n for n in notices.for_user(users["supervisor"]) if n.kind == "deadline_recount"]
    assert [n.slip_id for n in told] == [across.id]
    assert told[0].text("en") == (f"The working calendar changed: slip {across.number}'s agreed deadline 2027-01-04 "
                                  "12:00 now counts to 2027-01-05 12:00. Review it with 李四; move it only with their "
                                  "agreement.")
    assert event.details["was_missing"] and "2027-01-01 holiday 元旦" in event.details["added"]
    # the person in charge moves it with the customer: the old and the new deadline in the history
    deadlines.move_deadline(across.id, moved.proposed, users["supervisor"], "张三本人（电话）", None,
                            "元旦放假，顺延一个工作日", expected_version=Slip.get_by_id(across.id).version)
    last = history.events_of(Slip.get_by_id(across.id))[-1]
    assert last.action == "deadline_moved"
    assert (last.details["deadline_from"], last.details["deadline_to"]) == (str(at("2027-01-04 12:00")),
                                                                            str(at("2027-01-05 12:00")))


def test_a_changed_day_flags_a_deadline_now_on_a_day_off(db, users, frozen_now):
    calendar_years.save_year(users["manager"], entered_2027(), "notice")
    slip = received_slip(users["clerk"], deadline=at("2027-02-20 17:30"))
    days = dict(entered_2027().days)
    del days[dt.date(2027, 2, 20)]  # the Saturday is not worked after all
    change = calendar_years.save_year(users["manager"], Schedule(2027, days), "manual")
    assert [(m.number, m.outside_working_time) for m in change.moved] == [(slip.number, True)]
    assert change.removed == {dt.date(2027, 2, 20): DayMark(WORKDAY, "春节")} and not change.added


def test_only_a_manager_changes_the_calendar(db, users):
    for name in ("clerk", "supervisor"):
        with pytest.raises(PermissionDenied):
            calendar_years.save_year(users[name], entered_2027(), "notice")
    with pytest.raises(PermissionDenied):
        calendar_warning.set_warn_from(users["supervisor"], 12, 1)
    assert workcalendar.schedule_of(2027) is None


def test_a_refused_schedule_saves_nothing(db, users):
    """All or nothing: a schedule with one wrong day leaves the year as it was, and the audit log."""
    calendar_years.save_year(users["manager"], entered_2027(), "notice")
    saved = dict(workcalendar.schedule_of(2027).days)
    audited = len(audit.recent("calendar_year"))
    days = dict(entered_2027().days)
    days.pop(dt.date(2027, 1, 1))
    days[dt.date(2027, 3, 3)] = DayMark(WORKDAY, "春节")  # a Wednesday: no make-up day
    with pytest.raises(ValidationFailed) as refused:
        calendar_years.save_year(users["manager"], Schedule(2027, days), "manual")
    assert "2027-03-03 is a weekday" in refused.value.errors["calendar"]
    clash = dict(entered_2027().days) | {dt.date(2026, 12, 27): DayMark(WORKDAY, "元旦")}
    calendar_years.save_year(users["manager"], Schedule(2026, dict(workcalendar.schedule_of(2026).days)
                                                      | {dt.date(2026, 12, 27): DayMark(HOLIDAY, "元旦")}), "manual")
    with pytest.raises(ValidationFailed) as refused:  # a day 2026's schedule says otherwise
        calendar_years.save_year(users["manager"], Schedule(2027, clash), "manual")
    assert "2026-12-27 is already a holiday in 2026's schedule" in refused.value.errors["calendar"]
    assert dict(workcalendar.schedule_of(2027).days) == saved
    assert len(audit.recent("calendar_year")) == audited + 1  # the 2026 change only
    with pytest.raises(ValidationFailed):
        calendar_years.save_year(users["manager"], Schedule(2040, dict(entered_2027().days)), "manual")
    assert workcalendar.schedule_of(2040) is None


def test_another_desk_sees_a_changed_calendar_at_its_next_deadline(db, users):
    """The days are kept between deadlines; a change by any desk (here: straight into the tables,
    as another desk's transaction lands) renews the token, and the next read sees it."""
    assert deadlines.is_working_day(dt.date(2026, 12, 28))
    CalendarDay.insert(day=dt.date(2026, 12, 28), year=2026, kind=HOLIDAY, name="元旦").execute()
    assert not deadlines.is_working_day(dt.date(2026, 12, 28))


def test_the_package_seeds_only_the_years_not_held(db, users):
    calendar_years.save_year(users["manager"], Schedule(2026, {dt.date(2026, 1, 1): DayMark(HOLIDAY, "元旦")}), "manual")
    CalendarYear.delete().where(CalendarYear.year == 2010).execute()
    CalendarDay.delete().where(CalendarDay.year == 2010).execute()
    assert workcalendar.seed_from_package() == [2010]
    assert workcalendar.schedule_of(2010).days == workcalendar.package_schedules()[2010].days
    assert len(workcalendar.schedule_of(2026).days) == 1  # the manager's 2026 stays


# ----- the dashboard's warning

def test_the_dashboard_warns_from_the_managers_day_while_next_year_is_missing(db, users):
    section = dashboard.section("calendar_missing")
    assert section.warning and section.page == "calendar"
    for name in ("clerk", "supervisor", "manager"):
        assert dashboard.counts(users[name], at("2026-11-24 10:00"))["calendar_missing"] == 1
    assert dashboard.counts(users["clerk"], at("2026-10-31 10:00"))["calendar_missing"] == 0
    assert dashboard.counts(users["clerk"], at("2026-11-01 08:00"))["calendar_missing"] == 1
    calendar_warning.set_warn_from(users["manager"], 12, 1)
    assert dashboard.counts(users["clerk"], at("2026-11-24 10:00"))["calendar_missing"] == 0
    assert dashboard.counts(users["clerk"], at("2026-12-01 08:00"))["calendar_missing"] == 1
    assert audit.recent("calendar_warn_from")[0].details == {"warn_from": "12-01"}
    calendar_years.save_year(users["manager"], entered_2027(), "notice")
    assert dashboard.counts(users["clerk"], at("2026-12-01 08:00"))["calendar_missing"] == 0
    with pytest.raises(ValidationFailed):
        calendar_warning.set_warn_from(users["manager"], 2, 29)
