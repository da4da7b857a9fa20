"""A second desk in its own process, driven line by line over stdin (JSON in, JSON out).

Commands: {"open": slip_id} reads the slip as an edit form would; {"edit": {field: value}}
saves on the version opened; {"save_slips": n} saves n new slips, printing each number as its
save returns (the crash test kills the process at random moments); {"step": action, "slip": id,
"inputs": {…}} takes a workflow step on the slip as stored now; {"book_check": [text, …]} records
the comment book's check with the new entries' texts; {"read_all": true} marks every notice of the
desk's user read. Each change answers with the wall-clock moment (time.time()) its transaction committed,
for the latency figure of `slipdesk-admin bench-live`.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time

from models import clock, commentbook, edits, intake, notices, workflow
from models.accounts import User
from models.catalog import Category
from models.errors import SlipdeskError, StaleSlip
from models.slips import Slip
from models.connection import open_database


def _reply(**values) -> None:
    print(json.dumps(values, ensure_ascii=False, default=str), flush=True)


def _save_slips(count: int, user: User) -> None:
    category = Category.get(Category.code == "noise").id
    now = clock.now()
    for index in range(count):
        slip = intake.save(intake.Intake(
            customer_request="希望尽快处理。",
            channel="phone", complainant_name=f"测试{index}", complaint="楼上噪音" * 20, read_back=True,
            category_id=category, caller_number="13812345678", call_time=now, thanked=True,
            deadline=now + dt.timedelta(days=1)), user)
        _reply(saved=slip.number, id=slip.id, at=time.time())


def _step(command: dict, user: User) -> None:
    slip = Slip.get_by_id(command["slip"])
    try:
        done = workflow.apply(slip.id, command["step"], user, expected_version=slip.version,
                              **command.get("inputs", {}))
    except SlipdeskError as refused:
        _reply(refused=str(refused))
        return
    _reply(status=done.status, version=done.version, at=time.time())


def main() -> None:
    if os.environ.get("SLIPDESK_TEST_NOW"):  # the test's moment, never the wall clock
        clock.freeze(dt.datetime.fromisoformat(os.environ["SLIPDESK_TEST_NOW"]))
    open_database(sys.argv[1])
    user = User.get(User.username == sys.argv[2])
    opened: dict = {}
    _reply(ready=True)
    for line in sys.stdin:
        command = json.loads(line)
        if "open" in command:
            slip = Slip.get_by_id(command["open"])
            opened = {"id": slip.id, "version": slip.version, "base": edits.snapshot(slip)}
            _reply(version=slip.version)
        elif "edit" in command:
            try:
                slip = edits.edit_slip(opened["id"], opened["version"], command["edit"], user, opened["base"])
                _reply(saved=slip.version)
            except StaleSlip as stale:
                _reply(stale=str(stale), version=stale.current_version,
                       changes={k: [c.base, c.theirs, c.mine] for k, c in stale.changes.items()})
        elif "save_slips" in command:
            _save_slips(command["save_slips"], user)
        elif "step" in command:
            _step(command, user)
        elif "book_check" in command:
            check = commentbook.record_check(user, command["book_check"], "")
            _reply(check=check.id, at=time.time())
        elif "read_all" in command:
            notices.mark_all_read(user)
            _reply(read=True, at=time.time())


if __name__ == "__main__":
    main()
