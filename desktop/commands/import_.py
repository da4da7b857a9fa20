"""`slipdesk-admin import FILE --db PATH`: import the resident directory from XLSX or CSV.

Every row is checked first; with any error the command lists them by row and imports nothing.
"""
from __future__ import annotations

import sys

from desktop.commands.common import add_db_argument, open_db
from models import residents_io, validation
from models.accounts import User
from models.errors import SlipdeskError
from models.i18n import t
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
    """The manager the import is recorded under: --as, else the desk's first active manager."""
    query = User.select().where(User.role == Role.MANAGER, User.active)
    if username and validation.has_control_chars(username):
        username = "?"
    user = (query.where(User.username == username) if username else query.order_by(User.id)).first()
    if user is None:
        raise SlipdeskError(t("There is no active manager account {name}: the import is recorded under a manager's "
                              "name (--as USERNAME).", "没有名为 {name} 的有效经理账号：导入须记在一位经理名下（--as 用户名）。",
                              name=username or ""))
    return user


def run(args) -> int:
    open_db(args)
    table = residents_io.read_table(args.file, args.sheet)
    mapping = residents_io.guess_mapping(table.headers)
    for pair in args.map:
        field, sep, heading = pair.partition("=")
        if not sep or field not in residents_io.FIELDS or validation.has_control_chars(heading):
            raise SlipdeskError(t("--map wants FIELD=HEADING with FIELD one of {fields}.",
                                  "--map 的格式为 字段=列标题，字段为 {fields} 之一。",
                                  fields=", ".join(residents_io.FIELDS)))
        mapping[field] = heading
    print(t("columns: {columns}", "列：{columns}", columns=", ".join(f"{f} ← “{h}”" for f, h in mapping.items())))
    plan = residents_io.plan(table, mapping)
    if not plan.ok:
        for error in plan.errors[:200]:
            print(f"  {error}")
        more = len(plan.errors) - 200
        if more > 0:
            print(t("  … and {more} more", "  …… 另有 {more} 处", more=more))
        print(t("nothing imported: {errors} error(s) in {rows} row(s)", "未导入任何内容：{rows} 行中有 {errors} 处错误",
                errors=len(plan.errors), rows=len(table.rows)))
        return 2
    if args.dry_run:
        print(t("{rows} row(s) check out; nothing imported (--dry-run)", "{rows} 行均无误；未导入（--dry-run）",
                rows=len(plan.records)))
        return 0
    counts = residents_io.apply(plan, _manager(args.username), source=str(args.file))
    print(t("imported {rows} row(s): {units} new unit(s), {added} resident(s) added, {updated} updated",
            "已导入 {rows} 行：新增 {units} 个房号，新增 {added} 位住户，更新 {updated} 位", rows=len(plan.records),
            units=counts["units"], added=counts["added"], updated=counts["updated"]))
    return 0
