"""The intake form's authority panel: live "within / beyond your authority (处理权限), because …".

Slipdesk suggests from the estate's rules (models.authority) as the clerk types; the clerk
decides. Deciding against the suggestion shows a field for the short reason the models require,
and within authority the panel names the department that will be notified. The panel adds its
values to the form's Intake; its validation messages show beside its own inputs.
"""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QFormLayout, QFrame, QLabel, QLineEdit, QRadioButton,
                               QVBoxLayout, QWidget)

from forms.fields import FieldRow
from models import authority, catalog, outage, routing
from models.intake import Intake
from models.i18n import fill
from forms.translation import translator

UPDATE_DELAY_MS = 250  # the rules are read once the clerk pauses, not on every keystroke


tr = translator("AuthorityPanel")


class AuthorityPanel(QFrame):
    """Shows the suggestion for the slip being typed and records the clerk's decision."""

    def __init__(self, gather, lang: str | None = None, parent: QWidget | None = None):
        """`gather()` returns the form's Intake as typed so far."""
        super().__init__(parent)
        self.setObjectName("authorityPanel")
        self.gather = gather
        self.lang = lang
        self.assessment: authority.Assessment | None = None
        self._choice: bool | None = None  # None: the clerk follows the suggestion
        self._answered = False
        self._build()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(UPDATE_DELAY_MS)
        self._timer.timeout.connect(self.update_now)
        self._group.idClicked.connect(self._on_choice)

    @classmethod
    def attach(cls, form) -> AuthorityPanel:
        """Put the panel in a SlipForm's side column and wire it to the form."""
        panel = cls(form.intake, form.lang)
        form.authority_slot.addWidget(panel)
        form.add_contributor(panel.contribute)
        for key, row in panel.rows.items():
            form.add_row(key, row)
        form.intake_changed.connect(panel.schedule_update)
        panel.update_now()
        return panel

    # ----- building

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        heading = QLabel(tr("Handling authority (处理权限)"))
        heading.setObjectName("sideHeading")
        self.verdict = QLabel()
        self.verdict.setAccessibleName(tr("Authority suggestion"))
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        self.reasons.setObjectName("ruleText")
        self.within = QRadioButton(tr("&Within my authority: notify the department"))
        self.beyond = QRadioButton(tr("&Beyond: the person in charge confirms"))
        self._group = QButtonGroup(self)
        self._group.addButton(self.within, 1)
        self._group.addButton(self.beyond, 0)
        self.override_reason = QLineEdit()
        self.override_reason.setPlaceholderText(tr("Why you decide otherwise, in a few words"))
        self.override_reason.setAccessibleName(tr("Reason for deciding against the suggestion"))
        self.department = QComboBox()
        self.department.setAccessibleName(tr("Department that handles it"))
        self.department.addItem(tr("The category's department"), None)
        for department in catalog.departments():
            if not department.upper:
                self.department.addItem(department.name(self.lang), department.id)
        self.assignee = QComboBox()
        self.assignee.setEditable(True)
        self.assignee.setAccessibleName(tr("Responsible person"))
        self.assignee.lineEdit().setPlaceholderText(tr("Responsible person (optional)"))
        self.assignee.addItems([""] + sorted({p.name for p in catalog.people()}))
        self.compensation = QLineEdit()
        self.compensation.setPlaceholderText(tr("¥ asked or offered"))
        self.compensation.setAccessibleName(tr("Goodwill compensation in yuan"))
        self.repair_cost = QLineEdit()
        self.repair_cost.setPlaceholderText(tr("¥ estimated"))
        self.repair_cost.setAccessibleName(tr("Repair cost in yuan"))
        self.rows = {
            "override_reason": FieldRow("override_reason", self.override_reason),
            "department_id": FieldRow("department_id", self.department),
            "assignee": FieldRow("assignee", self.assignee),
            "compensation_amount": FieldRow("compensation_amount", self.compensation),
            "repair_cost": FieldRow("repair_cost", self.repair_cost),
        }
        self.fields = QFormLayout()
        self.fields.addRow(tr("Reason"), self.rows["override_reason"])
        self.fields.addRow(tr("Handled by"), self.rows["department_id"])
        self.fields.addRow(tr("Person"), self.rows["assignee"])
        self.fields.addRow(tr("Compensation"), self.rows["compensation_amount"])
        self.fields.addRow(tr("Repair cost"), self.rows["repair_cost"])
        for widget in (heading, self.verdict, self.reasons, self.within, self.beyond):
            layout.addWidget(widget)
        layout.addLayout(self.fields)

    # ----- the suggestion and the decision

    def schedule_update(self) -> None:
        self._timer.start()

    def update_now(self) -> None:
        """Assess what has been typed so far and show the verdict and the rules behind it."""
        self._timer.stop()
        intake = self.gather()
        self._answered = intake.answered_at_once
        try:
            self.assessment = authority.assess(intake)
        except Exception as err:
            if not outage.is_unreachable(err):
                raise
            outage.report(err)  # the window says the server is out of reach; the verdict waits for it
            return
        within = self.assessment.within
        if within:
            self.verdict.setObjectName("statusChip")
            self.verdict.setText(tr("Looks within your authority"))
        else:
            self.verdict.setObjectName("overdueChip")
            self.verdict.setText(tr("Looks beyond your authority"))
        self.verdict.style().unpolish(self.verdict)
        self.verdict.style().polish(self.verdict)
        self.reasons.setText("\n".join(f"• {r.text(self.lang)}" for r in self.assessment.reasons))
        firm = bool(self.assessment.firm)  # bribery, staff misconduct: no clerk decides otherwise
        if firm and self._choice:
            self._choice = None
        self.within.setEnabled(not firm)
        self.within.setToolTip(tr("No clerk settles this at the desk: it goes to the person in charge.") if firm else "")
        decided = self.decided_within()
        self._group.blockSignals(True)
        (self.within if decided else self.beyond).setChecked(True)
        self._group.blockSignals(False)
        for button in (self.within, self.beyond):
            button.setVisible(not self._answered)
        self.fields.setRowVisible(self.rows["override_reason"], decided != within)
        settle_here = decided and not self._answered
        for key in ("department_id", "assignee"):
            self.fields.setRowVisible(self.rows[key], settle_here)
        if settle_here and self.department.currentData() is None:
            default = routing.handling_department(intake)
            name = catalog.Department.get_by_id(default).name(self.lang) if default else tr("none: choose one")
            self.department.setItemText(0, fill(tr("The category's department (%1)"), name))

    def decided_within(self) -> bool:
        """The clerk's decision: their own choice, else the suggestion. Answered at once counts
        as settled by the clerk."""
        if self._answered:
            return True
        if self._choice is not None:
            return self._choice
        return self.assessment.within if self.assessment else True

    def _on_choice(self, button_id: int) -> None:
        self._choice = bool(button_id)
        if self.assessment is not None and self._choice == self.assessment.within:
            self._choice = None  # back in line with the suggestion: it follows the rules again
        self.update_now()
        if self.fields.isRowVisible(self.rows["override_reason"]):
            self.override_reason.setFocus()

    def contribute(self, intake: Intake) -> None:
        """The panel's part of the Intake the form saves."""
        intake.within_authority = None if self._answered else self._choice
        intake.override_reason = self.override_reason.text()
        intake.department_id = self.department.currentData()
        intake.assignee = self.assignee.currentText().strip()
        intake.compensation_amount = _amount(self.compensation.text())
        intake.repair_cost = _amount(self.repair_cost.text())


def _amount(text: str):
    """A valid amount as Decimal, nothing as None, anything else as typed (the models explain)."""
    text = text.strip()
    if not text:
        return None
    return text if authority.amount_problem(text) else authority.amount_or_none(text)
