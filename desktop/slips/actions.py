"""What can be done with a slip, contributed by the modules that know how (workflow, replies, print).

Register a provider with one line in `providers()`:

    workflow_actions.slip_actions,

A provider is called as `provider(context)` each time a slip is shown and returns the QActions
that apply to it now (an empty list when none do). `context.place` says where they will show:
"view" — the slip view's action bar; "saved" — the page shown right after intake saved a new
slip (e.g. "Print receipt" for an on-site complaint). After an action changed the slip, call
`context.session.announce_slip_saved(slip.id)`: the view reloads and lists refresh.
Providers are imported on first use, not at start-up.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from models.slips import Slip

if TYPE_CHECKING:
    from desktop.shell.session import Session

log = logging.getLogger("slipdesk.slip_actions")

VIEW = "view"
SAVED = "saved"

Provider = Callable[["SlipContext"], list[QAction]]


def providers() -> list[Provider]:
    """The modules that offer actions on a slip, in the order the actions show. Imported here, on
    the first slip shown: they import this module, and start-up needs none of them."""
    from desktop.replies import actions as replies
    from desktop.slips import edit, print_actions, workflow_actions
    from desktop.understanding import actions as understanding

    return [workflow_actions.slip_actions, replies.slip_actions, understanding.slip_actions,
            print_actions.slip_actions, edit.slip_actions]


@dataclass(frozen=True)
class SlipContext:
    slip: Slip
    session: "Session"
    parent: QWidget  # parent for dialogs and owner of the actions
    place: str = VIEW


def slip_action(context: SlipContext, name: str, text: str, run: Callable[[], object],
                icon_name: str = "") -> QAction:
    """An action on the slip; `name` is its object name (tests and shortcuts find it by that)."""
    if icon_name:
        from desktop.shell.icons import icon

        action = QAction(icon(icon_name), text, context.parent)
    else:
        action = QAction(text, context.parent)
    action.setObjectName(name)
    action.triggered.connect(lambda _checked=False: run())
    return action


def open_dialog(dialog: QWidget) -> None:
    """Open a slip's dialog window-modal; it deletes itself when closed."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()


def actions_for(context: SlipContext) -> list[QAction]:
    """Every registered provider's actions for this slip, in registration order."""
    actions: list[QAction] = []
    for provider in providers():
        actions.extend(provider(context) or [])
    return actions
