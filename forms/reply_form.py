"""Replying to the customer (客户投诉回复的礼仪规范): the reply form, the letter draft, the approval.

One reply form whose questions follow how the customer is answered: a phone reply shows live
whether the time is within working hours; a letter or fax is drafted here (standard answers
inserted with the slip's facts, words never to say underlined) and submitted to the person in
charge; a home visit names the agreed place and the two staff with their work IDs (and, outside
working hours, the time agreed); a comment-book write-back names who signed it and prints the strip
with its text. A letter complaint answered another way says why. Then the customer's opinion, in
their words — or, honestly, that it is still pending (a posted letter) or that there is nobody to
ask (a write-back to an anonymous entry).

The widgets only gather: models.replies decides, and its messages are shown beside the fields
they name. Nothing typed is lost when a save is refused.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QRadioButton, QVBoxLayout, QWidget)

from forms import answer_picker, asking
from forms.dates import when
from forms.deadline_aid import DeadlineAid
from forms.error_placing import ErrorPlacing
from forms.fields import (FieldRow, Section, datetime_edit, from_qdatetime, plain_text, restyle, to_qdatetime)
from forms.phrase_check import PhraseCheck
from models import clock, deadlines, replies, settings
from models.accounts import User
from models.errors import SlipdeskError, StaleSlip
from models.replies import LETTER_METHODS, Letter, LetterStatus, ReplyInput, StaffMember
from models.slips import Slip
from models.vocab import HEARD_OPINIONS, Channel, Opinion, ReplyMethod, label, opinion_label, reply_label, title_label
from models.i18n import fill
from forms.translation import translator
from models.settings import document_language

CONTEXT = "ReplyForm"

RULES: dict[str, str] = {
    ReplyMethod.PHONE: QT_TRANSLATE_NOOP(
        "ReplyForm", "In working hours (电话回复原则上应选择工作时间进行), from the published service-supervision line "
                     "or the office phone; say who you are first."),
    ReplyMethod.LETTER: QT_TRANSLATE_NOOP(
        "ReplyForm", "The person in charge approves the letter before it goes out (信函回复时须经负责人确认); "
                     "handwritten is best (以手写为佳). Once the customer has it, thank them again."),
    ReplyMethod.FAX: QT_TRANSLATE_NOOP(
        "ReplyForm", "The person in charge approves the fax before it goes out (传真回复时须经负责人确认)."),
    ReplyMethod.VISIT: QT_TRANSLATE_NOOP(
        "ReplyForm", "Time and place agreed with the customer beforehand; two staff members go, each with a "
                     "valid work ID (两名工作人员持有效工作证件)."),
    ReplyMethod.BOOK: QT_TRANSLATE_NOOP(
        "ReplyForm", "Write the handling opinion into the comment book beside the entry and sign it (签字确认)."),
    ReplyMethod.EMAIL: QT_TRANSLATE_NOOP("ReplyForm", "Write down what you sent."),
    ReplyMethod.SMS: QT_TRANSLATE_NOOP("ReplyForm", "Write down what you sent; in working hours, like a call."),
}

# Which section of the form each method adds.
METHOD_SECTIONS = {ReplyMethod.PHONE: "phone", ReplyMethod.LETTER: "letter", ReplyMethod.FAX: "letter",
                   ReplyMethod.VISIT: "visit", ReplyMethod.BOOK: "book"}


tr = translator(CONTEXT)


def insert_answer(editor: QPlainTextEdit, slip: Slip, lang: str) -> None:
    """A standard answer from the library, filled with the slip's facts, at the cursor."""
    text = answer_picker.pick_answer(editor, slip, lang)
    if text:
        editor.insertPlainText(text)
    editor.setFocus()


def _plain_edit(placeholder: str, height: int) -> QPlainTextEdit:
    editor = QPlainTextEdit()
    editor.setTabChangesFocus(True)
    editor.setPlaceholderText(placeholder)
    editor.setMinimumHeight(height)
    return editor


def slip_summary(slip: Slip, lang: str) -> QWidget:
    """Whom the reply is for and what they complained about, above every reply form."""
    who = f"{slip.complainant_name} {title_label(slip.complainant_title, lang)}".strip()
    parts = [slip.number, who, slip.unit_code, slip.phone or slip.caller_number, label(slip.status, lang)]
    if slip.urgent:
        parts.append(tr("urgent"))
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    heading = QLabel("  ·  ".join(p for p in parts if p))
    heading.setObjectName("sideHeading")
    heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    complaint = QLabel(f"“{slip.complaint}”")
    complaint.setObjectName("readBackText")
    complaint.setWordWrap(True)
    complaint.setMaximumHeight(80)
    column.addWidget(heading)
    column.addWidget(complaint)
    return box


# ---------------------------------------------------------------------------------------------
# Small inputs

class OpinionChoice(QWidget):
    """Accepted / partly / not accepted — and, where the method allows it, pending or none to ask
    (models.replies.opinions_for): nothing chosen at first, so the clerk asks."""

    edited = Signal()

    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for opinion in Opinion:
            button = QRadioButton(opinion_label(opinion, lang))
            button.setAccessibleName(opinion_label(opinion, lang))
            self._group.addButton(button)
            self.buttons[opinion.value] = button
            layout.addWidget(button)
        layout.addStretch(1)
        self._group.buttonToggled.connect(lambda _b, on: on and self.edited.emit())

    def offer(self, opinions: tuple[str, ...]) -> None:
        """Show only the opinions a reply by this method may record; a hidden choice is cleared."""
        for code, button in self.buttons.items():
            if code not in opinions and button.isChecked():
                self._group.setExclusive(False)
                button.setChecked(False)
                self._group.setExclusive(True)
            button.setVisible(code in opinions)

    def choice(self) -> str:
        return next((code for code, button in self.buttons.items() if button.isChecked()), "")

    def choose(self, opinion: str) -> None:
        self.buttons[opinion].setChecked(True)


class AgreedTime(QWidget):
    """The time agreed with the customer for a home visit, when one was recorded."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.given = QCheckBox(tr("Agreed for"))
        self.given.setAccessibleName(tr("The visit's time was agreed"))
        self.time = datetime_edit()
        self.time.setAccessibleName(tr("Agreed time of the visit"))
        self.time.setEnabled(False)
        layout.addWidget(self.given)
        layout.addWidget(self.time)
        layout.addStretch(1)
        self.given.toggled.connect(self.time.setEnabled)
        self.given.toggled.connect(lambda _on: self.edited.emit())
        self.time.dateTimeChanged.connect(lambda _t: self.edited.emit())

    def value(self) -> dt.datetime | None:
        return from_qdatetime(self.time.dateTime()) if self.given.isChecked() else None


class StaffRow(QWidget):
    """One staff member on a home visit: a name (any colleague on the desk, or typed) and work ID."""

    edited = Signal()

    def __init__(self, number: int, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.addItem("", "")
        for person in User.select().where(User.active).order_by(User.display_name):
            self.name.addItem(person.display_name, person.work_id)
        self.name.setCurrentIndex(0)
        self.name.lineEdit().setPlaceholderText(tr("Name"))
        self.name.setAccessibleName(fill(tr("Staff member %1: name"), str(number)))
        self.work_id = QLineEdit()
        self.work_id.setPlaceholderText(tr("Work ID no. (工作证号)"))
        self.work_id.setAccessibleName(fill(tr("Staff member %1: work ID"), str(number)))
        self.work_id.setMaximumWidth(180)
        layout.addWidget(self.name, 2)
        layout.addWidget(self.work_id, 1)
        self.name.activated.connect(self._picked)
        self.name.currentTextChanged.connect(lambda _t: self.edited.emit())
        self.work_id.textChanged.connect(lambda _t: self.edited.emit())

    def _picked(self, index: int) -> None:
        work_id = self.name.itemData(index) or ""
        if work_id:
            self.work_id.setText(work_id)

    def member(self) -> StaffMember:
        return StaffMember(self.name.currentText().strip(), self.work_id.text().strip())


# ---------------------------------------------------------------------------------------------
# The letter draft

class LetterEditor(QWidget, ErrorPlacing):
    """Draft the reply letter or fax, insert standard answers, submit it to the person in charge.

    Each save is a change on the slip: `slip` is re-read afterwards and `slip_saved` fires.
    `preview_requested` asks the window around it to show the draft as it prints (watermarked).
    """

    slip_saved = Signal(int)
    preview_requested = Signal()
    edited = Signal()

    def __init__(self, slip: Slip, user: User, lang: str | None = None, initial_text: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.slip, self.user, self.lang = slip, user, lang
        self.letter: Letter | None = replies.current_letter(slip)
        self.rows: dict[str, FieldRow] = {}
        self._build(initial_text)
        self._connect_signals()
        self._show_state()

    def _build(self, initial_text: str) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self._make_banner())
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.state)

        kind = QHBoxLayout()
        self.method = QComboBox()
        for method in LETTER_METHODS:
            self.method.addItem(reply_label(method, self.lang), method.value)
        self.method.setAccessibleName(tr("Letter or fax"))
        self.letter_lang = QComboBox()
        self.letter_lang.addItem("中文", "zh")
        self.letter_lang.addItem("English", "en")
        self.letter_lang.setAccessibleName(tr("Language of the letter"))
        kind.addWidget(QLabel(tr("Sent as")))
        kind.addWidget(self.method)
        kind.addWidget(QLabel(tr("in")))
        kind.addWidget(self.letter_lang)
        kind.addStretch(1)
        self.answer_button = QPushButton(tr("Insert a standard &answer… (口径一致)"))
        kind.addWidget(self.answer_button)
        layout.addLayout(kind)

        self.text = _plain_edit(tr("The letter's body: the salutation, reference number, closing and "
                                   "letterhead are printed around it."), 220)
        self.text.setAccessibleName(tr("Letter text"))
        self.text.setPlainText(self.letter.text if self.letter else initial_text)
        self.rows["letter_text"] = FieldRow("letter_text", self.text)
        layout.addWidget(self.rows["letter_text"], 1)
        self.phrases = PhraseCheck(self.text)
        layout.addWidget(self.phrases)

        buttons = QHBoxLayout()
        self.preview_button = QPushButton(tr("Pre&view as printed…"))
        self.save_button = QPushButton(tr("&Save draft"))
        self.submit_button = QPushButton(tr("Su&bmit for approval"))
        self.submit_button.setObjectName("primaryButton")
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.submit_button)
        layout.addLayout(buttons)
        written_in = self.letter.lang if self.letter is not None else document_language()
        self.letter_lang.setCurrentIndex(max(0, self.letter_lang.findData(written_in)))
        if self.letter is not None:
            self.method.setCurrentIndex(max(0, self.method.findData(self.letter.method)))
        elif self.slip.preferred_reply == ReplyMethod.FAX:
            self.method.setCurrentIndex(self.method.findData(ReplyMethod.FAX.value))

    def _connect_signals(self) -> None:
        self.answer_button.clicked.connect(lambda: insert_answer(self.text, self.slip, self.lang))
        self.save_button.clicked.connect(self.save_draft)
        self.submit_button.clicked.connect(self.submit)
        self.preview_button.clicked.connect(self.preview_requested)
        self.rows["letter_text"].edited.connect(self._show_state)
        self.rows["letter_text"].edited.connect(self.edited)

    # ----- state

    def _show_state(self) -> None:
        letter, changed = self.letter, self.is_changed()
        if letter is None:
            text = tr("No letter saved yet. Start from the draft below or insert a standard answer.")
        elif letter.status == LetterStatus.APPROVED:
            text = fill(tr("Approved by %1 on %2 — the text is frozen. Changing it makes a new draft that needs a "
                           "new approval."), letter.approved_by.display_name, when(letter.approved_at))
            if letter.sent_at:
                text += " " + fill(tr("Sent on %1."), when(letter.sent_at))
        elif letter.status == LetterStatus.SUBMITTED:
            text = fill(tr("Waiting for the person in charge since %1. Editing takes it back to a draft."), when(letter.submitted_at))
        elif letter.status == LetterStatus.RETURNED:
            text = fill(tr("Sent back by %1: “%2”"), letter.returned_by.display_name, letter.return_reason)
        else:
            text = fill(tr("Draft %1, saved %2 by %3."), str(letter.version), when(letter.edited_at), letter.edited_by.display_name)
        if changed and letter is not None:
            text += " " + tr("(changed, not saved)")
        self.state.setText(text)
        restyle(self.state, "warningBanner" if letter and letter.status == LetterStatus.RETURNED else "sectionNote")
        approved = letter is not None and letter.status == LetterStatus.APPROVED
        self.submit_button.setEnabled(changed or not (approved or (letter and letter.status == LetterStatus.SUBMITTED)))

    def is_changed(self) -> bool:
        """The text, kind or language differ from what is saved."""
        if self.letter is None:
            return bool(self.text.toPlainText().strip())
        return (self.text.toPlainText().strip(), self.method.currentData(), self.letter_lang.currentData()) != (
            self.letter.text, self.letter.method, self.letter.lang)

    @property
    def is_approved(self) -> bool:
        return self.letter is not None and self.letter.is_approved and not self.is_changed()

    def _after(self, letter: Letter) -> None:
        self.letter = letter
        self.slip = Slip.get_by_id(self.slip.id)
        self._show_state()
        self.slip_saved.emit(self.slip.id)

    # ----- saving

    def save_draft(self) -> Letter | None:
        """Save the text as the slip's letter draft (nothing to do when unchanged)."""
        self.clear_errors()
        if not self.is_changed() and self.letter is not None:
            return self.letter
        return self._keep(lambda: replies.save_letter(
            self.slip.id, self.user, self.text.toPlainText(), expected_version=self.slip.version,
            method=self.method.currentData(), lang=self.letter_lang.currentData()))

    def catch_up(self, stale: StaleSlip) -> None:
        """Another desk saved the slip since this text was begun (or a restored draft was typed):
        read the slip and its letter as they are now, keep the text, and say so."""
        self.slip = Slip.get_by_id(self.slip.id)
        self.letter = replies.current_letter(self.slip)
        self._show_state()
        self.say(str(stale) + "\n" + tr("Your text is kept: check the slip and save again."))

    def submit(self) -> Letter | None:
        """Save if needed, show the wording flags (never to say, better said), then ask the person
        in charge to approve it."""
        self.phrases.check_now()
        flags = self.phrases.flags
        if flags and not asking.submit_with_flags(self, flags):
            self.text.setFocus()
            return None
        if self.save_draft() is None:
            return None
        return self._keep(lambda: replies.submit_letter(self.slip.id, self.user, expected_version=self.slip.version,
                                                        flags_read=bool(flags)))

    def _keep(self, step: Callable[[], Letter]) -> Letter | None:
        """Save or submit the letter: the letter kept, shown; a slip changed meanwhile caught up
        with (the text kept); or the refusal beside the fields."""
        try:
            letter = step()
        except StaleSlip as err:
            self.catch_up(err)
            return None
        except SlipdeskError as err:
            self.refused(err)
            return None
        self._after(letter)
        return letter


# ---------------------------------------------------------------------------------------------
# The reply form

class ReplyForm(QWidget, ErrorPlacing):
    """Record one reply to the customer on `slip`; `recorded` carries models.replies.Recorded.
    `strip_requested` asks the window around it to print the comment-book strip with the text."""

    recorded = Signal(object)
    slip_saved = Signal(int)
    strip_requested = Signal(str)

    def __init__(self, slip: Slip, user: User, lang: str | None = None, method: str = "", initial_letter: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.slip, self.user, self.lang = slip, user, lang
        self.rows: dict[str, FieldRow] = {}
        self.sections: dict[str, Section] = {}
        self._build(initial_letter)
        self._connect_signals()
        chosen = method or slip.preferred_reply or ReplyMethod.PHONE
        self.method.setCurrentIndex(max(0, self.method.findData(chosen)))
        self._show_method()

    # ----- building

    def _row(self, section: Section, key: str, caption: str, editor: QWidget, hint: str = "") -> FieldRow:
        editor.setAccessibleName(plain_text(caption) or editor.accessibleName())
        row = FieldRow(key, editor, hint)
        self.rows[key] = row
        section.add(caption, row)
        return row

    def _build(self, initial_letter: str) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self._make_banner())
        layout.addWidget(self._slip_summary())

        how = Section(tr("How and when"))
        self.method = QComboBox()
        for method in ReplyMethod:
            if method != ReplyMethod.BOOK or self.slip.channel == Channel.BOOK:  # the book answers its entries
                self.method.addItem(reply_label(method, self.lang), method.value)
        self._row(how, "method", tr("&Reply by"), self.method)
        self.at = datetime_edit()
        self.at.setDateTime(to_qdatetime(clock.now()))
        self._row(how, "at", tr("&When"), self.at)
        self.time_check = QLabel()
        self.time_check.setWordWrap(True)
        self.agree_button = QPushButton(tr("Record that the customer agreed to calls outside office hours…"))
        check_row = QVBoxLayout()
        check_row.addWidget(self.time_check)
        check_row.addWidget(self.agree_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.time_check_row = QWidget()
        self.time_check_row.setLayout(check_row)
        check_row.setContentsMargins(0, 0, 0, 0)
        how.rows.addRow("", self.time_check_row)
        self.replier = QLineEdit(self.user.display_name)
        self._row(how, "replier", tr("Replied &by"), self.replier)
        self.method_reason = QLineEdit()
        self.method_reason.setPlaceholderText(tr("e.g. the customer asked to be called instead"))
        self._row(how, "method_reason", tr("Why not by &letter"), self.method_reason,
                  tr("A letter is answered by letter as a rule (对等回复): say why this one is answered another way."))
        self.sections["how"] = how
        layout.addWidget(how)

        layout.addWidget(self._phone_section())
        layout.addWidget(self._letter_section(initial_letter))
        layout.addWidget(self._visit_section())
        layout.addWidget(self._book_section())

        said = Section(tr("What was said or sent"))
        self.summary = _plain_edit(tr("What you told the customer, truthfully (如实填写)."), 90)
        self.summary.setMaximumHeight(140)
        self._row(said, "summary", "", self.summary)
        self.summary_phrases = PhraseCheck(self.summary)
        self.summary_phrases.list.setMaximumHeight(72)
        said.rows.addRow(self.summary_phrases)
        self.summary_answer = QPushButton(tr("Insert a standard answer… (口径一致)"))
        self.summary_answer.clicked.connect(lambda: insert_answer(self.summary, self.slip, self.lang))
        said.rows.addRow(self.summary_answer)
        self.sections["said"] = said
        layout.addWidget(said)

        opinion = Section(tr("The customer's opinion (客户意见)"),
                          tr("Record it truthfully after every reply. Not accepted: listen, explain, apologise; "
                             "the slip stays open."))
        self.opinion = OpinionChoice(self.lang)
        self._row(opinion, "opinion", tr("&Opinion"), self.opinion)
        self.words = _plain_edit(tr("In the customer's own words; needed unless they accepted."), 64)
        self.words.setMaximumHeight(90)
        self._row(opinion, "customer_words", tr("Their &words"), self.words)
        self.sections["opinion"] = opinion
        layout.addWidget(opinion)
        layout.addStretch(1)

    def _slip_summary(self) -> QWidget:
        slip = self.slip
        box = slip_summary(slip, self.lang)
        column = box.layout()
        earlier = replies.replies_of(slip)
        if earlier:
            lines = [f"{when(r.at)}  {reply_label(r.method, self.lang)}  {r.replier}: "
                     f"{opinion_label(r.opinion, self.lang)}" + (f" — “{r.customer_words}”" if r.customer_words else "")
                     for r in earlier]
            history = QLabel(tr("Earlier replies:") + "\n" + "\n".join(lines))
            history.setObjectName("mutedText")
            history.setWordWrap(True)
            column.addWidget(history)
        return box

    def _phone_section(self) -> Section:
        section = Section(tr("The call"))
        self.line = QComboBox()
        self.line.addItem(fill(tr("Service-supervision line %1"), settings.get("estate.supervision_phone")),
                          "supervision")
        self.line.addItem(fill(tr("Office phone %1"), settings.get("estate.office_phone")), "office")
        self._row(section, "line", tr("Called from"), self.line)
        self.identity_stated = QCheckBox(tr("I said who I am and that I call from the service centre first"))
        self._row(section, "identity_stated", "", self.identity_stated)
        self.recording_kept = QCheckBox(tr("The call is recorded and the recording kept"))
        self._row(section, "recording_kept", "", self.recording_kept)
        self.sections["phone"] = section
        return section

    def _letter_section(self, initial_letter: str) -> Section:
        section = Section(tr("The letter or fax"))
        self.letter = LetterEditor(self.slip, self.user, self.lang, initial_letter)
        self._row(section, "letter", "", self.letter)
        self.rows["letter_text"] = self.letter.rows["letter_text"]
        self.sections["letter"] = section
        return section

    def _visit_section(self) -> Section:
        section = Section(tr("The home visit (上门)"))
        self.place = QLineEdit()
        self.place.setPlaceholderText(tr("e.g. 3-2-1201, the customer's home"))
        self._row(section, "place", tr("Agreed &place"), self.place)
        self.appointment_agreed = QCheckBox(tr("Time and place agreed with the customer beforehand"))
        self._row(section, "appointment_agreed", "", self.appointment_agreed)
        self.appointment_at = AgreedTime()
        self.appointment_at.time.setDateTime(to_qdatetime(clock.now()))
        self._row(section, "appointment_at", tr("Agreed &time"), self.appointment_at,
                  tr("Needed for a visit outside working hours: it is made at the time agreed."))
        self.staff = [StaffRow(1), StaffRow(2)]
        self._row(section, "staff_1", tr("Staff member 1"), self.staff[0])
        self._row(section, "staff_2", tr("Staff member 2"), self.staff[1])
        self.sections["visit"] = section
        return section

    def _book_section(self) -> Section:
        section = Section(tr("The comment-book write-back (意见簿回复)"))
        self.signed_by = QLineEdit(self.user.display_name)
        self._row(section, "signed_by", tr("&Signed in the book by"), self.signed_by)
        self.strip_button = QPushButton(tr("Print the reply strip with this text…"))
        self.strip_button.setToolTip(tr("The strip pasted beside the entry carries what you write back below, "
                                        "never the internal handling notes."))
        section.rows.addRow("", self.strip_button)
        self.sections["book"] = section
        return section

    def _connect_signals(self) -> None:
        self.method.currentIndexChanged.connect(self._show_method)
        self.at.dateTimeChanged.connect(self._check_time)
        self.strip_button.clicked.connect(lambda: self.strip_requested.emit(self.summary.toPlainText()))
        self.agree_button.clicked.connect(self._record_agreement)
        self.letter.slip_saved.connect(self._letter_saved)

    # ----- reacting to the clerk

    @property
    def chosen_method(self) -> str:
        return self.method.currentData()

    def _show_method(self) -> None:
        method = self.chosen_method
        for name in ("phone", "letter", "visit", "book"):
            self.sections[name].setVisible(METHOD_SECTIONS.get(method) == name)
        self.sections["said"].setVisible(method not in LETTER_METHODS)
        self.rows["method"].hint.setText(tr(RULES[method]))
        self.rows["method"].hint.show()
        self.rows["at"].hint.setText(tr("When the letter was posted or the fax sent.") if method in LETTER_METHODS
                                     else "")
        self.rows["at"].hint.setVisible(method in LETTER_METHODS)
        self.opinion.offer(replies.opinions_for(method))
        self.sections["how"].rows.setRowVisible(self.rows["method_reason"], self._reason_asked(method))
        self._check_time()

    def _reason_asked(self, method: str) -> bool:
        """A letter complaint answered another way than by letter says why (none when it gave no address)."""
        from models.endings import no_reply_letter

        return self.slip.channel == Channel.LETTER and method != ReplyMethod.LETTER and not no_reply_letter(self.slip)

    def _check_time(self) -> None:
        """A call or message: say at once whether the time is within working hours, and why it is
        allowed if not."""
        if self.chosen_method not in replies.CALL_METHODS:
            self.time_check_row.hide()
            return
        at = from_qdatetime(self.at.dateTime())
        problem = replies.phone_time_problem(self.slip, at)
        if problem:
            text = problem
        elif replies.within_working_hours(at):
            text = tr("✓ Within working hours.")
        elif self.slip.urgent:
            text = tr("Outside working hours; allowed because the slip is urgent.")
        else:
            text = tr("Outside working hours; allowed: the customer agreed beforehand to calls outside them.")
        self.time_check.setText(text)
        restyle(self.time_check, "fieldError" if problem else "fieldHint")
        self.agree_button.setVisible(bool(problem))
        self.time_check_row.show()

    def _record_agreement(self) -> None:
        answer = asking.agreement(self, self.slip)
        if answer is None:
            return
        agreed_with, note = answer
        try:
            self.slip = replies.agree_after_hours_calls(self.slip.id, self.user, expected_version=self.slip.version,
                                                        agreed_with=agreed_with, note=note)
        except SlipdeskError as err:
            self.refused(err)
            return
        self.letter.slip = self.slip
        self.rows["at"].clear_error()
        self._check_time()
        self.slip_saved.emit(self.slip.id)

    def _letter_saved(self, slip_id: int) -> None:
        self.slip = self.letter.slip
        self.slip_saved.emit(slip_id)

    # ----- the reply

    def show_errors(self, errors: dict[str, str]) -> None:
        """As every form, except that the live time check already says why a call time is refused."""
        shown = dict(errors)
        if self.time_check_row.isVisibleTo(self) and shown.get("at", "") == self.time_check.text():
            del shown["at"]
            self.agree_button.setFocus()
        super().show_errors(shown)

    def data(self) -> ReplyInput:
        """What the clerk has entered, as models.replies sees it."""
        return ReplyInput(
            method=self.chosen_method, summary=self.summary.toPlainText(), opinion=self.opinion.choice(),
            customer_words=self.words.toPlainText(), at=from_qdatetime(self.at.dateTime()),
            replier=self.replier.text(), line=self.line.currentData(),
            identity_stated=self.identity_stated.isChecked(), recording_kept=self.recording_kept.isChecked(),
            place=self.place.text(), appointment_agreed=self.appointment_agreed.isChecked(),
            appointment_at=self.appointment_at.value(), staff=[row.member() for row in self.staff],
            signed_by=self.signed_by.text(),
            method_reason=self.method_reason.text() if self._reason_asked(self.chosen_method) else "")

    def save(self) -> replies.Recorded | None:
        """Record the reply, or show each problem beside its field and keep everything typed."""
        self.clear_errors()
        self.summary_phrases.check_now()
        if self.chosen_method in LETTER_METHODS and self.letter.is_changed():
            self.show_errors({"letter": "The letter has changes that are not saved: save it and have it "
                                        "approved before recording the reply."})
            return None
        try:
            done = replies.record(self.slip.id, self.user, self.data(), expected_version=self.slip.version)
        except StaleSlip as err:
            self.slip = self.letter.slip = Slip.get_by_id(self.slip.id)
            self.say(str(err) + "\n" + tr("Your reply is kept: check the slip and record it again."))
            return None
        except SlipdeskError as err:
            self.refused(err)
            return None
        self.slip = done.slip
        self.recorded.emit(done)
        return done


# ---------------------------------------------------------------------------------------------
# After the reply: close, or the next step

class NextStep(QWidget, ErrorPlacing):
    """What follows the reply (models.replies.next_steps): close the slip; not (fully) accepted,
    back to handling with a new agreed deadline, another reply, or — the person in charge only —
    end it as 答复已按规定作出，客户仍不认可; an opinion still pending, or a direct reply still owed,
    another reply when it comes. `done` carries the slip as saved."""

    done = Signal(object)
    another_reply = Signal()

    def __init__(self, recorded: replies.Recorded, user: User, lang: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.slip, self.user, self.lang = recorded.slip, user, lang
        self.rows: dict[str, FieldRow] = {}
        reply = recorded.reply
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._make_banner())
        heading = QLabel(fill(tr("Reply recorded: %1, %2."), reply_label(reply.method, lang), opinion_label(reply.opinion, lang)))
        heading.setObjectName("savedSummary")
        layout.addWidget(heading)
        if recorded.follow_up is not None:
            thanks = QLabel(fill(tr("Once the customer has the letter, thank them again (再次致谢) by %1; it is on the "
                                    "dashboard until done, and the slip ends after it."), when(recorded.follow_up.due)))
            thanks.setWordWrap(True)
            layout.addWidget(thanks)
        steps = recorded.next_steps
        self.accepted = "close" in steps
        if self.accepted:
            self._close_offer(layout, reply)
        elif "reopen" in steps:
            layout.addWidget(self._reopen_section(reply))
            if "end" in steps and user.role in replies.APPROVERS:
                layout.addWidget(self._end_section())
        else:
            layout.addWidget(self._waiting_note(reply))
        layout.addStretch(1)

    def _close_offer(self, layout: QVBoxLayout, reply: replies.Reply) -> None:
        said = reply.opinion == Opinion.ACCEPTED
        note = QLabel(tr("The customer accepted the reply: the slip can be closed.") if said else
                      tr("Written back in the book, with nobody to ask for an opinion: the slip can be closed."))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.close_button = QPushButton(tr("&Close (customer accepted)") if said else tr("&Close the slip"))
        self.close_button.setObjectName("primaryButton")
        self.close_button.clicked.connect(self.close_slip)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignLeft)

    def _waiting_note(self, reply: replies.Reply) -> Section:
        """The slip cannot end yet: the customer's opinion is pending, or a direct reply is owed."""
        if reply.opinion == Opinion.PENDING:
            text = tr("The customer's opinion is pending (意见待反馈): record it when they answer — after a letter, "
                      "usually when you thank them again.")
        else:
            text = fill(tr("The slip ends when its duties are done: %1"), " ".join(m for m in replies.missing_for_complete(self.slip)))
        section = Section(tr("Not yet at its end"), text)
        self.again_button = QPushButton(tr("Record &another reply"))
        self.again_button.clicked.connect(self.another_reply)
        section.rows.addRow(self.again_button)
        return section

    def _end_section(self) -> Section:
        """The person in charge ends a slip answered within the rules that the customer still disagrees with."""
        section = Section(tr("Or end it: 答复已按规定作出，客户仍不认可"),
                          tr("Only when the answer was given within the rules and your authority and nothing more can "
                             "be offered. The review counts it apart; it can be reopened."))
        self.end_reason = _plain_edit(tr("Why nothing more can be done within the rules"), 48)
        self.end_reason.setMaximumHeight(70)
        self.end_reason.setAccessibleName(tr("Why nothing more can be done"))
        self.rows["end_reason"] = FieldRow("end_reason", self.end_reason)
        section.add(tr("&Why"), self.rows["end_reason"])
        self.offered = _plain_edit(tr("What was offered to the customer"), 48)
        self.offered.setMaximumHeight(70)
        self.offered.setAccessibleName(tr("What was offered"))
        self.rows["offered"] = FieldRow("offered", self.offered)
        section.add(tr("&Offered"), self.rows["offered"])
        self.end_button = QPushButton(tr("&End as not accepted"))
        self.end_button.clicked.connect(self.end_unaccepted)
        section.rows.addRow(self.end_button)
        return section

    def _reopen_section(self, reply: replies.Reply) -> Section:
        section = Section(tr("Not accepted: what next?"),
                          tr("Listen, explain and apologise sincerely; answer within the rules and your authority. "
                             "Agree a new reply deadline and take the slip back to handling, or reply again."))
        self.words = _plain_edit("", 60)
        self.words.setPlainText(reply.customer_words)
        self.words.setMaximumHeight(80)
        row = FieldRow("customer_words", self.words)
        self.words.setAccessibleName(tr("What the customer said"))
        self.rows["customer_words"] = row
        section.add(tr("They said"), row)
        self.deadline = datetime_edit()
        self.deadline.setDateTime(to_qdatetime(deadlines.default_deadline(clock.now())))
        self.deadline.setAccessibleName(tr("New reply deadline agreed"))
        self.rows["deadline"] = FieldRow("deadline", self.deadline)
        self.deadline_aid = DeadlineAid(self.deadline)
        self.rows["deadline"].add_below(self.deadline_aid)
        section.add(tr("New &deadline agreed"), self.rows["deadline"])
        self.reason = QLineEdit()
        self.reason.setAccessibleName(tr("Why"))
        self.reason.setPlaceholderText(tr("The customer did not accept the reply."))
        self.rows["reason"] = FieldRow("reason", self.reason)
        section.add(tr("Why"), self.rows["reason"])
        buttons = QHBoxLayout()
        self.reopen_button = QPushButton(tr("&Back to handling with the new deadline"))
        self.reopen_button.setObjectName("primaryButton")
        self.again_button = QPushButton(tr("Record &another reply"))
        buttons.addWidget(self.reopen_button)
        buttons.addWidget(self.again_button)
        buttons.addStretch(1)
        section.rows.addRow(buttons)
        self.reopen_button.clicked.connect(self.reopen)
        self.again_button.clicked.connect(self.another_reply)
        return section

    def close_slip(self) -> Slip | None:
        return self._take(lambda: replies.close_accepted(self.slip.id, self.user, expected_version=self.slip.version))

    def end_unaccepted(self) -> Slip | None:
        """The person in charge ends the slip as 答复已按规定作出，客户仍不认可 (models.workflow checks the role)."""
        from models import workflow

        return self._take(lambda: workflow.apply(
            self.slip.id, "end_unaccepted", self.user, expected_version=self.slip.version,
            end_reason=self.end_reason.toPlainText(), offered=self.offered.toPlainText()))

    def reopen(self) -> Slip | None:
        return self._take(lambda: replies.reopen(
            self.slip.id, self.user, expected_version=self.slip.version,
            deadline=from_qdatetime(self.deadline.dateTime()), customer_words=self.words.toPlainText(),
            reason=self.reason.text()))

    def _take(self, step: Callable[[], Slip]) -> Slip | None:
        """Take one of the next steps: the slip it left, announced; or its refusal beside the fields."""
        self.clear_errors()
        try:
            slip = step()
        except SlipdeskError as err:
            self.refused(err)
            return None
        self.slip = slip
        self.done.emit(slip)
        return slip


# ---------------------------------------------------------------------------------------------
# The person in charge approves a letter

class LetterApproval(QWidget, ErrorPlacing):
    """The letter as it will go out, its words never to say, approve (freezes) or send back."""

    approved = Signal(int)
    returned = Signal(int)

    def __init__(self, letter: Letter, user: User, lang: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.letter, self.user, self.lang = letter, user, lang
        self.slip = Slip.get_by_id(letter.slip_id)
        self.rows: dict[str, FieldRow] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self._make_banner())
        about = QLabel(fill(tr("%1 to %2 (%3), draft %4 by %5, submitted %6."), reply_label(letter.method, lang), self.slip.complainant_name, self.slip.number, str(letter.version), letter.edited_by.display_name, when(letter.submitted_at)))
        about.setObjectName("sideHeading")
        about.setWordWrap(True)
        layout.addWidget(about)
        complaint = QLabel(fill(tr("The complaint: “%1”"), self.slip.complaint))
        complaint.setObjectName("mutedText")
        complaint.setWordWrap(True)
        layout.addWidget(complaint)
        self.text = QPlainTextEdit(letter.text)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(tr("The letter as it will go out"))
        self.text.setMinimumHeight(220)
        layout.addWidget(self.text, 1)
        self.phrases = PhraseCheck(self.text)
        layout.addWidget(self.phrases)
        self.flags_read = QCheckBox(tr("I have read the flags and the letter may go out as it is"))
        self.rows["flags"] = FieldRow("flags", self.flags_read)
        self.flags_read.setAccessibleName(self.flags_read.text())
        self.rows["flags"].setVisible(bool(self.phrases.flags))
        layout.addWidget(self.rows["flags"])
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(tr("What to change, for the writer (needed to send it back)"))
        self.reason.setAccessibleName(tr("Reason for sending it back"))
        self.rows["reason"] = FieldRow("reason", self.reason)
        layout.addWidget(self.rows["reason"])
        buttons = QHBoxLayout()
        self.return_button = QPushButton(tr("&Send back with the reason"))
        self.approve_button = QPushButton(tr("&Approve (freezes the text)"))
        self.approve_button.setObjectName("primaryButton")
        buttons.addStretch(1)
        buttons.addWidget(self.return_button)
        buttons.addWidget(self.approve_button)
        layout.addLayout(buttons)
        self.approve_button.clicked.connect(self.approve)
        self.return_button.clicked.connect(self.send_back)

    def approve(self) -> Letter | None:
        self.clear_errors()
        try:
            letter = replies.approve_letter(self.letter.id, self.user, expected_version=self.slip.version,
                                            flags_read=self.flags_read.isChecked())
        except SlipdeskError as err:
            self.refused(err)
            return None
        self.letter = letter
        self.approved.emit(letter.id)
        return letter

    def send_back(self) -> Letter | None:
        self.clear_errors()
        try:
            letter = replies.return_letter(self.letter.id, self.user, self.reason.text(),
                                           expected_version=self.slip.version)
        except SlipdeskError as err:
            self.refused(err)
            return None
        self.letter = letter
        self.returned.emit(letter.id)
        return letter


# ---------------------------------------------------------------------------------------------
# The thanks after a letter (再次致谢), and an opinion heard later

class HeardOpinion(QWidget):
    """What the customer said of a reply whose opinion was pending: optional in the thanks (they may
    say nothing of it), required when recorded on its own."""

    def __init__(self, form: ErrorPlacing, section: Section, lang: str):
        super().__init__()
        self.opinion = OpinionChoice(lang)
        self.opinion.offer(HEARD_OPINIONS)
        form.rows["opinion"] = FieldRow("opinion", self.opinion)
        section.add(tr("Their &opinion of the reply"), form.rows["opinion"])
        self.words = _plain_edit(tr("In the customer's own words; needed unless they accepted."), 48)
        self.words.setMaximumHeight(80)
        self.words.setAccessibleName(tr("Their words"))
        form.rows["customer_words"] = FieldRow("customer_words", self.words)
        section.add(tr("Their &words"), form.rows["customer_words"])


class ThanksForm(QWidget, ErrorPlacing):
    """The customer thanked again once they had the letter (客户收到信函后再次表达感谢), by phone or
    e-mail at the time it was done — when they usually say what they think of the reply — or,
    when that is impossible, why."""

    done = Signal(int)

    def __init__(self, follow_up: replies.ThanksFollowUp, user: User, lang: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.follow_up, self.user = follow_up, user
        self.slip = Slip.get_by_id(follow_up.slip_id)
        self.rows: dict[str, FieldRow] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._make_banner())
        contact = "  ·  ".join(filter(None, (self.slip.phone or self.slip.caller_number, self.slip.email)))
        about = QLabel(fill(tr("The letter to %1 (%2) was sent on %3. Thank them again now that they have it "
                               "(客户收到信函后再次表达感谢)."), self.slip.complainant_name, self.slip.number, when(follow_up.letter.sent_at))
                       + "\n" + (contact or tr("No phone number or e-mail is recorded.")))
        about.setWordWrap(True)
        layout.addWidget(about)
        section = Section(tr("Thanks after the letter (再次致谢)"))
        self.method = QComboBox()
        for method in replies.THANKS_METHODS:
            self.method.addItem(reply_label(method, lang), method.value)
        if not (self.slip.phone or self.slip.caller_number) and self.slip.email:
            self.method.setCurrentIndex(self.method.findData(ReplyMethod.EMAIL.value))
        self.method.setAccessibleName(tr("How"))
        self.rows["method"] = FieldRow("method", self.method)
        section.add(tr("&How"), self.rows["method"])
        self.at = datetime_edit()
        self.at.setDateTime(to_qdatetime(clock.now()))
        self.at.setAccessibleName(tr("When"))
        self.rows["at"] = FieldRow("at", self.at, tr("A call in working hours, like every call to the customer."))
        section.add(tr("&When"), self.rows["at"])
        self.heard = HeardOpinion(self, section, lang) if self.slip.reply_opinion == Opinion.PENDING else None
        self.note = _plain_edit(tr("What the customer said, if anything."), 60)
        self.note.setAccessibleName(tr("Note"))
        self.rows["note"] = FieldRow("note", self.note)
        section.add(tr("&Note"), self.rows["note"])
        layout.addWidget(section)

    def save(self) -> replies.ThanksFollowUp | None:
        self.clear_errors()
        heard = self.heard
        try:
            done = replies.complete_follow_up(
                self.follow_up.id, self.user, method=self.method.currentData(), at=from_qdatetime(self.at.dateTime()),
                note=self.note.toPlainText(), opinion=heard.opinion.choice() if heard else "",
                customer_words=heard.words.toPlainText() if heard else "", expected_version=self.slip.version)
        except SlipdeskError as err:
            self.refused(err)
            return None
        self.done.emit(done.id)
        return done

    def impossible(self) -> replies.ThanksFollowUp | None:
        """Record why the customer cannot be thanked again, asked in a small dialog."""
        reason = asking.impossible_reason(self)
        if reason is None:
            return None
        self.clear_errors()
        try:
            done = replies.record_thanks_impossible(self.follow_up.id, self.user, reason,
                                                    expected_version=self.slip.version)
        except SlipdeskError as err:
            self.refused(err)
            return None
        self.done.emit(done.id)
        return done


class OpinionForm(QWidget, ErrorPlacing):
    """The customer's opinion of a reply that was waiting for it (意见待反馈), when they give it."""

    done = Signal(object)

    def __init__(self, slip: Slip, user: User, lang: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.slip, self.user = slip, user
        self.rows: dict[str, FieldRow] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._make_banner())
        layout.addWidget(slip_summary(slip, lang))
        section = Section(tr("The customer's opinion (客户意见)"),
                          tr("Record it truthfully, as the customer gave it."))
        self.heard = HeardOpinion(self, section, lang)
        self.note = QLineEdit()
        self.note.setPlaceholderText(tr("How they told us, e.g. they called the service line"))
        self.note.setAccessibleName(tr("Note"))
        self.rows["note"] = FieldRow("note", self.note)
        section.add(tr("&Note"), self.rows["note"])
        layout.addWidget(section)

    def save(self) -> Slip | None:
        self.clear_errors()
        try:
            slip = replies.hear_opinion(self.slip.id, self.user, opinion=self.heard.opinion.choice(),
                                        customer_words=self.heard.words.toPlainText(), note=self.note.text(),
                                        expected_version=self.slip.version)
        except SlipdeskError as err:
            self.refused(err)
            return None
        self.done.emit(slip)
        return slip
