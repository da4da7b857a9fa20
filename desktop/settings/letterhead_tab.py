"""The manager's tab for what every printout carries at its head: the service centre's name,
company, address, postcode, phones (the service-supervision phone 服务监督电话 that each reply
letter cites), the logo, and the font file letters print in.

Everything is checked and kept by models.letterhead, which refuses anyone but a manager and
logs the change; the logo goes into the database. "Preview a letter" lays out a sample reply
letter with what is typed on the tab, saved or not, so the manager sees the paper before the
customers do.
"""
from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from desktop.slips.printing import PreviewDialog
from desktop.shell.session import Session
from forms import asking
from forms.error_placing import ErrorPlacing
from forms.fields import FieldRow, Section, StatusLine
from models import clock, letterhead
from models.errors import SlipdeskError
from printouts.data import Letterhead, LetterData, Recipient, SlipFacts, draft_body, paragraphs
from printouts.fonts import cjk_fonts
from printouts.kinds import Printout
from printouts.letter import render_letter
from printouts.wording import say
from models.i18n import fill
from forms.translation import translator

log = logging.getLogger("slipdesk.pages.letterhead")

LOGO_HEIGHT = 64  # pixels of the preview on the tab


_tr = translator("LetterheadTab")


class SamplePreview(PreviewDialog):
    """The print preview of a sample letter: printed or saved like any letter, logged on no slip."""

    def _log(self, to: str) -> None:
        self.printed.emit(to)


class LetterheadTab(QWidget, ErrorPlacing):
    """The letterhead's texts, the logo and the printing font, with a sample letter to look at."""

    saved = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("letterheadTab")
        self._logo: bytes | letterhead.Logo = letterhead.Logo.KEEP  # what saving does with the logo
        self._logo_name = ""
        self.preview: SamplePreview | None = None
        self.editors = {key: QLineEdit() for key in letterhead.TEXT_KEYS}
        self.editors["estate.postcode"].setMaxLength(6)
        self.rows = {key: FieldRow(key, editor) for key, editor in self.editors.items()}
        self.language = QComboBox()
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        self.rows[letterhead.LANGUAGE_KEY] = FieldRow(letterhead.LANGUAGE_KEY, self.language)
        logo_box = LogoBox()
        self.logo_picture, self.choose_logo, self.remove_logo = logo_box.picture, logo_box.choose, logo_box.remove
        self.rows["logo"] = FieldRow("logo", logo_box)
        self.browse_font = QPushButton(self.tr("B&rowse…"))
        self.message = self.general_error = StatusLine()
        self.preview_button = QPushButton(self.tr("Pre&view a letter"))
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("primaryButton")
        self._lay_out()
        self._connect_signals()
        self.translate_ui()
        self.load()

    def _lay_out(self) -> None:
        head = Section(self.tr("Letterhead"), self.tr("Printed at the head of every letter and form, and as the "
                                                      "sender on envelopes."))
        captions = {
            "estate.name": self.tr("Service centre"), "estate.company": self.tr("Company on the seal (公章)"),
            "estate.address": self.tr("Address"), "estate.postcode": self.tr("Postcode"),
            "estate.supervision_phone": self.tr("Service-supervision phone"),
            "estate.office_phone": self.tr("Service centre phone"),
        }
        for key, caption in captions.items():
            head.add(caption, self.rows[key])
            self.editors[key].setAccessibleName(caption)
        logo = Section(self.tr("Logo"))
        logo.add(self.tr("Logo"), self.rows["logo"])
        printing = Section(self.tr("Printing"))
        font_line = QHBoxLayout()
        font_line.addWidget(self.rows["printing.font_path"], 1)
        font_line.addWidget(self.browse_font, 0, Qt.AlignmentFlag.AlignTop)
        caption = QLabel(self.tr("Font file"))
        caption.setObjectName("fieldLabel")
        caption.setBuddy(self.editors["printing.font_path"])
        printing.rows.addRow(caption, font_line)
        printing.add(self.tr("Printed in"), self.rows[letterhead.LANGUAGE_KEY])
        content = QWidget()
        column = QVBoxLayout(content)
        for section in (head, logo, printing):
            column.addWidget(section)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.preview_button, 0, Qt.AlignmentFlag.AlignRight)
        bottom.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)

    def _connect_signals(self) -> None:
        self.choose_logo.clicked.connect(self._choose_logo)
        self.remove_logo.clicked.connect(self._remove_logo)
        self.browse_font.clicked.connect(self._browse_font)
        self.preview_button.clicked.connect(self.preview_letter)
        self.save_button.clicked.connect(self.submit)

    def translate_ui(self) -> None:
        self.editors["printing.font_path"].setAccessibleName(self.tr("Font file"))
        self.editors["printing.font_path"].setPlaceholderText(self.tr("Empty: a Chinese font installed on this PC"))
        self.rows["printing.font_path"].hint.setText(self.tr(
            "A TrueType Chinese font (.ttf, or .ttc with #index for one face) that every desk can reach at this "
            "path; it is embedded in each PDF."))
        self.rows["printing.font_path"].hint.show()
        self.rows["estate.supervision_phone"].hint.setText(self.tr(
            "服务监督电话: every reply letter invites the customer to call it."))
        self.rows["estate.supervision_phone"].hint.show()
        self.language.setAccessibleName(self.tr("Printed in"))
        self.rows[letterhead.LANGUAGE_KEY].hint.setText(self.tr(
            "Letters, slips and reviews go out in this language unless the person printing chooses another."))
        self.rows[letterhead.LANGUAGE_KEY].hint.show()
        self.rows["logo"].hint.setText(self.tr("A PNG or JPEG image of at most 2 MB; it is kept in the database."))
        self.rows["logo"].hint.show()
        self.logo_picture.setAccessibleName(self.tr("Logo"))

    def load(self) -> None:
        kept = letterhead.current()
        for key, editor in self.editors.items():
            editor.setText(kept[key])
        self.language.setCurrentIndex(max(0, self.language.findData(kept[letterhead.LANGUAGE_KEY])))
        stored = letterhead.logo()
        self._logo, self._logo_name = letterhead.Logo.KEEP, stored.filename if stored else ""
        self._show_logo(bytes(stored.data) if stored else None)
        for row in self.rows.values():
            row.clear_error()

    def values(self) -> dict[str, str]:
        return {**{key: editor.text() for key, editor in self.editors.items()},
                letterhead.LANGUAGE_KEY: self.language.currentData()}

    def _show_logo(self, data: bytes | None) -> None:
        picture = QPixmap()
        if data and picture.loadFromData(data):
            self.logo_picture.setPixmap(picture.scaledToHeight(LOGO_HEIGHT, Qt.TransformationMode.SmoothTransformation))
            self.logo_picture.setToolTip(self._logo_name)
        else:
            self.logo_picture.setPixmap(QPixmap())
            self.logo_picture.setText(self.tr("No logo: the letterhead prints the name alone."))
            self.logo_picture.setToolTip("")
        self.remove_logo.setEnabled(bool(data))

    def _choose_logo(self) -> None:
        path = asking.logo_path(self)
        if not path:
            return
        try:
            data = Path(path).read_bytes()
        except OSError as err:
            self.rows["logo"].set_error(fill(self.tr("The file could not be read: %1"), err.strerror or str(err)))
            return
        problem = letterhead.logo_problem(data)
        if problem:
            self.rows["logo"].set_error(problem)
            return
        self.rows["logo"].clear_error()
        self._logo, self._logo_name = data, Path(path).name
        self._show_logo(data)

    def _remove_logo(self) -> None:
        self._logo, self._logo_name = letterhead.Logo.REMOVE, ""
        self.rows["logo"].clear_error()
        self._show_logo(None)

    def _browse_font(self) -> None:
        path = asking.font_path(self, self.editors["printing.font_path"].text())
        if path:
            self.editors["printing.font_path"].setText(path)
            problem = letterhead.font_problem(path)
            if problem:
                self.rows["printing.font_path"].set_error(problem)

    def _logo_on_screen(self) -> bytes | None:
        if isinstance(self._logo, bytes):
            return self._logo
        stored = letterhead.logo() if self._logo is letterhead.Logo.KEEP else None
        return bytes(stored.data) if stored else None

    def submit(self) -> bool:
        self.clear_errors()
        try:
            letterhead.save_letterhead(self.session.user, self.values(), self._logo, self._logo_name)
        except SlipdeskError as refused:
            self.refused(refused)
            return False
        self.load()
        self.message.say(self.tr("Saved. Letters, forms and envelopes print with it from now on."), error=False)
        self.saved.emit()
        return True

    def placed_note(self) -> str:
        return self.tr("Not saved: see the messages above.")

    def preview_letter(self) -> SamplePreview | None:
        """A sample reply letter laid out with what is on the tab now, saved or not."""
        values = {key: value.strip() for key, value in self.values().items()}
        problems = letterhead.problems(values)
        if problems:
            self.show_errors(problems)
            return None
        try:
            printout = self._sample(values)
        except Exception:  # noqa: BLE001 - the manager gets a sentence, the log the traceback
            log.exception("the sample letter could not be laid out")
            self.message.say(self.tr("The sample letter could not be laid out; the details are in the log file."),
                             error=True)
            return None
        self.preview = SamplePreview(printout, 0, self.session.user, self)
        self.preview.open()
        return self.preview

    def _sample(self, values: dict[str, str]) -> Printout:
        head = Letterhead(estate_name=values["estate.name"], company=values["estate.company"] or values["estate.name"],
                          address=values["estate.address"], postcode=values["estate.postcode"],
                          supervision_phone=values["estate.supervision_phone"],
                          office_phone=values["estate.office_phone"], logo=self._logo_on_screen())
        fonts = cjk_fonts(values["printing.font_path"])
        lang = values[letterhead.LANGUAGE_KEY]
        letter = sample_letter(head, lang)
        return Printout("letter", lang, letter.number, render_letter(letter, fonts), False, fonts.warning)

class LogoBox(QWidget):
    """The logo's picture and its Choose…/Remove buttons, as one field of the form (`edited`
    when either is pressed, which clears the field's message)."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.picture = picture = QLabel()
        picture.setObjectName("logoPreview")
        picture.setMinimumHeight(LOGO_HEIGHT)
        self.choose = QPushButton(self.tr("&Choose an image…"))
        self.remove = QPushButton(self.tr("Re&move the logo"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(picture, 1)
        layout.addWidget(self.choose, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignTop)
        self.choose.clicked.connect(self.edited)
        self.remove.clicked.connect(self.edited)


def sample_letter(head: Letterhead, lang: str) -> LetterData:
    """A reply letter as the desk drafts one, to a resident of the estate, with `head`."""
    now = clock.now()
    recipient = Recipient("张三", "mr", "3-2-1201", f"{head.address} 3-2-1201室".strip(), head.postcode)
    category = _tr("noise")
    facts = SlipFacts(number=_tr("SAMPLE"), channel="", channel_code="phone", status="", received_at=now,
                      received_by="", recipient=recipient, phone="", email="",
                      complaint=_tr("Renovation noise from the flat upstairs goes on after 10 pm."),
                      read_back=True, category=category, urgent=False, deadline=now + dt.timedelta(days=1),
                      answered_at_once=False, answer_note="",
                      handling_notes=_tr("We spoke to the owner upstairs, who agreed to stop noisy work at 6 pm; "
                                         "our patrol checks each evening this week."),
                      department="", assignee="")
    return LetterData(lang=lang, letterhead=head, number=facts.number, date=clock.today(), recipient=recipient,
                      subject=say("letter_subject", lang, category=category),
                      paragraphs=paragraphs(draft_body(facts, head, lang)), draft=False)
