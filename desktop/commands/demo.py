"""`slipdesk-admin demo --db PATH --slips N`: write N realistic sample slips."""
from __future__ import annotations

import sys
import time

from desktop.commands.common import add_db_argument, open_db
from models import demo, settings
from models.demo import DemoRefused
from models.i18n import t

MAX_SLIPS = 10_000_000


def register(sub) -> None:
    parser = sub.add_parser("demo", help="write realistic sample slips and the demo accounts")
    add_db_argument(parser)
    parser.add_argument("--slips", type=int, default=300, metavar="N", help="how many slips (default 300)")
    parser.add_argument("--seed", type=int, default=20261123, help="random seed (same seed, same data)")
    parser.set_defaults(run=run)


def run(args) -> int:
    if args.slips < 0 or args.slips > MAX_SLIPS:
        raise DemoRefused(t("--slips must be 0 to {most:,}.", "--slips 须为 0 至 {most:,}。", most=MAX_SLIPS))
    if not args.db:  # never the desk's own database
        raise DemoRefused(t("Name the database to write demo data to with --db (a new file): demo data never go "
                            "to the desk's own database.", "请用 --db 指定写入演示数据的数据库（新文件）：演示数据不会写入"
                                                           "前台自己的数据库。"))
    where = open_db(args)
    demo.require_demo_database()
    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        if total >= 50000 and done % 50000 < 5000:
            print(f"  {done:,} / {total:,} slips", file=sys.stderr)

    written = demo.generate_slips(args.slips, seed=args.seed, progress=progress)
    settings.put_system("demo.database", True)  # its accounts' password is public: the login screen lists them
    elapsed = time.perf_counter() - started
    print(f"wrote {written:,} slips to {where} in {elapsed:.1f} s")
    print(f"demo accounts (password {demo.DEMO_PASSWORD}): "
          + ", ".join(username for username, *_ in demo.DEMO_ACCOUNTS))
    return 0
