"""A desk in its own process, typing a reply letter until it is killed.

    python -m tests.support.reply_driver DB USERNAME SLIP_ID TEXT_FILE

Opens the real main window signed in as USERNAME, the slip's view and, from it, the slip's
reply letter dialog; clears the first draft and types the file's text a line at a time with the
editor's own methods. Once the autosave has written the whole text it prints "autosaved <draft
id>" and keeps running — the test kills it there, as a power cut would.
"""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication


def main() -> None:
    db_path, username, slip_id, text_file = sys.argv[1:5]
    text = Path(text_file).read_text(encoding="utf-8")
    app = QApplication(sys.argv[:1])
    from desktop.shell.main_window import MainWindow
    from desktop.replies.dialogs import LetterDialog
    from desktop.shell.session import Session
    from desktop.slips.actions import open_dialog
    from models.accounts import User
    from models.connection import open_database

    open_database(db_path)
    session = Session(lang="en")
    session.sign_in(User.get(User.username == username))
    window = MainWindow(session)
    window.show()
    letter = LetterDialog(session, int(slip_id), window.open_slip(int(slip_id)))
    open_dialog(letter)
    editor = letter.editor.text

    def saved(draft_id: int) -> None:
        if editor.toPlainText() == text:
            print(f"autosaved {draft_id}", flush=True)

    letter.autosave.saved.connect(saved)
    editor.clear()
    for line in text.splitlines(keepends=True):
        editor.insertPlainText(line)
    app.exec()


if __name__ == "__main__":
    main()
