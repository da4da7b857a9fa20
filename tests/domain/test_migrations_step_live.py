"""Schema step STEP_LIVE: a version before it opens with its slips and notices as they were, the
notices whose task the slip has moved past done, the others still asking; on PostgreSQL the
desks are told of changes from then on."""
from __future__ import annotations

import datetime as dt
import select

from models import history, intake, live, migrations, notices
from models.db import database, is_sqlite
from models.history import SlipEvent
from models.notices import OPEN_BY_SLIP, Notice
from models.slips import Slip
from models.connection import close_database, open_database
from models.vocab import Status
from tests.data.make_schema_v1 import without_live_columns
from tests.support.slips import department, phone_intake, step


def _back_before_the_step() -> None:
    """Undo step STEP_LIVE on the open database (either backend), its notices kept as an older desk
    wrote them (the department's copy of a confirmed escalation was an "escalated" notice too)."""
    database.execute_sql("UPDATE \"notice\" SET \"kind\" = 'escalated' WHERE \"kind\" = 'sent_up'")
    if is_sqlite():
        database.execute_sql("PRAGMA foreign_keys = OFF")
        without_live_columns(database.connection())
        database.execute_sql("PRAGMA foreign_keys = ON")
    else:
        for trigger, table in (("live_slip_insert", "slip"), ("live_slip_update", "slip"),
                               *((f"live_{table}", table) for table in live.TOPIC_TABLES)):
            database.execute_sql(f'DROP TRIGGER "{trigger}" ON "{table}"')
        database.execute_sql('DROP FUNCTION "live_notify_slips"(), "live_notify_topic"()')
        database.execute_sql(f'DROP INDEX "{OPEN_BY_SLIP._name}"')
        for column in migrations.STEP_LIVE_NOTICE_COLUMNS:
            database.execute_sql(f'ALTER TABLE "notice" DROP COLUMN "{column}"')
    database.execute_sql('UPDATE "schema_version" SET "version" = ?'.replace("?", database.param),
                         (migrations.STEP_LIVE - 1,))


def test_step_live_upgrades_an_older_database_on_each_backend(db_url, users, frozen_now):
    soon = frozen_now + dt.timedelta(hours=2)
    confirmed = intake.save(phone_intake(complaint="电梯困人，我要求赔偿。", deadline=soon), users["clerk"])
    assert confirmed.status == Status.AWAITING_CONFIRMATION  # the rules sent it to the person in charge
    confirmed = step(confirmed, "confirm_escalation", users["supervisor"], recipient="赵经理")
    waiting = intake.save(phone_intake(complaint="物业费多收了，我要投诉到媒体。", deadline=soon), users["clerk2"])
    replied = intake.save(phone_intake(complaint="楼道灯不亮。", deadline=soon, caller_number="13900007777",
                                       unit_code="8-1-101"), users["clerk"])
    came_back = intake.save(phone_intake(complaint="地下车库漏水，车被泡了，我要找律师。", caller_number="13900008888",
                                         unit_code="7-1-101"), users["clerk"])
    came_back = step(came_back, "confirm_escalation", users["supervisor"], recipient="赵经理")
    step(came_back, "record_handling", users["clerk"], result="上级部门书面答复：由保险公司理赔。")
    assert [n.kind for n in notices.scan_deadlines()] == ["due", "due", "due"]
    replied = step(replied, "assign", users["clerk"], department=department("engineering"))
    step(step(replied, "record_handling", users["clerk"], result="已修复"), "record_reply", users["clerk"],
         method="phone", summary="电话告知已修复。", opinion="accepted")
    before = {s.id: (s.status, s.version, s.event_count, s.history_head) for s in Slip.select()}
    database.close()
    database.connect()
    _back_before_the_step()
    close_database()

    open_database(db_url)
    assert migrations.current_version() == migrations.LATEST
    assert {s.id: (s.status, s.version) for s in Slip.select()} == {i: v[:2] for i, v in before.items()}
    for slip_id, (_status, _version, count, head) in before.items():  # every event kept as it was; the
        # integrity step, taken back with the others, ran again and only sealed each slip once more
        events = list(SlipEvent.select().where(SlipEvent.slip == slip_id).order_by(SlipEvent.seq))
        assert events[count - 1].hash == head and [e.action for e in events[count:]] == ["sealed"]
    assert all(history.verify_slip(slip) is None for slip in Slip.select())
    still_asking = {(n.slip_id, n.kind) for n in Notice.select().where(Notice.done_at.is_null())}
    # the confirmed escalation and the kept promise are done; the waiting escalation still asks
    assert (confirmed.id, "escalation_requested") not in still_asking
    assert (replied.id, "due") not in still_asking
    assert {(waiting.id, "escalation_requested"), (waiting.id, "due"), (confirmed.id, "due")} <= still_asking
    # the department's copy of a slip sent up is done once it came back; not while it is still up there
    department_copies = Notice.select().where(Notice.kind == "escalated", Notice.department.is_null(False))
    assert {n.slip_id: n.done_at is not None for n in department_copies} == {came_back.id: True, confirmed.id: False}
    clerk_told = Notice.select().where(Notice.kind == "escalated", Notice.user == users["clerk"].id)
    assert clerk_told.count() == 2 and all(n.done_at is None for n in clerk_told)  # the clerk's copies only tell
    assert notices.unread_count(users["supervisor"]) == 1  # the waiting one

    # the new step works on the upgraded database, and (PostgreSQL) its changes are told
    watch = live.Listener.for_database(database.obj) if not is_sqlite() else None
    if watch is not None:
        watch.connect()
    done = step(Slip.get_by_id(waiting.id), "confirm_escalation", users["manager"], recipient="赵经理")
    assert done.status == Status.ESCALATED and notices.unread_count(users["supervisor"]) == 0
    if watch is not None:
        assert select.select([watch.fileno()], [], [], 2)[0] and watch.drain().slip_ids == {waiting.id}
        watch.close()
    close_database()
    open_database(db_url)  # and opening again changes nothing
    assert migrations.current_version() == migrations.LATEST
