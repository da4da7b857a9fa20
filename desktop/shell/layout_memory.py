"""Windows, splitters and table columns come back the way the clerk left them.

`remember(widget, key)` is one line for a window, a dialog or a page: a window gets its saved
size and place back at once (or `default_size`, shrunk to fit the screen: a 1366×768 laptop
never gets a window taller than its screen); the splitters and table headers inside it get their
saved state when it is first shown (tables are filled by then), and everything is saved each
time it is hidden — a page when the clerk moves to another, a window when it closes.

Saved under namespaced QSettings keys: "layout/<key>/geometry", "layout/<key>/header/<name>",
"layout/<key>/splitter/<name>", where <name> is the widget's objectName or its place in the tree.
"""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHeaderView, QSplitter, QWidget

from desktop.shell.session import setting, settings

PREFIX = "layout"


def remember(widget: QWidget, key: str, default_size: tuple[int, int] | None = None) -> None:
    """Restore and keep `widget`'s layout under `key` (see the module docstring)."""
    memory = _Memory(widget, key)
    if widget.isWindow():
        memory.restore_geometry(default_size)


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to width×height, or less where the screen is smaller (the title bar included)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        widget.resize(width, height)
        return
    available = screen.availableGeometry()
    widget.resize(min(width, available.width()), min(height, available.height() - 32))


class _Memory(QObject):
    def __init__(self, widget: QWidget, key: str):
        super().__init__(widget)
        self._widget = widget
        self._key = f"{PREFIX}/{key}"
        self._restored = False
        widget.installEventFilter(self)

    def restore_geometry(self, default_size: tuple[int, int] | None) -> None:
        geometry = setting(f"{self._key}/geometry")
        if isinstance(geometry, QByteArray) and self._widget.restoreGeometry(geometry):
            return
        if default_size:
            fit_to_screen(self._widget, *default_size)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A closed window whose Python side is collected as a cycle may have this filter's attributes
        # cleared while Qt still delivers its last Hide: nothing is left to save then.
        if watched is getattr(self, "_widget", None):
            kind = event.type()
            if kind == QEvent.Type.Show and not self._restored:
                self._restored = True
                self.restore_inside()
            elif kind == QEvent.Type.Hide and self._restored:
                self.save()
        return False

    def _parts(self) -> list[tuple[str, QObject]]:
        """The splitters and column headers inside the widget, each with a stable name."""
        parts: list[tuple[str, QObject]] = []
        headers = [h for h in self._widget.findChildren(QHeaderView)
                   if h.orientation() == Qt.Orientation.Horizontal and h.parentWidget() is not None]
        for index, header in enumerate(headers):
            parts.append((f"header/{header.parentWidget().objectName() or index}", header))
        for index, splitter in enumerate(self._widget.findChildren(QSplitter)):
            parts.append((f"splitter/{splitter.objectName() or index}", splitter))
        return parts

    def restore_inside(self) -> None:
        for name, part in self._parts():
            state = setting(f"{self._key}/{name}")
            if not isinstance(state, QByteArray):
                continue
            if isinstance(part, QHeaderView):
                if part.count() and setting(f"{self._key}/{name}/columns") in (part.count(), str(part.count())):
                    part.restoreState(state)
            else:
                part.restoreState(state)

    def save(self) -> None:
        store = settings()
        if self._widget.isWindow():
            store.setValue(f"{self._key}/geometry", self._widget.saveGeometry())
        for name, part in self._parts():
            if isinstance(part, QHeaderView):
                if not part.count():
                    continue
                store.setValue(f"{self._key}/{name}/columns", part.count())
            store.setValue(f"{self._key}/{name}", part.saveState())
        store.sync()

