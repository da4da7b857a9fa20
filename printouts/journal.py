"""Every print is logged on the slip's history: what was printed, in which language, draft or
final, by whom and when — the same function for the admin command and the desktop."""
from __future__ import annotations

from models import history
from models.accounts import User
from models.db import write_transaction
from models.slips import Slip
from printouts.kinds import Printout


def record_print(slip: Slip, user: User | None, printout: Printout, to: str = "") -> history.SlipEvent:
    """Append a "printed" event. `to` says where it went (printer, pdf).

    A print adds history but changes nothing on the slip, so the slip's version is not bumped:
    printing must not make another desk's open edit stale.
    """
    data = {"kind": printout.kind, "lang": printout.lang, "draft": printout.draft}
    if to:
        data["to"] = to
    with write_transaction():
        return history.record(slip, user, "printed", data=data)
