"""The slip list: pages arrive as the clerk scrolls, never all at once; sorting and filtering keep
the chosen slip selected; search waits for a pause in typing and runs off the UI thread; Enter
opens the slip."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from desktop.slips.table_model import COLUMNS, HighlightRole, SelectionKeeper, SlipTableModel
from models import demo, queries
from models.queries import SlipFilter
from models.slips import Slip
from models.vocab import Status
from models.accounts import User
from tests.support.slips import recorded_change

SLIPS = 460


@pytest.fixture
def slips(sqlite_db, frozen_now):
    demo.generate_slips(SLIPS, seed=8, days=40)
    return SLIPS


@pytest.fixture
def listing(qtbot, slips):
    """The list model in a table view the size of a screen, 50 rows a page."""
    model = SlipTableModel(lang="en", page_size=50, count_delay_ms=10)
    view = QTableView()
    view.setModel(model)
    keeper = SelectionKeeper(view, model)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    model.set_filter(SlipFilter())
    settled(model, qtbot)
    return model, view, keeper


def settled(model: SlipTableModel, qtbot) -> None:
    """Wait, as the clerk does, for the search in flight to list its rows."""
    qtbot.waitUntil(lambda: not model.searching, timeout=20000)


def column(key: str) -> int:
    return [c.key for c in COLUMNS].index(key)


def test_rows_arrive_a_page_at_a_time_as_the_clerk_scrolls(listing, qtbot):
    model, view, _keeper = listing
    assert model.rowCount() == 50 and model.queries_run == 1
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 100)
    assert model.queries_run == 2
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 150)
    assert model.rowCount() < SLIPS and model.has_more
    newest = Slip.select().order_by(Slip.received_at.desc(), Slip.id.desc()).limit(150)
    assert [model.slip_id(r) for r in range(150)] == [s.id for s in newest]


def test_the_end_of_the_list_is_reached_and_then_nothing_more_is_asked(listing, qtbot):
    model, _view, _keeper = listing
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == SLIPS
    asked = model.queries_run
    model.fetchMore()
    assert model.queries_run == asked and not model.canFetchMore()


def test_pages_scrolled_past_leave_memory_and_come_back_when_needed(qtbot, slips):
    model = SlipTableModel(lang="en", page_size=50, cached_pages=3)
    model.set_filter(SlipFilter())
    settled(model, qtbot)
    first = [model.slip_id(r) for r in range(50)]
    while model.canFetchMore():
        model.fetchMore()
    assert model.pages_in_memory() == 3
    asked = model.queries_run
    assert [model.slip_id(r) for r in range(50)] == first  # read again, one query
    assert model.queries_run == asked + 1 and model.pages_in_memory() == 3


def test_the_total_is_exact_without_counting_when_one_page_holds_every_match(listing, qtbot):
    model, _view, _keeper = listing
    few = SlipFilter(slip_ids=tuple(range(1, 8)))
    with qtbot.waitSignal(model.total_changed) as told:
        model.set_filter(few)
    assert told.args == [7] and model.total == 7


def test_the_total_of_a_long_list_is_counted_once_the_filter_settles(listing, qtbot):
    model, _view, _keeper = listing
    model.set_filter(SlipFilter(text="水"))
    assert model.total is None  # not counted on the keystroke
    with qtbot.waitSignal(model.total_changed) as told:
        pass
    assert told.args == [queries.count(SlipFilter(text="水"))] and told.args[0] > 50


def _select(view: QTableView, row: int) -> int:
    view.selectRow(row)
    return view.model().slip_id(view.currentIndex().row())


def _selected(view: QTableView) -> int | None:
    rows = view.selectionModel().selectedRows()
    return view.model().slip_id(rows[0].row()) if rows else None


def test_sorting_keeps_the_chosen_slip_selected(listing, qtbot):
    model, view, _keeper = listing
    model.fetchMore()
    model.fetchMore()
    chosen = _select(view, 140)  # about the 320th by number
    model.sort(column("number"), Qt.SortOrder.AscendingOrder)
    settled(model, qtbot)
    assert model.sort_name == "number" and not model.descending
    assert _selected(view) == chosen
    assert model.rowCount() < SLIPS  # loaded up to the slip, not the whole list
    assert model.slip_id(0) == Slip.select().order_by(Slip.number).first().id


def test_a_slip_too_far_down_the_new_order_is_not_loaded_just_to_select_it(listing, qtbot):
    model, view, _keeper = listing
    model.keep_rows = 100
    _select(view, 30)  # about the 430th by number
    model.sort(column("number"), Qt.SortOrder.AscendingOrder)
    settled(model, qtbot)
    assert _selected(view) is None and model.rowCount() == 50


def test_sorting_on_a_column_without_an_index_is_refused(listing):
    model, _view, _keeper = listing
    asked = model.queries_run
    model.sort(column("complainant"), Qt.SortOrder.AscendingOrder)
    assert model.sort_name == "received_at" and model.queries_run == asked


def test_filtering_keeps_the_slip_if_it_still_matches_and_drops_it_otherwise(listing, qtbot):
    model, view, _keeper = listing
    chosen = _select(view, 12)
    slip = Slip.get_by_id(chosen)
    model.set_filter(SlipFilter(channels=(slip.channel,)))
    settled(model, qtbot)
    assert _selected(view) == chosen
    others = tuple(c for c in ("onsite", "phone", "book", "letter") if c != slip.channel)
    model.set_filter(SlipFilter(channels=others))
    settled(model, qtbot)
    assert _selected(view) is None


def test_refresh_keeps_the_rows_loaded_and_the_selection(listing, qtbot):
    model, view, _keeper = listing
    model.fetchMore()
    chosen = _select(view, 70)
    loaded = model.rowCount()
    model.refresh()
    assert model.searching and model.rowCount() == loaded  # the rows stay listed while it searches
    settled(model, qtbot)
    assert model.rowCount() == loaded and _selected(view) == chosen


def test_overdue_deadlines_are_marked_and_matches_highlighted(listing, frozen_now, qtbot):
    model, _view, _keeper = listing
    leak = Slip.select().where(Slip.complaint.contains("漏水")).order_by(Slip.received_at.desc()).first()
    recorded_change(leak, User.get(User.username == "clerk"), status=Status.IN_HANDLING, closed_at=None,
                    deadline=frozen_now - dt.timedelta(days=1))  # demo slips are rarely overdue: make sure one is
    model.set_filter(SlipFilter(text="漏水", overdue=True))
    settled(model, qtbot)
    assert model.rowCount() > 0
    deadline = model.index(0, column("deadline"))
    assert model.data(deadline, Qt.ItemDataRole.ForegroundRole) is not None
    assert "(overdue)" in model.data(deadline)
    spans = model.data(model.index(0, column("excerpt")), HighlightRole)
    text = model.data(model.index(0, column("excerpt")))
    assert spans and all(text[s:s + n] == "漏水" for s, n in spans)


@pytest.fixture
def page(qtbot, session, slips):
    from desktop.slips.list_page import SlipsPage

    widget = SlipsPage(session)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    settled(widget.model, qtbot)
    return widget


def test_typing_a_search_waits_for_a_pause_then_lists_matches(page, qtbot):
    asked = page.model.queries_run
    page.search.setFocus()
    for char in "漏水":  # as typed (QTest cannot type Chinese): one edit per character
        page.search.insert(char)
    assert page.model.queries_run == asked  # nothing asked per keystroke
    with qtbot.waitSignal(page.model.modelReset):
        pass
    assert page.model.queries_run == asked + 1
    rows = [page.model.row_at(r) for r in range(page.model.rowCount())]
    assert rows and all(r.highlights for r in rows[:20])
    page.table.grab()  # the highlighting delegate paints


def test_enter_on_a_slip_opens_it(page, qtbot):
    page.table.setFocus()
    page.table.selectRow(3)
    expected = page.model.slip_id(3)
    with qtbot.waitSignal(page.slip_activated) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == [expected]


def test_filters_from_the_controls_narrow_the_list(page, qtbot):
    page.status.setCurrentIndex(page.status.findData("open"))
    page.overdue.setChecked(True)
    settled(page.model, qtbot)
    flt = page.model.filter
    assert flt.overdue and set(flt.statuses) >= {"received", "in_handling"}
    assert page.model.rowCount() == queries.count(flt) or page.model.has_more


def test_a_filter_from_another_page_shows_what_the_controls_cannot(page, qtbot):
    ids = tuple(s.id for s in Slip.select().limit(5))
    page.set_filter(SlipFilter(slip_ids=ids, statuses=("received", "in_handling")))
    settled(page.model, qtbot)
    assert page.pinned_bar.isVisibleTo(page)
    assert {page.model.slip_id(r) for r in range(page.model.rowCount())} <= set(ids)
    page.set_filter(channels=("phone",))  # the registry's keyword form
    assert not page.pinned_bar.isVisibleTo(page) and page.channel.currentData() == "phone"
    page.set_filter(status="escalated", overdue=True)  # as the main window's show_page asks
    assert page.status.currentData() == "escalated" and page.overdue.isChecked()
    assert page.model.filter == SlipFilter(statuses=("escalated",), overdue=True)
    page.set_filter(SlipFilter(slip_ids=ids))
    page.unpin_button.click()
    assert page.model.filter == SlipFilter()
