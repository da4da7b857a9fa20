"""What every admin command shares: the `--db` argument and opening it.

A SQLite file is checked before it is opened (models.backup.light_check: whole, SQLite,
Slipdesk's, the first tables sound): opening a truncated or foreign file would either fail deep
inside a command ("file is not a database") or, worse, write Slipdesk's tables into someone
else's file. The check costs the same on a file of any size.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from models.backup import light_check
from models.db import is_postgres_url
from models.errors import SlipdeskError
from models.i18n import t
from models.store import default_database_path, open_database

# Commands that write a new database where there is none. The others read one that must exist:
# a mistyped path must not answer "all 0 slips verify" over an empty file it just created.
CREATES = frozenset({"demo"})


class DatabaseRefused(SlipdeskError):
    pass


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH", default=None,
                        help=f"SQLite file or postgresql:// URL (default: {default_database_path()})")


def open_db(args: argparse.Namespace) -> str:
    target = str(args.db or default_database_path())
    if not is_postgres_url(target):
        check_sqlite(Path(target).expanduser(), creates=getattr(args, "command", None) in CREATES)
    return open_database(target)


def check_sqlite(path: Path, creates: bool) -> None:
    """Refuse a file that is not a sound Slipdesk database, before anything opens (or writes) it.
    A missing or empty file is a new database for a command that creates one (SQLite starts an
    empty file afresh)."""
    if creates and (not path.exists() or (path.is_file() and path.stat().st_size == 0)):
        return
    if not path.exists():
        raise DatabaseRefused(t("{path} does not exist: nothing was done. Give the database's path with --db.",
                                "{path} 不存在：未做任何操作。请用 --db 指定数据库的路径。", path=path))
    check = light_check(path)
    if not check.ok:
        raise DatabaseRefused(t("{problem} Nothing was changed. To go on working, restore a backup: "
                                "slipdesk-admin restore BACKUP --db {path}",
                                "{problem} 未做任何改动。如需继续使用，请恢复备份：slipdesk-admin restore 备份文件 --db {path}",
                                problem=check.problem, path=path))
