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

from dataclasses import dataclass
from typing import Iterable

from models.db import database
from models.i18n import t
from models.slips import SlipCounter, format_number

# Each run of numbers missing inside a year: the number after a held one, up to the next held
# one. LAG over the (year, seq) unique index; window functions run on SQLite ≥ 3.25 and PostgreSQL.
_GAPS_SQL = ('SELECT "year", "prev" + 1, "seq" - 1 FROM ('
             'SELECT "year", "seq", LAG("seq", 1, 0) OVER (PARTITION BY "year" ORDER BY "seq") AS "prev" '
             'FROM "slip" WHERE "seq" > 0) AS "held" WHERE "seq" > "prev" + 1')
_HIGHEST_SQL = 'SELECT "year", MAX("seq") FROM "slip" WHERE "seq" > 0 GROUP BY "year"'


@dataclass(frozen=True)
class MissingSlips:
    """Numbers first..last of `year` that the counter issued and no slip holds."""
    year: int
    first: int
    last: int

    @property
    def count(self) -> int:
        return self.last - self.first + 1

    def __str__(self) -> str:
        first, last = format_number(self.year, self.first), format_number(self.year, self.last)
        if self.first == self.last:
            return t("slip {number} is missing (deleted with its history)", "处理单 {number} 缺失（连同其记录被删除）",
                     number=first)
        return t("{count} slips {first} … {last} are missing (deleted with their history)",
                 "{count} 张处理单 {first} … {last} 缺失（连同其记录被删除）", count=self.count, first=first, last=last)


def missing_slips() -> list[MissingSlips]:
    """Every run of issued numbers no slip holds, by year and number (empty when none is)."""
    runs = [MissingSlips(year, first, last) for year, first, last in database.execute_sql(_GAPS_SQL)]
    highest = dict(database.execute_sql(_HIGHEST_SQL).fetchall())
    for counter in SlipCounter.select():
        held = highest.get(counter.year, 0)
        if counter.last > held:  # the year's newest numbers, or all of them
            runs.append(MissingSlips(counter.year, held + 1, counter.last))
    return sorted(runs, key=lambda run: (run.year, run.first))


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

    require_role(user, Role.MANAGER, action=t("sign the history with a key", "用密钥签署历史记录"))
    history_key.use(key)
    with write_transaction():
        signed = history.seal_all(reason="history key", user=user)
        audit.log(user, "history_key_made", facts=audit.desk_state(), key=key.ident, slips=signed)
    return signed
