"""`slipdesk-admin import FILE --db PATH`: import the resident directory from XLSX or CSV.

Every row is checked first; with any error the command lists them by row and imports nothing.
"""
from __future__ import annotations


from desktop.commands.common import add_db_argument, open_db
from models import residents_io, validation
from models.accounts import User
from models.errors import SlipdeskError
from models.i18n import plural, t
from models.vocab import Role


def register(sub) -> None:
    about = t("import the estate's units and residents from an .xlsx or .csv file: every row is checked first, "
              "and with any problem nothing is imported and the problems are listed row by row; a resident "
              "already in the directory (same unit and name) is updated, not added twice")
    parser = sub.add_parser("import", help=about, description=about)
    parser.add_argument("file", metavar=t("FILE"), help=t("the .xlsx or .csv file"))
    add_db_argument(parser)
    parser.add_argument("--sheet", metavar=t("SHEET"),
                        help=t("the workbook's sheet to read (default: the first)"))
    parser.add_argument("--map", action="append", default=[], metavar=t("FIELD=HEADING"),
                        help=t("read FIELD from the column headed HEADING, when the headings are not recognised by "
                               "themselves; FIELD is one of {fields}; repeat for several columns", fields=", ".join(residents_io.FIELDS)))
    parser.add_argument("--as", dest="username", metavar=t("USERNAME"),
                        help=t("the manager account the import is recorded under in the audit log (default: the "
                               "first active manager)"))
    parser.add_argument("--dry-run", action="store_true",
                        help=t("check every row and show the column mapping, import nothing"))
    parser.set_defaults(run=run)


def _manager(username: str | None) -> User:
    """The manager the import is recorded under: --as, else the desk's first active manager."""
    query = User.select().where(User.role == Role.MANAGER, User.active)
    if username and validation.has_control_chars(username):
        username = "?"
    user = (query.where(User.username == username) if username else query.order_by(User.id)).first()
    if user is None:
        raise SlipdeskError(t("no active manager account {name}: the import is recorded under a manager's name "
                              "(--as USERNAME)",
                              name=username or "").replace("  ", " "))
    return user


def run(args) -> int:
    open_db(args)
    table = residents_io.read_table(args.file, args.sheet)
    mapping = residents_io.guess_mapping(table.headers)
    for pair in args.map:
        field, sep, heading = pair.partition("=")
        if not sep or field not in residents_io.FIELDS or validation.has_control_chars(heading):
            raise SlipdeskError(t("--map wants FIELD=HEADING with FIELD one of {fields}.",
                                  fields=", ".join(residents_io.FIELDS)))
        mapping[field] = heading
    print(t("columns: {columns}", columns=", ".join(f"{f} ← “{h}”" for f, h in mapping.items())))
    plan = residents_io.plan(table, mapping)
    if not plan.ok:
        for error in plan.errors[:200]:
            print(f"  {error}")
        more = len(plan.errors) - 200
        print((t("  … and {n:,} more\n", n=more) if more > 0 else "")
              + t("nothing imported: {errors} in {rows}",
                  errors=plural(len(plan.errors), "error", "errors"),
                  rows=plural(len(table.rows), "row", "rows")))
        return 2
    if args.dry_run:
        print(t("{rows} check out; nothing imported (--dry-run)",
                rows=plural(len(plan.records), "row", "rows")))
        return 0
    counts = residents_io.apply(plan, _manager(args.username), source=str(args.file))
    print(t("imported {rows}: {units}, {added} added, {updated} updated",
            rows=plural(len(plan.records), "row", "rows"),
            units=plural(counts["units"], "new unit", "new units"),
            added=plural(counts["added"], "resident", "residents"),
            updated=plural(counts["updated"], "resident", "residents")))
    return 0
