"""The Chinese fonts every printout uses: found once per process, embedded as a subset.

reportlab embeds only TrueType-outline fonts (CFF/OpenType-PS files such as many Noto CJK
builds are refused), so candidates are tried in order and the first that loads wins: the
configured `printing.font_path`, then the Song faces a letter wants (SimSun, Songti, AR PL
UMing), then the sans faces (Microsoft YaHei, WenQuanYi). When none loads, reportlab's
built-in `STSong-Light` CID font is used: the PDF is still valid but the font is not
embedded, so the reader's machine must supply it — `FontSet.warning` says so for the screen
or the command to show.
"""
from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

log = logging.getLogger("slipdesk.printouts.fonts")

FALLBACK = "STSong-Light"


@dataclass(frozen=True)
class Candidate:
    path: str
    index: int = 0


def _windows_fonts() -> Path:
    return Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"


# Song/Ming (serif) faces suit a letter's body; sans faces suit headings and forms.
SERIF_CANDIDATES = (
    Candidate(str(_windows_fonts() / "simsun.ttc")),
    Candidate(str(_windows_fonts() / "simsun.ttf")),
    Candidate("/System/Library/Fonts/Supplemental/Songti.ttc", 0),
    Candidate("/Library/Fonts/Songti.ttc", 0),
    Candidate("/usr/share/fonts/truetype/arphic/uming.ttc", 0),  # index 0: AR PL UMing CN
    Candidate("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf", 0),
)
SANS_CANDIDATES = (
    Candidate(str(_windows_fonts() / "msyh.ttc")),
    Candidate(str(_windows_fonts() / "msyh.ttf")),
    Candidate(str(_windows_fonts() / "simhei.ttf")),
    Candidate("/System/Library/Fonts/STHeiti Light.ttc", 0),
    Candidate("/Library/Fonts/Arial Unicode.ttf", 0),
    Candidate("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    Candidate("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    Candidate("/usr/share/fonts/truetype/noto/NotoSansSC-Regular.ttf", 0),
)


@dataclass(frozen=True)
class FontSet:
    """The registered reportlab font names for body text and headings, and how they were found."""
    body: str
    heading: str
    body_path: str
    heading_path: str
    embedded: bool

    def one_face(self) -> "FontSet":
        """The heading face for everything: a form embeds one font subset instead of two, which
        halves the font work of each PDF in a batch of a thousand slips."""
        return replace(self, body=self.heading, body_path=self.heading_path)

    @property
    def warning(self) -> str:
        """Empty when the fonts are embedded; else what the clerk should know and do."""
        if self.embedded:
            return ""
        return ("No TrueType Chinese font was found, so the built-in STSong-Light font is used and "
                "not embedded: the PDF shows Chinese only where the reader has that font. Install a "
                "Chinese TrueType font (e.g. SimSun, AR PL UMing) or set printing.font_path.")


def _register(candidate: Candidate) -> str | None:
    """The registered name of the font in `candidate`, or None if it is missing or unusable."""
    if not candidate.path or not Path(candidate.path).is_file():
        return None
    tag = hashlib.sha1(f"{candidate.path}#{candidate.index}".encode()).hexdigest()[:8]
    name = f"SlipdeskCJK-{tag}"
    if name in pdfmetrics.getRegisteredFontNames():
        return name
    try:
        font = TTFont(name, candidate.path, subfontIndex=candidate.index)
    except (TTFError, OSError, ValueError, KeyError) as err:  # CFF outlines, damaged file, bad index
        log.info("font %s#%d not usable: %s", candidate.path, candidate.index, err)
        return None
    if not _covers_chinese(font):
        log.info("font %s#%d has no Chinese glyphs", candidate.path, candidate.index)
        return None
    pdfmetrics.registerFont(font)
    return name


def _covers_chinese(font: TTFont) -> bool:
    widths = font.face.charWidths
    return all(ord(ch) in widths for ch in "尊敬的先生此致敬礼处理单")


def _fontconfig_candidates() -> list[Candidate]:
    """Other Chinese fonts fontconfig knows (Linux, BSD); TrueType files only."""
    if sys.platform.startswith("win") or not shutil.which("fc-list"):
        return []
    try:
        out = subprocess.run(["fc-list", ":lang=zh", "file", "index"], capture_output=True, text=True,
                             timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    found = []
    for line in sorted(out.splitlines()):
        path, _, rest = line.partition(":")
        index = rest.strip().removeprefix("index=")
        if path.lower().endswith((".ttf", ".ttc")):
            found.append(Candidate(path.strip(), int(index) if index.isdigit() else 0))
    return found


def _first(candidates) -> tuple[str, str] | None:
    for candidate in candidates:
        name = _register(candidate)
        if name:
            return name, candidate.path
    return None


def configured_candidates(font_path: str) -> tuple[Candidate, ...]:
    """`printing.font_path` as candidates: "path" or "path#index" for a collection (.ttc)."""
    if not font_path:
        return ()
    path, _, index = font_path.partition("#")
    if index.isdigit():
        return (Candidate(path, int(index)),)
    return tuple(Candidate(path, i) for i in range(4)) if path.lower().endswith(".ttc") else (Candidate(path),)


@lru_cache(maxsize=8)
def cjk_fonts(font_path: str = "", serif: tuple[Candidate, ...] = SERIF_CANDIDATES,
              sans: tuple[Candidate, ...] = SANS_CANDIDATES, use_fontconfig: bool = True) -> FontSet:
    """Register (once per process and arguments) and return the fonts printouts use."""
    configured = configured_candidates(font_path)
    extra = _fontconfig_candidates() if use_fontconfig else []
    body = _first(configured) or _first(serif) or _first(sans) or _first(extra)
    if body is None:
        pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK))
        log.warning("no embeddable Chinese font found; falling back to %s", FALLBACK)
        return FontSet(FALLBACK, FALLBACK, "", "", embedded=False)
    heading = (body if configured and body[1] == configured[0].path else None) or _first(sans) or body
    return FontSet(body[0], heading[0], body[1], heading[1], embedded=True)
