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

from desktop.commands.common import add_db_argument, open_db
from models.accounts import User
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


def fail(message: str) -> int:
    print(f"slipdesk-admin print: {message}", file=sys.stderr)
    return 2


def run(args) -> int:
    numbers = [n.strip().upper() for n in args.number]
    if args.all_open and numbers:
        return fail("give slip numbers or --all-open, not both.")
    if not numbers and not args.all_open:
        return fail("give a slip number.")
    if args.kind != "slip" and (args.all_open or len(numbers) > 1):
        return fail(f"only the handling slip prints in a batch; give one number for {args.kind}.")
    if (args.body is not None or args.body_file) and args.kind != "letter":
        return fail("--body and --body-file apply to the letter only.")
    body = args.body
    if args.body_file:
        try:
            body = Path(args.body_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            return fail(f"cannot read {args.body_file}: {err}")
    open_db(args)
    user = None
    if args.user:
        user = User.get_or_none(User.username == args.user)
        if user is None:
            return fail(f"no user named {args.user!r}.")
    if args.all_open or len(numbers) > 1:
        return run_batch(args, numbers, user)
    slip = Slip.get_or_none(Slip.number == numbers[0])
    if slip is None:
        return fail(f"no slip numbered {numbers[0]!r} in this database.")
    printout = make(args.kind, slip, args.lang, body=body, size=args.size)
    if not write(Path(args.output), printout.pdf):
        return 2
    record_print(slip, user, printout, to="pdf")
    if printout.font_warning:
        print(f"warning: {printout.font_warning}", file=sys.stderr)
    state = " as DRAFT (the reply text is not the approved one)" if printout.draft else ""
    print(f"wrote {printout.title('en')}{state} to {args.output} ({len(printout.pdf):,} bytes)")
    return 0


def run_batch(args, numbers: list[str], user: User | None) -> int:
    """The handling slips of `numbers` (or of every open slip) as one PDF, logged in one transaction."""
    if args.all_open:
        ids = [row[0] for row in Slip.select(Slip.id).where(Slip.status.in_(OPEN_STATUSES))
               .order_by(Slip.number).tuples()]
        if not ids:
            return fail("no open slips in this database.")
    else:
        found = slip_ids(numbers)
        if missing := [n for n in numbers if n not in found]:
            return fail(f"no slip numbered {', '.join(map(repr, missing))} in this database.")
        ids = [found[n] for n in numbers]
    batch = make_batch(ids, args.lang)
    if not write(Path(args.output), batch.pdf):
        return 2
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


def write(output: Path, pdf: bytes) -> bool:
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(pdf)
    except OSError as err:
        fail(f"cannot write {output}: {err}")
        return False
    return True
