"""The customer's motive on a saved slip: the motive panel with a Confirm button.

For slips taken down without the panel (or to correct it later): the panel shows the suggestion
from the complaint and the motive recorded, the clerk confirms or corrects, and
models.motives.confirm records it (a correction is counted for the manager's rules page).
"""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop.shell.layout_memory import remember
from desktop.shell.session import Session
from forms.fields import refusal_text
from forms.motive_panel import MotivePanel
from models.errors import SlipdeskError
from models.slips import Slip
from models.i18n import fill


class MotiveDialog(QDialog):
    def __init__(self, session: Session, slip_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.slip = Slip.get_by_id(slip_id)
        self.setWindowTitle(fill(self.tr("Customer's motive — %1"), self.slip.number))
        complaint = QLabel(self.slip.complaint)
        complaint.setWordWrap(True)
        complaint.setAccessibleName(self.tr("The complaint"))
        self.panel = MotivePanel(session.lang)
        self.panel.load(self.slip)
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm = self.buttons.addButton(self.tr("Confirm"), QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        layout.addWidget(complaint)
        layout.addWidget(self.panel, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        remember(self, "motive_dialog", default_size=(640, 720))

    def save(self) -> None:
        try:
            self.panel.commit(self.slip.id, self.session.user, expected_version=self.slip.version)
        except SlipdeskError as refused:
            self.message.setText(refusal_text(refused))
            return
        self.session.announce_slip_saved(self.slip.id)
        self.accept()
