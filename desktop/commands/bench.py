"""`slipdesk-admin bench [--db PATH] [--slips N]`: how fast Slipdesk is on a big database.

The command line only; the figures, the table and the build are bench.desk_figures'."""
from __future__ import annotations

from bench import desk_figures
from desktop.commands.common import add_db_argument
from models.i18n import t


def register(sub) -> None:
    about = t("measure start-up, saving, search, the slip list, the dashboard, the review and printing on a big "
              "database and print one table of figures against their targets (exit 1 when one is missed). Without "
              "--db it works on {path} (N: --slips), a demo database of N slips built first when it does not "
              "exist; with --db postgresql://… the same table on PostgreSQL, its slips built first when the "
              "database has none",
              path=desk_figures.default_path(desk_figures.DEFAULT_SLIPS).parent / "bench-N.db")
    parser = sub.add_parser("bench", help=about, description=about)
    add_db_argument(parser)
    parser.add_argument("--slips", type=int, default=desk_figures.DEFAULT_SLIPS, metavar="N",
                        help=t("slips in the demo database built when the database has none (default {n:,})", n=desk_figures.DEFAULT_SLIPS))
    parser.set_defaults(run=run)


def run(args) -> int:
    return desk_figures.run(args.db, args.slips)
