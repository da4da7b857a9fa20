"""Reading a printout back as a person's tools would: poppler's pdftotext and pdffonts, pypdf."""
from __future__ import annotations

import io
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader


def _with_file(pdf: bytes, *command: str) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "printout.pdf"
        path.write_bytes(pdf)
        return subprocess.run([*command, str(path), *(["-"] if command[0] == "pdftotext" else [])],
                              capture_output=True, text=True, check=True).stdout


def text(pdf: bytes, *options: str) -> str:
    return _with_file(pdf, "pdftotext", "-enc", "UTF-8", *options)


def flat(value: str) -> str:
    """Without any whitespace: Chinese text is compared character by character."""
    return re.sub(r"\s+", "", value)


def pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


@dataclass(frozen=True)
class FontRow:
    name: str
    type: str
    embedded: bool
    subset: bool


def fonts(pdf: bytes) -> list[FontRow]:
    rows = []
    for line in _with_file(pdf, "pdffonts").splitlines()[2:]:
        parts = line.split()
        # name, type (one or two words), encoding, emb, sub, uni, object, id
        emb, sub = parts[-5], parts[-4]
        rows.append(FontRow(parts[0], " ".join(parts[1:-6]), emb == "yes", sub == "yes"))
    return rows


@dataclass(frozen=True)
class Word:
    page: int
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


def words(pdf: bytes) -> tuple[list[tuple[float, float]], list[Word]]:
    """Page sizes and every word with its box (points, origin top-left), from pdftotext -bbox."""
    html = text(pdf, "-bbox")
    sizes, found = [], []
    for page_match in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S):
        sizes.append((float(page_match.group(1)), float(page_match.group(2))))
        for w in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
                             page_match.group(3)):
            found.append(Word(len(sizes), w.group(5), *map(float, w.group(1, 2, 3, 4))))
    return sizes, found


def page_text(pdf: bytes, page: int) -> str:
    """pypdf's text of one page (1-based): unlike pdftotext it keeps rotated text (the watermark)."""
    return PdfReader(io.BytesIO(pdf)).pages[page - 1].extract_text()


def watermarked(pdf: bytes) -> bool:
    """The diagonal 草稿 / DRAFT is on every page."""
    return all("草稿" in page_text(pdf, n) and "DRAFT" in page_text(pdf, n) for n in range(1, pages(pdf) + 1))
