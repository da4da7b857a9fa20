"""`slipdesk-admin report --period 2026-11 --db PATH -o FILE.pdf|.xlsx`: the weekly or monthly review.

--period is a month (2026-11) or an ISO week (2026-W47); the file's ending chooses PDF or XLSX.
Each export is written to the audit log (the review names complainants).
"""
from __future__ import annotations

import time

from desktop.commands.common import (OutputRefused, acting_user, add_db_argument, open_db, writable_output,
                                     write_whole)
from models.i18n import t
from models import i18n, review
from printouts.review_export import export_review, format_of


def register(sub) -> None:
    parser = sub.add_parser("report", help="the weekly or monthly review (每周或每月总结和检讨) as PDF or XLSX")
    parser.add_argument("--period", required=True, metavar="PERIOD",
                        help="a month (2026-11) or an ISO week (2026-W47)")
    add_db_argument(parser)
    parser.add_argument("-o", "--output", metavar="FILE.pdf|FILE.xlsx", required=True,
                        help="where to write it; .pdf or .xlsx")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh", help="report language (default zh)")
    parser.add_argument("--user", metavar="USERNAME", help="who takes the report (a person in charge or a manager: "
                                                           "it names complainants), for the audit log")
    parser.set_defaults(run=run)


def run(args) -> int:
    fmt = format_of(args.output)
    if fmt is None:
        raise OutputRefused(t("{output}: write to a .pdf or an .xlsx file.", "{output}：请写入 .pdf 或 .xlsx 文件。",
                              output=args.output))
    period = review.parse_period(args.period)
    output = writable_output(args.output)
    open_db(args)
    user = acting_user(args.user)
    review.require_exporter(user)
    started = time.perf_counter()
    data = export_review(period, fmt, args.lang)
    write_whole(output, data)
    review.record_export(user, period, fmt, str(output))
    print(t("wrote the review of {period} to {output} ({size:,} bytes, {seconds:.1f} s)",
            "已将{period}的总结写入 {output}（{size:,} 字节，{seconds:.1f} 秒）", period=period.title(i18n.language()),
            output=output, size=len(data), seconds=time.perf_counter() - started))
    return 0
