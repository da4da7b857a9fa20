"""Backups of a shared PostgreSQL database (several desks): the server's pg_dump / pg_restore,
each archive checked the way a SQLite copy is.

A dump counts as a backup only once `pg_restore --list` reads it back and finds Slipdesk's
tables in it; a restore reads the archive the same way before it touches the database, and then
runs in one transaction: a restore that fails half-way (a table another object depends on, a
lost connection) leaves the database as it was, never half replaced.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from models.backup import BackupFailed
from models.i18n import t

# Tables every Slipdesk database has, as `pg_restore --list` names them.
REQUIRED_TABLES = ("schema_version", "slip", "slip_event")


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupFailed(t("{tool} is not installed: install the PostgreSQL client tools to back up or restore a "
                             "shared database.", "未安装 {tool}：请安装 PostgreSQL 客户端工具后再备份或恢复共享数据库。",
                             tool=name))
    return found


def archive_problem(path: str | os.PathLike) -> str:
    """Why `path` is not a pg_dump archive of a Slipdesk database ("" when it is one)."""
    path = Path(path)
    if not path.is_file():
        return t("{path} does not exist.", "{path} 不存在。", path=path)
    listed = subprocess.run([_tool("pg_restore"), "--list", str(path)], capture_output=True, text=True)
    if listed.returncode != 0:
        return t("{name} is not a PostgreSQL backup archive ({error}).", "{name} 不是 PostgreSQL 备份归档（{error}）。",
                 name=path.name, error=listed.stderr.strip())
    # An entry reads "215; 1259 16390 TABLE public slip owner"; comment lines start with ";".
    entries = (line.split() for line in listed.stdout.splitlines())
    tables = {parts[5] for parts in entries if len(parts) >= 6 and parts[3] == "TABLE"}
    if not set(REQUIRED_TABLES) <= tables:
        return t("{name} is a PostgreSQL backup but not of a Slipdesk database.",
                 "{name} 是 PostgreSQL 备份，但不是 Slipdesk 数据库的备份。", name=path.name)
    return ""


def backup(url: str, target: str | os.PathLike) -> None:
    """Dump the database at `url` to `target` (custom format), then check the dump reads back."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    fd = os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    os.close(fd)
    try:
        dumped = subprocess.run([_tool("pg_dump"), "--format=custom", f"--file={partial}", f"--dbname={url}"],
                                capture_output=True, text=True)
        if dumped.returncode != 0:
            raise BackupFailed(t("pg_dump failed: {error}", "pg_dump 执行失败：{error}", error=dumped.stderr.strip()))
        problem = archive_problem(partial)
        if problem:
            raise BackupFailed(t("The backup failed its check: {problem}", "备份未通过校验：{problem}", problem=problem))
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    os.chmod(target, 0o600)


def restore(source: str | os.PathLike, url: str) -> None:
    """Replace the database at `url` with the archive `source`, checked first, in one transaction."""
    problem = archive_problem(source)
    if problem:
        raise BackupFailed(t("Not restored: {problem}", "未恢复：{problem}", problem=problem))
    restored = subprocess.run([_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--single-transaction",
                               "--exit-on-error", f"--dbname={url}", str(source)], capture_output=True, text=True)
    if restored.returncode != 0:
        raise BackupFailed(t("Not restored, the database is as it was: pg_restore failed: {error}",
                             "未恢复，数据库保持原样：pg_restore 执行失败：{error}", error=restored.stderr.strip()))
