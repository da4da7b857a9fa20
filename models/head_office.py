"""Head office (上级服务管理部门 at the company): everything every estate sent up, handled and
handed back; the company's review comparing its estates, and any estate's own review.

Head office's database login reads every estate (models.estates); what it may change is what
handling a slip sent up needs: the handling result goes back to the estate's desk as the slip's
"handled" step with its history event and a notice to the clerk who asked for the escalation and
to the estate's persons in charge. The estate's desk then replies to the customer.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from models import clock, estates, notices, review, statements, workflow
from models.accounts import User, require_role
from models.db import database, is_sqlite, write_transaction
from models.i18n import t
from models.slips import Slip
from models.vocab import Opinion, Role, Status

HANDLERS = (Role.SUPERVISOR, Role.MANAGER)  # the department's persons in charge, quality managers


@dataclass(frozen=True)
class SentUp:
    """A slip an estate sent up, as head office's queue lists it."""
    slip_id: int
    version: int
    estate_id: int | None
    estate: str
    number: str
    received_at: dt.datetime
    sent_at: dt.datetime | None
    category_zh: str
    category_en: str
    complainant: str
    unit_code: str
    complaint: str
    reason: str
    deadline: dt.datetime | None

    def overdue(self, at: dt.datetime | None = None) -> bool:
        return bool(self.deadline and self.deadline < (at or clock.now()))


_QUEUE_SQL = (
    'SELECT s."id", s."version", s."estate_id", s."number", s."received_at", '
    '(SELECT max(x."sent_at") FROM "transmittal" x WHERE x."slip_id" = s."id"), c."name_zh", c."name_en", '
    's."complainant_name", s."unit_code", s."complaint", s."escalation_reason", s."deadline" '
    'FROM "slip" s JOIN "category" c ON c."id" = s."category_id" WHERE s."status" = ? '
    'ORDER BY s."deadline" IS NULL, s."deadline", s."id"')


def queue() -> list[SentUp]:
    """Every slip sent up and not yet handled, of every estate this login sees, soonest deadline
    first, with its estate."""
    names = estates.estate_names()
    rows = []
    for (slip_id, version, estate_id, number, received, sent, cat_zh, cat_en, name, unit, complaint, reason,
         deadline) in statements.execute(_QUEUE_SQL, (Status.ESCALATED.value,)):
        rows.append(SentUp(slip_id, version, estate_id, names.get(estate_id, ""), number, _when(received),
                           _when(sent), cat_zh, cat_en, name, unit, complaint, reason, _when(deadline)))
    return rows


def _when(value) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def hand_back(slip_id: int, user: User, result: str, *, expected_version: int) -> Slip:
    """Record head office's handling result on a slip sent up and hand it back to its estate's
    desk (the slip becomes "handled": the desk replies to the customer)."""
    require_role(user, *HANDLERS, action=t("hand a slip back to its estate", "将处理单交回项目"))
    with write_transaction():
        slip = workflow.apply(slip_id, "record_handling", user, expected_version=expected_version, result=result)
        for addressed in ({"user": slip.escalation_requested_by_id}, {"role": Role.SUPERVISOR}):
            notices.write(slip, notices.prepare("handed_back", slip, user, summary=notices.summary_of(slip),
                                                **addressed))
    return slip


# ------------------------------------------------------------------------------------------------
# The company's review


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
        return EstateFigures(None, t("All estates", "全部项目"), *sums)


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
    for estate_id, name in sorted(estates.visible_estates().items(), key=lambda item: item[0] or 0):
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
