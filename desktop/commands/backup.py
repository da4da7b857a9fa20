"""`slipdesk-admin backup --db PATH -o FILE`: a verified online copy of the database."""
from __future__ import annotations

import time
from pathlib import Path

from desktop.commands.common import add_db_argument, open_db
from models import backup
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
        backup.backup_postgres(source, target)
        print(f"backed up {source} to {target} ({target.stat().st_size:,} bytes) "
              f"in {time.perf_counter() - started:.1f} s")
        return 0
    open_db(args)
    result = backup.backup_sqlite(target)
    print(f"backed up {result.slips:,} slips to {target} ({target.stat().st_size:,} bytes), "
          f"verified, in {time.perf_counter() - started:.1f} s")
    return 0
