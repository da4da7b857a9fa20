"""The print actions a slip offers, for the slip view's action bar (a `desktop.slips.actions` provider).

Which printouts apply follows the slip: a letter complaint is answered by letter (reply
letter, handwriting sheet, envelope), a comment-book entry by a strip pasted beside it, an
on-site complainant takes a receipt, an escalated slip goes up with its transmittal. The
handling slip itself can always be printed. In the slip view, several printouts share one
Print button with a menu: a letter slip's six pushed the slip's other actions off the bar.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from desktop.slips.printing import print_document
from models.transmittals import goes_up
from models.vocab import Channel, ReplyMethod
from models.i18n import is_chinese
from forms.translation import translator

SAVED = "saved"  # the page shown right after intake saved a new slip


_tr = translator("PrintActions")


def printouts_for(slip, place: str = "view") -> list[tuple[str, str, dict]]:
    """(kind, lang, options) of each printout that applies to `slip` where the actions show."""
    if place == SAVED:
        wanted = [("receipt", "zh", {})] if slip.channel == Channel.ONSITE else []
        return wanted + [("slip", "zh", {})]
    wanted = [("slip", "zh", {})]
    by_letter = slip.channel == Channel.LETTER or slip.preferred_reply == ReplyMethod.LETTER
    if by_letter:
        wanted += [("letter", "zh", {}), ("letter", "en", {}), ("sheet", "zh", {}),
                   ("label", "zh", {"size": "DL"}), ("label", "zh", {"size": "C5"})]
    if slip.channel == Channel.BOOK:
        wanted.append(("book-reply", "zh", {}))
    if slip.channel in (Channel.ONSITE, Channel.PHONE):
        wanted.append(("receipt", "zh", {}))
    if goes_up(slip):
        wanted.append(("transmittal", "zh", {}))
    return wanted


def _label(kind: str, lang: str, options: dict) -> str:
    names = {
        "slip": _tr("Print handling slip…"),
        "letter": _tr("Print reply letter…") if is_chinese(lang) else _tr("Print reply letter (English)…"),
        "sheet": _tr("Print handwriting sheet…"),
        "label": _tr("Print envelope ({size})…").format(size=options.get("size", "DL")),
        "book-reply": _tr("Print comment-book reply strip…"),
        "receipt": _tr("Print receipt…"),
        "transmittal": _tr("Print escalation transmittal…"),
    }
    return names[kind]


def slip_actions(context: Any) -> list[QAction]:
    """Provider for desktop.slips.actions: context has .slip, .session, .parent and .place."""
    actions = []
    for kind, lang, options in printouts_for(context.slip, context.place):
        action = QAction(_label(kind, lang, options), context.parent)
        action.setObjectName(f"print-{kind}-{lang}-{options.get('size', '')}".rstrip("-"))
        slip_id = context.slip.id
        action.triggered.connect(
            lambda _checked=False, k=kind, la=lang, o=options: print_document(
                context.parent, k, slip_id, la, context.session.user, **o))
        actions.append(action)
    if context.place == SAVED or len(actions) < 2:
        return actions
    return [_one_button(actions, context.parent)]


def _one_button(actions: list[QAction], parent: QWidget) -> QAction:
    """`actions` as the menu of one Print action (the slip view shows it as a menu button)."""
    grouped = QAction(_tr("Print"), parent)
    grouped.setObjectName("print-menu")
    menu = QMenu(parent)
    menu.setObjectName("printMenu")
    menu.addActions(actions)
    grouped.setMenu(menu)
    return grouped
