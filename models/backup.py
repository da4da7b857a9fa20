"""Backups of the desk's database: online copies, rotation, verification and restore.

SQLite is copied with its online backup API (a consistent copy while the app runs). Every
copy is checked before it counts as a backup, and a restore is checked before it replaces
anything; the database it replaces is kept beside it, never silently deleted.
PostgreSQL (several desks) is backed up with the server's own pg_dump / pg_restore (models.pg_backup).

Each backup carries its seal (the `backup_seal` table, written into the copy once it is checked):
a digest of every table's content as copied, and the copy's anchor (models.anchors), which also
becomes the database's anchor file. `verify_backup` — run by a restore and by the start-up
recovery before anything is replaced — checks the file, recomputes every table's digest, then
opens a scratch copy and verifies every slip's history and facts, the desk's chain and the slip
numbers against that anchor: the first problem is named and nothing is replaced. A byte changed
in a complaint shows as its table's digest and as the slip whose stored complaint its history
does not prove.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

Progress = Callable[[int, int], None]  # pages copied, pages in all

import hashlib
import json
import tempfile

from models import anchors, clock
from models.db import database
from models.errors import SlipdeskError
from models.i18n import t

PREFIX = "slipdesk-"
SUFFIX = ".db"
SEAL_TABLE = "backup_seal"


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
        return t("{path} does not exist.", path=path)
    if path.stat().st_size == 0:
        return t("{path} is empty.", path=path)
    with open(path, "rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            return t("{name} is not a SQLite database.", name=path.name)
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
        return t("{name} is shorter than its own header says: the file was cut off.", name=path.name)
    return ""


def _log_beside(path: Path) -> bool:
    wal = Path(f"{path}-wal")
    return wal.exists() and wal.stat().st_size > 0


def _slipdesk_check(conn: sqlite3.Connection, path: Path, count: bool) -> Check:
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "schema_version" not in tables or not conn.execute("SELECT count(*) FROM schema_version").fetchone()[0]:
        return Check(False, t("{name} is a SQLite file but not a Slipdesk database.", name=path.name))
    if not {"schema_version", "slip", "slip_event"} <= tables:
        return Check(False, t("{name} is a SQLite file but not a Slipdesk database.", name=path.name))
    version = conn.execute("SELECT version FROM schema_version").fetchone()[0]
    slips = conn.execute("SELECT count(*) FROM slip").fetchone()[0] if count else 0
    return Check(True, "", version, slips)


def _damaged(path: Path, result: str) -> Check:
    return Check(False, t("{name} is damaged: {result}", name=path.name, result=result))


def _unreadable(path: Path, err: sqlite3.DatabaseError) -> Check:
    return Check(False, t("{name} cannot be read as a database: {err}",
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
        raise BackupFailed(t("The backup copy failed its check: {problem}",
                             problem=result.problem))
    try:
        anchor = seal_file(partial, database.obj.database)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, target)
    _private(target)
    anchors.keep(anchor)
    return result


# ----- the seal: what a backup held when it was made ---------------------------------------------------

def content_digests(conn: sqlite3.Connection) -> dict[str, str]:
    """Each table's content (every row, in its stored order) as one SHA-256, the seal left out."""
    digests = {}
    for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                  "'sqlite_%' ORDER BY name").fetchall():
        if name == SEAL_TABLE or (sql or "").upper().startswith("CREATE VIRTUAL"):
            continue
        keys = [row[1] for row in sorted(conn.execute(f'PRAGMA table_info("{name}")').fetchall(), key=lambda r: r[5])
                if row[5]]
        rowid = "WITHOUT ROWID" not in (sql or "").upper()
        order = "rowid" if rowid else ", ".join(f'"{key}"' for key in keys) or "1"
        digest = hashlib.sha256()
        for row in conn.execute(f'SELECT * FROM "{name}" ORDER BY {order}'):
            digest.update(repr(row).encode("utf-8", "surrogatepass"))
            digest.update(b"\n")
        digests[name] = digest.hexdigest()
    return digests


def seal_file(path: Path, location: str = "") -> anchors.Anchor:
    """Write the seal into a checked copy (closed, no log beside it); its anchor."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        rows = conn.execute("SELECT value FROM setting WHERE key = 'integrity.database_id'").fetchall()
        ident = json.loads(rows[0][0]) if rows else ""
        anchor = anchors.read_from(lambda sql: conn.execute(sql).fetchall(), str(location or path), ident)
        seal = json.dumps({"made": f"{clock.now():%Y-%m-%d %H:%M:%S}", "anchor": anchor.contents(),
                           "tables": content_digests(conn)}, ensure_ascii=False, sort_keys=True)
        conn.execute("BEGIN")
        conn.execute(f'DROP TABLE IF EXISTS "{SEAL_TABLE}"')
        conn.execute(f'CREATE TABLE "{SEAL_TABLE}" ("seal" TEXT NOT NULL, "digest" TEXT NOT NULL)')
        conn.execute(f'INSERT INTO "{SEAL_TABLE}" VALUES (?, ?)', (seal, hashlib.sha256(seal.encode()).hexdigest()))
        conn.execute("COMMIT")
    finally:
        conn.close()
    return anchor


@dataclass(frozen=True)
class Sealed:
    """What a backup's seal says it held: its anchor and each table's digest."""
    made: str
    anchor: anchors.Anchor
    tables: dict[str, str]


def read_seal(conn: sqlite3.Connection, name: str) -> Sealed | None:
    """The backup's seal; None for a backup made before seals; BackupFailed when it is damaged."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (SEAL_TABLE,)).fetchone():
        return None
    damaged = BackupFailed(t("{name}: its seal (what it held when it was made) is damaged.", name=name))
    try:
        rows = conn.execute(f'SELECT "seal", "digest" FROM "{SEAL_TABLE}"').fetchall()
        if len(rows) != 1 or hashlib.sha256(rows[0][0].encode()).hexdigest() != rows[0][1]:
            raise damaged
        found = json.loads(rows[0][0])
        return Sealed(found["made"], anchors.parse(found["anchor"], name), dict(found["tables"]))
    except (sqlite3.DatabaseError, ValueError, KeyError, TypeError, UnicodeError, anchors.AnchorRefused):
        raise damaged from None


def verify_backup(path: str | os.PathLike, deep: bool = True) -> Check:
    """Is this backup whole and what it was when it was made? The file's own check, its seal's
    table digests and (`deep`) every slip's history and facts, the desk's chain and the numbers
    in a scratch copy, against the anchor it carries. Never raises; the first problem is named."""
    path = Path(path)
    result = check_file(path)
    if not result.ok:
        return result
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            sealed = read_seal(conn, path.name)
            if sealed is not None:
                for table, digest in content_digests(conn).items():
                    if sealed.tables.get(table) != digest:
                        return Check(False, t("{name}: the table {table} is not what the backup held when it was made "
                                              "(damaged since).",
                                              name=path.name, table=table))
        finally:
            conn.close()
    except BackupFailed as err:
        return Check(False, str(err))
    except sqlite3.DatabaseError as err:
        return _unreadable(path, err)
    if deep:
        problem = _history_problem(path, sealed.anchor if sealed else None)
        if problem:
            return Check(False, t("{name}: {problem}", name=path.name, problem=problem))
    return result


def first_problem(anchor: anchors.Anchor | None) -> str:
    """The first thing the open database's histories, numbers or anchor do not prove ("" when
    none): what a backup is checked for before it replaces anything, on either backend."""
    from models import audit, history, integrity

    for broken in history.verify_all():
        return str(broken)
    for broken in audit.verify_desk():
        return str(broken)
    for gap in integrity.missing_slips():
        return str(gap)
    for difference in (anchors.compare(anchor) if anchor else []):
        return difference
    return ""


def _history_problem(path: Path, anchor: anchors.Anchor | None) -> str:
    """The first problem with the backup's histories, found in a scratch copy ("" when none)."""
    from models.errors import SlipdeskError
    from models.migrations import LATEST
    from models.connection import opened_aside

    if check_file(path).schema_version > LATEST:
        return ""  # a newer Slipdesk's: restore_sqlite refuses it with its own message
    with tempfile.TemporaryDirectory(prefix="slipdesk-verify-") as scratch:
        copy = Path(scratch) / "backup.db"
        shutil.copyfile(path, copy)
        try:
            with opened_aside(copy):
                return first_problem(anchor)
        except (SlipdeskError, sqlite3.DatabaseError, ValueError) as err:
            return str(err)
    return ""


def copy_out_allowed(user, destination: str | os.PathLike) -> None:
    """Copying the database off the desk (a chosen folder, a USB drive) carries every resident's
    phone and address: a manager's decision, written to the audit log like any export of
    personal data. Raises PermissionDenied for anyone else."""
    from models import audit, disclosure

    disclosure.require(user, contacts=True, action=t("copy the database off this desk (it holds residents' phones "
                                                     "and addresses)"))
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
    """The newest backup whose file and seal check out (its histories are verified before it is
    restored: `restore_sqlite`)."""
    for candidate in list_backups(folder):
        if verify_backup(candidate, deep=False).ok:
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
    if result.ok and result.schema_version > LATEST:
        raise BackupFailed(t("Not restored: the backup was written by a newer Slipdesk."))
    result = verify_backup(source)
    if not result.ok:
        raise BackupFailed(t("Not restored, nothing was changed: {problem}",
                             problem=result.problem))
    sealed = _seal_of(source)
    kept = None
    if target.exists() and target.stat().st_size:
        kept = target.with_name(f"{target.name}.before-restore-{clock.now():%Y%m%d-%H%M%S}")
        _keep(target, kept)
    staged = target.with_name(target.name + ".restoring")
    shutil.copyfile(source, staged)
    _private(staged)
    _unseal(staged)
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    os.replace(staged, target)
    if sealed is not None:  # the database is now what the backup held: so is its anchor
        _replace_anchor(sealed.anchor)
    return kept


def _seal_of(path: Path) -> Sealed | None:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return read_seal(conn, path.name)
    finally:
        conn.close()


def _unseal(path: Path) -> None:
    """The restored file without the backup's seal (it describes the backup, not the database)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute(f'DROP TABLE IF EXISTS "{SEAL_TABLE}"')
    finally:
        conn.close()


def _replace_anchor(anchor: anchors.Anchor) -> None:
    """The restored database's anchor file is the backup's; the one it replaces is kept beside it."""
    current = anchors.path_for(anchor.database_id)
    if current.exists():
        os.replace(current, current.with_name(f"{current.name}.before-restore-{clock.now():%Y%m%d-%H%M%S}"))
    anchors.write(anchor, current)


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
