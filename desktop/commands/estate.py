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
    about = t("the estates of a company database")
    parser = sub.add_parser("estate", help=about, description=about)
    actions = parser.add_subparsers(dest="action", required=True, metavar=t("ACTION"))
    add = actions.add_parser("add", help=t("add an estate and its database login"))
    add.add_argument("code", metavar=t("CODE"), help=t("a short code: letters, digits, - or _"))
    add.add_argument("--name", required=True, metavar=t("NAME"),
                     help=t("the estate's name (its letterhead's, until changed)"))
    add.add_argument("--prefix", default="TS", metavar=t("PREFIX"),
                     help=t("its slip numbers' prefix (default TS: TS-2026-000001)"))
    add.add_argument("--login", default=None, metavar=t("LOGIN"),
                     help=t("the database login to create (default: DATABASE_CODE)"))
    add.add_argument("--password", default=None, metavar=t("PASSWORD"), help=password_help())
    add.add_argument("--db", required=True, metavar="postgresql://…", help=owner_db_help())
    add.set_defaults(run=run_add)
    listing = actions.add_parser("list", help=t("list the estates"))
    listing.add_argument("--db", required=True, metavar="postgresql://…", help=t("the company database"))
    listing.set_defaults(run=run_list)


def run_add(args: argparse.Namespace) -> int:
    require_postgres(args.db)
    open_database(args.db)
    estate, password = company.add_estate(args.code, args.name, args.prefix, args.login, args.password)
    print(t("estate {code} ({name}) added; its desks connect with: {url}", code=estate.code, name=estate.name,
            url=login_url(args.db, estate.login, password)))
    return 0


def run_list(args: argparse.Namespace) -> int:
    require_postgres(args.db)
    open_database(args.db)
    for estate in estates.Estate.select().order_by(estates.Estate.code):
        print(f"{estate.code}\t{estate.name}\t{estate.login}")
    return 0
