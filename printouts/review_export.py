"""The review as a file: PDF for the meeting, XLSX for working the figures on."""
from __future__ import annotations

from pathlib import Path

from models import review
from printouts.data import letterhead
from printouts.review import render_review
from printouts.review_xlsx import render_review_xlsx
from models.settings import document_language

FORMATS = ("pdf", "xlsx")


def format_of(path: str | Path) -> str | None:
    """"pdf" or "xlsx" from a file name's ending; None for anything else."""
    suffix = Path(path).suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else None


def export_review(period: review.Period, fmt: str, lang: str | None = None,
                  computed: review.Review | None = None) -> bytes:
    """The review of `period` as PDF or XLSX bytes. The workbook lists every repeat unit,
    complainant and repeated complaint; the PDF the first (`review.TOP`), as the screen does."""
    lang = document_language(lang)
    if fmt == "xlsx":
        return render_review_xlsx(review.anchored(review.compute(period, top=review.WORKBOOK_TOP)), letterhead(), lang)
    return render_review(review.anchored(computed or review.compute(period)), letterhead(), lang)
