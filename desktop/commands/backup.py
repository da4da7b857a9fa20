"""`slipdesk-admin backup --db PATH -o FILE`: a verified online copy of the database (SQLite: the
online backup API, then check_file; PostgreSQL: pg_dump, then pg_restore --list reads it back)."""
from __future__ import annotations

import time
from pathlib import Path

from desktop.commands.common import add_db_argument, open_db
from models import backup, pg_backup
from models.db import is_postgres_url
from models.i18n import plural, t
from models.store import default_database_path


def register(sub) -> None:
    about = t("copy the database, while desks work on it, to a file and check the copy before calling it a "
              "backup (SQLite: the online backup API; PostgreSQL: pg_dump, read back with pg_restore --list)",
              "在各前台照常使用时把数据库复制到文件，并在检查副本无误后才算作备份"
              "（SQLite：在线备份接口；PostgreSQL：pg_dump，再用 pg_restore --list 读回检查）")
    parser = sub.add_parser("backup", help=about, description=about)
    add_db_argument(parser)
    parser.add_argument("-o", "--output", required=True, metavar=t("FILE", "文件"),
                        help=t("where to write the backup", "备份写到哪个文件"))
    parser.set_defaults(run=run)


def run(args) -> int:
    started = time.perf_counter()
    target = Path(args.output).expanduser()
    source = args.db or str(default_database_path())
    if is_postgres_url(source):
        pg_backup.backup(source, target)
        print(t("backed up {source} to {target} ({size:,} bytes), verified (pg_restore --list), in {seconds:.1f} s",
                "已将 {source} 备份到 {target}（{size:,} 字节），已校验（pg_restore --list），用时 {seconds:.1f} 秒",
                source=source, target=target, size=target.stat().st_size, seconds=time.perf_counter() - started))
        return 0
    open_db(args)
    result = backup.backup_sqlite(target)
    print(t("backed up {slips} to {target} ({size:,} bytes), verified, in {seconds:.1f} s",
            "已将 {slips}备份到 {target}（{size:,} 字节），已校验，用时 {seconds:.1f} 秒",
            slips=plural(result.slips, "slip", "slips", "张处理单"), target=target, size=target.stat().st_size,
            seconds=time.perf_counter() - started))
    return 0
