"""`slipdesk-admin bench-live [--db PATH|URL] [--saves N] [--idle S]`: how live several desks are.

The command line only; the two desks and their figures are bench.live_figures'."""
from __future__ import annotations

from bench import live_figures
from models.i18n import t


def register(sub) -> None:
    about = t("two desks in two processes on one database: how soon a save on one shows on the other's open views "
              "(median and worst of N saves, against the two-second limit; exit 1 when it is missed), and what an "
              "idle desk costs (CPU time, queries, the live feed's looks per minute). Without --db it works on a "
              "fresh SQLite file in a temporary folder")
    parser = sub.add_parser("bench-live", help=about, description=about)
    parser.add_argument("--db", metavar="PATH", default=None,
                        help=t("SQLite file or postgresql:// URL (default: a fresh file in a temporary folder)"))
    parser.add_argument("--saves", type=int, default=live_figures.DEFAULT_SAVES, metavar="N",
                        help=t("saves timed one at a time (default {n})",
                               n=live_figures.DEFAULT_SAVES))
    parser.add_argument("--idle", type=float, default=live_figures.DEFAULT_IDLE_S, metavar="S",
                        help=t("seconds the second desk is watched idle (default {s:.0f})", s=live_figures.DEFAULT_IDLE_S))
    parser.set_defaults(run=run)


def run(args) -> int:
    return live_figures.run(args.db, args.saves, args.idle)
