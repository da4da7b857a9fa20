"""What every admin command shares: the `--db` argument and opening it.

A SQLite file is checked before it is opened (models.backup.light_check: whole, SQLite,
Slipdesk's, the first tables sound): opening a truncated or foreign file would either fail deep
inside a command ("file is not a database") or, worse, write Slipdesk's tables into someone
else's file. The check costs the same on a file of any size.
"""
from __future__ import annotations

import argparse
import gettext
import os
from pathlib import Path

import peewee

from models import estates
from models.backup import light_check
from models.db import is_postgres_url
from models.errors import SlipdeskError
from models.i18n import language, t
from models.validation import has_control_chars
from models.connection import open_database
from models.paths import default_database_path

# Commands that write a new database where there is none. The others read one that must exist:
# a mistyped path must not answer "all 0 slips verify" over an empty file it just created.
CREATES = frozenset({"demo"})


class DatabaseRefused(SlipdeskError):
    pass


# argparse's own words (usage, option lists, its refusals), which it looks up through gettext; no
# Chinese catalogue of them ships with Python, so slipdesk-admin carries this one.
ARGPARSE_ZH = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示此帮助后退出",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ignored explicit argument %r": "忽略了多余的参数值 %r",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "one of the arguments %s is required": "参数 %s 中必须给出一个",
    "expected one argument": "需要一个参数值",
    "expected at most one argument": "最多一个参数值",
    "expected at least one argument": "至少需要一个参数值",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 有歧义，可能是 %(matches)s",
    "unexpected option string: %s": "意外的选项：%s",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择：%(value)r（可选：%(choices)s）",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
}


def _argparse_words(message: str) -> str:
    """argparse's `_`: its own words in the language messages are spoken in now."""
    return ARGPARSE_ZH.get(message, message) if language() == "zh" else gettext.gettext(message)


def speak_argparse() -> None:
    """Have argparse's usage lines, headings and refusals follow models.i18n's language (it calls
    the module-level `_` it imported from gettext; the desk's own window never uses argparse's words)."""
    argparse._ = _argparse_words


class OutputRefused(SlipdeskError):
    pass


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar=t("PATH"), default=None,
                        help=t("the database: a SQLite file or a postgresql:// URL (default: {path})", path=default_database_path()))


def add_review_output_arguments(parser: argparse.ArgumentParser) -> None:
    """Where a review is written, in which language, and who takes it out (the desk's report and
    the company's alike: a review names complainants)."""
    parser.add_argument("-o", "--output", metavar=t("FILE.pdf|FILE.xlsx"), required=True,
                        help=t("where to write it; the ending chooses PDF or XLSX"))
    parser.add_argument("--lang", choices=("zh", "en"),
                        help=t("the report's language (default: the estate's printing language, zh unless a "
                               "manager changed it)"))
    parser.add_argument("--user", metavar=t("USERNAME"),
                        help=t("who takes the report (a person in charge or a manager: it names complainants), for the "
                               "audit log"))


def open_db(args: argparse.Namespace) -> str:
    target = str(args.db or default_database_path())
    if not is_postgres_url(target):
        check_sqlite(Path(target).expanduser(), creates=getattr(args, "command", None) in CREATES)
    try:
        return open_database(target)
    except (peewee.OperationalError, peewee.InterfaceError) as err:
        raise DatabaseRefused(t("Cannot open the database {target}: {problem} Nothing was done.", target=_shown(target),
                                problem=_first_line(err))) from None


def _shown(target: str) -> str:
    """The database as it may be shown: a URL without its password."""
    from urllib.parse import urlparse

    parsed = urlparse(target)
    if parsed.password:
        return target.replace(f":{parsed.password}@", ":***@")
    return target


def _first_line(err: Exception) -> str:
    text = str(err).strip().splitlines()
    return (text[0] if text else type(err).__name__).rstrip(".") + "."


def writable_output(output: str) -> Path:
    """The file a command is to write, or a refusal saying why it cannot be one (before any work)."""
    text = str(output or "")
    if not text.strip() or has_control_chars(text):
        raise OutputRefused(t("Name the file to write (-o FILE)."))
    path = Path(text).expanduser()
    if path.is_dir() or text.endswith(("/", os.sep)):
        raise OutputRefused(t("{path} is a folder: name a file in it.", path=path))
    if len(path.name.encode("utf-8", "surrogatepass")) > 255 or len(str(path).encode("utf-8", "surrogatepass")) > 4000:
        raise OutputRefused(t("The file name is too long."))
    parent = path.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir() or not os.access(parent, os.W_OK):
        raise OutputRefused(t("Cannot write in {folder}.", folder=parent))
    return path


def write_whole(path: Path, data: bytes) -> None:
    """Write `data` to `path` whole or not at all: a partial file beside it, flushed, then put in
    place; a failure leaves neither the partial file nor a half-written one, and says why."""
    partial = path.with_name(path.name + ".partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
    except OSError as err:
        raise OutputRefused(t("Cannot write {path}: {problem}", path=path,
                              problem=err.strerror or err)) from None
    finally:
        partial.unlink(missing_ok=True)


def acting_user(username: str | None, required: bool = True):
    """The account a command acts as (--user), as stored now; a refusal when there is none."""
    from models.accounts import User

    if not username:
        if required:
            raise DatabaseRefused(t("Say who does this: --user USERNAME."))
        return None
    user = (None if has_control_chars(str(username))  # an account of this login's own estate (models.estates)
            else User.get_or_none((User.username == str(username).strip()) & estates.own(User)))
    if user is None or not user.active:
        raise DatabaseRefused(t("There is no active account “{name}”.",
                                name=str(username).encode("utf-8", "replace").decode("utf-8")))
    return user


def check_sqlite(path: Path, creates: bool) -> None:
    """Refuse a file that is not a sound Slipdesk database, before anything opens (or writes) it.
    A missing or empty file is a new database for a command that creates one (SQLite starts an
    empty file afresh)."""
    if creates and (not path.exists() or (path.is_file() and path.stat().st_size == 0)):
        return
    if not path.exists():
        raise DatabaseRefused(t("{path} does not exist: nothing was done. Give the database's path with --db.", path=path))
    check = light_check(path)
    if not check.ok:
        raise DatabaseRefused(t("{problem} Nothing was changed. To go on working, restore a backup: "
                                "slipdesk-admin restore BACKUP --db {path}",
                                problem=check.problem, path=path))
