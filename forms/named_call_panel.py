"""“I want your manager”: the intake form's side panel that calls the person asked for at once.

A customer at the desk or on the phone who asks for a manager by name (指名要谁来处理) must see
that person within a minute (the etiquette seed). The clerk picks the person (or “the person in
charge” when the customer names nobody with an account) and presses Call now: models.named_call
sends the notice there and then, before the slip is saved; the panel says whom it called and
when. Saving the slip records the call on it (or makes it then, if the clerk chose someone but
did not press the button).
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from forms.fields import FieldRow, refusal_text
from models import clock, named_call
from models.errors import SlipdeskError
from models.intake import Intake
from models.i18n import fill
from forms.translation import translator

EVERYONE = 0  # the combo's data for "the person in charge" (every person in charge is told)
PERSON_IN_CHARGE = "负责人"  # as the slip records it: the seed's word


tr = translator("NamedCallPanel")


class NamedCallPanel(QFrame):
    """Who the customer asked for, and the call made from the form."""

    called = Signal(int)  # the notice id

    def __init__(self, gather, user, parent: QWidget | None = None):
        """`gather()` returns the form's Intake as typed so far (for the notice's text)."""
        super().__init__(parent)
        self.setObjectName("namedCallPanel")
        self.gather, self.user = gather, user
        self.calls: list[int] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        heading = QLabel(tr("Asks for a manager by name (指名要找)"))
        heading.setObjectName("sideHeading")
        self.person = QComboBox()
        self.person.setAccessibleName(tr("The manager the customer asks for"))
        self.person.addItem(tr("Nobody asked for"), None)
        self.person.addItem(tr("The person in charge (负责人)"), EVERYONE)
        for person in named_call.people_in_charge():
            self.person.addItem(person.display_name, person.id)
        self.call_button = QPushButton(tr("&Call now"))
        self.call_button.setObjectName("primaryButton")
        self.call_button.setToolTip(tr("Notify that person at once: they must come within a minute "
                                       "(该管理人员要保障在一分钟内出现)"))
        self.state = QLabel()
        self.state.setObjectName("mutedText")
        self.state.setWordWrap(True)
        self.row = FieldRow("named_person", self.person)
        line = QHBoxLayout()
        line.addWidget(self.row, 1)
        line.addWidget(self.call_button)
        layout.addWidget(heading)
        layout.addLayout(line)
        layout.addWidget(self.state)
        self.person.currentIndexChanged.connect(self._show_state)
        self.call_button.clicked.connect(self.call)
        self._show_state()

    @classmethod
    def attach(cls, form) -> NamedCallPanel:
        panel = cls(form.intake, form.user)
        form.authority_slot.addWidget(panel)
        form.add_contributor(panel.contribute)
        form.add_row("named_person", panel.row)
        return panel

    def chosen(self) -> tuple[str, int | None] | None:
        """(the name asked for, the account or None for every person in charge), or None."""
        data = self.person.currentData()
        if data is None:
            return None
        if data == EVERYONE:
            return PERSON_IN_CHARGE, None
        return self.person.currentText(), data

    def call(self) -> int | None:
        """Send the call now; a refusal shows under the chooser."""
        chosen = self.chosen()
        if chosen is None:
            self.row.set_error(tr("Choose whom the customer asks for."))
            return None
        name, person_id = chosen
        intake = self.gather()
        try:
            notice = named_call.call(self.user, person_id, asked_for=name, complainant=intake.complainant_name,
                                     unit_code=intake.unit_code, summary=intake.complaint)
        except SlipdeskError as refused:
            self.row.set_error(refusal_text(refused))
            return None
        self.calls.append(notice.id)
        self.state.setText(fill(tr("Called %1 at %2: they come to the desk now."), name, f"{clock.now():%H:%M:%S}"))
        self.called.emit(notice.id)
        return notice.id

    def _show_state(self) -> None:
        self.call_button.setEnabled(self.person.currentData() is not None)
        if not self.calls:
            self.state.setText(tr("Nobody called yet.") if self.person.currentData() is not None else "")

    def contribute(self, intake: Intake) -> None:
        chosen = self.chosen()
        if chosen is not None:
            intake.named_person, intake.named_user_id = chosen
        intake.named_calls = list(self.calls)
