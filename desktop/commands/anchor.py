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
    about = t("record every chain's head and the counters outside the database (its anchor file)")
    parser = sub.add_parser("anchor", help=about, description=about)
    add_db_argument(parser)
    parser.add_argument("-o", "--output", metavar=t("FILE"),
                        help=t("also write the anchor to FILE"))
    parser.set_defaults(run=run)


def run(args) -> int:
    output = writable_output(args.output) if args.output else None
    open_db(args)
    anchor = anchors.take_and_keep()
    if output is not None:
        anchors.write(anchor, output)
    print(t("anchored: {anchor}", anchor=anchor.describe()))
    print(t("kept in {path}", path=anchors.path_for(anchor.database_id))
          + ("" if output is None else t(" and {path}", path=Path(output))))
    return 0
