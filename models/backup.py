"""Backups of the desk's database: online copies, rotation, verification and restore.

SQLite is copied with its online backup API (a consistent copy while the app runs). Every
copy is checked before it counts as a backup, and a restore is checked before it replaces
anything; the database it replaces is kept beside it, never silently deleted.
PostgreSQL (several desks) is backed up with the server's own pg_dump / pg_restore (models.pg_backup).
"""
from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

Progress = Callable[[int, int], None]  # pages copied, pages in all

from models import clock
from models.db import database
from models.errors import SlipdeskError
from models.i18n import t

PREFIX = "slipdesk-"
SUFFIX = ".db"


class BackupFailed(SlipdeskError):
    pass


@dataclass(frozen=True)
class Check:
    ok: bool
    problem: str = ""
    schema_version: int = 0
    slips: int = 0


def check_file(path: str | os.PathLike, quick: bool = False,
               watch: Callable[[sqlite3.Connection], None] | None = None) -> Check:
    """Is this a sound Slipdesk database? Never raises: a truncated or foreign file says why.

    Reads every page of the file (`quick`: PRAGMA quick_check, else the slower integrity_check).
    `watch` is handed the open connection first, so that another thread may `interrupt()` a check
    that is no longer wanted (it then reports the file as unreadable: the caller knows why)."""
    path = Path(path)
    problem = _file_problem(path)
    if problem:
        return Check(False, problem)
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=watch is None)
        try:
            if watch is not None:
                watch(conn)
            pragma = "quick_check" if quick else "integrity_check"
            result = conn.execute(f"PRAGMA {pragma}").fetchone()[0]
            if result != "ok":
                return _damaged(path, result)
            return _slipdesk_check(conn, path, count=True)
        finally:
            conn.close()
    except sqlite3.DatabaseError as err:
        return _unreadable(path, err)


# What a desk reads first when it opens: checked on every start, whatever the file's size.
START_TABLES = ("schema_version", "user", "setting")


def light_check(path: str | os.PathLike) -> Check:
    """The check that costs the same on a file of any size: whole (as long as its header says),
    SQLite, its schema readable and Slipdesk's, and the tables a desk reads first sound
    (quick_check of those tables and their indexes only). It catches a truncated, foreign or
    overwritten-at-the-start file; damage deeper in the file needs `check_file`, which reads it
    all (a million slips: seconds). `slips` is not counted (0)."""
    path = Path(path)
    problem = _file_problem(path) or _truncated(path)
    if problem:
        return Check(False, problem)
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            found = _slipdesk_check(conn, path, count=False)
            if not found.ok:
                return found
            present = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            for table in (name for name in START_TABLES if name in present):
                result = conn.execute(f'PRAGMA quick_check("{table}")').fetchone()[0]
                if result != "ok":
                    return _damaged(path, result)
            return found
        finally:
            conn.close()
    except sqlite3.DatabaseError as err:
        return _unreadable(path, err)


def _file_problem(path: Path) -> str:
    """Why `path` cannot be a SQLite database at all ("" when it may be one)."""
    if not path.is_file():
        return t("{path} does not exist.", "{path} 不存在。", path=path)
    if path.stat().st_size == 0:
        return t("{path} is empty.", "{path} 是空文件。", path=path)
    with open(path, "rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            return t("{name} is not a SQLite database.", "{name} 不是 SQLite 数据库。", name=path.name)
    return ""


def _truncated(path: Path) -> str:
    """Why the file is shorter than its own header says ("" when it is whole).

    A database file holds whole pages, and its header (https://sqlite.org/fileformat.html, 1.3)
    records the pages in it when the change counter (offset 24) matches offset 92. The write-ahead
    log is left out: a crash in the middle of a checkpoint may leave the file short while the log
    still holds its pages, and such a session did not end cleanly (the full check runs then)."""
    with open(path, "rb") as handle:
        header = handle.read(100)
    size = path.stat().st_size
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    valid = header[24:28] == header[92:96]
    short = len(header) < 100 or not page_size or size % page_size or (valid and size < pages * page_size)
    if short and not _log_beside(path):
        return t("{name} is shorter than its own header says: the file was cut off.",
                 "{name} 比其文件头所记录的短：文件被截断了。", name=path.name)
    return ""


def _log_beside(path: Path) -> bool:
    wal = Path(f"{path}-wal")
    return wal.exists() and wal.stat().st_size > 0


def _slipdesk_check(conn: sqlite3.Connection, path: Path, count: bool) -> Check:
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not {"schema_version", "slip", "slip_event"} <= tables:
        return Check(False, t("{name} is a SQLite file but not a Slipdesk database.",
                              "{name} 是 SQLite 文件，但不是 Slipdesk 数据库。", name=path.name))
    version = conn.execute("SELECT version FROM schema_version").fetchone()[0]
    slips = conn.execute("SELECT count(*) FROM slip").fetchone()[0] if count else 0
    return Check(True, "", version, slips)


def _damaged(path: Path, result: str) -> Check:
    return Check(False, t("{name} is damaged: {result}", "{name} 已损坏：{result}", name=path.name, result=result))


def _unreadable(path: Path, err: sqlite3.DatabaseError) -> Check:
    return Check(False, t("{name} cannot be read as a database: {err}", "{name} 无法作为数据库读取：{err}",
                          name=path.name, err=err))


def _private(path: Path) -> None:
    os.chmod(path, 0o600)


def backup_sqlite(target: str | os.PathLike, progress: Progress | None = None) -> Check:
    """Copy the open SQLite database to `target` online, then verify the copy; `progress`
    hears the pages copied so far after each step (a desk shows it while it backs up)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    fd = os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    os.close(fd)
    source = database.connection()
    dest = sqlite3.connect(partial)
    try:
        report = (lambda _status, remaining, total: progress(total - remaining, total)) if progress else None
        source.backup(dest, pages=4096, progress=report)  # `progress` raising (a cancel) stops the copy
        dest.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
    except BaseException:
        dest.close()
        partial.unlink(missing_ok=True)  # a half-made copy is worth nothing: never left to look like one
        raise
    else:
        dest.close()
    result = check_file(partial)
    if not result.ok:
        partial.unlink(missing_ok=True)
        raise BackupFailed(t("The backup copy failed its check: {problem}", "备份副本未通过校验：{problem}",
                             problem=result.problem))
    os.replace(partial, target)
    _private(target)
    return result


def copy_out_allowed(user, destination: str | os.PathLike) -> None:
    """Copying the database off the desk (a chosen folder, a USB drive) carries every resident's
    phone and address: a manager's decision, written to the audit log like any export of
    personal data. Raises PermissionDenied for anyone else."""
    from models import audit
    from models.accounts import require_role
    from models.vocab import Role

    require_role(user, Role.MANAGER, action=t("copy the database off this desk (it holds residents' phones and "
                                              "addresses)", "将数据库复制出本前台（其中含住户电话和地址）"))
    audit.log(user, "backup_copied_out", destination=str(destination))


def rotated_backup(folder: str | os.PathLike, keep: int, reason: str = "",
                   progress: Progress | None = None) -> Path:
    """A timestamped copy in `folder`, keeping the newest `keep` and removing older ones."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    tag = f"-{reason}" if reason else ""
    target = folder / f"{PREFIX}{stamp}{tag}{SUFFIX}"
    backup_sqlite(target, progress)
    for old in list_backups(folder)[max(1, keep):]:
        old.unlink(missing_ok=True)
    return target


def list_backups(folder: str | os.PathLike) -> list[Path]:
    """Backups in `folder`, newest first."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{PREFIX}*{SUFFIX}"), key=lambda p: p.name, reverse=True)


def last_good_backup(folder: str | os.PathLike) -> Path | None:
    for candidate in list_backups(folder):
        if check_file(candidate).ok:
            return candidate
    return None


def backed_up_today(folder: str | os.PathLike) -> bool:
    today = clock.today().strftime("%Y%m%d")
    return any(p.name.startswith(f"{PREFIX}{today}") for p in list_backups(folder))


def restore_sqlite(source: str | os.PathLike, target: str | os.PathLike) -> Path | None:
    """Replace the database at `target` with the verified backup `source`.

    The database being replaced is first copied to `<target>.before-restore-<time>` and that
    path is returned (None when there was nothing to keep). The target must not be open.
    """
    from models.migrations import LATEST

    source, target = Path(source), Path(target)
    result = check_file(source)
    if not result.ok:
        raise BackupFailed(t("Not restored: {problem}", "未恢复：{problem}", problem=result.problem))
    if result.schema_version > LATEST:
        raise BackupFailed(t("Not restored: the backup was written by a newer Slipdesk.", "未恢复：该备份由更新版本的 Slipdesk 生成。"))
    kept = None
    if target.exists() and target.stat().st_size:
        kept = target.with_name(f"{target.name}.before-restore-{clock.now():%Y%m%d-%H%M%S}")
        _keep(target, kept)
    staged = target.with_name(target.name + ".restoring")
    shutil.copyfile(source, staged)
    _private(staged)
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    os.replace(staged, target)
    return kept


def _keep(path: Path, kept: Path) -> None:
    """Keep the database being replaced: a consistent copy when it is sound, else (a damaged file
    is what a restore is usually for) its bytes exactly as they are, log included, for whoever
    tries to recover it."""
    if check_file(path, quick=True).ok:
        try:
            _copy_consistent(path, kept)
            return
        except sqlite3.DatabaseError:
            pass
    shutil.copyfile(path, kept)
    _private(kept)
    wal = Path(f"{path}-wal")
    if wal.exists():
        shutil.copyfile(wal, f"{kept}-wal")
        _private(Path(f"{kept}-wal"))


def _copy_consistent(path: Path, target: Path) -> None:
    """Copy a (possibly WAL-mode) database including its unmerged log, via the backup API."""
    fd = os.open(target, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    os.close(fd)
    src = sqlite3.connect(path)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
    finally:
        dst.close()
        src.close()
