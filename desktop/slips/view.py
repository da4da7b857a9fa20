"""One slip, complete: the complainant, the channel's facts, the complaint, its handling, the
scanned letter, and the full history — with a warning when the history fails verification.

What can be done with the slip (workflow steps, replies, printing) is contributed by the
providers registered in desktop.slips.actions and shown in the action bar at the top.

Changed at another desk, the view says so at once (who did what, when) and shows the slip as it
is now, scrolled where it was (desktop.shell.live). A dialog opened on the old version keeps what was
typed; its save meets the version check and says what changed, as it always did.
"""
from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QAbstractItemView, QFormLayout, QFrame,
                               QGroupBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QScrollArea,
                               QTableWidget, QTableWidgetItem, QToolBar, QToolButton, QVBoxLayout, QWidget)

from desktop.slips import actions as slip_actions
from desktop.shell.icons import icon
from desktop.shell.layout_memory import remember
from desktop.shell.style import colour
from desktop.shell.session import Session
from desktop.shell.view_state import keep_scroll
from forms import asking
from forms.dates import when
from models import authority, causes, history, named_call, progress
from models.history import SlipEvent
from models.i18n import fill, shown
from models.live import Changes
from models.slips import Attachment, Slip
from models.vocab import Channel, Status, label, opinion_label, reply_label, title_label
from models.workflow import AT_ONCE_CHANNELS, event_label

log = logging.getLogger("slipdesk.slip_view")

HISTORY_COLUMN_CHARS = 13  # the widest a history column other than the note starts, in Chinese characters


def open_externally(path: Path) -> bool:
    """Open a file in the system's viewer (tests replace this function)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class SlipView(QWidget):
    """Shows the slip `slip_id`; reloads whenever this slip is saved anywhere in the window."""

    def __init__(self, session: Session, slip_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.slip_id = slip_id
        self.slip: Slip | None = None
        self.events: list[SlipEvent] = []
        self.chain_break: history.ChainBreak | None = None
        self.history_table: QTableWidget | None = None
        self._history_widths: list[int] = []  # the columns (but the note) as the table was made
        self.setObjectName("slipView")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.setSpacing(8)
        self.header = QHBoxLayout()
        self.number = QLabel()
        self.number.setObjectName("pageHeading")
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_chip = QLabel()
        self.status_chip.setObjectName("statusChip")
        self.overdue_chip = QLabel(self.tr("Overdue"))
        self.overdue_chip.setObjectName("overdueChip")
        self.quiet_chip = QLabel(self.tr("No progress told lately"))
        self.quiet_chip.setObjectName("overdueChip")
        self.quiet_chip.setToolTip(self.tr("The customer has heard nothing for some days: tell them how it stands "
                                           "(Progress told…)."))
        self.summary = QLabel()
        self.summary.setObjectName("mutedText")
        for widget in (self.number, self.status_chip, self.overdue_chip, self.quiet_chip):
            self.header.addWidget(widget)
        self.header.addStretch(1)
        self.header.addWidget(self.summary)
        outer.addLayout(self.header)
        self.warning = QLabel()
        self.warning.setObjectName("warningBanner")
        self.warning.setWordWrap(True)
        self.warning.hide()
        outer.addWidget(self.warning)
        self.elsewhere = QLabel()  # the slip changed at another desk while it was open here
        self.elsewhere.setObjectName("warningBanner")
        self.elsewhere.setWordWrap(True)
        self.elsewhere.setAccessibleName(self.tr("Changed at another desk"))
        self.elsewhere.hide()
        outer.addWidget(self.elsewhere)
        self.action_bar = QToolBar()
        self.action_bar.setObjectName("slipActions")
        self.action_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        outer.addWidget(self.action_bar)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(self.scroll, 1)
        self.session.slip_saved.connect(self._on_slip_saved)
        self.session.changed_elsewhere.connect(self._changed_elsewhere)
        self.load()

    def _on_slip_saved(self, slip_id: int) -> None:
        if slip_id == self.slip_id:
            self.elsewhere.hide()  # saved here on what is shown: the news is taken in
            self.load()

    def _changed_elsewhere(self, changes: Changes) -> None:
        """Read the slip again when the database holds a newer one than shown, and say so when
        somebody else changed it (a print logged elsewhere only adds to its history)."""
        if not changes.touches_slip(self.slip_id):
            return
        stored = Slip.select(Slip.version, Slip.event_count).where(Slip.id == self.slip_id).first()
        if stored is None or (stored.version, stored.event_count) == (self.slip.version, self.slip.event_count):
            return
        moved = stored.version != self.slip.version
        self.load()
        last = self.events[-1] if self.events else None
        if moved and last is not None and last.user_id != getattr(self.session.user, "id", None):
            self.elsewhere.setText(fill(self.tr("Changed at another desk: %1 by %2 at %3. This is the slip as it is "
                                                "now; a form you opened before keeps what you typed, and its save "
                                                "shows what changed."), event_label(last.action, self.session.lang), last.actor, f"{last.at:%H:%M}"))
            self.elsewhere.show()

    def load(self) -> None:
        """Read the slip, its history and attachments afresh and show them."""
        kept_columns = self._history_columns_set()
        self.slip = Slip.get_by_id(self.slip_id)
        self.events = history.events_of(self.slip)
        self.chain_break = history.verify_slip(self.slip, self.events)
        if self.chain_break:
            log.warning("history of %s fails verification: %s", self.slip.number, self.chain_break)
        self._show_header()
        self._show_actions()
        body = QWidget()
        body.setObjectName("viewBody")
        columns = QHBoxLayout(body)
        columns.setContentsMargins(0, 0, 8, 0)
        columns.setSpacing(12)
        left = QVBoxLayout()
        left.setSpacing(12)
        left.addWidget(self._complaint_section())
        people = QHBoxLayout()
        people.setSpacing(12)
        people.addWidget(self._complainant_section(), 1)
        people.addWidget(self._channel_section(), 1)
        left.addLayout(people)
        left.addWidget(self._handling_section())
        if causes.required(self.slip) or causes.analysis_of(self.slip).done:
            left.addWidget(self._cause_section())
        left.addWidget(self._attachments_section())
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self._history_section(), 1)
        columns.addLayout(left, 4)
        columns.addLayout(right, 5)  # the history's notes on a line or two at 1366×768
        if kept_columns is not None:
            self.history_table.horizontalHeader().restoreState(kept_columns)
        restore_scroll = keep_scroll(self.scroll)
        old = self.scroll.takeWidget()
        self.scroll.setWidget(body)
        if old is not None:
            old.deleteLater()
            QTimer.singleShot(0, self, restore_scroll)  # once the new body is laid out

    def _history_columns_set(self) -> QByteArray | None:
        """The history's column widths when the clerk set them (dragged, or restored by
        layout_memory), to keep when the view reloads; None while they are as they were made."""
        if self.history_table is None:
            return None
        header = self.history_table.horizontalHeader()
        if [header.sectionSize(column) for column in range(4)] == self._history_widths:
            return None
        return header.saveState()

    # ----- header, warning, actions

    def _show_header(self) -> None:
        slip, lang = self.slip, self.session.lang
        self.number.setText(slip.number)
        self.status_chip.setText(label(slip.status, lang))
        self.overdue_chip.setVisible(slip.is_overdue())
        self.quiet_chip.setVisible(progress.is_quiet(slip))
        parts = [label(slip.channel, lang)]
        if slip.deadline and slip.is_open:
            parts.append(fill(self.tr("reply by %1"), when(slip.deadline)))
        self.summary.setText("  ·  ".join(parts))
        if self.chain_break:
            self.warning.setText(fill(self.tr(
                     "⚠ This slip's history fails verification at event %1 (%2). A record was changed, "
                     "added or removed outside Slipdesk. Do not rely on this history; tell the manager, "
                     "who can check with “slipdesk-admin verify”."), str(self.chain_break.seq), self.chain_break.problem))
        self.warning.setVisible(self.chain_break is not None)

    def _show_actions(self) -> None:
        self.action_bar.clear()
        context = slip_actions.SlipContext(self.slip, self.session, self, slip_actions.VIEW)
        for action in slip_actions.actions_for(context):
            self.action_bar.addAction(action)
            if action.menu() is not None:  # a group (the printouts): the whole button opens its menu
                self.action_bar.widgetForAction(action).setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.action_bar.setVisible(bool(self.action_bar.actions()))

    # ----- sections

    def _section(self, title: str, rows: list[tuple[str, str]]) -> QGroupBox:
        box = QGroupBox(title)
        box.setObjectName("viewSection")
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setHorizontalSpacing(14)
        for caption, value in rows:
            shown = QLabel(value if value not in ("", None) else "—")
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            name = QLabel(caption)
            name.setObjectName("mutedText")
            form.addRow(name, shown)
        return box

    def _yes(self, value: bool | None) -> str:
        if value is None:
            return ""
        return self.tr("yes") if value else self.tr("no")

    def _complaint_section(self) -> QGroupBox:
        slip, lang = self.slip, self.session.lang
        rows = [(self.tr("Category"), slip.category.name(lang)),
                (self.tr("Received"), f"{when(slip.received_at)} · {slip.received_by.display_name}")]
        if slip.channel in AT_ONCE_CHANNELS:  # a letter or a book entry is not read back to anyone
            rows.append((self.tr("Read back (复述)"), self._yes(slip.read_back)))
        rows += [(self.tr("Urgent"), self._yes(slip.urgent)),
                 (self.tr("Wants (客户诉求)"), slip.customer_request or self.tr("not stated"))]
        if slip.repeat_of:
            rows.append((self.tr("Repeats"),
                         fill(self.tr("a repeated complaint: %1 came first"), slip.repeat_of)))
        if slip.named_person:
            rows.append((self.tr("Asked for"), self._calls()))
        box = self._section(self.tr("Complaint"), rows)
        words = QLabel(slip.complaint)
        words.setObjectName("complaintText")
        words.setWordWrap(True)
        words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.layout().insertRow(0, words)
        return box

    def _complainant_section(self) -> QGroupBox:
        slip, lang = self.slip, self.session.lang
        return self._section(self.tr("Complainant"), [
            (self.tr("Name"), f"{slip.complainant_name} {title_label(slip.complainant_title, lang)}".strip()),
            (self.tr("Unit"), slip.unit_code),
            (self.tr("Phone"), slip.phone),
            (self.tr("Address"), slip.address),
            (self.tr("E-mail"), slip.email),
            (self.tr("Reply by"), reply_label(slip.preferred_reply, lang) if slip.preferred_reply else ""),
            (self.tr("Calls outside office hours"), self._yes(slip.after_hours_ok)),
        ])

    def _channel_section(self) -> QGroupBox:
        slip = self.slip
        rows = {
            Channel.ONSITE: [(self.tr("Customer calmed"), self._yes(slip.calmed)),
                             (self.tr("Moved to a quiet place"), self._yes(slip.quiet_place))],
            Channel.PHONE: [(self.tr("Caller's number"), slip.caller_number),
                            (self.tr("Call time"), when(slip.call_time)),
                            (self.tr("Transferred to"), slip.transferred_to),
                            (self.tr("Thanked at the end (感谢来电)"), self._yes(slip.thanked))],
            Channel.BOOK: [(self.tr("Entry date"), when(slip.book_entry_date)),
                           (self.tr("Page / entry no."), slip.book_entry_ref),
                           (self.tr("Contact details left"), self._yes(slip.contact_left))],
            Channel.LETTER: [(self.tr("Letter dated"), when(slip.letter_date)),
                             (self.tr("Received on"), when(slip.letter_received)),
                             (self.tr("Sender's address"), slip.sender_address or self.tr(
                                 "none (anonymous or no return address): no reply letter"))],
        }.get(slip.channel, [])
        return self._section(label(slip.channel, self.session.lang), rows)

    def _handling_section(self) -> QGroupBox:
        slip, lang = self.slip, self.session.lang
        authority = {True: self.tr("within the clerk's authority"),
                     False: self.tr("beyond the clerk's authority"), None: ""}[slip.within_authority]
        rows = [
            (self.tr("Status"), label(slip.status, lang)),
            (self.tr("Reply deadline (约定回复时限)"), when(slip.deadline)),
            (self.tr("Answered at once"), slip.answer_note if slip.answered_at_once else self.tr("no")),
            (self.tr("Authority (处理权限)"), authority),
            (self.tr("Why"), self._why()),
            (self.tr("Clerk's reason"), slip.override_reason),
            (self.tr("Department"), slip.department.name(lang) if slip.department_id else ""),
            (self.tr("Responsible person"), slip.assignee),
            (self.tr("Handling"), slip.handling_notes),
            (self.tr("Customer's opinion"), opinion_label(slip.reply_opinion, lang) if slip.reply_opinion else ""),
            (self.tr("Progress last told"), when(slip.progress_told_at) or self.tr("not yet")),
        ]
        if slip.status == Status.ENDED_UNACCEPTED:
            rows += [(self.tr("Ended"), fill(self.tr("%1 — answered within the rules, the customer still disagrees "
                                                     "(答复已按规定作出，客户仍不认可)"), when(slip.closed_at))),
                     (self.tr("Why it ended"), slip.end_reason or ""),
                     (self.tr("Offered"), slip.end_offer or "")]
        else:
            rows.append((self.tr("Closed"), when(slip.closed_at)))
        return self._section(self.tr("Handling"), rows)

    def _calls(self) -> str:
        """Whom the customer asked for, when they were called and when the call was acknowledged."""
        lines = []
        for call in named_call.calls_of(self.slip):
            seen = (fill(self.tr("%1 acknowledged at %2"), call.acknowledged_by, f"{call.acknowledged_at:%H:%M:%S}") if call.acknowledged_at
                    else self.tr("not acknowledged yet"))
            lines.append(fill(self.tr("%1, called at %2; %3"), call.asked_for, f"{call.called_at:%H:%M:%S}", seen))
        return "\n".join(lines) or self.slip.named_person

    def _cause_section(self) -> QGroupBox:
        analysis = causes.analysis_of(self.slip)
        rows = [(fill(self.tr("Why %1"), str(n)), why) for n, why in enumerate(analysis.whys, start=1)]
        rows += [(self.tr("Root cause"), analysis.root_cause), (self.tr("Corrective action"), analysis.corrective_action),
                 (self.tr("Recorded"), f"{when(self.slip.cause_at)} · {self.slip.cause_by}" if self.slip.cause_at else "")]
        box = self._section(self.tr("Cause and corrective action (原因分析、纠正预防措施)"), rows)
        if needed := causes.missing(self.slip):
            note = QLabel(needed)
            note.setObjectName("fieldError")
            note.setWordWrap(True)
            box.layout().insertRow(0, note)
        return box

    def _why(self) -> str:
        """Slipdesk's authority suggestion in the interface's language: its "created" event keeps it
        rule by rule, the slip in both languages (slips from before either did: as recorded)."""
        assessment = authority.suggestion_of(self.slip, self.events)
        return assessment.summary(self.session.lang) if assessment else shown(self.slip.authority_suggestion,
                                                                              self.session.lang)

    def _attachments_section(self) -> QGroupBox:
        box = QGroupBox(self.tr("Attachments"))
        box.setObjectName("viewSection")
        layout = QVBoxLayout(box)
        files = list(Attachment.select(Attachment.id, Attachment.filename, Attachment.mime, Attachment.size,
                                       Attachment.created_at, Attachment.kind)
                     .where(Attachment.slip == self.slip).order_by(Attachment.id))
        if not files:
            layout.addWidget(QLabel(self.tr("No attachments.")))
        self.attachment_buttons: dict[int, tuple[QPushButton, QPushButton]] = {}
        for item in files:
            row = QHBoxLayout()
            name = QLabel(f"{item.filename}   ({item.size / 1024:,.0f} KB, {when(item.created_at)})")
            name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            open_button = QPushButton(icon("attachment"), self.tr("Open"))
            save_button = QPushButton(self.tr("Save a copy…"))
            open_button.clicked.connect(lambda _=False, i=item.id: self.open_attachment(i))
            save_button.clicked.connect(lambda _=False, i=item.id: self.save_attachment(i))
            self.attachment_buttons[item.id] = (open_button, save_button)
            row.addWidget(name, 1)
            row.addWidget(open_button)
            row.addWidget(save_button)
            layout.addLayout(row)
        return box

    def _history_section(self) -> QGroupBox:
        box = QGroupBox(self.tr("History"))
        box.setObjectName("viewSection")
        layout = QVBoxLayout(box)
        self.history_table = table = QTableWidget(len(self.events), 5)
        table.setObjectName("historyTable")  # its columns are remembered under this name (layout_memory)
        table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"),
                                         self.tr("From → to"), self.tr("Note")])
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(True)
        lang = self.session.lang
        suggestion = authority.suggestion_of(self.slip, self.events)
        broken_at = self.chain_break.seq if self.chain_break else None
        for row, event in enumerate(self.events):
            change = ""
            if event.from_status or event.to_status:
                change = " → ".join(label(s, lang) for s in (event.from_status, event.to_status) if s)
            if moved := _deadline_change(event.details):
                change = f"{change}\n{moved}" if change else moved
            cells = [when(event.at), event.actor, event_label(event.action, lang), change,
                     authority.event_note(event, lang, suggestion)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if broken_at is not None and event.seq >= broken_at:
                    item.setForeground(colour("broken"))
                table.setItem(row, column, item)
        # When, who, what and the change as wide as their contents (HISTORY_COLUMN_CHARS at most: a
        # longer English label wraps), the note all the width left; the clerk may drag the columns
        # (layout_memory keeps them, and so does a reload), and rows grow with the note
        header = table.horizontalHeader()
        widest = table.fontMetrics().horizontalAdvance("中" * HISTORY_COLUMN_CHARS)
        for column in range(4):
            table.resizeColumnToContents(column)
            header.resizeSection(column, min(header.sectionSize(column), widest))
        self._history_widths = [header.sectionSize(column) for column in range(4)]
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(table)
        return box

    # ----- attachments

    def _attachment(self, attachment_id: int) -> Attachment:
        return Attachment.get((Attachment.id == attachment_id) & (Attachment.slip == self.slip))

    def open_attachment(self, attachment_id: int) -> Path:
        """Write the stored file to a private temporary folder and open it in the system viewer."""
        item = self._attachment(attachment_id)
        folder = Path(tempfile.mkdtemp(prefix="slipdesk-"))
        path = folder / Path(item.filename).name
        path.write_bytes(bytes(item.data))
        open_externally(path)
        return path

    def save_attachment(self, attachment_id: int) -> Path | None:
        item = self._attachment(attachment_id)
        target = asking.copy_path(self, Path(item.filename).name)
        if not target:
            return None
        Path(target).write_bytes(bytes(item.data))
        return Path(target)


class SlipWindow(QWidget):
    """A slip in its own window, so the clerk can keep the list and the form open beside it."""

    def __init__(self, session: Session, slip_id: int, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.view = SlipView(session, slip_id, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.setWindowTitle(fill(self.tr("Slip %1"), self.view.slip.number))
        remember(self, "slip_window", default_size=(1280, 820))


def _deadline_change(details: dict) -> str:
    """The old and the new reply deadline of an event that moved it ("" for any other event)."""
    if "deadline_to" not in details:
        return ""
    return " → ".join(str(details.get(key) or "—")[:16] for key in ("deadline_from", "deadline_to"))
