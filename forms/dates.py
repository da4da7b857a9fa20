"""How the screens write a moment or a day: the one date formatter of desktop/ and forms/ (no Qt,
so either may import it)."""
from __future__ import annotations

import datetime as dt


def when(value: dt.datetime | dt.date | None) -> str:
    """2026-03-05 14:30 for a moment, 2026-03-05 for a day, "" for none."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.strftime("%Y-%m-%d")
