"""Fixtures for the Qt tests: a desk session with a signed-in clerk on a fresh SQLite database."""
from __future__ import annotations

import pytest

from desktop.shell.start_up import keep_singletons_alive
from models.catalog import Category

keep_singletons_alive()  # as the desk does first thing at start-up (desktop.shell.app.main)


@pytest.fixture(autouse=True)
def _wheel_guard(qapp):
    """As the desk does at start-up (desktop.shell.app): scrolling never changes an unclicked field."""
    from forms import wheel_guard

    wheel_guard.install(qapp)


@pytest.fixture(autouse=True)
def _no_worker_outlives_its_test(qapp):
    """Every worker thread of the desk's runs as a task (backups, exports, imports, counts, the
    review, connection tests): each test waits for its own."""
    from desktop.shell import tasks

    yield
    tasks.wait_for_all()


@pytest.fixture
def session(qapp, sqlite_db, users):
    """The clerk 张小梅 signed in; UI in English (the source language of every string)."""
    from desktop.shell.session import Session

    desk = Session(lang="en")
    desk.sign_in(users["clerk"])
    return desk


@pytest.fixture
def category_id(sqlite_db):
    """A category to pick in forms: noise (噪音扰民)."""
    return Category.get(Category.code == "noise").id
