"""Fixtures for the Qt tests: a desk session with a signed-in clerk on a fresh SQLite database."""
from __future__ import annotations

import pytest

from models.catalog import Category


@pytest.fixture
def session(qapp, sqlite_db, users):
    """The clerk 张小梅 signed in; UI in English (the source language of every string)."""
    from desktop.session import Session

    desk = Session(lang="en")
    desk.sign_in(users["clerk"])
    return desk


@pytest.fixture
def category_id(sqlite_db):
    """A category to pick in forms: noise (噪音扰民)."""
    return Category.get(Category.code == "noise").id
