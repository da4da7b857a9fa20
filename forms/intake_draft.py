"""An intake form as a draft and back: what `SlipForm` holds, written by forms.autosave and put
back into a fresh form after a crash, exactly as the clerk left it.

The draft is the form's `Intake` (what the models would save, scanned letter bytes included)
plus what the form shows but an Intake leaves out until it matters: the outcome chosen so far,
the deadline and reply method typed before "reply later" was chosen, and the customer's motive
when the clerk corrected the suggestion.
"""
from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtWidgets import QComboBox

from forms.autosave import Autosave
from forms.fields import from_qdatetime, to_qdate, to_qdatetime
from forms.intake import SlipForm
from models.accounts import User
from models.intake import LetterScan

LINES = ("unit_code", "complainant_name", "phone", "email", "address", "caller_number", "book_entry_ref",
         "sender_address")
TEXTS = ("complaint", "answer_note", "customer_request")
CHECKS = ("read_back", "urgent", "calmed", "quiet_place", "thanked", "contact_left", "no_return_address")
DATES = ("book_entry_date", "letter_received", "letter_date")


def kind(channel: str) -> str:
    return f"intake:{channel}"


def state(form: SlipForm) -> dict[str, Any]:
    """Everything the form shows, as models.drafts stores it."""
    values = dataclasses.asdict(form.intake())
    e = form.editors
    motive = form.motive_panel
    values["form"] = {
        "outcome": e["outcome"].choice(),
        "deadline": from_qdatetime(e["deadline"].dateTime()),
        "preferred_reply": e["preferred_reply"].currentData() or "",
        "after_hours_ok": e["after_hours_ok"].isChecked(),
        "motive": dataclasses.asdict(motive.choice()) if motive.corrected else None,
    }
    return values


def fill(form: SlipForm, values: dict[str, Any]) -> None:
    """Put a draft back into a fresh form of its channel."""
    e = form.editors
    shown = values.get("form", {})
    for key in LINES:
        if key in e and values.get(key) is not None:
            e[key].setText(values[key])
    for key in TEXTS:
        if key in e and values.get(key):
            e[key].setPlainText(values[key])
    for key in CHECKS:
        if key in e:
            e[key].setChecked(bool(values.get(key)))
    for key in DATES:
        if key in e:
            e[key].setDate(to_qdate(values.get(key)))
    if "call_time" in e and values.get("call_time"):
        e["call_time"].setDateTime(to_qdatetime(values["call_time"]))
    if "transferred_to" in e:
        e["transferred_to"].setCurrentText(values.get("transferred_to") or "")
    _choose(e["complainant_title"], values.get("complainant_title") or "")
    _choose(e["category_id"], values.get("category_id"))
    _fill_named_call(form, values)
    for scan in values.get("letter_scans") or []:
        e["letter_scans"].add_scan(LetterScan(scan["filename"], scan["data"]))
    _fill_outcome(form, values, shown)
    _fill_authority(form, values)
    _fill_motive(form, shown.get("motive"))


def _fill_named_call(form: SlipForm, values: dict[str, Any]) -> None:
    """Whom the customer asked for, and the calls already made (they are not made again)."""
    panel = getattr(form, "named_call_panel", None)
    if panel is None or not (values.get("named_person") or "").strip():
        return
    from forms.named_call_panel import EVERYONE

    _choose(panel.person, values.get("named_user_id") or EVERYONE)
    panel.calls = [int(i) for i in values.get("named_calls") or []]


def _fill_outcome(form: SlipForm, values: dict[str, Any], shown: dict[str, Any]) -> None:
    e = form.editors
    if shown.get("deadline"):
        e["deadline"].setDateTime(to_qdatetime(shown["deadline"]))
    if "preferred_reply" in shown:
        _choose(e["preferred_reply"], shown["preferred_reply"])
    e["after_hours_ok"].setChecked(bool(shown.get("after_hours_ok")))
    choice = shown.get("outcome", "")
    if choice == "answered":
        e["outcome"].answered.setChecked(True)
    elif choice == "later":
        e["outcome"].later.setChecked(True)
    if values.get("answer_note"):
        form.answer_note.setPlainText(values["answer_note"])


def _fill_authority(form: SlipForm, values: dict[str, Any]) -> None:
    """The clerk's decision on the authority panel, taken against the restored facts."""
    panel = form.authority_panel
    panel.update_now()
    decided = values.get("within_authority")
    if decided is not None and panel.decided_within() != decided:
        (panel.within if decided else panel.beyond).click()
    panel.override_reason.setText(values.get("override_reason") or "")
    _choose(panel.department, values.get("department_id"))
    panel.assignee.setCurrentText(values.get("assignee") or "")
    for editor, key in ((panel.compensation, "compensation_amount"), (panel.repair_cost, "repair_cost")):
        amount = values.get(key)
        editor.setText("" if amount is None else str(amount))
    panel.update_now()


def _fill_motive(form: SlipForm, motive: dict[str, Any] | None) -> None:
    panel = form.motive_panel
    panel.set_text(form.complaint.toPlainText())
    panel.suggest_now()
    if not motive:
        return
    for combo, value in ((panel.type, motive["type"]), (panel.kind, motive["kind"]),
                         (panel.temperament, motive["temperament"])):
        _choose(combo, value)
    for need, box in panel.needs.items():
        box.setChecked(need in motive["needs"])


def keep(form: SlipForm, user: User, draft_id: int | None = None) -> Autosave:
    """Autosave this form: on every change the clerk makes, and on the motive they correct."""
    autosave = Autosave(user, kind(form.channel), lambda: state(form), draft_id=draft_id, parent=form)
    form.intake_changed.connect(autosave.changed)
    form.motive_panel.choice_changed.connect(autosave.changed)
    return autosave


def _choose(combo: QComboBox, data: Any) -> None:
    index = combo.findData(data)
    if index >= 0:
        combo.setCurrentIndex(index)
