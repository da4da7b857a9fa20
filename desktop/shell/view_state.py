"""What the clerk was looking at, kept while a view reads its rows again: another desk's change
arrives while they read, scroll or type, and the list must not jump."""
from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QAbstractItemView, QAbstractScrollArea


def keep_scroll(view: QAbstractScrollArea) -> Callable[[], None]:
    """Note the view's scroll position; the function returned puts it back once its rows were
    read again (as near as the new rows allow)."""
    values = (view.verticalScrollBar().value(), view.horizontalScrollBar().value())

    def restore() -> None:
        if isinstance(view, QAbstractItemView):
            view.doItemsLayout()  # the scroll range follows the new rows now, not at the next paint
        for bar, value in zip((view.verticalScrollBar(), view.horizontalScrollBar()), values):
            bar.setValue(min(value, bar.maximum()))

    return restore
