"""`slipdesk-admin`: the console command for admin work.

Each subcommand lives in `desktop/commands/<name>.py` with `register(subparsers)`; its
arguments are a public interface (scripts depend on them), so change them only by adding.
"""
from __future__ import annotations

import argparse
import logging
import sys

import peewee

from desktop import logs
from desktop.commands import COMMANDS
from models import db, i18n
from models.errors import SlipdeskError
from models.i18n import t

log = logging.getLogger("slipdesk.admin")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="slipdesk-admin", description="Slipdesk admin commands; refusals and "
                                     "problems are reported in the system locale's language (LANG=zh_CN.UTF-8: "
                                     "Chinese). A command's own --lang is the language of the document it writes.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMANDS:
        module.register(sub)
    return parser


def _printable() -> None:
    """Output that names what it was given prints whatever was given: bytes that are not text in
    this locale (a file name, an argument) are shown escaped, never a crash while saying so."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError):
            pass


def main(argv: list[str] | None = None) -> int:
    logs.setup()
    _printable()
    args = build_parser().parse_args(argv)
    speaking = i18n.language()
    i18n.set_language(i18n.system_language())
    try:
        return int(args.run(args) or 0)
    except SlipdeskError as err:
        print(f"slipdesk-admin {args.command}: {err}", file=sys.stderr)
        return 2
    except UnicodeError:  # an argument or a file name in bytes that are not text in this locale
        print(f"slipdesk-admin {args.command}: " + t("an argument holds characters that are not text; nothing was "
                                                     "changed.", "参数中含有无法识别的字符；未做任何改动。"),
              file=sys.stderr)
        return 2
    except OSError as err:  # a file the command was given: missing, unreadable, a folder, its disk full
        log.info("slipdesk-admin %s: %s", args.command, err)
        print(f"slipdesk-admin {args.command}: " + t("{file}: {problem}. Nothing was changed.",
                                                     "{file}：{problem}。未做任何改动。",
                                                     file=err.filename or t("a file", "某个文件"),
                                                     problem=err.strerror or err), file=sys.stderr)
        return 2
    except peewee.OperationalError as err:
        if not db.is_busy(err):
            return _unexpected(args.command, err)
        print(f"slipdesk-admin {args.command}: {db.DatabaseBusy.message()}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"slipdesk-admin {args.command}: interrupted", file=sys.stderr)
        return 130
    except Exception as err:  # noqa: BLE001 - the console gets a line, the log the traceback
        return _unexpected(args.command, err)
    finally:
        i18n.set_language(speaking)  # main() runs in-process too (tests, scripts): leave it as found


def _unexpected(command: str, err: BaseException) -> int:
    """A fault of Slipdesk's own, not of what it was given: a line here, the traceback in the log."""
    log.exception("slipdesk-admin %s failed", command)
    print(f"slipdesk-admin {command}: unexpected error: {err} (details in {logs.log_path()})", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
