"""Why is the customer complaining? The live suggestion beside the complaint, and the seed's card.

The intake form and the slip view embed a `MotivePanel` and feed it the complaint text
(`set_text`). It shows what models.motives suggests — motive type and kind, needs, temperament —
with the words that made it say so, and the handling card the seeds teach for it (for venting:
let them finish, do not argue, acknowledge the feeling). The clerk confirms or corrects with the
choosers; until they touch one, the choice follows the suggestion. `commit` records the decision
on a saved slip (models.motives.confirm), where corrections are counted.

`exposure_changed` tells the form when threats of exposure appear or go, for the authority
preview.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QTextBrowser,
                               QVBoxLayout, QWidget)

from models import motives
from models.accounts import User
from models.errors import SlipdeskError
from models.motives import Choice, Suggestion
from models.slips import Slip
from models.i18n import fill

SUGGEST_PAUSE_MS = 300
log = logging.getLogger("slipdesk.motive_panel")


class MotivePanel(QWidget):
    choice_changed = Signal()
    exposure_changed = Signal(tuple)  # the threatening words, empty when none

    def __init__(self, lang: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.lang = lang
        self._text = ""
        self._suggestion = Suggestion()
        self._touched = False  # the clerk changed a chooser: the choice no longer follows
        self._filling = False
        self._exposure: tuple[str, ...] = ()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SUGGEST_PAUSE_MS)
        self._build()
        self._connect_signals()
        self._show_suggestion()

    @classmethod
    def attach(cls, form) -> "MotivePanel":
        """Put the panel in a SlipForm's side column: it follows the complaint as it is typed and,
        once the form has saved the slip, records the clerk's choice on it."""
        panel = cls(form.lang)
        panel.setObjectName("motivePanel")
        form.authority_slot.addWidget(panel)
        form.complaint.textChanged.connect(lambda: panel.set_text(form.complaint.toPlainText()))
        form.saved.connect(lambda slip_id: panel.record_after_save(slip_id, form.user))
        return panel

    def record_after_save(self, slip_id: int, user: User) -> None:
        """Record the motive on a slip saved a moment ago, if any is known; a refusal is logged
        (the slip itself is saved; the motive can be set from the slip view)."""
        if self._suggestion.empty and not self._touched:
            return
        try:
            self.commit(slip_id, user, expected_version=Slip.get_by_id(slip_id).version)
        except SlipdeskError:
            log.exception("motive not recorded on slip %s", slip_id)

    # --- building -------------------------------------------------------------------------------

    def _build(self) -> None:
        self.box = QGroupBox(self.tr("Why is the customer complaining? (投诉动机)"))
        self.reasons = QLabel()
        self.reasons.setObjectName("mutedText")
        self.reasons.setWordWrap(True)
        self.reasons.setAccessibleName(self.tr("Why Slipdesk suggests this"))
        self.type = self._combo(self.tr("Motive type"), "type", motives.TYPES)
        self.kind = self._combo(self.tr("Motive kind"), "kind", motives.KINDS)
        self.temperament = self._combo(self.tr("Customer type"), "temperament", motives.TEMPERAMENTS)
        self.needs = {need: QCheckBox(motives.label("need", need, self.lang)) for need in motives.NEEDS}
        needs_row = QHBoxLayout()
        for box in self.needs.values():
            box.setAccessibleName(box.text())
            needs_row.addWidget(box)
        needs_row.addStretch(1)
        self.state = QLabel()
        self.state.setObjectName("mutedText")
        form = QFormLayout()
        form.addRow(self.tr("Type"), self.type)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Needs"), needs_row)
        form.addRow(self.tr("Customer"), self.temperament)
        self.card = QTextBrowser()
        self.card.setAccessibleName(self.tr("How to handle it: the handling card"))
        self.card.setOpenLinks(False)
        self.card.setMinimumHeight(150)
        inner = QVBoxLayout(self.box)
        inner.addWidget(self.reasons)
        inner.addLayout(form)
        inner.addWidget(self.state)
        inner.addWidget(QLabel(self.tr("How to handle it")))
        inner.addWidget(self.card, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)

    def _combo(self, name: str, target: str, codes: tuple[str, ...]) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.addItem(self.tr("— not known —"), None)
        for code in codes:
            combo.addItem(motives.label(target, code, self.lang), code)
        return combo

    def _connect_signals(self) -> None:
        self._timer.timeout.connect(self.suggest_now)
        self.type.currentIndexChanged.connect(self._on_chosen)  # the type and the kind are independent lists
        self.kind.currentIndexChanged.connect(self._on_chosen)
        self.temperament.currentIndexChanged.connect(self._on_chosen)
        for box in self.needs.values():
            box.toggled.connect(self._on_chosen)

    # --- the suggestion -------------------------------------------------------------------------

    def set_text(self, text: str) -> None:
        """The complaint as typed so far; the suggestion follows after a short pause."""
        self._text = text or ""
        self._timer.start()

    def suggest_now(self) -> None:
        self._timer.stop()
        self._suggestion = motives.suggest(self._text)
        self._show_suggestion()
        exposure = self._suggestion.words_for("kind", "exposure")
        if exposure != self._exposure:
            self._exposure = exposure
            self.exposure_changed.emit(exposure)

    @property
    def suggestion(self) -> Suggestion:
        return self._suggestion

    def _show_suggestion(self) -> None:
        s = self._suggestion
        if s.empty:
            self.reasons.setText(self.tr("No motive suggested yet: the words so far are neutral."))
        else:
            parts = [f"{motives.label(m.target, m.value, self.lang)}: {'、'.join(m.words)}"
                     for m in s.matches if m.target != "card"]
            asks = [m for m in s.matches if m.target == "card"]
            parts += [f"{motives.CARDS[m.value].title(self.lang)}: {'、'.join(m.words)}" for m in asks]
            self.reasons.setText(fill(self.tr("Suggested from the words — %1"), "; ".join(parts)))
        if not self._touched:
            self._fill(Choice.of(s))
        self._show_cards()
        self._show_state()

    def _fill(self, choice: Choice) -> None:
        self._filling = True
        try:
            for combo, value in ((self.type, choice.type), (self.kind, choice.kind),
                                 (self.temperament, choice.temperament)):
                combo.setCurrentIndex(max(0, combo.findData(value)))
            for need, box in self.needs.items():
                box.setChecked(need in choice.needs)
        finally:
            self._filling = False

    def _on_chosen(self, *_args) -> None:
        if self._filling:
            return
        self._touched = True
        self._show_cards()
        self._show_state()
        self.choice_changed.emit()

    def choice(self) -> Choice:
        return Choice(self.type.currentData(), self.kind.currentData(), self.temperament.currentData(),
                      tuple(n for n, box in self.needs.items() if box.isChecked()))

    @property
    def corrected(self) -> bool:
        return self.choice() != Choice.of(self._suggestion)

    def _show_state(self) -> None:
        if self._suggestion.empty and not self._touched:
            text = ""
        elif self.corrected:
            text = self.tr("You corrected the suggestion; it is counted so the rules can be improved.")
        else:
            text = self.tr("As suggested.")
        self.state.setText(text)

    def _show_cards(self) -> None:
        choice = self.choice()
        pairs = [("type", choice.type), ("kind", choice.kind), ("temperament", choice.temperament)]
        pairs = [("card", c) for c in self._suggestion.cards if c == "boss"] + pairs
        keys = motives.cards_for(pairs)
        if not self.corrected:  # the other motives the words hint at, after the chosen one's
            keys = tuple(dict.fromkeys(keys + self._suggestion.cards))
        waiting = self.tr("The handling card appears here once a motive is known.")
        self.card.setHtml(cards_html(keys, self.lang) if keys else f"<p style='color:#666'>{waiting}</p>")

    # --- recording ------------------------------------------------------------------------------

    def commit(self, slip_id: int, user: User, *, expected_version: int) -> Slip:
        """Record the clerk's choice on the saved slip (raises models.errors as they come)."""
        return motives.confirm(slip_id, user, self.choice(), self._suggestion, expected_version=expected_version)

    def load(self, slip: Slip) -> None:
        """Show a saved slip: its complaint's suggestion and the motive recorded on it."""
        self._text = slip.complaint or ""
        self.suggest_now()
        if slip.motive_confirmed_at:
            self._touched = True
            self._fill(motives.choice_of(slip))
            self._show_cards()
            self._show_state()


def cards_html(keys: tuple[str, ...], lang: str) -> str:
    """The handling cards as rich text: title, steps, and the seed's words quoted."""
    parts = []
    for key in keys:
        card = motives.CARDS[key]
        steps = "".join(f"<li>{_esc(step)}</li>" for step in card.steps(lang))
        quotes = "".join(f"<p style='color:#555; margin-left:8px'>“{_esc(q.text)}”"
                         f"<br/><span style='color:#888'>— {_esc(q.seed)}</span></p>" for q in card.quotes)
        parts.append(f"<h4 style='margin-bottom:2px'>{_esc(card.title(lang))}</h4><ol style='margin-top:2px'>"
                     f"{steps}</ol>{quotes}")
    return "".join(parts)


def _esc(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
