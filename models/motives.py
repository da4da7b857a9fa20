"""Why the customer complains, and how to meet them: motives suggested from their words.

The seed (complaint-motives) names four motive types (建议, 发泄, 求偿, 心机), six motive kinds
and two needs behind every complaint (理性需求, 感性需求); complaint-analysis and
customer-service-course name the customer's temperament (困难客户 and the four customer types).
Slipdesk suggests these from the complaint's words with transparent keyword rules kept as data
in the `MotiveRule` table (a manager edits them), shows the handling cards the seeds teach, and
the clerk confirms or corrects. Every decision is kept with the rules that fired, so the rules
the clerks often correct can be improved (`rule_stats`).

`exposure_threat(text)` is the signal the authority rules use: threats of media exposure,
hotlines or lawyers always escalate (DOMAIN.md "Authority").
"""
from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass, field

import peewee

from models import clock, rule_stamp
from models.accounts import User, require_role
from models.changes import Change, change_slip
from models.db import BaseModel, write_transaction
from models.facts import SlipRecord
from models.errors import ValidationFailed
from models.i18n import pick, t
from models.slips import Slip
from models.vocab import Role

# The four motive types and the six kinds, in the seed's order: two separate lists. The seed maps
# neither onto the other, so a kind says nothing about the type (and is never forced to).
TYPES = ("suggestion", "venting", "compensation", "scheming")
KINDS = ("improve", "attention", "abuse", "redress", "exposure", "competition")
NEEDS = ("rational", "emotional")
# complaint-analysis: 困难的客户类型; customer-service-course: the four basic customer types.
DIFFICULT = ("irritable", "abusive", "reserved", "domineering", "critic", "talkative", "indecisive",
             "drunk", "argumentative")
CUSTOMER_TYPES = ("demanding", "amiable", "rational", "compliant")
TEMPERAMENTS = DIFFICULT + CUSTOMER_TYPES
TARGETS = ("type", "kind", "need", "temperament", "card")

_LABELS: dict[str, tuple[str, str]] = {
    "type:suggestion": ("建议", "Suggestion"),
    "type:venting": ("发泄", "Venting"),
    "type:compensation": ("求偿", "Compensation-seeking"),
    "type:scheming": ("心机", "Scheming"),
    "kind:improve": ("帮助企业提升", "Help the company improve"),
    "kind:attention": ("希望受到重视", "Wish to be taken seriously"),
    "kind:abuse": ("讽刺责骂到底", "Sarcasm and abuse to the end"),
    "kind:redress": ("物资或精神赔偿", "Material or emotional compensation"),
    "kind:exposure": ("逼迫满足曝光威胁", "Pressure with threats of exposure"),
    "kind:competition": ("匿名不当竞争", "Anonymous unfair competition"),
    "need:rational": ("理性需求", "Rational need"),
    "need:emotional": ("感性需求", "Emotional need"),
    "temperament:irritable": ("易怒的客户", "Irritable"),
    "temperament:abusive": ("下流或令人讨厌的客户", "Abusive"),
    "temperament:reserved": ("矜持的客户", "Reserved"),
    "temperament:domineering": ("霸道的客户", "Domineering"),
    "temperament:critic": ("批评家", "Critic"),
    "temperament:talkative": ("喋喋不休的客户", "Talkative"),
    "temperament:indecisive": ("犹豫不决的客户", "Indecisive"),
    "temperament:drunk": ("酗酒的客户", "Drunk"),
    "temperament:argumentative": ("爱争辩的客户", "Argumentative"),
    "temperament:demanding": ("严格要求型客户", "Demanding"),
    "temperament:amiable": ("和蔼可亲型客户", "Amiable"),
    "temperament:rational": ("理智型客户", "Rational"),
    "temperament:compliant": ("服从型客户", "Compliant"),
}

# "不需要赔偿" is not a claim: a word right after one of these does not count.
NEGATIONS = ("不需要", "不要求", "不用", "无需", "无须", "没要求", "不图", "不是要")


def label(target: str, code: str | None, lang: str | None = None) -> str:
    """The seed's name of a motive code ("type", "kind", "need", "temperament")."""
    if not code:
        return ""
    names = _LABELS.get(f"{target}:{code}")
    if names is None:
        return code
    return pick(names[1], names[0], lang)


def valid_values(target: str) -> tuple[str, ...]:
    return {"type": TYPES, "kind": KINDS, "need": NEEDS, "temperament": TEMPERAMENTS,
            "card": tuple(CARDS)}.get(target, ())


# ---------------------------------------------------------------------------------------------
# The handling cards: what the seeds teach for each motive and temperament, quoted.

@dataclass(frozen=True)
class Quote:
    seed: str  # the seed file, e.g. "customer-service-course"
    text: str  # quoted as written (line-break spaces of the scraped page removed)


@dataclass(frozen=True)
class Card:
    key: str
    title_zh: str
    title_en: str
    steps_zh: tuple[str, ...]
    steps_en: tuple[str, ...]
    quotes: tuple[Quote, ...]
    shown_for: tuple[tuple[str, str], ...] = ()  # (target, value) pairs that bring the card up

    def title(self, lang: str | None = None) -> str:
        return pick(self.title_en, self.title_zh, lang)

    def steps(self, lang: str | None = None) -> tuple[str, ...]:
        return pick(self.steps_en, self.steps_zh, lang)


_CSC, _PROP, _MOT = "customer-service-course", "property-service-and-complaint-etiquette", "complaint-motives"
_SAT = "satisfaction-and-loyalty"

CARDS: dict[str, Card] = {card.key: card for card in (
    Card("venting", "让客户发泄不满", "Let them vent",
         ("让客户把话说完，不要打断", "不要争辩", "先认同感受：“我很理解您此时的心情”", "请到不影响其他客户的地方，坐下慢慢说"),
         ("Let the customer finish; do not interrupt", "Do not argue",
          "Acknowledge the feeling first: “I understand how you feel”",
          "Move somewhere quiet, away from other customers; offer a seat"),
         (Quote(_PROP, "第一步，认真听取顾客投诉的内容，收集详细信息，无论客人投诉的内容是对还是错，都不要进行争辩，给客人一个发泄的机会。"),
          Quote(_PROP, "张先生，我很理解您此时的心情，请坐下来喝杯茶慢慢说"),
          Quote(_CSC, "然而争辩往往会增添客户的怒气，不便于疾速解决问题。即使你在争辩中胜出，你的服务却是失败的。")),
         (("type", "venting"),)),
    Card("attention", "希望受到重视", "They want to be taken seriously",
         ("礼貌、友好，对客户的问题表示理解", "复述客户的话，确认准确了解了问题",
          "问客户希望怎样解决，并告诉进展", "约定回复时限，按时回复"),
         ("Be courteous; show you understand the problem", "Read the complaint back to confirm it",
          "Ask how they would like it solved; keep them informed", "Agree a reply deadline and keep it"),
         (Quote(_CSC, "1、获得尊重。尊重是客户最基本的需求。以下行为能帮助展示你对客户的尊重：礼貌、友好的态度；对客户的情况和所遇到的问题表示理解；准确了解客户的问题。"),
          Quote(_CSC, "使客户感到参与感的方法包括，询问客户希望情况如何解决，及时告诉客户进展情况等。")),
         (("kind", "attention"),)),
    Card("rude", "应对无理客户粗言脏语", "Rude language",
         ("保持冷静：对方的话不是针对你个人", "不以牙还牙，把注意力放在对方的需求上",
          "经努力仍无法配合：告知在这种状态下无法帮助解决，请他先离开，另约时间", "必要时按规定请负责人或安保部处理"),
         ("Stay calm: the words are not aimed at you personally", "Do not answer in kind; look at their need",
          "If it goes on: say you cannot help like this, ask them to leave and agree another time",
          "If needed, call the person in charge or security, as the rules say"),
         (Quote(_CSC, "如果客户有什么冲动的言行，要知道他并不是针对你个人，只是发泄受挫的情感。"),
          Quote(_CSC, "如果客户做出粗鲁无礼的言行，经努力仍无法使他配合工作，则可以告知对方，在这种状态下你是无法帮助他解决问题的，请他先离开，另找时间商谈。")),
         (("kind", "abuse"), ("temperament", "abusive"), ("temperament", "drunk"))),
    Card("boss", "强烈要求找领导怎么办", "“I want your manager”",
         ("先看看自己能做什么，不要立刻推给经理", "确需请示：由自己去问负责人，再把答复告诉客户",
          "客户指名要负责人时，负责人要尽快到场"),
         ("First see what you can do yourself; do not pass them straight to the manager",
          "If you must ask, ask the person in charge yourself and bring back the answer",
          "When the customer asks for the person in charge by name, that person comes at once"),
         (Quote(_CSC, "推卸责任。遇到回答不了的问题，不要立刻推给经理。先看看有什么是自己能做的，尽自己所能帮助客户。"),
          Quote(_CSC, "如果确切需要咨询经理，最好由自己去征询经理，并将信息告诉客户，而不是让客户直接与经理交谈。"),
          Quote(_PROP, "当顾客提出指名要谁来处理时，该管理人员要保障在一分钟内出现，处理得越及时，对结果越有帮助。")),
         ()),
    Card("redress", "求偿：先问客户的要求", "Compensation: ask what they want first",
         ("先让客户提出自己的要求，再协商", "只承诺处理权限内的补偿；超出权限请负责人确认",
          "记录客户提出的金额或要求"),
         ("Let the customer say what they want, then discuss it",
          "Promise only what is within your authority; beyond it, the person in charge confirms",
          "Record the amount or remedy asked for"),
         (Quote(_PROP, "不如一开始就让顾客提出自己的要求，再与其进行协商"),
          Quote(_PROP, "不能做超出处理权限之外的决定及承诺。")),
         (("type", "compensation"),)),
    Card("exposure", "逼迫满足曝光威胁", "Threats of exposure",
         ("保持冷静，坚定立场，不被牵制", "不做超出处理权限的决定或承诺",
          "如实记录客户的原话，报负责人确认（超出处理权限）"),
         ("Stay calm and keep your position; do not be pushed",
          "Make no decision or promise beyond your authority",
          "Record the customer's exact words; the person in charge confirms (beyond authority)"),
         (Quote(_MOT, "逼迫满足曝光威胁：客户可能利用投诉威胁企业，以达到某种目的。"),
          Quote(_PROP, "有自己的判断力，坚定自己的立场，不要被客户的思想同化，被客户牵制。"),
          Quote(_PROP, "不能做超出处理权限之外的决定及承诺。")),
         (("kind", "exposure"),)),
    Card("promise", "怎样承诺客户最安全", "Safe promises",
         ("承诺要谨慎：承诺的时限留有余地", "承诺的事做到最好，争取提前完成", "约定的回复时限就是承诺"),
         ("Promise carefully: leave room in the deadline you agree", "Do your best on what you promised; finish early",
          "The agreed reply deadline is a promise"),
         (Quote(_CSC, "做出承诺务必谨慎，过高的承诺会使客户产生过高的期望，容易产生不满。"),
          Quote(_CSC, "谨慎做出承诺，并将承诺的事项做到最好。")),
         (("type", "compensation"), ("kind", "exposure"), ("temperament", "demanding"))),
    Card("gift", "如何有艺术的赠送小礼品", "Small gifts",
         ("对提出具体改进意见、帮助很大的客户：携带小礼品上门感谢，或服务升级",
          "问题基本解决后，可适当提供增值服务", "在满意度回访里登记感谢"),
         ("A customer whose concrete suggestion helped a lot: a thank-you visit with a small gift, or a service upgrade",
          "Once the problem is solved, a small added service may be offered",
          "Record the thanks with the satisfaction and return visit"),
         (Quote(_PROP, "对于对企业的服务及管理提出了具体改进意见、帮助很大的客户，接待人员可携带小礼品上门感谢，或将其服务等级升级对待。"),
          Quote(_PROP, "根据情况，在问题基本解决后，可以适当地为部分投诉客户提供增值服务。")),
         (("type", "suggestion"),)),
    Card("thanks", "感谢客户的建议", "Thank them for the suggestion",
         ("感谢客户提出意见", "认真记录建议，告诉客户会怎样考虑", "在意见簿上回复并签字"),
         ("Thank the customer for the suggestion", "Record it carefully; say how it will be considered",
          "Write the reply back into the comment book and sign it"),
         (Quote(_PROP, "学会感谢业主提出意见、给予改正和进步的机会，使业主从逐渐了解到最终理解、信赖公司。"),
          Quote(_PROP, "客户在挑剔过程中所提出来的建议，也许可直接采用，也许需经修改或转化才可采用，但总能对企业的加强和提升有益。")),
         (("kind", "improve"), ("temperament", "critic"))),
    Card("five_why", "5Why:找出根本原因", "Five whys: find the root cause",
         ("连续问五次“为什么”，直到找到根本原因", "把原因和改进写进处理情况", "在每周或每月的检讨里复查"),
         ("Ask “why?” five times until the root cause shows", "Write the cause and the fix into the handling notes",
          "Check it again in the weekly or monthly review"),
         (Quote(_MOT, "分析问题：原因是什么1)结构分析法2)5Why垂直法"),
          Quote(_PROP, "规定投诉抱怨的窗口、处理的程序及回复处理的方法，以及如何彻底解决发生的原因避免重复再犯。")),
         (("kind", "attention"), ("kind", "improve"))),
    Card("calm", "面对生气的客户：保持冷静", "An angry customer: stay calm",
         ("保持冷静和耐心", "把注意力从对方的言行转到他的需求上", "感到自己要失控时，借查资料离开片刻"),
         ("Stay calm and patient", "Turn your attention from their words to their need",
          "If you feel yourself losing control, step away briefly (to look something up)"),
         (Quote(_CSC, "临时分开。如果感到自己有情绪失控的迹象，最好以查找资料等借口离开片刻，借此机遇使自己安静下来，然后再回来持续处理面前的情况。"),
          Quote(_CSC, "转移客户的注意力。努力使客户的注意力转移到如何解决当前问题上来。")),
         (("temperament", "irritable"), ("temperament", "argumentative"), ("temperament", "domineering"))),
    Card("reserved", "沉默型客户", "A silent customer",
         ("主动发问，问他关心的问题", "留意表情和举动等非语言信息"),
         ("Ask questions about what matters to them", "Watch their face and gestures"),
         (Quote(_CSC, "对于沉默型客户，可以采用引导法，向对方发问，针对客户关心的问题询问他的看法，从而促使客户与你交谈。"),),
         (("temperament", "reserved"),)),
    Card("talkative", "喋喋不休型客户", "A talkative customer",
         ("倾听并表示关注，同时抓住主动权", "引导话题，得到所需信息后礼貌结束，约定回电时间"),
         ("Listen and show attention, but keep the lead",
          "Steer the talk; once you have what you need, end politely and agree when you will call back"),
         (Quote(_CSC, "对于喋喋不休型客户，在倾听的同时抓住主动权。倾听客户的话，向他表现你的关注。"),),
         (("temperament", "talkative"),)),
    Card("indecisive", "犹豫不决的客户", "An indecisive customer",
         ("用封闭式问题（是/否）确认客户的想法", "复述客户的话，确认理解"),
         ("Use closed (yes/no) questions to confirm what they want", "Read back what they said"),
         (Quote(_CSC, "提问时可以问关闭式问题，使客户做出“是”或“否”的谜底。可用于：获得确定的信息；廓清客户的想法；对客户的陈说进行确认。"),),
         (("temperament", "indecisive"),)),
    Card("demanding", "严格要求型客户", "A demanding customer",
         ("关注结果：迅速、自信地行事", "认真听他的需求和期望"),
         ("They care about the result: act quickly and confidently", "Listen carefully to what they expect"),
         (Quote(_CSC, "严格要求型客户。这类客户十分关注结果，而不关心过程。"),),
         (("temperament", "demanding"),)),
    Card("amiable", "和蔼可亲型客户", "An amiable customer",
         ("热情友好，给予特别的关注", "不要只是例行公事"),
         ("Be warm and friendly; give them particular attention", "Do not treat it as routine"),
         (Quote(_CSC, "和蔼可亲型客户。这类客户希望被别人接受，并希望自己的问题在客户服务人员的友好帮助下得到解决。"),),
         (("temperament", "amiable"),)),
    Card("rational_customer", "理智型客户", "A rational customer",
         ("保持冷静理性，有条理地说明处理过程", "讲清楚服务程序和依据"),
         ("Stay calm and reasoned; explain the handling step by step", "Be clear about the procedure and its basis"),
         (Quote(_CSC, "理智型客户提供服务的要害在于，保持冷静理性的态度，以及富有条理的处理方式。"),),
         (("temperament", "rational"),)),
    Card("compliant", "服从型客户", "A compliant customer",
         ("提供清晰、准确的信息", "说话严谨、诚实"),
         ("Give clear, accurate information", "Be exact and honest"),
         (Quote(_CSC, "服从型客户。这类客户重视对规矩的遵守，对你提供的信息很敏感。"),),
         (("temperament", "compliant"),)),
)}


# ---------------------------------------------------------------------------------------------
# The rules: editable data.

class MotiveRule(BaseModel):
    """Words that suggest one value of one target (a kind, a need, a temperament, a card)."""
    code = peewee.CharField(max_length=48, unique=True)
    target = peewee.CharField(max_length=16)
    value = peewee.CharField(max_length=24)
    words = peewee.TextField()  # one word or phrase per line (、 and , also separate)
    weight = peewee.IntegerField(default=1)
    note = peewee.TextField(default="")  # why the rule exists, for the manager
    active = peewee.BooleanField(default=True)
    updated_at = peewee.DateTimeField(default=clock.now)

    @property
    def word_list(self) -> tuple[str, ...]:
        return split_words(self.words)


@functools.lru_cache(maxsize=1024)
def split_words(text: str) -> tuple[str, ...]:
    """The words of a rule's list, once each (cached: every save matches the rules' lists again)."""
    parts = re.split(r"[,，、;；\n]", text or "")  # ASCII or full width, as a Chinese keyboard types them
    return tuple(dict.fromkeys(p.strip() for p in parts if p.strip()))


# (code, target, value, words, weight, note): the seeded rules; the estate edits them afterwards.
DEFAULT_RULES: tuple[tuple[str, str, str, str, int, str], ...] = (
    ("redress.money", "kind", "redress", "赔偿、补偿、退钱、退费、退还、赔钱、损失费、精神损失、减免、免除物业费、报销", 2,
     "求偿: 物质上的赔偿或服务上的弥补"),
    ("exposure.media", "kind", "exposure", "曝光、媒体、记者、电视台、报社、报纸、上新闻", 4,
     "逼迫满足曝光威胁; also escalates (authority: threats of media exposure)"),
    ("exposure.hotline", "kind", "exposure", "12345、市长热线、消协、消费者协会、住建委、房管局、信访、上访", 4,
     "threats to go to a hotline or the authorities"),
    ("exposure.legal", "kind", "exposure", "律师、起诉、法院、打官司、走法律程序、律师函", 4,
     "legal threats; the seed: 客户不满很强烈时，会采取法律行动"),
    ("exposure.online", "kind", "exposure", "发到网上、发微博、发抖音、发朋友圈、网上曝光、业主群里说", 2,
     "threats to post it online"),
    ("attention.ignored", "kind", "attention",
     "没人管、没人理、爱理不理、不理睬、说了好几次、反映过好几次、一直没人、敷衍、推来推去、踢皮球、给个说法、不当回事、不重视", 2,
     "希望受到重视: complained before, not taken seriously"),
    ("abuse.words", "kind", "abuse", "垃圾物业、废物、饭桶、吃干饭、什么破物业、混蛋、王八蛋、他妈的", 2,
     "讽刺责骂到底: abuse or sarcasm"),
    ("abuse.sarcasm", "kind", "abuse", "真有你们的、真是好样的、服了你们、真够负责的、可真行", 1, "sarcasm"),
    ("improve.suggest", "kind", "improve", "建议、希望增加、能否考虑、能不能考虑、是否可以增加、提个意见、提议、最好能、改进一下", 2,
     "帮助企业提升: a suggestion"),
    ("competition.anonymous", "kind", "competition", "匿名、不愿留名、不留姓名、换一家物业、别的物业公司都", 1,
     "匿名不当竞争"),
    ("venting.feeling", "type", "venting", "气死、太过分、忍无可忍、受够了、受不了、火大、窝火、憋屈、烦死了、太差劲、什么态度", 1,
     "发泄: strong feelings"),
    # the types' own words: a type is suggested from these, never derived from the kind
    ("suggestion.words", "type", "suggestion", "建议、希望增加、能否考虑、能不能考虑、是否可以增加、提个意见、提议、最好能、改进一下", 2,
     "建议: the customer wants to help improve the service"),
    ("compensation.words", "type", "compensation",
     "赔偿、补偿、退钱、退费、退还、赔钱、损失费、精神损失、减免、免除物业费、报销", 2,
     "求偿: the customer expects material or service redress"),
    ("scheming.words", "type", "scheming",
     "曝光、媒体、记者、12345、市长热线、律师、起诉、发到网上、匿名、换一家物业", 2,
     "心机: the complaint used as a lever for a particular end"),
    ("need.rational", "need", "rational",
     "坏、故障、维修、修好、质量、收费、费用、价格、多收、账单、漏水、堵了、不亮、按时、拖延、迟到", 1,
     "理性需求: function, quality, price, delivery"),
    ("need.emotional", "need", "emotional",
     "态度、不尊重、看不起、委屈、失望、寒心、伤心、生气、不放心、害怕、担心、冷漠、没人理、爱理不理", 1,
     "感性需求: 感性为‘王’，理性为‘后’"),
    ("temper.irritable", "temperament", "irritable", "气死、火冒三丈、忍无可忍、发火、急死了", 1, "易怒"),
    ("temper.abusive", "temperament", "abusive", "混蛋、王八蛋、他妈的、滚、傻逼、去死", 2, "粗言脏语"),
    ("temper.domineering", "temperament", "domineering", "你必须、我命令、少废话、我说了算、必须给我、我不管", 1, "霸道"),
    ("temper.critic", "temperament", "critic", "什么水平、不专业、外行、从来就没、一贯如此", 1, "批评家"),
    ("temper.indecisive", "temperament", "indecisive", "不知道该不该、要不算了、想想再说、拿不定主意", 1, "犹豫不决"),
    ("temper.drunk", "temperament", "drunk", "喝多了、喝醉、酒气、醉醺醺", 2, "酗酒"),
    ("temper.argumentative", "temperament", "argumentative", "凭什么、你说清楚、讲讲道理、你倒是说说、有什么依据", 1, "爱争辩"),
    ("temper.demanding", "temperament", "demanding", "要结果、给我结果、什么时候能解决、限你们、最晚", 1, "严格要求型"),
    ("temper.rational", "temperament", "rational", "根据合同、按照合同、物业服务合同、条款、条例规定", 1, "理智型"),
    ("temper.amiable", "temperament", "amiable", "麻烦你们了、辛苦了、谢谢你们、不好意思打扰", 1, "和蔼可亲型"),
    ("card.boss", "card", "boss", "找领导、找你们领导、叫领导、叫你们经理、找经理、找你们经理、叫负责人、负责人出来、找老板、找你们老总", 2,
     "强烈要求找领导怎么办"),
)


def seed_rules() -> None:
    """Fill the rules on a new (or newly upgraded) database; rules already there are kept."""
    for code, target, value, words, weight, note in DEFAULT_RULES:
        MotiveRule.get_or_create(code=code, defaults=dict(target=target, value=value, words=words,
                                                          weight=weight, note=note))


def rules(active_only: bool = True) -> list[MotiveRule]:
    query = MotiveRule.select().order_by(MotiveRule.target, MotiveRule.code)
    if active_only:
        query = query.where(MotiveRule.active)
    return list(query)


def save_rule(user: User, code: str, target: str, value: str, words: str, weight: int = 1,
              note: str = "", active: bool = True) -> MotiveRule:
    """Add or change a rule (by code); the manager improves the rules the clerks correct."""
    require_role(user, Role.MANAGER, action=t("change the motive rules"))
    errors = {}
    if not code.strip() or len(code) > 48:
        errors["code"] = t("A short code (up to 48 characters) is required.")
    if target not in TARGETS:
        errors["target"] = t("Choose what the rule suggests.")
    elif value not in valid_values(target):
        errors["value"] = t("Choose a value the rule suggests.")
    if not split_words(words):
        errors["words"] = t("Give at least one word or phrase.")
    if not 1 <= int(weight) <= 9:
        errors["weight"] = t("The weight is 1 to 9.")
    if errors:
        raise ValidationFailed(errors)
    with write_transaction():
        row = MotiveRule.get_or_none(MotiveRule.code == code.strip()) or MotiveRule(code=code.strip())
        row.target, row.value, row.words, row.weight = target, value, "\n".join(split_words(words)), int(weight)
        row.note, row.active, row.updated_at = note.strip(), active, clock.now()
        row.save()
    return row


# ---------------------------------------------------------------------------------------------
# Suggesting

@dataclass(frozen=True)
class RuleMatch:
    """One rule that fired, with the words of the text that made it fire."""
    rule_id: int
    code: str
    target: str
    value: str
    hits: tuple[tuple[str, int, int], ...]  # (word, start, end), in reading order
    weight: int

    @property
    def words(self) -> tuple[str, ...]:
        """The distinct words that matched, in the order they first appear in the text."""
        return tuple(dict.fromkeys(word for word, _s, _e in self.hits))

    @property
    def score(self) -> int:
        """The weight times the distinct words, overlapping words counted once: “一直没人管”
        (一直没人 + 没人管) is one grievance, not two."""
        seen: set[str] = set()
        stretches, end = 0, -1
        for word, start, stop in self.hits:
            if word in seen:
                continue
            seen.add(word)
            if start >= end:
                stretches += 1
            end = max(end, stop)
        return self.weight * stretches


@dataclass(frozen=True)
class Suggestion:
    type: str | None = None
    kind: str | None = None
    temperament: str | None = None
    needs: tuple[str, ...] = ()
    matches: tuple[RuleMatch, ...] = ()
    cards: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.matches

    def words_for(self, target: str, value: str) -> tuple[str, ...]:
        """The words behind one suggested value, in reading order."""
        hits = sorted((h for m in self.matches if m.target == target and m.value == value for h in m.hits),
                      key=lambda h: h[1])
        return tuple(dict.fromkeys(word for word, _s, _e in hits))


@functools.lru_cache(maxsize=1024)
def fold(text: str) -> str:
    """Full-width letters and digits as half-width (１２３４５ → 12345), lower case, character by
    character so that positions in the folded text are positions in the original. Kept for the
    texts seen last: every rule folds the same complaint and its own words again."""
    def one(ch: str) -> str:
        folded = unicodedata.normalize("NFKC", ch).lower()
        return folded if len(folded) == 1 else ch
    return "".join(one(ch) for ch in text or "")


def find_words(text: str, words: tuple[str, ...]) -> list[tuple[str, int, int]]:
    """Every occurrence of each word in `text` (folded), skipping those right after a negation."""
    text = fold(text)
    found = []
    for word in words:
        key = fold(word)
        start = text.find(key)
        while start >= 0:
            if not any(text[max(0, start - len(neg)):start] == neg for neg in NEGATIONS):
                found.append((word, start, start + len(key)))
            start = text.find(key, start + 1)
    return found


def _match(rule: MotiveRule, text: str) -> RuleMatch | None:
    hits = find_words(text, rule.word_list)
    if not hits:
        return None
    return RuleMatch(rule.id, rule.code, rule.target, rule.value,
                     tuple(sorted(hits, key=lambda h: (h[1], -h[2]))), rule.weight)


# Ties between kinds go to the one that matters most at the desk.
_KIND_PRIORITY = ("exposure", "redress", "abuse", "attention", "improve", "competition")
_TYPE_PRIORITY = ("scheming", "compensation", "venting", "suggestion")


def _best(scores: dict[str, int], priority: tuple[str, ...]) -> str | None:
    if not scores:
        return None
    return max(scores, key=lambda v: (scores[v], -priority.index(v) if v in priority else -99))


def suggest(text: str, rule_rows: list[MotiveRule] | None = None) -> Suggestion:
    """The motive the words suggest, with every rule that fired; empty on neutral text."""
    text = text or ""
    rule_rows = rules() if rule_rows is None else rule_rows
    matches = tuple(m for m in (_match(r, text) for r in rule_rows if r.active) if m)
    scores: dict[str, dict[str, int]] = {t: {} for t in TARGETS}
    for m in matches:
        scores[m.target][m.value] = scores[m.target].get(m.value, 0) + m.score
    kind = _best(scores["kind"], _KIND_PRIORITY)
    motive_type = _best(scores["type"], _TYPE_PRIORITY)  # from the types' own words: the lists are independent
    temperament = _best(scores["temperament"], TEMPERAMENTS)
    needs = tuple(n for n in NEEDS if n in scores["need"])
    best = [("type", motive_type), ("kind", kind), ("temperament", temperament)]
    others = [(m.target, m.value) for m in sorted(matches, key=lambda m: -m.score)]
    return Suggestion(motive_type, kind, temperament, needs, matches, cards_for(best + others))


def cards_for(pairs: list[tuple[str, str | None]]) -> tuple[str, ...]:
    """The handling cards for motive values, in the order given: the suggested values first,
    then the other values the words hinted at; a card rule brings up its card at once."""
    keys = [value for target, value in pairs if target == "card" and value in CARDS]
    for pair in pairs:
        keys += [card.key for card in CARDS.values() if pair in card.shown_for]
    return tuple(dict.fromkeys(keys))


def exposure_threat(text: str) -> tuple[str, ...]:
    """The words in `text` that threaten exposure (media, hotlines, lawyers); empty if none.

    For the authority rules (models.authority): a slip with such words is beyond a clerk's
    authority. Uses the estate's active rules for the kind "exposure".
    """
    rows = _exposure_rules(rule_stamp.rows(_EXPOSURE_SQL))
    return suggest(text, rows).words_for("kind", "exposure")


# Read again whenever a rule changed, at any desk (models.rule_stamp); the rule objects are made
# again only when the rows differ.
_EXPOSURE_SQL = ('SELECT "id", "code", "target", "value", "words", "weight" FROM "motive_rule" '
                 'WHERE "active" AND "target" = \'kind\' AND "value" = \'exposure\' ORDER BY "target", "code"')


@functools.lru_cache(maxsize=4)
def _exposure_rules(rows: tuple[tuple, ...]) -> list[MotiveRule]:
    return [MotiveRule(id=id_, code=code, target=target, value=value, words=words, weight=weight, active=True)
            for id_, code, target, value, words, weight in rows]


# ---------------------------------------------------------------------------------------------
# The clerk decides: confirm or correct, and every decision is counted.

@dataclass(frozen=True)
class Choice:
    """What the clerk settles on for the slip."""
    type: str | None = None
    kind: str | None = None
    temperament: str | None = None
    needs: tuple[str, ...] = ()

    @classmethod
    def of(cls, suggestion: Suggestion) -> "Choice":
        return cls(suggestion.type, suggestion.kind, suggestion.temperament, suggestion.needs)

    def check(self) -> dict[str, str]:
        errors = {}
        if self.type and self.type not in TYPES:
            errors["motive_type"] = t("Unknown motive type.")
        if self.kind and self.kind not in KINDS:
            errors["motive_kind"] = t("Unknown motive kind.")
        if self.temperament and self.temperament not in TEMPERAMENTS:
            errors["temperament"] = t("Unknown temperament.")
        if any(n not in NEEDS for n in self.needs):
            errors["motive_needs"] = t("Unknown need.")
        return errors


class MotiveDecision(SlipRecord):
    """A clerk's confirmation or correction of the suggested motive for a slip."""
    slip = peewee.ForeignKeyField(Slip, backref="motive_decisions", on_delete="CASCADE")
    user = peewee.ForeignKeyField(User, backref="+")
    at = peewee.DateTimeField(index=True)
    suggested_type = peewee.CharField(max_length=16, default="")
    suggested_kind = peewee.CharField(max_length=16, default="")
    suggested_temperament = peewee.CharField(max_length=16, default="")
    suggested_needs = peewee.CharField(max_length=32, default="")
    chosen_type = peewee.CharField(max_length=16, default="")
    chosen_kind = peewee.CharField(max_length=16, default="")
    chosen_temperament = peewee.CharField(max_length=16, default="")
    chosen_needs = peewee.CharField(max_length=32, default="")
    corrected = peewee.BooleanField(default=False)


class MotiveRuleHit(BaseModel):
    """A rule that fired for a decision, and whether the clerk overruled what it suggested."""
    decision = peewee.ForeignKeyField(MotiveDecision, backref="hits", on_delete="CASCADE")
    rule = peewee.ForeignKeyField(MotiveRule, backref="hits", on_delete="CASCADE")
    words = peewee.CharField(max_length=255, default="")
    corrected = peewee.BooleanField(default=False)

    class Meta:
        indexes = ((("rule", "corrected"), False),)


def _corrected_fields(suggestion: Suggestion, choice: Choice) -> list[str]:
    pairs = {"type": (suggestion.type, choice.type), "kind": (suggestion.kind, choice.kind),
             "temperament": (suggestion.temperament, choice.temperament),
             "needs": (set(suggestion.needs), set(choice.needs))}
    return [name for name, (was, now) in pairs.items() if was != now]


def _rule_overruled(match: RuleMatch, choice: Choice) -> bool:
    if match.target == "kind":
        return choice.kind != match.value
    if match.target == "type":
        return choice.type != match.value
    if match.target == "need":
        return match.value not in choice.needs
    if match.target == "temperament":
        return choice.temperament != match.value
    return False  # a card rule suggests a card, not a value the clerk sets


def confirm(slip_id: int, user: User, choice: Choice, suggestion: Suggestion, *, expected_version: int) -> Slip:
    """Record the clerk's motive for the slip (as suggested, or corrected) and count the decision,
    on the slip's version the form opened (models.changes: locking, history, version)."""
    errors = choice.check()
    if errors:
        raise ValidationFailed(errors)
    corrected = _corrected_fields(suggestion, choice)

    def step(slip: Slip) -> Change:
        now = clock.now()
        slip.motive_type, slip.motive_kind, slip.temperament = choice.type, choice.kind, choice.temperament
        slip.motive_needs, slip.motive_confirmed_at = ",".join(choice.needs) or None, now
        _count_decision(slip, user, now, choice, suggestion, corrected)
        return Change("motive_corrected" if corrected else "motive_confirmed", transition=False,
                      data={"chosen": _plain(choice), "suggested": _plain(Choice.of(suggestion)),
                            "corrected": corrected, "rules": [m.code for m in suggestion.matches]})

    return change_slip(slip_id, user, expected_version, step)


def _count_decision(slip: Slip, user: User, now: dt.datetime, choice: Choice, suggestion: Suggestion,
                    corrected: list[str]) -> None:
    decision = MotiveDecision.create(
        slip=slip, user=user, at=now, corrected=bool(corrected),
        suggested_type=suggestion.type or "", suggested_kind=suggestion.kind or "",
        suggested_temperament=suggestion.temperament or "", suggested_needs=",".join(suggestion.needs),
        chosen_type=choice.type or "", chosen_kind=choice.kind or "",
        chosen_temperament=choice.temperament or "", chosen_needs=",".join(choice.needs))
    live = {r.id for r in MotiveRule.select(MotiveRule.id).where(
        MotiveRule.id.in_([m.rule_id for m in suggestion.matches]))}
    hits = [dict(decision=decision, rule=m.rule_id, words="、".join(m.words)[:255],
                 corrected=_rule_overruled(m, choice))
            for m in suggestion.matches if m.rule_id in live]  # a rule deleted meanwhile is skipped
    if hits:
        MotiveRuleHit.insert_many(hits).execute()


def _plain(choice: Choice) -> dict:
    return {"type": choice.type, "kind": choice.kind, "temperament": choice.temperament,
            "needs": list(choice.needs)}


def choice_of(slip: Slip) -> Choice:
    """The motive recorded on the slip (empty when not yet confirmed)."""
    needs = tuple(n for n in (slip.motive_needs or "").split(",") if n)
    return Choice(slip.motive_type, slip.motive_kind, slip.temperament, needs)


# ---------------------------------------------------------------------------------------------
# How the rules fare: the manager's view.

@dataclass(frozen=True)
class RuleStats:
    rule: MotiveRule
    fired: int
    corrected: int

    @property
    def correction_rate(self) -> float:
        return self.corrected / self.fired if self.fired else 0.0


@dataclass(frozen=True)
class MissedStats:
    """A value clerks chose where the rules suggested another or none: words to add for it."""
    target: str
    value: str
    count: int


@dataclass
class RuleReport:
    rules: list[RuleStats] = field(default_factory=list)
    missed: list[MissedStats] = field(default_factory=list)
    decisions: int = 0
    corrections: int = 0


def rule_stats(since: dt.datetime | None = None) -> RuleReport:
    """Per rule: how often it fired on a decided slip and how often the clerk overruled it,
    most corrected first; and the values clerks chose that the rules did not suggest."""
    decisions = MotiveDecision.select()
    if since is not None:
        decisions = decisions.where(MotiveDecision.at >= since)
    report = RuleReport(decisions=decisions.count(),
                        corrections=decisions.where(MotiveDecision.corrected).count())
    corrected_sum = peewee.fn.SUM(peewee.Case(None, [(MotiveRuleHit.corrected, 1)], 0))
    query = (MotiveRuleHit.select(MotiveRuleHit.rule, peewee.fn.COUNT(MotiveRuleHit.id), corrected_sum)
             .join(MotiveDecision).group_by(MotiveRuleHit.rule))
    if since is not None:
        query = query.where(MotiveDecision.at >= since)
    counts = {rule_id: (fired, corrected or 0) for rule_id, fired, corrected in query.tuples()}
    for rule in MotiveRule.select():
        fired, corrected = counts.get(rule.id, (0, 0))
        report.rules.append(RuleStats(rule, fired, corrected))
    report.rules.sort(key=lambda s: (-s.corrected, -s.correction_rate, s.rule.code))
    report.missed = _missed(decisions)
    return report


def _missed(decisions) -> list[MissedStats]:
    found: dict[tuple[str, str], int] = {}
    for target, suggested, chosen in (("kind", MotiveDecision.suggested_kind, MotiveDecision.chosen_kind),
                                      ("temperament", MotiveDecision.suggested_temperament,
                                       MotiveDecision.chosen_temperament)):
        query = (decisions.select(chosen, peewee.fn.COUNT(MotiveDecision.id))
                 .where(suggested != chosen, chosen != "").group_by(chosen))
        for value, count in query.tuples():
            found[(target, value)] = count
    return sorted((MissedStats(t, v, c) for (t, v), c in found.items()), key=lambda m: -m.count)
