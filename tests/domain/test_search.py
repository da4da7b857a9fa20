"""Search finds exactly what a brute-force scan of every slip finds: same slips, same order.

The corpus is a few thousand realistic demo slips plus a few hundred with awkward text
(full-width letters, capitals, characters outside the BMP, combining marks, spaces); queries are
fixed ones a clerk types (噪音, 漏水, a phone fragment, a unit, initials) and hypothesis-made
ones, on SQLite and PostgreSQL alike.
"""
from __future__ import annotations

import datetime as dt
import random
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import demo, queries, search
from models.directory import pinyin_initials
from models.history import SlipEvent
from models.replies import Reply
from models.queries import SlipFilter
from models.slips import Slip
from models.vocab import OPEN_STATUSES, Status

ODD = ("噪音漏水停车物业费电梯楼上楼下门岗保安业主投诉单元号室"
       "abcXYZ0123456789-_.,;:#()"
       "ＡＢＣａｂｃ０１２３－"  # full width
       "ßİẞΣσς①②ⅫÅé"  # case folding and compatibility forms
       "\u0301\u00a0"  # a combining accent, a no-break space
       "𠀀𠀁😀")  # outside the BMP


def nf(text: str) -> str:
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())


class Corpus:
    """Every slip's searchable texts, normalized, for the brute-force answer."""

    def __init__(self):
        notes: dict[int, list[str]] = {}
        for slip_id, note in SlipEvent.select(SlipEvent.slip, SlipEvent.note).where(SlipEvent.note != "").tuples():
            notes.setdefault(slip_id, []).append(note)
        for slip_id, *texts in Reply.select(Reply.slip, Reply.content, Reply.customer_words, Reply.replier).tuples():
            notes.setdefault(slip_id, []).extend(texts)  # replies are searched too (models.replies' source)
        self.slips = {s.id: s for s in Slip.select()}
        self.texts = {
            s.id: [nf(getattr(s, f) or "") for f in search.SLIP_FIELDS]
            + [pinyin_initials(s.complainant_name)] + [nf(n) for n in notes.get(s.id, [])]
            for s in self.slips.values()}

    def brute(self, text: str, keep=lambda slip: True) -> list[int]:
        """Matching ids, newest received first, by scanning every slip."""
        terms = list(dict.fromkeys(nf(text).split()))
        found = [s for sid, s in self.slips.items()
                 if keep(s) and all(any(t in field for field in self.texts[sid]) for t in terms)]
        return [s.id for s in sorted(found, key=lambda s: (s.received_at, s.id), reverse=True)]


def listed(flt: SlipFilter, sort: str = "received_at", descending: bool = True, size: int = 97) -> list[int]:
    """Every slip the listing shows, page by page (keyset), as the list model reads them."""
    ids, after = [], None
    while True:
        rows = queries.page(flt, sort, descending, after, size)
        ids += [r.id for r in rows]
        if len(rows) < size:
            return ids
        after = queries.sort_key(rows[-1], sort)


@pytest.fixture
def corpus(db, frozen_now):
    demo.generate_slips(2000, seed=11, days=120)
    rng = random.Random(4)
    ids = [row[0] for row in Slip.select(Slip.id).tuples()]
    for slip_id in rng.sample(ids, 250):
        Slip.update(complaint=_odd_text(rng, 30), handling_notes=_odd_text(rng, 12),
                    complainant_name=_odd_text(rng, 3).strip() or "王").where(Slip.id == slip_id).execute()
    search.reindex_slips(ids)
    return Corpus()


def _odd_text(rng: random.Random, size: int) -> str:
    return "".join(rng.choice(ODD) if rng.random() < 0.9 else " " for _ in range(rng.randint(1, size)))


def check(corpus: Corpus, text: str) -> None:
    expected = corpus.brute(text)
    flt = SlipFilter(text=text)
    assert listed(flt) == expected, text
    assert queries.count(flt) == len(expected), text


@pytest.mark.tampers  # texts changed in the table to search them
def test_fixed_queries_match_a_brute_force_scan(corpus):
    some = corpus.slips[max(corpus.slips) - 7]
    resident = next(s for s in corpus.slips.values() if s.phone and s.unit_code and len(s.complainant_name) >= 2)
    queries_typed = [
        "水", "噪", "费", "𠀀",  # one character, common and rare
        "噪音", "漏水", "停车", "电梯",  # two characters
        "物业费", "地下车库", "楼上住户每天晚上",  # three and more
        resident.phone[-4:], resident.phone[3:7], "0000",  # phone fragments
        resident.unit_code, resident.unit_code.split("-", 1)[1], "3-2-1201",  # unit numbers
        resident.complainant_name, resident.complainant_name[:1] + " " + resident.complainant_name[1:],
        pinyin_initials(resident.complainant_name), "zs",  # initials
        some.number, some.number.lower(), some.number[-6:], "TS-2026",  # slip numbers, any case
        "b区", "B区", "ｂ区", "abc", "ＡＢＣ", "Ⅻ", "xii", "ss", "ß", "1", "１", "-",  # Latin, widths, folding
        "漏水 电梯", "水 梯", "噪音 3-", "楼上 zz 楼下",  # several terms
        "没有这样的投诉内容",  # nothing
    ]
    for text in queries_typed:
        check(corpus, text)


@pytest.mark.tampers  # texts changed in the table to search them
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_generated_queries_match_a_brute_force_scan(corpus, data):
    ids = sorted(corpus.slips)
    parts = []
    for _ in range(data.draw(st.integers(1, 3), label="terms")):
        if data.draw(st.booleans(), label="from a slip"):
            slip = corpus.slips[data.draw(st.sampled_from(ids), label="slip")]
            source = data.draw(st.sampled_from(["complaint", "complainant_name", "phone", "unit_code",
                                                "handling_notes", "number"]), label="field")
            text = getattr(slip, source) or "漏水"
            start = data.draw(st.integers(0, max(0, len(text) - 1)), label="start")
            part = text[start:start + data.draw(st.integers(1, 6), label="length")]
        else:
            part = data.draw(st.text(alphabet=ODD, min_size=1, max_size=4), label="typed")
        parts.append(part)
    check(corpus, " ".join(parts))


@pytest.mark.tampers  # texts changed in the table to search them
def test_filters_combined_with_search_match_a_brute_force_scan(corpus, frozen_now):
    some = next(iter(corpus.slips.values()))
    cases = [
        (SlipFilter(text="水", statuses=(Status.CLOSED,)), lambda s: s.status == Status.CLOSED),
        (SlipFilter(text="漏水", channels=("phone", "letter")), lambda s: s.channel in ("phone", "letter")),
        (SlipFilter(text="物业", overdue=True),
         lambda s: s.status in OPEN_STATUSES and s.deadline is not None and s.deadline < frozen_now),
        (SlipFilter(text="楼", within_authority=False), lambda s: s.within_authority is False),
        (SlipFilter(text="的", buildings=(3, 5), category_ids=(some.category_id,)),
         lambda s: s.building in (3, 5) and s.category_id == some.category_id),
        (SlipFilter(text="请", received_from=(frozen_now - dt.timedelta(days=20)).date(),
                    received_to=(frozen_now - dt.timedelta(days=10)).date()),
         lambda s: (frozen_now - dt.timedelta(days=20)).date() <= s.received_at.date()
         <= (frozen_now - dt.timedelta(days=10)).date()),
        (SlipFilter(text="水", slip_ids=tuple(sorted(corpus.slips)[:300])), lambda s: s.id <= sorted(corpus.slips)[299]),
        (SlipFilter(department_ids=(some.department_id or 1,)), lambda s: s.department_id == (some.department_id or 1)),
    ]
    for flt, keep in cases:
        expected = corpus.brute(flt.text, keep)
        assert listed(flt) == expected, flt
        assert queries.count(flt) == len(expected), flt


@pytest.mark.tampers  # texts changed in the table to search them
def test_every_sort_lists_every_match_once_in_order(corpus):
    expected = set(corpus.brute("水"))
    for sort in ("number", "channel", "unit_code", "deadline"):
        for descending in (True, False):
            ids = listed(SlipFilter(text="水"), sort, descending, size=53)
            assert len(ids) == len(set(ids)) and set(ids) == expected, (sort, descending)
            keys = [(getattr(corpus.slips[i], sort) is None, getattr(corpus.slips[i], sort), i) for i in ids]
            present = [k for k in keys if not k[0]]
            assert present == sorted(present, reverse=descending), (sort, descending)
            assert [k[0] for k in keys] == sorted(k[0] for k in keys)  # slips without a value come last


@pytest.mark.tampers  # texts changed in the table to search them
def test_a_changed_slip_is_found_by_its_new_text_only(db, frozen_now):
    demo.generate_slips(40, seed=2)
    slip = Slip.select().first()
    Slip.update(complaint="阳台玻璃被楼上掉下的花盆砸碎了").where(Slip.id == slip.id).execute()
    search.reindex_slip(slip.id)
    assert [r.id for r in queries.page(SlipFilter(text="花盆"))] == [slip.id]
    Slip.update(complaint="垃圾房没有关门").where(Slip.id == slip.id).execute()
    search.reindex_slip(slip.id)
    assert queries.page(SlipFilter(text="花盆")) == []
    assert queries.count(SlipFilter(text="花盆")) == 0
    assert [r.id for r in queries.page(SlipFilter(text="垃圾房"))] == [slip.id]


def test_rebuild_gives_the_same_answers(db, frozen_now):
    demo.generate_slips(300, seed=3)
    before = {text: listed(SlipFilter(text=text)) for text in ("漏水", "水", "zs", "1201")}
    search.rebuild()
    assert {text: listed(SlipFilter(text=text)) for text in before} == before


def test_other_text_sources_are_searched(db, frozen_now):
    demo.generate_slips(20, seed=4)
    slip_id = Slip.select().first().id
    search.register_source("test replies", lambda ids: {slip_id: ["回复：已找到业主遗失的钥匙扣"]} if slip_id in ids else {})
    try:
        search.reindex_slip(slip_id)
        assert [r.id for r in queries.page(SlipFilter(text="钥匙扣"))] == [slip_id]
    finally:
        search._sources.pop("test replies")
        search.reindex_slip(slip_id)
    assert queries.page(SlipFilter(text="钥匙扣")) == []


def test_matches_are_highlighted_in_the_excerpt(db, frozen_now):
    demo.generate_slips(200, seed=5)
    for text in ("漏水", "水 电梯", "ＴＳ"):
        for row in queries.page(SlipFilter(text=text)):
            for start, length in row.highlights:
                marked = nf(row.excerpt[start:start + length])
                assert any(term in marked for term in nf(text).split())


def test_slips_saved_at_the_desk_are_searchable_at_once(db, users, frozen_now):
    from models import intake
    from models.catalog import Category
    from models.vocab import Channel

    slip = intake.save(intake.Intake(
        customer_request="希望尽快处理。",
        channel=Channel.PHONE, complainant_name="张三", complainant_title="mr",
        complaint="楼上每天晚上十一点以后还在拖椅子", read_back=True,
        category_id=Category.get(Category.code == "noise").id, caller_number="13812345678",
        call_time=frozen_now - dt.timedelta(minutes=3), thanked=True,
        deadline=frozen_now + dt.timedelta(days=1), unit_code="3栋2单元1201"), users["clerk"])
    for text in ("拖椅子", "zs", "张三", "5678", "3-2-1201", slip.number):
        assert [r.id for r in queries.page(SlipFilter(text=text))] == [slip.id], text
