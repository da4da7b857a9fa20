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
              "history, each fact changed without an event, and any slip deleted whole (exit 1 when one is found)",
              "检查每张处理单的经过（哈希链）及其记录所载的内容、账号和设置（前台自己的记录链）、已发出的编号；"
              "给出 --anchor 时还检查自数据库外的锚点以来有无回退：报告每条经过中第一条被改动、插入或删除的记录、"
              "每项未经记录的改动，以及被整张删除的处理单（发现问题时退出码为 1）")
    parser = sub.add_parser("verify", help=about, description=about)
    add_db_argument(parser)
    parser.add_argument("--anchor", metavar=t("FILE", "文件"),
                        help=t("an anchor file taken earlier (a backup's, the desk's own)",
                               "先前记录的锚点文件（备份附带的或前台自己的）"))
    parser.add_argument("--key", metavar=t("FILE", "文件"),
                        help=t("the history key file, when SLIPDESK_HISTORY_KEY does not name it",
                               "历史密钥文件（环境变量 SLIPDESK_HISTORY_KEY 未指定时）"))
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
        print(t("FIRST BREAK: {broken}", "第一处断裂：{broken}", broken=broken) if problems == 0
              else t("also: {broken}", "另有：{broken}", broken=broken))
        problems += 1
        broken_slips.add(broken.slip_number)
    total = Slip.select().count()
    breaks = len(broken_slips)
    if breaks:
        print(t("{where}: {breaks} of {total:,} {have} a broken history", "{where}：{total:,} 张处理单中有 {breaks}的经过断裂",
                where=where, breaks=plural(breaks, "slip", "slips", "张处理单"), total=total,
                have="has" if breaks == 1 else "have"))
    elif total == 1:
        print(t("{where}: the history of the one slip verifies", "{where}：唯一一张处理单的经过校验无误", where=where))
    else:
        print(t("{where}: the history of all {total:,} slips verifies", "{where}：全部 {total:,} 张处理单的经过校验无误",
                where=where, total=total))
    desk = audit.verify_desk()
    for broken in desk:
        print(t("DESK: {problem}", "前台：{problem}", problem=broken))
    missing = integrity.missing_slips()
    for gap in missing:
        print(t("MISSING: {gap}", "缺失：{gap}", gap=gap))
    if missing:
        print(t("{where}: {count} issued but held by no slip: deleted slips",
                "{where}：{count}已发出的处理单编号找不到处理单：处理单被删除", where=where,
                count=plural(integrity.missing_count(missing), "slip number", "slip numbers", "个")))
    differences = anchors.compare(anchor) if anchor else []
    for difference in differences:
        print(t("SINCE THE ANCHOR: {problem}", "锚点之后：{problem}", problem=difference))
    if anchor is not None:
        print(t("{where}: {verdict} ({anchor})", "{where}：{verdict}（{anchor}）", where=where, anchor=anchor.describe(),
                verdict=t("extends the anchor", "与锚点相符并在其后延续") if not differences
                else t("does NOT extend the anchor", "与锚点不符")))
    return 1 if problems or desk or missing or differences else 0
