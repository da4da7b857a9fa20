"""`slipdesk-admin estate add CODE --name … --db postgresql://…`: a new estate of the company, with
its database login (the password given, or a new one printed), its lists and rules seeded as a
new desk's are, kept apart from every other estate by the policies (models.estates).
`estate list` shows the estates."""
from __future__ import annotations

import argparse

from desktop.commands.company import login_url, owner_db_help, password_help, require_postgres
from models import company, estates
from models.i18n import t
from models.connection import open_database


def register(sub) -> None:
    about = t("the estates of a company database", "公司数据库中的项目")
    parser = sub.add_parser("estate", help=about, description=about)
    actions = parser.add_subparsers(dest="action", required=True, metavar=t("ACTION", "操作"))
    add = actions.add_parser("add", help=t("add an estate and its database login", "增加一个项目及其数据库登录名"))
    add.add_argument("code", metavar=t("CODE", "代码"), help=t("a short code: letters, digits, - or _",
                                                               "简短代码：字母、数字、- 或 _"))
    add.add_argument("--name", required=True, metavar=t("NAME", "名称"),
                     help=t("the estate's name (its letterhead's, until changed)",
                            "项目名称（在修改前也是其信头名称）"))
    add.add_argument("--prefix", default="TS", metavar=t("PREFIX", "前缀"),
                     help=t("its slip numbers' prefix (default TS: TS-2026-000001)",
                            "其处理单编号前缀（默认 TS：TS-2026-000001）"))
    add.add_argument("--login", default=None, metavar=t("LOGIN", "登录名"),
                     help=t("the database login to create (default: DATABASE_CODE)",
                            "要建立的数据库登录名（默认：数据库名_代码）"))
    add.add_argument("--password", default=None, metavar=t("PASSWORD", "密码"), help=password_help())
    add.add_argument("--db", required=True, metavar="postgresql://…", help=owner_db_help())
    add.set_defaults(run=run_add)
    listing = actions.add_parser("list", help=t("list the estates", "列出各项目"))
    listing.add_argument("--db", required=True, metavar="postgresql://…", help=t("the company database", "公司数据库"))
    listing.set_defaults(run=run_list)


def run_add(args: argparse.Namespace) -> int:
    require_postgres(args.db)
    open_database(args.db)
    estate, password = company.add_estate(args.code, args.name, args.prefix, args.login, args.password)
    print(t("estate {code} ({name}) added; its desks connect with: {url}",
            "已添加项目 {code}（{name}）；其前台连接地址：{url}", code=estate.code, name=estate.name,
            url=login_url(args.db, estate.login, password)))
    return 0


def run_list(args: argparse.Namespace) -> int:
    require_postgres(args.db)
    open_database(args.db)
    for estate in estates.Estate.select().order_by(estates.Estate.code):
        print(f"{estate.code}\t{estate.name}\t{estate.login}")
    return 0
