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
from printouts.review_export import export_review, format_of


def register(sub) -> None:
    parser = sub.add_parser("report", help="the weekly or monthly review (每周或每月总结和检讨) as PDF or XLSX")
    parser.add_argument("--period", required=True, metavar="PERIOD",
                        help="a month (2026-11) or an ISO week (2026-W47)")
    add_db_argument(parser)
    parser.add_argument("-o", "--output", metavar="FILE.pdf|FILE.xlsx", required=True,
                        help="where to write it; .pdf or .xlsx")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh", help="report language (default zh)")
    parser.add_argument("--user", metavar="USERNAME", help="who takes the report, for the audit log")
    parser.set_defaults(run=run)


def fail(message: str) -> int:
    print(f"slipdesk-admin report: {message}", file=sys.stderr)
    return 2


def run(args) -> int:
    fmt = format_of(args.output)
    if fmt is None:
        return fail(f"{args.output}: write to a .pdf or an .xlsx file.")
    period = review.parse_period(args.period)
    open_db(args)
    user = None
    if args.user:
        user = User.get_or_none(User.username == args.user)
        if user is None:
            return fail(f"no user named {args.user!r}.")
    review.require_exporter(user)
    started = time.perf_counter()
    data = export_review(period, fmt, args.lang)
    output = Path(args.output)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(data)
    except OSError as err:
        return fail(f"cannot write {output}: {err}")
    review.record_export(user, period, fmt, str(output))
    print(f"wrote the review of {period.title('en')} to {output} ({len(data):,} bytes, "
          f"{time.perf_counter() - started:.1f} s)")
    return 0
