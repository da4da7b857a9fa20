"""`slipdesk-admin bench-live [--db PATH|URL] [--saves N] [--idle S]`: how live several desks are.

The command line only; the two desks and their figures are bench.live_figures'."""
from __future__ import annotations

from bench import live_figures
from models.i18n import t


def register(sub) -> None:
    about = t("two desks in two processes on one database: how soon a save on one shows on the other's open views "
              "(median and worst of N saves, against the two-second limit; exit 1 when it is missed), and what an "
              "idle desk costs (CPU time, queries, the live feed's looks per minute). Without --db it works on a "
              "fresh SQLite file in a temporary folder",
              "两个进程、两台前台共用一个数据库：一台保存后，另一台已打开的页面多快显示出来（N 次保存的中位数和最慢值，"
              "以两秒为限；超出时退出码为 1），以及空闲的前台花费多少（每分钟的 CPU 时间、查询次数和实时更新的查看次数）。"
              "不给 --db 时使用临时文件夹中新建的 SQLite 文件")
    parser = sub.add_parser("bench-live", help=about, description=about)
    parser.add_argument("--db", metavar="PATH", default=None,
                        help=t("SQLite file or postgresql:// URL (default: a fresh file in a temporary folder)",
                               "SQLite 文件或 postgresql:// 网址（默认：临时文件夹中新建的文件）"))
    parser.add_argument("--saves", type=int, default=live_figures.DEFAULT_SAVES, metavar="N",
                        help=t("saves timed one at a time (default {n})", "逐次计时的保存次数（默认 {n}）",
                               n=live_figures.DEFAULT_SAVES))
    parser.add_argument("--idle", type=float, default=live_figures.DEFAULT_IDLE_S, metavar="S",
                        help=t("seconds the second desk is watched idle (default {s:.0f})",
                               "观察第二台前台空闲的秒数（默认 {s:.0f}）", s=live_figures.DEFAULT_IDLE_S))
    parser.set_defaults(run=run)


def run(args) -> int:
    return live_figures.run(args.db, args.saves, args.idle)
