"""Who may take residents' personal data out of Slipdesk as a file: one policy for every export.

Complainants' names, units and their own words (the slip list's export, the weekly or monthly
review) leave Slipdesk only with a person in charge or a manager; their phones, addresses and
e-mail (the export's personal columns, a copy of the whole database) only with a manager. The
check is made here, in models, for every screen and command alike, and needs a signed-in account:
an admin command names it (--user). Each export that goes ahead is written to the audit log by
the code that makes it.
"""
from __future__ import annotations

from models.accounts import User, require_role
from models.i18n import t
from models.vocab import Role

NAMES = (Role.SUPERVISOR, Role.MANAGER)  # names, units and words of complainants
CONTACTS = (Role.MANAGER,)  # phones, addresses, e-mail: and so the whole database


def require(user: User | None, contacts: bool = False, action: str | None = None) -> None:
    """Refuse (PermissionDenied) unless `user` may take out names (`contacts`: and contact details)."""
    if contacts:
        require_role(user, *CONTACTS, action=action or t("export personal data (phones, addresses)"))
    else:
        require_role(user, *NAMES, action=action or t("export complainants' names and complaints"))


def may(user: User | None, contacts: bool = False) -> bool:
    """Whether `user` may: for a screen to offer the export at all (the model still checks)."""
    return user is not None and user.active and user.role in (CONTACTS if contacts else NAMES)
