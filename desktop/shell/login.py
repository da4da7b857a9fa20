"""Signing in at the desk, and on the very first start, creating the first manager account.

The messages come from models.accounts (wrong password, lockout, a taken name) and are shown
beside the field they are about. On a demo database the demo accounts are listed, so anyone
trying Slipdesk can sign in with one click.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QFrame, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QStackedWidget, QVBoxLayout, QWidget)

from desktop.shell.session import Session, setting
from forms.fields import FieldRow
from models import settings
from models.accounts import User, authenticate, create_first_manager, has_any_user
from models.errors import LoginFailed, PermissionDenied, ValidationFailed
from models.vocab import label
from models.i18n import fill

USERNAME_ROLE = Qt.ItemDataRole.UserRole + 1


class LoginDialog(QDialog):
    """Sign in; on a database without accounts, create the first manager instead."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.user: User | None = None
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Slipdesk — sign in"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(10)
        brand = QLabel("Slipdesk")
        brand.setObjectName("pageHeading")
        estate = QLabel(settings.get("estate.name") or "")
        estate.setObjectName("mutedText")
        layout.addWidget(brand)
        layout.addWidget(estate)
        self.pages = QStackedWidget()
        self.sign_in_page = self._sign_in_page()
        self.first_manager_page = self._first_manager_page()
        self.pages.addWidget(self.sign_in_page)
        self.pages.addWidget(self.first_manager_page)
        layout.addWidget(self.pages)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton(self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("primaryButton")
        self.ok_button.setDefault(True)
        layout.addWidget(self.buttons)
        self.ok_button.clicked.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.show_first_manager(not has_any_user())

    # ----- the two pages

    def _sign_in_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        form = QFormLayout()
        self.username = QLineEdit(setting("login/last_user", "") or "")
        self.username.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.username_row = FieldRow("username", self.username)
        self.password_row = FieldRow("password", self.password)
        for text, row in ((self.tr("&User name"), self.username_row), (self.tr("&Password"), self.password_row)):
            caption = QLabel(text)
            caption.setBuddy(row.editor)
            form.addRow(caption, row)
        layout.addLayout(form)
        self.demo_box = self._demo_accounts() if self.session.demo else None
        if self.demo_box is not None:
            layout.addWidget(self.demo_box)
        return page

    def _demo_accounts(self) -> QWidget:
        box = QFrame()
        box.setObjectName("formSide")
        layout = QVBoxLayout(box)
        from models.demo import DEMO_ACCOUNTS, DEMO_PASSWORD

        self.demo_caption = QLabel(fill(self.tr("Demo database — every demo account's password is %1. "
                                                "Double-click one to sign in."), DEMO_PASSWORD))
        self.demo_caption.setWordWrap(True)
        layout.addWidget(self.demo_caption)
        self.demo_list = QListWidget()
        self.demo_list.setAccessibleName(self.tr("Demo accounts"))
        for username, display, role, _work_id in DEMO_ACCOUNTS:
            item = QListWidgetItem(f"{username}  —  {display}, {label(role, self.session.lang)}")
            item.setData(USERNAME_ROLE, username)
            self.demo_list.addItem(item)
        self.demo_list.setMaximumHeight(150)
        layout.addWidget(self.demo_list)
        self.demo_password = DEMO_PASSWORD
        self.demo_list.itemClicked.connect(self._fill_demo)
        self.demo_list.itemDoubleClicked.connect(lambda item: (self._fill_demo(item), self.submit()))
        return box

    def _first_manager_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        intro = QLabel(self.tr("Welcome. This database has no accounts yet: create the first manager "
                               "account. The manager then adds the clerks and persons in charge."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.new_fields: dict[str, QLineEdit] = {}
        self.new_rows: dict[str, FieldRow] = {}
        for key, text in (("username", self.tr("User name")), ("display_name", self.tr("Full name")),
                          ("work_id", self.tr("Work ID (工号)")), ("password", self.tr("Password")),
                          ("repeat", self.tr("Repeat password"))):
            edit = QLineEdit()
            edit.setAccessibleName(text)
            if key in ("password", "repeat"):
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            self.new_fields[key] = edit
            self.new_rows[key] = FieldRow(key, edit)
            form.addRow(text, self.new_rows[key])
        layout.addLayout(form)
        return page

    def show_first_manager(self, first: bool) -> None:
        self.pages.setCurrentWidget(self.first_manager_page if first else self.sign_in_page)
        self.ok_button.setText(self.tr("Create and sign in") if first else self.tr("Sign in"))
        focus = self.new_fields["username"] if first else (self.password if self.username.text() else self.username)
        focus.setFocus()

    # ----- acting

    def _fill_demo(self, item: QListWidgetItem) -> None:
        self.username.setText(item.data(USERNAME_ROLE))
        self.password.setText(self.demo_password)

    def submit(self) -> None:
        if self.pages.currentWidget() is self.first_manager_page:
            self._create_first_manager()
        else:
            self._sign_in()

    def _sign_in(self) -> None:
        self.username_row.clear_error()
        self.password_row.clear_error()
        if not self.username.text().strip():
            self.username_row.set_error(self.tr("Enter your user name."))
            self.username.setFocus()
            return
        try:
            user = authenticate(self.username.text(), self.password.text())
        except LoginFailed as refused:
            self.password_row.set_error(str(refused))
            self.password.selectAll()
            self.password.setFocus()
            return
        if user.must_change_password and not self._new_password_chosen(user):
            self.password_row.set_error(self.tr("A manager reset this password: choose a new one to sign in."))
            return
        self._done(user)

    def _new_password_chosen(self, user: User) -> bool:
        """After a manager's reset the owner chooses a password only they know before working
        (models.staff sets the mark; changing the password clears it)."""
        from desktop.shell.password_dialog import ChangePasswordDialog

        dialog = ChangePasswordDialog(user, self)
        dialog.editors["old_password"].setText(self.password.text())
        dialog.editors["password"].setFocus()
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _create_first_manager(self) -> None:
        for row in self.new_rows.values():
            row.clear_error()
        values = {key: edit.text() for key, edit in self.new_fields.items()}
        if values["password"] != values["repeat"]:
            self.new_rows["repeat"].set_error(self.tr("The two passwords differ."))
            return
        try:
            user = create_first_manager(values["username"], values["display_name"], values["password"],
                                        values["work_id"])
        except ValidationFailed as refused:
            for key, message in refused.errors.items():
                self.new_rows.get(key, self.new_rows["username"]).set_error(message)
            return
        except PermissionDenied:  # another desk created it meanwhile: sign in instead
            self.show_first_manager(False)
            self.password_row.set_error(self.tr("The first manager account exists already: sign in."))
            return
        self._done(user)

    def _done(self, user: User) -> None:
        self.user = user
        self.session.sign_in(user)
        self.accept()


def sign_in(session: Session, parent: QWidget | None = None) -> bool:
    """Ask for a sign-in (or the first manager); True once someone is signed in."""
    dialog = LoginDialog(session, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted
