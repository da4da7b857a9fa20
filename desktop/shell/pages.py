"""The main window's pages: register a page here with one line and it appears in the navigation.

    Page("approvals", QT_TRANSLATE_NOOP("pages", "Approvals"), "desktop.approvals.page:ApprovalsPage",
         icon="approvals", shortcut="F5", roles=SUPERVISORS, count_signal="count_changed"),

- `factory` is "module:callable", imported only when the page is first needed (start-up stays
  fast), and called as `factory(session)` (desktop.shell.session.Session) returning a QWidget.
- The navigation lists pages in NAV_ORDER whatever the order of the lines below; keys not in
  NAV_ORDER come last.
- `roles`: who sees the page in the navigation. Hiding is a courtesy: the models/ functions the
  page calls check the role themselves.
- `count_signal`: the name of a `Signal(int)` on the page; its latest value shows as a badge on
  the navigation. Such a page is built right after the window shows, so the badge is there
  before the clerk opens it.
- Optional page hooks the window uses when present: a `slip_activated = Signal(int)` opens that
  slip; `set_filter(**criteria)` lets other pages jump to a filtered list; `refresh()` runs each
  time the page is shown again (a page loads itself when it is built).
- An entry whose module is not installed yet is left out (logged), never shown as an empty page.
"""
from __future__ import annotations

import importlib
import importlib.util
import logging
from dataclasses import dataclass
from typing import Callable

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QWidget

from models.vocab import Role

if TYPE_CHECKING:
    from desktop.shell.session import Session

log = logging.getLogger("slipdesk.pages")

EVERYONE = (Role.CLERK, Role.SUPERVISOR, Role.MANAGER)  # the estate's desk
SUPERVISORS = (Role.SUPERVISOR, Role.MANAGER)
MANAGERS = (Role.MANAGER,)
UPPER_DEPARTMENT = (Role.UPPER,)  # an account of the upper service-management department

NAV_ORDER = ("upper", "dashboard", "notices", "slips", "comment_book", "approvals", "reports", "answers", "directory",
             "settings_authority", "calendar", "motive_rules", "users")


class QueuePage(QWidget):
    """A page that lists slips waiting for someone: built, wired to its signals and filled once.

    A subclass names itself (`object_name`, for the style sheet and the tests) and gives `_build`,
    `_connect_signals` and `refresh`; `count_changed` carries the badge, `slip_activated` opens a
    slip."""

    slip_activated = Signal(int)
    count_changed = Signal(int)
    object_name = ""

    def __init__(self, session: "Session", parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName(self.object_name)
        self._build()
        self._connect_signals()
        self.refresh()

    def _build(self) -> None:
        raise NotImplementedError

    def _connect_signals(self) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        raise NotImplementedError


@dataclass(frozen=True)
class Page:
    key: str
    title: str  # English source text; shown through QCoreApplication.translate("pages", title)
    factory: str  # "package.module:Callable", called as factory(session)
    icon: str = ""  # file name (no extension) in desktop/assets/icons/
    shortcut: str = ""
    roles: tuple[str, ...] = EVERYONE
    count_signal: str = ""

    @property
    def module(self) -> str:
        return self.factory.partition(":")[0]

    def load(self) -> Callable:
        module, _, name = self.factory.partition(":")
        return getattr(importlib.import_module(module), name)


PAGES: list[Page] = [
    Page("slips", QT_TRANSLATE_NOOP("pages", "Slips"), "desktop.slips.list_page:SlipsPage",
         icon="slips", shortcut="F3"),
    Page("dashboard", QT_TRANSLATE_NOOP("pages", "Today"), "desktop.shell.dashboard_page:DashboardPage",
         icon="dashboard", shortcut="F2", count_signal="count_changed"),
    Page("comment_book", QT_TRANSLATE_NOOP("pages", "Comment book"), "desktop.intake.comment_book_page:CommentBookPage",
         icon="book", shortcut="F4", count_signal="count_changed"),
    Page("approvals", QT_TRANSLATE_NOOP("pages", "Approvals"), "desktop.approvals.page:ApprovalsPage",
         icon="approvals", shortcut="F5", roles=SUPERVISORS, count_signal="count_changed"),
    Page("notices", QT_TRANSLATE_NOOP("pages", "Notices"), "desktop.shell.notices_page:NoticesPage",
         icon="bell", shortcut="Ctrl+Shift+N", roles=EVERYONE + UPPER_DEPARTMENT, count_signal="count_changed"),
    Page("upper", QT_TRANSLATE_NOOP("pages", "Sent up to us"), "desktop.approvals.upper_page:UpperPage",
         icon="approvals", shortcut="F5", roles=UPPER_DEPARTMENT, count_signal="count_changed"),
    Page("settings_authority", QT_TRANSLATE_NOOP("pages", "Authority and lists"),
         "desktop.settings.authority_page:AuthoritySettingsPage", icon="settings", shortcut="F9", roles=MANAGERS),
    Page("answers", QT_TRANSLATE_NOOP("pages", "Standard answers"), "desktop.replies.answers_page:AnswersPage",
         icon="answers", shortcut="F6"),
    Page("reports", QT_TRANSLATE_NOOP("pages", "Review"), "desktop.reports.review_page:ReviewPage",
         icon="reports", shortcut="F7", roles=SUPERVISORS),
    Page("motive_rules", QT_TRANSLATE_NOOP("pages", "Motive rules"),
         "desktop.settings.motive_rules_page:MotiveRulesPage", icon="rules", shortcut="F10", roles=MANAGERS),
    Page("directory", QT_TRANSLATE_NOOP("pages", "Residents"), "desktop.intake.directory_page:DirectoryPage",
         icon="residents", shortcut="F8"),
    Page("calendar", QT_TRANSLATE_NOOP("pages", "Working calendar"), "desktop.settings.calendar_page:CalendarPage",
         icon="clock", roles=MANAGERS),
    Page("users", QT_TRANSLATE_NOOP("pages", "Staff accounts"), "desktop.settings.users_page:UsersPage",
         icon="residents", shortcut="F11", roles=MANAGERS),
]


def available_pages(role: str | None) -> list[Page]:
    """The registered pages this role sees, in navigation order."""
    def position(page: Page) -> int:
        return NAV_ORDER.index(page.key) if page.key in NAV_ORDER else len(NAV_ORDER)

    shown = []
    for page in sorted(PAGES, key=position):
        if role not in page.roles:
            continue
        if not _installed(page.module):
            log.warning("page %s left out: module %s is not installed", page.key, page.module)
            continue
        shown.append(page)
    return shown


def _installed(module: str) -> bool:
    """Whether `module` can be imported; a parent that is a module, not a package, has none."""
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False
