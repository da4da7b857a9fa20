"""The slip list as a Qt model that never loads every slip.

Rows arrive in keyset pages as the view scrolls (canFetchMore/fetchMore). Only the pages near
what the clerk looks at stay in memory: each page remembers the key it starts after, so an
evicted page is read again with one indexed query when scrolled back to. The total is counted
on a worker thread a moment after the filter settles, not on every keystroke, and not at all
when the first page already holds every match.

A new filter, order or refresh is searched on a worker thread too (a desktop.shell.tasks.Task with its
own connection): the list keeps showing what it showed, says it is searching (`searching`), and
is replaced when the answer comes. A newer filter cancels the search in flight, its statement
interrupted in the database (models.db.interrupter), so typing on never queues searches.
"""
from __future__ import annotations

import logging
from collections import OrderedDict
from dataclasses import dataclass

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QItemSelectionModel, QModelIndex,
                            QObject, QPersistentModelIndex, QPointF, QRect, Qt, QTimer,
                            Signal)
from PySide6.QtGui import QBrush, QFont, QPalette, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.shell import tasks
from forms.dates import when
from models.db import cancellable, interrupter
from desktop.shell.start_up import keep_singletons_alive
from desktop.shell.style import colour
from models import catalog, queries
from models.vocab import label, title_label
from models.i18n import fill
from forms.translation import translator

log = logging.getLogger("slipdesk.slip_table")
keep_singletons_alive()  # the highlighting delegate below would otherwise crash the process in time

HighlightRole = Qt.ItemDataRole.UserRole + 1  # the (start, length) spans of the match
SlipIdRole = Qt.ItemDataRole.UserRole + 2
_ANSWERED_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole,
                             Qt.ItemDataRole.FontRole, HighlightRole, SlipIdRole})


_tr = translator("SlipTableModel")


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # English source text, translated in headerData
    sort: str | None = None  # the queries.SORTS name when the column can be sorted on


COLUMNS = (
    Column("number", QT_TRANSLATE_NOOP("SlipTableModel", "Slip no."), "number"),
    Column("status", QT_TRANSLATE_NOOP("SlipTableModel", "Status")),
    Column("channel", QT_TRANSLATE_NOOP("SlipTableModel", "Channel"), "channel"),
    Column("received_at", QT_TRANSLATE_NOOP("SlipTableModel", "Received"), "received_at"),
    Column("complainant", QT_TRANSLATE_NOOP("SlipTableModel", "Complainant")),
    Column("unit_code", QT_TRANSLATE_NOOP("SlipTableModel", "Unit"), "unit_code"),
    Column("category", QT_TRANSLATE_NOOP("SlipTableModel", "Category")),
    Column("deadline", QT_TRANSLATE_NOOP("SlipTableModel", "Reply by"), "deadline"),
    Column("excerpt", QT_TRANSLATE_NOOP("SlipTableModel", "Complaint")),
)
EXCERPT_COLUMN = [c.key for c in COLUMNS].index("excerpt")
DEFAULT_SORT = "received_at"


class SlipTableModel(QAbstractTableModel):
    """Slips matching a `queries.SlipFilter`, newest first unless sorted otherwise."""

    total_changed = Signal(int)  # the exact number of matching slips, once known
    searching_changed = Signal(bool)  # a search started (True) or its rows are listed (False)

    def __init__(self, parent: QObject | None = None, lang: str | None = None, page_size: int = 100,
                 cached_pages: int = 40, count_delay_ms: int = 300, keep_rows: int = 2000):
        super().__init__(parent)
        self.lang = lang
        self.page_size = page_size
        self.cached_pages = cached_pages
        self.keep_rows = keep_rows  # the most rows refresh() and locating a slip will load
        self.queries_run = 0  # page queries issued: tests check the list never loads everything
        self._filter = queries.SlipFilter()
        self._sort = DEFAULT_SORT
        self._descending = True
        self._pages: OrderedDict[int, list[queries.SlipRow]] = OrderedDict()
        self._newest_page = -1  # the page used last (most recently used: last in _pages)
        self._starts: list[tuple | None] = []  # the key each page starts after
        self._next_after: tuple | None = None
        self._rows = 0
        self._more = False
        self._total: int | None = None
        self._categories: dict[int, str] = {}
        self._generation = 0  # which listing a count running in the background belongs to
        self._counting: int | None = None  # the generation being counted in the background
        self._count_again = False  # the listing changed while it was: count the new one after
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(count_delay_ms)
        self._count_timer.timeout.connect(self._count_in_background)
        self._search: tasks.Task | None = None  # the search in flight, if any

    # --- what is listed -------------------------------------------------------------------

    @property
    def filter(self) -> queries.SlipFilter:
        return self._filter

    @property
    def sort_name(self) -> str:
        return self._sort

    @property
    def descending(self) -> bool:
        return self._descending

    @property
    def total(self) -> int | None:
        """The exact number of matches, or None while it is being counted."""
        return self._total

    @property
    def has_more(self) -> bool:
        return self._more

    @property
    def searching(self) -> bool:
        """Whether a search is running whose rows will replace the ones listed."""
        return self._search is not None

    def set_filter(self, flt: queries.SlipFilter) -> None:
        if flt == self._filter and self._starts:
            return
        self._filter = flt
        self._reload(self.page_size)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort on an indexed column; other columns are not sortable (the request is ignored)."""
        if not 0 <= column < len(COLUMNS) or COLUMNS[column].sort is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if COLUMNS[column].sort == self._sort and descending == self._descending and self._starts:
            return
        self._sort, self._descending = COLUMNS[column].sort, descending
        self._reload(self.page_size)

    def sort_column(self) -> int:
        return next(i for i, c in enumerate(COLUMNS) if c.sort == self._sort)

    def refresh(self) -> None:
        """Read the listing again (slips were saved), keeping as many rows as are loaded now."""
        self._reload(min(max(self._rows, self.page_size), self.keep_rows))

    def _reload(self, rows_wanted: int) -> None:
        """Search the listing afresh on a worker thread; the rows listed stay until it answers."""
        self._generation += 1
        self._count_timer.stop()
        if self._search is not None:
            self._search.cancel()
        generation, flt, sort, descending = self._generation, self._filter, self._sort, self._descending
        self.queries_run += 1

        def search(progress: tasks.Progress) -> tuple:
            progress.on_cancel(interrupter())
            try:
                with cancellable(lambda: progress.cancelled):
                    rows = queries.page(flt, sort, descending, None, rows_wanted)
            except Exception:
                progress.check()  # an interrupted statement: the search was cancelled
                raise
            progress.check()
            return generation, rows_wanted, rows

        self._search = tasks.Task(search, what="searching slips")
        self._search.succeeded.connect(self._found)  # methods of the model: dropped if it is gone
        self._search.failed.connect(self._search_failed)
        self._search.start()
        self.searching_changed.emit(True)

    def _found(self, answer: tuple) -> None:
        generation, rows_wanted, rows = answer
        if generation != self._generation:
            return
        self._search = None
        self.beginResetModel()
        try:
            self._categories = {c.id: c.name(self.lang) for c in catalog.Category.select()}
            self._pages.clear()
            self._newest_page = -1
            self._starts, self._next_after, self._rows, self._more = [], None, 0, True
            self._total = None
            self._append(rows, rows_wanted)
        finally:
            self.endResetModel()
        self.searching_changed.emit(False)
        self._settle_total()

    def _search_failed(self, message: str) -> None:
        """The search failed (logged by the task): the list says so by ending its search, empty."""
        if self._search is None or self.sender() is not self._search:
            return
        self._search = None
        self._found((self._generation, self.page_size, []))

    def wait_for_search(self) -> None:
        """Block until the search in flight has answered (for code that needs the rows at once:
        a command, a test); the window never calls it."""
        while self._search is not None:
            search = self._search
            search.wait()
            QCoreApplication.sendPostedEvents()
            if self._search is search:  # it ended without answering (it cannot have been cancelled)
                self._search = None
                self.searching_changed.emit(False)

    def _query(self, after: tuple | None, limit: int) -> list[queries.SlipRow]:
        self.queries_run += 1
        return queries.page(self._filter, self._sort, self._descending, after, limit)

    def _append(self, rows: list[queries.SlipRow], asked: int) -> None:
        """Split fetched rows into pages and note where the next page starts."""
        for start in range(0, len(rows), self.page_size):
            chunk = rows[start:start + self.page_size]
            self._starts.append(self._next_after)
            self._remember(len(self._starts) - 1, chunk)
            self._next_after = queries.sort_key(chunk[-1], self._sort)
        self._rows += len(rows)
        self._more = len(rows) == asked

    def _remember(self, page: int, rows: list[queries.SlipRow]) -> None:
        self._pages[page] = rows
        self._pages.move_to_end(page)
        self._newest_page = page
        while len(self._pages) > self.cached_pages:
            self._pages.popitem(last=False)

    def _settle_total(self) -> None:
        if not self._more:
            self._set_total(self._rows)
        else:
            self._count_timer.start()

    def count_now(self) -> None:
        """Count the matches here and now (the timer counts in the background instead)."""
        self._count_timer.stop()
        try:
            self._set_total(queries.count(self._filter))
        except Exception:  # noqa: BLE001 - a failed count leaves the list usable
            log.exception("counting slips failed")

    def _count_in_background(self) -> None:
        """Count on a worker thread with its own connection (a desktop.shell.tasks.Task: it holds the
        cycle collector meanwhile): a slow count never freezes the list. One count at a time; a
        listing changed meanwhile is counted when it ends."""
        if self._counting is not None:
            self._count_again = True
            return
        self._counting, flt = self._generation, self._filter
        counting = tasks.Task(lambda _progress: queries.count(flt), what="counting slips")
        counting.succeeded.connect(self._on_counted)  # methods of the model: dropped if it is gone
        counting.finished.connect(self._count_ended)
        counting.start()

    def _on_counted(self, total: int) -> None:
        if self._counting == self._generation:
            self._set_total(total)

    def _count_ended(self) -> None:
        self._counting = None
        if self._count_again:
            self._count_again = False
            self._count_in_background()

    def _set_total(self, total: int) -> None:
        self._total = total
        self.total_changed.emit(total)

    # --- Qt model interface -----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        if parent.isValid() or not self._more:
            return
        rows = self._query(self._next_after, self.page_size)
        if not rows:
            self._more = False
            return
        self.beginInsertRows(QModelIndex(), self._rows, self._rows + len(rows) - 1)
        self._append(rows, self.page_size)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(COLUMNS[section].title)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in _ANSWERED_ROLES or not index.isValid():  # a view asks ~14 roles per cell
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        key = COLUMNS[index.column()].key
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == Qt.ItemDataRole.ToolTipRole and key == "excerpt":
            return row.excerpt
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue and key in ("deadline", "status"):
            return QBrush(colour("overdue"))
        if role == Qt.ItemDataRole.FontRole and (row.urgent or (row.overdue and key == "deadline")):
            font = QFont()
            font.setBold(True)
            return font
        if role == HighlightRole and key == "excerpt":
            return list(row.highlights)
        if role == SlipIdRole:
            return row.id
        return None

    def _display(self, row: queries.SlipRow, key: str) -> str:
        if key == "status":
            text = label(row.status, self.lang)
            return fill(_tr("%1 (no progress told)"), text) if row.quiet else text
        if key == "channel":
            return label(row.channel, self.lang)
        if key == "received_at":
            return when(row.received_at)
        if key == "deadline":
            text = when(row.deadline)
            return fill(_tr("%1 (overdue)"), text) if row.overdue else text
        if key == "complainant":
            return f"{row.complainant_name}{title_label(row.complainant_title, self.lang)}"
        if key == "category":
            return self._categories.get(row.category_id, "")
        return str(getattr(row, key))

    # --- rows and slips -------------------------------------------------------------------

    def row_at(self, row: int) -> queries.SlipRow | None:
        """The slip on `row`, reading its page again if it was dropped from memory."""
        if not 0 <= row < self._rows:
            return None
        page, offset = divmod(row, self.page_size)
        rows = self._pages.get(page)
        if rows is None:
            rows = self._query(self._starts[page], self.page_size)
            self._remember(page, rows)
        elif page != self._newest_page:
            self._pages.move_to_end(page)
            self._newest_page = page
        return rows[offset] if offset < len(rows) else None

    def slip_id(self, row: int) -> int:
        found = self.row_at(row)
        if found is None:
            raise IndexError(f"no slip on row {row}")
        return found.id

    def row_of_loaded(self, row: int) -> bool:
        """Whether `row` is in a page held in memory (asking for it reads nothing)."""
        return row // self.page_size in self._pages

    def row_of(self, slip_id: int) -> int | None:
        """The row showing `slip_id` among the pages in memory, else None."""
        for page, rows in self._pages.items():
            for offset, row in enumerate(rows):
                if row.id == slip_id:
                    return page * self.page_size + offset
        return None

    def locate(self, slip_id: int) -> int | None:
        """The row of `slip_id`, loading rows up to it when it is listed within `keep_rows`."""
        found = self.row_of(slip_id)
        if found is not None:
            return found
        place = queries.position(self._filter, slip_id, self._sort, self._descending)
        if place is None or place >= self.keep_rows:
            return None
        while self._more and self._rows <= place:
            self.fetchMore()
        return self.row_of(slip_id)

    def pages_in_memory(self) -> int:
        return len(self._pages)


class SelectionKeeper(QObject):
    """Keeps the same slips selected in a view across sorting, filtering and refreshing: the
    current one, and the others of a several-slip selection (a batch print) that are still loaded.

    If the current slip is no longer listed (filtered out, or too far down to load), nothing is
    selected rather than some other slip the clerk did not choose.
    """

    MAX_KEPT = 500  # a selection larger than this keeps only its current slip

    def __init__(self, view: QAbstractItemView, model: SlipTableModel):
        super().__init__(view)
        self._view = view
        self._model = model
        self._slip_id: int | None = None
        self._others: list[int] = []
        model.modelAboutToBeReset.connect(self._remember)
        model.modelReset.connect(self._restore)

    def _remember(self) -> None:
        index = self._view.currentIndex()
        selected = self._view.selectionModel().selectedRows() if self._view.selectionModel() else []
        self._slip_id = self._model.slip_id(index.row()) if index.isValid() and selected else None
        rows = [i.row() for i in selected if i.row() != index.row()] if len(selected) <= self.MAX_KEPT else []
        self._others = [self._model.slip_id(row) for row in rows if self._model.row_of_loaded(row)]

    def _restore(self) -> None:
        slip_id, others, self._slip_id, self._others = self._slip_id, self._others, None, []
        if slip_id is None:
            return
        row = self._model.locate(slip_id)
        if row is None:
            return
        index = self._model.index(row, 0)
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self._view.selectionModel().setCurrentIndex(index, flags)
        also = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for other in (self._model.row_of(other_id) for other_id in others):
            if other is not None:
                self._view.selectionModel().select(self._model.index(other, 0), also)
        self._view.scrollTo(index)


class HighlightDelegate(QStyledItemDelegate):
    """Draws the complaint excerpt with the search matches marked."""

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        # Asked of the model in Python: QModelIndex.data() handing back None from a Python model
        # loses a reference to None in PySide6 6.12 on Python 3.11, and enough of them crash.
        row = index.model().row_at(index.row())
        spans = row.highlights if row is not None else ()
        if not spans:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect: QRect = opt.rect.adjusted(4, 0, -4, 0)
        layout = QTextLayout(text, opt.font)
        mark = QTextCharFormat()
        mark.setBackground(colour("match_background"))
        mark.setFontWeight(QFont.Weight.Bold)
        ranges = []
        for start, length in spans:
            fmt = QTextLayout.FormatRange()
            fmt.start, fmt.length, fmt.format = start, length, mark
            ranges.append(fmt)
        layout.setFormats(ranges)
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(1_000_000)
        layout.endLayout()
        colour_role = (QPalette.ColorRole.HighlightedText if opt.state & QStyle.StateFlag.State_Selected
                       else QPalette.ColorRole.Text)
        painter.save()
        painter.setClipRect(rect)
        painter.setPen(opt.palette.color(colour_role))
        layout.draw(painter, QPointF(rect.left(), rect.top() + (rect.height() - line.height()) / 2))
        painter.restore()
