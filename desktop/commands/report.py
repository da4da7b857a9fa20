"""`slipdesk-admin report --period 2026-11 --db PATH -o FILE.pdf|.xlsx`: the weekly or monthly review.

--period is a month (2026-11) or an ISO week (2026-W47); the file's ending chooses PDF or XLSX.
Each export is written to the audit log (the review names complainants).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from desktop.commands.common import add_db_argument, open_db
from models import review
from models.accounts import User
from models.i18n import language, t
from printouts.review_export import export_review, format_of


def register(sub) -> None:
    about = t("write the weekly or monthly review (每周或每月总结和检讨) — the period's slips by channel, category "
              "and outcome, deadlines kept, replies and satisfaction, figures per person — as a PDF or an XLSX "
              "workbook; the export is written to the audit log, as the review names complainants",
              "生成每周或每月总结和检讨（按渠道、类别和结果统计的处理单、回复时限的遵守情况、回复和满意度、每人的数字），"
              "输出为 PDF 或 XLSX 工作簿；因总结中有投诉人姓名，每次导出都记入审计日志")
    parser = sub.add_parser("report", help=about, description=about)
    parser.add_argument("--period", required=True, metavar=t("PERIOD", "期间"),
                        help=t("a month (2026-11) or an ISO week (2026-W47)", "一个月（2026-11）或一个 ISO 周（2026-W47）"))
    add_db_argument(parser)
    parser.add_argument("-o", "--output", metavar=t("FILE.pdf|FILE.xlsx", "文件.pdf|文件.xlsx"), required=True,
                        help=t("where to write it; the ending chooses PDF or XLSX", "写到哪个文件；扩展名决定 PDF 或 XLSX"))
    parser.add_argument("--lang", choices=("zh", "en"), default="zh",
                        help=t("the report's language (default zh)", "总结的语言（默认 zh）"))
    parser.add_argument("--user", metavar=t("USERNAME", "用户名"),
                        help=t("who takes the report, for the audit log", "取用总结的人，记入审计日志"))
    parser.set_defaults(run=run)


def fail(message: str) -> int:
    print(f"slipdesk-admin report{t(': ', '：')}{message}", file=sys.stderr)
    return 2


def run(args) -> int:
    fmt = format_of(args.output)
    if fmt is None:
        return fail(t("{output}: write to a .pdf or an .xlsx file.", "{output}：请写入 .pdf 或 .xlsx 文件。",
                      output=args.output))
    period = review.parse_period(args.period)
    open_db(args)
    user = None
    if args.user:
        user = User.get_or_none(User.username == args.user)
        if user is None:
            return fail(t("no user named {name!r}.", "没有名为 {name!r} 的用户。", name=args.user))
    review.require_exporter(user)
    started = time.perf_counter()
    data = export_review(period, fmt, args.lang)
    output = Path(args.output)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(data)
    except OSError as err:
        return fail(t("cannot write {output}: {err}", "无法写入 {output}：{err}", output=output, err=err))
    review.record_export(user, period, fmt, str(output))
    print(t("wrote the review of {period} to {output} ({size:,} bytes, {seconds:.1f} s)",
            "已将{period}的总结写入 {output}（{size:,} 字节，用时 {seconds:.1f} 秒）",
            period=period.title(language()), output=output, size=len(data), seconds=time.perf_counter() - started))
    return 0
