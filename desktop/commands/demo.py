"""`slipdesk-admin demo --db PATH --slips N`: write N realistic sample slips.

On a database without slips it also takes the desk through its last working days, as
`slipdesk --demo` does (models.demo_today): letters waiting for approval and for the thanks after
them, comment-book entries with their text, a reply not accepted and one ended by the person in
charge, an anonymous letter — so that both demos show every rule and ending."""
from __future__ import annotations

import sys
import time

from bench import demo_loader
from desktop.commands.common import add_db_argument, open_db
from models import demo, settings
from models.demo import DemoRefused
from models.i18n import plural, t
from models.slips import Slip

MAX_SLIPS = 10_000_000


def register(sub) -> None:
    about = t("write N realistic sample slips (every channel and state, with their history, replies and "
              "transmittals), the demo accounts and the demo estate's letterhead into the database, creating it "
              "when it does not exist; the login screen then lists the demo accounts",
              "向数据库写入 N 张逼真的演示处理单（各种渠道和状态，连同处理经过、回复和报送单）、演示账户和演示"
              "物业的信头；数据库不存在时先建立。之后登录界面会列出演示账户")
    parser = sub.add_parser("demo", help=about, description=about)
    add_db_argument(parser)
    parser.add_argument("--slips", type=int, default=300, metavar="N",
                        help=t("how many slips (default 300)", "处理单张数（默认 300）"))
    parser.add_argument("--seed", type=int, default=20261123, metavar=t("SEED", "种子"),
                        help=t("random seed: the same seed writes the same data", "随机种子：种子相同，数据相同"))
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
            print(f"  {done:,} / {plural(total, 'slip', 'slips', '张处理单')}", file=sys.stderr)

    fresh = not Slip.select().exists()
    generate = demo_loader.generate_slips if args.slips >= demo_loader.PARALLEL_FROM else demo.generate_slips
    written = generate(args.slips, seed=args.seed, progress=progress, today=fresh)
    staged = Slip.select().count() - written if fresh else 0
    settings.put_system("demo.database", True)  # its accounts' password is public: the login screen lists them
    elapsed = time.perf_counter() - started
    print(t("wrote {slips} to {where} in {seconds:.1f} s", "已将 {slips}写入 {where}，用时 {seconds:.1f} 秒",
            slips=plural(written, "slip", "slips", "张处理单"), where=where, seconds=elapsed))
    if staged:
        print(t("and {slips} more through the desk's last working days", "另有 {slips}按前台最近几个工作日写入",
                slips=plural(staged, "slip", "slips", "张处理单")))
    print(t("demo accounts (password {password}): {names}", "演示账户（密码 {password}）：{names}",
            password=demo.DEMO_PASSWORD, names=", ".join(username for username, *_ in demo.DEMO_ACCOUNTS)))
    return 0
