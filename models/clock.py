"""The desk's notion of "now", in one place so that tests can move it."""
from __future__ import annotations

import datetime as dt

_frozen: dt.datetime | None = None


def now() -> dt.datetime:
    """Local wall-clock time to the second: the desk works in one time zone."""
    return _frozen if _frozen is not None else dt.datetime.now().replace(microsecond=0)


def today() -> dt.date:
    return now().date()


def freeze(moment: dt.datetime | None) -> None:
    """Pin `now()` (tests, demo data); `None` lets the clock run again."""
    global _frozen
    _frozen = moment


def frozen() -> dt.datetime | None:
    """The moment `now()` is pinned to, or None while the clock runs: to put it back after
    pinning it for a while (the demo's morning at the desk)."""
    return _frozen


def parse_time(text: str) -> dt.time:
    """"08:30" → 08:30 (a time of day from settings: office hours, the comment book's check);
    ValueError for anything else."""
    hours, _, minutes = str(text).strip().partition(":")
    return dt.time(int(hours), int(minutes or 0))
