"""The comment book (意见簿) page: today's check of the book, and every new entry dealt with.

The seed asks for the book to be checked every day (每日查阅) and every entry answered: the clerk
records the check, copying what each new entry says (one a line), then takes each entry down as
a slip (the book's own intake form, its complaint started from the entry's text; saving shows
the slip number to write beside the entry) or marks it "read, nothing to do" with a note. Another
desk's check or entry shows within two seconds (desktop.shell.live), the selected entry and what is
typed here kept.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QPlainTextEdit, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from desktop.shell.pages import QueuePage
from desktop.shell.layout_memory import remember
from desktop.shell.session import Session
from desktop.shell.view_state import keep_scroll
from forms import asking
from forms.dates import when
from forms.error_placing import ErrorPlacing
from forms.fields import FieldRow, StatusLine, restyle
from forms.intake import SlipForm
from models import clock, commentbook
from models.errors import SlipdeskError, ValidationFailed
from models.live import BOOK, SLIP, Changes
from models.slips import Slip
from models.vocab import Channel
from models.i18n import fill

ENTRY_ID = Qt.ItemDataRole.UserRole + 1


class BookEntryDialog(QDialog):
    """Takes one comment-book entry down as a slip; saving links the entry to the slip."""

    def __init__(self, session: Session, entry: commentbook.BookEntry, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.entry = entry
        self.slip: Slip | None = None
        self.setObjectName("bookEntryDialog")
        self.setWindowTitle(fill(self.tr("Comment-book entry %1 of the check on %2"), str(entry.position), entry.check.day.isoformat()))
        remember(self, "book_entry_dialog", default_size=(1080, 760))
        layout = QVBoxLayout(self)
        self.form = SlipForm(Channel.BOOK, session.user, session.lang)
        self.form.complaint.setPlainText(entry.text or "")  # as copied at the check: the clerk completes it
        self.message = QLabel()
        self.message.setObjectName("formError")
        self.message.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton(self.tr("&Save slip"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("primaryButton")
        layout.addWidget(self.message)
        layout.addWidget(self.form, 1)
        layout.addWidget(buttons)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)

    def save(self) -> Slip | None:
        self.form.clear_errors()
        try:
            self.slip = commentbook.turn_into_slip(self.entry.id, self.form.intake(), self.session.user)
        except ValidationFailed as refused:
            self.form.show_errors(refused.errors)
            return None
        except SlipdeskError as refused:
            self.message.setText(str(refused))
            self.message.show()
            return None
        self.session.announce_slip_saved(self.slip.id)
        self.accept()
        return self.slip


class CommentBookPage(QueuePage, ErrorPlacing):
    """`count_changed`: entries to deal with, plus one when today's check is late."""

    object_name = "commentBookPage"

    def _build(self) -> None:
        self.entry_dialog: BookEntryDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        heading = QLabel(self.tr("Comment book (意见簿)"))
        heading.setObjectName("pageHeading")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Today's check"))
        check_row = QHBoxLayout()
        self.new_entries = QPlainTextEdit()
        self.new_entries.setTabChangesFocus(True)
        self.new_entries.setPlaceholderText(self.tr("One line per new entry: copy what it says. Leave empty when "
                                                    "nothing new was written."))
        self.new_entries.setMaximumHeight(96)
        self.new_entries.setAccessibleName(self.tr("New entries found, one per line"))
        self.entries_row = FieldRow("entries", self.new_entries)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note (optional): pages checked, anything unusual"))
        self.note.setAccessibleName(self.tr("Note on the check"))
        self.note_row = FieldRow("note", self.note)
        self.rows = {"entries": self.entries_row, "note": self.note_row}
        self.check_button = QPushButton(self.tr("Record today's &check"))
        self.check_button.setObjectName("primaryButton")
        caption = QLabel(self.tr("&New entries:"))
        caption.setBuddy(self.new_entries)
        side = QVBoxLayout()
        side.addWidget(self.note_row)
        side.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignRight)
        side.addStretch(1)
        check_row.addWidget(caption, 0, Qt.AlignmentFlag.AlignTop)
        check_row.addWidget(self.entries_row, 2)
        check_row.addLayout(side, 1)
        self.entries = QTableWidget(0, 4)
        self.entries.setHorizontalHeaderLabels([self.tr("Checked on"), self.tr("Entry"), self.tr("What it says"),
                                                self.tr("Checked by")])
        self.entries.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.entries.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.entries.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.entries.setWordWrap(True)
        self.entries.verticalHeader().hide()
        header = self.entries.horizontalHeader()
        for column in (0, 1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.entries.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.entries.setAccessibleName(self.tr("Entries to deal with"))
        entry_buttons = QHBoxLayout()
        self.slip_button = QPushButton(self.tr("Take down as a &slip…"))
        self.read_button = QPushButton(self.tr("&Read, nothing to do…"))
        entry_buttons.addWidget(self.slip_button)
        entry_buttons.addWidget(self.read_button)
        entry_buttons.addStretch(1)
        self.message = self.general_error = StatusLine()
        self.saved = QLabel()
        self.saved.setObjectName("savedSummary")
        self.saved.setWordWrap(True)
        self.saved.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.saved.hide()
        entries_heading = QLabel(self.tr("New entries to deal with: every entry is answered"))
        entries_heading.setObjectName("sideHeading")
        layout.addWidget(heading)
        layout.addWidget(self.status)
        layout.addLayout(check_row)
        layout.addWidget(self.message)
        layout.addWidget(self.saved)
        layout.addWidget(entries_heading)
        layout.addWidget(self.entries, 1)
        layout.addLayout(entry_buttons)

    def _connect_signals(self) -> None:
        self.check_button.clicked.connect(self.record_check)
        self.slip_button.clicked.connect(self.take_down)
        self.read_button.clicked.connect(self.mark_read)
        self.entries.doubleClicked.connect(lambda _index: self.take_down())
        self.session.slips_changed.connect(self.refresh)
        self.session.changed_elsewhere.connect(self._changed_elsewhere)

    def _changed_elsewhere(self, changes: Changes) -> None:
        if changes.touches(BOOK, SLIP):
            self.refresh()

    # ----- showing

    def refresh(self) -> None:
        today = clock.today()
        checks = commentbook.checks_of(today)
        late = commentbook.check_is_late()
        if checks:
            last = checks[-1]
            restyle(self.status, "statusChip")
            self.status.setText(fill(self.tr("Checked today by %1 at %2: %3 new entries."), last.checked_by.display_name, last.checked_at.strftime("%H:%M"), str(last.new_entries)))
        else:
            restyle(self.status, "warningBanner" if late else "mutedText")
            self.status.setText(fill(self.tr("Not checked yet today: check the book by %1 (每日查阅)."), commentbook.check_by().strftime("%H:%M")))
        pending = commentbook.pending_entries()
        kept, kept_row = self._selected_entry_id(), self.entries.currentRow()
        restore_scroll = keep_scroll(self.entries)
        self.entries.setRowCount(len(pending))
        for row, entry in enumerate(pending):
            values = (when(entry.check.checked_at), fill(self.tr("Entry %1 of %2"), str(entry.position), str(entry.check.new_entries)), entry.text or self.tr("(not copied at the check)"),
                      entry.check.checked_by.display_name)
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(ENTRY_ID, entry.id)
                self.entries.setItem(row, column, item)
        ids = [entry.id for entry in pending]
        if ids:
            self.entries.selectRow(ids.index(kept) if kept in ids else min(max(kept_row, 0), len(ids) - 1))
        restore_scroll()
        self.slip_button.setEnabled(bool(pending))
        self.read_button.setEnabled(bool(pending))
        self.count_changed.emit(len(pending) + int(late))

    def _selected_entry_id(self) -> int | None:
        item = self.entries.item(self.entries.currentRow(), 0) if self.entries.currentRow() >= 0 else None
        return item.data(ENTRY_ID) if item else None

    def _selected_entry(self) -> commentbook.BookEntry | None:
        entry_id = self._selected_entry_id()
        return commentbook.BookEntry.get_or_none(commentbook.BookEntry.id == entry_id) if entry_id else None

    # ----- acting

    def entry_texts(self) -> list[str]:
        """The new entries as typed, one a line (blank lines between them ignored)."""
        return [line for line in self.new_entries.toPlainText().splitlines() if line.strip()]

    def record_check(self) -> commentbook.BookCheck | None:
        self.clear_errors()
        try:
            check = commentbook.record_check(self.session.user, self.entry_texts(), self.note.text())
        except SlipdeskError as refused:
            self.refused(refused)
            return None
        self.new_entries.clear()
        self.note.clear()
        self.session.announce_slips_changed()
        return check

    def take_down(self) -> BookEntryDialog | None:
        entry = self._selected_entry()
        if entry is None:
            return None
        self.entry_dialog = BookEntryDialog(self.session, entry, self)
        self.entry_dialog.accepted.connect(lambda dialog=self.entry_dialog: self._show_saved(dialog))
        self.entry_dialog.open()
        return self.entry_dialog

    def _show_saved(self, dialog: BookEntryDialog) -> None:
        """The new slip's number, to write beside the entry in the book."""
        if dialog.slip is None:
            return
        self.saved.setText(fill(self.tr("Entry %1 is slip %2: write the number beside the entry in the book."), str(dialog.entry.position), dialog.slip.number))
        self.saved.show()

    def mark_read(self) -> commentbook.BookEntry | None:
        entry = self._selected_entry()
        if entry is None:
            return None
        note = asking.read_note(self)
        if note is None:
            return None
        self.message.say("")
        try:
            done = commentbook.mark_read(entry.id, self.session.user, note)
        except SlipdeskError as refused:
            errors = getattr(refused, "errors", {})
            self.message.say(errors.get("note", str(refused)))
            return None
        self.session.announce_slips_changed()
        return done
