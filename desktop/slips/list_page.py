"""The slip list page: search in Chinese, filter, sort, open a slip, print the selected slips.

The search box waits for the clerk to pause before asking (typing 漏水 is two keystrokes and
one query); the search runs on a worker thread (desktop.slips.table_model), the list saying it is
searching meanwhile, and typing on cancels it; the total is counted by the model a moment
after the list settles. Filters set by
another page (the dashboard's "these 12 slips") that the controls cannot show stay in force
under a banner until cleared. Another desk's change shows within two seconds while the list is
seen (desktop.shell.live): its current query runs again, the selected slips and the scroll kept.
"""
from __future__ import annotations

import dataclasses
from typing import Callable

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget)

from desktop.shell.session import Session, put_setting, setting
from desktop.slips.table_model import EXCERPT_COLUMN, HighlightDelegate, SelectionKeeper, SlipTableModel
from desktop.shell.view_state import keep_scroll
from forms.calendar_popup import mark_holidays
from forms.fields import counted
from models import catalog
from models.directory import Unit
from models.live import SLIP, Changes
from models.queries import SlipFilter
from models.vocab import OPEN_STATUSES, Channel, Status, label
from models.i18n import fill, language

SEARCH_PAUSE_MS = 250
NO_DATE = QDate(2000, 1, 1)  # the date edits' minimum, shown as "any"
OPEN = "open"  # the status choice standing for every open status
MORE_FILTERS_KEY = "slips_page/more_filters"  # whether the folded filters are shown (QSettings)


class SlipsPage(QWidget):
    slip_activated = Signal(int)  # the clerk opened this slip (Enter or double-click)

    def __init__(self, session: Session | None = None, parent: QWidget | None = None, lang: str | None = None):
        super().__init__(parent)
        self.session = session
        self.lang = lang or (session.lang if session else language())
        self._pinned = SlipFilter()  # set by another page, beyond what the controls show
        self._applying = False
        self._open_first = False  # Enter in the search box: the first match gets the focus once found
        self._refreshing = False  # the search running is a refresh of the same listing
        self._scroll_back: Callable[[], None] | None = None  # its scroll position, put back once listed
        self.model = SlipTableModel(self, lang=self.lang)
        self._build()
        self._connect()
        self.apply_filter()
        self._show_pending_total()
        self._count_more_filters()

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel(self.tr("Slips"))
        self.heading.setObjectName("pageHeading")
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search: words of the complaint, name, unit (3-2-1201), "
                                               "phone digits, initials (zs)"))
        self.search.setAccessibleName(self.tr("Search slips"))
        self.total_label = QLabel()
        self.total_label.setObjectName("mutedText")
        self.total_label.setAccessibleName(self.tr("Number of slips listed"))

        self.status = self._combo(self.tr("Status"), [(None, self.tr("All statuses")),
                                                      (OPEN, self.tr("Open (not finished)"))]
                                  + [(s.value, label(s, self.lang)) for s in Status])
        self.channel = self._combo(self.tr("Channel"), [(None, self.tr("All channels"))]
                                   + [(c.value, label(c, self.lang)) for c in Channel])
        self.category = self._combo(self.tr("Category"), [(None, self.tr("All categories"))]
                                    + [(c.id, c.name(self.lang)) for c in catalog.categories()])
        self.building = self._combo(self.tr("Building"), [(None, self.tr("All buildings"))]
                                    + [(b, fill(self.tr("Building %1"), str(b))) for b in _buildings()])
        self.department = self._combo(self.tr("Department"), [(None, self.tr("All departments"))]
                                      + [(d.id, d.name(self.lang)) for d in catalog.departments()])
        self.authority = self._combo(self.tr("Authority"), [(None, self.tr("Any authority")),
                                                            (True, self.tr("Within authority")),
                                                            (False, self.tr("Beyond authority"))])
        self.received_from = self._date(self.tr("Received from"))
        self.received_to = self._date(self.tr("Received until"))
        self.overdue = QCheckBox(self.tr("&Overdue only"))
        self.overdue.setAccessibleName(self.tr("Overdue slips only"))
        self.quiet = QCheckBox(self.tr("No progress told"))
        self.quiet.setAccessibleName(self.tr("Slips in handling whose customer has heard nothing lately"))
        self.reset_button = QPushButton(self.tr("C&lear filters"))
        self.reset_button.setToolTip(self.tr("Show every slip again"))
        self.more_button = QPushButton()
        self.more_button.setCheckable(True)
        self.more_button.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.more_button.setToolTip(self.tr("Building, department, authority and dates (Ctrl+Shift+F)"))
        self.export_button = QPushButton(self.tr("&Export…"))
        self.export_button.setToolTip(self.tr("Export the slips listed, with these filters, to XLSX or CSV (Ctrl+E)"))
        self.print_action = QAction(self.tr("&Print selected slips…"), self)
        self.print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # this page's Ctrl+P
        self.print_action.setToolTip(self.tr("Print the handling slips of the selected slips as one job (Ctrl+P)"))
        self.print_action.setEnabled(False)
        self.addAction(self.print_action)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setToolTip(self.print_action.toolTip())
        self.print_button.setEnabled(False)

        self.pinned_label = QLabel()
        self.pinned_label.setObjectName("warningBanner")
        self.unpin_button = QPushButton(self.tr("Show all"))
        pinned_row = QHBoxLayout()
        pinned_row.addWidget(self.pinned_label, 1)
        pinned_row.addWidget(self.unpin_button)
        self.pinned_bar = QWidget()
        self.pinned_bar.setLayout(pinned_row)
        self.pinned_bar.setVisible(False)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Slips"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # several slips at once (Shift/Ctrl+click, Shift+arrows) for a batch print; Enter opens the current one
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addAction(self.print_action)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSortIndicator(self.model.sort_column(), Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setItemDelegateForColumn(EXCERPT_COLUMN, HighlightDelegate(self.table))
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column, width in enumerate((130, 100, 110, 125, 90, 80, 90, 200)):  # never narrower than the title
            self.table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))  # (its sort mark too)
        self.keeper = SelectionKeeper(self.table, self.model)

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.search, 1)
        top.addWidget(self.total_label)
        self._keep_total_wide()
        filters = QHBoxLayout()  # the everyday filters; the rest fold away so the page fits 1280 px
        for widget in (self.status, self.channel, self.category, self.overdue, self.quiet, self.more_button,
                       self.reset_button):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.print_button)
        filters.addWidget(self.export_button)
        self.more_filters = QWidget()
        more = QHBoxLayout(self.more_filters)
        more.setContentsMargins(0, 0, 0, 0)
        from_label, to_label = QLabel(self.tr("&From")), QLabel(self.tr("&to"))
        from_label.setBuddy(self.received_from)
        to_label.setBuddy(self.received_to)
        for widget in (self.building, self.department, self.authority, from_label, self.received_from, to_label,
                       self.received_to):
            more.addWidget(widget)
        more.addStretch(1)
        self.more_button.setChecked(setting(MORE_FILTERS_KEY, "false") in (True, "true"))
        self.more_filters.setVisible(self.more_button.isChecked())
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.more_filters)
        layout.addWidget(self.pinned_bar)
        layout.addWidget(self.table, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_PAUSE_MS)

    def _combo(self, name: str, choices: list[tuple[object, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setToolTip(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(9)  # long names elide: the row never pushes the window wider
        for value, text in choices:
            combo.addItem(text, value)
        return combo

    def _date(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setAccessibleName(name)
        edit.setToolTip(name)
        edit.setCalendarPopup(True)
        mark_holidays(edit)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("any"))
        edit.setDate(NO_DATE)
        return edit

    def _connect(self) -> None:
        self.search.textEdited.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._search_now)
        self._search_timer.timeout.connect(self.apply_filter)
        for combo in (self.status, self.channel, self.category, self.building, self.department, self.authority):
            combo.currentIndexChanged.connect(self.apply_filter)
        for combo in (self.building, self.department, self.authority):  # counted as chosen, not once listed
            combo.currentIndexChanged.connect(self._count_more_filters)
        for edit in (self.received_from, self.received_to):
            edit.dateChanged.connect(self.apply_filter)
        self.overdue.toggled.connect(self.apply_filter)
        self.quiet.toggled.connect(self.apply_filter)
        self.reset_button.clicked.connect(self.clear_filters)
        self.more_button.toggled.connect(self._show_more_filters)
        self.export_button.clicked.connect(self.export)
        self.print_action.triggered.connect(self.print_selected)
        self.print_button.clicked.connect(self.print_action.trigger)
        self.table.selectionModel().selectionChanged.connect(self._enable_printing)
        self.model.modelReset.connect(self._enable_printing)
        self.model.modelReset.connect(self._count_more_filters)
        self.unpin_button.clicked.connect(self.unpin)
        self.model.total_changed.connect(self._show_total)
        self.model.modelReset.connect(self._show_pending_total)
        self.model.searching_changed.connect(self._show_searching)
        self.model.modelAboutToBeReset.connect(self._note_scroll)
        self.model.modelReset.connect(self._select_first_when_asked)
        self.table.doubleClicked.connect(self._open_index)
        self.table.installEventFilter(self)
        self.search.installEventFilter(self)
        if self.session is not None:
            self.session.slips_changed.connect(self.refresh)
            self.session.changed_elsewhere.connect(self._changed_elsewhere)

    # --- filtering --------------------------------------------------------------------------

    def current_filter(self) -> SlipFilter:
        """The pinned filter with whatever the controls choose laid over it."""
        chosen: dict = {"text": self.search.text().strip(), "overdue": self.overdue.isChecked(),
                        "quiet": self.quiet.isChecked()}
        status = self.status.currentData()
        if status == OPEN:
            chosen["statuses"] = tuple(OPEN_STATUSES)
        elif status is not None:
            chosen["statuses"] = (status,)
        for combo, field in ((self.channel, "channels"), (self.category, "category_ids"),
                             (self.building, "buildings"), (self.department, "department_ids")):
            if combo.currentData() is not None:
                chosen[field] = (combo.currentData(),)
        if self.authority.currentData() is not None:
            chosen["within_authority"] = self.authority.currentData()
        for edit, field in ((self.received_from, "received_from"), (self.received_to, "received_to")):
            if edit.date() != NO_DATE:
                chosen[field] = edit.date().toPython()
        return dataclasses.replace(self._pinned, **chosen)

    def apply_filter(self) -> None:
        if self._applying:
            return
        self._search_timer.stop()
        self.model.set_filter(self.current_filter())

    def _search_now(self) -> None:
        self._open_first = True
        self.apply_filter()
        if not self.model.searching:  # the same filter: nothing to wait for
            self._select_first_when_asked()

    def _select_first_when_asked(self) -> None:
        if self._open_first and self.model.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)
        self._open_first = False

    def set_filter(self, flt: SlipFilter | None = None, **criteria) -> None:
        """Show the slips matching `flt` and/or keyword criteria (status="escalated", overdue=True …),
        e.g. from the dashboard."""
        flt = SlipFilter.of(flt, **criteria)
        self._applying = True
        try:
            self._reset_controls()
            self.search.setText(flt.text)
            self.overdue.setChecked(flt.overdue)
            self.quiet.setChecked(flt.quiet)
            pinned = self._show_in_controls(flt)
        finally:
            self._applying = False
        self._pinned = pinned
        self._show_pinned()
        self.apply_filter()

    def _show_in_controls(self, flt: SlipFilter) -> SlipFilter:
        """Set the controls to `flt`; returns the part they cannot show (kept pinned)."""
        rest = dataclasses.replace(flt, text="", overdue=False, quiet=False)
        if flt.statuses and set(flt.statuses) == set(OPEN_STATUSES):
            self.status.setCurrentIndex(self.status.findData(OPEN))
            rest = dataclasses.replace(rest, statuses=())
        for combo, field in ((self.status, "statuses"), (self.channel, "channels"), (self.category, "category_ids"),
                             (self.building, "buildings"), (self.department, "department_ids")):
            values = getattr(rest, field)
            if len(values) == 1 and combo.findData(values[0]) >= 0:
                combo.setCurrentIndex(combo.findData(values[0]))
                rest = dataclasses.replace(rest, **{field: ()})
        if flt.within_authority is not None:
            self.authority.setCurrentIndex(self.authority.findData(flt.within_authority))
            rest = dataclasses.replace(rest, within_authority=None)
        for edit, field in ((self.received_from, "received_from"), (self.received_to, "received_to")):
            value = getattr(flt, field)
            if value is not None:
                edit.setDate(QDate(value.year, value.month, value.day))
                rest = dataclasses.replace(rest, **{field: None})
        return rest

    def _reset_controls(self) -> None:
        self.search.clear()
        for combo in (self.status, self.channel, self.category, self.building, self.department, self.authority):
            combo.setCurrentIndex(0)
        self.received_from.setDate(NO_DATE)
        self.received_to.setDate(NO_DATE)
        self.overdue.setChecked(False)
        self.quiet.setChecked(False)

    def clear_filters(self) -> None:
        self._applying = True
        try:
            self._reset_controls()
        finally:
            self._applying = False
        self._pinned = SlipFilter()
        self._show_pinned()
        self.apply_filter()

    def unpin(self) -> None:
        self._pinned = SlipFilter()
        self._show_pinned()
        self.apply_filter()

    def _show_pinned(self) -> None:
        pinned = self._pinned != SlipFilter()
        self.pinned_bar.setVisible(pinned)
        if pinned:
            if self._pinned.slip_ids:
                text = counted(len(self._pinned.slip_ids), self.tr("Showing the slip chosen on another page."),
                               self.tr("Showing the %1 slips chosen on another page."))
            else:
                text = self.tr("Showing slips filtered on another page.")
            self.pinned_label.setText(text)

    def _show_more_filters(self, shown: bool) -> None:
        self.more_filters.setVisible(shown)
        put_setting(MORE_FILTERS_KEY, shown)
        (self.building if shown else self.more_button).setFocus()

    def _count_more_filters(self) -> None:
        """The folded filters in use are counted on their button, so none is forgotten."""
        used = sum(combo.currentIndex() > 0 for combo in (self.building, self.department, self.authority))
        used += sum(edit.date() != NO_DATE for edit in (self.received_from, self.received_to))
        self.more_button.setText(fill(self.tr("More filters (%1)"), str(used)) if used
                                 else self.tr("More filters"))
        self.more_button.setShortcut(QKeySequence("Ctrl+Shift+F"))  # setText drops a button's shortcut

    def export(self):
        """Export what the list shows, with its filters (desktop.slips.export)."""
        from desktop.slips.export import open_export

        return open_export(self.session, self.current_filter(), self.model.total, self)

    def selected_slip_ids(self) -> list[int]:
        """The selected slips, in the order they are listed."""
        return [self.model.slip_id(index.row())
                for index in sorted(self.table.selectionModel().selectedRows(), key=lambda index: index.row())]

    def print_selected(self):
        """Print the selected slips' handling slips as one job (desktop.slips.printing.batch_print), each
        print logged on its slip; returns the running job, or None when nothing was printed."""
        from desktop.slips.printing import batch_print  # QtPdf and QtPrintSupport load when first printing

        ids = self.selected_slip_ids()
        if not ids:
            return None
        return batch_print(self, ids, self.lang, self.session.user if self.session else None)

    def _enable_printing(self) -> None:
        selected = self.table.selectionModel().hasSelection()
        self.print_action.setEnabled(selected)
        self.print_button.setEnabled(selected)

    # --- the list ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Run the list's current query again (slips were saved here or on another desk), keeping
        the selected slips (the model's SelectionKeeper) and the scroll position. The search runs on
        a worker thread while the clerk may go on scrolling: the position is noted as its rows
        replace the old ones, and put back once they are listed."""
        self.model.refresh()  # says it is searching first (see _show_searching)
        self._refreshing = True

    def _note_scroll(self) -> None:
        self._scroll_back = keep_scroll(self.table) if self._refreshing else None

    def _changed_elsewhere(self, changes: Changes) -> None:
        """While the list is seen; a hidden list is read again when it is shown (desktop.shell.main_window)."""
        if changes.touches(SLIP) and self.isVisible():
            self.refresh()

    def _show_searching(self, searching: bool) -> None:
        if searching:
            self._refreshing = False  # a new search (a filter, a sort) lists afresh; a refresh says so after
            self.total_label.setText(self.tr("Searching…"))
            return
        self._refreshing = False
        if self._scroll_back is not None:  # the refresh's rows are listed (the selection kept already)
            scroll_back, self._scroll_back = self._scroll_back, None
            scroll_back()

    def _keep_total_wide(self) -> None:
        """The count says "Searching…", then "100+ slips, counting…", then the total: wide enough for
        the longest from the start, the search box beside it does not jump as it changes."""
        texts = (self.tr("Searching…"), fill(self.tr("%1+ slips, counting…"), "1,000"),
                 counted(100_000, self.tr("%1 slip"), self.tr("%1 slips")))
        metrics = self.total_label.fontMetrics()
        self.total_label.setMinimumWidth(max(metrics.horizontalAdvance(text) for text in texts) + 4)

    def _show_pending_total(self) -> None:
        if self.model.total is None:
            shown = self.model.rowCount()
            self.total_label.setText(fill(self.tr("%1+ slips, counting…"), f"{shown:,}"))

    def _show_total(self, total: int) -> None:
        self.total_label.setText(counted(total, self.tr("%1 slip"), self.tr("%1 slips")))

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.slip_activated.emit(self.model.slip_id(index.row()))

    def open_current(self) -> None:
        self._open_index(self.table.currentIndex())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:  # View › Larger text: rows grow with the text
            self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if watched is self.table and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_current()
                return True
            if watched is self.search and key == Qt.Key.Key_Down and self.model.rowCount():
                self.table.setFocus()
                self.table.selectRow(0)
                return True
        return super().eventFilter(watched, event)


def _buildings() -> list[int]:
    return [row[0] for row in Unit.select(Unit.building).distinct().order_by(Unit.building).tuples()]

