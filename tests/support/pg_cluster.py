"""A private PostgreSQL server for one test: its own data folder and socket under /tmp, its own
port, started, stopped and started again by the test — so a test can restart "the server" without
touching the machine's cluster that other tests (and other people's test runs) are using.

Needs PostgreSQL's server programs (`pg_config --bindir`; .ci/run installs them). initdb refuses
to run as root: as root, the server runs as the `postgres` account (runuser), and the desk's
tests connect as a superuser named after whoever runs them.
"""
from __future__ import annotations

import getpass
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def _bindir() -> Path:
    found = shutil.which("pg_config")
    if found is None:
        raise RuntimeError("pg_config is not installed: the restart test needs PostgreSQL's server programs "
                           "(apt-get install postgresql)")
    return Path(subprocess.run([found, "--bindir"], check=True, capture_output=True, text=True).stdout.strip())


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PrivateCluster:
    """initdb'd at construction; `start`, `stop` (fast: every connection is cut, as a restart
    does) and `remove`. `url(name)` names one of its databases for models.db."""

    def __init__(self):
        self.bin = _bindir()
        self.root = Path(tempfile.mkdtemp(prefix="slipdesk-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.user = getpass.getuser()
        self._as_owner: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
            self._as_owner = ["runuser", "-u", "postgres", "--"]
        self._run("initdb", "-D", str(self.data), "-U", self.user, "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync")

    def _run(self, program: str, *args: str) -> None:
        subprocess.run([*self._as_owner, str(self.bin / program), *args], check=True, capture_output=True,
                       cwd=self.root)

    def start(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-w", "-o",
                  f"-p {self.port} -k {self.root} -c listen_addresses='' -c fsync=off", "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def url(self, name: str = "postgres") -> str:
        return f"postgresql://{self.user}@:{self.port}/{name}?host={self.root}"

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(dbname="postgres", user=self.user, host=str(self.root), port=self.port,
                             autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def remove(self) -> None:
        try:
            self.stop()
        except subprocess.CalledProcessError:
            pass  # not running
        shutil.rmtree(self.root, ignore_errors=True)
