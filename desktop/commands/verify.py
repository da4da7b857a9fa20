"""`slipdesk-admin verify --db PATH`: check every slip's history chain, then that no whole slip
(with its history) was deleted: the chain cannot see a slip that is gone, its number can."""
from __future__ import annotations

from desktop.commands.common import add_db_argument, open_db
from models import history, integrity
from models.i18n import t
from models.slips import Slip


def register(sub) -> None:
    parser = sub.add_parser("verify", help="check the history hash chains and the slip numbers; report the first "
                                           "tampered event and any deleted slips")
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
    else:
        print(f"{where}: the history of all {total:,} slips verifies")
    missing = integrity.missing_slips()
    for gap in missing:
        print(t("MISSING: {gap}", "缺失：{gap}", gap=gap))
    if missing:
        print(t("{where}: {count:,} slip number(s) issued but held by no slip: deleted slips",
                "{where}：{count:,} 个已发出的处理单编号找不到处理单：处理单被删除", where=where,
                count=integrity.missing_count(missing)))
    return 1 if breaks or missing else 0
