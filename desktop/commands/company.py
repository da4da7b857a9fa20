"""`slipdesk-admin company init postgresql://…`: make an empty PostgreSQL database a company's,
where many estates keep their desks apart (models.estates); `company head-office LOGIN` adds a
database login for head office (the service-management department, quality managers)."""
from __future__ import annotations

import argparse

from desktop.commands.common import acting_user, add_review_output_arguments
from models import company, estates
from models.db import is_postgres_url
from models.errors import SlipdeskError
from models.i18n import t
from models.connection import open_database


def password_help() -> str:
    return t("its password (default: a new one, printed)")


def owner_db_help() -> str:
    return t("the company database, as its owner")


def register(sub) -> None:
    about = t("set up a company database of many estates (PostgreSQL)")
    parser = sub.add_parser("company", help=about, description=about)
    actions = parser.add_subparsers(dest="action", required=True, metavar=t("ACTION"))
    init = actions.add_parser("init", help=t("make an empty PostgreSQL database a company database, with a head-office "
                                             "login"))
    init.add_argument("url", metavar="postgresql://…", help=t("the company database, opened as its owner"))
    init.add_argument("--head-office", metavar=t("LOGIN"), default=None,
                      help=t("the head-office database login to create (default: DATABASE_head)"))
    init.add_argument("--password", default=None, metavar=t("PASSWORD"), help=password_help())
    init.add_argument("--name", default=None, metavar=t("NAME"),
                      help=t("the company's name, on head office's screens and printouts"))
    init.set_defaults(run=run_init)
    head = actions.add_parser("head-office", help=t("add a head-office database login"))
    head.add_argument("login", metavar=t("LOGIN"))
    head.add_argument("--db", required=True, metavar="postgresql://…", help=owner_db_help())
    head.add_argument("--password", default=None, metavar=t("PASSWORD"), help=password_help())
    head.set_defaults(run=run_head_office)
    compare = actions.add_parser("review", help=t("the company's review comparing its estates (or one estate's own "
                                                  "review with --estate) as PDF or XLSX"))
    compare.add_argument("--period", required=True, metavar=t("PERIOD"),
                         help=t("a month (2026-11) or an ISO week (2026-W47)"))
    compare.add_argument("--db", required=True, metavar="postgresql://…",
                         help=t("the company database (head office's login or the owner: every estate; an estate's "
                                "login: its own)"))
    compare.add_argument("--estate", metavar=t("CODE"), default=None,
                         help=t("one estate's own review instead"))
    add_review_output_arguments(compare)
    compare.set_defaults(run=run_review)


class NotPostgres(SlipdeskError):
    pass


def require_postgres(url: str) -> None:
    if not is_postgres_url(url):
        raise NotPostgres(t("A company database is a PostgreSQL database: give a postgresql:// URL, not {url}.", url=url))


def login_url(admin_url: str, login: str, password: str) -> str:
    """The URL a desk connects with as `login`: the company database's server and name. Given the
    server's local socket (the owner on the server itself), the server's host name: a desk
    elsewhere comes in over the network, with its password."""
    import socket
    from urllib.parse import parse_qs, quote, urlparse

    parsed = urlparse(admin_url)
    query = parse_qs(parsed.query)
    host = parsed.hostname or socket.gethostname()
    port = parsed.port or (query.get("port") or [None])[0]
    where = f"{host}:{port}" if port else host
    return f"{parsed.scheme}://{quote(login)}:{quote(password, safe='')}@{where}{parsed.path}"


def run_init(args: argparse.Namespace) -> int:
    require_postgres(args.url)
    where = open_database(args.url)
    estates_role, head_role = company.init_company()
    if args.name:
        from models import settings

        settings.put_setup("estate.company", args.name)  # head office's own settings (no estate)
        settings.put_setup("estate.name", args.name)
    login = args.head_office or estates.default_group_names()[1].removesuffix("_office")
    print(t("{where} is a company database: estate logins are in the role {estates}, head-office logins in {head}.",
            where=where, estates=estates_role, head=head_role))
    password = company.add_head_office_login(login, args.password)
    print(t("head office connects with: {url}", url=login_url(args.url, login, password)))
    return 0


def run_head_office(args: argparse.Namespace) -> int:
    require_postgres(args.db)
    open_database(args.db)
    password = company.add_head_office_login(args.login, args.password)
    print(t("head office connects with: {url}", url=login_url(args.db, args.login, password)))
    return 0


def run_review(args: argparse.Namespace) -> int:
    """The comparison, or one estate's own review (the same PDF/XLSX as `slipdesk-admin report`)."""
    import dataclasses
    from pathlib import Path

    from models import head_office, review
    from printouts.company_review import render_company_review, render_company_review_xlsx
    from printouts.data import letterhead
    from printouts.review import render_review
    from printouts.review_export import format_of
    from printouts.review_xlsx import render_review_xlsx

    fmt = format_of(args.output)
    if fmt is None:
        raise NotPostgres(t("{path}: write to a .pdf or an .xlsx file.",
                            path=args.output))
    period = review.parse_period(args.period)
    require_postgres(args.db)
    open_database(args.db)
    user = acting_user(args.user)
    review.require_exporter(user)
    if args.estate:
        estate = estates.estate_by_code(args.estate)
        own = head_office.estate_review(estate.id, period,
                                        top=review.WORKBOOK_TOP if fmt == "xlsx" else review.TOP)
        head = dataclasses.replace(letterhead(), estate_name=estate.name)
        data = render_review_xlsx(own, head, args.lang) if fmt == "xlsx" else render_review(own, head, args.lang)
    else:
        compared = head_office.company_review(period)
        data = (render_company_review_xlsx(compared, args.lang) if fmt == "xlsx"
                else render_company_review(compared, letterhead(), args.lang))
    review.record_export(user, period, fmt, str(args.output))
    Path(args.output).write_bytes(data)
    print(t("wrote {path} ({size:,} bytes)", path=args.output, size=len(data)))
    return 0
