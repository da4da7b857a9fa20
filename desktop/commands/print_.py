"""`slipdesk-admin print KIND NUMBER --db PATH -o FILE.pdf`: print a slip's documents to PDF.

A reply letter prints final only with the text the supervisor approved (models/replies.py);
any other text — `--body`, `--body-file`, or the draft made from the slip — carries the
草稿 / DRAFT watermark. Every print is logged on the slip's history.

Batch: `print slip NUMBER NUMBER … -o FILE.pdf` or `print slip --all-open -o FILE.pdf` writes
the handling slips as one PDF, each slip on its own pages, and logs them all in one
transaction (printouts.batch).
"""
from __future__ import annotations

import sys
from pathlib import Path

from desktop.commands.common import acting_user, add_db_argument, open_db, writable_output, write_whole
from models import validation
from models.accounts import User
from models.errors import SlipdeskError
from models.i18n import t
from models.slips import Slip
from models.vocab import OPEN_STATUSES
from printouts.batch import log_batch, make_batch
from printouts.data import BATCH_READ
from printouts.journal import record_print
from printouts.kinds import ENVELOPE_SIZES, KINDS, LANGUAGES, make


def register(sub) -> None:
    parser = sub.add_parser("print", help="print a slip's letter, form, transmittal, receipt, "
                                          "comment-book reply, handwriting sheet or envelope to PDF")
    parser.add_argument("kind", choices=KINDS, help="which document")
    parser.add_argument("number", metavar="NUMBER", nargs="*",
                        help="the slip number, e.g. TS-2026-000123; for `slip`, several print as one PDF")
    parser.add_argument("--all-open", action="store_true",
                        help="`slip` only: every open slip, in number order, as one PDF")
    add_db_argument(parser)
    parser.add_argument("-o", "--output", metavar="FILE.pdf", required=True, help="where to write the PDF")
    parser.add_argument("--lang", choices=LANGUAGES, default="zh", help="document language (default zh)")
    body = parser.add_mutually_exclusive_group()
    body.add_argument("--body", metavar="TEXT", help="letter text (prints as DRAFT unless it is the approved text)")
    body.add_argument("--body-file", metavar="FILE", help="letter text from a UTF-8 file (same rule)")
    parser.add_argument("--size", choices=ENVELOPE_SIZES, default="DL", type=str.upper,
                        help="envelope size for `label` (default DL)")
    parser.add_argument("--user", metavar="USERNAME", help="who printed it, for the slip's history")
    parser.set_defaults(run=run)


class PrintRefused(SlipdeskError):
    pass


def fail(message: str) -> int:
    raise PrintRefused(message)


def run(args) -> int:
    numbers = [n.strip().upper() for n in args.number]
    if any(validation.has_control_chars(n) for n in numbers):
        return fail(t("a slip number is written like TS-2026-000123.", "处理单编号应写成 TS-2026-000123 这样。"))
    if args.all_open and numbers:
        return fail(t("give slip numbers or --all-open, not both.", "请给出处理单编号或 --all-open，不能两者都给。"))
    if not numbers and not args.all_open:
        return fail(t("give a slip number.", "请给出处理单编号。"))
    if args.kind != "slip" and (args.all_open or len(numbers) > 1):
        return fail(t("only the handling slip prints in a batch; give one number for {kind}.",
                      "只有处理单可以批量打印；{kind} 请只给一个编号。", kind=args.kind))
    if (args.body is not None or args.body_file) and args.kind != "letter":
        return fail(t("--body and --body-file apply to the letter only.", "--body 和 --body-file 只适用于信函。"))
    body = args.body
    if args.body_file:
        try:
            body = Path(args.body_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            return fail(t("cannot read {file}: {problem}", "无法读取 {file}：{problem}", file=args.body_file,
                          problem=getattr(err, "strerror", None) or err))
    if body is not None and (problem := validation.text(body)):
        return fail(t("the letter text: {problem}", "信函正文：{problem}", problem=problem))
    output = writable_output(args.output)
    open_db(args)
    user = acting_user(args.user, required=False)
    if args.all_open or len(numbers) > 1:
        return run_batch(args, numbers, user, output)
    slip = Slip.get_or_none(Slip.number == numbers[0])
    if slip is None:
        return fail(t("no slip numbered {number} in this database.", "本数据库中没有编号为 {number} 的处理单。",
                      number=repr(numbers[0])))
    printout = make(args.kind, slip, args.lang, body=body, size=args.size)
    write_whole(output, printout.pdf)
    record_print(slip, user, printout, to="pdf")
    if printout.font_warning:
        print(f"warning: {printout.font_warning}", file=sys.stderr)
    state = " as DRAFT (the reply text is not the approved one)" if printout.draft else ""
    print(f"wrote {printout.title('en')}{state} to {args.output} ({len(printout.pdf):,} bytes)")
    return 0


def run_batch(args, numbers: list[str], user: User | None, output: Path) -> int:
    """The handling slips of `numbers` (or of every open slip) as one PDF, logged in one transaction."""
    if args.all_open:
        ids = [row[0] for row in Slip.select(Slip.id).where(Slip.status.in_(OPEN_STATUSES))
               .order_by(Slip.number).tuples()]
        if not ids:
            return fail(t("no open slips in this database.", "本数据库中没有未结的处理单。"))
    else:
        found = slip_ids(numbers)
        if missing := [n for n in numbers if n not in found]:
            return fail(t("no slip numbered {number} in this database.", "本数据库中没有编号为 {number} 的处理单。",
                          number=", ".join(map(repr, missing))))
        ids = [found[n] for n in numbers]
    batch = make_batch(ids, args.lang)
    write_whole(output, batch.pdf)
    log_batch(batch, user, to="pdf")
    if batch.font_warning:
        print(f"warning: {batch.font_warning}", file=sys.stderr)
    print(f"wrote {len(batch.numbers):,} handling slips as one PDF to {args.output} ({len(batch.pdf):,} bytes)")
    return 0


def slip_ids(numbers: list[str]) -> dict[str, int]:
    """Slip ids by number, read a few hundred numbers per query."""
    found: dict[str, int] = {}
    for start in range(0, len(numbers), BATCH_READ):
        chunk = numbers[start:start + BATCH_READ]
        found.update(Slip.select(Slip.number, Slip.id).where(Slip.number.in_(chunk)).tuples())
    return found
