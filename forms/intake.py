"""The intake form: one slip form that asks each channel's questions in the order the clerk works.

On-site: feelings first, then the matter (先处理情感，后处理事件) — calm the customer, then take
down who they are and the complaint in their words, read it back (复述), then answer at once or
agree a reply deadline. Phone: the call, the caller, the complaint, read back, answer or
deadline, and the thanks at the end (感谢来电). Comment book: which entry, what it says, who
wrote it. Letter: when it came, the scan, the sender, its content.

The form only gathers: `models.intake.check/save` decide, and their messages are shown beside
the fields they name. Nothing typed is lost when a save is refused.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QEvent, QMimeData, QObject, QSize, QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QFrame, QHBoxLayout,
                               QLabel, QLineEdit, QListView, QListWidget, QListWidgetItem, QPlainTextEdit,
                               QPushButton, QRadioButton, QScrollArea, QVBoxLayout, QWidget)

from forms import asking
from models import clock
from models import intake as intake_rules
from models.accounts import User
from models.callers import Caller
from models.catalog import categories
from models.directory import Resident
from models.errors import ValidationFailed
from models.intake import Intake, LetterScan
from models.slips import Slip
from models.vocab import Channel, ReplyMethod, Role, Title, reply_label, title_label

from forms.authority_panel import AuthorityPanel
from forms.completion import CallerCompleter, ResidentCompleter, UnitCompleter
from forms.deadline_aid import DeadlineAid
from forms.fields import (FieldRow, Section, date_edit, datetime_edit, from_qdate, from_qdatetime, plain_text,
                          to_qdate, to_qdatetime)
from forms.category_suggest import CategorySuggester
from forms.motive_panel import MotivePanel
from forms.named_call_panel import NamedCallPanel
from models.i18n import fill
from forms.translation import translator

CONTEXT = "SlipForm"


tr = translator(CONTEXT)


@dataclass(frozen=True)
class Step:
    """One section of the form: what the clerk does next, and the fields it records."""
    title: str
    note: str
    fields: tuple[str, ...]


STEPS: dict[str, Step] = {
    "feelings": Step(
        QT_TRANSLATE_NOOP("SlipForm", "Feelings first, then the matter (先处理情感，后处理事件)"),
        QT_TRANSLATE_NOOP("SlipForm", "Calm the customer before taking the complaint, e.g. "
                                      "“张先生，我很理解您此时的心情，请坐下来喝杯茶慢慢说”."),
        ("calmed", "quiet_place")),
    "complainant": Step(QT_TRANSLATE_NOOP("SlipForm", "Who is complaining"), "",
                        ("unit_code", "complainant_name", "complainant_title", "phone")),
    "complaint": Step(QT_TRANSLATE_NOOP("SlipForm", "The complaint, in the customer's words"), "",
                      ("complaint", "customer_request", "category_id", "urgent")),
    "read_back": Step(QT_TRANSLATE_NOOP("SlipForm", "Read back (复述)"),
                      QT_TRANSLATE_NOOP("SlipForm", "Read the complaint back to the customer and let them "
                                                    "correct it before you save."),
                      ("read_back",)),
    "outcome": Step(QT_TRANSLATE_NOOP("SlipForm", "Answer at once, or agree a reply deadline (约定回复时限)"), "",
                    ("outcome", "answer_note", "deadline", "preferred_reply", "after_hours_ok")),
    "call": Step(QT_TRANSLATE_NOOP("SlipForm", "The call"), "", ("caller_number", "call_time")),
    "caller": Step(QT_TRANSLATE_NOOP("SlipForm", "Who is calling"), "",
                   ("unit_code", "complainant_name", "complainant_title")),
    "call_end": Step(QT_TRANSLATE_NOOP("SlipForm", "End of the call"), "", ("transferred_to", "thanked")),
    "book_entry": Step(QT_TRANSLATE_NOOP("SlipForm", "The comment-book entry (意见簿)"), "",
                       ("book_entry_date", "book_entry_ref")),
    "book_writer": Step(QT_TRANSLATE_NOOP("SlipForm", "Who wrote it"),
                        QT_TRANSLATE_NOOP("SlipForm", "Write 匿名 when the entry is not signed."),
                        ("complainant_name", "complainant_title", "unit_code", "contact_left", "phone",
                         "email", "address")),
    "letter": Step(QT_TRANSLATE_NOOP("SlipForm", "The letter (信函投诉)"), "",
                   ("letter_received", "letter_date", "letter_scans")),
    "sender": Step(QT_TRANSLATE_NOOP("SlipForm", "Sender"),
                   QT_TRANSLATE_NOOP("SlipForm", "A letter is answered by letter (对等回复): the sender's address "
                                                 "is required, unless the letter is anonymous or gives none."),
                   ("complainant_name", "complainant_title", "sender_address", "no_return_address", "unit_code",
                    "phone", "email")),
}

CHANNEL_STEPS: dict[str, tuple[str, ...]] = {
    Channel.ONSITE: ("feelings", "complainant", "complaint", "read_back", "outcome"),
    Channel.PHONE: ("call", "caller", "complaint", "read_back", "outcome", "call_end"),
    Channel.BOOK: ("book_entry", "complaint", "book_writer", "outcome"),
    Channel.LETTER: ("letter", "sender", "complaint", "outcome"),
}

LABELS: dict[str, str] = {
    "unit_code": QT_TRANSLATE_NOOP("SlipForm", "&Unit"),
    "complainant_name": QT_TRANSLATE_NOOP("SlipForm", "&Name"),
    "complainant_title": QT_TRANSLATE_NOOP("SlipForm", "Title"),
    "phone": QT_TRANSLATE_NOOP("SlipForm", "&Phone"),
    "email": QT_TRANSLATE_NOOP("SlipForm", "E-mail"),
    "address": QT_TRANSLATE_NOOP("SlipForm", "Address"),
    "complaint": QT_TRANSLATE_NOOP("SlipForm", "&Complaint"),
    "customer_request": QT_TRANSLATE_NOOP("SlipForm", "Wants (希望如何解决)"),
    "category_id": QT_TRANSLATE_NOOP("SlipForm", "Ca&tegory"),
    "outcome": QT_TRANSLATE_NOOP("SlipForm", "Outcome"),
    "answer_note": QT_TRANSLATE_NOOP("SlipForm", "What was answered"),
    "deadline": QT_TRANSLATE_NOOP("SlipForm", "Reply &deadline"),
    "preferred_reply": QT_TRANSLATE_NOOP("SlipForm", "Reply by"),
    "caller_number": QT_TRANSLATE_NOOP("SlipForm", "Caller's &number"),
    "call_time": QT_TRANSLATE_NOOP("SlipForm", "Call time"),
    "transferred_to": QT_TRANSLATE_NOOP("SlipForm", "Transferred to"),
    "book_entry_date": QT_TRANSLATE_NOOP("SlipForm", "Entry &date"),
    "book_entry_ref": QT_TRANSLATE_NOOP("SlipForm", "Page / entry no."),
    "letter_received": QT_TRANSLATE_NOOP("SlipForm", "&Received on"),
    "letter_date": QT_TRANSLATE_NOOP("SlipForm", "Letter dated"),
    "sender_address": QT_TRANSLATE_NOOP("SlipForm", "Sender's &address"),
    "letter_scans": QT_TRANSLATE_NOOP("SlipForm", "Scanned letter"),
}

RULES: dict[str, tuple[str, ...]] = {
    Channel.ONSITE: (
        QT_TRANSLATE_NOOP("SlipForm", "Feelings first, then the matter: calm the customer and, if needed, "
                                      "move them somewhere that does not disturb other customers."),
        QT_TRANSLATE_NOOP("SlipForm", "Listen, record the complaint in their words and read it back (复述)."),
        QT_TRANSLATE_NOOP("SlipForm", "Answer at once if you can; otherwise agree a reply deadline: saving "
                                      "reports the slip to the person in charge (请示负责人处理) and, within your "
                                      "authority, passes it to the responsible department."),
        QT_TRANSLATE_NOOP("SlipForm", "Beyond your authority (处理权限)? The person in charge confirms before "
                                      "it goes to the upper department."),
    ),
    Channel.PHONE: (
        QT_TRANSLATE_NOOP("SlipForm", "Listen, record and read the complaint back (复述)."),
        QT_TRANSLATE_NOOP("SlipForm", "Answer at once if you can; otherwise transfer the call to the person "
                                      "in charge, who tries to answer on the spot."),
        QT_TRANSLATE_NOOP("SlipForm", "Not answerable on the call: agree a reply deadline with the caller; "
                                      "saving reports the slip to the person in charge (请示负责人处理)."),
        QT_TRANSLATE_NOOP("SlipForm", "Always thank the caller at the end of the call (感谢来电)."),
    ),
    Channel.BOOK: (
        QT_TRANSLATE_NOOP("SlipForm", "Check the comment book every day (每日查阅); every entry is answered "
                                      "— never on the spot: nobody stands at the desk."),
        QT_TRANSLATE_NOOP("SlipForm", "Within your authority: notify the responsible person or department."),
        QT_TRANSLATE_NOOP("SlipForm", "When handled, write the handling opinion back into the book and sign "
                                      "it (签字确认)."),
        QT_TRANSLATE_NOOP("SlipForm", "Contact details left: reply to the customer as a rule."),
    ),
    Channel.LETTER: (
        QT_TRANSLATE_NOOP("SlipForm", "The customer took it seriously; so do we: record the letter and "
                                      "investigate quickly."),
        QT_TRANSLATE_NOOP("SlipForm", "Keep the scanned letter on the slip; a letter sent up is copied and "
                                      "kept on file (复印，留存备查)."),
        QT_TRANSLATE_NOOP("SlipForm", "Reply as a rule by letter (对等回复), approved by the person in charge; "
                                      "another way needs a reason. An anonymous letter gets no reply letter."),
        QT_TRANSLATE_NOOP("SlipForm", "When the customer has our letter, thank them again by phone or e-mail."),
    ),
}


def proposed_deadline(received_at: dt.datetime) -> dt.datetime:
    """The deadline to propose to the customer: the estate's rule, counted by models.deadlines."""
    from models.deadlines import default_deadline

    return default_deadline(received_at)


class Outcome(QWidget):
    """Answered at once (one click) or a reply later by an agreed deadline; nothing chosen at first.

    A letter or a comment-book entry has nobody at the desk to answer (models.workflow): its form
    offers only the reply by a deadline, chosen already, and says why."""

    edited = Signal()

    def __init__(self, at_once: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.answered = QRadioButton(tr("&Answered at once"))
        self.answered.setAccessibleName(tr("Answered at once"))
        self.later = QRadioButton(tr("&Reply later, by an agreed deadline"))
        self.later.setAccessibleName(tr("Reply later, by an agreed deadline"))
        self._group = QButtonGroup(self)
        for button in (self.answered, self.later):
            self._group.addButton(button)
            layout.addWidget(button)
        if not at_once:
            self.answered.hide()
            self.later.setChecked(True)
            note = QLabel(tr("A written complaint is not answered on the spot (当场答复只适用于现场和电话投诉)."))
            note.setObjectName("mutedText")
            note.setWordWrap(True)
            layout.addWidget(note, 1)
        layout.addStretch(1)
        self._group.buttonToggled.connect(lambda _b, on: on and self.edited.emit())

    def choice(self) -> str:
        if self.answered.isChecked():
            return "answered"
        return "later" if self.later.isChecked() else ""


SCAN_PAGES_SHOWN = 30  # a longer PDF shows its first pages; the whole file is kept all the same
PREVIEW_HEIGHT = 180  # pixels of a page's picture in the preview


def scan_pages(scan: LetterScan, height: int = PREVIEW_HEIGHT) -> list[QImage]:
    """Pictures of the scan's pages, as the slip will keep it: the image itself, or each page of a
    PDF (QtPdf, loaded when first needed); empty when it cannot be drawn."""
    if Path(scan.filename).suffix.lower() != ".pdf":
        image = QImage.fromData(scan.data)
        return [] if image.isNull() else [image.scaledToHeight(height, Qt.TransformationMode.SmoothTransformation)]
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtPdf import QPdfDocument

    buffer = QBuffer()
    buffer.setData(QByteArray(scan.data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        return []
    pages = []
    for index in range(min(document.pageCount(), SCAN_PAGES_SHOWN)):
        points = document.pagePointSize(index)
        width = max(1, round(points.width() * height / max(points.height(), 1)))
        pages.append(document.render(index, QSize(width, height)))
    document.close()
    return pages


class ScanList(QWidget):
    """The scanned letter's files, read into memory to be stored inside the database; attached
    with the button or dropped on the form, and previewed page by page before the slip is saved."""

    edited = Signal()
    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.scans: list[LetterScan] = []
        self.setAcceptDrops(True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        layout = QHBoxLayout()
        self.list = QListWidget()
        self.list.setMaximumHeight(72)
        self.list.setAccessibleName(tr("Scanned letter files"))
        self.list.setToolTip(tr("Drop scans here, or attach them with the button"))
        layout.addWidget(self.list, 1)
        buttons = QVBoxLayout()
        self.add_button = QPushButton(tr("Attach &scan…"))
        self.remove_button = QPushButton(tr("Remove"))
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        outer.addLayout(layout)
        self.preview = QListWidget()
        self.preview.setObjectName("scanPreview")
        self.preview.setAccessibleName(tr("The chosen scan's pages"))
        self.preview.setViewMode(QListView.ViewMode.IconMode)
        self.preview.setFlow(QListView.Flow.LeftToRight)
        self.preview.setWrapping(False)
        self.preview.setMovement(QListView.Movement.Static)
        self.preview.setIconSize(QSize(PREVIEW_HEIGHT, PREVIEW_HEIGHT))
        self.preview.setFixedHeight(PREVIEW_HEIGHT + 48)
        self.preview.hide()
        outer.addWidget(self.preview)
        self.add_button.clicked.connect(lambda: self.add_files(asking.scan_files(self)))
        self.remove_button.clicked.connect(self._remove_selected)
        self.list.currentRowChanged.connect(self._show_pages)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_files(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if dropped_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_files(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)

    def add_files(self, paths: list[str]) -> None:
        """Attach good files; a broken, foreign or oversized one is refused with its reason."""
        problems = []
        for path in paths:
            try:
                data = Path(path).read_bytes()
            except OSError as err:
                problems.append(fill(tr("%1 cannot be read: %2"), Path(path).name, err.strerror or str(err)))
                continue
            problem = intake_rules.attachment_problem(path, data)
            if problem:
                problems.append(problem)
                continue
            self.add_scan(LetterScan(path, data))
        if paths:
            self.edited.emit()
        if problems:
            self.refused.emit("\n".join(problems))

    def add_scan(self, scan: LetterScan) -> None:
        """List a file already read (and checked): from disk, or back from a draft; it is shown."""
        self.scans.append(scan)
        self.list.addItem(QListWidgetItem(f"{Path(scan.filename).name}  ({len(scan.data) / 1024:,.0f} KB)"))
        self.list.setCurrentRow(self.list.count() - 1)

    def _show_pages(self, row: int) -> None:
        """The chosen scan's pages in the preview (nothing chosen: no preview)."""
        self.preview.clear()
        if not 0 <= row < len(self.scans):
            self.preview.hide()
            return
        pages = scan_pages(self.scans[row])
        for number, page in enumerate(pages, start=1):
            item = QListWidgetItem(QIcon(QPixmap.fromImage(page)), fill(tr("Page %1"), str(number)))
            item.setSizeHint(QSize(page.width() + 16, PREVIEW_HEIGHT + 40))
            self.preview.addItem(item)
        if not pages:
            self.preview.addItem(QListWidgetItem(tr("This file cannot be shown here; it is kept as it is.")))
        self.preview.show()

    def _remove_selected(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            del self.scans[row]
            self._show_pages(self.list.currentRow())
            self.edited.emit()


class ScanDrops(QObject):
    """Files dropped anywhere on the letter form are the letter's scans. Qt's text boxes take a
    drag's text, so a scan dropped on the complaint box (the form's biggest target) pasted
    "file:///…/scan.pdf" into the customer's words and attached nothing."""

    def __init__(self, scans: ScanList):
        super().__init__(scans)
        self.scans = scans

    @classmethod
    def route(cls, form: QWidget, scans: ScanList) -> ScanDrops:
        """Catch file drags on the form and on every input in it that would take them itself."""
        router = cls(scans)
        form.setAcceptDrops(True)
        for widget in [form, *form.findChildren(QWidget)]:
            if widget.acceptDrops() and widget is not scans and not scans.isAncestorOf(widget):
                widget.installEventFilter(router)
        return router

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind not in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            return False
        paths = dropped_files(event.mimeData())
        if not paths:
            return False  # a drag of text: the text box takes it as before
        event.acceptProposedAction()
        if kind == QEvent.Type.Drop:
            self.scans.add_files(paths)
        return True


def dropped_files(mime: QMimeData) -> list[str]:
    """The local files a drag carries (a scanner's folder, the desktop), in their order."""
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and Path(url.toLocalFile()).is_file()]


class SlipForm(QWidget):
    """The shared slip form for one channel; `save()` creates the slip or shows what to fix.

    Extension: `authority_slot` (a layout in the side column) holds the authority panel;
    `add_contributor(fn)` lets it add its values to the Intake, and `add_row(key, row)` routes
    validation messages for its keys beside its inputs. `intake_changed` fires on every edit.
    """

    intake_changed = Signal()
    saved = Signal(int)

    def __init__(self, channel: str, user: User, lang: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        if channel not in CHANNEL_STEPS:
            raise ValueError(f"unknown channel {channel!r}")
        self.channel = channel
        self.user = user
        self.lang = lang
        self.rows: dict[str, FieldRow] = {}
        self._contributors: list[Callable[[Intake], None]] = []
        self._dirty = False
        self._build_editors()
        self._build_layout()
        self._set_defaults()
        self._connect_signals()
        self._show_outcome_rows()
        self.authority_panel = AuthorityPanel.attach(self)
        if channel in intake_rules.ASKED_AT_THE_DESK:  # only a customer at the desk or on the line asks
            self.named_call_panel = NamedCallPanel.attach(self)
        self.motive_panel = MotivePanel.attach(self)
        self.category_suggester = CategorySuggester(self.complaint, self.rows["category_id"])
        self._fit_side_column()
        if "letter_scans" in self.editors:
            ScanDrops.route(self, self.editors["letter_scans"])

    # ----- building

    def _build_editors(self) -> None:
        """The inputs this channel asks for, and only those."""
        wanted = {key for step in CHANNEL_STEPS[self.channel] for key in STEPS[step].fields}
        self.editors: dict[str, QWidget] = {key: make() for key, make in self._editor_factories().items()
                                             if key in wanted}
        self.complaint = self.editors["complaint"]
        self.answer_note = self.editors["answer_note"]
        self.unit_completer = UnitCompleter(self.editors["unit_code"])
        self.resident_completer = ResidentCompleter(self.editors["complainant_name"], self.lang)
        if "caller_number" in self.editors:
            self.caller_completer = CallerCompleter(self.editors["caller_number"], self.lang)

    def _editor_factories(self) -> dict[str, Callable[[], QWidget]]:
        def line(placeholder: str = "") -> Callable[[], QLineEdit]:
            def make() -> QLineEdit:
                edit = QLineEdit()
                edit.setPlaceholderText(placeholder)
                return edit
            return make

        def check(text: str) -> Callable[[], QCheckBox]:
            return lambda: QCheckBox(text)

        return {
            "unit_code": line(tr("3-2-1201 (building-entrance-room)")),
            "complainant_name": line(tr("Name, or pinyin initials to search (zs → 张三)")),
            "complainant_title": lambda: self._combo([(title_label(t, self.lang) or "—", t.value)
                                                      for t in (Title.NONE, Title.MR, Title.MS)]),
            "phone": line(tr("13812345678 or 021-58881234")),
            "email": line("name@example.com"),
            "address": line(),
            "complaint": lambda: self._text(tr("What the customer says, in their own words."), 96, 150),
            "customer_request": lambda: self._text(self._request_prompt(), 40, 64),
            "category_id": lambda: self._combo([(tr("Choose a category…"), None)]
                                               + [(c.name(self.lang), c.id) for c in categories()]),
            "urgent": check(tr("Urgent: a safety risk, water running, someone trapped")),
            "read_back": check(tr("I read the complaint back and the customer agrees it is right")),
            "outcome": lambda: Outcome(self.channel in intake_rules.AT_ONCE_CHANNELS),
            "answer_note": lambda: self._text(tr("What you explained or did on the spot; it is kept on the slip "
                                                 "and counts in the reviews."), 48, 80),
            "deadline": datetime_edit,
            "preferred_reply": lambda: self._combo([(reply_label(m, self.lang), m.value) for m in ReplyMethod]),
            "after_hours_ok": check(tr("The customer agrees to calls outside office hours")),
            "calmed": check(tr("The customer has been listened to and is calm enough to talk")),
            "quiet_place": check(tr("Moved to a quiet place that does not disturb other customers")),
            "caller_number": line(tr("The number on the phone's display")),
            "call_time": datetime_edit,
            "transferred_to": self._transfer_combo,
            "thanked": check(tr("Thanked the caller at the end of the call (感谢来电)")),
            "book_entry_date": date_edit,
            "book_entry_ref": line(tr("第12页第3条")),
            "contact_left": check(tr("The entry leaves contact details")),
            "letter_received": date_edit,
            "letter_date": lambda: date_edit(optional=True, not_given=tr("not dated")),
            "sender_address": line(),
            "no_return_address": check(tr("No return address: an anonymous letter, or none to write back to "
                                          "(no reply letter then)")),
            "letter_scans": ScanList,
        }

    def _request_prompt(self) -> str:
        if self.channel in intake_rules.ASKED_AT_THE_DESK:
            return tr("Ask: how would you like it solved? Their words, e.g. 希望今天修好 (or: no particular request).")
        return tr("What the letter or entry asks for, if it says (e.g. 要求书面答复).")

    def _text(self, placeholder: str, minimum: int, maximum: int) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setPlaceholderText(placeholder)
        edit.setMinimumHeight(minimum)
        edit.setMaximumHeight(maximum)
        return edit

    def _combo(self, items: list[tuple[str, object]]) -> QComboBox:
        combo = QComboBox()
        for text, data in items:
            combo.addItem(text, data)
        return combo

    def _transfer_combo(self) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(True)
        combo.lineEdit().setPlaceholderText(tr("Not transferred"))
        combo.addItem("")
        for person in (User.select().where(User.role.in_([Role.SUPERVISOR, Role.MANAGER]), User.active)
                       .order_by(User.display_name)):
            combo.addItem(person.display_name)
        combo.setCurrentIndex(0)
        return combo

    def _build_layout(self) -> None:
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(12)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        body.setObjectName("formBody")
        column = QVBoxLayout(body)
        column.setSpacing(12)
        self.general_error = QLabel()
        self.general_error.setObjectName("formError")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        column.addWidget(self.general_error)
        self.sections: dict[str, Section] = {}
        for number, step_key in enumerate(CHANNEL_STEPS[self.channel], start=1):
            column.addWidget(self._section(step_key, number))
        column.addStretch(1)
        self.scroll.setWidget(body)
        outer.addWidget(self.scroll, 1)
        self.side_scroll = QScrollArea()  # the rules and panels scroll on a low screen (1366×768)
        self.side_scroll.setObjectName("formSideScroll")
        self.side_scroll.setWidgetResizable(True)
        self.side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side_scroll.setWidget(self._side_column())
        outer.addWidget(self.side_scroll)
        self._set_tab_order()

    def _section(self, step_key: str, number: int) -> Section:
        step = STEPS[step_key]
        section = Section(f"{number} · {tr(step.title)}", tr(step.note) if step.note else "")
        for key in step.fields:
            editor = self.editors[key]
            label = LABELS.get(key, "")
            editor.setAccessibleName(plain_text(tr(label)) if label else _own_text(editor))
            row = FieldRow(key, editor)
            if key == "deadline":
                self.deadline_aid = DeadlineAid(editor)
                row.add_below(self.deadline_aid)
            self.rows[key] = row
            section.add(tr(label) if label else "", row)
        if step_key == "read_back":
            self.read_back_text = QLabel()
            self.read_back_text.setObjectName("readBackText")
            self.read_back_text.setWordWrap(True)
            self.read_back_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            section.rows.insertRow(0, self.read_back_text)
        self.sections[step_key] = section
        return section

    def _side_column(self) -> QWidget:
        side = QFrame()
        side.setObjectName("formSide")
        layout = QVBoxLayout(side)
        layout.setSpacing(10)
        heading = QLabel(tr("The rules for this channel"))
        heading.setObjectName("sideHeading")
        layout.addWidget(heading)
        for rule in RULES[self.channel]:
            label = QLabel(f"•  {tr(rule)}")
            label.setWordWrap(True)
            label.setObjectName("ruleText")
            layout.addWidget(label)
        self.authority_slot = QVBoxLayout()
        layout.addLayout(self.authority_slot)
        layout.addStretch(1)
        return side

    def _fit_side_column(self) -> None:
        """As wide as the rules read well at this text size, or as the panels in it need."""
        side = self.side_scroll.widget()
        wanted = max(48 * side.fontMetrics().averageCharWidth(), side.minimumSizeHint().width())
        self.side_scroll.setFixedWidth(wanted + self.side_scroll.verticalScrollBar().sizeHint().width())

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = []
        for step_key in CHANNEL_STEPS[self.channel]:
            for key in STEPS[step_key].fields:
                editor = self.editors[key]
                if isinstance(editor, Outcome):
                    chain += [editor.answered, editor.later]
                elif isinstance(editor, ScanList):
                    chain += [editor.add_button, editor.remove_button]
                else:
                    chain.append(editor)
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        self.first_input = chain[0]

    def _set_defaults(self) -> None:
        now = clock.now()
        self.editors["deadline"].setDateTime(to_qdatetime(proposed_deadline(now)))
        if "call_time" in self.editors:
            self.editors["call_time"].setDateTime(to_qdatetime(now))
        for key in ("book_entry_date", "letter_received"):
            if key in self.editors:
                self.editors[key].setDate(to_qdate(now.date()))
        reply = self.editors["preferred_reply"]
        reply.setCurrentIndex(max(0, reply.findData(intake_rules.DEFAULT_REPLY[self.channel].value)))

    def _connect_signals(self) -> None:
        for row in self.rows.values():
            row.edited.connect(self._on_edited)
        self.editors["outcome"].edited.connect(self._show_outcome_rows)
        if "letter_scans" in self.rows:
            self.editors["letter_scans"].refused.connect(self.rows["letter_scans"].set_error)
        self.complaint.textChanged.connect(self._update_read_back_text)
        self.editors["complainant_name"].textChanged.connect(self._update_read_back_text)
        self.unit_completer.unit_picked.connect(self._on_unit_picked)
        self.resident_completer.resident_picked.connect(self.pick_resident)
        if "caller_number" in self.editors:
            self.caller_completer.caller_picked.connect(self.pick_caller)

    # ----- reacting to the clerk

    def _on_edited(self) -> None:
        self._dirty = True
        self.intake_changed.emit()

    def _show_outcome_rows(self) -> None:
        choice = self.editors["outcome"].choice()
        section = self.sections["outcome"].rows
        section.setRowVisible(self.rows["answer_note"], choice == "answered")
        for key in ("deadline", "preferred_reply", "after_hours_ok"):
            section.setRowVisible(self.rows[key], choice == "later")
        if choice == "answered":
            self.answer_note.setFocus()
        elif choice == "later":
            self.editors["deadline"].setFocus()

    def _update_read_back_text(self) -> None:
        if not hasattr(self, "read_back_text"):
            return
        name = self.editors["complainant_name"].text().strip()
        words = self.complaint.toPlainText().strip()
        self.read_back_text.setText(f"“{words}”" + (f" — {name}" if name and words else "") if words else
                                    tr("The complaint appears here as you type it, to read back."))

    def _on_unit_picked(self, code: str) -> None:
        if not self.editors["complainant_name"].text().strip():
            self.editors["complainant_name"].setFocus()
            self.resident_completer.offer_unit(code)

    def pick_caller(self, caller: Caller) -> None:
        """A number that called before: its caller's name, title and unit, unless already typed."""
        self.editors["caller_number"].setText(caller.number)
        if self.editors["complainant_name"].text().strip():
            return
        self.editors["complainant_name"].setText(caller.name)
        title = self.editors["complainant_title"]
        title.setCurrentIndex(max(0, title.findData(caller.title)))
        if caller.unit_code and not self.editors["unit_code"].text().strip():
            self.editors["unit_code"].setText(caller.unit_code)

    def pick_resident(self, resident_id: int) -> None:
        """Fill the complainant from the directory: name, title, unit and phone."""
        resident = Resident.get_or_none(Resident.id == resident_id)
        if resident is None:
            return
        self.editors["complainant_name"].setText(resident.name)
        title = self.editors["complainant_title"]
        title.setCurrentIndex(max(0, title.findData(resident.title)))
        if resident.unit_id:
            self.editors["unit_code"].setText(resident.unit.code)
        if "phone" in self.rows and resident.phone and not self.editors["phone"].text().strip():
            self.editors["phone"].setText(resident.phone)
        if resident.email and "email" in self.rows and not self.editors["email"].text().strip():
            self.editors["email"].setText(resident.email)

    # ----- the Intake

    def add_contributor(self, contribute: Callable[[Intake], None]) -> None:
        """`contribute(intake)` adds its own values to every Intake this form gathers."""
        self._contributors.append(contribute)

    def add_row(self, key: str, row: FieldRow) -> None:
        """Validation messages for `key` show beside `row` (an embedded panel's input)."""
        self.rows[key] = row
        row.edited.connect(self._on_edited)

    def intake(self) -> Intake:
        """What the clerk has entered so far, as the models see it."""
        present = self.rows.keys()

        def text(key: str) -> str:
            if key not in present:
                return ""
            editor = self.editors[key]
            return editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()

        def checked(key: str) -> bool:
            return key in present and self.editors[key].isChecked()

        e = self.editors
        outcome = e["outcome"].choice()
        values = Intake(
            channel=self.channel,
            complainant_name=text("complainant_name"),
            complainant_title=e["complainant_title"].currentData() or "",
            unit_code=text("unit_code"),
            phone=text("phone") if "phone" in present else text("caller_number"),
            address=text("address"),
            email=text("email"),
            complaint=text("complaint"),
            customer_request=text("customer_request"),
            read_back=checked("read_back"),
            category_id=e["category_id"].currentData(),
            urgent=checked("urgent"),
            answered_at_once=outcome == "answered",
            answer_note=self.answer_note.toPlainText() if outcome == "answered" else "",
            deadline=from_qdatetime(e["deadline"].dateTime()) if outcome == "later" else None,
            calmed=checked("calmed"),
            quiet_place=checked("quiet_place"),
            caller_number=text("caller_number"),
            call_time=from_qdatetime(e["call_time"].dateTime()) if "call_time" in present else None,
            transferred_to=e["transferred_to"].currentText().strip() if "transferred_to" in present else "",
            thanked=checked("thanked"),
            book_entry_date=from_qdate(e["book_entry_date"].date()) if "book_entry_date" in present else None,
            book_entry_ref=text("book_entry_ref"),
            contact_left=checked("contact_left"),
            letter_date=from_qdate(e["letter_date"].date()) if "letter_date" in present else None,
            letter_received=from_qdate(e["letter_received"].date()) if "letter_received" in present else None,
            sender_address=text("sender_address"),
            no_return_address=checked("no_return_address"),
            letter_scans=list(e["letter_scans"].scans) if "letter_scans" in present else [],
        )
        if outcome == "later":
            values.preferred_reply = e["preferred_reply"].currentData() or ""
            values.after_hours_ok = e["after_hours_ok"].isChecked()
        for contribute in self._contributors:
            contribute(values)
        return values

    def is_dirty(self) -> bool:
        return self._dirty

    # ----- saving

    def save(self) -> Slip | None:
        """Save the slip, or show each problem beside its field and keep everything typed."""
        self.clear_errors()
        try:
            slip = intake_rules.save(self.intake(), self.user)
        except ValidationFailed as refused:
            self.show_errors(refused.errors)
            return None
        self._dirty = False
        self.saved.emit(slip.id)
        return slip

    def clear_errors(self) -> None:
        for row in self.rows.values():
            row.clear_error()
        self.general_error.hide()

    def show_errors(self, errors: dict[str, str]) -> None:
        unplaced = []
        first: FieldRow | None = None
        for key, message in errors.items():
            row = self._row_for(key)
            if row is None:
                unplaced.append(message)
                continue
            if not row.message:
                row.set_error(message)
            first = first or row
        if unplaced:
            self._show_general("\n".join(unplaced))
        if first is not None:
            self.scroll.ensureWidgetVisible(first)
            focus = first.editor.answered if isinstance(first.editor, Outcome) else first.editor
            focus.setFocus()

    def _row_for(self, key: str) -> FieldRow | None:
        if key == "deadline" and self.editors["outcome"].choice() != "later":
            return self.rows["outcome"]
        if key == "phone" and "phone" not in self.rows:
            return self.rows.get("caller_number")
        return self.rows.get(key)

    def _show_general(self, message: str) -> None:
        self.general_error.setText(message)
        self.general_error.show()

    def error_for(self, key: str) -> str:
        """The message shown beside `key`'s field now ("" when none)."""
        row = self.rows.get(key)
        return row.message if row else ""


def _own_text(editor: QWidget) -> str:
    text = getattr(editor, "text", None)
    return plain_text(text()) if callable(text) else ""
