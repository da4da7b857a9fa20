"""The slip-edit form: correcting the recorded facts of an open slip — who complained and how to
reach them, the complaint in their words, its category, the handling notes, and the facts of
the channel it came by.

The form only shows and gathers values in the shape models.edits stores them (`values()`);
what changed, the save and the merge with another desk's changes belong to the window that
holds it. Status and the reply deadline are not here: they move only through the workflow.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QT_TRANSLATE_NOOP, Qt, QTime, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateTimeEdit, QLabel, QLineEdit, QPlainTextEdit,
                               QVBoxLayout, QWidget)

from forms.calendar_popup import mark_holidays
from forms.dates import when
from forms.fields import FieldRow, NO_DATE, Section, date_edit, from_qdate, plain_text, to_qdate
from forms.intake import LABELS as INTAKE_LABELS
from models.catalog import Category, categories
from models.slips import Slip
from models.vocab import Channel, ReplyMethod, Title, label, reply_label, title_label
from forms.translation import translator

CONTEXT = "SlipEditForm"

COMMON = ("complainant_name", "complainant_title", "unit_code", "phone", "address", "email",
          "preferred_reply", "after_hours_ok")
MATTER = ("complaint", "category", "urgent", "handling_notes")
CHANNEL_FIELDS: dict[str, tuple[str, ...]] = {
    Channel.ONSITE: ("calmed", "quiet_place"),
    Channel.PHONE: ("caller_number", "call_time", "transferred_to", "thanked"),
    Channel.BOOK: ("book_entry_date", "book_entry_ref", "contact_left"),
    Channel.LETTER: ("letter_received", "letter_date", "sender_address"),
}

LINES = {"complainant_name", "unit_code", "phone", "address", "email", "caller_number", "transferred_to",
         "book_entry_ref", "sender_address"}
TEXTS = {"complaint", "handling_notes"}
CHECKS = {"after_hours_ok", "urgent", "calmed", "quiet_place", "thanked", "contact_left"}
DATES = {"book_entry_date", "letter_received", "letter_date"}

OWN_LABELS = {
    "category": QT_TRANSLATE_NOOP("SlipEditForm", "Ca&tegory"),
    "handling_notes": QT_TRANSLATE_NOOP("SlipEditForm", "Handling &notes"),
    "after_hours_ok": QT_TRANSLATE_NOOP("SlipEditForm", "Calls outside office hours are fine"),
    "urgent": QT_TRANSLATE_NOOP("SlipEditForm", "Urgent: a safety risk, water running, someone trapped"),
    "calmed": QT_TRANSLATE_NOOP("SlipEditForm", "The customer was listened to and calmed"),
    "quiet_place": QT_TRANSLATE_NOOP("SlipEditForm", "Moved to a quiet place"),
    "thanked": QT_TRANSLATE_NOOP("SlipEditForm", "Thanked the caller at the end (感谢来电)"),
    "contact_left": QT_TRANSLATE_NOOP("SlipEditForm", "The entry leaves contact details"),
}


tr = translator(CONTEXT)


def field_label(name: str) -> str:
    """The field's name as the forms show it, without the keyboard accelerator."""
    if name in OWN_LABELS:
        return plain_text(tr(OWN_LABELS[name]))
    return plain_text(QCoreApplication.translate("SlipForm", INTAKE_LABELS.get(name, name)))


def fields_of(channel: str) -> tuple[str, ...]:
    return COMMON + MATTER + CHANNEL_FIELDS.get(channel, ())


def as_shown(name: str, value: Any) -> Any:
    """A stored value as the form holds it (times to the minute, text never None): what the form
    reads back when nothing was touched."""
    if name == "call_time" and isinstance(value, dt.datetime):
        return value.replace(second=0, microsecond=0)
    if name in LINES | TEXTS | {"complainant_title", "preferred_reply"}:
        return value or ""
    if name in CHECKS:
        return bool(value)
    return value


def shown_text(name: str, value: Any, lang: str) -> str:
    """A value in words, for the merge dialog ("—" when empty)."""
    if value is None or value == "":
        return "—"
    if name in CHECKS:
        return tr("yes") if value else tr("no")
    if name == "category":
        category = Category.get_or_none(Category.id == value)
        return category.name(lang) if category else str(value)
    if name == "complainant_title":
        return title_label(value, lang)
    if name == "preferred_reply":
        return reply_label(value, lang)
    if isinstance(value, dt.date):
        return when(value)
    return str(value)


def _optional_datetime() -> QDateTimeEdit:
    editor = QDateTimeEdit()
    editor.setCalendarPopup(True)
    mark_holidays(editor)
    editor.setDisplayFormat("yyyy-MM-dd HH:mm")
    editor.setMinimumDateTime(QDateTime(NO_DATE, QTime(0, 0)))
    editor.setSpecialValueText(tr("not recorded"))
    return editor


class SlipEditForm(QWidget):
    """The editable facts of one slip, laid out as the intake form has them."""

    edited = Signal()

    def __init__(self, slip: Slip, lang: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.channel = slip.channel
        self.lang = lang
        self.fields = fields_of(slip.channel)
        self.editors: dict[str, QWidget] = {name: self._make(name, slip) for name in self.fields}
        self.rows: dict[str, FieldRow] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        for title, names in ((tr("Complainant and how to reach them"), COMMON),
                             (tr("The complaint"), MATTER),
                             (label(slip.channel, lang), CHANNEL_FIELDS.get(slip.channel, ()))):
            layout.addWidget(self._section(title, names))
        layout.addStretch(1)
        self._align_captions()
        self.first_input = self.editors["complainant_name"]

    def _make(self, name: str, slip: Slip) -> QWidget:
        makers: dict[str, Callable[[], QWidget]] = {
            "complainant_title": lambda: self._combo([(title_label(t, self.lang) or "—", t.value)
                                                      for t in (Title.NONE, Title.MR, Title.MS)]),
            "preferred_reply": lambda: self._combo([("—", "")] + [(reply_label(m, self.lang), m.value)
                                                                  for m in ReplyMethod]),
            "category": lambda: self._categories(slip),
            "call_time": _optional_datetime,
        }
        if name in makers:
            return makers[name]()
        if name in TEXTS:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(90 if name == "complaint" else 60)
            return edit
        if name in CHECKS:
            return QCheckBox(field_label(name))
        if name in DATES:
            return date_edit(optional=True, not_given=tr("not recorded"))
        return QLineEdit()

    def _combo(self, items: list[tuple[str, object]]) -> QComboBox:
        combo = QComboBox()
        for text, data in items:
            combo.addItem(text, data)
        return combo

    def _categories(self, slip: Slip) -> QComboBox:
        """The active categories, and the slip's own even if it was retired since."""
        shown = categories()
        if slip.category_id not in {c.id for c in shown}:
            shown.append(slip.category)
        return self._combo([(c.name(self.lang), c.id) for c in shown])

    def _section(self, title: str, names: tuple[str, ...]) -> Section:
        section = Section(title)
        for name in names:
            editor = self.editors[name]
            editor.setAccessibleName(field_label(name))
            row = FieldRow(name, editor)
            row.edited.connect(self.edited)
            self.rows[name] = row
            if name in CHECKS:  # the box carries its text; it lines up with the inputs
                section.rows.addRow(QLabel(), row)
                continue
            section.add(tr(OWN_LABELS[name]) if name in OWN_LABELS else
                        QCoreApplication.translate("SlipForm", INTAKE_LABELS[name]), row)
        return section

    def _align_captions(self) -> None:
        """One caption column down the whole form, not one per section."""
        captions = [section.rows.labelForField(row) for row in self.rows.values()
                    for section in self.findChildren(Section) if section.rows.labelForField(row) is not None]
        width = max((caption.sizeHint().width() for caption in captions), default=0)
        for caption in captions:
            caption.setMinimumWidth(width)
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    # ----- values in the shape models.edits stores them

    def values(self) -> dict[str, Any]:
        return {name: self._value(name) for name in self.fields}

    def _value(self, name: str) -> Any:
        editor = self.editors[name]
        if name in TEXTS:
            return editor.toPlainText()
        if name in CHECKS:
            return editor.isChecked()
        if name in DATES:
            return from_qdate(editor.date())
        if name == "call_time":
            value = editor.dateTime()
            if value.date() <= NO_DATE:
                return None
            date, time = value.date(), value.time()
            return dt.datetime(date.year(), date.month(), date.day(), time.hour(), time.minute())
        if isinstance(editor, QComboBox):
            return editor.currentData()
        return editor.text()

    def set_values(self, values: dict[str, Any]) -> None:
        for name, value in values.items():
            if name in self.editors:
                self._set(name, value)

    def _set(self, name: str, value: Any) -> None:
        editor = self.editors[name]
        if name in TEXTS:
            if editor.toPlainText() != (value or ""):
                editor.setPlainText(value or "")
        elif name in CHECKS:
            editor.setChecked(bool(value))
        elif name in DATES:
            editor.setDate(to_qdate(value))
        elif name == "call_time":
            editor.setDateTime(QDateTime(NO_DATE, QTime(0, 0)) if value is None else QDateTime(
                QDate(value.year, value.month, value.day), QTime(value.hour, value.minute)))
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData("" if value is None else value)))
        else:
            editor.setText(value or "")
