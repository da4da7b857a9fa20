"""`slipdesk-admin restore FILE --db PATH`: replace the database with a verified backup.

The backup is verified before anything is replaced (models.backup.verify_backup: the file, its
seal's digests, every history and the anchor it carries, in a scratch copy; a PostgreSQL archive
likewise in a scratch database); a refusal names the first problem, goes to stderr with exit
status 2, and leaves the database as it was. The restored database's anchor file becomes the
backup's.
"""
from __future__ import annotations

import time
from pathlib import Path

from desktop.commands.common import add_db_argument
from models import backup, pg_backup
from models.db import is_postgres_url
from models.i18n import plural, t
from models.paths import default_database_path


def register(sub) -> None:
    about = t("replace the database with a backup: the backup is verified first (its seal, every history, the "
              "anchor it carries), and the database it replaces is kept beside it (…before-restore-…); close every "
              "desk working on it first")
    parser = sub.add_parser("restore", help=about, description=about)
    parser.add_argument("file", metavar=t("FILE"), help=t("the backup to restore"))
    add_db_argument(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    started = time.perf_counter()
    target = args.db or str(default_database_path())
    if is_postgres_url(target):
        pg_backup.restore(args.file, target)
        print(t("restored {file} into {target} in {seconds:.1f} s",
                file=args.file, target=target, seconds=time.perf_counter() - started))
        return 0
    source = Path(args.file).expanduser()
    Path(target).expanduser().parent.mkdir(parents=True, exist_ok=True)  # a new desk's data folder
    kept = backup.restore_sqlite(source, Path(target).expanduser())
    slips = backup.check_file(Path(target).expanduser()).slips
    print(t("restored {slips} from {file} into {target} in {seconds:.1f} s",
            slips=plural(slips, "slip", "slips"), file=args.file, target=target,
            seconds=time.perf_counter() - started))
    if kept:
        print(t("the database it replaced is kept as {kept}", kept=kept))
    return 0
