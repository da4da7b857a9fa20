"""What another desk changed reaches this desk's watch at once, on each backend, and an idle
database says nothing: the PostgreSQL listener and the SQLite change counter (models.live)."""
from __future__ import annotations

import select
import time

import psycopg
import pytest

from models import live, notices
from models.db import database, is_sqlite
from models.live import BOOK, NOTICE, SLIP, Changes
from models.slips import Slip
from tests.conftest import _dsn
from tests.support.other_desk import OtherDesk
from tests.support.slips import received_slip, step


class Watch:
    """This desk's watch on the open database, whichever the backend."""

    def __init__(self):
        self.listener = self.counter = None
        if is_sqlite():
            self.counter = live.DataVersionWatch.for_database(database.obj)
        else:
            self.listener = live.Listener.for_database(database.obj)
            self.listener.connect()

    def changes(self, within: float = 2.0) -> Changes:
        """Everything told until `within` seconds passed with something told (or nothing at all)."""
        found, deadline = Changes(), time.monotonic() + within
        while not found and time.monotonic() < deadline:
            if self.counter is not None:
                found = self.counter.poll()
                if not found:
                    select.select([], [], [], 0.01)  # the desk looks every POLL_MS; here more often
            elif select.select([self.listener.fileno()], [], [], max(0.0, deadline - time.monotonic()))[0]:
                found = self.listener.drain()
        return found

    def close(self) -> None:
        if self.counter is not None:
            self.counter.close()
        else:
            self.listener.close()


@pytest.fixture
def watch(db, users):
    opened = Watch()
    yield opened
    opened.close()


@pytest.fixture
def other_desk(db_url, db, users):
    desk = OtherDesk(db_url, "clerk2")
    yield desk
    desk.close()


def test_another_desks_save_names_its_slip_and_an_idle_database_says_nothing(watch, other_desk, frozen_now):
    assert not watch.changes(within=0.3)
    saved = other_desk.ask(save_slips=1)
    changes = watch.changes()
    assert changes.touches(SLIP) and changes.slip_ids == {saved["id"]} and not changes.every_slip
    assert changes.touches_slip(saved["id"]) and not changes.touches_slip(saved["id"] + 1)
    assert not watch.changes(within=0.3)  # told once
    stepped = other_desk.ask(step="request_escalation", slip=saved["id"], inputs={"reason": "业主要求赔偿"})
    assert stepped["status"] == "awaiting_confirmation"
    changes = watch.changes()
    assert changes.slip_ids == {saved["id"]} and changes.touches(NOTICE)


def test_notices_read_and_the_comment_book_are_told(watch, other_desk, users, frozen_now):
    asked = step(received_slip(users["clerk2"]), "request_escalation", users["clerk2"], reason="业主要求赔偿")
    step(asked, "return_escalation", users["supervisor"], reason="属前台权限。")  # a notice for clerk2
    watch.changes(within=0.5)
    assert notices.unread_count(users["clerk2"]) == 1
    other_desk.ask(read_all=True)
    assert watch.changes().touches(NOTICE)
    assert notices.unread_count(users["clerk2"]) == 0
    other_desk.ask(book_check=["电梯里很脏。", "感谢保洁阿姨。"])
    changes = watch.changes()
    assert changes.touches(BOOK)
    if not is_sqlite():  # PostgreSQL names the topic exactly; the SQLite file only says it changed
        assert changes.topics == {BOOK}


@pytest.mark.tampers  # a script's bulk change to the table, as the feed must tell it
def test_a_change_to_many_slips_at_once_says_every_slip(watch, users, frozen_now):
    made = [received_slip(users["clerk"]) for _ in range(live.MAX_LISTED + 5)]
    watch.changes(within=0.5)
    Slip.update(urgent=True).where(Slip.id.in_([s.id for s in made])).execute()  # a script's bulk change
    changes = watch.changes()
    assert changes.every_slip and all(changes.touches_slip(s.id) for s in made)


def test_the_listener_connects_again_after_its_connection_was_ended(db_url, watch, other_desk, frozen_now):
    if is_sqlite():  # the SQLite watch has no connection to lose: the file's counter is read from memory
        other_desk.ask(save_slips=1)
        assert watch.changes().touches(SLIP)
        return
    with psycopg.connect(_dsn(db_url), autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (watch.listener.backend_pid,))
    with pytest.raises(live.ConnectionLost):
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            select.select([watch.listener.fileno()], [], [], 0.5)
            watch.listener.drain()
    watch.listener.connect()
    saved = other_desk.ask(save_slips=1)
    assert watch.changes().slip_ids == {saved["id"]}
