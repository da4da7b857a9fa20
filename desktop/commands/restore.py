"""`slipdesk-admin restore FILE --db PATH`: replace the database with a verified backup."""
from __future__ import annotations

import time
from pathlib import Path

from desktop.commands.common import add_db_argument
from models import backup
from models.db import is_postgres_url
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
        backup.restore_postgres(args.file, target)
        print(f"restored {args.file} into {target} in {time.perf_counter() - started:.1f} s")
        return 0
    check = backup.check_file(args.file)
    if not check.ok:
        print(f"slipdesk-admin restore: not restored: {check.problem}")
        return 2
    kept = backup.restore_sqlite(args.file, target)
    print(f"restored {check.slips:,} slips from {args.file} into {target} in {time.perf_counter() - started:.1f} s")
    if kept:
        print(f"the database it replaced is kept as {kept}")
    return 0
