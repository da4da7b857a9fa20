"""A reply being recorded, or a reply letter being drafted, as a draft and back: written by
forms.autosave as the clerk types, put back into a fresh dialog of the same slip after a crash,
exactly as typed.

The draft carries the slip's version the text was typed against. A restored form works from
that version, so a slip changed at another desk since is caught by the save's optimistic lock
(models.changes.stale) like any other late save, and the clerk's text stays in the form.
"""
from __future__ import annotations

from typing import Any

from forms.autosave import Autosave
from forms.fields import from_qdatetime, to_qdatetime
from forms.reply_form import LetterEditor, ReplyForm
from models.accounts import User
from models.slips import Slip

REPLY = "reply"
LETTER = "letter"
KINDS = (REPLY, LETTER)


def letter_values(editor: LetterEditor) -> dict[str, Any]:
    return {"text": editor.text.toPlainText(), "method": editor.method.currentData(),
            "lang": editor.letter_lang.currentData()}


def fill_letter(editor: LetterEditor, values: dict[str, Any]) -> None:
    _choose(editor.method, values.get("method"))
    _choose(editor.letter_lang, values.get("lang"))
    editor.text.setPlainText(values.get("text", ""))


def reply_values(form: ReplyForm) -> dict[str, Any]:
    """Everything the reply form shows: each method's questions, whichever is chosen now."""
    return {
        "method": form.chosen_method, "at": from_qdatetime(form.at.dateTime()), "replier": form.replier.text(),
        "line": form.line.currentData(), "identity_stated": form.identity_stated.isChecked(),
        "recording_kept": form.recording_kept.isChecked(), "place": form.place.text(),
        "appointment_agreed": form.appointment_agreed.isChecked(),
        "staff": [[row.name.currentText(), row.work_id.text()] for row in form.staff],
        "signed_by": form.signed_by.text(), "summary": form.summary.toPlainText(),
        "opinion": form.opinion.choice(), "customer_words": form.words.toPlainText(),
        "letter": letter_values(form.letter),
    }


def fill_reply(form: ReplyForm, values: dict[str, Any]) -> None:
    _choose(form.method, values.get("method"))
    if values.get("at"):
        form.at.setDateTime(to_qdatetime(values["at"]))
    form.replier.setText(values.get("replier", ""))
    _choose(form.line, values.get("line"))
    form.identity_stated.setChecked(bool(values.get("identity_stated")))
    form.recording_kept.setChecked(bool(values.get("recording_kept")))
    form.place.setText(values.get("place", ""))
    form.appointment_agreed.setChecked(bool(values.get("appointment_agreed")))
    for row, (name, work_id) in zip(form.staff, values.get("staff", [])):
        row.name.setCurrentText(name)
        row.work_id.setText(work_id)
    form.signed_by.setText(values.get("signed_by", ""))
    form.summary.setPlainText(values.get("summary", ""))
    if values.get("opinion"):
        form.opinion.choose(values["opinion"])
    form.words.setPlainText(values.get("customer_words", ""))
    fill_letter(form.letter, values.get("letter", {}))


def state(slip: Slip, values: dict[str, Any]) -> dict[str, Any]:
    """The draft: which slip and version, whom it is about (for the list of unsaved forms), what was typed."""
    return {"number": slip.number, "version": slip.version,
            "about": {"complainant_name": slip.complainant_name, "unit_code": slip.unit_code,
                      "complaint": slip.complaint},
            "values": values}


def work_from(slip: Slip, draft_state: dict[str, Any]) -> None:
    """The restored form saves against the version its text was typed on (see the module's note)."""
    slip.version = draft_state.get("version", slip.version)


def keep_reply(form: ReplyForm, user: User, draft_id: int | None = None) -> Autosave:
    """Autosave the reply form on every change: its questions, the opinion, the staff, the letter."""
    autosave = Autosave(user, REPLY, lambda: state(form.slip, reply_values(form)), slip_id=form.slip.id,
                        draft_id=draft_id, parent=form)
    for row in {id(row): row for row in form.rows.values()}.values():
        row.edited.connect(autosave.changed)
    _watch_letter(form.letter, autosave)
    return autosave


def keep_letter(editor: LetterEditor, user: User, draft_id: int | None = None) -> Autosave:
    """Autosave the letter as it is typed; its kind and language too."""
    autosave = Autosave(user, LETTER, lambda: state(editor.slip, letter_values(editor)), slip_id=editor.slip.id,
                        draft_id=draft_id, parent=editor)
    editor.edited.connect(autosave.changed)
    _watch_letter(editor, autosave)
    return autosave


def _watch_letter(editor: LetterEditor, autosave: Autosave) -> None:
    editor.method.currentIndexChanged.connect(autosave.changed)
    editor.letter_lang.currentIndexChanged.connect(autosave.changed)


def _choose(combo, data: Any) -> None:
    index = combo.findData(data)
    if index >= 0:
        combo.setCurrentIndex(index)
