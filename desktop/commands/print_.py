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
from models.i18n import language, plural, t
from models.slips import Slip
from models.vocab import OPEN_STATUSES
from printouts.batch import log_batch, make_batch
from printouts.data import BATCH_READ
from printouts.journal import record_print
from printouts.kinds import ENVELOPE_SIZES, KINDS, LANGUAGES, make


def register(sub) -> None:
    about = t("print one of a slip's documents to a PDF file and log the print on the slip's history; "
              "KIND is one of: {kinds}",
              kinds=t("; ").join(f"{kind} ({KIND_HELP[kind][language() == 'zh']})" for kind in KINDS))
    parser = sub.add_parser("print", help=about, description=about)
    parser.add_argument("kind", choices=KINDS, metavar=t("KIND"),
                        help=t("which document: {kinds}", kinds=", ".join(KINDS)))
    parser.add_argument("number", metavar=t("NUMBER"), nargs="*",
                        help=t("the slip number, e.g. TS-2026-000123; for `slip`, several print as one PDF"))
    parser.add_argument("--all-open", action="store_true",
                        help=t("`slip` only: every open slip, in number order, as one PDF"))
    add_db_argument(parser)
    parser.add_argument("-o", "--output", metavar=t("FILE.pdf"), required=True,
                        help=t("where to write the PDF"))
    parser.add_argument("--lang", choices=LANGUAGES,
                        help=t("the document's language (default: the estate's printing language, zh unless a "
                               "manager changed it)"))
    body = parser.add_mutually_exclusive_group()
    body.add_argument("--body", metavar=t("TEXT"),
                      help=t("the letter's text; it prints as DRAFT unless it is the text the person in charge "
                             "approved"))
    body.add_argument("--body-file", metavar=t("FILE"),
                      help=t("the letter's text from a UTF-8 file (the same rule)"))
    parser.add_argument("--size", choices=ENVELOPE_SIZES, default="DL", type=str.upper,
                        help=t("the envelope's size for `label` (default DL)"))
    parser.add_argument("--user", metavar=t("USERNAME"),
                        help=t("who printed it, for the slip's history"))
    parser.set_defaults(run=run)


KIND_HELP = {  # what each KIND prints: (English, Chinese)
    "letter": ("the reply letter to the customer", "给客户的答复信函"),
    "slip": ("the handling slip itself", "处理单本身"),
    "transmittal": ("the transmittal that sends the slip to the upper department", "报上级部门的报送单"),
    "receipt": ("the receipt given to the customer", "交给客户的受理回执"),
    "book-reply": ("the reply to write back into the comment book", "写回意见簿的答复"),
    "sheet": ("a pre-filled sheet for a handwritten letter", "手写回信用的预填信纸"),
    "label": ("the envelope's address label", "信封地址标签"),
}


class PrintRefused(SlipdeskError):
    pass


def fail(message: str) -> int:
    raise PrintRefused(message)


def run(args) -> int:
    numbers = [n.strip().upper() for n in args.number]
    if any(validation.has_control_chars(n) for n in numbers):
        return fail(t("a slip number is written like TS-2026-000123."))
    if args.all_open and numbers:
        return fail(t("give slip numbers or --all-open, not both."))
    if not numbers and not args.all_open:
        return fail(t("give a slip number."))
    if args.kind != "slip" and (args.all_open or len(numbers) > 1):
        return fail(t("only the handling slip prints in a batch; give one number for {kind}.", kind=args.kind))
    if (args.body is not None or args.body_file) and args.kind != "letter":
        return fail(t("--body and --body-file apply to the letter only."))
    body = args.body
    if args.body_file:
        try:
            body = Path(args.body_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            return fail(t("cannot read {file}: {problem}", file=args.body_file,
                          problem=getattr(err, "strerror", None) or err))
    if body is not None and (problem := validation.text(body)):
        return fail(t("the letter text: {problem}", problem=problem))
    output = writable_output(args.output)
    open_db(args)
    user = acting_user(args.user, required=False)
    if args.all_open or len(numbers) > 1:
        return run_batch(args, numbers, user, output)
    slip = Slip.get_or_none(Slip.number == numbers[0])
    if slip is None:
        return fail(t("no slip numbered {number!r} in this database.",
                      number=numbers[0]))
    printout = make(args.kind, slip, args.lang, body=body, size=args.size)
    write_whole(output, printout.pdf)
    record_print(slip, user, printout, to="pdf")
    if printout.font_warning:
        print(t("warning: {text}", text=printout.font_warning), file=sys.stderr)
    if printout.draft:
        print(t("wrote {title} as DRAFT (the reply text is not the approved one) to {output} ({size:,} bytes)",
                title=printout.title(language()), output=args.output, size=len(printout.pdf)))
    else:
        print(t("wrote {title} to {output} ({size:,} bytes)",
                title=printout.title(language()), output=args.output, size=len(printout.pdf)))
    return 0


def run_batch(args, numbers: list[str], user: User | None, output: Path) -> int:
    """The handling slips of `numbers` (or of every open slip) as one PDF, logged in one transaction."""
    if args.all_open:
        ids = [row[0] for row in Slip.select(Slip.id).where(Slip.status.in_(OPEN_STATUSES))
               .order_by(Slip.number).tuples()]
        if not ids:
            return fail(t("no open slips in this database."))
    else:
        found = slip_ids(numbers)
        if missing := [n for n in numbers if n not in found]:
            return fail(t("no slip numbered {number} in this database.",
                          number=", ".join(map(repr, missing))))
        ids = [found[n] for n in numbers]
    batch = make_batch(ids, args.lang)
    write_whole(output, batch.pdf)
    log_batch(batch, user, to="pdf")
    if batch.font_warning:
        print(t("warning: {text}", text=batch.font_warning), file=sys.stderr)
    print(t("wrote {slips} as one PDF to {output} ({size:,} bytes)",
            slips=plural(len(batch.numbers), "handling slip", "handling slips"), output=args.output,
            size=len(batch.pdf)))
    return 0


def slip_ids(numbers: list[str]) -> dict[str, int]:
    """Slip ids by number, read a few hundred numbers per query."""
    found: dict[str, int] = {}
    for start in range(0, len(numbers), BATCH_READ):
        chunk = numbers[start:start + BATCH_READ]
        found.update(Slip.select(Slip.number, Slip.id).where(Slip.number.in_(chunk)).tuples())
    return found
