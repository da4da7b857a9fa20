"""`slipdesk-admin print KIND NUMBER --db PATH -o FILE.pdf`: print a slip's documents to PDF.

A reply letter prints final only with the text the supervisor approved (models/replies.py);
any other text — `--body`, `--body-file`, or the draft made from the slip — carries the
草稿 / DRAFT watermark. Every print is logged on the slip's history.
"""
from __future__ import annotations

import sys
from pathlib import Path

from desktop.commands.common import add_db_argument, open_db
from models.accounts import User
from models.slips import Slip
from printouts.journal import record_print
from printouts.kinds import ENVELOPE_SIZES, KINDS, LANGUAGES, make


def register(sub) -> None:
    parser = sub.add_parser("print", help="print a slip's letter, form, transmittal, receipt, "
                                          "comment-book reply, handwriting sheet or envelope to PDF")
    parser.add_argument("kind", choices=KINDS, help="which document")
    parser.add_argument("number", metavar="NUMBER", help="the slip number, e.g. TS-2026-000123")
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
    if (args.body is not None or args.body_file) and args.kind != "letter":
        return fail("--body and --body-file apply to the letter only.")
    body = args.body
    if args.body_file:
        try:
            body = Path(args.body_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            return fail(f"cannot read {args.body_file}: {err}")
    open_db(args)
    number = args.number.strip().upper()
    slip = Slip.get_or_none(Slip.number == number)
    if slip is None:
        return fail(f"no slip numbered {number!r} in this database.")
    user = None
    if args.user:
        user = User.get_or_none(User.username == args.user)
        if user is None:
            return fail(f"no user named {args.user!r}.")
    printout = make(args.kind, slip, args.lang, body=body, size=args.size)
    output = Path(args.output)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(printout.pdf)
    except OSError as err:
        return fail(f"cannot write {output}: {err}")
    record_print(slip, user, printout, to="pdf")
    if printout.font_warning:
        print(f"warning: {printout.font_warning}", file=sys.stderr)
    state = " as DRAFT (the reply text is not the approved one)" if printout.draft else ""
    print(f"wrote {printout.title('en')}{state} to {output} ({len(printout.pdf):,} bytes)")
    return 0
