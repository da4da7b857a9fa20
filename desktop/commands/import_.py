"""`slipdesk-admin import FILE --db PATH`: import the resident directory from XLSX or CSV.

Every row is checked first; with any error the command lists them by row and imports nothing.
"""
from __future__ import annotations

import sys

from desktop.commands.common import add_db_argument, open_db
from models import residents_io
from models.accounts import User
from models.errors import SlipdeskError
from models.vocab import Role


def register(sub) -> None:
    parser = sub.add_parser("import", help="import units and residents from an .xlsx or .csv file (all or nothing)")
    parser.add_argument("file", metavar="FILE")
    add_db_argument(parser)
    parser.add_argument("--sheet", help="the workbook sheet (default: the first)")
    parser.add_argument("--map", action="append", default=[], metavar="FIELD=HEADING",
                        help=f"map a column to a field ({', '.join(residents_io.FIELDS)}); repeatable")
    parser.add_argument("--as", dest="username", help="the manager account recorded in the audit log")
    parser.add_argument("--dry-run", action="store_true", help="check and preview only")
    parser.set_defaults(run=run)


def _manager(username: str | None) -> User:
    query = User.select().where(User.role == Role.MANAGER, User.active)
    user = (query.where(User.username == username) if username else query.order_by(User.id)).first()
    if user is None:
        raise SlipdeskError(f"no active manager account {username or ''}".strip()
                            + ": the import is recorded under a manager's name (--as USERNAME)")
    return user


def run(args) -> int:
    open_db(args)
    table = residents_io.read_table(args.file, args.sheet)
    mapping = residents_io.guess_mapping(table.headers)
    for pair in args.map:
        field, sep, heading = pair.partition("=")
        if not sep or field not in residents_io.FIELDS:
            print(f"slipdesk-admin import: --map wants FIELD=HEADING with FIELD one of "
                  f"{', '.join(residents_io.FIELDS)}", file=sys.stderr)
            return 2
        mapping[field] = heading
    print("columns: " + ", ".join(f"{f} ← “{h}”" for f, h in mapping.items()))
    plan = residents_io.plan(table, mapping)
    if not plan.ok:
        for error in plan.errors[:200]:
            print(f"  {error}")
        more = len(plan.errors) - 200
        print((f"  … and {more} more\n" if more > 0 else "")
              + f"nothing imported: {len(plan.errors)} error(s) in {len(table.rows)} row(s)")
        return 2
    if args.dry_run:
        print(f"{len(plan.records)} row(s) check out; nothing imported (--dry-run)")
        return 0
    counts = residents_io.apply(plan, _manager(args.username), source=str(args.file))
    print(f"imported {len(plan.records)} row(s): {counts['units']} new unit(s), "
          f"{counts['added']} resident(s) added, {counts['updated']} updated")
    return 0
