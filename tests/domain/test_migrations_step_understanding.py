"""Schema step STEP_UNDERSTANDING: the customer's request, the named manager, progress, repeats and
causes on the slip; the categories' words; the firm signal; never said apart from better said."""
from __future__ import annotations

import datetime as dt

from playhouse.migrate import make_index_name

from models import authority, causes, history, intake, migrations, phrases, progress
from models.catalog import Category
from models.db import database
from models.phrases import ForbiddenPhrase
from models.slips import Slip
from models.connection import close_database, open_database
from models.vocab import Status
from tests.support.slips import phone_intake, step, valid_inputs


def _back_to_the_step_before() -> None:
    """Undo the step on the open database (either backend), as a desk of the version before had it."""
    for table, columns in migrations.STEP_UNDERSTANDING_INDEXES:
        database.execute_sql(f'DROP INDEX "{make_index_name(table, columns)}"')
    for table, columns in migrations.STEP_UNDERSTANDING_COLUMNS.items():
        for column in columns:
            database.execute_sql(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
    database.execute_sql('DELETE FROM "escalation_signal" WHERE "code" = %s' % f"'{authority.MISCONDUCT}'")
    database.execute_sql('DELETE FROM "motive_rule" WHERE "code" IN (\'suggestion.words\', \'compensation.words\', \'scheming.words\')')
    database.execute_sql('INSERT INTO "setting" ("key", "value") VALUES (\'authority.repeat_count\', \'2\')')
    database.execute_sql(f'UPDATE "schema_version" SET "version" = {migrations.STEP_UNDERSTANDING - 1}')


def test_an_older_desk_upgrades_and_its_slips_keep_their_meaning(db_url, users, frozen_now):
    closed = intake.save(phone_intake(deadline=frozen_now + dt.timedelta(hours=3)), users["clerk"])
    for action in ("record_handling", "record_reply", "close"):
        closed = step(closed, action, users["clerk"], **valid_inputs(action))
    waiting = intake.save(phone_intake(complaint="物业费多收了，要求退费。", unit_code="5-1-101",
                                       caller_number="13912345678"), users["clerk"])
    with database.atomic():
        _back_to_the_step_before()
    close_database()

    open_database(db_url)
    assert migrations.current_version() == migrations.LATEST
    old = Slip.get_by_id(closed.id)
    assert (old.status, old.customer_request, old.repeat_of, old.named_person) == (Status.CLOSED, "", "", "")
    assert history.verify_slip(old) is None and causes.missing(old) is None
    beyond = Slip.get_by_id(waiting.id)
    assert beyond.status == Status.AWAITING_CONFIRMATION and beyond.root_cause == "" and beyond.progress_told_at is None
    assert causes.required(beyond)  # beyond authority: its cause will be asked before it closes
    assert not progress.is_quiet(beyond)
    # what the step brings: the firm signal, the words, the better wording, the repeat rule by unit or caller
    assert authority.assess({"complaint": "保安索要好处费", "category_id": None}).firm
    assert Category.get(Category.code == "leak").keywords
    assert ForbiddenPhrase.get(ForbiddenPhrase.phrase == "这是我们的过失").severity == phrases.BETTER
    assert ForbiddenPhrase.get(ForbiddenPhrase.phrase == "我不知道").severity == phrases.BANNED
    assert database.execute_sql('SELECT COUNT(*) FROM "setting" WHERE "key" = \'authority.repeat_count\'').fetchone()[0] == 0
    again = intake.save(phone_intake(unit_code="", caller_number="13912345678"), users["clerk"])
    assert again.repeat_of == waiting.number  # the same caller, a week's window or not
    close_database()
    open_database(db_url)  # and opening again changes nothing
    assert migrations.current_version() == migrations.LATEST
