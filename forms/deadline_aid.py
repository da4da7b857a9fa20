"""Beside every reply-deadline field: quick choices ("within 4 working hours", "within 2 working
days") counted on the estate's calendar, and the questions the chosen deadline raises.

A deadline outside working time (a public holiday, a weekend not worked, after closing) is
questioned, and one in a year whose holidays are not entered yet is said to be a weekday
estimate: models.deadlines decides both, the same for intake, reopening and moving a deadline.
"""
from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtWidgets import QDateTimeEdit, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from forms.fields import restyle, to_qdatetime
from models import clock, deadlines
from models.i18n import fill
from forms.translation import translator

log = logging.getLogger("slipdesk.forms.deadline")

QUICK_HOURS = (2, 4)  # working hours
QUICK_DAYS = (1, 2, 3, 5)  # working days: closing time on the n-th working day after today


_tr = translator("DeadlineAid")


class DeadlineAid(QWidget):
    """Quick choices that set `editor`, and the questions about what it holds."""

    def __init__(self, editor: QDateTimeEdit, start: Callable[[], dt.datetime] = clock.now,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self.start = start
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        choices = QHBoxLayout()
        choices.setSpacing(4)
        within = QLabel(_tr("Within (working time):"))
        within.setObjectName("fieldHint")
        choices.addWidget(within)
        self.buttons: dict[str, QPushButton] = {}
        for hours in QUICK_HOURS:
            self._add(choices, f"{hours}h", _tr("{n} h").replace("{n}", str(hours)),
                      _tr("{n} working hours").replace("{n}", str(hours)), lambda _=False, h=hours: self.choose_hours(h))
        for days in QUICK_DAYS:
            self._add(choices, f"{days}d", (_tr("1 day") if days == 1 else _tr("{n} days").replace("{n}", str(days))),
                      _tr("1 working day") if days == 1 else _tr("{n} working days").replace("{n}", str(days)),
                      lambda _=False, d=days: self.choose_days(d))
        choices.addStretch(1)
        layout.addLayout(choices)
        self.note = QLabel()
        self.note.setObjectName("fieldHint")
        self.note.setWordWrap(True)
        self.note.hide()
        layout.addWidget(self.note)
        editor.dateTimeChanged.connect(lambda _value: self.check())

    def _add(self, layout: QHBoxLayout, key: str, text: str, said: str, slot: Callable) -> None:
        """A quick choice: `text` on the button, `said` in full for its tooltip and screen readers."""
        button = QPushButton(text)
        button.setObjectName("quickChoice")
        button.setAutoDefault(False)
        button.setToolTip(fill(_tr("Set the deadline: within %1, counted on the estate's working calendar"), said))
        button.setAccessibleName(fill(_tr("Within %1"), said))
        button.clicked.connect(slot)
        layout.addWidget(button)
        self.buttons[key] = button

    def choose_hours(self, hours: float) -> None:
        self.editor.setDateTime(to_qdatetime(deadlines.add_working_hours(self.start(), hours)))

    def choose_days(self, days: int) -> None:
        self.editor.setDateTime(to_qdatetime(deadlines.add_working_days(self.start(), days)))

    def deadline(self) -> dt.datetime:
        value = self.editor.dateTime()
        date, time = value.date(), value.time()
        return dt.datetime(date.year(), date.month(), date.day(), time.hour(), time.minute())

    def questions(self) -> list[str]:
        return deadlines.deadline_questions(self.deadline(), self.start())

    def check(self) -> list[str]:
        """Show the questions the deadline raises now (none: the note goes away)."""
        try:
            questions = self.questions()
        except Exception:
            log.exception("checking a deadline failed")
            questions = []
        self.note.setText("\n".join(questions))
        restyle(self.note, "deadlineQuestion" if questions else "fieldHint")
        self.note.setVisible(bool(questions))
        return questions

    def showEvent(self, event) -> None:
        self.check()
        super().showEvent(event)
