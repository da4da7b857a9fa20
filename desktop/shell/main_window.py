"""The main window: navigation with counts on the left, the current page, and the four ways a
complaint comes in, one keystroke each (Ctrl+1 on-site … Ctrl+4 letter).

Pages come from the registry in desktop.shell.pages; actions on a slip from desktop.slips.actions.
Every signal of the window is wired in `_connect_signals`. Once the window is painted, the live
feed (desktop.shell.live) starts telling every open view what other desks change; the status bar says
when it is connecting again.
"""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QModelIndex, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QColor, QKeySequence, QPainter
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QMainWindow, QStackedWidget, QStyledItemDelegate,
                               QStyleOptionViewItem, QToolBar, QVBoxLayout, QWidget)

from desktop.shell import outage_watch
from desktop.shell import pages as registry
from desktop.shell.icons import icon
from desktop.shell.language_menu import language_menu
from desktop.shell import style
from desktop.shell.layout_memory import remember
from desktop.shell.session import Session, put_setting, setting

if TYPE_CHECKING:
    from desktop.shell.desk_guard import DeskGuard
    from desktop.shell.live import LiveFeed
from forms import asking
from forms.fields import plain_text
from models import db, settings
from models.i18n import fill
from models.vocab import DESK_ROLES, Channel, Role, label

log = logging.getLogger("slipdesk.main_window")

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
BADGE_ROLE = Qt.ItemDataRole.UserRole + 2

INTAKE = [  # channel, icon, shortcut, menu text
    (Channel.ONSITE, "onsite", "Ctrl+1", QT_TRANSLATE_NOOP("MainWindow", "New &on-site slip")),
    (Channel.PHONE, "phone", "Ctrl+2", QT_TRANSLATE_NOOP("MainWindow", "New &phone slip")),
    (Channel.BOOK, "book", "Ctrl+3", QT_TRANSLATE_NOOP("MainWindow", "New &comment-book slip")),
    (Channel.LETTER, "letter", "Ctrl+4", QT_TRANSLATE_NOOP("MainWindow", "New &letter slip")),
]


def app_version() -> str:
    from desktop.shell.integration import version

    return version()


class NavDelegate(QStyledItemDelegate):
    """Draws a navigation entry with its count badge (due, waiting …) at the right."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().paint(painter, option, index)
        count = index.data(BADGE_ROLE)
        if not count:
            return
        text = str(count) if count < 1000 else "999+"
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = painter.font()
        font.setBold(True)
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        painter.setFont(font)
        width = max(22, painter.fontMetrics().horizontalAdvance(text) + 12)
        height = painter.fontMetrics().height() + 4
        rect = QRect(option.rect.right() - width - 22, option.rect.center().y() - height // 2, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#e8833a"))
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(QColor("white"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), max(hint.height(), 2 * option.fontMetrics.height() + 8))


class MainWindow(QMainWindow):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("mainWindow")
        self.setWindowTitle("Slipdesk")
        self._page_widgets: dict[str, QWidget] = {}
        self._entries: dict[str, registry.Page] = {}
        self._intake_windows: dict[str, QWidget] = {}
        self._slip_windows: dict[int, QWidget] = {}
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_central()
        self._build_status_bar()
        self._connect_signals()
        self.outage = outage_watch.install(on_back=self.session.announce_slips_changed)
        self.outage.changed.connect(self.outage_banner.setVisible)
        self._restore_layout()
        self._load_pages()  # after the layout: the signed-in role decides which bars show
        self._guard: DeskGuard | None = None  # built once the window is painted, or when first asked for
        self.live: LiveFeed | None = None  # likewise: what other desks change (desktop.shell.live)

    @property
    def guard(self) -> DeskGuard:
        """The idle lock, the desk's backups, unsaved forms and the database choice (desktop.shell.desk_guard).

        Built right after the window is first painted rather than before: its idle watch sees every
        event of the application from then on, and before the first paint that alone cost ~25 ms
        (each kind of event brings its Qt class, and its enums, into Python). A guard built on a
        window already shown is told so, as it would have been had it been there."""
        if self._guard is None:
            from PySide6.QtGui import QShowEvent

            from desktop.shell.desk_guard import DeskGuard

            self._guard = DeskGuard(self)
            if self.isVisible():
                self._guard.eventFilter(self, QShowEvent())
        return self._guard

    def _build_guard(self) -> None:
        from desktop.shell import modal_guard

        self.guard  # noqa: B018 - the property builds it
        modal_guard.install(QApplication.instance())  # no window waits on a dialog nobody sees

    def _ask_letterhead(self) -> None:
        """A manager on a database without a letterhead gives it first (desktop.shell.first_run)."""
        from desktop.shell.first_run import ask_after_sign_in

        self.letterhead_dialog = ask_after_sign_in(self.session, self)

    def _build_live(self) -> None:
        """Start the live feed once: the views hear of other desks' changes from then on."""
        if self.live is None:
            from desktop.shell.live import LiveFeed

            self.live = LiveFeed(self.session, self)
            self.live.live_changed.connect(self._show_live)

    # ----- building

    def _build_actions(self) -> None:
        self.intake_actions: dict[str, QAction] = {}
        for channel, icon_name, shortcut, text in INTAKE:
            action = QAction(icon(icon_name), QCoreApplication.translate("MainWindow", text), self)
            action.setShortcut(QKeySequence(shortcut))
            action.setIconText(f"{label(channel, self.session.lang)}  {shortcut}")
            action.setToolTip(f"{plain_text(action.text())} ({shortcut})")
            action.setData(channel)
            self.intake_actions[channel] = action
        self.sign_out_action = QAction(self.tr("Sign &out"), self)
        self.sign_out_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.about_action = QAction(self.tr("&About Slipdesk"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.export_action = QAction(self.tr("&Export slips…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setToolTip(self.tr("Export the slip list, with its filters, to XLSX or CSV (Ctrl+E)"))
        self.import_action = QAction(icon("residents"), self.tr("&Import residents…"), self)
        self.larger_text_action = QAction(self.tr("&Larger text"), self)
        self.larger_text_action.setCheckable(True)
        self.larger_text_action.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.larger_text_action.setChecked(style.larger_text_wanted())
        self.guide_action = QAction(self.tr("&Guide to the four channels"), self)
        self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.shortcuts_action = QAction(self.tr("&Keyboard shortcuts"), self)
        self.shortcuts_action.setShortcut(QKeySequence("Ctrl+/"))
        self.page_actions = QActionGroup(self)
        self.page_actions.setExclusive(True)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.file_menu.addActions(list(self.intake_actions.values()))
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.export_action)
        self.file_menu.addAction(self.import_action)
        self.file_menu.addSeparator()
        self.change_password_action = self.file_menu.addAction(self.tr("Change my pass&word…"), self._change_password)
        self.file_menu.addAction(self.sign_out_action)
        self.file_menu.addAction(self.quit_action)
        self.view_menu = bar.addMenu(self.tr("&View"))
        self.view_menu.addAction(self.larger_text_action)
        self.view_menu.addMenu(language_menu(self))
        self.view_menu.addSeparator()
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu.addAction(self.guide_action)
        self.help_menu.addAction(self.shortcuts_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)

    def _change_password(self) -> None:
        from desktop.shell.password_dialog import change_password  # loaded when first used: start-up stays fast

        change_password(self.session.user, self)

    def _build_toolbar(self) -> None:
        self.intake_bar = QToolBar(self.tr("New slip"))
        self.intake_bar.setObjectName("intakeBar")
        self.intake_bar.setMovable(False)
        self.intake_bar.setIconSize(QSize(18, 18))
        self.intake_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        caption = QLabel(self.tr("New slip:"))
        caption.setObjectName("mutedText")
        self.intake_bar.addWidget(caption)
        self.intake_bar.addActions(list(self.intake_actions.values()))
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.intake_bar)

    def _build_central(self) -> None:
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        side = QWidget()
        side.setObjectName("navColumn")
        self.side = side
        self._fit_navigation()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(0)
        brand = QLabel("Slipdesk")
        brand.setObjectName("navBrand")
        estate = QLabel(settings.get("estate.name") or "")
        estate.setObjectName("navEstate")
        estate.setWordWrap(True)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(self.tr("Navigation"))
        self.navigation.setIconSize(QSize(20, 20))
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigation.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.navigation.setItemDelegate(NavDelegate(self.navigation))
        side_layout.addWidget(brand)
        side_layout.addWidget(estate)
        side_layout.addWidget(self.navigation, 1)
        self.stack = QStackedWidget()
        self.stack.setObjectName("pageStack")
        self.outage_banner = QLabel(self.tr("The company server cannot be reached. Keep working: what you type is "
                                            "kept on this computer and saved when the server is back. Slipdesk "
                                            "tries again every few seconds."))
        self.outage_banner.setObjectName("outageBanner")
        self.outage_banner.setWordWrap(True)
        self.outage_banner.setStyleSheet("background: #FDECEA; color: #8A1F11; padding: 8px 14px;")
        self.outage_banner.hide()
        pages = QVBoxLayout()
        pages.setContentsMargins(0, 0, 0, 0)
        pages.setSpacing(0)
        pages.addWidget(self.outage_banner)
        pages.addWidget(self.stack, 1)
        layout.addWidget(side)
        layout.addLayout(pages, 1)
        self.setCentralWidget(central)

    def _build_status_bar(self) -> None:
        self.user_label = QLabel()
        self.live_label = QLabel(self.tr("Other desks' changes: connecting again…"))
        self.live_label.setToolTip(self.tr("The connection that tells this desk what other desks change is being "
                                           "made again; the lists show everything once it is back."))
        self.live_label.hide()
        self.database_label = QLabel()
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.live_label)
        self.statusBar().addPermanentWidget(self.database_label)

    def _connect_signals(self) -> None:
        for action in self.intake_actions.values():
            action.triggered.connect(lambda _=False, a=action: self.new_slip(a.data()))
        self.sign_out_action.triggered.connect(self.sign_out)
        self.quit_action.triggered.connect(self.close)
        self.about_action.triggered.connect(self.show_about)
        self.navigation.currentItemChanged.connect(self._on_navigation)
        self.session.user_changed.connect(self._show_user)
        self.export_action.triggered.connect(self.export_slips)
        self.import_action.triggered.connect(self.import_residents)
        self.larger_text_action.toggled.connect(self.set_larger_text)
        self.guide_action.triggered.connect(self.show_guide)
        self.shortcuts_action.triggered.connect(lambda: self.show_guide().show_shortcuts())

    # ----- pages

    def _load_pages(self) -> None:
        """Build the navigation for the signed-in user's role; open the first page."""
        self.navigation.clear()
        for action in self.page_actions.actions():
            self.view_menu.removeAction(action)
            self.page_actions.removeAction(action)
        for widget in self._page_widgets.values():
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self._page_widgets.clear()
        user = self.session.user
        entries = registry.available_pages(user.role if user else None)
        self._entries = {entry.key: entry for entry in entries}
        for entry in entries:
            title = QCoreApplication.translate("pages", entry.title)
            item = QListWidgetItem(icon(entry.icon, "#dbe4ee"), title)
            item.setData(KEY_ROLE, entry.key)
            item.setToolTip(f"{title} ({entry.shortcut})" if entry.shortcut else title)
            self.navigation.addItem(item)
            action = QAction(title, self.page_actions)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(entry.shortcut))
            action.triggered.connect(lambda _=False, key=entry.key: self.show_page(key))
            self.view_menu.addAction(action)
        self._show_user()
        if entries:
            self.navigation.setCurrentRow(0)
        self._badges_pending = True

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and getattr(self, "_badges_pending", False):
            self._badges_pending = False  # the first page is on screen: now the badge pages
            QTimer.singleShot(0, self._build_counted_pages)
            QTimer.singleShot(0, self, self._build_guard)
            QTimer.singleShot(0, self, self._build_live)
            QTimer.singleShot(0, self, self._ask_letterhead)
        return super().event(event)

    def _build_counted_pages(self) -> None:
        """Pages with a count badge are built right after the window first shows, so their counts
        are on the navigation before they are opened, without delaying the first page."""
        for key, entry in self._entries.items():
            if entry.count_signal:
                self.page(key)

    def page(self, key: str) -> QWidget:
        """The page `key`, built on first use."""
        widget = self._page_widgets.get(key)
        if widget is None:
            entry = self._entries[key]
            widget = entry.load()(self.session)
            self._page_widgets[key] = widget
            remember(widget, f"pages/{key}")  # its splitters and column widths, as the clerk left them
            self.stack.addWidget(widget)
            self._connect_page(entry, widget)
        return widget

    def _connect_page(self, entry: registry.Page, widget: QWidget) -> None:
        activated = getattr(widget, "slip_activated", None)
        if activated is not None:
            activated.connect(self.open_slip)
        if entry.count_signal:
            getattr(widget, entry.count_signal).connect(lambda count, key=entry.key: self.set_badge(key, count))

    def show_page(self, key: str, **criteria) -> QWidget:
        """Show a page; with `criteria`, ask it to filter (e.g. show_page("slips", status="escalated"))."""
        row = next(i for i in range(self.navigation.count()) if self.navigation.item(i).data(KEY_ROLE) == key)
        self.navigation.setCurrentRow(row)
        widget = self.page(key)
        if criteria:
            widget.set_filter(**criteria)
        return widget

    def _on_navigation(self, current: QListWidgetItem | None, _previous=None) -> None:
        if current is None:
            return
        key = current.data(KEY_ROLE)
        built_before = key in self._page_widgets
        widget = self.page(key)
        self.stack.setCurrentWidget(widget)
        refresh = getattr(widget, "refresh", None)
        if built_before and callable(refresh):  # a page just built has loaded itself
            refresh()
        for action in self.page_actions.actions():
            action.setChecked(action.text() == current.text())

    def _show_live(self, live: bool) -> None:
        self.live_label.setVisible(not live)

    def set_badge(self, key: str, count: int) -> None:
        for row in range(self.navigation.count()):
            item = self.navigation.item(row)
            if item.data(KEY_ROLE) == key:
                item.setData(BADGE_ROLE, int(count))

    def badge(self, key: str) -> int:
        for row in range(self.navigation.count()):
            item = self.navigation.item(row)
            if item.data(KEY_ROLE) == key:
                return int(item.data(BADGE_ROLE) or 0)
        return 0

    # ----- slips and intake

    def new_slip(self, channel: str) -> QWidget:
        """Open the channel's intake form (or bring back the one already open)."""
        from desktop.intake.window import IntakeWindow

        window = self._intake_windows.get(channel)
        if window is None:
            window = IntakeWindow(self.session, channel, self)
            window.open_slip.connect(self.open_slip)
            window.finished.connect(lambda _r, c=channel: self._forget_intake(c))
            self._intake_windows[channel] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def _forget_intake(self, channel: str) -> None:
        window = self._intake_windows.pop(channel, None)
        if window is not None:
            window.deleteLater()

    def keep_form(self, key: str, window: QWidget) -> None:
        """Another form window (a slip being corrected) that, like the intake forms, is asked
        before the desk closes or signs out, and keeps its draft when someone else signs in."""
        self._intake_windows[key] = window
        window.finished.connect(lambda _r, k=key: self._forget_intake(k))

    def open_forms(self) -> list[QWidget]:
        """The form windows open now (intake and corrections)."""
        return list(self._intake_windows.values())

    def open_slip(self, slip_id: int) -> QWidget:
        from desktop.slips.view import SlipWindow

        window = self._slip_windows.get(slip_id)
        if window is None:
            window = SlipWindow(self.session, slip_id, self)
            window.destroyed.connect(lambda _=None, i=slip_id: self._slip_windows.pop(i, None))
            self._slip_windows[slip_id] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    # ----- the user, about, closing

    def _show_user(self) -> None:
        user = self.session.user
        who = f"{user.display_name} · {label(user.role, self.session.lang)}" if user else self.tr("Not signed in")
        self.user_label.setText(who)
        self.import_action.setVisible(self.session.has_role(Role.MANAGER))
        desk = self.session.has_role(*DESK_ROLES)  # the upper department's account takes no complaint down
        for action in self.intake_actions.values():
            action.setVisible(desk)
        self.intake_bar.setVisible(desk)
        self.export_action.setVisible(desk)
        where = db.describe()
        self.database_label.setText(fill(self.tr("Demo database: %1"), where) if self.session.demo
                                    else fill(self.tr("Database: %1"), where))

    def sign_out(self) -> None:
        if not self._close_children():
            return
        self.session.sign_out()
        self.hide()
        from desktop.shell.login import sign_in

        if sign_in(self.session):
            self._load_pages()
            self.show()
        else:
            self.close()

    # ----- export, import, text size, help

    def export_slips(self) -> QWidget:
        """File › Export slips…: the slip list's export, with the filters the list has now."""
        return self.show_page("slips").export()

    def import_residents(self) -> QWidget:
        from desktop.intake.directory_import import open_import

        return open_import(self.session, self)

    def set_larger_text(self, larger: bool) -> None:
        """View › Larger text: every window at once, and remembered for the next start."""
        put_setting(style.LARGER_TEXT_KEY, larger)
        style.apply(QApplication.instance(), larger)
        self._fit_navigation()

    def _fit_navigation(self) -> None:
        """The navigation column grows with the text, so its titles are not cut."""
        self.side.setFixedWidth(max(210, round(210 * QApplication.font().pointSizeF() / 10)))

    def show_guide(self) -> QWidget:
        from desktop.shell.help_window import HelpWindow, shortcuts_of

        window = getattr(self, "_guide", None)
        if window is None:
            actions = [*self.intake_actions.values(), *self.page_actions.actions(), self.export_action,
                       self.larger_text_action, self.guide_action, self.shortcuts_action, self.sign_out_action,
                       self.quit_action]
            window = self._guide = HelpWindow(shortcuts_of(actions), self)
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def show_about(self) -> None:
        from desktop.shell import logs

        asking.about(self, self.tr("About Slipdesk"), fill(self.tr(
            "<h3>Slipdesk %1</h3><p>Handling slips (处理单) for the service desk of a residential estate.</p>"
            "<p><b>Database:</b> %2<br><b>Log file:</b> %3</p>"), app_version(), db.describe(), logs.log_path()))

    def _close_children(self) -> bool:
        """Close intake forms (each asks before discarding what was typed) and slip windows."""
        for window in list(self._intake_windows.values()):
            if not window.close():
                return False
        for window in list(self._slip_windows.values()):
            window.close()
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._close_children():
            event.ignore()
            return
        if self.live is not None:
            self.live.stop()
        put_setting("main_window/geometry", self.saveGeometry())
        put_setting("main_window/state", self.saveState())
        event.accept()

    def _restore_layout(self) -> None:
        geometry = setting("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            screen = QApplication.primaryScreen().availableGeometry()
            self.resize(min(1360, screen.width()), min(860, screen.height()))
        state = setting("main_window/state")
        if state is not None:
            self.restoreState(state)
