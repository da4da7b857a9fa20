"""`slipdesk-admin verify --db PATH`: check every slip's history chain, then that no whole slip
(with its history) was deleted: the chain cannot see a slip that is gone, its number can."""
from __future__ import annotations

from desktop.commands.common import add_db_argument, open_db
from models import history, integrity
from models.i18n import plural, t
from models.slips import Slip


def register(sub) -> None:
    about = t("check every slip's history (a hash chain) and the slip numbers issued: report the first event "
              "edited, inserted or deleted in each history, and any slip deleted whole (exit 1 when one is found)",
              "检查每张处理单的经过（哈希链）和已发出的编号：报告每条经过中第一条被改动、插入或删除的记录，"
              "以及被整张删除的处理单（发现问题时退出码为 1）")
    parser = sub.add_parser("verify", help=about, description=about)
    add_db_argument(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    where = open_db(args)
    breaks = 0
    for broken in history.verify_all():
        if breaks == 0:
            print(t("FIRST BREAK: {broken}", "第一处断裂：{broken}", broken=broken))
        else:
            print(t("also: {broken}", "另有：{broken}", broken=broken))
        breaks += 1
    total = Slip.select().count()
    if breaks:
        print(t("{where}: {breaks} of {total:,} {have} a broken history", "{where}：{total:,} 张处理单中有 {breaks}的经过断裂",
                where=where, breaks=plural(breaks, "slip", "slips", "张"), total=total,
                have="has" if breaks == 1 else "have"))
    elif total == 1:
        print(t("{where}: the history of the one slip verifies", "{where}：唯一一张处理单的经过校验无误", where=where))
    else:
        print(t("{where}: the history of all {total:,} slips verifies", "{where}：全部 {total:,} 张处理单的经过校验无误",
                where=where, total=total))
    missing = integrity.missing_slips()
    for gap in missing:
        print(t("MISSING: {gap}", "缺失：{gap}", gap=gap))
    if missing:
        print(t("{where}: {count} issued but held by no slip: deleted slips",
                "{where}：{count}已发出的处理单编号找不到处理单：处理单被删除", where=where,
                count=plural(integrity.missing_count(missing), "slip number", "slip numbers", "个")))
    return 1 if breaks or missing else 0
