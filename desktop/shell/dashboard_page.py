"""The dashboard that opens first: the day's promises and duties, counted, each a click from its list.

Counts come from models.dashboard (indexed queries); a card's list opens below it, and Enter
opens a slip. Duties handled on another page (the comment book, the approvals queue) take the
clerk there. The page also carries the day's two rituals: the shift handover (shown on signing
in, written before leaving) and the deadline notifications while Slipdesk is open.

Another desk's work shows within two seconds (desktop.shell.live): the counts at once, the open list
too while the page is shown, keeping its selected slip and scroll position.
"""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget)

from desktop.shell import pages
from desktop.shell.session import Session
from desktop.slips.short_list import SlipList
from models import dashboard
from models.live import BOOK, SLIP, Changes

if TYPE_CHECKING:
    from desktop.shell import handover as handover_dialogs
    from desktop.slips.due_watch import DueWatcher

log = logging.getLogger("slipdesk.dashboard")

REFRESH_MS = 60_000  # deadlines come due as the clock runs (other desks' work comes by desktop.shell.live)
LIST_COLUMNS = ("number", "deadline", "status", "complainant", "unit_code", "category", "complaint")
CARDS_PER_ROW = 4


class Card(QPushButton):
    """One count: the number large, what it counts under it; a warning colour when it matters."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dashboardCard")
        self.title = title
        self.setMinimumHeight(72)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(0)
        self.count_label = QLabel("0")
        self.count_label.setObjectName("cardCount")
        self.title_label = QLabel(title)
        self.title_label.setObjectName("cardTitle")
        self.title_label.setWordWrap(True)
        for label in (self.count_label, self.title_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)

    def set_count(self, count: int, warning: bool) -> None:
        self.count_label.setText(str(count))
        self.setAccessibleName(f"{self.title}: {count}")
        self.setProperty("warning", warning)
        if self.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):  # else its first polish reads it
            self.style().unpolish(self)
            self.style().polish(self)


class DashboardPage(QWidget):
    slip_activated = Signal(int)
    count_changed = Signal(int)  # overdue + due today: the badge on the navigation

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("dashboardPage")
        self.cards: dict[str, Card] = {}
        self.counts: dict[str, int] = {}
        self.current = ""
        self._list_pending = False
        self._painted = False
        self._watcher: DueWatcher | None = None
        self._build()
        self._connect_signals()
        self.refresh()
        self._choose_section(next((s.code for s in self._sections() if s.slips is not None), ""))
        self._list_pending = True  # filled once the page is first painted: the counts come first

    @property
    def watcher(self) -> DueWatcher:
        """The deadline watcher (desktop.slips.due_watch), built once the page is first painted or when
        first asked for: its first look is a minute away, and its module and the notices model need
        not load before the window shows."""
        if self._watcher is None:
            from desktop.slips.due_watch import DueWatcher

            self._watcher = DueWatcher(self.session, self)
            self._watcher.open_slip.connect(self.slip_activated)
            self._watcher.noticed.connect(lambda _notices: self.refresh())
        return self._watcher

    def _sections(self) -> list[dashboard.Section]:
        return dashboard.sections_for(self.session.user) if self.session.user else []

    # ----- building

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        header = QHBoxLayout()
        heading = QLabel(self.tr("Today"))
        heading.setObjectName("pageHeading")
        self.handover_button = QPushButton(self.tr("Write the &handover note (交接班)…"))
        header.addWidget(heading)
        header.addStretch(1)
        header.addWidget(self.handover_button)
        layout.addLayout(header)
        self.grid = QGridLayout()
        self.grid.setSpacing(10)
        for index, section in enumerate(self._sections()):
            card = Card(section.title(self.session.lang))
            card.setCheckable(section.slips is not None)
            card.clicked.connect(lambda _=False, code=section.code: self.open_section(code))
            self.cards[section.code] = card
            self.grid.addWidget(card, index // CARDS_PER_ROW, index % CARDS_PER_ROW)
        layout.addLayout(self.grid)
        self.list_heading = QLabel()
        self.list_heading.setObjectName("sideHeading")
        self.list = SlipList(LIST_COLUMNS, self.session.lang)
        self.list.setAccessibleName(self.tr("Slips of the chosen count"))
        layout.addWidget(self.list_heading)
        layout.addWidget(self.list, 1)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)

    def _connect_signals(self) -> None:
        self.list.slip_activated.connect(self.slip_activated)
        self.session.slips_changed.connect(self.refresh)
        self.session.changed_elsewhere.connect(self._changed_elsewhere)
        self.handover_button.clicked.connect(self.write_handover)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()

    # ----- the counts and the lists

    def refresh(self) -> None:
        """Read the counts again and the open list with them."""
        if self.refresh_counts() and self.current:
            self._fill_list()

    def refresh_counts(self) -> bool:
        """Read the counts again (the cards and the navigation's badge); False when nobody is signed in."""
        if self.session.user is None:
            return False
        self.counts = dashboard.counts(self.session.user)
        for section in self._sections():
            card = self.cards.get(section.code)  # none: the page was built for the one who signed out
            if card is not None:
                count = self.counts.get(section.code, 0)
                card.set_count(count, bool(section.warning and count))
        self.count_changed.emit(self.counts.get("overdue", 0) + self.counts.get("due_today", 0))
        return True

    def _changed_elsewhere(self, changes: Changes) -> None:
        """The counts always (the badge shows them); the list only while the page is seen (the
        window reads it again when the page is shown)."""
        if not changes.touches(SLIP, BOOK):
            return
        if self.isVisible():
            self.refresh()
        else:
            self.refresh_counts()

    def open_section(self, code: str) -> None:
        """A card was chosen: its list below, or the page that deals with it."""
        section = dashboard.section(code)
        if section.page and (section.slips is None or self.counts.get(code, 0)):
            if self._go_to_page(section.page):
                return
        self.show_section(code)

    def show_section(self, code: str) -> None:
        self._choose_section(code)
        self._fill_list()

    def _choose_section(self, code: str) -> None:
        self.current = code
        for key, card in self.cards.items():
            card.setChecked(key == code)

    def event(self, event: QEvent) -> bool:
        """The first section's list is read, and the incoming handover offered, right after the page
        is first painted: the clerk sees the day's counts (and the navigation's) at once."""
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._after_first_paint)
        return super().event(event)

    def _after_first_paint(self) -> None:
        self.watcher  # noqa: B018 - the property builds it
        from desktop.intake.named_call_watch import NamedCallWatcher

        self.call_watcher = NamedCallWatcher(self.session, self)  # a customer asking for this person by name
        if self._list_pending:
            self._fill_list()
        self.offer_handover()

    def _fill_list(self) -> None:
        self._list_pending = False
        section = dashboard.section(self.current)
        if section.slips is None:
            self.list_heading.setText(section.title(self.session.lang))
            self.list.set_slips([])
            return
        slips = dashboard.slips_of(self.current, self.session.user)
        self.list_heading.setText(f"{section.title(self.session.lang)} ({self.counts.get(self.current, len(slips))})")
        self.list.set_slips(slips)

    def _go_to_page(self, key: str) -> bool:
        """Show another page of the main window (the comment book, the approvals queue)."""
        show_page = getattr(self.window(), "show_page", None)
        shown = {page.key for page in pages.available_pages(self.session.user.role)}
        if not callable(show_page) or key not in shown:
            return False
        show_page(key)
        return True

    # ----- the shift handover

    def offer_handover(self) -> handover_dialogs.IncomingHandover | None:
        from desktop.shell import handover as handover_dialogs

        dialog = handover_dialogs.offer_incoming(self.session, self)
        if dialog is not None:
            dialog.slip_activated.connect(self.slip_activated)
        return dialog

    def write_handover(self) -> handover_dialogs.WriteHandover:
        from desktop.shell import handover as handover_dialogs

        dialog = handover_dialogs.WriteHandover(self.session, self)
        dialog.open()
        return dialog
