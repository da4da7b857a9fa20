"""Small widgets every data-entry form uses: an input with its message beside it, a form section.

A validation message belongs next to the field it is about, in words the clerk can act on, and
goes away as soon as the clerk edits that field.
"""
from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QDateTime, QTime, Qt, Signal
from PySide6.QtWidgets import (QAbstractButton, QComboBox, QDateEdit, QDateTimeEdit, QDoubleSpinBox, QFormLayout,
                               QGroupBox, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QSplitter, QVBoxLayout,
                               QWidget)

from forms.calendar_popup import mark_holidays
from models.errors import SlipdeskError, ValidationFailed
from models.i18n import fill

# The earliest date an optional date field shows as "not given" (its special value).
NO_DATE = QDate(1999, 12, 31)
_TRAILING_ACCELERATOR = re.compile(r"\(&[^&\s]\)")  # "保存(&S)": the Chinese way of marking the key


def list_and_editor(name: str, listed: QWidget, editor: QWidget) -> QSplitter:
    """A list with the editor of its current row beside it (residents, staff accounts): the list
    takes three parts of five, and neither side can be squeezed away."""
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.setObjectName(name)
    splitter.addWidget(listed)
    splitter.addWidget(editor)
    splitter.setStretchFactor(0, 3)
    splitter.setStretchFactor(1, 2)
    splitter.setChildrenCollapsible(False)
    return splitter


def plain_text(caption: str) -> str:
    """A caption without its keyboard accelerator, for accessible names and tooltips:
    "&Complaint" → "Complaint", "投诉内容(&C)" → "投诉内容", "R&&D" → "R&D"."""
    return _TRAILING_ACCELERATOR.sub("", caption).replace("&&", "\0").replace("&", "").replace("\0", "&")


class FieldRow(QWidget):
    """An input, a hint under it when it needs one, and the validation message beside it."""

    edited = Signal()

    def __init__(self, key: str, editor: QWidget, hint: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.key = key
        self.editor = editor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        self.hint = QLabel(hint)
        self.hint.setObjectName("fieldHint")
        self.hint.setWordWrap(True)
        self.hint.setVisible(bool(hint))
        layout.addWidget(self.hint)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        layout.addWidget(self.error)
        _edited_signal(editor).connect(self._on_edited)

    def set_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        self.editor.setProperty("invalid", bool(message))
        self.editor.style().unpolish(self.editor)
        self.editor.style().polish(self.editor)
        self.error.setAccessibleName(message)

    def add_below(self, widget: QWidget) -> None:
        """A helper under the input (a deadline's quick choices and questions), above the message."""
        self.layout().insertWidget(1, widget)

    def clear_error(self) -> None:
        if not self.error.isHidden():
            self.set_error("")

    @property
    def message(self) -> str:
        return "" if self.error.isHidden() else self.error.text()

    def _on_edited(self, *_args) -> None:
        self.clear_error()
        self.edited.emit()


def _edited_signal(editor: QWidget):
    """The signal that means "the clerk changed this input"."""
    if isinstance(editor, QLineEdit):
        return editor.textChanged
    if isinstance(editor, QPlainTextEdit):
        return editor.textChanged
    if isinstance(editor, QComboBox):
        return editor.currentIndexChanged if not editor.isEditable() else editor.currentTextChanged
    if isinstance(editor, QDateTimeEdit):  # QDateEdit too
        return editor.dateTimeChanged
    if isinstance(editor, (QSpinBox, QDoubleSpinBox)):
        return editor.valueChanged
    if isinstance(editor, QAbstractButton):
        return editor.toggled
    edited = getattr(editor, "edited", None)
    if edited is None:
        raise TypeError(f"no edit signal known for {type(editor).__name__}")
    return edited


class Section(QGroupBox):
    """A titled step of the form ("Feelings first, then the matter"), its rows in a form layout."""

    def __init__(self, title: str, note: str = "", parent: QWidget | None = None):
        super().__init__(title, parent)
        self.setObjectName("formSection")
        outer = QVBoxLayout(self)
        outer.setSpacing(6)
        if note:
            label = QLabel(note)
            label.setObjectName("sectionNote")
            label.setWordWrap(True)
            outer.addWidget(label)
        self.rows = QFormLayout()
        self.rows.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.rows.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.rows.setHorizontalSpacing(12)
        self.rows.setVerticalSpacing(8)
        outer.addLayout(self.rows)

    def add(self, label: str, row: FieldRow) -> None:
        """A labelled row; an empty label spans the row (check boxes carry their own text)."""
        if label:
            caption = QLabel(label)
            caption.setBuddy(row.editor)
            caption.setObjectName("fieldLabel")
            self.rows.addRow(caption, row)
        else:
            self.rows.addRow(row)


def date_edit(optional: bool = False, not_given: str = "") -> QDateEdit:
    editor = QDateEdit()
    editor.setCalendarPopup(True)
    mark_holidays(editor)
    editor.setDisplayFormat("yyyy-MM-dd")
    if optional:
        editor.setMinimumDate(NO_DATE)
        editor.setSpecialValueText(not_given)
        editor.setDate(NO_DATE)
    return editor


def counted(count: int, one: str, many: str, *values: object) -> str:
    """A sentence about `count` things, in its form for one or for several, with %1 the count as
    written (1,234) and %2 … filled from `values`: counted(n, tr("%1 slip in %2"), tr("%1 slips
    in %2"), place). English needs both forms; the Chinese catalogue gives them the same words."""
    return fill(one if count == 1 else many, f"{count:,}", *values)


def refusal_text(refused: SlipdeskError) -> str:
    """What a refusal from models/ says, every field's message on a line of its own."""
    if isinstance(refused, ValidationFailed):
        return "\n".join(message for message in refused.errors.values())
    return str(refused)


def restyle(widget: QWidget, name: str) -> None:
    """Give a live message another look of desktop/shell/style.py (its object name) at once: Qt applies
    a style sheet's object-name rules only when the widget is polished again. A widget not yet
    polished reads its name at its first polish (and its window starts without loading QStyle's
    dozen enums, ~7 ms)."""
    widget.setObjectName(name)
    if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        widget.style().unpolish(widget)
        widget.style().polish(widget)


class StatusLine(QLabel):
    """The line where a screen says why it could not, or what it just did: the one status line.
    Hidden while it has nothing to say; a refusal in red ("formError"), a note ("statusChip"),
    what was done in green ("doneBanner"), in desktop/shell/style.py's colours."""

    def __init__(self, look: str = "formError", note: str = "statusChip", parent: QWidget | None = None):
        super().__init__(parent)
        self.note_look = note  # a screen whose notes read quieter names its own look
        self.setObjectName(look)
        self.setWordWrap(True)
        self.hide()

    def say(self, text: str, error: bool | None = None) -> None:
        """Show `text` ("" hides the line): `error` True in red, False as a note, None as it looks now."""
        if error is not None:
            restyle(self, "formError" if error else self.note_look)
        self.setText(text)
        self.setVisible(bool(text))

    def done(self, text: str) -> None:
        """What was just done, in green; it stays until the next action."""
        restyle(self, "doneBanner")
        self.say(text)


def search_field(prompt: str) -> QLineEdit:
    """A search box: the prompt is both its placeholder and its accessible name."""
    editor = QLineEdit()
    editor.setPlaceholderText(prompt)
    editor.setAccessibleName(prompt)
    editor.setClearButtonEnabled(True)
    return editor


def category_box(lang: str, first: str, accessible_name: str) -> QComboBox:
    """The active categories in `lang`, headed by `first` (data None: all, or any, category)."""
    from models.catalog import categories

    box = QComboBox()
    box.setAccessibleName(accessible_name)
    box.addItem(first, None)
    for category in categories():
        box.addItem(category.name(lang), category.id)
    return box


def datetime_edit() -> QDateTimeEdit:
    editor = QDateTimeEdit()
    editor.setCalendarPopup(True)
    mark_holidays(editor)
    editor.setDisplayFormat("yyyy-MM-dd HH:mm")
    return editor


def to_qdate(value: dt.date | None) -> QDate:
    return NO_DATE if value is None else QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date | None:
    """None for the "not given" value of an optional date."""
    if not value.isValid() or value <= NO_DATE:
        return None
    return dt.date(value.year(), value.month(), value.day())


def to_qdatetime(value: dt.datetime) -> QDateTime:
    return QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute, value.second))


def from_qdatetime(value: QDateTime) -> dt.datetime:
    date, time = value.date(), value.time()
    return dt.datetime(date.year(), date.month(), date.day(), time.hour(), time.minute())
