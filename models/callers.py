"""Who phoned lately: the numbers of recent phone slips, offered as the clerk types a caller's number.

The same residents call again about the same leak; a number typed a second time brings back the
name and unit the clerk wrote last time. Only recent phone slips are looked at (the newest
`WINDOW`), read newest first through the received_at index, so the look-up stays instant.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from models.slips import Slip
from models.vocab import Channel

WINDOW = 1000  # recent phone slips looked through


@dataclass(frozen=True)
class Caller:
    number: str
    name: str
    title: str
    unit_code: str
    last_call: dt.datetime


def digits(text: str) -> str:
    return re.sub(r"\D", "", text or "")


def recent_callers(typed: str, limit: int = 12, window: int = WINDOW) -> list[Caller]:
    """Callers whose number contains the digits typed (its start, its last four …), newest call first."""
    wanted = digits(typed)
    if not wanted:
        return []
    query = (Slip.select(Slip.caller_number, Slip.complainant_name, Slip.complainant_title, Slip.unit_code,
                         Slip.received_at)
             .where((Slip.channel == Channel.PHONE) & (Slip.caller_number != ""))
             .order_by(Slip.received_at.desc(), Slip.id.desc()).limit(window))
    found: dict[str, Caller] = {}
    for slip in query:
        key = digits(slip.caller_number)
        if key in found or wanted not in key:
            continue
        found[key] = Caller(slip.caller_number, slip.complainant_name, slip.complainant_title, slip.unit_code,
                            slip.received_at)
        if len(found) == limit:
            break
    return list(found.values())
