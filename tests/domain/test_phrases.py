"""Words never to say: found in a reply with where they are and what to say instead."""
from __future__ import annotations

import pytest

from models import phrases
from models.errors import PermissionDenied, ValidationFailed

# (reply text, the listed phrases it must flag, in order)
EXAMPLES = [
    ("很抱歉，我无能为力，这是公司的规定。", ["我无能为力", "这是公司的规定"]),
    ("这个我不知道，你问别人吧。", ["我不知道"]),
    ("免费更换？不可能。", ["不可能"]),
    ("你自己看说明书就知道了。", ["你自己看说明"]),
    ("这不归我管，你去找经理。", ["这不归我管", "这不归我管"]),
    ("我们只能保管到6点。", ["我们只能"]),
    ("你搞错了，账单没有问题。", ["你搞错了"]),
    ("对不起，这是我们的过失。", ["这是我们的过失"]),
    ("您要相信我们，我们的服务是最好的。", ["我们的服务是最好的", "我们的服务是最好的"]),
    ("公司就是这么规定的，我也没办法。", ["这是公司的规定", "我无能为力"]),
]

NEUTRAL = [
    "张先生您好，您反映的楼道灯问题已于今天上午修好，感谢您的提醒。",
    "我能理解给您带来的麻烦与不便，您看我们能为您做些什么呢？",
    "我马上帮您查清楚，下午三点前给您答复。",
    "",
]


@pytest.mark.parametrize("text, expected", EXAMPLES)
def test_each_phrase_is_flagged_with_its_place_and_alternative(db, text, expected):
    flags = phrases.check(text)
    assert [f.phrase for f in flags] == expected
    for flag in flags:
        assert text[flag.start:flag.end] == flag.matched
        assert flag.alternative and flag.reason and flag.source


@pytest.mark.parametrize("text", NEUTRAL)
def test_a_good_reply_is_not_flagged(db, text):
    assert phrases.check(text) == []


def test_overlapping_spellings_flag_once(db):
    flags = phrases.check("绝对不可能！")
    assert [(f.matched, f.start, f.end) for f in flags] == [("绝对不可能", 0, 5)]


def test_the_seeds_sentence_customers_hate_most_names_the_seed(db):
    flag = phrases.check("我无能为力")[0]
    assert flag.source == "satisfaction-and-loyalty"
    assert "提供其他的选择" in flag.alternative


def test_the_manager_keeps_the_list(db, users):
    with pytest.raises(PermissionDenied):
        phrases.save_phrase(users["clerk"], "没办法", "说能做什么")
    with pytest.raises(ValidationFailed) as refused:
        phrases.save_phrase(users["manager"], "", "")
    assert set(refused.value.errors) == {"phrase", "alternative"}
    phrases.save_phrase(users["manager"], "你等着吧", "给出明确的时间：“我们会在……前回复您”", variants="等着吧")
    assert [f.phrase for f in phrases.check("等着吧，会有人来的")] == ["你等着吧"]
    phrases.save_phrase(users["manager"], "不可能", "说能做什么", active=False)
    assert phrases.check("不可能") == []
