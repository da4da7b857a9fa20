"""A desk in its own process, typing a complaint into an intake form until it is killed.

    python -m tests.support.intake_driver DB USERNAME VALUES.json

Opens the real main window signed in as USERNAME, opens the intake form of the channel named in
the values file and types them in with the widgets' own methods, as the UI tests do. When the
autosave has written the draft it prints "autosaved <draft id>" and keeps running — the test
kills it there, as a power cut would.

The values file: {"channel": …, "lines": {key: text}, "texts": {key: text}, "checks": {key: bool},
"combos": {key: data}, "dates": {key: "YYYY-MM-DD"}, "outcome": "answered" | "later",
"scans": [path, …]}.
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from forms.fields import to_qdate


def type_into(form, values: dict) -> None:
    e = form.editors
    for key, text in values.get("lines", {}).items():
        e[key].setText(text)
    for key, text in values.get("texts", {}).items():
        e[key].setPlainText(text)
    for key, on in values.get("checks", {}).items():
        e[key].setChecked(on)
    for key, data in values.get("combos", {}).items():
        e[key].setCurrentIndex(e[key].findData(data))
    for key, day in values.get("dates", {}).items():
        e[key].setDate(to_qdate(dt.date.fromisoformat(day)))
    if values.get("scans"):
        e["letter_scans"].add_files(values["scans"])
    outcome = values.get("outcome")
    if outcome:
        getattr(e["outcome"], outcome).click()


def main() -> None:
    db_path, username, values_file = sys.argv[1:4]
    values = json.loads(Path(values_file).read_text(encoding="utf-8"))
    app = QApplication(sys.argv[:1])
    from desktop.shell.main_window import MainWindow
    from desktop.shell.session import Session
    from models.accounts import User
    from models.connection import open_database

    open_database(db_path)
    session = Session(lang="en")
    session.sign_in(User.get(User.username == username))
    window = MainWindow(session)
    window.show()
    intake = window.new_slip(values["channel"])
    intake.autosave.saved.connect(lambda draft_id: print(f"autosaved {draft_id}", flush=True))
    type_into(intake.form, values)
    app.exec()


if __name__ == "__main__":
    main()
