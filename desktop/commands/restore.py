"""`slipdesk-admin restore FILE --db PATH`: replace the database with a verified backup.

The backup is checked before anything is replaced (a SQLite copy by models.backup.check_file, a
PostgreSQL archive by `pg_restore --list`); a refusal goes to stderr with exit status 2.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from desktop.commands.common import add_db_argument
from models import backup, pg_backup
from models.db import is_postgres_url
from models.i18n import t
from models.store import default_database_path


def register(sub) -> None:
    parser = sub.add_parser("restore", help="replace the database with a backup (checked first; the old one is kept)")
    parser.add_argument("file", metavar="FILE", help="the backup to restore")
    add_db_argument(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    started = time.perf_counter()
    target = args.db or str(default_database_path())
    if is_postgres_url(target):
        pg_backup.restore(args.file, target)
        print(f"restored {args.file} into {target} in {time.perf_counter() - started:.1f} s")
        return 0
    check = backup.check_file(args.file)
    if not check.ok:
        print(t("slipdesk-admin restore: not restored, nothing was changed: {problem}",
                "slipdesk-admin restore：未恢复，未做任何改动：{problem}", problem=check.problem), file=sys.stderr)
        return 2
    Path(target).expanduser().parent.mkdir(parents=True, exist_ok=True)  # a new desk's data folder
    kept = backup.restore_sqlite(args.file, Path(target).expanduser())
    print(f"restored {check.slips:,} slips from {args.file} into {target} in {time.perf_counter() - started:.1f} s")
    if kept:
        print(f"the database it replaced is kept as {kept}")
    return 0
