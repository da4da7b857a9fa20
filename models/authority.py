"""The estate's handling authority (处理权限) as data, and the suggestion shown while a clerk types.

Front-line staff should settle at once what they may (授权一线员工); only the rest goes to the
person in charge. What a clerk may settle is the manager's to set, here, not in code: per
category (and which department handles it), limits on goodwill compensation and repair cost,
signals in the complaint's words that always escalate (injury, structural or safety risk, legal
action, media exposure, fee disputes, bribery and staff misconduct), and repeated complaints: the
second complaint of one unit or one caller within the days the manager sets (setting
authority.repeat_days, default 30). Slipdesk only suggests; the clerk decides, and deciding
against the suggestion needs a short reason — except for a firm signal (bribery, staff
misconduct: 受贿, 好处费, 索要, 吃拿卡要 …), which is beyond any clerk whatever they decide.
The words are matched folded (models.folding): through spaces and punctuation, in traditional
characters too.

`Slip.authority_suggestion` keeps the suggestion made at intake in both languages (a composed
text, models.i18n: `shown(slip.authority_suggestion, lang)`); the slip's "created" history
event keeps it rule by rule: `suggestion_of(slip)` reads it back.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import asdict, dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Iterable, Mapping

import peewee

from models import audit, clock, folding, rule_stamp, settings, statements, validation
from models.accounts import User, require_role
from models.catalog import Category, Department
from models.db import BaseModel, write_transaction
from models.directory import normalize_unit
from models.errors import ValidationFailed
from models.history import SlipEvent
from models.i18n import Composed, is_chinese, language, shown, t
from models.motives import exposure_threat
from models.slips import Slip
from models.vocab import Role

HEDGE_WINDOW = 4  # characters before a keyword searched for a hedge ("担心孩子受伤")
MAX_AMOUNT = Decimal("100000000")


class CategoryRule(BaseModel):
    """Whether a clerk may settle a category's complaints, and who handles them then."""
    category = peewee.ForeignKeyField(Category, unique=True, backref="+", on_delete="CASCADE")
    clerk_may_settle = peewee.BooleanField(default=True)
    department = peewee.ForeignKeyField(Department, null=True, backref="+", on_delete="SET NULL")


class AuthorityLimit(BaseModel):
    """An amount up to which a clerk may settle (goodwill compensation, repair cost), in yuan."""
    code = peewee.CharField(max_length=32, unique=True)  # the Slip column it limits
    name_zh = peewee.CharField(max_length=64)
    name_en = peewee.CharField(max_length=64)
    amount = peewee.DecimalField(max_digits=12, decimal_places=2)


class EscalationSignal(BaseModel):
    """Words in a complaint that always send it to the person in charge.

    `unless_after` lists hedges: a keyword right after one of them is a worry, not a fact
    ("担心孩子受伤" does not report an injury).
    """
    code = peewee.CharField(max_length=32, unique=True)
    name_zh = peewee.CharField(max_length=64)
    name_en = peewee.CharField(max_length=64)
    keywords = peewee.TextField()  # separated by commas, 、, spaces or new lines
    unless_after = peewee.TextField(default="")
    active = peewee.BooleanField(default=True)
    sort = peewee.IntegerField(default=0)
    # beyond the clerk whatever they decide (bribery, staff misconduct): no override
    firm = peewee.BooleanField(default=False, constraints=[peewee.SQL("DEFAULT FALSE")])

    def keyword_list(self) -> list[str]:
        return split_words(self.keywords)

    def hedge_list(self) -> list[str]:
        return split_words(self.unless_after)


# Seeded defaults. Category → (a clerk may settle it, handling department).
DEFAULT_CATEGORY_RULES = {
    "noise": (True, "service"), "leak": (True, "engineering"), "cleaning": (True, "cleaning"),
    "security": (True, "security"), "parking": (True, "security"), "fees": (False, "finance"),
    "greenery": (True, "greenery"), "attitude": (False, "service"), "lift": (True, "engineering"),
    "lighting": (True, "engineering"), "other": (True, "service"),
}
DEFAULT_LIMITS = [
    ("compensation_amount", "善意补偿", "Goodwill compensation", Decimal("200")),
    ("repair_cost", "维修费用", "Repair cost", Decimal("500")),
]
_WORRY = "担心，害怕，怕，以免，防止，避免，预防，万一，容易，会不会，可能"
_DENIED = "没有，没，未，并未，从未，不曾，从来没"
MISCONDUCT = "misconduct"
# (code, Chinese, English, keywords, hedges[, firm]): a firm signal is beyond any clerk, no override
DEFAULT_SIGNALS = [
    ("injury", "人身受伤", "Injury",
     "受伤，摔伤，砸伤，烫伤，咬伤，划伤，骨折，流血，住院，送医，急诊", _WORRY),
    ("safety", "结构或安全隐患", "Structural or safety risk",
     "墙体开裂，开裂，裂缝，承重，坍塌，塌陷，外墙脱落，高空坠物，漏电，触电，燃气，煤气，漏气，着火，火灾，困人", ""),
    ("legal", "法律诉讼", "Legal action",
     "律师，起诉，法院，诉讼，打官司，仲裁，律师函", ""),
    ("media", "媒体曝光", "Threat of media exposure",
     "曝光，媒体，记者，电视台，报社，12345，市长热线，投诉到，发到网上，微博，抖音", ""),
    ("fee_dispute", "收费争议", "Fee dispute",
     "多收，乱收费，收费不合理，退费，退还，重复收费，账目不清，欠费", ""),
    (MISCONDUCT, "受贿或员工违规", "Bribery or staff misconduct",
     "受贿，行贿，贿赂，索贿，好处费，红包，回扣，索要，吃拿卡要，收钱办事，收了钱才，塞钱，勒索，敲诈，故意刁难，"
     "打人，动手打，辱骂业主，骂业主，威胁业主", _DENIED, True),
]


def split_words(text: str) -> list[str]:
    return [w for w in re.split(r"[,，、;；\s]+", text or "") if w]  # ASCII or full width, as typed


def seed_authority() -> None:
    """Fill the rules on a new database; existing rules are left as the manager set them."""
    categories = {c.code: c for c in Category.select()}
    departments = {d.code: d for d in Department.select()}
    for code, (may_settle, department) in DEFAULT_CATEGORY_RULES.items():
        if code in categories:
            CategoryRule.get_or_create(category=categories[code], defaults={
                "clerk_may_settle": may_settle, "department": departments.get(department)})
    for code, zh, en, amount in DEFAULT_LIMITS:
        AuthorityLimit.get_or_create(code=code, defaults={"name_zh": zh, "name_en": en, "amount": amount})
    for sort, (code, zh, en, keywords, hedges, *firm) in enumerate(DEFAULT_SIGNALS):
        EscalationSignal.get_or_create(code=code, defaults={
            "name_zh": zh, "name_en": en, "keywords": keywords, "unless_after": hedges, "sort": sort,
            "firm": bool(firm and firm[0])})


def seed_firm_signals() -> None:
    """Schema step STEP_UNDERSTANDING: the signals no clerk may override (bribery, staff misconduct), on a
    database whose signals were seeded before they existed."""
    for sort, (code, zh, en, keywords, hedges, *firm) in enumerate(DEFAULT_SIGNALS):
        if firm and firm[0]:
            EscalationSignal.get_or_create(code=code, defaults={
                "name_zh": zh, "name_en": en, "keywords": keywords, "unless_after": hedges, "sort": sort, "firm": True})


@dataclass(frozen=True)
class Reason:
    """One rule's verdict, in both languages: why a complaint looks within or beyond authority."""
    rule: str  # "category:fees", "signal:injury", "limit:repair_cost", "repeat", "none"
    escalates: bool
    en: str
    zh: str
    firm: bool = False  # beyond any clerk: no override (bribery, staff misconduct)
    ref: str = ""  # a repeat: the number of the latest earlier slip

    def text(self, lang: str | None = None) -> str:
        return self.zh if is_chinese(lang) else self.en


@dataclass(frozen=True)
class Assessment:
    within: bool
    reasons: tuple[Reason, ...]

    def summary(self, lang: str | None = None) -> str:
        """The reasons one after the other: each is a sentence with its own full stop."""
        return ("" if is_chinese(lang) else " ").join(r.text(lang) for r in self.reasons)

    def composed(self) -> Composed:
        """The summary in both languages, to keep on the slip (and as the reason it goes up)."""
        return Composed(self.summary("en"), self.summary("zh"))

    @property
    def firm(self) -> tuple[Reason, ...]:
        """The reasons no clerk may decide against."""
        return tuple(r for r in self.reasons if r.firm)

    @property
    def repeat_of(self) -> str:
        """The latest earlier slip this complaint repeats ("" when it is not a repeat)."""
        return next((r.ref for r in self.reasons if r.rule == "repeat"), "")

    def to_dict(self) -> dict[str, Any]:
        return {"within": self.within, "reasons": [asdict(r) for r in self.reasons]}

    @classmethod
    def from_dict(cls, raw: Any) -> Assessment | None:
        try:
            return cls(bool(raw["within"]), tuple(Reason(**r) for r in raw["reasons"]))
        except (TypeError, KeyError):
            return None


@dataclass(frozen=True)
class Facts:
    """What the rules look at, from an intake form, a slip or a plain mapping."""
    complaint: str = ""
    category_id: int | None = None
    unit_code: str = ""
    phone: str = ""  # the caller's or contact number: a repeat is the same unit or the same caller
    compensation_amount: Decimal | None = None
    repair_cost: Decimal | None = None
    received_at: dt.datetime | None = None
    slip_id: int | None = None  # a saved slip does not count as its own repeat

    @classmethod
    def of(cls, subject: Any) -> Facts:
        if isinstance(subject, Facts):
            return subject
        get = subject.get if isinstance(subject, Mapping) else lambda k, d=None: getattr(subject, k, d)
        return cls(complaint=get("complaint", "") or "", category_id=get("category_id"),
                   unit_code=get("unit_code", "") or "",
                   phone=get("phone", "") or get("caller_number", "") or "",
                   compensation_amount=amount_or_none(get("compensation_amount")),
                   repair_cost=amount_or_none(get("repair_cost")), received_at=get("received_at"),
                   slip_id=subject.id if isinstance(subject, Slip) else get("slip_id"))


def amount_or_none(value: Any) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        amount = Decimal(str(value).replace(",", "").strip())
    except (InvalidOperation, ValueError):
        return None
    return amount if amount.is_finite() else None  # NaN and infinities are no sums: amount_problem says so


def amount_problem(value: Any) -> str | None:
    """The message for an amount field, or None when it is empty or a plausible sum of yuan."""
    if value in (None, ""):
        return None
    amount = amount_or_none(value)
    if amount is None:
        return t("Write an amount in yuan, e.g. 150 or 150.50.")
    if amount < 0:
        return t("An amount cannot be negative.")
    if amount >= MAX_AMOUNT or amount != amount.quantize(Decimal("0.01")):
        return t("Write an amount in yuan with at most two decimals.")
    return None


def assess(subject: Any) -> Assessment:
    """Within or beyond a clerk's authority, and every rule that says so. The rules' token is
    read once for all of them (the intake form assesses again as the clerk types)."""
    facts = Facts.of(subject)
    with rule_stamp.held():
        escalating = [*_category_reasons(facts), *_limit_reasons(facts), *_signal_reasons(facts),
                      *_repeat_reasons(facts)]
    beyond = [r for r in escalating if r.escalates]
    if beyond:
        return Assessment(False, tuple(beyond))
    return Assessment(True, tuple(escalating) or (Reason(
        "none", False, "No rule calls for escalation.", "未触发上报规则。"),))


# The rules are read as plain rows by SQL written once, again only when one changed at any desk
# (models.rule_stamp); what is worked out from them (words normalized, amounts as Decimal) is kept
# per distinct set of rows, so unchanged rules cost one read of the token and a changed rule is
# seen at the next assessment.

@dataclass(frozen=True)
class CategoryFacts:
    """A category with its rule, as the assessment and the routing read it."""
    code: str
    name_zh: str
    name_en: str
    may_settle: bool | None  # None: no rule (a clerk may settle it)
    department_id: int | None  # the rule's department, if it is active


_CATEGORIES_SQL = ('SELECT c."id", c."code", c."name_zh", c."name_en", r."clerk_may_settle", r."department_id", '
                   'd."active" FROM "category" c LEFT JOIN "category_rule" r ON r."category_id" = c."id" '
                   'LEFT JOIN "department" d ON d."id" = r."department_id"')
_LIMITS_SQL = 'SELECT "code", "name_zh", "name_en", "amount" FROM "authority_limit" ORDER BY "id"'
_SIGNALS_SQL = ('SELECT "code", "name_zh", "name_en", "keywords", "unless_after", "firm" FROM "escalation_signal" '
                'WHERE "active" ORDER BY "sort", "id"')
# The earlier slips of one unit, and of one number, in the window: each through its index
# (unit_code, received_at) and (phone, received_at); a slip matching both counts once.
_EARLIER = ('SELECT "number", "received_at" FROM "slip" WHERE "{column}" = ? AND "received_at" >= ? '
            'AND "received_at" <= ? AND "id" <> ?')
_REPEATS_SQL = (_EARLIER.format(column="unit_code") + " UNION " + _EARLIER.format(column="phone")
                + ' ORDER BY 2 DESC, 1 DESC')


def category_facts(category_id: int | None) -> CategoryFacts | None:
    """The category with its rule as stored now; None for no such category."""
    if category_id is None:
        return None
    return _categories(rule_stamp.rows(_CATEGORIES_SQL)).get(category_id)


@functools.lru_cache(maxsize=4)
def _categories(rows: tuple[tuple, ...]) -> dict[int, CategoryFacts]:
    return {id_: CategoryFacts(code, zh, en, None if may is None else bool(may),
                               department if department is not None and active else None)
            for id_, code, zh, en, may, department, active in rows}


def _category_reasons(facts: Facts) -> list[Reason]:
    category = category_facts(facts.category_id)
    if category is None:
        return []
    if category.may_settle is False:  # a category without a rule may be settled
        return [Reason(f"category:{category.code}", True,
                       f"Category “{category.name_en}” is beyond a clerk's authority.",
                       f"“{category.name_zh}”类投诉超出前台处理权限。")]
    return [Reason(f"category:{category.code}", False,
                   f"Category “{category.name_en}”: a clerk may settle it; no rule calls for escalation.",
                   f"“{category.name_zh}”类投诉属前台处理权限，未触发上报规则。")]


@functools.lru_cache(maxsize=4)
def _limits(rows: tuple[tuple, ...]) -> tuple[tuple[str, str, str, Decimal], ...]:
    return tuple((code, zh, en, AuthorityLimit.amount.python_value(amount)) for code, zh, en, amount in rows)


def _limit_reasons(facts: Facts) -> list[Reason]:
    reasons = []
    for code, name_zh, name_en, amount in _limits(rule_stamp.rows(_LIMITS_SQL)):
        asked = getattr(facts, code, None)
        if asked is not None and asked > amount:
            reasons.append(Reason(f"limit:{code}", True,
                                  f"{name_en} ¥{asked:,.2f} is over the clerk's limit of ¥{amount:,.2f}.",
                                  f"{name_zh}¥{asked:,.2f}超过前台权限¥{amount:,.2f}。"))
    return reasons


def matched_keyword(text: str, keywords: list[str], hedges: list[str]) -> str | None:
    """The first keyword found in `text` that is not a hedged worry, else None."""
    return _first_match(folding.key(text), tuple((k, folding.key(k)) for k in keywords),
                        tuple(folding.key(h) for h in hedges))


def _first_match(text: str, keywords: tuple[tuple[str, str], ...], hedges: tuple[str, ...]) -> str | None:
    """`matched_keyword` on folded text (models.folding: no spaces or punctuation, simplified
    characters), keywords as (as written, folded), hedges folded."""
    for keyword, word in keywords:
        if word not in text:
            continue
        for found in re.finditer(re.escape(word), text):
            before = text[max(0, found.start() - HEDGE_WINDOW):found.start()]
            if not any(h in before for h in hedges):
                return keyword
    return None


@functools.lru_cache(maxsize=4)
def _signals(rows: tuple[tuple, ...]) -> tuple[tuple[str, str, str, tuple, tuple, bool], ...]:
    return tuple((code, zh, en, tuple((k, folding.key(k)) for k in split_words(keywords)),
                  tuple(folding.key(h) for h in split_words(hedges)), bool(firm))
                 for code, zh, en, keywords, hedges, firm in rows)


def _signal_reasons(facts: Facts) -> list[Reason]:
    if not facts.complaint.strip():
        return []
    reasons = []
    text = folding.key(facts.complaint)
    for code, name_zh, name_en, keywords, hedges, firm in _signals(rule_stamp.rows(_SIGNALS_SQL)):
        word = _first_match(text, keywords, hedges)
        if word and firm:
            reasons.append(Reason(f"signal:{code}", True,
                                  f"Always beyond the clerk: {name_en} (“{word}” in the complaint); "
                                  "the person in charge deals with it.",
                                  f"一律超出前台权限：{name_zh}（投诉内容含“{word}”），由负责人处理。", firm=True))
        elif word:
            reasons.append(Reason(f"signal:{code}", True,
                                  f"Always escalates: {name_en} (“{word}” in the complaint).",
                                  f"必须上报：{name_zh}（投诉内容含“{word}”）。"))
    return reasons + _exposure_reasons(facts, reasons)


def _exposure_reasons(facts: Facts, found: list[Reason]) -> list[Reason]:
    """The motive rules' exposure threats (曝光/12345/律师 …) escalate too, so the words the
    manager adds there count here without a second list; one reason per threat, not two."""
    if any(r.rule in ("signal:media", "signal:legal") for r in found):
        return []
    words = exposure_threat(facts.complaint)
    if not words:
        return []
    return [Reason("signal:exposure", True,
                   f"Always escalates: pressure with threats of exposure (“{words[0]}” in the complaint).",
                   f"必须上报：以曝光相威胁（投诉内容含“{words[0]}”）。")]


def earlier_complaints(facts: Facts) -> list[tuple[str, Any]]:
    """The slips the same unit or the same number made in the window before this complaint
    (setting authority.repeat_days), newest first, as (number, received_at)."""
    unit = normalize_unit(facts.unit_code)
    phone = validation.normalize_phone(facts.phone) if facts.phone.strip() else None
    if unit is None and phone is None:
        return []
    days = int(settings.rule("authority.repeat_days"))
    at = facts.received_at or clock.now()
    field = Slip.received_at
    window = (field.db_value(at - dt.timedelta(days=days)), field.db_value(at),
              facts.slip_id if facts.slip_id is not None else 0)
    return [tuple(row) for row in statements.execute(_REPEATS_SQL, (unit, *window, phone, *window)).fetchall()]


def _repeat_reasons(facts: Facts) -> list[Reason]:
    """The second complaint of one unit or one caller within the window is a repeat (重复投诉)."""
    earlier = earlier_complaints(facts)
    if not earlier:
        return []
    days, latest = int(settings.rule("authority.repeat_days")), earlier[0][0]
    unit = normalize_unit(facts.unit_code)
    who_en = f"Unit {unit}" if unit else "This caller"
    who_zh = unit if unit else "该来电号码"
    times_en = {1: "once", 2: "twice"}.get(len(earlier), f"{len(earlier)} times")
    return [Reason("repeat", True,
                   f"{who_en} complained {times_en} in the last {days} days before (latest {latest}): "
                   "a repeated complaint.",
                   f"{who_zh}近{days}天内已投诉{len(earlier)}次（最近一次 {latest}），属重复投诉。", ref=latest)]


def suggestion_of(slip: Slip, events: Iterable[SlipEvent] | None = None) -> Assessment | None:
    """The assessment recorded when the slip was taken down (None for slips without one).

    `events`: the slip's history when the caller has read it already (a batch print reads every
    slip's history in a few queries), so that no query is made per slip."""
    if events is None:
        created = SlipEvent.get_or_none(SlipEvent.slip == slip, SlipEvent.seq == 1)
    else:
        created = next((event for event in events if event.seq == 1), None)
    return Assessment.from_dict(created.details.get("assessment")) if created else None


def event_note(event: SlipEvent, lang: str, suggestion: Assessment | None = None) -> str:
    """A history event's note for a reader of `lang`: a composed note (models.i18n) in that
    language, a person's words as typed. A slip the rules sent up before they kept both languages
    has their Chinese summary as its note: given in `lang` from the recorded `suggestion`."""
    if (suggestion is not None and event.action == "request_escalation"
            and event.note == suggestion.summary("zh")):
        return suggestion.summary(lang)
    return shown(event.note, lang)


@dataclass(frozen=True)
class Decision:
    """The clerk's decision on authority next to Slipdesk's suggestion."""
    assessment: Assessment
    within: bool
    override_reason: str = ""
    at_once: bool = False  # answered on the spot

    @property
    def overridden(self) -> bool:
        return self.within != self.assessment.within

    def problems(self) -> dict[str, str]:
        if self.within and self.assessment.firm:
            names = "；".join(r.text(language()) for r in self.assessment.firm)
            return {"outcome" if self.at_once else "override_reason": t(
                "{why} No clerk settles this at the desk, even with a reason: it goes to the person in charge.", why=names)}
        if not self.overridden:
            return {}
        if self.within:
            missing = t("Slipdesk suggests escalation: say in a few words why you may settle it yourself.")
        else:
            missing = t("Slipdesk finds it within your authority: say in a few words why it must go up.")
        message = validation.text(self.override_reason, 500, required_message=missing)
        return {"override_reason": message} if message else {}


def decide(subject: Any, within: bool | None = None, override_reason: str = "",
           answered_at_once: bool = False) -> Decision:
    """The clerk's decision: their choice, or the suggestion when they made none. A complaint
    answered on the spot was settled by the clerk, so it counts as within authority."""
    assessment = assess(subject)
    chosen = True if answered_at_once else (assessment.within if within is None else within)
    reason = (override_reason or "").strip() if chosen != assessment.within else ""  # only an override has one
    return Decision(assessment, chosen, reason, answered_at_once)


# The manager's settings ------------------------------------------------------------------

def _changing_rules() -> str:
    """What a refusal says the user may not do (require_role's action)."""
    return t("change the authority rules")


def category_rule(category: Category) -> CategoryRule:
    """The category's rule; a category added after seeding may be settled by a clerk."""
    return CategoryRule.get_or_none(CategoryRule.category == category) or CategoryRule(category=category)


def set_category_rule(user: User, category_id: int, clerk_may_settle: bool,
                      department_id: int | None) -> CategoryRule:
    require_role(user, Role.MANAGER, action=_changing_rules())
    if department_id is not None and not Department.select().where(Department.id == department_id).exists():
        raise ValidationFailed({"department": t("Choose a department.")})
    with write_transaction():
        rule = category_rule(Category.get_by_id(category_id))
        before = {"clerk_may_settle": rule.clerk_may_settle, "department": rule.department_id}
        rule.clerk_may_settle, rule.department = clerk_may_settle, department_id
        rule.save()
        audit.log(user, "authority_category_rule", category=rule.category.code, before=before,
                  after={"clerk_may_settle": clerk_may_settle, "department": department_id})
    return rule


def limits() -> list[AuthorityLimit]:
    return list(AuthorityLimit.select().order_by(AuthorityLimit.id))


def set_limit(user: User, code: str, amount: Any) -> AuthorityLimit:
    require_role(user, Role.MANAGER, action=_changing_rules())
    message = t("Enter an amount.") if amount in (None, "") else amount_problem(amount)
    if message:
        raise ValidationFailed({"amount": message})
    with write_transaction():
        limit = AuthorityLimit.get(AuthorityLimit.code == code)
        before, limit.amount = limit.amount, amount_or_none(amount)
        limit.save()
        audit.log(user, "authority_limit", code=code, before=before, after=limit.amount)
    return limit


def signals(active_only: bool = False) -> list[EscalationSignal]:
    query = EscalationSignal.select().order_by(EscalationSignal.sort, EscalationSignal.id)
    return list(query.where(EscalationSignal.active) if active_only else query)


def save_signal(user: User, name_zh: str, name_en: str, keywords: str, unless_after: str = "",
                active: bool = True, signal_id: int | None = None, firm: bool | None = None) -> EscalationSignal:
    """Add or change a signal that always escalates; a signal is switched off, never deleted,
    so that old suggestions still name their rule."""
    require_role(user, Role.MANAGER, action=_changing_rules())
    errors = {}
    if not (name_zh or "").strip() or len(name_zh) > 64:
        errors["name_zh"] = t("A Chinese name (up to 64 characters) is required.")
    if not (name_en or "").strip() or len(name_en) > 64:
        errors["name_en"] = t("An English name (up to 64 characters) is required.")
    if not split_words(keywords):
        errors["keywords"] = t("List at least one word, separated by commas (、 or ,).")
    if errors:
        raise ValidationFailed(errors)
    with write_transaction():
        if signal_id:
            signal = EscalationSignal.get_by_id(signal_id)
        else:
            last = EscalationSignal.select(peewee.fn.MAX(EscalationSignal.sort)).scalar() or 0
            signal = EscalationSignal(code=f"custom{EscalationSignal.select().count() + 1}", sort=last + 1)
        signal.name_zh, signal.name_en = name_zh.strip(), name_en.strip()
        signal.keywords = "、".join(split_words(keywords))
        signal.unless_after = "、".join(split_words(unless_after))
        signal.active = active
        if firm is not None:  # None: as it was (a new signal: not firm)
            signal.firm = bool(firm)
        signal.save()
        audit.log(user, "authority_signal", code=signal.code, name=signal.name_zh, keywords=signal.keywords,
                  unless_after=signal.unless_after, active=active, firm=bool(signal.firm))
    return signal


def set_repeat_rule(user: User, days: int) -> None:
    """A second complaint of one unit or one caller within `days` days is a repeat (重复投诉)."""
    require_role(user, Role.MANAGER, action=_changing_rules())
    if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= 365:
        raise ValidationFailed({"repeat_days": t("Between 1 and 365 days.")})
    with write_transaction():
        settings.put("authority.repeat_days", days, user)
        audit.log(user, "authority_repeat_rule", days=days)
