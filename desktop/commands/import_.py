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
              "already in the directory (same unit and name) is updated, not added twice",
              "从 .xlsx 或 .csv 文件导入本小区的房屋和住户：先逐行检查，只要有一处问题就一行也不导入，并逐行列出"
              "问题；目录中已有的住户（房号和姓名相同）会被更新，不会重复添加")
    parser = sub.add_parser("import", help=about, description=about)
    parser.add_argument("file", metavar=t("FILE", "文件"), help=t("the .xlsx or .csv file", ".xlsx 或 .csv 文件"))
    add_db_argument(parser)
    parser.add_argument("--sheet", metavar=t("SHEET", "工作表"),
                        help=t("the workbook's sheet to read (default: the first)", "要读取的工作表（默认：第一个）"))
    parser.add_argument("--map", action="append", default=[], metavar=t("FIELD=HEADING", "字段=列标题"),
                        help=t("read FIELD from the column headed HEADING, when the headings are not recognised by "
                               "themselves; FIELD is one of {fields}; repeat for several columns",
                               "当列标题无法自动识别时，从标题为“列标题”的列读取“字段”；字段为 {fields} 之一；"
                               "多列可重复使用", fields=", ".join(residents_io.FIELDS)))
    parser.add_argument("--as", dest="username", metavar=t("USERNAME", "用户名"),
                        help=t("the manager account the import is recorded under in the audit log (default: the "
                               "first active manager)", "审计日志中记录的经理账户（默认：第一个在用的经理账户）"))
    parser.add_argument("--dry-run", action="store_true",
                        help=t("check every row and show the column mapping, import nothing",
                               "只检查每一行并显示列的对应关系，不导入"))
    parser.set_defaults(run=run)


def _manager(username: str | None) -> User:
    """The manager the import is recorded under: --as, else the desk's first active manager."""
    query = User.select().where(User.role == Role.MANAGER, User.active)
    if username and validation.has_control_chars(username):
        username = "?"
    user = (query.where(User.username == username) if username else query.order_by(User.id)).first()
    if user is None:
        raise SlipdeskError(t("no active manager account {name}: the import is recorded under a manager's name "
                              "(--as USERNAME)", "没有在用的经理账户 {name}：导入须记录在一位经理名下（--as 用户名）",
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
                                  "--map 的格式为 字段=列标题，字段为 {fields} 之一。",
                                  fields=", ".join(residents_io.FIELDS)))
        mapping[field] = heading
    print(t("columns: {columns}", "列：{columns}", columns=", ".join(f"{f} ← “{h}”" for f, h in mapping.items())))
    plan = residents_io.plan(table, mapping)
    if not plan.ok:
        for error in plan.errors[:200]:
            print(f"  {error}")
        more = len(plan.errors) - 200
        print((t("  … and {n:,} more\n", "  ……另有 {n:,} 处\n", n=more) if more > 0 else "")
              + t("nothing imported: {errors} in {rows}", "未导入：{rows}中有 {errors}",
                  errors=plural(len(plan.errors), "error", "errors", "处错误"),
                  rows=plural(len(table.rows), "row", "rows", "行")))
        return 2
    if args.dry_run:
        print(t("{rows} check out; nothing imported (--dry-run)", "{rows}检查无误；未导入（--dry-run）",
                rows=plural(len(plan.records), "row", "rows", "行")))
        return 0
    counts = residents_io.apply(plan, _manager(args.username), source=str(args.file))
    print(t("imported {rows}: {units}, {added} added, {updated} updated",
            "已导入 {rows}：新增 {units}，新增住户 {added}，更新住户 {updated}",
            rows=plural(len(plan.records), "row", "rows", "行"),
            units=plural(counts["units"], "new unit", "new units", "处房屋"),
            added=plural(counts["added"], "resident", "residents", "位"),
            updated=plural(counts["updated"], "resident", "residents", "位")))
    return 0
