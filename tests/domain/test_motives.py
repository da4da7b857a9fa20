"""Motive suggestions from the customer's words, the handling cards, and counting corrections."""
from __future__ import annotations

import datetime as dt

import pytest

from models import history, intake, motives
from models.catalog import Category
from models.errors import PermissionDenied, ValidationFailed
from models.slips import Slip
from models.vocab import Channel

# (sentence, every (target, value) it must suggest); from the seeds' situations and the desk's day.
EXAMPLES = [
    ("你们再不赔偿我的损失，我就找记者曝光！", {("kind", "exposure"), ("kind", "redress"), ("type", "scheming")}),
    ("车被地库漏水泡了，要求物业赔偿修车费。", {("kind", "redress"), ("type", "compensation"), ("need", "rational")}),
    ("物业费多收了120元，请退费。", {("kind", "redress"), ("need", "rational")}),
    ("这事不解决我就打12345投诉你们。", {("kind", "exposure"), ("type", "scheming")}),
    ("我已经请了律师，准备起诉物业公司。", {("kind", "exposure")}),
    ("我要发到网上，让大家都看看你们的服务。", {("kind", "exposure")}),
    ("门口的灯坏了说了好几次了，一直没人管！", {("kind", "attention"), ("need", "rational")}),
    ("你们这是什么破物业，一群饭桶！", {("kind", "abuse")}),
    ("物业费多收了，要求赔偿损失。", {("kind", "redress"), ("type", "compensation")}),
    ("服了你们，真够负责的，一个月修三次还是坏。", {("kind", "abuse"), ("need", "rational")}),
    ("建议在中心花园增加几个休息座椅，方便老人。", {("kind", "improve"), ("type", "suggestion")}),
    ("能不能考虑在东门加一个快递柜？", {("kind", "improve"), ("type", "suggestion")}),
    ("气死我了，太过分了，忍无可忍！", {("type", "venting"), ("temperament", "irritable")}),
    ("前台态度冷漠，让人很失望。", {("need", "emotional")}),
    ("叫你们经理出来，我不跟你说。", {("card", "boss")}),
    ("我要找领导！", {("card", "boss")}),
    ("少废话，你必须今天给我修好。", {("temperament", "domineering")}),
    ("凭什么要我交这个钱？你说清楚。", {("temperament", "argumentative")}),
    ("根据物业服务合同的条款，这应该由物业负责。", {("temperament", "rational")}),
    ("他喝多了在大堂大吵大闹。", {("temperament", "drunk")}),
    ("辛苦了，麻烦你们了，楼道灯不亮。", {("temperament", "amiable"), ("need", "rational")}),
    ("这封信我匿名寄来，别的物业公司都比你们强。", {("kind", "competition")}),
]

NEUTRAL = [
    "请问快递柜在哪里？",
    "我来交下个季度的物业费。",
    "明天下午三点小区停水，通知已经看到了。",
    "请帮我登记一下访客车辆。",
    "3号楼2单元1201的业主来领取门禁卡。",
    "",
]


@pytest.mark.parametrize("sentence, expected", EXAMPLES)
def test_each_example_gets_its_suggestion(db, sentence, expected):
    suggestion = motives.suggest(sentence)
    found = {(m.target, m.value) for m in suggestion.matches}
    found |= {("type", suggestion.type), ("kind", suggestion.kind), ("temperament", suggestion.temperament)}
    found |= {("card", c) for c in suggestion.cards}
    assert expected <= found
    for match in suggestion.matches:
        assert match.words and all(w in sentence for w in match.words)


@pytest.mark.parametrize("sentence", NEUTRAL)
def test_neutral_text_suggests_nothing(db, sentence):
    suggestion = motives.suggest(sentence)
    assert suggestion.empty and suggestion.type is None and suggestion.cards == ()


def test_the_strongest_motive_wins_and_its_card_comes_first(db):
    suggestion = motives.suggest("不赔偿的话我就找媒体曝光，还要请律师。")
    assert (suggestion.type, suggestion.kind) == ("scheming", "exposure")
    assert suggestion.cards[0] == "exposure"
    assert "redress" in suggestion.cards  # the compensation card, for the claim also made
    assert suggestion.words_for("kind", "exposure") == ("媒体", "曝光", "律师")


def test_a_claim_not_made_is_not_a_claim(db):
    assert motives.suggest("我不需要赔偿，只希望尽快修好。").kind is None


def test_exposure_threat_is_the_authority_signal(db):
    assert motives.exposure_threat("再不处理我就找电视台，还要打12345。") == ("电视台", "12345")
    assert motives.exposure_threat("楼道灯不亮。") == ()


def test_every_card_quotes_a_seed_and_has_steps_in_both_languages():
    for card in motives.CARDS.values():
        assert card.quotes and len(card.steps_zh) == len(card.steps_en) > 0
        assert card.title("zh") and card.title("en")


def test_venting_brings_up_the_card_let_them_finish(db):
    suggestion = motives.suggest("太过分了，受够了！")
    card = motives.CARDS[suggestion.cards[0]]
    assert card.key == "venting"
    assert any("不要打断" in step for step in card.steps_zh)
    assert any("发泄的机会" in q.text for q in card.quotes)


def _slip(users, now, complaint):
    return intake.save(intake.Intake(
        customer_request="希望尽快处理。",
        channel=Channel.ONSITE, complainant_name="张三", complainant_title="mr", unit_code="3-2-1201",
        complaint=complaint, read_back=True, category_id=Category.get(Category.code == "fees").id,
        deadline=now + dt.timedelta(days=1)), users["clerk"])


def test_clerk_confirms_the_suggestion(db, users, frozen_now):
    slip = _slip(users, frozen_now, "物业费多收了，要求退费。")
    suggestion = motives.suggest(slip.complaint)
    confirmed = motives.confirm(slip.id, users["clerk"], motives.Choice.of(suggestion), suggestion,
                                expected_version=slip.version)
    assert (confirmed.motive_type, confirmed.motive_kind, confirmed.motive_needs) == ("compensation", "redress", "rational")
    assert confirmed.version == slip.version + 1 and confirmed.motive_confirmed_at == frozen_now
    event = history.events_of(confirmed)[-1]
    assert event.action == "motive_confirmed" and sorted(event.details["rules"]) == [
        "compensation.words", "need.rational", "redress.money"]
    assert history.verify_slip(confirmed) is None
    report = motives.rule_stats()
    assert (report.decisions, report.corrections) == (1, 0)
    assert {s.rule.code: (s.fired, s.corrected) for s in report.rules if s.fired} == {
        "redress.money": (1, 0), "need.rational": (1, 0), "compensation.words": (1, 0)}


def test_corrections_are_counted_per_rule(db, users, frozen_now):
    # the words look like a claim; the clerk, who heard the customer, knows they want to be taken seriously
    for _ in range(2):
        slip = _slip(users, frozen_now, "要求退还多收的钱。")
        suggestion = motives.suggest(slip.complaint)
        assert suggestion.kind == "redress"
        corrected = motives.Choice("venting", "attention", "critic", ("emotional",))
        motives.confirm(slip.id, users["clerk"], corrected, suggestion, expected_version=slip.version)
    slip = Slip.get_by_id(slip.id)
    assert history.events_of(slip)[-1].action == "motive_corrected"
    assert history.events_of(slip)[-1].details["corrected"] == ["type", "kind", "temperament", "needs"]
    report = motives.rule_stats()
    assert (report.decisions, report.corrections) == (2, 2)
    top = {s.rule.code: (s.fired, s.corrected, s.correction_rate) for s in report.rules[:3]}
    assert top == {"redress.money": (2, 2, 1.0), "need.rational": (2, 2, 1.0), "compensation.words": (2, 2, 1.0)}
    assert all(s.fired == 0 for s in report.rules[3:])
    assert sorted((m.target, m.value, m.count) for m in report.missed) == [
        ("kind", "attention", 2), ("temperament", "critic", 2)]


def test_the_type_and_the_kind_are_chosen_independently(db, users, frozen_now):
    """The seed lists four types and six kinds side by side and maps neither onto the other."""
    slip = _slip(users, frozen_now, "要求赔偿。")
    chosen = motives.confirm(slip.id, users["clerk"], motives.Choice("suggestion", "redress"), motives.suggest(""),
                             expected_version=slip.version)
    assert (chosen.motive_type, chosen.motive_kind) == ("suggestion", "redress")
    with pytest.raises(ValidationFailed) as refused:
        motives.confirm(slip.id, users["clerk"], motives.Choice("suggestion", "nonsense"), motives.suggest(""),
                        expected_version=chosen.version)
    assert "motive_kind" in refused.value.errors
    abuse = motives.suggest("你们这是什么破物业，一群饭桶！")
    assert (abuse.kind, abuse.type) == ("abuse", None)  # a kind says nothing about the type


def test_only_a_manager_edits_the_rules_and_edits_take_effect(db, users):
    with pytest.raises(PermissionDenied):
        motives.save_rule(users["clerk"], "redress.money", "kind", "redress", "赔偿")
    assert motives.suggest("能不能给点补贴").kind is None
    motives.save_rule(users["manager"], "redress.subsidy", "kind", "redress", "补贴，贴补", weight=2)  # a Chinese comma
    assert motives.suggest("能不能给点补贴").kind == "redress"
    assert motives.suggest("能不能贴补一点").kind == "redress"
    with pytest.raises(ValidationFailed) as refused:
        motives.save_rule(users["manager"], "x", "kind", "nonsense", "")
    assert set(refused.value.errors) == {"value", "words"}
    motives.save_rule(users["manager"], "redress.subsidy", "kind", "redress", "补贴", active=False)
    assert motives.suggest("能不能给点补贴").kind is None


def test_full_width_digits_match_as_typed_on_a_chinese_keyboard(db):
    text = "我要打１２３４５"
    suggestion = motives.suggest(text)
    assert suggestion.kind == "exposure"
    (word, start, end), = suggestion.matches[0].hits
    assert (word, text[start:end]) == ("12345", "１２３４５")
