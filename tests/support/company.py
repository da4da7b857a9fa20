"""A company database on the test PostgreSQL server: two estates and head office, each with its
own LOGIN role, set up with the admin commands as a company's IT person runs them.

Every name (the database, the logins, the group roles) is unique to this test and dropped after
it: the server is shared with other test runs, so nothing else is touched.
"""
from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from urllib.parse import urlparse

import psycopg

from desktop.commands import admin
from models import intake
from models.accounts import create_first_manager, create_user
from models.connection import close_database, open_database
from models.vocab import Role, Status
from tests.support.slips import phone_intake, step

PG_ADMIN_URL = os.environ.get("SLIPDESK_TEST_PG", "")
COMPANY_NAME = "滨江物业集团"


@dataclass
class Company:
    name: str
    owner_url: str  # the owner's (the test server's admin) URL of the company database
    logins: dict[str, str]  # "A", "B", "head" → the login's role name
    urls: dict[str, str]  # "A", "B", "head" → the URL a desk connects with (TCP, password)
    passwords: dict[str, str]

    def open_as(self, who: str) -> None:
        """Open the company database as a desk of estate A or B, or as head office."""
        open_database(self.urls[who])

    def raw(self, who: str) -> psycopg.Connection:
        """A plain psycopg connection with that login: SQL typed by hand, not the app's."""
        return psycopg.connect(dsn(self.urls[who]), autocommit=True)


def dsn(url: str) -> str:
    from models.db import make_database

    from psycopg.conninfo import make_conninfo

    pg = make_database(url)
    return make_conninfo(dbname=pg.database, **pg.connect_params)  # quotes "-c lock_timeout=…"


def _server_tcp(url: str) -> str:
    """127.0.0.1 and the test server's port: logins with a password come in over TCP (the local
    socket authenticates by the operating system's user)."""
    parsed = urlparse(url)
    port = parsed.port
    for pair in filter(None, parsed.query.split("&")):
        key, _, value = pair.partition("=")
        if key == "port":
            port = int(value)
    return f"127.0.0.1:{port or 5432}"


def run_admin(*argv: str) -> str:
    """Run slipdesk-admin in-process; its output, or AssertionError with it on a non-zero exit."""
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = admin.main(list(argv))
    assert code == 0, f"slipdesk-admin {' '.join(argv)} exited {code}: {err.getvalue()}{out.getvalue()}"
    return out.getvalue()


def with_database(url: str, name: str) -> str:
    parsed = urlparse(url)
    query = f"?{parsed.query}" if parsed.query else ""
    return f"{parsed.scheme}://{parsed.netloc}/{name}{query}"


def create_company(server_url: str = PG_ADMIN_URL) -> Company:
    name = f"slipdesk_co_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    with psycopg.connect(dsn(server_url), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    owner_url = with_database(server_url, name)
    logins = {"A": f"{name}_a", "B": f"{name}_b", "head": f"{name}_head"}
    passwords = {who: f"pw-{uuid.uuid4().hex[:12]}" for who in logins}
    run_admin("company", "init", owner_url, "--head-office", logins["head"], "--password", passwords["head"],
              "--name", COMPANY_NAME)
    run_admin("estate", "add", "A", "--name", "阳光花园", "--prefix", "YG", "--login", logins["A"],
              "--password", passwords["A"], "--db", owner_url)
    run_admin("estate", "add", "B", "--name", "海滨苑", "--prefix", "HB", "--login", logins["B"],
              "--password", passwords["B"], "--db", owner_url)
    close_database()
    tcp = _server_tcp(server_url)
    urls = {who: f"postgresql://{login}:{passwords[who]}@{tcp}/{name}" for who, login in logins.items()}
    return Company(name, owner_url, logins, urls, passwords)


def drop_company(company: Company, server_url: str = PG_ADMIN_URL) -> None:
    """The database, then every role this company made (its logins and its two group roles)."""
    close_database()
    with psycopg.connect(dsn(server_url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{company.name}" WITH (FORCE)')
        for role in (*company.logins.values(), *extra_logins(company), f"{company.name}_estates",
                     f"{company.name}_head_office"):
            conn.execute(f'DROP ROLE IF EXISTS "{role}"')


def extra_logins(company: Company) -> list[str]:
    """Logins a test made beyond the three (named with the company's name, so unique to it)."""
    with psycopg.connect(dsn(PG_ADMIN_URL), autocommit=True) as conn:
        rows = conn.execute("SELECT rolname FROM pg_roles WHERE rolname LIKE %s", (company.name + "\\_%",)).fetchall()
    return [row[0] for row in rows if row[0] not in company.logins.values()]


def sent_up(company, who: str, complaint: str) -> int:
    """An estate's desk: a clerk asks, the person in charge confirms, the slip goes up."""
    company.open_as(who)
    manager = create_first_manager("manager", f"经理{who}", "password1")
    clerk = create_user("clerk", f"前台{who}", "password1", Role.CLERK, actor=manager)
    supervisor = create_user("supervisor", f"负责人{who}", "password1", Role.SUPERVISOR, actor=manager)
    slip = intake.save(phone_intake(complaint=complaint), clerk)
    step(slip, "request_escalation", clerk, reason="涉及结构安全，超出处理权限。")
    slip = step(slip, "confirm_escalation", supervisor, recipient="总部服务管理部")
    assert slip.status == Status.ESCALATED
    close_database()
    return slip.id
