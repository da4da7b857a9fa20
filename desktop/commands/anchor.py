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
    about = t("record every chain's head and the counters outside the database (its anchor file)",
              "把每条记录链的最新哈希和计数记录在数据库之外（其锚点文件）")
    parser = sub.add_parser("anchor", help=about, description=about)
    add_db_argument(parser)
    parser.add_argument("-o", "--output", metavar=t("FILE", "文件"),
                        help=t("also write the anchor to FILE", "同时把锚点写入该文件"))
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
