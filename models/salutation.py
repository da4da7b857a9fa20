"""How the desk addresses a customer by name and title: 张先生, 欧阳女士, Mr Zhang.

Kept in models/ so that standard answers, letters and screens all address a customer the same
way; the title codes are models.vocab.Title.
"""
from __future__ import annotations

from models import vocab

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
    if name.startswith(COMPOUND_SURNAMES) and len(name) > 2:
        return name[:2]
    return name[:1]


def honorific(name: str, title: str, lang: str = "zh") -> str:
    """张先生 / 李女士; the full name when no title is known (张三), so nobody is misaddressed."""
    name = (name or "").strip()
    word = vocab.title_label(title or "", lang)
    if not name or not word or name.endswith(("先生", "女士")):
        return name
    if lang.startswith("zh"):
        return surname(name) + word
    return f"{word} {surname(name)}"
