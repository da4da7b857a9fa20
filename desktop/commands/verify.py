"""`slipdesk-admin verify --db PATH`: check the database and every slip's history chain."""
from __future__ import annotations

from desktop.commands.common import add_db_argument, open_db
from models import history
from models.slips import Slip


def register(sub) -> None:
    parser = sub.add_parser("verify", help="check the history hash chains; report the first tampered event")
    add_db_argument(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    where = open_db(args)
    breaks = 0
    for broken in history.verify_all():
        if breaks == 0:
            print(f"FIRST BREAK: {broken}")
        else:
            print(f"also: {broken}")
        breaks += 1
    total = Slip.select().count()
    if breaks:
        print(f"{where}: {breaks} slip(s) of {total:,} have a broken history")
        return 1
    print(f"{where}: the history of all {total:,} slips verifies")
    return 0
