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
from models.i18n import t
from models.slips import Slip


def register(sub) -> None:
    parser = sub.add_parser("verify", help="check every slip's history and facts, the accounts and settings, the "
                                           "slip numbers, and (--anchor) that nothing was rewound since an anchor")
    add_db_argument(parser)
    parser.add_argument("--anchor", metavar="FILE", help="an anchor file taken earlier (a backup's, the desk's own)")
    parser.add_argument("--key", metavar="FILE", help="the history key file, when SLIPDESK_HISTORY_KEY does not name it")
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
        print(t("FIRST BREAK: {problem}", "首处破坏：{problem}", problem=broken) if problems == 0
              else t("also: {problem}", "另有：{problem}", problem=broken))
        problems += 1
        broken_slips.add(broken.slip_number)
    total = Slip.select().count()
    if broken_slips:
        print(t("{where}: {count} slip(s) of {total:,} have a broken history", "{where}：{total:,} 张处理单中有 {count} 张的记录被破坏",
                where=where, count=len(broken_slips), total=total))
    else:
        print(t("{where}: the history of all {total:,} slips verifies", "{where}：全部 {total:,} 张处理单的记录校验无误",
                where=where, total=total))
    desk = audit.verify_desk()
    for broken in desk:
        print(t("DESK: {problem}", "前台：{problem}", problem=broken))
    missing = integrity.missing_slips()
    for gap in missing:
        print(t("MISSING: {gap}", "缺失：{gap}", gap=gap))
    if missing:
        print(t("{where}: {count:,} slip number(s) issued but held by no slip: deleted slips",
                "{where}：{count:,} 个已发出的处理单编号找不到处理单：处理单被删除", where=where,
                count=integrity.missing_count(missing)))
    differences = anchors.compare(anchor) if anchor else []
    for difference in differences:
        print(t("SINCE THE ANCHOR: {problem}", "锚点之后：{problem}", problem=difference))
    if anchor is not None:
        print(t("{where}: {verdict} ({anchor})", "{where}：{verdict}（{anchor}）", where=where, anchor=anchor.describe(),
                verdict=t("extends the anchor", "与锚点相符并在其后延续") if not differences
                else t("does NOT extend the anchor", "与锚点不符")))
    return 1 if problems or desk or missing or differences else 0
