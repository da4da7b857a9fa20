"""Write tests/data/schema_v8.db.gz: a small database as Slipdesk wrote it at schema version 8.

Made once, by the code of commit 19d42ab (the last one at schema 8), so that the upgrade test
(tests/domain/test_migrations_integrity.py) shows that a database written before history carried
its facts still verifies after the upgrade. Never regenerate it with later code: its point is
that it was written by the old one.

It holds demo slips (the bulk writer's history) and slips taken through the desk's own functions:
every workflow state, a corrected field, a moved deadline, a letter scan, a reply letter drafted,
approved and sent, a thank-you follow-up, a motive, satisfaction, a return visit, a reward and
an escalation with its transmittal; accounts added and changed, settings changed.
"""
from __future__ import annotations

import datetime as dt
import gzip
import shutil
import sqlite3
import tempfile
from pathlib import Path

TARGET = Path(__file__).with_name("schema_v8.db.gz")
MOMENT = dt.datetime(2026, 11, 24, 10, 0, 0)
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def build(path: Path) -> None:
    from models import (clock, deadlines, demo, desk_security, edits, intake, motives, replies, satisfaction,
                        staff)
    from models.accounts import User
    from models.connection import close_database, open_database
    from models.vocab import Role, Status
    from tests.support.slips import phone_intake, reply_input, slip_in, step

    clock.freeze(MOMENT)
    open_database(path)
    demo.generate_slips(12, seed=7)
    names = ("clerk", "clerk2", "supervisor", "manager", "liu", "liu.sup")
    users = {name.replace(".", "_"): User.get(User.username == name) for name in names if
             User.get_or_none(User.username == name)}
    manager = User.get(User.role == Role.MANAGER)
    users["manager"] = manager
    users["clerk2"] = staff.add_user(manager, "clerk9", "陈丽", Role.CLERK, "C009", "password1")
    users["supervisor"] = User.get(User.username == "supervisor")
    for status in (Status.RECEIVED, Status.ANSWERED, Status.IN_HANDLING, Status.AWAITING_CONFIRMATION,
                   Status.ESCALATED, Status.HANDLED, Status.REPLIED, Status.CLOSED):
        slip_in(status, users)
    slip = intake.save(phone_intake(complaint="电梯夜里异响，吵得睡不着。"), users["clerk"])
    edits.edit_slip(slip.id, slip.version, {"complainant_name": "张三丰", "handling_notes": "已通知工程部"},
                    users["clerk"])
    slip = slip.__class__.get_by_id(slip.id)
    deadlines.move_deadline(slip.id, MOMENT + dt.timedelta(days=3), users["clerk"], "张三丰", None,
                            "业主同意延期", slip.version)
    letter = intake.save(intake.Intake(channel="letter", complainant_name="王五", complaint="来信反映垃圾清运不及时。",
                                       category_id=slip.category_id, deadline=MOMENT + dt.timedelta(days=2),
                                       letter_received=MOMENT.date(), sender_address="阳光花园3-2-1201",
                                       letter_scans=[intake.LetterScan("scan.pdf", PDF)]), users["clerk"])
    letter = step(letter, "assign", users["clerk"], department=deadlines_department())
    letter = step(letter, "record_handling", users["clerk"], result="已增加清运班次。")
    drafted = replies.save_letter(letter.id, users["clerk"], "王五先生：您好！来信收悉……",
                                  expected_version=letter.version)
    letter = letter.__class__.get_by_id(letter.id)
    replies.submit_letter(letter.id, users["clerk"], expected_version=letter.version)
    letter = letter.__class__.get_by_id(letter.id)
    replies.approve_letter(drafted.id, users["supervisor"], expected_version=letter.version)
    letter = letter.__class__.get_by_id(letter.id)
    done = replies.record(letter.id, users["clerk"], reply_input(method="letter", opinion="accepted"),
                          expected_version=letter.version)
    follow_up = replies.open_follow_up(letter.id)
    clock.freeze(MOMENT + dt.timedelta(hours=1))
    replies.complete_follow_up(follow_up.id, users["clerk"], method="phone", expected_version=done.slip.version)
    letter = letter.__class__.get_by_id(letter.id)
    suggestion = motives.suggest(letter.complaint)
    motives.confirm(letter.id, users["clerk"], motives.Choice.of(suggestion), suggestion,
                    expected_version=letter.version)
    letter = letter.__class__.get_by_id(letter.id)
    letter = replies.close_accepted(letter.id, users["clerk"], expected_version=letter.version)
    satisfaction.record_satisfaction(letter.id, users["clerk"], 6, True, expected_version=letter.version)
    letter = letter.__class__.get_by_id(letter.id)
    visit = satisfaction.schedule_return_visit(letter.id, users["clerk"], MOMENT + dt.timedelta(days=2),
                                               expected_version=letter.version)
    letter = letter.__class__.get_by_id(letter.id)
    satisfaction.record_return_visit(visit.id, users["clerk"], "业主表示满意。", 7, True,
                                     expected_version=letter.version)
    letter = letter.__class__.get_by_id(letter.id)
    satisfaction.reward_suggestion(letter.id, users["manager"], "small_gift", "赠送小礼品",
                                   expected_version=letter.version)
    staff.update_user(manager, users["clerk2"].id, "陈丽华", "C019", Role.SUPERVISOR)
    desk_security.set_desk_security(manager, 15, "", 10)
    deadlines.set_office_hours(manager, "08:00", "18:00", [0, 1, 2, 3, 4])
    close_database()


def deadlines_department() -> int:
    from tests.support.slips import department

    return department("engineering")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "v8.db"
        build(path)
        con = sqlite3.connect(path)
        assert con.execute("SELECT version FROM schema_version").fetchone()[0] == 8
        con.execute("PRAGMA journal_mode=DELETE")
        con.execute("VACUUM")
        con.close()
        with open(path, "rb") as source, gzip.open(TARGET, "wb", compresslevel=9) as target:
            shutil.copyfileobj(source, target)
    print(f"wrote {TARGET} ({TARGET.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
