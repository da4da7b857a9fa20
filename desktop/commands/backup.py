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
              "PostgreSQL: pg_dump, read back with pg_restore --list)",
              "在各前台照常使用时把数据库复制到文件，并在检查副本无误后才算作备份，附有其内容摘要和锚点"
              "（SQLite：在线备份接口；PostgreSQL：pg_dump，再用 pg_restore --list 读回检查）")
    parser = sub.add_parser("backup", help=about, description=about)
    add_db_argument(parser)
    parser.add_argument("-o", "--output", required=True, metavar=t("FILE", "文件"),
                        help=t("where to write the backup", "备份写到哪个文件"))
    parser.set_defaults(run=run)


def run(args) -> int:
    started = time.perf_counter()
    target = writable_output(args.output)
    where = open_db(args)
    if is_postgres_url(where) or is_postgres_url(args.db or ""):
        anchor = pg_backup.backup(args.db, target)
        print(t("backed up {where} to {target} ({size:,} bytes), verified (pg_restore --list), in {seconds:.1f} s",
                "已将 {where} 备份到 {target}（{size:,} 字节），已校验（pg_restore --list），用时 {seconds:.1f} 秒",
                where=where, target=target, size=target.stat().st_size, seconds=time.perf_counter() - started))
    else:
        result = backup.backup_sqlite(target)
        anchor = anchors.kept()
        print(t("backed up {slips} to {target} ({size:,} bytes), verified, in {seconds:.1f} s",
                "已将 {slips}备份到 {target}（{size:,} 字节），已校验，用时 {seconds:.1f} 秒",
                slips=plural(result.slips, "slip", "slips", "张处理单"), target=target, size=target.stat().st_size,
                seconds=time.perf_counter() - started))
    if anchor is not None:
        print(t("sealed with its {anchor}", "附有其{anchor}", anchor=anchor.describe()))
    return 0
