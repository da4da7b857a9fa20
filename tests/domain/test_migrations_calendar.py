"""Schema step STEP_CALENDAR: the working calendar's tables, seeded with the package's years, on a
database of the version before; the slips keep their deadlines and count them as before."""
from __future__ import annotations

from models import deadlines, intake, migrations, workcalendar
from models.db import database
from models.slips import Slip
from models.connection import close_database, open_database
from models.workcalendar import CalendarDay, CalendarYear
from tests.support.slips import phone_intake


def _back_to_the_version_before() -> None:
    """Undo the step on the open database (either backend): its tables go, and their triggers with them."""
    for model in reversed(migrations.step_calendar_models()):
        database.execute_sql(f'DROP TABLE "{model._meta.table_name}"')
    database.execute_sql(f'UPDATE "schema_version" SET "version" = {migrations.STEP_CALENDAR - 1}')


def test_the_calendar_step_upgrades_the_version_before_on_each_backend(db_url, users, frozen_now):
    promised = deadlines.default_deadline(frozen_now)
    slip = intake.save(phone_intake(deadline=promised), users["clerk"])
    with database.atomic():
        _back_to_the_version_before()
    assert not database.table_exists("calendar_year")
    close_database()

    open_database(db_url)
    assert migrations.current_version() == migrations.LATEST
    assert {row.year for row in CalendarYear.select()} == set(workcalendar.package_schedules())
    assert CalendarDay.select().count() == sum(len(s.days) for s in workcalendar.package_schedules().values())
    kept = Slip.get_by_id(slip.id)
    assert (kept.deadline, kept.status, kept.version) == (promised, slip.status, slip.version)
    assert deadlines.default_deadline(frozen_now) == promised  # counted the same as before the step
    # the tables renew the rules' token: a change is seen at the next deadline
    token = workcalendar.current()
    CalendarDay.delete().where(CalendarDay.day == CalendarDay.select(CalendarDay.day).limit(1)).execute()
    assert workcalendar.current() is not token
    close_database()
    open_database(db_url)  # and opening again changes nothing
    assert migrations.current_version() == migrations.LATEST
