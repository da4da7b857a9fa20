"""Fixtures shared by every test: a private data folder, a fresh database, the users of a desk.

Domain tests take `db` and run once on SQLite and, when SLIPDESK_TEST_PG names a PostgreSQL
server (`.ci/run` starts one), once more on PostgreSQL. Qt tests take `sqlite_db`.
"""
from __future__ import annotations

import datetime as dt
import os
import uuid

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from models import clock  # noqa: E402
from models.db import database  # noqa: E402
from models.connection import close_database, open_database  # noqa: E402

PG_ADMIN_URL = os.environ.get("SLIPDESK_TEST_PG", "")
BACKENDS = ["sqlite", "postgres"] if PG_ADMIN_URL else ["sqlite"]


ORDINARY_MOMENT = dt.datetime(2026, 11, 24, 10, 0, 0)  # a Tuesday morning, the desk open


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path, monkeypatch):
    """Keep every test away from the real per-user data folder and settings."""
    monkeypatch.setenv("SLIPDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SLIPDESK_SETTINGS_DIR", str(tmp_path / "settings"))
    yield
    clock.freeze(None)


@pytest.fixture(autouse=True)
def _desk_clock(monkeypatch):
    """No test reads the wall clock: every one starts at an ordinary working moment, so a suite
    run on a Sunday night or in December sees the same desk day as one run on a Tuesday morning.
    A desk in another process (tests/support/desk.py) is handed the same moment."""
    clock.freeze(ORDINARY_MOMENT)
    monkeypatch.setenv("SLIPDESK_TEST_NOW", ORDINARY_MOMENT.isoformat())


@pytest.fixture(autouse=True)
def _english_messages():
    """Every test starts with models speaking English, whatever a desk started in zh left behind."""
    from models import i18n

    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture(autouse=True)
def _quick_password_hashes(monkeypatch):
    """argon2id still, with the smallest cost: hundreds of test accounts in seconds."""
    from argon2 import PasswordHasher

    from models import accounts

    fast = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(accounts, "_hasher", lambda: fast)


@pytest.fixture(scope="session")
def pg_server_url():
    """A throw-away database on the test server for this test session (dropped afterwards)."""
    if not PG_ADMIN_URL:
        pytest.fail("SLIPDESK_TEST_PG is not set but a PostgreSQL test was requested")
    import psycopg

    name = f"slipdesk_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin_dsn = _dsn(PG_ADMIN_URL)
    with psycopg.connect(admin_dsn, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield _with_database(PG_ADMIN_URL, name)
    close_database()
    with psycopg.connect(admin_dsn, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _dsn(url: str) -> str:
    from models.db import make_database

    pg = make_database(url)
    params = {"dbname": pg.database, **pg.connect_params}
    return " ".join(f"{k}='{v}'" for k, v in params.items())


def _with_database(url: str, name: str) -> str:
    """The same server URL naming another database (urlunparse would drop an empty host's //)."""
    from urllib.parse import urlparse

    parsed = urlparse(url)
    query = f"?{parsed.query}" if parsed.query else ""
    return f"{parsed.scheme}://{parsed.netloc}/{name}{query}"


def _reset_postgres(url: str) -> None:
    """An empty public schema: every test starts on a database as fresh as a new file."""
    from models.db import make_database

    server = make_database(url)
    server.connect()
    server.execute_sql("DROP SCHEMA public CASCADE")
    server.execute_sql("CREATE SCHEMA public")
    server.close()


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path):
    """Where a fresh database for this test lives: a SQLite path or a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "slipdesk.db")
    url = request.getfixturevalue("pg_server_url")
    close_database()
    _reset_postgres(url)
    return url


def an_estate_with_its_letterhead() -> None:
    """The estate's letterhead, as a manager gave it (a new database has none: printouts refuse
    until it is given, tests/ui/test_first_run.py). The demo estate's, which the printout tests read."""
    from models.demo import create_demo_letterhead

    create_demo_letterhead()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test, for fixtures that act on how it went."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


def _verified(request, target) -> None:
    """After a test that passed, its database still proves itself (models.facts: the contract every
    slip fact follows): every history replays to the slips and rows stored, the desk's chain to the
    accounts and settings. Tests that tamper on purpose are marked `tampers`."""
    report = getattr(request.node, "report_call", None)
    if report is None or not report.passed or request.node.get_closest_marker("tampers"):
        return
    from models import audit, history

    if database.obj is None or database.is_closed() or str(database.obj.database) not in str(target):
        open_database(target)
    problems = [str(p) for p in history.verify_all()] + [str(p) for p in audit.verify_desk()]
    assert not problems, "the test left a database that does not prove itself:\n" + "\n".join(problems[:10])


@pytest.fixture
def db(request, db_url):
    """A fresh, upgraded database on each backend, open for the test, its letterhead given; verified
    after it."""
    open_database(db_url)
    an_estate_with_its_letterhead()
    yield database
    try:
        _verified(request, db_url)
    finally:
        close_database()


@pytest.fixture
def sqlite_db(request, tmp_path):
    open_database(tmp_path / "slipdesk.db")
    an_estate_with_its_letterhead()
    yield database
    try:
        _verified(request, tmp_path / "slipdesk.db")
    finally:
        close_database()


@pytest.fixture
def users(request):
    """A clerk, a second clerk, a supervisor, a manager, and one person with two accounts."""
    from models.accounts import create_user
    from models.vocab import Role

    if "sqlite_db" not in request.fixturenames:
        request.getfixturevalue("db")
    manager = create_user("manager", "王建国", "password1", Role.MANAGER, "M001", actor=None)  # the desk's first
    return {
        "clerk": create_user("clerk", "张小梅", "password1", Role.CLERK, "C001", actor=manager),
        "clerk2": create_user("clerk2", "陈丽", "password1", Role.CLERK, "C002", actor=manager),
        "supervisor": create_user("supervisor", "李慧", "password1", Role.SUPERVISOR, "S001", actor=manager),
        "manager": manager,
        "liu": create_user("liu", "刘洋", "password1", Role.CLERK, "C003", actor=manager),
        "liu_sup": create_user("liu.sup", "刘洋(负责人)", "password1", Role.SUPERVISOR, "C003", actor=manager),
    }


@pytest.fixture
def frozen_now():
    """A fixed, ordinary working moment: Tuesday 2026-11-24 10:00."""
    clock.freeze(ORDINARY_MOMENT)
    return ORDINARY_MOMENT
