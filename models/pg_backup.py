"""Backups of a shared PostgreSQL database (several desks): the server's pg_dump / pg_restore,
each archive checked the way a SQLite copy is.

A backup file is the pg_dump archive behind a one-line seal: `SLIPDESK-PG-BACKUP 1` and a JSON
object with the archive's SHA-256 and length and the database's anchor (models.anchors) taken in
the same moment as the dump. A dump counts as a backup only once `pg_restore --list` reads it back
and finds Slipdesk's tables in it. A restore checks the seal and the archive, then restores it
into a scratch database and verifies every history, the desk's chain and the numbers against the
anchor there, before it touches the database; then it restores in one transaction: a restore that
fails half-way leaves the database as it was. Plain pg_dump archives from before the seal are
still restored (their histories verified the same way).
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

from models import anchors
from models.backup import BackupFailed, first_problem
from models.i18n import t

# Tables every Slipdesk database has, as `pg_restore --list` names them.
REQUIRED_TABLES = ("schema_version", "slip", "slip_event")
MAGIC = b"SLIPDESK-PG-BACKUP 1\n"


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupFailed(t("{tool} is not installed: install the PostgreSQL client tools to back up or restore a "
                             "shared database.",
                             tool=name))
    return found


def archive_problem(path: str | os.PathLike) -> str:
    """Why `path` is not a pg_dump archive of a Slipdesk database ("" when it is one)."""
    path = Path(path)
    if not path.is_file():
        return t("{path} does not exist.", path=path)
    listed = subprocess.run([_tool("pg_restore"), "--list", str(path)], capture_output=True, text=True)
    if listed.returncode != 0:
        return t("{name} is not a PostgreSQL backup archive ({error}).",
                 name=path.name, error=listed.stderr.strip())
    # An entry reads "215; 1259 16390 TABLE public slip owner"; comment lines start with ";".
    entries = (line.split() for line in listed.stdout.splitlines())
    tables = {parts[5] for parts in entries if len(parts) >= 6 and parts[3] == "TABLE"}
    if not set(REQUIRED_TABLES) <= tables:
        return t("{name} is a PostgreSQL backup but not of a Slipdesk database.", name=path.name)
    return ""


def backup(url: str, target: str | os.PathLike) -> anchors.Anchor:
    """Dump the database at `url` to `target` behind its seal, check that the dump reads back, and
    keep its anchor as the database's anchor file."""
    from models.db import database, describe

    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    dump = target.with_name(target.name + ".dump.partial")
    try:
        with database.atomic():  # the anchor and the dump see one moment: the dump runs in this snapshot
            database.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            snapshot = database.execute_sql("SELECT pg_export_snapshot()").fetchone()[0]
            anchor = anchors.take(describe())
            _dump(url, dump, snapshot)
        problem = archive_problem(dump)
        if problem:
            raise BackupFailed(t("The backup failed its check: {problem}", problem=problem))
        _seal(dump, partial, anchor)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
        dump.unlink(missing_ok=True)
    os.chmod(target, 0o600)
    anchors.keep(anchor)
    return anchor


def _dump(url: str, dump: Path, snapshot: str) -> None:
    fd = os.open(dump, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    os.close(fd)
    dumped = subprocess.run([_tool("pg_dump"), "--format=custom", f"--file={dump}", f"--snapshot={snapshot}",
                             f"--dbname={url}"], capture_output=True, text=True)
    if dumped.returncode != 0:
        raise BackupFailed(t("pg_dump failed: {error}", error=dumped.stderr.strip()))


def _seal(dump: Path, target: Path, anchor: anchors.Anchor) -> None:
    digest, size = hashlib.sha256(), 0
    with open(dump, "rb") as source:
        for block in iter(lambda: source.read(1 << 20), b""):
            digest.update(block)
            size += len(block)
    header = json.dumps({"sha256": digest.hexdigest(), "size": size, "anchor": anchor.contents()}, ensure_ascii=False)
    fd = os.open(target, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out, open(dump, "rb") as source:
        out.write(MAGIC + header.encode("utf-8") + b"\n")
        shutil.copyfileobj(source, out, 1 << 20)
        out.flush()
        os.fsync(out.fileno())


def unsealed(source: Path, scratch: Path) -> tuple[Path, anchors.Anchor | None]:
    """The archive inside a sealed backup, checked against its seal, as a file in `scratch` (a
    plain archive from before seals: itself, without an anchor)."""
    with open(source, "rb") as handle:
        if handle.read(len(MAGIC)) != MAGIC:
            return source, None
        damaged = BackupFailed(t("{name}: its seal is damaged, or the archive is not what the backup held when it "
                                 "was made.", name=source.name))
        try:
            header = json.loads(handle.readline().decode("utf-8"))
            anchor = anchors.parse(header["anchor"], source.name)
            archive = scratch / "archive.dump"
            digest, size = hashlib.sha256(), 0
            with open(archive, "wb") as out:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
                    size += len(block)
                    out.write(block)
        except (ValueError, KeyError, TypeError, UnicodeError, anchors.AnchorRefused):
            raise damaged from None
        if digest.hexdigest() != header["sha256"] or size != header["size"]:
            raise damaged
        return archive, anchor


def restore(source: str | os.PathLike, url: str) -> None:
    """Replace the database at `url` with the backup `source`: checked, restored into a scratch
    database and verified there first, then restored in one transaction."""
    source = Path(source)
    if not source.is_file():
        raise BackupFailed(t("Not restored: {problem}",
                             problem=t("{path} does not exist.", path=source)))
    with tempfile.TemporaryDirectory(prefix="slipdesk-restore-") as scratch:
        try:
            archive, anchor = unsealed(source, Path(scratch))
        except BackupFailed as err:
            raise BackupFailed(t("Not restored, nothing was changed: {problem}",
                                 problem=err)) from None
        problem = archive_problem(archive) or _history_problem(archive, url, anchor)
        if problem:
            raise BackupFailed(t("Not restored, nothing was changed: {problem}",
                                 problem=problem))
        _restore_into(archive, url)
    if anchor is not None:
        anchors.write(anchor, anchors.path_for(anchor.database_id))


def _restore_into(archive: Path, url: str) -> None:
    restored = subprocess.run([_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--single-transaction",
                               "--exit-on-error", f"--dbname={url}", str(archive)], capture_output=True, text=True)
    if restored.returncode != 0:
        raise BackupFailed(t("Not restored, the database is as it was: pg_restore failed: {error}", error=restored.stderr.strip()))


def _history_problem(archive: Path, url: str, anchor: anchors.Anchor | None) -> str:
    """The first problem with the archive's histories, found in a scratch database on the same
    server ("" when none); a server that refuses to make one leaves the check to the archive's seal."""
    from models.db import make_database
    from models.errors import SlipdeskError
    from models.connection import opened_aside

    server = make_database(url)
    name = f"slipdesk_check_{uuid.uuid4().hex[:10]}"
    try:
        server.connect()
        server.execute_sql(f'CREATE DATABASE "{name}"')
    except Exception:  # noqa: BLE001 - no right to create a database: the seal's digest stands alone
        return ""
    finally:
        server.close()
    scratch_url = _with_database(url, name)
    try:
        _restore_into(archive, scratch_url)
        with opened_aside(scratch_url):
            return first_problem(anchor)
    except (SlipdeskError, ValueError) as err:
        return str(err)
    finally:
        server.connect()
        server.execute_sql(f'DROP DATABASE IF EXISTS "{name}"')
        server.close()


def _with_database(url: str, name: str) -> str:
    from urllib.parse import urlparse

    parsed = urlparse(url)
    query = f"?{parsed.query}" if parsed.query else ""
    return f"{parsed.scheme}://{parsed.netloc}/{name}{query}"
