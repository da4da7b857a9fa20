"""`slipdesk-admin anchor --db PATH [-o FILE]`: anchor the database now, outside it.

The anchor (models.anchors) is kept in the database's anchor file and, with `-o`, written to
FILE as well (a USB drive, another machine); its fingerprint is printed to be noted down.
"""
from __future__ import annotations

from pathlib import Path

from desktop.commands.common import add_db_argument, open_db, writable_output
from models import anchors
from models.i18n import t


def register(sub) -> None:
    parser = sub.add_parser("anchor", help="record every chain's head and the counters outside the database")
    add_db_argument(parser)
    parser.add_argument("-o", "--output", metavar="FILE", help="also write the anchor to FILE")
    parser.set_defaults(run=run)


def run(args) -> int:
    output = writable_output(args.output) if args.output else None
    open_db(args)
    anchor = anchors.take_and_keep()
    if output is not None:
        anchors.write(anchor, output)
    print(t("anchored: {anchor}", "已记录锚点：{anchor}", anchor=anchor.describe()))
    print(t("kept in {path}", "保存在 {path}", path=anchors.path_for(anchor.database_id))
          + ("" if output is None else t(" and {path}", " 和 {path}", path=Path(output))))
    return 0
