"""`slipdesk-admin report --period 2026-11 --db PATH -o FILE.pdf|.xlsx`: the weekly or monthly review.

--period is a month (2026-11) or an ISO week (2026-W47); the file's ending chooses PDF or XLSX.
Each export is written to the audit log (the review names complainants).
"""
from __future__ import annotations

import time

from desktop.commands.common import (OutputRefused, acting_user, add_db_argument, add_review_output_arguments, open_db, writable_output,
                                     write_whole)
from models import review
from models.i18n import language, t
from printouts.review_export import export_review, format_of


def register(sub) -> None:
    about = t("write the weekly or monthly review (每周或每月总结和检讨) — the period's slips by channel, category "
              "and outcome, deadlines kept, replies and satisfaction, figures per person — as a PDF or an XLSX "
              "workbook; the export is written to the audit log, as the review names complainants")
    parser = sub.add_parser("report", help=about, description=about)
    parser.add_argument("--period", required=True, metavar=t("PERIOD"),
                        help=t("a month (2026-11) or an ISO week (2026-W47)"))
    add_db_argument(parser)
    add_review_output_arguments(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    fmt = format_of(args.output)
    if fmt is None:
        raise OutputRefused(t("{output}: write to a .pdf or an .xlsx file.",
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
    print(t("wrote the review of {period} to {output} ({size:,} bytes, {seconds:.1f} s)", period=period.title(language()),
            output=output, size=len(data), seconds=time.perf_counter() - started))
    return 0
