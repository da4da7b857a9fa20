"""The category a complaint's words suggest, offered at intake as the clerk types.

Each category keeps the words that point to it (`Category.keywords`, kept by the manager beside
the category's authority rule); the category whose words are found most often in the complaint
is suggested, with the words that made it. The clerk sees the suggestion in the category box and
may choose another: Slipdesk never changes a category the clerk chose. Words are matched folded
(models.folding), so traditional characters and stray spaces do not hide them.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from models import folding, rule_stamp
from models.catalog import Category
from models.motives import split_words

# Seeded words per category code: what residents say about each kind of trouble.
DEFAULT_KEYWORDS: dict[str, str] = {
    "noise": "噪音、噪声、吵、扰民、装修声、施工声、广场舞、狗叫、犬吠、电钻、半夜、深夜、音响",
    "leak": "漏水、渗水、滴水、水管、爆管、下水道、堵塞、堵了、返水、墙皮、霉、维修、报修、坏了、水龙头、马桶",
    "cleaning": "垃圾、卫生、保洁、清扫、脏、异味、臭、苍蝇、蟑螂、老鼠、楼道堆物、清运",
    "security": "保安、门禁、陌生人、偷、被盗、失窃、监控、巡逻、安全、小偷、外卖员进",
    "parking": "停车、车位、车库、占道、乱停、挡道、充电桩、道闸、停车费",
    "fees": "物业费、收费、费用、账单、多收、退费、发票、缴费、欠费、涨价、公摊",
    "greenery": "绿化、草坪、树、修剪、花坛、杂草、浇水、树枝",
    "attitude": "态度、不理、爱理不理、推诿、敷衍、骂人、服务差、不耐烦、冷漠、工作人员",
    "lift": "电梯、困梯、困人、轿厢、电梯门、停运、升降",
    "lighting": "路灯、照明、灯不亮、楼道灯、灯坏、感应灯、太暗",
}


def seed_keywords() -> None:
    """Give the seeded categories their words where the estate has none yet."""
    for code, words in DEFAULT_KEYWORDS.items():
        Category.update(keywords=words).where(Category.code == code, Category.keywords == "").execute()


@dataclass(frozen=True)
class CategoryGuess:
    category_id: int
    words: tuple[str, ...]  # the words found, in reading order


_KEYWORDS_SQL = 'SELECT "id", "keywords", "sort" FROM "category" WHERE "active" ORDER BY "sort", "id"'


@functools.lru_cache(maxsize=4)
def _keyword_lists(rows: tuple[tuple, ...]) -> tuple[tuple[int, tuple[str, ...]], ...]:
    return tuple((category_id, split_words(words)) for category_id, words, _sort in rows if words)


def suggest(text: str) -> CategoryGuess | None:
    """The active category the complaint's words point to most (the first listed on a tie), or
    None when no category's words are in it."""
    folded = folding.fold(text or "")
    if not folded.text:
        return None
    best: CategoryGuess | None = None
    best_count = 0
    for category_id, words in _keyword_lists(rule_stamp.rows(_KEYWORDS_SQL)):
        hits = sorted((start, word) for word in words for start, _end in folded.find_all(word))
        if len(hits) > best_count:
            best_count = len(hits)
            best = CategoryGuess(category_id, tuple(dict.fromkeys(word for _start, word in hits)))
    return best
