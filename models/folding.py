"""Finding a listed phrase in what people actually write: through spaces, punctuation and
traditional characters.

A clerk's letter may say “这是 公司的规定”, “我不知道。。。” or, pasted from elsewhere,
“這是公司的規定”; a customer writes “受 賄”. The lists (words never to say, escalation
signals, category words) are kept in simplified Chinese without punctuation, so the text is
folded before it is searched: full-width letters and digits as half-width, lower case,
traditional characters as simplified (OpenCC's character table), and every space and
punctuation mark left out. `Folded.span` maps a match in the folded text back to the
characters of the original, so the screen can underline exactly what was written.
"""
from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

_SKIPPED = ("Z", "P", "S", "C")  # separators, punctuation, symbols, control characters


@functools.cache
def _converter():
    """OpenCC's traditional-to-simplified table, loaded with the first text folded."""
    import opencc

    return opencc.OpenCC("t2s")


@functools.lru_cache(maxsize=8192)
def fold_char(ch: str) -> str:
    """One character as the lists are written: "" when it is skipped (space, punctuation)."""
    folded = unicodedata.normalize("NFKC", ch).lower()
    if len(folded) != 1:
        folded = ch.lower()
    if unicodedata.category(folded)[0] in _SKIPPED:
        return ""
    if ord(folded) >= 0x3400:  # a Han character (or beyond): simplified, one for one
        simple = _converter().convert(folded)
        return simple if len(simple) == 1 else folded
    return folded


@dataclass(frozen=True)
class Folded:
    """A text folded for matching, with where each folded character came from."""
    text: str
    origin: tuple[int, ...]  # origin[i]: the index in the original text of folded character i

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original text's [start, end) for the folded text's [start, end)."""
        return self.origin[start], self.origin[end - 1] + 1

    def find_all(self, phrase: str) -> list[tuple[int, int]]:
        """Every occurrence of `phrase` (folded), as spans of the original text."""
        key = fold(phrase).text
        found = []
        if not key:
            return found
        start = self.text.find(key)
        while start >= 0:
            found.append(self.span(start, start + len(key)))
            start = self.text.find(key, start + 1)
        return found


@functools.lru_cache(maxsize=1024)
def fold(text: str) -> Folded:
    """The text folded for matching (kept for the texts seen last: a check folds the same
    letter for every phrase of the list, and a form checks again as the clerk types)."""
    chars, origin = [], []
    for index, ch in enumerate(text or ""):
        folded = fold_char(ch)
        if folded:
            chars.append(folded)
            origin.append(index)
    return Folded("".join(chars), tuple(origin))


def key(text: str) -> str:
    """A phrase as it is searched for: folded, nothing skipped left in it."""
    return fold(text).text
