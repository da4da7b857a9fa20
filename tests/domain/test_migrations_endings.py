"""Schema step "endings" (models.migrations.STEP_ENDINGS): a version-8 database upgrades, and its
slips, replies, thanks after letters and comment-book entries keep their meaning."""
from __future__ import annotations

import datetime as dt

from models import clock, commentbook, migrations, replies
from models.db import database
from models.replies import ReplyInput, ThanksFollowUp
from models.slips import Slip
from models.connection import close_database, open_database
from models.vocab import Opinion, ReplyMethod, Status
from tests.support.slips import slip_in


def _back_to_the_step_before() -> None:
    """Undo the step on the open database (either backend): its columns gone, the version before it."""
    for table, columns in migrations.STEP_ENDINGS_COLUMNS.items():
        for column in columns:
            database.execute_sql(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
    database.execute_sql(f'UPDATE "schema_version" SET "version" = {migrations.STEP_ENDINGS - 1}')


def test_step_endings_upgrades_the_database_before_it_on_each_backend(db_url, users, frozen_now):
    closed = slip_in(Status.CLOSED, users)
    answered = slip_in(Status.ANSWERED, users)
    replied = slip_in(Status.HANDLED, users)
    letter = replies.save_letter(replied.id, users["clerk"], "您反映的问题已处理。", expected_version=replied.version)
    replies.submit_letter(replied.id, users["clerk"], expected_version=Slip.get_by_id(replied.id).version)
    replies.approve_letter(letter.id, users["supervisor"], expected_version=Slip.get_by_id(replied.id).version)
    replies.record(replied.id, users["clerk"], ReplyInput(ReplyMethod.LETTER, opinion=Opinion.ACCEPTED),
                   expected_version=Slip.get_by_id(replied.id).version)
    thanked = slip_in(Status.HANDLED, users)
    other = replies.save_letter(thanked.id, users["clerk"], "您反映的问题已处理。", expected_version=thanked.version)
    replies.submit_letter(thanked.id, users["clerk"], expected_version=Slip.get_by_id(thanked.id).version)
    replies.approve_letter(other.id, users["supervisor"], expected_version=Slip.get_by_id(thanked.id).version)
    replies.record(thanked.id, users["clerk"], ReplyInput(ReplyMethod.LETTER, opinion=Opinion.ACCEPTED),
                   expected_version=Slip.get_by_id(thanked.id).version)
    done_at = frozen_now + dt.timedelta(hours=2)
    clock.freeze(done_at)
    replies.complete_follow_up(replies.open_follow_up(thanked).id, users["clerk"], method=ReplyMethod.PHONE,
                               expected_version=Slip.get_by_id(thanked.id).version)
    commentbook.record_check(users["clerk"], ["电梯里很脏。"])
    with database.atomic():
        _back_to_the_step_before()
    close_database()

    open_database(db_url)
    assert migrations.current_version() == migrations.LATEST
    # closed and answered slips keep their status and meaning; nothing ended as not accepted
    assert Slip.get_by_id(closed.id).status == Status.CLOSED and Slip.get_by_id(answered.id).status == Status.ANSWERED
    assert Slip.select().where(Slip.end_reason.is_null(False)).count() == 0
    # a thanks done keeps when it was done (and was recorded then); one still owed is still owed
    done = ThanksFollowUp.get(ThanksFollowUp.slip == thanked.id)
    assert (done.done_at, done.recorded_at, done.impossible_reason) == (done_at, done_at, None)
    assert replies.open_follow_up(replied) is not None
    # the replies keep their opinion; an old entry has no text, and the book still lists it
    assert replies.replies_of(replied)[0].opinion == Opinion.ACCEPTED
    (entry,) = commentbook.pending_entries()
    assert entry.text is None
    # the new rules apply: the letter slip waits for its thanks before it closes
    assert "thanked again" in " ".join(replies.missing_for_complete(Slip.get_by_id(replied.id)))
    assert replies.is_complete(Slip.get_by_id(thanked.id))
    close_database()
    open_database(db_url)  # and opening again changes nothing
    assert migrations.current_version() == migrations.LATEST
