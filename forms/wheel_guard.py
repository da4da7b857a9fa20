"""Scrolling a form never changes a choice the clerk did not click into.

A clerk scrolling a long form with the mouse wheel passes over combo boxes, date and number
fields; Qt turns the wheel over any of them into a new value, so the category, the reply method
or the agreed deadline change unseen. One application-wide event filter, installed once by the
desk (desktop.shell.app, once the main window is first painted: a filter in Python sees every event,
and the first paint waits for none it can do without) and by the UI tests, guards every such
field in every form and dialog: it
gives none of them focus by the wheel, and a wheel over one the clerk has not clicked into (it
has no focus) goes on to the page under it, which scrolls. A field the clerk clicked into still
takes the wheel, as the clerk meant.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QWidget

GUARDED = (QComboBox, QAbstractSpinBox)  # QAbstractSpinBox: spin boxes, date and time fields
_WHEEL, _POLISH = QEvent.Type.Wheel, QEvent.Type.Polish


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == _POLISH and isinstance(watched, GUARDED):
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel gives no focus
        elif kind == _WHEEL and isinstance(watched, GUARDED) and not watched.hasFocus():
            return _scroll_page(watched, event)
        return False


def _scroll_page(field: QWidget, event: QWheelEvent) -> bool:
    """Hand the wheel to the page the field is on (the nearest scroll area), as if the field
    were not there; with no page around it, Qt hands it on to the parent."""
    page = field.parentWidget()
    while page is not None and not isinstance(page, QAbstractScrollArea):
        page = page.parentWidget()
    if page is None:
        event.ignore()
        return True
    viewport = page.viewport()
    local = viewport.mapFromGlobal(event.globalPosition().toPoint())
    QCoreApplication.sendEvent(viewport, QWheelEvent(
        QPointF(local), event.globalPosition(), event.pixelDelta(), event.angleDelta(), event.buttons(),
        event.modifiers(), event.phase(), event.inverted()))
    event.accept()
    return True


_guard: WheelGuard | None = None


def install(app: QApplication) -> WheelGuard:
    """Guard every combo box, date and number field of the application (once): those made from
    now on as they are polished, those already shown at once."""
    global _guard
    if _guard is None:
        _guard = WheelGuard(app)
        app.installEventFilter(_guard)
        for widget in app.allWidgets():
            if isinstance(widget, GUARDED) and widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return _guard
