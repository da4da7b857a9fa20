"""Batch printing: the handling slips of many slips as ONE print job.

The slips and everything their forms show are read in a few queries per 500 slips, the forms
are laid out as one PDF (each slip on its own pages, numbered within the slip, the font subset
embedded once), and the prints are logged in one write transaction — each slip still gets its
own "printed" event. The desktop's batch print, `slipdesk-admin print slip N1 N2 …` and the
benchmark all go through here.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from models.accounts import User
from models.errors import SlipdeskError
from models.i18n import t
from models.slips import Slip
from printouts import data as build
from printouts.journal import record_prints
from printouts.kinds import LANGUAGES, fonts
from printouts.slip_form import render_slips
from printouts.wording import kind_label
from models.settings import document_language

KIND = "slip"


@dataclass(frozen=True)
class BatchPrintout:
    """One PDF holding the handling slips of `slip_ids` (numbered `numbers`), in that order."""
    lang: str
    slip_ids: tuple[int, ...]
    numbers: tuple[str, ...]
    pdf: bytes
    font_warning: str = ""


def make_batch(slip_ids: Sequence[int], lang: str | None = None, *, on_slip: Callable[[int], None] | None = None,
               invariant: bool = False) -> BatchPrintout:
    """The handling slips of `slip_ids`, in that order, as one PDF. `on_slip(n)` is told as the
    n-th slip is laid out (progress) and may raise to stop (cancel); nothing is logged here."""
    lang = document_language(lang)
    if lang not in LANGUAGES:
        raise ValueError(f"Unknown language {lang!r}; choose zh or en.")
    ids = tuple(dict.fromkeys(slip_ids))  # a slip selected twice prints once
    if not ids:
        raise SlipdeskError(t("Select the slips to print first."))
    numbers = {}
    for start in range(0, len(ids), build.BATCH_READ):
        chunk = ids[start:start + build.BATCH_READ]
        numbers.update(Slip.select(Slip.id, Slip.number).where(Slip.id.in_(chunk)).tuples())
    if missing := [i for i in ids if i not in numbers]:
        raise SlipdeskError(t("{count} of the selected slips no longer exist.",
                              count=len(missing)))
    font_set = fonts()
    pdf = render_slips(build.slip_sheets(ids, lang), lang, font_set, invariant, on_slip,
                       title=f"{kind_label(KIND, lang)} ×{len(ids)}")
    return BatchPrintout(lang, ids, tuple(numbers[i] for i in ids), pdf, font_set.warning)


def log_batch(batch: BatchPrintout, user: User | None, to: str) -> int:
    """Log the batch on every slip in it, in one transaction (see `journal.record_prints`)."""
    return record_prints(batch.slip_ids, user, KIND, batch.lang, to)
