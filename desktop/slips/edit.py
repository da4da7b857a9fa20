"""Correcting an open slip's recorded facts, safely when another desk has it open too.

The window edits from the version it opened and sends only the fields the clerk changed
(models.edits.edit_slip). When another desk saved the slip in between, nothing is overwritten:
the merge dialog shows, field by field, the value when this desk opened it, what the other desk
saved and what was typed here; the clerk picks, and the merged slip is saved on the newer
version. The window says so as soon as the other desk saved (desktop.shell.live), before the clerk
saves, and keeps what was typed. A slip_actions provider offers it on the slip view
("Correct the details…"); an upper department's account corrects nothing (models.edits).
"""
from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QMouseEvent, QShortcut
from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QFrame, QGridLayout, QLabel, QLineEdit,
                               QRadioButton, QScrollArea, QVBoxLayout, QWidget)

from desktop.shell.layout_memory import fit_to_screen
from desktop.shell.session import Session
from desktop.slips.actions import VIEW, SlipContext
from forms.autosave import AutosavedDialog, Autosave
from forms.error_placing import ErrorPlacing
from forms.fields import FieldRow, counted, restyle
from forms.slip_edit import SlipEditForm, as_shown, field_label, shown_text
from models import drafts, edits
from models.drafts import Draft
from models.edits import FieldChange
from models.changes import changed_by
from models.errors import SlipdeskError, StaleSlip
from models.live import Changes
from models.slips import Slip
from models.vocab import DESK_ROLES, Role
from models.i18n import fill
from forms.translation import translator

log = logging.getLogger("slipdesk.slip_edit")

DRAFT_KIND = "edit"
THEIRS, MINE = "theirs", "mine"


_tr = translator("SlipEdit")


# ----- the merge

def default_pick(change: FieldChange) -> str | None:
    """Keep theirs where you did not change the field, yours where they did not; ask where both did."""
    if change.mine == change.base or change.theirs == change.mine:
        return THEIRS
    if change.theirs == change.base:
        return MINE
    return None


class ChoiceCard(QFrame):
    """One value to keep, shown whole (a complaint runs to several lines); a click anywhere picks it."""

    def __init__(self, caption: str, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("choiceCard")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(2)
        self.radio = QRadioButton(caption)
        self.radio.setAccessibleName(f"{caption}: {text}")
        self.value = QLabel(text)
        self.value.setWordWrap(True)
        self.value.setObjectName("choiceValue")
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.radio)
        layout.addWidget(self.value)
        self.radio.toggled.connect(self._show_chosen)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.radio.setChecked(True)
        super().mousePressEvent(event)

    def _show_chosen(self, on: bool) -> None:
        self.setProperty("chosen", on)
        self.style().unpolish(self)
        self.style().polish(self)


class MergeDialog(QDialog):
    """Per field: when you opened it, what the other desk saved, what you typed — pick what stays."""

    def __init__(self, stale: StaleSlip, fields: tuple[str, ...], lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(_tr("Changed at another desk"))
        self.changes = {name: stale.changes[name] for name in fields if name in stale.changes}
        self.groups: dict[str, QButtonGroup] = {}
        self.cards: dict[str, tuple[ChoiceCard, ChoiceCard]] = {}
        self.notes: dict[str, QLabel] = {}
        fit_to_screen(self, 1000, min(760, 300 + 96 * len(self.changes)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 14)
        layout.setSpacing(10)
        heading = QLabel(_tr("Someone else saved this slip while you were correcting it"))
        heading.setObjectName("pageHeading")
        explain = QLabel(str(stale) + "\n" + _tr(
            "Nothing was overwritten. For each field, choose what the slip should say: the other desk's "
            "value or yours. Fields only one of you changed are chosen for you; check them anyway."))
        explain.setWordWrap(True)
        explain.setObjectName("mutedText")
        layout.addWidget(heading)
        layout.addWidget(explain)
        layout.addWidget(self._grid(lang), 1)
        self.message = QLabel()
        self.message.setObjectName("formError")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(_tr("&Save the merged slip"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("primaryButton")
        self.back_button = self.buttons.addButton(_tr("Back to my corrections"), QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(self.buttons)
        self.save_button.clicked.connect(self.accept)
        self.back_button.clicked.connect(self.reject)
        self._show_state()

    def _grid(self, lang: str) -> QScrollArea:
        body = QWidget()
        body.setObjectName("formBody")
        grid = QGridLayout(body)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(10)
        for column, text in enumerate(("", _tr("When you opened it"), _tr("Saved at the other desk"),
                                       _tr("What you typed"))):
            header = QLabel(text)
            header.setObjectName("sideHeading")
            grid.addWidget(header, 0, column)
        for row, (name, change) in enumerate(self.changes.items(), start=1):
            title = QLabel(field_label(name))
            title.setObjectName("sideHeading")
            note = QLabel()
            note.setWordWrap(True)
            note.setFixedWidth(170)
            self.notes[name] = note
            cell = QVBoxLayout()
            cell.addWidget(title)
            cell.addWidget(note)
            cell.addStretch(1)
            grid.addLayout(cell, row, 0)
            before = QLabel(shown_text(name, change.base, lang))
            before.setWordWrap(True)
            before.setObjectName("mergeBase")
            grid.addWidget(before, row, 1, Qt.AlignmentFlag.AlignTop)
            theirs = ChoiceCard(_tr("Keep theirs"), shown_text(name, change.theirs, lang))
            mine = ChoiceCard(_tr("Keep mine"), shown_text(name, change.mine, lang))
            group = QButtonGroup(self)
            group.addButton(theirs.radio)
            group.addButton(mine.radio)
            pick = default_pick(change)
            if pick is not None:
                (theirs if pick == THEIRS else mine).radio.setChecked(True)
            group.buttonToggled.connect(lambda _b, _on: self._show_state())
            self.groups[name] = group
            self.cards[name] = (theirs, mine)
            grid.addWidget(theirs, row, 2)
            grid.addWidget(mine, row, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 3)
        grid.setColumnStretch(3, 3)
        grid.setRowStretch(len(self.changes) + 1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        return scroll

    def pick(self, name: str, which: str) -> None:
        theirs, mine = self.cards[name]
        (theirs if which == THEIRS else mine).radio.setChecked(True)

    def picks(self) -> dict[str, str | None]:
        result: dict[str, str | None] = {}
        for name, (theirs, mine) in self.cards.items():
            result[name] = THEIRS if theirs.radio.isChecked() else MINE if mine.radio.isChecked() else None
        return result

    def merged(self) -> dict[str, Any]:
        """The value chosen for each field shown."""
        picks = self.picks()
        return {name: change.theirs if picks[name] == THEIRS else change.mine
                for name, change in self.changes.items() if picks[name] is not None}

    def undecided(self) -> list[str]:
        return [name for name, pick in self.picks().items() if pick is None]

    def _show_state(self) -> None:
        for name, change in self.changes.items():
            note = self.notes[name]
            if change.theirs == change.mine:
                text, kind = _tr("Both made the same change."), "mutedText"
            elif change.mine == change.base:
                text, kind = _tr("Changed at the other desk only."), "mutedText"
            elif change.theirs == change.base:
                text, kind = _tr("Changed by you only."), "mutedText"
            elif self.picks()[name] is None:
                text, kind = _tr("Both changed it: choose one."), "fieldError"
            else:
                text, kind = _tr("Both changed it."), "mutedText"
            note.setText(text)
            restyle(note, kind)
        waiting = len(self.undecided())
        self.save_button.setEnabled(waiting == 0)
        self.message.setText(counted(waiting, _tr("Choose a value for the field you both changed."),
                                     _tr("Choose a value for the %1 fields you both changed."))
                             if waiting else "")
        self.message.setVisible(bool(waiting))


# ----- the window

class SlipEditWindow(AutosavedDialog, QDialog, ErrorPlacing):
    """Corrects one slip; autosaved to the drafts table; merges when another desk saved first."""

    def __init__(self, session: Session, slip_id: int, parent: QWidget | None = None, draft: Draft | None = None):
        super().__init__(parent)
        self.session = session
        self.slip_id = slip_id
        slip = Slip.get_by_id(slip_id)
        self.number = slip.number
        self.closed = not slip.is_open  # a manager's correction, with a reason (models.edits)
        self.merge_dialog: MergeDialog | None = None
        state = drafts.from_payload(draft.payload) if draft is not None else None
        self.version: int = state["version"] if state else slip.version
        self.base: dict[str, Any] = state["base"] if state else edits.snapshot(slip)
        self.setObjectName("slipEditWindow")
        self.setWindowTitle(fill(_tr("Correct slip %1"), slip.number))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        fit_to_screen(self, 760, 820)  # a 1366×768 laptop gets it shorter, its form scrolls
        self.form = SlipEditForm(slip, session.lang)
        self.form.set_values(self.base)
        if state:
            self.form.set_values(state["values"])
        self.opened = self._as_shown(self.base)
        self._build()
        self.autosave = Autosave(session.user, DRAFT_KIND, self.state, slip_id=slip_id,
                                 draft_id=draft.id if draft is not None else None, parent=self)
        self._connect_signals()
        self.form.first_input.setFocus()

    def _as_shown(self, values: dict[str, Any]) -> dict[str, Any]:
        return {name: as_shown(name, values.get(name)) for name in self.form.fields}

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        heading = QLabel(fill(_tr("Correct slip %1"), self.number))
        heading.setObjectName("pageHeading")
        note = QLabel(_tr("Correct what was recorded wrongly. The status and the reply deadline change only "
                          "through the handling steps. Every correction is kept in the slip's history."))
        note.setObjectName("mutedText")
        note.setWordWrap(True)
        self._make_banner()
        self.elsewhere = QLabel()  # another desk saved the slip while it was being corrected here
        self.elsewhere.setObjectName("warningBanner")
        self.elsewhere.setWordWrap(True)
        self.elsewhere.hide()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        body.setObjectName("formBody")
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 6, 0)
        inner.addWidget(self.form)
        scroll.setWidget(body)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(_tr("&Save corrections"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("primaryButton")
        self.save_button.setDefault(True)
        self.save_button.setToolTip(_tr("Save (Ctrl+S)"))
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        for widget in (heading, note, self.elsewhere, self.general_error):
            layout.addWidget(widget)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(_tr("Why this slip is corrected"))
        self.reason.setPlaceholderText(_tr("Why a slip that is no longer open is corrected (kept in its history)"))
        self.reason_row = FieldRow("reason", self.reason)
        self.reason_row.setVisible(self.closed)
        self.rows = {**self.form.rows, "reason": self.reason_row}
        layout.addWidget(self.reason_row)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)

    def _connect_signals(self) -> None:
        self.form.edited.connect(self.autosave.changed)
        self.save_button.clicked.connect(self.save)
        self.save_shortcut.activated.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.session.changed_elsewhere.connect(self._changed_elsewhere)

    def _changed_elsewhere(self, changes: Changes) -> None:
        """Say at once that the slip moved on since it was opened here; what is typed stays, and
        the save shows what changed, to merge."""
        if not changes.touches_slip(self.slip_id):
            return
        slip = Slip.get_or_none(Slip.id == self.slip_id)
        if slip is None or slip.version == self.version:
            return
        self.elsewhere.setText(fill(_tr("Slip %1 was changed at another desk%2 since you opened it. Go on: what you "
                                        "typed is kept, and saving shows what changed, field by field, to merge."), self.number, changed_by(slip)))
        self.elsewhere.show()

    def state(self) -> dict[str, Any]:
        """The draft: the version and values it was opened on, and what is typed now."""
        return {"number": self.number, "version": self.version, "base": self.base, "values": self.form.values()}

    def changes(self) -> dict[str, Any]:
        """Only the fields the clerk changed: another desk's change to any other field stands."""
        return {name: value for name, value in self.form.values().items() if value != self.opened[name]}

    def is_dirty(self) -> bool:
        return bool(self.changes())

    def save(self) -> bool:
        self.clear_errors()
        changes = self.changes()
        if not changes:
            self.autosave.discard()
            self.accept()
            return True
        try:
            slip = edits.edit_slip(self.slip_id, self.version, changes, self.session.user, self.base,
                                   reason=self.reason.text())
        except StaleSlip as stale:
            log.info("slip %s changed at another desk since version %s: merging", self.number, self.version)
            self._merge(stale)
            return False
        except SlipdeskError as refused:
            self.refused(refused)
            return False
        log.info("slip %s corrected by %s: %s", slip.number, self.session.user.username, ", ".join(changes))
        self.autosave.discard()
        self.session.announce_slip_saved(slip.id)
        self.accept()
        return True

    def _merge(self, stale: StaleSlip) -> None:
        changes = {name: FieldChange(name, as_shown(name, c.base), as_shown(name, c.theirs), as_shown(name, c.mine))
                   for name, c in stale.changes.items()}
        shown = StaleSlip(str(stale), stale.current_version, changes)
        dialog = MergeDialog(shown, self.form.fields, self.session.lang, self)
        self.merge_dialog = dialog
        dialog.accepted.connect(lambda: self._apply_merge(stale, dialog.merged()))
        dialog.finished.connect(self._merge_closed)
        dialog.open()

    def _merge_closed(self) -> None:
        if self.merge_dialog is not None:
            self.merge_dialog.deleteLater()
        self.merge_dialog = None

    def _apply_merge(self, stale: StaleSlip, merged: dict[str, Any]) -> None:
        """Work on from the version the other desk saved, with the values picked, and save."""
        self.version = stale.current_version
        self.elsewhere.hide()  # the other desk's change is merged in
        self.base = {**self.base, **{name: change.theirs for name, change in stale.changes.items()}}
        self.opened = self._as_shown(self.base)
        self.form.set_values(merged)
        self.save()

    discarding = "corrections"

    def has_unsaved(self) -> bool:
        return self.is_dirty()


_open: dict[int, SlipEditWindow] = {}


def _host(widget: QWidget | None) -> QWidget | None:
    """The application window a slip view sits in: corrections belong to the desk, not the view."""
    while widget is not None and widget.parentWidget() is not None:
        widget = widget.parentWidget()
    return widget


def open_editor(session: Session, slip_id: int, parent: QWidget | None = None,
                draft: Draft | None = None) -> SlipEditWindow | None:
    """The correction window of a slip (the one open already, unless a draft must go into it:
    then None, and the draft waits)."""
    window = _open.get(slip_id)
    if window is not None:
        if draft is not None:
            return None
        window.raise_()
        window.activateWindow()
        return window
    host = _host(parent)
    window = SlipEditWindow(session, slip_id, host, draft)
    _open[slip_id] = window
    window.finished.connect(lambda _r, i=slip_id: _open.pop(i, None))
    keep_form = getattr(host, "keep_form", None)
    if callable(keep_form):
        keep_form(f"edit:{slip_id}", window)
    window.show()
    return window


def slip_actions(context: SlipContext) -> list[QAction]:
    """"Correct the details…" on the view of an open slip, and of any slip for a manager (models.edits:
    a slip no longer open is corrected by a manager, with a reason)."""
    slip, session = context.slip, context.session
    if context.place != VIEW or session.user is None or not session.has_role(*DESK_ROLES) \
            or not (slip.is_open or session.has_role(Role.MANAGER)):
        return []
    action = QAction(_tr("Correct the details…"), context.parent)
    action.setObjectName("correct")
    action.setToolTip(_tr("Correct the complainant, the complaint, its category, the notes or the channel's facts"))
    action.triggered.connect(lambda _checked=False: open_editor(session, slip.id, context.parent))
    return [action]
