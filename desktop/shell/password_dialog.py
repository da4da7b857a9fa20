"""File › Change my password…: any signed-in user replaces their password, typing the present
one first (a desk left signed in must not let a passer-by take the account over). After a
manager reset the password, the dialog says why it is asked for."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from forms.error_placing import ErrorPlacing
from forms.fields import FieldRow, plain_text
from models import staff
from models.accounts import User
from models.errors import SlipdeskError
from models.i18n import fill

FIELDS = ("old_password", "password", "repeat")


class ChangePasswordDialog(QDialog, ErrorPlacing):
    def __init__(self, user: User, parent: QWidget | None = None):
        super().__init__(parent)
        self.user = user
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("Change my password"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        stored = User.get_or_none(User.id == user.id)
        intro = QLabel(self.tr("A manager reset your password: choose one only you know.")
                       if stored is not None and stored.must_change_password
                       else fill(self.tr("Signed in as %1."), f"{user.display_name} ({user.username})"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        captions = {"old_password": self.tr("&Present password"), "password": self.tr("&New password"),
                    "repeat": self.tr("&Repeat new password")}
        self.editors: dict[str, QLineEdit] = {}
        self.rows: dict[str, FieldRow] = {}
        form = QFormLayout()
        for key in FIELDS:
            edit = QLineEdit()
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setAccessibleName(plain_text(captions[key]))
            self.editors[key] = edit
            self.rows[key] = FieldRow(key, edit)
            caption = QLabel(captions[key])
            caption.setBuddy(edit)
            form.addRow(caption, self.rows[key])
        layout.addLayout(form)
        self.message = self.general_error = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton(self.tr("&Change password"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("primaryButton")
        self.ok_button.setDefault(True)
        layout.addWidget(self.buttons)
        self.ok_button.clicked.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.editors["old_password"].setFocus()

    def submit(self) -> bool:
        """Change it; a refusal shows beside its field and keeps what was typed."""
        self.clear_errors()
        values = {key: edit.text() for key, edit in self.editors.items()}
        if values["password"] != values["repeat"]:
            self.rows["repeat"].set_error(self.tr("The two passwords differ."))
            self.editors["repeat"].setFocus()
            return False
        try:
            staff.change_own_password(self.user, values["old_password"], values["password"])
        except SlipdeskError as refused:
            self.refused(refused)
            return False
        self.accept()
        return True

    def row_for(self, key: str) -> FieldRow:
        """A message for no field here is about the new password."""
        return self.rows.get(key, self.rows["password"])


def change_password(user: User | None, parent: QWidget | None = None) -> bool:
    """Ask the signed-in user for a new password; True once it is changed."""
    if user is None:
        return False
    return ChangePasswordDialog(user, parent).exec() == QDialog.DialogCode.Accepted
