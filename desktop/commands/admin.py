"""`slipdesk-admin`: the console command for admin work.

Each subcommand lives in `desktop/commands/<name>.py` with `register(subparsers)`; its
arguments are a public interface (scripts depend on them), so change them only by adding.
"""
from __future__ import annotations

import argparse
import logging
import sys

import peewee

from desktop.shell import logs
from desktop.commands import COMMANDS
from desktop.commands.common import speak_argparse
from desktop.shell.integration import VersionAction
from models import db, i18n
from models.errors import SlipdeskError
from models.i18n import t

log = logging.getLogger("slipdesk.admin")


class CommandList(argparse.HelpFormatter):
    """argparse measures the commands' names one indent short of where it prints them, so a long
    one (bench-live) would stand on a line of its own, apart from its sentence: measure them where
    they are printed."""

    def add_argument(self, action: argparse.Action) -> None:
        super().add_argument(action)
        if isinstance(action, argparse._SubParsersAction) and action.help is not argparse.SUPPRESS:
            longest = max(len(self._format_action_invocation(command)) for command in action._get_subactions())
            self._action_max_length = max(self._action_max_length,
                                          longest + self._current_indent + self._indent_increment)


def build_parser() -> argparse.ArgumentParser:
    """The command line, its help in the language messages are spoken in now (models.i18n)."""
    speak_argparse()
    parser = argparse.ArgumentParser(prog="slipdesk-admin", formatter_class=CommandList, description=t(
        "Slipdesk's admin commands, on the desk's database without its window. Every message is in the "
        "system locale's language (LANG=zh_CN.UTF-8: Chinese, else English); a command's own --lang is "
        "the language of the document it writes. `slipdesk-admin COMMAND --help` tells one command's options."))
    parser.add_argument("--version", action=VersionAction, help=t("print the version and exit"))
    sub = parser.add_subparsers(dest="command", required=True, metavar=t("COMMAND"))
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
    speaking = i18n.language()
    i18n.set_language(i18n.system_language())  # before the parser: its help and errors speak it too
    args = argparse.Namespace(command="")  # what a failure while reading the arguments names
    try:
        args = build_parser().parse_args(argv)
        logs.catch_native_crashes("slipdesk-admin")
        return int(args.run(args) or 0)
    except SlipdeskError as err:
        print(f"slipdesk-admin {args.command}{t(': ')}{err}", file=sys.stderr)
        return 2
    except UnicodeError:  # an argument or a file name in bytes that are not text in this locale
        print(f"slipdesk-admin {args.command}{t(': ')}"
              + t("an argument holds characters that are not text; nothing was changed."), file=sys.stderr)
        return 2
    except OSError as err:  # a file the command was given: missing, unreadable, a folder, its disk full
        log.info("slipdesk-admin %s: %s", args.command, err)
        print(f"slipdesk-admin {args.command}{t(': ')}" + t("{file}: {problem}. Nothing was changed.",
                                                     file=err.filename or t("a file"),
                                                     problem=err.strerror or err), file=sys.stderr)
        return 2
    except peewee.OperationalError as err:
        if not db.is_busy(err):
            return _unexpected(args.command, err)
        print(f"slipdesk-admin {args.command}{t(': ')}{db.DatabaseBusy.message()}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(t("slipdesk-admin {command}: interrupted", command=args.command),
              file=sys.stderr)
        return 130
    except Exception as err:  # noqa: BLE001 - the console gets a line, the log the traceback
        return _unexpected(args.command, err)
    finally:
        i18n.set_language(speaking)  # main() runs in-process too (tests, scripts): leave it as found


def _unexpected(command: str, err: BaseException) -> int:
    """A fault of Slipdesk's own, not of what it was given: a line here, the traceback in the log."""
    log.exception("slipdesk-admin %s failed", command)
    print(t("slipdesk-admin {command}: unexpected error: {err} (details in {log})",
            command=command, err=err, log=logs.log_path()), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
