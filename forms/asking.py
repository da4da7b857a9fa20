"""Every question put to the user and every message box, in one module: confirmations, file and
folder choosers, the printer, a reason typed in, warnings and notes. The rest of the program
calls these functions and never QMessageBox, QFileDialog or QInputDialog itself, so tests have
one module to patch (`monkeypatch.setattr(asking, "discard", ...)`).

It lives in forms/ because forms ask too (a scanned letter, a reason, a flagged letter) and forms
may not import desktop/; desktop/ imports it from here.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from forms.fields import counted
from models import backup
from models.i18n import fill
from models.vocab import reply_label
from forms.translation import translator

Icon = QMessageBox.Icon
Role = QMessageBox.ButtonRole
Button = QMessageBox.StandardButton


_tr = translator("Asking")


# ----- the few ways of asking; the questions below are made of them

def _yes(parent: QWidget | None, title: str, text: str, yes: Button = Button.Yes, no: Button = Button.No,
         default: Button | None = None) -> bool:
    """A question with two standard buttons: whether `yes` was pressed."""
    answer = QMessageBox.question(parent, title, text, yes | no, no if default is None else default)
    return answer == yes


def choose(parent: QWidget | None, icon: Icon, title: str, text: str, buttons: list[tuple[str, Role]],
           default: int | None = 0) -> int:
    """A modal box with buttons of our own words: the index of the one pressed (-1: closed)."""
    box = QMessageBox(icon, title, text, Button.NoButton, parent)
    made = [box.addButton(label, role) for label, role in buttons]
    if default is not None:
        box.setDefaultButton(made[default])
    box.exec()
    return made.index(box.clickedButton()) if box.clickedButton() in made else -1


def _text(parent: QWidget | None, title: str, label: str, suggested: str = "") -> str | None:
    """A line typed in; None when cancelled."""
    text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, suggested)
    return text if ok else None


def _open_path(parent: QWidget | None, title: str, start: str, filters: str) -> str:
    path, _filter = QFileDialog.getOpenFileName(parent, title, start, filters)
    return path


def _save_path(parent: QWidget | None, title: str, suggested: str, filters: str = "",
               confirm_overwrite: bool = True) -> str:
    if confirm_overwrite:
        path, _filter = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    else:
        path, _filter = QFileDialog.getSaveFileName(parent, title, suggested, filters,
                                                    options=QFileDialog.Option.DontConfirmOverwrite)
    return path


def _folder(parent: QWidget | None, title: str, current: str = "") -> str:
    return QFileDialog.getExistingDirectory(parent, title, current)


# ----- messages

def warn(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def about(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.about(parent, title, text)


def tell(icon: Icon, title: str, text: str) -> None:
    """A message at start-up, before any window (tests replace this function)."""
    QMessageBox(icon, title, text).exec()


def warn_later(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    """A warning that does not wait for its answer: whatever runs goes on (a failed backup)."""
    box = QMessageBox(Icon.Warning, title, text, Button.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def standing(parent: QWidget | None, title: str, text: str, yes: str, no: str,
             answered: Callable[[bool], None], name: str = "") -> QMessageBox:
    """A box that stays on top without blocking anyone until answered: `answered(yes pressed)`."""
    box = QMessageBox(Icon.Information, title, text, Button.NoButton, parent)
    box.setObjectName(name)
    accept = box.addButton(yes, Role.AcceptRole)
    box.addButton(no, Role.RejectRole)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
    box.buttonClicked.connect(lambda button: answered(button is accept))
    box.show()
    box.raise_()
    return box


# ----- confirmations

DISCARD = {  # what is thrown away → the asking screen's context, the title, the text for one, for several (%1)
    "complaint": ("IntakeWindow", QT_TRANSLATE_NOOP("IntakeWindow", "Discard this complaint?"),
                  QT_TRANSLATE_NOOP("IntakeWindow", "The complaint has not been saved. Close the form and lose "
                                                    "what was typed?"), ""),
    "corrections": ("SlipEdit", QT_TRANSLATE_NOOP("SlipEdit", "Discard your corrections?"),
                    QT_TRANSLATE_NOOP("SlipEdit", "Your corrections to this slip have not been saved. Close and "
                                                  "lose them?"), ""),
    "reply": ("ReplyDialogs", QT_TRANSLATE_NOOP("ReplyDialogs", "Discard what you typed?"),
              QT_TRANSLATE_NOOP("ReplyDialogs", "The reply has not been recorded. Close and lose what was typed?"),
              ""),
    "drafts": ("DraftsDialog", QT_TRANSLATE_NOOP("DraftsDialog", "Discard unsaved forms?"),
               QT_TRANSLATE_NOOP("DraftsDialog", "The unsaved form will be deleted for good. Nothing of it was "
                                                 "saved as a slip."),
               QT_TRANSLATE_NOOP("DraftsDialog", "%1 unsaved forms will be deleted for good. Nothing of them was "
                                                 "saved as a slip.")),
}


def discard(parent: QWidget | None, what: str, count: int = 1) -> bool:
    """Whether to throw away what was typed: `what` is a DISCARD key (`count` forms, for drafts)."""
    context, *texts = DISCARD[what]
    title, one, many = (QCoreApplication.translate(context, text) for text in texts)
    return _yes(parent, title, counted(count, one, many) if many else one, Button.Discard, Button.Cancel)


def letter_sent(parent: QWidget | None, letter) -> bool:
    """Confirm the approved letter (a replies.Letter) went into the post now."""
    return _yes(parent, _tr("Letter sent"), fill(_tr(
        "Record that the approved %1 was sent now? After a letter, a thank-you follow-up is put on the "
        "dashboard for when the customer has it."), reply_label(letter.method)), default=Button.Yes)


def remove_resident(parent: QWidget | None, name: str) -> bool:
    return _yes(parent, _tr("Remove resident"), fill(
        _tr("Take %1 off the directory? Slips keep the details written on them."), name), no=Button.Cancel)


def withdraw_answer(parent: QWidget | None) -> bool:
    return _yes(parent, _tr("Withdraw the answer"),
                _tr("Withdraw this answer from the library? Its versions stay on file."), default=Button.NoButton)


def restart(parent: QWidget | None) -> bool:
    """Whether to restart now to open the chosen database."""
    return _yes(parent, _tr("Database chosen"), _tr(
        "Slipdesk opens this database from its next start. Restart Slipdesk now? Save your open forms first."))


def confirm(parent: QWidget | None, title: str, text: str, details: str) -> bool:
    """Ask before saving, the details folded away."""
    box = QMessageBox(Icon.Question, title, text, Button.Save | Button.Cancel, parent)
    box.setDetailedText(details)
    box.setDefaultButton(Button.Save)
    return box.exec() == Button.Save


def submit_with_flags(parent: QWidget | None, flags: list) -> bool:
    """The letter holds flagged wording: show every flag before it goes to the person in charge
    and ask whether to submit as it is; False = rewrite first."""
    from forms.phrase_check import flag_text, flags_summary

    text = flags_summary(flags) + "\n\n" + "\n".join(f"• {flag_text(flag)}" for flag in flags)
    return choose(parent, Icon.Warning, _tr("Submit the letter?"), text, [
        (_tr("&Rewrite first"), Role.RejectRole),
        (_tr("&Submit as it is: the person in charge sees the flags"), Role.AcceptRole)]) != 0


def _backup_time(path: Path) -> str:
    stamp = path.name[len(backup.PREFIX):len(backup.PREFIX) + 15]
    try:
        return time.strftime("%Y-%m-%d %H:%M", time.strptime(stamp, "%Y%m%d-%H%M%S"))
    except ValueError:
        return path.name


def restore(path: Path, problem: str, candidate: Path, slips: int) -> bool:
    """Whether to put the last good backup `candidate` in place of the damaged file at `path`."""
    return choose(None, Icon.Critical, _tr("The database is damaged"), fill(_tr(
        "Slipdesk checked the database before opening it and found it damaged:\n%1\n\n"
        "The last good backup is from %2 (%3 slips). Restore it and start? The damaged file is kept "
        "beside it (…before-restore-…) for your administrator. Slips saved after that backup are not in it."),
        problem, _backup_time(candidate), f"{slips:,}"),
        [(_tr("Restore the backup"), Role.AcceptRole), (_tr("Quit"), Role.RejectRole)]) == 0


def restart_to_restore(parent: QWidget | None, problem: str) -> bool:
    """Whether to restart now and restore the last good backup."""
    return choose(parent, Icon.Critical, _tr("The database is damaged"), fill(_tr(
        "Slipdesk checked the whole database while you worked and found it damaged:\n%1\n\n"
        "Restart Slipdesk now to restore the last good backup? Slipdesk checks the database again as it "
        "starts and offers the backup. Until then, what this desk shows may be wrong."), problem),
        [(_tr("Restart and restore"), Role.AcceptRole), (_tr("Later"), Role.RejectRole)]) == 0


def another_database(text: str) -> bool:
    """The database did not open (`text` says why): whether to choose another, else quit."""
    return choose(None, Icon.Critical, _tr("Slipdesk cannot start"), text, [
        (_tr("Choose another database…"), Role.ActionRole), (_tr("Quit"), Role.RejectRole)], default=None) == 0


# ----- reasons typed in

def return_reason(parent: QWidget | None, number: str) -> str | None:
    """The reason to give the clerk for slip `number`; None when the person in charge cancels."""
    return _text(parent, _tr("Return to the clerk"),
                 fill(_tr("Why does slip %1 not go up? The clerk sees this:"), number),
                 _tr("Within the desk's authority: assign it for handling directly."))


def read_note(parent: QWidget | None) -> str | None:
    """Why a comment-book entry needs nothing done; None when cancelled."""
    return _text(parent, _tr("Read, nothing to do"),
                 _tr("What does the entry say, and why does it need nothing more?"))


def agreement(parent: QWidget | None, slip) -> tuple[str, str] | None:
    """Who agreed to calls outside office hours, and a note; None = cancelled."""
    name = _text(parent, _tr("Calls outside office hours"), _tr(
        "The customer agreed beforehand to be called outside office hours (经客户事先许可). Who agreed?"),
        slip.complainant_name)
    return None if name is None else (name, "")


def impossible_reason(parent: QWidget | None) -> str | None:
    """Why the customer cannot be thanked again; None when cancelled."""
    return _text(parent, _tr("Thanking again is impossible"),
                 _tr("Why can the customer not be thanked again (no phone or e-mail, not reachable, …)?"))


# ----- files, folders and the printer ("" when cancelled)

def printer(parent: QWidget | None):
    """The print dialog: the QPrinter the clerk chose, or None when they cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # loaded when first printing

    chosen = QPrinter(QPrinter.PrinterMode.HighResolution)
    return chosen if QPrintDialog(chosen, parent).exec() == QDialog.DialogCode.Accepted else None


def pdf_path(parent: QWidget | None, suggested: str) -> str:
    return _save_path(parent, _tr("Save as PDF"), suggested, _tr("PDF files (*.pdf)"))


def export_path(parent: QWidget | None, suggested: str) -> str:
    """Where to write the slips' export."""
    return _save_path(parent, _tr("Export slips"), suggested, _tr("Excel workbook (*.xlsx);;CSV file (*.csv)"))


def review_path(parent: QWidget | None, suggested: str, fmt: str) -> str:
    """Where to write the review's export (`fmt` pdf or xlsx)."""
    return _save_path(parent, _tr("Export the review"), suggested,
                      "PDF (*.pdf)" if fmt == "pdf" else "Excel (*.xlsx)")


def copy_path(parent: QWidget | None, suggested: str) -> str:
    """Where to save a copy of an attachment."""
    return _save_path(parent, _tr("Save a copy"), suggested)


def report_path(parent: QWidget | None, suggested: str) -> str:
    """Where to save the import's problem report."""
    return _save_path(parent, _tr("Save the problem report"), suggested, _tr("CSV files (*.csv)"))


def database_file(parent: QWidget | None, current: str) -> str:
    """A database file to open or create."""
    return _save_path(parent, _tr("Database file"), current, _tr("Slipdesk database (*.db);;All files (*)"),
                      confirm_overwrite=False)


def import_path(parent: QWidget | None) -> str:
    """The residents' file to import."""
    return _open_path(parent, _tr("Import residents"), "", _tr("Spreadsheets (*.xlsx *.csv);;All files (*)"))


def calendar_file(parent: QWidget | None) -> str:
    return _open_path(parent, _tr("Open the notice or a calendar file"), "",
                      _tr("Notice text, iCalendar or CSV (*.txt *.ics *.csv);;All files (*)"))


def logo_path(parent: QWidget | None) -> str:
    return _open_path(parent, _tr("Choose the logo"), "", _tr("PNG or JPEG images (*.png *.jpg *.jpeg)"))


def font_path(parent: QWidget | None, current: str) -> str:
    return _open_path(parent, _tr("Choose the printing font"), current, _tr("TrueType fonts (*.ttf *.ttc)"))


def scan_files(parent: QWidget | None) -> list[str]:
    """The scanned letter's files."""
    paths, _filter = QFileDialog.getOpenFileNames(
        parent, _tr("Attach the scanned letter"), "",
        _tr("Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;All files (*)"))
    return paths


def backup_folder(parent: QWidget | None, current: str) -> str:
    """The folder the desk's backups go to."""
    return _folder(parent, _tr("Backup folder"), current)


def copy_backup_to(parent: QWidget | None) -> str:
    """The folder or drive to copy the latest backup to."""
    return _folder(parent, _tr("Copy the latest backup to…"))
