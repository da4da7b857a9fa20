"""At closing: how satisfied the customer is, whether the matter is settled, the return visit
(回访), and thanks for a helpful suggestion.

The scale is the seven levels (七梯级) of the satisfaction seed ("7.1.5 客户满意的衡量: 根据梯级
理论对七梯级给出参考描述"). The scraped seed keeps only that heading; the level names and
their reference descriptions below are the textbook's that the seed's slides come from.

The comment-book seed rule: a customer whose concrete suggestion helped a lot may be thanked
with a small gift visit or an upgraded service level (“接待人员可携带小礼品上门感谢，或将其
服务等级升级对待”); `reward_suggestion` records it.

Every change here is a slip change: one transaction, a history event, a version bump.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee

from models import clock, dashboard
from models.accounts import User
from models.changes import Change, change_slip
from models.facts import SlipRecord
from models.errors import ValidationFailed
from models.i18n import pick, t
from models.slips import Slip
from models.vocab import ReplyMethod, Status


@dataclass(frozen=True)
class Level:
    value: int
    name_zh: str
    name_en: str
    description_zh: str  # the feelings that mark the level (参考描述)

    def name(self, lang: str | None = None) -> str:
        return pick(self.name_en, self.name_zh, lang)


LEVELS: tuple[Level, ...] = (
    Level(1, "很不满意", "Very dissatisfied", "愤慨、恼怒、投诉、反宣传"),
    Level(2, "不满意", "Dissatisfied", "气愤、烦恼"),
    Level(3, "不太满意", "Somewhat dissatisfied", "抱怨、遗憾"),
    Level(4, "一般", "Neutral", "无明显正、负情绪"),
    Level(5, "较满意", "Fairly satisfied", "好感、肯定、赞许"),
    Level(6, "满意", "Satisfied", "称心、赞扬、愉快"),
    Level(7, "很满意", "Very satisfied", "激动、满足、感谢"),
)
SATISFIED_FROM = 5  # 较满意 and better count as satisfied in the review

# Satisfaction is asked once the customer has had the reply (or an answer on the spot).
MEASURABLE = (Status.REPLIED, Status.CLOSED, Status.ANSWERED, Status.ENDED_UNACCEPTED)

REWARD_KINDS = ("thank_visit", "small_gift", "service_upgrade")
REWARD_LABELS = {
    "thank_visit": ("上门感谢", "Thank-you visit"),
    "small_gift": ("携带小礼品上门感谢", "Small gift"),
    "service_upgrade": ("服务等级升级", "Service upgrade"),
}
VISIT_METHODS = (ReplyMethod.PHONE, ReplyMethod.VISIT, ReplyMethod.EMAIL, ReplyMethod.SMS)


def level(value: int | None) -> Level | None:
    return LEVELS[value - 1] if value and 1 <= value <= len(LEVELS) else None


def reward_label(kind: str, lang: str | None = None) -> str:
    names = REWARD_LABELS.get(kind)
    return (pick(names[1], names[0], lang)) if names else kind


class ReturnVisit(SlipRecord):
    """A return visit (回访) scheduled on a slip, and what the customer said when it was made."""
    slip = peewee.ForeignKeyField(Slip, backref="return_visits", on_delete="CASCADE")
    due = peewee.DateTimeField(index=True)
    method = peewee.CharField(max_length=12, default=ReplyMethod.PHONE)
    purpose = peewee.TextField(default="")
    scheduled_by = peewee.ForeignKeyField(User, backref="+")
    scheduled_at = peewee.DateTimeField()
    done_at = peewee.DateTimeField(null=True)
    done_by = peewee.ForeignKeyField(User, null=True, backref="+")
    outcome = peewee.TextField(default="")  # what the customer said, in their words
    satisfaction = peewee.SmallIntegerField(null=True)


class SuggestionReward(SlipRecord):
    """Thanks given for a helpful suggestion: a visit, a small gift or a service upgrade."""
    slip = peewee.ForeignKeyField(Slip, backref="rewards", on_delete="CASCADE")
    kind = peewee.CharField(max_length=16)
    description = peewee.TextField(default="")
    given_by = peewee.ForeignKeyField(User, backref="+")
    given_at = peewee.DateTimeField()


def record_satisfaction(slip_id: int, user: User, value: int, settled: bool, note: str = "", *,
                        expected_version: int) -> Slip:
    """The customer's satisfaction (1–7) and whether the matter is settled, asked at closing."""
    errors = {}
    if level(value) is None:
        errors["satisfaction"] = t("Choose one of the seven levels.")
    if len(note or "") > 2000:
        errors["note"] = t("At most 2,000 characters.")
    if errors:
        raise ValidationFailed(errors)

    def step(slip: Slip) -> Change:
        if slip.status not in MEASURABLE:
            raise ValidationFailed({"satisfaction": t("Ask for satisfaction once the customer has had the "
                                                      "reply (or an answer on the spot).")})
        before = [slip.satisfaction, slip.settled]
        slip.satisfaction, slip.settled = value, bool(settled)
        return Change("satisfaction", note=(note or "").strip(), transition=False,
                      data={"satisfaction": value, "level": level(value).name_zh, "settled": bool(settled),
                            "before": before})

    return change_slip(slip_id, user, expected_version, step)


def schedule_return_visit(slip_id: int, user: User, due: dt.datetime, method: str = ReplyMethod.PHONE,
                          purpose: str = "", *, expected_version: int) -> ReturnVisit:
    """Put a return visit (回访) on the slip for a later day."""
    errors = {}
    if due is None or due < clock.now():
        errors["due"] = t("Choose a time from now on.")
    if method not in VISIT_METHODS:
        errors["method"] = t("Choose phone, home visit, e-mail or SMS.")
    if errors:
        raise ValidationFailed(errors)
    made: list[ReturnVisit] = []

    def step(slip: Slip) -> Change:
        if problem := _night_call(slip, due, method):
            raise ValidationFailed({"due": problem})
        visit = ReturnVisit.create(slip=slip, due=due, method=method, purpose=(purpose or "").strip(),
                                   scheduled_by=user, scheduled_at=clock.now())
        made.append(visit)
        return Change("return_visit_scheduled", note=visit.purpose, transition=False,
                      data={"visit": visit.id, "due": due, "method": method})

    change_slip(slip_id, user, expected_version, step)
    return made[0]


def record_return_visit(visit_id: int, user: User, outcome: str, satisfaction: int | None = None,
                        settled: bool | None = None, *, expected_version: int) -> ReturnVisit:
    """What the customer said on the return visit; a level given updates the slip's satisfaction."""
    errors = {}
    if not (outcome or "").strip():
        errors["outcome"] = t("Write down what the customer said.")
    if satisfaction is not None and level(satisfaction) is None:
        errors["satisfaction"] = t("Choose one of the seven levels.")
    if errors:
        raise ValidationFailed(errors)
    visit = ReturnVisit.get_by_id(visit_id)

    def step(slip: Slip) -> Change:
        fresh = ReturnVisit.get_by_id(visit_id)
        if fresh.done_at is not None:
            raise ValidationFailed({"outcome": t("This return visit is recorded already.")})
        if problem := _night_call(slip, clock.now(), fresh.method):
            raise ValidationFailed({"outcome": problem})
        fresh.done_at, fresh.done_by, fresh.outcome, fresh.satisfaction = (clock.now(), user, outcome.strip(),
                                                                           satisfaction)
        fresh.save()
        if satisfaction is not None:
            slip.satisfaction = satisfaction
        if settled is not None:
            slip.settled = settled
        return Change("return_visit", note=fresh.outcome, transition=False,
                      data={"visit": visit_id, "satisfaction": satisfaction, "settled": settled})

    change_slip(visit.slip_id, user, expected_version, step)
    return ReturnVisit.get_by_id(visit_id)


def _night_call(slip: Slip, at: dt.datetime, method: str) -> str | None:
    """A return-visit call or message at night is refused like any call to the customer
    (models.replies: working hours unless urgent or agreed beforehand)."""
    from models.replies import contact_time_problem

    return contact_time_problem(slip, at, method)


def reward_suggestion(slip_id: int, user: User, kind: str, description: str = "", *,
                      expected_version: int) -> SuggestionReward:
    """Record thanks for a helpful suggestion: a thank-you visit, a small gift or a service upgrade."""
    if kind not in REWARD_KINDS:
        raise ValidationFailed({"kind": t("Choose a thank-you visit, a small gift or a service upgrade.")})
    made: list[SuggestionReward] = []

    def step(slip: Slip) -> Change:
        reward = SuggestionReward.create(slip=slip, kind=kind, description=(description or "").strip(),
                                         given_by=user, given_at=clock.now())
        made.append(reward)
        return Change("suggestion_rewarded", note=reward.description, transition=False,
                      data={"reward": reward.id, "kind": kind})

    change_slip(slip_id, user, expected_version, step)
    return made[0]


def visits_of(slip_id: int) -> list[ReturnVisit]:
    return list(ReturnVisit.select().where(ReturnVisit.slip == slip_id).order_by(ReturnVisit.due))


def next_visit(slip_id: int) -> ReturnVisit | None:
    """The slip's earliest return visit not yet made, if any."""
    return (ReturnVisit.select().where(ReturnVisit.slip == slip_id, ReturnVisit.done_at.is_null())
            .order_by(ReturnVisit.due).first())


def rewards_of(slip_id: int) -> list[SuggestionReward]:
    return list(SuggestionReward.select().where(SuggestionReward.slip == slip_id).order_by(SuggestionReward.given_at))


def due_visits(until: dt.datetime | None = None) -> list[ReturnVisit]:
    """Return visits not yet made and due by `until` (default: the end of today), for the dashboard."""
    until = until or dt.datetime.combine(clock.today(), dt.time(23, 59, 59))
    return list(ReturnVisit.select(ReturnVisit, Slip).join(Slip)
                .where(ReturnVisit.done_at.is_null(), ReturnVisit.due <= until).order_by(ReturnVisit.due))


def visits_due_slips(user: User, now: dt.datetime) -> peewee.ModelSelect:
    """The dashboard's section: slips with a return visit (回访) due by the end of today."""
    end = dt.datetime.combine(now.date(), dt.time.max)
    due = ReturnVisit.select(ReturnVisit.slip).where(ReturnVisit.done_at.is_null(), ReturnVisit.due <= end)
    return Slip.select().where(Slip.id.in_(due)).order_by(Slip.deadline, Slip.id)


# The dashboard's section of this module (models.providers hands it to models.dashboard).
DASHBOARD_SECTIONS = (dashboard.Section("visits_due", "Return visits due today", "今日待回访", slips=visits_due_slips),)
