"""Every print is logged on the slip's history: what was printed, in which language, draft or
final, by whom and when — the same function for the admin command and the desktop."""
from __future__ import annotations

from typing import Iterable

from models import history
from models.accounts import User
from models.db import write_transaction
from models.errors import SlipdeskError
from models.i18n import t
from models.slips import Slip
from printouts.data import BATCH_READ
from printouts.kinds import Printout


def _details(kind: str, lang: str, draft: bool, to: str) -> dict:
    data = {"kind": kind, "lang": lang, "draft": draft}
    if to:
        data["to"] = to
    return data


def record_print(slip: Slip, user: User | None, printout: Printout, to: str = "") -> history.SlipEvent:
    """Append a "printed" event. `to` says where it went (printer, pdf).

    A print adds history but changes nothing on the slip, so the slip's version is not bumped:
    printing must not make another desk's open edit stale.
    """
    with write_transaction():
        return history.record(slip, user, "printed", data=_details(printout.kind, printout.lang, printout.draft, to))


def record_prints(slip_ids: Iterable[int], user: User | None, kind: str, lang: str, to: str = "",
                  draft: bool = False) -> int:
    """One "printed" event on each slip of a batch print, all in ONE write transaction: a batch
    is logged whole or not at all, and a thousand slips cost one commit, not a thousand.
    Returns how many slips were logged."""
    ids = list(slip_ids)
    data = _details(kind, lang, draft, to)
    with write_transaction():
        for start in range(0, len(ids), BATCH_READ):
            chunk = ids[start:start + BATCH_READ]
            slips = {s.id: s for s in Slip.select(Slip.id, Slip.number).where(Slip.id.in_(chunk))}
            if missing := [i for i in chunk if i not in slips]:
                raise SlipdeskError(t("{count} of the printed slips no longer exist; nothing was logged.", count=len(missing)))
            for slip_id in chunk:
                history.record(slips[slip_id], user, "printed", data=data)
    return len(ids)
