"""How the desk addresses a customer by name and title: 张先生, 欧阳女士, Mr Zhang.

Kept in models/ so that standard answers, letters, printouts and screens all address a customer
the same way; the title codes are models.vocab.Title. In English a Chinese name is written in
pinyin, surname first (张三 → Zhang San, Mr Zhang).
"""
from __future__ import annotations

from models import vocab
from models.i18n import is_chinese

# Compound surnames: the salutation needs the whole surname (欧阳先生, not 欧先生).
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
                     "宇文", "司徒", "夏侯", "令狐", "端木", "独孤", "南宫", "西门", "闻人", "澹台")


def is_han(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def surname(name: str) -> str:
    """张三 → 张, 欧阳娜娜 → 欧阳, John Smith → Smith."""
    name = (name or "").strip()
    if not name:
        return ""
    if not is_han(name):
        return name.split()[-1]
    if name.startswith(COMPOUND_SURNAMES):  # 欧阳 alone is the surname too (欧阳先生, not 欧先生)
        return name[:2]
    return name[:1]


ANONYMOUS = ("匿名", "Anonymous")  # what a clerk writes for a complainant who gave no name


def is_anonymous(name: str) -> bool:
    return not (name or "").strip() or name.strip() in ANONYMOUS


def _pinyin(han: str) -> str:
    """One part of a name in pinyin, capitalised: 欧阳 → Ouyang."""
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(han)).capitalize()


def romanized(name: str) -> str:
    """张三 → Zhang San, 欧阳娜娜 → Ouyang Nana (surname first, as Chinese names are written in
    English too)."""
    if not is_han(name):
        return name
    family = surname(name)
    return " ".join(_pinyin(part) for part in (family, name[len(family):]) if part)


def honorific(name: str, title: str, lang: str | None = None) -> str:
    """张先生 / 李女士 / Mr Zhang; the full name when no title is known (张三, Zhang San), so
    nobody is misaddressed."""
    name = (name or "").strip()
    word = vocab.title_label(title or "", lang)
    if not name:
        return name
    if is_chinese(lang):
        return surname(name) + word if word and not name.endswith(("先生", "女士")) else name
    if not word:
        return romanized(name)
    family = surname(name)
    return f"{word} {_pinyin(family) if is_han(family) else family}"


def is_bare_surname(name: str, title: str) -> bool:
    """A name that is only a surname (王, 欧阳, Smith) and no title: a salutation would read
    “尊敬的王：”, which addresses nobody properly (称呼应准确)."""
    name = (name or "").strip()
    if not name or is_anonymous(name) or vocab.title_label(title or "", "zh") or name.endswith(("先生", "女士")):
        return False
    return surname(name) == name


def salutation_problem(name: str, title: str) -> str | None:
    """Why a letter cannot address this customer properly, or None: a salutation needs a title or
    the full name (the seed: 称呼应准确)."""
    if not is_bare_surname(name, title):
        return None
    from models.i18n import t

    return t("“{name}” is only a surname: a letter would say “尊敬的{name}：”. Record the customer's title "
             "(先生/女士) or full name on the slip first (称呼应准确).", name=name.strip())


def with_title(name: str, title: str, lang: str | None = None) -> str:
    """The full name with the title, as on an envelope or a form: 张三 先生 / Mr 张三."""
    word = vocab.title_label(title or "", lang)
    if not word or name.endswith(("先生", "女士")):
        return name
    return f"{name} {word}" if is_chinese(lang) else f"{word} {name}"
