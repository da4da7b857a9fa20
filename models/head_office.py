"""Head office at the company: the company's review comparing its estates, and any estate's own review.

What the estates send up is worked by the upper service-management department's accounts
(Role.UPPER, models.upper): on a company database they are head office's accounts, whose database
login reads every estate (models.estates), so the one queue lists every estate's escalations and
the workflow's `hand_back` step hands each back to its estate's desk, which replies to the customer.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from models import clock, estates, review, settings, statements
from models.db import database, is_sqlite
from models.i18n import t
from models.vocab import Opinion


def estate_names() -> dict[int, str]:
    """Every estate by id, for head office's lists; the implicit estate by its letterhead name."""
    names = {row.id: row.name for row in estates.Estate.select(estates.Estate.id, estates.Estate.name)}
    return names or {estates.IMPLICIT_ESTATE: settings.get("estate.name")}


def estates_of_slips(slip_ids: list[int]) -> dict[int, str]:
    """Each slip's estate by name, for lists that hold several estates' slips (head office's)."""
    if not slip_ids:
        return {}
    names = estate_names()
    marks = ", ".join("?" if is_sqlite() else "%s" for _ in slip_ids)
    rows = database.execute_sql(f'SELECT "id", "{estates.COLUMN}" FROM "slip" WHERE "id" IN ({marks})', list(slip_ids))
    return {slip_id: names.get(estate_id, "") for slip_id, estate_id in rows.fetchall()}


def visible_estates() -> dict[int, str]:
    """The estates whose rows this login reads: head office every one, an estate's login its own."""
    names = estate_names()
    if estates.is_company() and not estates.is_head_office():
        own_id = estates.current_estate()
        return {own_id: names.get(own_id, "")}
    return names


@dataclass(frozen=True)
class EstateFigures:
    """One estate's figures for the period, side by side with the others'."""
    estate_id: int | None
    name: str
    received: int
    promises_answered: int  # deadlines in the period that were kept, late or missed
    promises_kept: int
    replies: int
    accepted: int
    satisfaction_measured: int
    satisfied: int
    repeat_slips: int  # slips from a unit with more than one slip in the period
    escalations: int  # slips sent up in the period

    @staticmethod
    def share(part: int, whole: int) -> float | None:
        return part / whole if whole else None

    @property
    def on_time(self) -> float | None:
        return self.share(self.promises_kept, self.promises_answered)

    @property
    def accepted_share(self) -> float | None:
        return self.share(self.accepted, self.replies)

    @property
    def satisfied_share(self) -> float | None:
        return self.share(self.satisfied, self.satisfaction_measured)

    @property
    def repeat_share(self) -> float | None:
        return self.share(self.repeat_slips, self.received)


@dataclass
class CompanyReview:
    period: review.Period
    generated_at: dt.datetime
    estates: list[EstateFigures] = field(default_factory=list)

    @property
    def total(self) -> EstateFigures:
        sums = [sum(getattr(e, name) for e in self.estates) for name in
                ("received", "promises_answered", "promises_kept", "replies", "accepted", "satisfaction_measured",
                 "satisfied", "repeat_slips", "escalations")]
        return EstateFigures(None, t("All estates"), *sums)


_REPLIES_SQL = 'SELECT count(*), coalesce(sum(CASE WHEN "opinion" = ? THEN 1 ELSE 0 END), 0) FROM "reply" ' \
               'WHERE "at" >= ? AND "at" < ?'
_REPEATS_SQL = ('SELECT coalesce(sum("n"), 0) FROM (SELECT count(*) AS "n" FROM "slip" WHERE "received_at" >= ? '
                'AND "received_at" < ? AND "unit_code" <> \'\' GROUP BY "unit_code" HAVING count(*) > 1) AS "r"')
_SENT_UP_SQL = 'SELECT count(DISTINCT "slip_id") FROM "transmittal" WHERE "sent_at" >= ? AND "sent_at" < ?'


def _figures(estate_id: int | None, name: str, period: review.Period) -> EstateFigures:
    """One estate's figures, computed by the estate's own review (models.review) and three counts."""
    own = review.compute(period, top=1)
    bounds = (period.start, period.end)
    replies, accepted = statements.execute(_REPLIES_SQL, (Opinion.ACCEPTED.value, *bounds)).fetchone()
    repeats = statements.execute(_REPEATS_SQL, bounds).fetchone()[0]
    escalations = statements.execute(_SENT_UP_SQL, bounds).fetchone()[0]
    promises = own.promises
    return EstateFigures(estate_id, name, own.received, promises.kept + promises.late + promises.overdue,
                         promises.kept, int(replies), int(accepted), own.satisfaction_measured, own.satisfied,
                         int(repeats), int(escalations))


def company_review(period: review.Period) -> CompanyReview:
    """The period's figures of every estate this login sees, estate by estate (head office: all)."""
    result = CompanyReview(period, clock.now())
    for estate_id, name in sorted(visible_estates().items(), key=lambda item: item[0] or 0):
        with database.atomic():
            with estates.viewing(estate_id):
                result.estates.append(_figures(estate_id, name, period))
    return result


def review_of_all(period: review.Period, top: int = review.TOP) -> review.Review:
    """The review over every estate this login sees (head office: the whole company)."""
    return review.compute(period, top)


def estate_review(estate_id: int | None, period: review.Period, top: int = review.TOP) -> review.Review:
    """One estate's own review, as its desk computes it (head office narrows its view to it)."""
    with database.atomic():
        with estates.viewing(estate_id if not is_sqlite() else None):
            return review.compute(period, top)
