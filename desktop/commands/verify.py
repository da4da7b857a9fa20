"""`slipdesk-admin verify --db PATH [--anchor FILE] [--key FILE]`: what the database can prove.

Every slip's history chain and the facts its events carry (models.history, models.facts), the
desk's own chain of accounts and settings (models.audit), the slip numbers (models.integrity),
and with `--anchor` the anchor taken earlier outside the database (models.anchors): a database
rewound or recomputed since is named. `--key` names the history key file (models.history_key)
when the environment does not. Exit status 1 when anything is wrong.
"""
from __future__ import annotations

from desktop.commands.common import add_db_argument, open_db
from models import anchors, audit, history, history_key, integrity
from models.i18n import plural, t
from models.slips import Slip


def register(sub) -> None:
    about = t("check every slip's history (a hash chain) and the facts its events carry, the accounts and settings "
              "(the desk's own chain), the slip numbers issued, and with --anchor that nothing was rewound since an "
              "anchor taken outside the database: report the first event edited, inserted or deleted in each "
              "history, each fact changed without an event, and any slip deleted whole (exit 1 when one is found)")
    parser = sub.add_parser("verify", help=about, description=about)
    add_db_argument(parser)
    parser.add_argument("--anchor", metavar=t("FILE"),
                        help=t("an anchor file taken earlier (a backup's, the desk's own)"))
    parser.add_argument("--key", metavar=t("FILE"),
                        help=t("the history key file, when SLIPDESK_HISTORY_KEY does not name it"))
    parser.set_defaults(run=run)


def run(args) -> int:
    anchor = anchors.read(args.anchor) if args.anchor else None
    if args.key:
        history_key.use(history_key.load(args.key))
    try:
        where = open_db(args)
        return _report(where, anchor)
    finally:
        history_key.use(None)


def _report(where: str, anchor: anchors.Anchor | None) -> int:
    problems = 0
    broken_slips: set[str] = set()
    for broken in history.verify_all():
        print(t("FIRST BREAK: {broken}", broken=broken) if problems == 0
              else t("also: {broken}", broken=broken))
        problems += 1
        broken_slips.add(broken.slip_number)
    total = Slip.select().count()
    breaks = len(broken_slips)
    if breaks:
        print(t("{where}: {breaks} of {total:,} {have} a broken history",
                where=where, breaks=plural(breaks, "slip", "slips"), total=total,
                have="has" if breaks == 1 else "have"))
    elif total == 1:
        print(t("{where}: the history of the one slip verifies", where=where))
    else:
        print(t("{where}: the history of all {total:,} slips verifies",
                where=where, total=total))
    desk = audit.verify_desk()
    for broken in desk:
        print(t("DESK: {problem}", problem=broken))
    missing = integrity.missing_slips()
    for gap in missing:
        print(t("MISSING: {gap}", gap=gap))
    if missing:
        print(t("{where}: {count} issued but held by no slip: deleted slips", where=where,
                count=plural(integrity.missing_count(missing), "slip number", "slip numbers")))
    differences = anchors.compare(anchor) if anchor else []
    for difference in differences:
        print(t("SINCE THE ANCHOR: {problem}", problem=difference))
    if anchor is not None:
        print(t("{where}: {verdict} ({anchor})", where=where, anchor=anchor.describe(),
                verdict=t("extends the anchor") if not differences
                else t("does NOT extend the anchor")))
    return 1 if problems or desk or missing or differences else 0
