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
              "when it does not exist; the login screen then lists the demo accounts")
    parser = sub.add_parser("demo", help=about, description=about)
    add_db_argument(parser)
    parser.add_argument("--slips", type=int, default=300, metavar="N",
                        help=t("how many slips (default 300)"))
    parser.add_argument("--seed", type=int, default=20261123, metavar=t("SEED"),
                        help=t("random seed: the same seed writes the same data"))
    parser.set_defaults(run=run)


def run(args) -> int:
    if args.slips < 0 or args.slips > MAX_SLIPS:
        raise DemoRefused(t("--slips must be 0 to {most:,}.", most=MAX_SLIPS))
    if not args.db:  # never the desk's own database
        raise DemoRefused(t("Name the database to write demo data to with --db (a new file): demo data never go "
                            "to the desk's own database."))
    where = open_db(args)
    demo.require_demo_database()
    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        if total >= 50000 and done % 50000 < 5000:
            print(f"  {done:,} / {plural(total, 'slip', 'slips')}", file=sys.stderr)

    fresh = not Slip.select().exists()
    generate = demo_loader.generate_slips if args.slips >= demo_loader.PARALLEL_FROM else demo.generate_slips
    written = generate(args.slips, seed=args.seed, progress=progress, today=fresh)
    staged = Slip.select().count() - written if fresh else 0
    settings.put_system("demo.database", True)  # its accounts' password is public: the login screen lists them
    elapsed = time.perf_counter() - started
    print(t("wrote {slips} to {where} in {seconds:.1f} s",
            slips=plural(written, "slip", "slips"), where=where, seconds=elapsed))
    if staged:
        print(t("and {slips} more through the desk's last working days",
                slips=plural(staged, "slip", "slips")))
    print(t("demo accounts (password {password}): {names}",
            password=demo.DEMO_PASSWORD, names=", ".join(username for username, *_ in demo.DEMO_ACCOUNTS)))
    return 0
