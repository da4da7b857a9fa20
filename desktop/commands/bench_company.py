"""`slipdesk-admin bench-company --server postgresql://… [--estates 20] [--slips 2000000]`: the
company's figures on PostgreSQL, many estates in one database kept apart by its policies.

The command line only; the build and the figures are bench.company_figures'."""
from __future__ import annotations

from bench import company_figures
from desktop.commands.company import require_postgres
from models.i18n import t


def register(sub) -> None:
    about = t("the company's figures: many estates on one PostgreSQL database")
    parser = sub.add_parser("bench-company", help=about, description=about)
    parser.add_argument("--server", required=True, metavar="postgresql://…",
                        help=t("a PostgreSQL server, as a superuser (the bench database is made there)"))
    parser.add_argument("--estates", type=int, default=20, metavar="N",
                        help=t("estates in the company (default 20)"))
    parser.add_argument("--slips", type=int, default=2_000_000, metavar="N",
                        help=t("slips in all (default 2,000,000)"))
    parser.set_defaults(run=run)


def run(args) -> int:
    require_postgres(args.server)
    return company_figures.run(args.server, args.estates, args.slips)
