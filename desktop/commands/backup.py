"""`slipdesk-admin backup --db PATH -o FILE`: a verified online copy of the database (SQLite: the
online backup API, then check_file; PostgreSQL: pg_dump, then pg_restore --list reads it back),
sealed with its content's digests and its anchor (models.backup, models.pg_backup), which also
becomes the database's anchor file."""
from __future__ import annotations

import time

from desktop.commands.common import add_db_argument, open_db, writable_output
from models import anchors, backup, pg_backup
from models.db import is_postgres_url
from models.i18n import plural, t


def register(sub) -> None:
    about = t("copy the database, while desks work on it, to a file and check the copy before calling it a "
              "backup, sealed with its content's digests and its anchor (SQLite: the online backup API; "
              "PostgreSQL: pg_dump, read back with pg_restore --list)")
    parser = sub.add_parser("backup", help=about, description=about)
    add_db_argument(parser)
    parser.add_argument("-o", "--output", required=True, metavar=t("FILE"),
                        help=t("where to write the backup"))
    parser.set_defaults(run=run)


def run(args) -> int:
    started = time.perf_counter()
    target = writable_output(args.output)
    where = open_db(args)
    if is_postgres_url(where) or is_postgres_url(args.db or ""):
        anchor = pg_backup.backup(args.db, target)
        print(t("backed up {where} to {target} ({size:,} bytes), verified (pg_restore --list), in {seconds:.1f} s",
                where=where, target=target, size=target.stat().st_size, seconds=time.perf_counter() - started))
    else:
        result = backup.backup_sqlite(target)
        anchor = anchors.kept()
        print(t("backed up {slips} to {target} ({size:,} bytes), verified, in {seconds:.1f} s",
                slips=plural(result.slips, "slip", "slips"), target=target, size=target.stat().st_size,
                seconds=time.perf_counter() - started))
    if anchor is not None:
        print(t("sealed with its {anchor}", anchor=anchor.describe()))
    return 0
