"""Words never to say to a complaining customer, and what to say instead.

The seeds: the sentence customers hate most is “很抱歉，我无能为力，这是公司的规定”
(satisfaction-and-loyalty); never say “我不知道”, never argue, never pass the customer on,
never word things negatively (customer-service-course). Declining politely means giving the
reason behind a policy, showing understanding, meeting other needs and offering alternatives.

The seeds tell two kinds apart: sentences never to say (严禁使用, e.g. “我不知道”) and wording
only better said another way (建议改说: “比如说‘对不起，这是我们的过失’，不如说‘我能理解给您带来
的麻烦与不便……’”). The list is data (`ForbiddenPhrase`, each with its `severity`), seeded from
the seeds and kept by the manager. `check` runs on every reply text and letter as it is typed
(forms/phrase_check.py), when a letter is submitted and when it is approved: a letter with a
sentence never to say goes on only once the clerk, then the approver, has read the flags.
"""
from __future__ import annotations

from dataclasses import dataclass

import peewee

from models import clock, folding
from models.accounts import User, require_role
from models.db import BaseModel, write_transaction
from models.errors import ValidationFailed
from models.i18n import is_chinese, t
from models.motives import split_words
from models.vocab import Role


BANNED, BETTER = "banned", "better"
SEVERITIES = (BANNED, BETTER)


class ForbiddenPhrase(BaseModel):
    phrase = peewee.CharField(max_length=64, unique=True)  # as listed for the clerks
    variants = peewee.TextField(default="")  # other spellings that mean the same, one per line
    alternative = peewee.TextField()  # what to say instead
    reason = peewee.TextField(default="")  # why not: the seed's words
    source = peewee.CharField(max_length=64, default="")  # which seed
    active = peewee.BooleanField(default=True)
    # "banned" (严禁: never said) or "better" (建议改说: better said another way)
    severity = peewee.CharField(max_length=8, default=BANNED, constraints=[peewee.SQL("DEFAULT 'banned'")])
    updated_at = peewee.DateTimeField(default=clock.now)

    @property
    def spellings(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.phrase, *split_words(self.variants))))


_CSC, _PROP, _SAT = "customer-service-course", "property-service-and-complaint-etiquette", "satisfaction-and-loyalty"

# (phrase, variants, alternative, reason, source, severity): 严禁 sentences are never said; the
# others are only better said another way (the etiquette seed's “比如说…，不如说…”).
DEFAULT_PHRASES: tuple[tuple[str, str, str, str, str, str], ...] = (
    ("这是公司的规定", "这是公司规定、公司就是这么规定的、规定就是这样、公司政策是这样规定的",
     "说明规定背后的原因，并表示理解，例如：“这样规定是为了……，我理解这给您带来了不便，我们可以……”",
     "如果是因公司政策不允许，仅仅说明“公司政策是这样规定的”还不够，最好还能说明公司政策之所以这样规定的原因", _CSC,
     BANNED),
    ("我无能为力", "无能为力、我也没办法、我们也没办法、帮不了你",
     "表示理解，尽量满足客户其他的需求，提供其他的选择：“这件事我们暂时做不到，但我可以为您……”",
     "顾客最讨厌听到的话通常是；“很抱歉，我无能为力，这是公司的规定。”", _SAT, BANNED),
    ("我不知道", "我不清楚、不归我知道",
     "“我马上帮您查清楚,××点前给您答复。”",
     "说“我不知道”意味着我们没有能力向客户提供必要的信息，而且我们不尽力去获取这些信息。", _CSC, BANNED),
    ("不可能", "绝对不可能、这不可能",
     "说能做什么，而不是不能做什么：“我们可以先……，同时……”",
     "在客户提出要求时，我们会很注意哪些是企业不能提供的，而忽略了哪些是企业能做的。", _CSC, BETTER),
    ("你自己看说明", "自己看说明书、你自己去看、你自己看通知、自己看公告",
     "亲自说明，避免客户不熟悉的术语，必要时举例：“我给您讲一下，……”",
     "避免使用含糊、含混的语言；尽量不使用客户不熟悉的专业术语；如果感到客户可能存在怀疑，及时提问澄清；必要时举例进行说明。", _CSC,
     BANNED),
    ("这不归我管", "这不归我们管、这不是我的事、不是我负责的、你去找别的部门、你去找经理、你找领导去",
     "先看自己能做什么；需要其他部门或负责人时，由自己去联系，再把答复告诉客户",
     "推卸责任。遇到回答不了的问题，不要立刻推给经理。先看看有什么是自己能做的，尽自己所能帮助客户。", _CSC, BANNED),
    ("我们只能", "只能这样了",
     "用建设性的方式表述：“没问题，很乐意替您保存。您可以在下午6点我们下班之前来取。”",
     "如果信息对客户不利，也应以建设性的方式来表述。请比较：A:我们只能保管到6点。", _CSC, BETTER),
    ("你搞错了", "你错了、你听错了、是你自己的问题、这是你的问题、不是我们的错",
     "不争辩，先认同，把“对”留给客户：“我理解您的意思，我们一起看看怎么解决”",
     "当客户责备我们的企业、产品或服务时，我们会很自然地想要辩论。然而争辩往往会增添客户的怒气，不利于迅速解决问题。", _CSC,
     BANNED),
    ("这是我们的过失", "",
     "“我能理解给您带来的麻烦与不便，您看我们能为您做些什么呢”",
     "比如说“对不起，这是我们的过失”，不如说“我能理解给您带来的麻烦与不便，您看我们能为您做些什么呢”。", _PROP, BETTER),
    ("我们的服务是最好的", "您要相信我们",
     "说具体能做到什么、什么时候做到：“这个工作我帮您做，……可能会需要3个工作日，不过我会争取尽快做好的”",
     "如果仅仅这么说“我们的服务是最好的，您要相信”，没有客户会相信的，这时就需要发挥语言艺术的魅力了。", _PROP, BETTER),
)


def seed_phrases() -> None:
    """Fill the list on a new (or newly upgraded) database; phrases already there are kept."""
    for phrase, variants, alternative, reason, source, severity in DEFAULT_PHRASES:
        ForbiddenPhrase.get_or_create(phrase=phrase, defaults=dict(
            variants="\n".join(split_words(variants)), alternative=alternative, reason=reason, source=source,
            severity=severity))


def mark_better_wording() -> None:
    """Schema step STEP_UNDERSTANDING: the seeded phrases that are only better said another way stop being banned
    (“对不起，这是我们的过失” is an apology, not a sentence never to say)."""
    better = [phrase for phrase, *_rest, severity in DEFAULT_PHRASES if severity == BETTER]
    ForbiddenPhrase.update(severity=BETTER).where(ForbiddenPhrase.phrase.in_(better)).execute()


def phrases(active_only: bool = True) -> list[ForbiddenPhrase]:
    query = ForbiddenPhrase.select().order_by(ForbiddenPhrase.id)
    if active_only:
        query = query.where(ForbiddenPhrase.active)
    return list(query)


def save_phrase(user: User, phrase: str, alternative: str, variants: str = "", reason: str = "",
                source: str = "", active: bool = True, severity: str = BANNED) -> ForbiddenPhrase:
    """Add or change a phrase (by its text); only a manager keeps the list."""
    require_role(user, Role.MANAGER, action=t("change the words never to say"))
    phrase = (phrase or "").strip()
    errors = {}
    if not phrase or len(phrase) > 64:
        errors["phrase"] = t("Write the phrase (up to 64 characters).")
    if not (alternative or "").strip():
        errors["alternative"] = t("Say what the clerk should say instead.")
    if severity not in SEVERITIES:
        errors["severity"] = t("Choose never said (严禁) or better said another way (建议改说).")
    if errors:
        raise ValidationFailed(errors)
    with write_transaction():
        row = ForbiddenPhrase.get_or_none(ForbiddenPhrase.phrase == phrase) or ForbiddenPhrase(phrase=phrase)
        row.variants = "\n".join(split_words(variants))
        row.alternative, row.reason, row.source = alternative.strip(), (reason or "").strip(), (source or "").strip()
        row.active, row.severity, row.updated_at = active, severity, clock.now()
        row.save()
    return row


@dataclass(frozen=True)
class Flag:
    """A listed phrase found in a text at [start, end): never to say (严禁), or better said
    another way (建议改说)."""
    phrase: str  # the listed phrase
    matched: str  # the words as written in the text
    start: int
    end: int
    alternative: str
    reason: str = ""
    source: str = ""
    phrase_id: int | None = None
    severity: str = BANNED

    @property
    def banned(self) -> bool:
        return self.severity != BETTER


def check(text: str, phrase_rows: list[ForbiddenPhrase] | None = None) -> list[Flag]:
    """Every listed phrase in `text`, in reading order; overlapping finds keep the longest.

    The text is matched folded (models.folding): through spaces and punctuation inside a phrase
    (“我 不知道”, “这是公司，的规定”), full-width letters and traditional characters (“這是公司的規定”)."""
    original = text or ""
    folded = folding.fold(original)
    rows = phrases() if phrase_rows is None else phrase_rows
    found: list[Flag] = []
    for row in rows:
        for spelling in row.spellings:
            for start, end in folded.find_all(spelling):
                found.append(Flag(row.phrase, original[start:end], start, end, row.alternative,
                                  row.reason, row.source, row.id, row.severity or BANNED))
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Flag] = []
    for flag in found:
        if kept and flag.start < kept[-1].end:
            continue
        kept.append(flag)
    return kept


def banned(flags: list[Flag]) -> list[Flag]:
    """The flags of sentences never to say (严禁), not those only better said another way."""
    return [flag for flag in flags if flag.banned]


def severity_label(severity: str, lang: str | None = None) -> str:
    if severity == BETTER:
        return "建议改说" if is_chinese(lang) else "Better said another way"
    return "严禁使用" if is_chinese(lang) else "Never say"
