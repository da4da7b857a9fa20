"""The list never waits on a search: it runs on a worker thread, the list says it is searching,
and typing on cancels the search in flight in the database itself (SQLite's interrupt,
PostgreSQL's cancel request), leaving no thread and no connection behind.

The first search is made to run a statement that would take hours on the real database (a
recursive count on SQLite, pg_sleep on PostgreSQL): only an interrupted statement lets its
thread end.
"""
from __future__ import annotations

import gc
import sqlite3
import threading

import pytest

from desktop.shell import tasks
from desktop.slips.table_model import SlipTableModel
from models import demo, queries
from models.db import database, is_sqlite
from models.queries import SlipFilter

ENDLESS_SQLITE = ("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                  "SELECT count(*) FROM (SELECT x FROM c LIMIT 100000000000)")
ENDLESS_POSTGRES = "SELECT pg_sleep(3600)"


@pytest.fixture
def endless_first_search(monkeypatch):
    """queries.page as the list calls it, but the search for 漏 runs a statement without end."""
    real = queries.page
    started = threading.Event()

    def page(flt, *args, **kwargs):
        if flt.text == "漏":
            started.set()
            database.execute_sql(ENDLESS_SQLITE if is_sqlite() else ENDLESS_POSTGRES).fetchall()
        return real(flt, *args, **kwargs)

    monkeypatch.setattr(queries, "page", page)
    yield started
    for task in list(tasks._running):  # a test that failed before cancelling it must still end
        task.cancel()


def connections() -> int:
    """The database's open connections: sqlite3 connections of this process not yet closed (SQLite
    keeps a closed connection's files open while another holds locks on them, so those are not
    counted), or the server's sessions on the database."""
    if is_sqlite():
        gc.collect()
        return sum(_is_open(thing) for thing in gc.get_objects() if isinstance(thing, sqlite3.Connection))
    return database.execute_sql("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()").fetchone()[0]


def _is_open(connection: sqlite3.Connection) -> bool:
    try:
        connection.total_changes
    except sqlite3.ProgrammingError:  # closed
        return False
    return True


def test_a_search_cancelled_by_the_next_leaves_no_thread_or_connection(qtbot, db, frozen_now, endless_first_search):
    demo.generate_slips(300, seed=9, days=30)
    threads, opened = threading.active_count(), connections()
    model = SlipTableModel(lang="en", page_size=50, count_delay_ms=10)
    listed = [model.slip_id(r) for r in range(model.rowCount())]

    model.set_filter(SlipFilter(text="漏"))
    assert model.searching
    assert endless_first_search.wait(10)  # its statement is running
    assert [model.slip_id(r) for r in range(model.rowCount())] == listed  # the list did not wait
    with qtbot.waitSignal(model.modelReset, timeout=20000):
        model.set_filter(SlipFilter(text="漏水"))  # typed on
    qtbot.waitUntil(lambda: not tasks._running, timeout=20000)  # the counts end too

    assert not model.searching
    assert [model.slip_id(r) for r in range(min(model.rowCount(), 50))] == \
        [row.id for row in queries.page(SlipFilter(text="漏水"), limit=50)]
    assert threading.active_count() == threads
    assert connections() == opened


def test_typing_on_cancels_the_search_and_the_list_says_it_is_searching(qtbot, session, frozen_now,
                                                                       endless_first_search):
    from desktop.slips.list_page import SlipsPage

    demo.generate_slips(200, seed=10, days=30)
    page = SlipsPage(session)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: not page.model.searching, timeout=20000)
    threads, opened = threading.active_count(), connections()

    page.search.setFocus()
    page.search.insert("漏")
    qtbot.waitUntil(endless_first_search.is_set, timeout=10000)  # the pause in typing, then its statement
    assert page.total_label.text() == "Searching…"
    page.search.insert("水")
    qtbot.waitUntil(lambda: not page.model.searching and not tasks._running, timeout=20000)

    assert page.model.filter.text == "漏水" and page.total_label.text() != "Searching…"
    assert all("漏水" in page.model.row_at(r).excerpt for r in range(min(page.model.rowCount(), 20))
               if page.model.row_at(r).highlights)
    assert threading.active_count() == threads
    assert connections() == opened
