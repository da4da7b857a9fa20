"""After a crash, a power cut or a lock: the forms this person left unsaved, offered back at sign-in.

Each draft is listed by what it was (a phone complaint, a correction of slip TS-…, a reply or a
reply letter to slip TS-…), who was complaining and when it was last typed. Restoring opens the form filled exactly as it was;
discarding asks first; "Not now" keeps them for the next sign-in.
"""
from __future__ import annotations

import logging
from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (QAbstractItemView, QAbstractScrollArea, QDialog, QDialogButtonBox, QHeaderView, QLabel,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from forms import asking
from forms.autosave import live_draft_ids
from forms.dates import when
from forms.fields import StatusLine
from models import drafts
from models.accounts import User
from models.drafts import Draft
from models.i18n import fill

log = logging.getLogger("slipdesk.drafts")

DRAFT_ID = Qt.ItemDataRole.UserRole + 1

# What a draft of a slip's form is called, by its kind (models.drafts.Draft.kind).
SLIP_FORMS = {
    "edit": QT_TRANSLATE_NOOP("DraftsDialog", "Correction of slip %1"),
    "reply": QT_TRANSLATE_NOOP("DraftsDialog", "Reply to slip %1"),
    "letter": QT_TRANSLATE_NOOP("DraftsDialog", "Reply letter for slip %1"),
}


def left_behind(user: User) -> list[Draft]:
    """The user's drafts no form open in this process is keeping: left by a crash or a lock."""
    open_here = live_draft_ids()
    return [draft for draft in drafts.drafts_of(user) if draft.id not in open_here]


class DraftsDialog(QDialog):
    """Lists the drafts; `open_draft(draft)` opens one in its form and says whether it could."""

    def __init__(self, user: User, found: list[Draft], open_draft: Callable[[Draft], bool],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.user = user
        self.open_draft = open_draft
        self._drafts = {draft.id: draft for draft in found}
        self.setObjectName("draftsDialog")
        self.setWindowTitle(self.tr("Unsaved forms"))
        self.setMinimumWidth(720)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        heading = QLabel(self.tr("You have unsaved forms"))
        heading.setObjectName("pageHeading")
        intro = QLabel(fill(self.tr("Slipdesk kept these forms as you left them, %1 — the desk closed, crashed "
                                    "or was locked before they were saved. Restore them to finish and save the "
                                    "slips."), user.display_name))
        intro.setWordWrap(True)
        intro.setObjectName("mutedText")
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(self.tr("Unsaved forms"))
        self.table.setHorizontalHeaderLabels([self.tr("Form"), self.tr("Complainant"), self.tr("Complaint"),
                                              self.tr("Last typed")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.table.setMaximumHeight(360)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.message = StatusLine()
        self.buttons = QDialogButtonBox()
        self.restore_button = self.buttons.addButton(self.tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("primaryButton")
        self.restore_button.setDefault(True)
        self.discard_button = self.buttons.addButton(self.tr("&Discard…"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.later_button = self.buttons.addButton(self.tr("Not now"), QDialogButtonBox.ButtonRole.RejectRole)
        self.later_button.setToolTip(self.tr("Keep them: they are offered again at your next sign-in."))
        for widget in (heading, intro, self.table, self.message):
            layout.addWidget(widget)
        layout.addWidget(self.buttons)
        self.restore_button.clicked.connect(self.restore_selected)
        self.discard_button.clicked.connect(self.discard_selected)
        self.later_button.clicked.connect(self.reject)
        self.table.itemSelectionChanged.connect(self._enable)
        self._fill()

    def _fill(self) -> None:
        self.table.setRowCount(0)
        for draft in self._drafts.values():
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, text in enumerate(describe(draft, self)):
                item = QTableWidgetItem(text)
                item.setData(DRAFT_ID, draft.id)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.selectAll()
        self.table.resizeColumnsToContents()
        self._enable()

    def _enable(self) -> None:
        chosen = bool(self.selected())
        self.restore_button.setEnabled(chosen)
        self.discard_button.setEnabled(chosen)

    def selected(self) -> list[Draft]:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        return [self._drafts[self.table.item(row, 0).data(DRAFT_ID)] for row in rows]

    @property
    def remaining(self) -> list[Draft]:
        return list(self._drafts.values())

    def restore_selected(self) -> None:
        """Open each chosen draft in its form; those that could not be opened stay listed."""
        refused = []
        for draft in self.selected():
            if self.open_draft(draft):
                del self._drafts[draft.id]
            else:
                refused.append(describe(draft, self)[0])
        self._fill()
        if refused:
            self.message.say(fill(self.tr("Not restored while the same form is being filled in: %1. Save or close that "
                                   "form first."), ", ".join(refused)))
        elif not self._drafts:
            self.accept()

    def discard_selected(self) -> None:
        chosen = self.selected()
        if not chosen or not asking.discard(self, "drafts", len(chosen)):
            return
        for draft in chosen:
            drafts.discard(draft.id)
            del self._drafts[draft.id]
            log.info("draft %s (%s) of %s discarded", draft.id, draft.kind, self.user.username)
        self._fill()
        if not self._drafts:
            self.accept()


def describe(draft: Draft, context: QWidget) -> tuple[str, str, str, str]:
    """What the draft is, the complainant, the complaint's first words, when it was last typed."""
    from desktop.intake.window import channel_title

    values = drafts.from_payload(draft.payload)
    if draft.kind.startswith("intake:"):
        what = channel_title(draft.kind.partition(":")[2])
    else:
        what = fill(QCoreApplication.translate("DraftsDialog", SLIP_FORMS.get(draft.kind, SLIP_FORMS["edit"])), values.get("number", ""))
        values = values.get("about") or values.get("values", {})  # a reply's draft says whom it answers
    who = " ".join(part for part in (values.get("complainant_name", ""), values.get("unit_code", "")) if part)
    words = " ".join((values.get("complaint") or "").split())
    return (what, who or "—", words[:60] + ("…" if len(words) > 60 else "") or "—",
            when(draft.updated_at))
