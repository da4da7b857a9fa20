"""Whole slips that went missing: the check the history hash chain cannot make.

A slip's chain lives in its own events, so deleting the slip together with its events leaves
nothing broken behind. Its number does: numbers run without gaps per year (models.slips
SlipCounter hands out 1..last inside the transaction that saves the slip, so a save that is
rolled back gives its number back, on SQLite and on PostgreSQL alike, where a SEQUENCE would
not), and the demo writer numbers its slips from the same counter. So every number the counter
issued that no slip holds is a slip that was deleted. Its limit: a deletion of the year's
newest slips that also turns the counter back leaves no gap.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Iterable

from models.db import database
from models.i18n import t
from models.slips import format_number

# Each run of numbers missing inside a year of an estate (numbers run per estate: models.estates):
# the number after a held one, up to the next held one. LAG over the (year, seq) unique index;
# window functions run on SQLite ≥ 3.25 and PostgreSQL.
_GAPS_SQL = ('SELECT "estate_id", "year", "prev" + 1, "seq" - 1 FROM ('
             'SELECT "estate_id", "year", "seq", LAG("seq", 1, 0) OVER (PARTITION BY "estate_id", "year" '
             'ORDER BY "seq") AS "prev" FROM "slip" WHERE "seq" > 0) AS "held" WHERE "seq" > "prev" + 1')
_HIGHEST_SQL = 'SELECT "estate_id", "year", MAX("seq") FROM "slip" WHERE "seq" > 0 GROUP BY "estate_id", "year"'
_COUNTERS_SQL = 'SELECT "estate_id", "year", "last" FROM "slip_counter"'


@dataclass(frozen=True)
class MissingSlips:
    """Numbers first..last of `year` that the counter issued and no slip holds (in the estate
    `estate`, whose numbers begin with `prefix`)."""
    year: int
    first: int
    last: int
    estate: int | None = None
    prefix: str | None = None

    @property
    def count(self) -> int:
        return self.last - self.first + 1

    def __str__(self) -> str:
        first = format_number(self.year, self.first, self.prefix)
        last = format_number(self.year, self.last, self.prefix)
        if self.first == self.last:
            return t("slip {number} is missing (deleted with its history)",
                     number=first)
        return t("{count} slips {first} … {last} are missing (deleted with their history)", count=self.count, first=first, last=last)


def missing_slips() -> list[MissingSlips]:
    """Every run of issued numbers no slip holds, by year and number (empty when none is)."""
    prefixes = _prefixes()
    runs = [MissingSlips(year, first, last, estate, prefixes.get(estate))
            for estate, year, first, last in database.execute_sql(_GAPS_SQL)]
    highest = {(estate, year): seq for estate, year, seq in database.execute_sql(_HIGHEST_SQL)}
    for estate, year, issued in database.execute_sql(_COUNTERS_SQL).fetchall():
        held = highest.get((estate, year), 0)
        if issued > held:  # the year's newest numbers, or all of them
            runs.append(MissingSlips(year, held + 1, issued, estate, prefixes.get(estate)))
    return sorted(runs, key=lambda run: (run.estate or 0, run.year, run.first))


def _prefixes() -> dict[int | None, str]:
    """Each estate's slip-number prefix, as far as this login sees the estates' settings."""
    rows = database.execute_sql('SELECT "estate_id", "value" FROM "setting" WHERE "key" = %s' % database.param,
                                ("slip.prefix",)).fetchall()
    return {estate: json.loads(value) for estate, value in rows}


def missing_count(runs: Iterable[MissingSlips]) -> int:
    return sum(run.count for run in runs)


def sign_with_key(user, key) -> int:
    """A manager makes `key` the database's history key: every slip's chain and the desk's chain
    get a "sealed" event signed with it, so that from now on each chain's newest event must carry
    its signature (models.history_key). Returns the slips signed."""
    from models import audit, history, history_key
    from models.accounts import require_role
    from models.db import write_transaction
    from models.vocab import Role

    require_role(user, Role.MANAGER, action=t("sign the history with a key"))
    history_key.use(key)
    with write_transaction():
        signed = history.seal_all(reason="history key", user=user)
        audit.log(user, "history_key_made", facts=audit.desk_state(), key=key.ident, slips=signed)
    return signed
