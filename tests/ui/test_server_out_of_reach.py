"""A desk whose company server stops: it says so plainly, keeps the form being typed as a draft on
this computer, writes the draft into the database once the server is back, and reads again by
itself. The server is a private one under /tmp (tests/support/private_pg.py), never the shared one."""
from __future__ import annotations

import uuid

import psycopg
import peewee
import pytest

from desktop.intake.window import IntakeWindow
from desktop.shell.main_window import MainWindow
from desktop.shell.session import Session
from forms import asking
from models import drafts, notices, outage
from models.accounts import create_first_manager, create_user
from models.slips import Slip
from models.connection import close_database, open_database
from models.vocab import Channel, Role
from tests.support.private_pg import PrivateServer

COMPLAINT = "地下车库B区的灯坏了一个星期，晚上很危险，请尽快修。"


@pytest.fixture(scope="module")
def server():
    private = PrivateServer()
    private.start()
    yield private
    close_database()
    private.remove()


@pytest.fixture(autouse=True)
def _closing_discards(monkeypatch):
    monkeypatch.setattr(asking, "discard", lambda parent, what, count=1: True)


def test_a_lost_connection_is_told_from_a_busy_database():
    assert outage.is_unreachable(psycopg.OperationalError("the connection is closed"))
    assert outage.is_unreachable(peewee.OperationalError(psycopg.errors.AdminShutdown("terminating connection")))
    assert not outage.is_unreachable(peewee.OperationalError(psycopg.errors.LockNotAvailable("lock timeout")))
    assert not outage.is_unreachable(psycopg.errors.DeadlockDetected("deadlock detected"))
    assert not outage.is_unreachable(ValueError("not a database error"))


def test_a_desk_whose_server_stops_keeps_its_drafts_and_saves_them_after_the_restart(qtbot, qapp, server):
    open_database(server.create_database(f"desk_{uuid.uuid4().hex[:8]}"))
    manager = create_first_manager("manager", "王建国", "password1")
    clerk = create_user("clerk", "张小梅", "password1", Role.CLERK, actor=manager)
    session = Session(lang="en")
    session.sign_in(clerk)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    window.outage._retry.setInterval(200)
    form_window = IntakeWindow(session, Channel.PHONE)
    qtbot.addWidget(form_window)
    form_window.show()
    form = form_window.form
    with qtbot.waitSignal(form_window.autosave.saved, timeout=5000):
        form.editors["caller_number"].setText("13812345678")
    assert window.outage_banner.isHidden()

    server.stop()
    form.editors["complaint"].setPlainText(COMPLAINT)  # typed while the server is away
    form.authority_panel.update_now()  # the verdict waits for the server: no error in the clerk's face
    form_window.autosave.save_now()
    (kept,) = outage.spooled().values()
    assert drafts.from_payload(kept["payload"])["complaint"] == COMPLAINT  # on this computer
    assert not window.outage_banner.isHidden() and "cannot be reached" in window.outage_banner.text()
    form_window.save()  # the clerk presses Save anyway: refused quietly, nothing lost
    assert form_window.pages.currentWidget() is form and form.editors["complaint"].toPlainText() == COMPLAINT

    with qtbot.waitSignal(session.slips_changed, timeout=10000):  # reading resumes by itself
        server.start()
    assert window.outage_banner.isHidden() and outage.spooled() == {}
    (draft,) = drafts.drafts_of(clerk)
    assert drafts.from_payload(draft.payload)["complaint"] == COMPLAINT
    assert notices.for_user(clerk) == []  # the lists read again
    form_window.autosave.discard()
    form_window.close()
    window.close()
    close_database()


def test_drafts_spooled_by_a_desk_that_ended_are_written_at_the_next_start(qtbot, qapp, server, tmp_path):
    open_database(server.create_database(f"desk_{uuid.uuid4().hex[:8]}"))
    clerk = create_first_manager("manager", "王建国", "password1")
    outage.spool("left-behind", clerk.id, "intake:phone", drafts.to_payload({"complaint": COMPLAINT}), None, None)
    session = Session(lang="en")
    session.sign_in(clerk)
    window = MainWindow(session)  # the next start: the server answers, the spool is written
    qtbot.addWidget(window)
    assert outage.spooled() == {}
    (draft,) = drafts.drafts_of(clerk)
    assert drafts.from_payload(draft.payload) == {"complaint": COMPLAINT}
    assert Slip.select().count() == 0
    window.close()
    close_database()
