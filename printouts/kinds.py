"""Every printout by name: read the slip, build the data, render the PDF — one call for the
admin command, the desktop and the benchmark alike."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from models import settings
from models.slips import Slip
from models.transmittals import require_goes_up
from printouts import data as build
from printouts.book_reply import render_book_reply
from printouts.envelope import SIZES, render_label
from printouts.fonts import FontSet, cjk_fonts
from printouts.letter import render_letter
from printouts.receipt import render_receipt
from printouts.sheet import render_sheet
from printouts.slip_form import render_slip
from printouts.transmittal import render_transmittal
from printouts.wording import kind_label
from models.settings import document_language

KINDS = ("letter", "slip", "transmittal", "receipt", "book-reply", "sheet", "label")
LANGUAGES = ("zh", "en")
ENVELOPE_SIZES = tuple(SIZES)


@dataclass(frozen=True)
class Printout:
    kind: str
    lang: str
    number: str
    pdf: bytes
    draft: bool = False
    font_warning: str = ""

    @property
    def filename(self) -> str:
        return f"{self.number}-{self.kind}-{self.lang}.pdf"

    def title(self, lang: str | None = None) -> str:
        return f"{kind_label(self.kind, lang or self.lang)} {self.number}"


def fonts() -> FontSet:
    """The fonts for this database's settings (the estate may name its own font file)."""
    return cjk_fonts(settings.get("printing.font_path") or "")


def make(kind: str, slip: Slip, lang: str | None = None, *, body: str | None = None, size: str = "DL",
         invariant: bool = False) -> Printout:
    """The printout `kind` of `slip` in `lang`. `body` is the letter text (letters: any text but the
    supervisor-approved one prints as a DRAFT) or the write-back text (the comment-book strip,
    before the write-back is recorded). `size` is the envelope size (labels only)."""
    lang = document_language(lang)
    if kind not in KINDS:
        raise ValueError(f"Unknown printout {kind!r}; choose one of {', '.join(KINDS)}.")
    if lang not in LANGUAGES:
        raise ValueError(f"Unknown language {lang!r}; choose zh or en.")
    if kind == "transmittal":
        require_goes_up(slip)
    font_set = fonts()
    draft = False
    if kind == "letter":
        letter = build.letter_data(slip, lang, body)
        draft = letter.draft
        pdf = render_letter(letter, font_set, invariant)
    else:
        renderer: Callable[[], bytes] = {
            "slip": lambda: render_slip(build.slip_sheet_data(slip, lang), font_set, invariant),
            "transmittal": lambda: render_transmittal(build.transmittal_data(slip, lang), font_set, invariant),
            "receipt": lambda: render_receipt(build.receipt_data(slip, lang), font_set, invariant),
            "book-reply": lambda: render_book_reply(build.book_reply_data(slip, lang, body), font_set, invariant),
            "sheet": lambda: render_sheet(build.sheet_data(slip, lang), font_set, invariant),
            "label": lambda: render_label(build.label_data(slip, lang, size), font_set, invariant),
        }[kind]
        pdf = renderer()
    return Printout(kind, lang, slip.number, pdf, draft, font_set.warning)
