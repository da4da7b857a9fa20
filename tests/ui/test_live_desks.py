"""Several desks, live: what another desk (a real second process) does shows on this desk's open
views within two seconds — the dashboard, the approvals queue, notices, the slip list, an open
slip, the comment book — on a shared SQLite file and on PostgreSQL, keeping the clerk's
selection, scroll position and whatever is typed; and the PostgreSQL listener survives losing
its server restarting (a private server of the test's own). Every wait is on the views themselves
(qtbot.waitUntil), none is a sleep."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel

from desktop.slips import edit as slip_edit
from desktop.shell.live import RETRY_MAX_MS, LiveFeed
from desktop.shell.main_window import MainWindow
from desktop.approvals.page import ApprovalsPage
from desktop.intake.comment_book_page import ENTRY_ID, CommentBookPage
from desktop.shell.dashboard_page import DashboardPage
from desktop.shell.notices_page import NoticesPage
from desktop.slips.list_page import SlipsPage
from desktop.shell.session import Session
from desktop.slips.view import SlipWindow
from forms import asking
from models import notices
from models.accounts import create_user
from models.slips import Slip
from models.connection import close_database, open_database
from models.vocab import Role, Status
from tests.support.other_desk import OtherDesk
from tests.support.pg_cluster import PrivateCluster
from tests.support.slips import received_slip, step

LIMIT_MS = 2000  # every desk sees the others' work within two seconds


@pytest.fixture
def desk(qtbot, db, users):
    """This desk: the person in charge signed in, the live feed running (as the main window runs it)."""
    session = Session(lang="en")
    session.sign_in(users["supervisor"])
    feed = LiveFeed(session)
    qtbot.waitUntil(lambda: feed.live, timeout=10_000)  # PostgreSQL: the listener connects in a task
    yield session
    feed.stop()


@pytest.fixture
def other(db_url, db, users):
    """Another desk in its own process, signed in as the clerk 陈丽."""
    opened = OtherDesk(db_url, "clerk2")
    yield opened
    opened.close()


def shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.show()
    return widget


def rows(table) -> list[str]:
    return [table.item(row, 0).text() for row in range(table.rowCount())]


def test_another_desks_work_shows_on_every_open_view_within_two_seconds(qtbot, desk, other, users, frozen_now):
    watched = received_slip(users["clerk"])
    board, queue = shown(qtbot, DashboardPage(desk)), shown(qtbot, ApprovalsPage(desk))
    inbox, listing = shown(qtbot, NoticesPage(desk)), shown(qtbot, SlipsPage(desk))
    book, window = shown(qtbot, CommentBookPage(desk)), shown(qtbot, SlipWindow(desk, watched.id))
    assert queue.list.rowCount() == 0 and board.counts["awaiting_confirmation"] == 0

    new = other.ask(save_slips=1)
    qtbot.waitUntil(lambda: listing.model.rowCount() == 2 and listing.model.slip_id(0) == new["id"], timeout=LIMIT_MS)
    other.ask(step="request_escalation", slip=new["id"], inputs={"reason": "业主要求赔偿装修损失"})
    qtbot.waitUntil(lambda: rows(queue.list) == [new["saved"]], timeout=LIMIT_MS)
    qtbot.waitUntil(lambda: board.counts["awaiting_confirmation"] == 1, timeout=LIMIT_MS)
    # the request, unread; below it issue 13's report of the phone slip to the person in charge,
    # done once the slip was asked to go up
    qtbot.waitUntil(lambda: inbox.table.rowCount() == 2 and inbox.is_unread(0) and inbox.is_done(1),
                    timeout=LIMIT_MS)
    assert board.cards["awaiting_confirmation"].count_label.text() == "1"

    assert window.view.elsewhere.isHidden()
    other.ask(step="assign", slip=watched.id, inputs={"department": 1, "assignee": "王师傅"})
    qtbot.waitUntil(lambda: window.view.elsewhere.isVisible(), timeout=LIMIT_MS)  # says so at once
    assert "by 陈丽" in window.view.elsewhere.text() and window.view.slip.status == Status.IN_HANDLING
    assert window.view.status_chip.text() == "In handling"

    other.ask(book_check=["电梯里很脏。", "感谢保洁阿姨。"])
    qtbot.waitUntil(lambda: book.entries.rowCount() == 2, timeout=LIMIT_MS)
    assert "陈丽" in book.status.text()


def test_a_refresh_keeps_the_selection_the_scroll_and_what_is_typed(qtbot, desk, other, users, frozen_now):
    made = [received_slip(users["clerk"]) for _ in range(120)]
    listing = shown(qtbot, SlipsPage(desk))
    listing.resize(900, 400)
    qtbot.waitUntil(lambda: listing.model.rowCount() >= 100)
    chosen = [listing.model.slip_id(row) for row in (40, 42, 45)]
    selection = listing.table.selectionModel()
    selection.setCurrentIndex(listing.model.index(40, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                              | QItemSelectionModel.SelectionFlag.Rows)
    for row in (42, 45):
        selection.select(listing.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)
    listing.table.verticalScrollBar().setValue(30)
    listing.search.setFocus()
    listing.search.setText("漏水")  # typed, the search not yet run

    book = shown(qtbot, CommentBookPage(desk))
    copied = "花园的喷泉不转了。\n感谢前台热情接待。"  # copied from the book, not yet recorded
    book.new_entries.setPlainText(copied)
    book.note.setText("第3页已查")
    other.ask(book_check=["楼道灯不亮。", "垃圾没有及时清运。", "建议增加座椅。"])
    qtbot.waitUntil(lambda: book.entries.rowCount() == 3, timeout=LIMIT_MS)
    book.entries.selectRow(1)
    kept_entry = book.entries.item(1, 0).data(ENTRY_ID)

    new = other.ask(save_slips=1)
    qtbot.waitUntil(lambda: listing.model.slip_id(0) == new["id"], timeout=LIMIT_MS)
    assert listing.selected_slip_ids() == chosen  # the same three slips, one row further down
    assert listing.table.verticalScrollBar().value() == 30
    assert listing.search.text() == "漏水" and listing.focusWidget() is listing.search
    other.ask(book_check=["门禁卡失灵。"])
    qtbot.waitUntil(lambda: book.entries.rowCount() == 4, timeout=LIMIT_MS)
    assert book.entries.item(book.entries.currentRow(), 0).data(ENTRY_ID) == kept_entry
    assert (book.new_entries.toPlainText(), book.note.text()) == (copied, "第3页已查")
    assert len(made) == 120


def test_the_queue_stays_on_the_slip_in_place_of_one_dealt_with_elsewhere(qtbot, desk, db_url, users, frozen_now):
    waiting = [step(received_slip(users["clerk"]), "request_escalation", users["clerk"], reason=f"第{n}件")
               for n in range(3)]
    queue = shown(qtbot, ApprovalsPage(desk))
    queue.list.selectRow(1)
    manager = OtherDesk(db_url, "manager")
    try:
        answer = manager.ask(step="confirm_escalation", slip=waiting[1].id, inputs={"recipient": "赵经理"})
        assert answer["status"] == Status.ESCALATED
        qtbot.waitUntil(lambda: queue.list.rowCount() == 2, timeout=LIMIT_MS)
    finally:
        manager.close()
    assert queue.list.current_slip_id() == waiting[2].id  # the next one took its place
    assert notices.unread_count(users["supervisor"]) == 2  # the confirmed one's notice is done


def test_the_navigation_counts_follow_another_desk(qtbot, db, users, other, frozen_now):
    """The main window starts the feed itself once painted; its badges move with the other desk."""
    session = Session(lang="en")
    session.sign_in(users["supervisor"])
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.live is not None and window.live.live, timeout=10_000)
    qtbot.waitUntil(lambda: "approvals" in window._page_widgets and "notices" in window._page_widgets)
    assert (window.badge("approvals"), window.badge("notices")) == (0, 0)
    new = other.ask(save_slips=1)
    other.ask(step="request_escalation", slip=new["id"], inputs={"reason": "业主要求赔偿"})
    qtbot.waitUntil(lambda: (window.badge("approvals"), window.badge("notices")) == (1, 1), timeout=LIMIT_MS)
    window.live.stop()


def test_a_correction_window_says_at_once_that_the_slip_moved_on(qtbot, db, users, other, frozen_now, monkeypatch):
    monkeypatch.setattr(asking, "discard", lambda parent, what, count=1: True)
    slip = received_slip(users["clerk"])
    session = Session(lang="en")
    session.sign_in(users["clerk"])
    feed = LiveFeed(session)
    qtbot.waitUntil(lambda: feed.live, timeout=10_000)
    correcting = slip_edit.SlipEditWindow(session, slip.id)
    qtbot.addWidget(correcting)
    correcting.form.editors["address"].setText("阳光花园3号楼2单元1201室")
    assert other.ask(open=slip.id) == {"version": slip.version}
    assert other.ask(edit={"phone": "13900001111"}) == {"saved": slip.version + 1}
    qtbot.waitUntil(lambda: not correcting.elsewhere.isHidden(), timeout=LIMIT_MS)
    assert "by 陈丽" in correcting.elsewhere.text()
    assert correcting.form.editors["address"].text() == "阳光花园3号楼2单元1201室"  # what was typed stays
    feed.stop()


@pytest.fixture
def private_server(qapp):
    """A PostgreSQL server of this test's own (tests/support/pg_cluster.py): restarting it disturbs
    nobody else's tests."""
    cluster = PrivateCluster()
    cluster.start()
    url = cluster.create_database("slipdesk")
    open_database(url)
    yield cluster, url
    close_database()
    cluster.remove()


def test_the_listener_survives_a_server_restart(qtbot, private_server, frozen_now):
    cluster, url = private_server
    manager = create_user("manager", "王建国", "password1", Role.MANAGER, "M001", actor=None)  # the desk's first
    create_user("clerk2", "陈丽", "password1", Role.CLERK, "C002", actor=manager)
    session = Session(lang="en")
    session.sign_in(create_user("supervisor", "李慧", "password1", Role.SUPERVISOR, "S001", actor=manager))
    feed = LiveFeed(session)
    qtbot.waitUntil(lambda: feed.live, timeout=10_000)
    queue = shown(qtbot, ApprovalsPage(session))
    with qtbot.waitSignal(feed.live_changed, timeout=10_000) as lost:
        cluster.stop()  # fast shutdown: every connection is cut, this desk's own one too
    assert lost.args == [False] and not queue.message.isVisible()
    qtbot.waitUntil(lambda: feed.failed_connects >= 2, timeout=10_000)  # it keeps trying while the server is down
    cluster.start()
    qtbot.waitUntil(lambda: feed.live, timeout=RETRY_MAX_MS + 10_000)
    other = OtherDesk(url, "clerk2")
    try:
        asked = other.ask(save_slips=1)
        other.ask(step="request_escalation", slip=asked["id"], inputs={"reason": "业主要求赔偿"})
        qtbot.waitUntil(lambda: rows(queue.list) == [asked["saved"]], timeout=LIMIT_MS)
    finally:
        other.close()
    assert Slip.select().count() == 1  # this desk's own connection was made again too
    feed.stop()
