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
              "在大数据库上测量启动、保存、搜索、处理单列表、今日概览、总结和打印的速度，并按目标列出一张表"
              "（有未达标项时退出码为 1）。不给 --db 时使用 {path}（N 即 --slips）：其中有 N 张演示处理单，不存在时先生成；"
              "给 --db postgresql://… 时在 PostgreSQL 上测量同一张表，数据库中没有处理单时先生成",
              path=desk_figures.default_path(desk_figures.DEFAULT_SLIPS).parent / "bench-N.db")
    parser = sub.add_parser("bench", help=about, description=about)
    add_db_argument(parser)
    parser.add_argument("--slips", type=int, default=desk_figures.DEFAULT_SLIPS, metavar="N",
                        help=t("slips in the demo database built when the database has none (default {n:,})",
                               "数据库中没有处理单时生成的演示处理单张数（默认 {n:,}）", n=desk_figures.DEFAULT_SLIPS))
    parser.set_defaults(run=run)


def run(args) -> int:
    return desk_figures.run(args.db, args.slips)
