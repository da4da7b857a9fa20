"""One rule for addressing a customer (models.salutation), whoever writes to them: standard
answers, reply letters, envelopes, the printed slip."""
from __future__ import annotations

import pytest

from models.salutation import honorific, is_anonymous, romanized, with_title


@pytest.mark.parametrize("name, title, lang, expected", [
    ("张三", "mr", "zh", "张先生"),
    ("欧阳娜娜", "ms", "zh", "欧阳女士"),  # a compound surname is kept whole
    ("张三", "", "zh", "张三"),  # no title known: the full name, never a guessed 先生/女士
    ("李女士", "ms", "zh", "李女士"),
    ("张三", "mr", "en", "Mr Zhang"),  # in English the surname in pinyin
    ("欧阳娜娜", "ms", "en", "Ms Ouyang"),
    ("张三", "", "en", "Zhang San"),
    ("李女士", "ms", "en", "Ms Li"),
    ("John Smith", "mr", "en", "Mr Smith"),
    ("John Smith", "", "en", "John Smith"),
])
def test_honorific(name, title, lang, expected):
    assert honorific(name, title, lang) == expected


def test_full_name_with_title_as_on_an_envelope():
    assert with_title("张三", "mr", "zh") == "张三 先生" and with_title("张三", "mr", "en") == "Mr 张三"
    assert with_title("李女士", "ms", "zh") == "李女士" and with_title("张三", "", "zh") == "张三"


def test_romanized_and_anonymous():
    assert romanized("欧阳娜娜") == "Ouyang Nana" and romanized("John") == "John"
    assert is_anonymous("匿名") and is_anonymous(" ") and not is_anonymous("张三")
