"""Messages from models beside the fields they name, the rest in one banner: the one way a form
or a dialog shows a refusal, keeping every word typed."""
from __future__ import annotations

from typing import Callable, TypeVar

from PySide6.QtWidgets import QLabel

from forms.fields import FieldRow, StatusLine, restyle
from models.errors import SlipdeskError, ValidationFailed

T = TypeVar("T")


class ErrorPlacing:
    """Messages from models beside the fields they name; the rest in one banner at the top."""

    rows: dict[str, FieldRow]
    general_error: QLabel  # a StatusLine, or a label of the screen's own

    def _make_banner(self) -> StatusLine:
        self.general_error = StatusLine()
        return self.general_error

    def clear_errors(self) -> None:
        for row in self.rows.values():
            row.clear_error()
        self.general_error.hide()

    def row_for(self, key: str) -> FieldRow | None:
        """The row that shows `key`'s message, None for the banner: a form whose fields the models
        name otherwise maps them here."""
        row = self.rows.get(key)
        return row if row is not None and row.isVisibleTo(self) else None

    def placed_note(self) -> str:
        """Said in the banner when every message stands beside its field ("": nothing)."""
        return ""

    def show_errors(self, errors: dict[str, str]) -> None:
        unplaced, first = [], None
        for key, message in errors.items():
            row = self.row_for(key)
            if row is None:
                unplaced.append(message)
                continue
            row.set_error(message)
            first = first or row
        self.say("\n".join(unplaced) or (self.placed_note() if first is not None else ""))
        if first is not None:
            first.editor.setFocus()

    def say(self, message: str) -> None:
        restyle(self.general_error, "formError")  # a status line that said what was done turns red
        self.general_error.setText(message)
        self.general_error.setVisible(bool(message))

    def error_for(self, key: str) -> str:
        """The message shown beside `key`'s field now ("" when none)."""
        row = self.rows.get(key)
        return row.message if row else ""

    def refused(self, err: SlipdeskError) -> None:
        """A refusal: beside its fields when it names them, else in the banner."""
        if isinstance(err, ValidationFailed):
            self.show_errors(err.errors)
        else:
            self.say(str(err))

    def attempt(self, take: Callable[[], T]) -> T | None:
        """Take a step in models/; when it is refused, its messages are placed and None returned."""
        self.clear_errors()
        try:
            return take()
        except SlipdeskError as err:
            self.refused(err)
        return None
