"""`slipdesk-admin move --from DESK.db --to postgresql://… --estate CODE`: bring a one-desk
SQLite estate into the company's database (models.moves): every slip, event, reply, attachment
and account, history chains intact and verified before it commits; all or nothing."""
from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.company import owner_db_help, require_postgres
from models import moves
from models.i18n import t


def register(sub) -> None:
    about = t("move a one-desk SQLite estate into a company database")
    parser = sub.add_parser("move", help=about, description=about)
    parser.add_argument("--from", dest="source", required=True, metavar=t("DESK.db"),
                        help=t("the desk's SQLite file (read from a copy, never changed)"))
    parser.add_argument("--to", dest="target", required=True, metavar="postgresql://…",
                        help=owner_db_help())
    parser.add_argument("--estate", required=True, metavar=t("CODE"),
                        help=t("the estate it becomes (estate add first)"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    require_postgres(args.target)
    print(moves.move(Path(args.source), args.target, args.estate))
    return 0
