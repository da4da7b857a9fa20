"""`slipdesk-admin backup --db PATH -o FILE`: a verified online copy of the database (SQLite: the
online backup API, then check_file; PostgreSQL: pg_dump, then pg_restore --list reads it back)."""
from __future__ import annotations

import time
from pathlib import Path

from desktop.commands.common import add_db_argument, open_db
from models import backup, pg_backup
from models.db import is_postgres_url
from models.store import default_database_path


def register(sub) -> None:
    parser = sub.add_parser("backup", help="copy the database (online, verified) to a file")
    add_db_argument(parser)
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write the backup")
    parser.set_defaults(run=run)


def run(args) -> int:
    started = time.perf_counter()
    target = Path(args.output).expanduser()
    source = args.db or str(default_database_path())
    if is_postgres_url(source):
        pg_backup.backup(source, target)
        print(f"backed up {source} to {target} ({target.stat().st_size:,} bytes), verified (pg_restore --list), "
              f"in {time.perf_counter() - started:.1f} s")
        return 0
    open_db(args)
    result = backup.backup_sqlite(target)
    print(f"backed up {result.slips:,} slips to {target} ({target.stat().st_size:,} bytes), "
          f"verified, in {time.perf_counter() - started:.1f} s")
    return 0
