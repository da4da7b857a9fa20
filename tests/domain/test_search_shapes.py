"""Every shape of query, with any filter of the slip list, lists what a brute-force scan finds.

Queries of one to three terms, each one, two, three or more characters taken from the slips
themselves (Chinese words, single characters, digits, unit numbers, phone fragments, names,
pinyin initials, slip numbers) or a character no slip holds, in any order, with random filters
of the slip list; on SQLite and on PostgreSQL. PostgreSQL's page is planned in steps whose
sizes are drawn too (models.queries WALK_FIRST, GATHER_AT_MOST), so that each step is taken on
a few thousand slips as it is on a million.
"""
from __future__ import annotations

import datetime as dt
from contextlib import contextmanager

import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import queries
from models.catalog import Category, Department
from models.directory import pinyin_initials
from models.queries import SlipFilter
from models.vocab import OPEN_STATUSES, Channel, Status
from tests.domain import test_search
from tests.domain.test_search import listed

corpus = test_search.corpus  # the same fixture: a few thousand demo slips and some with awkward text

FIELDS = ("complaint", "complaint", "complainant_name", "phone", "unit_code", "handling_notes", "number",
          "answer_note")
NOWHERE = "鬱"  # on no slip
STEPS = [(queries.WALK_FIRST, queries.GATHER_AT_MOST), (30, 40), (5, 4000), (400, 3)]


@contextmanager
def steps(walk_first: int, gather_at_most: int):
    saved = queries.WALK_FIRST, queries.GATHER_AT_MOST
    queries.WALK_FIRST, queries.GATHER_AT_MOST = walk_first, gather_at_most
    try:
        yield
    finally:
        queries.WALK_FIRST, queries.GATHER_AT_MOST = saved


def _term(data, corpus) -> str:
    slip = corpus.slips[data.draw(st.sampled_from(sorted(corpus.slips)), label="slip")]
    kind = data.draw(st.sampled_from(["one", "one", "two", "more", "initials", "nowhere"]), label="kind")
    if kind == "nowhere":
        return NOWHERE
    if kind == "initials":
        return pinyin_initials(slip.complainant_name) or "zs"
    text = "".join((getattr(slip, data.draw(st.sampled_from(FIELDS), label="field")) or "漏水").split())
    size = {"one": 1, "two": 2}.get(kind) or data.draw(st.integers(3, 8), label="size")
    start = data.draw(st.integers(0, max(0, len(text) - size)), label="start")
    return text[start:start + size]


def _filter(data, corpus, frozen_now) -> tuple[dict, object]:
    """Random criteria of the slip list and the same as a test on each slip."""
    criteria, tests = {}, []
    slips = list(corpus.slips.values())

    def some(values, label):
        return tuple(data.draw(st.lists(st.sampled_from(values), min_size=1, max_size=2, unique=True), label=label))

    if data.draw(st.booleans(), label="by status"):
        chosen = some([s.value for s in Status], "statuses")
        criteria["statuses"], tests = chosen, tests + [lambda s, c=chosen: s.status in c]
    if data.draw(st.booleans(), label="by channel"):
        chosen = some([c.value for c in Channel], "channels")
        criteria["channels"], tests = chosen, tests + [lambda s, c=chosen: s.channel in c]
    if data.draw(st.integers(0, 3), label="by category") == 0:
        chosen = some([c.id for c in Category.select()], "categories")
        criteria["category_ids"], tests = chosen, tests + [lambda s, c=chosen: s.category_id in c]
    if data.draw(st.integers(0, 3), label="by building") == 0:
        chosen = some(sorted({s.building for s in slips if s.building is not None}), "buildings")
        criteria["buildings"], tests = chosen, tests + [lambda s, c=chosen: s.building in c]
    if data.draw(st.integers(0, 4), label="by department") == 0:
        chosen = some([d.id for d in Department.select()], "departments")
        criteria["department_ids"], tests = chosen, tests + [lambda s, c=chosen: s.department_id in c]
    if data.draw(st.integers(0, 3), label="by authority") == 0:
        within = data.draw(st.booleans(), label="within")
        criteria["within_authority"], tests = within, tests + [lambda s, w=within: s.within_authority is w]
    if data.draw(st.integers(0, 4), label="overdue") == 0:
        criteria["overdue"] = True
        tests.append(lambda s: s.status in OPEN_STATUSES and s.deadline is not None and s.deadline < frozen_now)
    if data.draw(st.integers(0, 3), label="by dates") == 0:
        first = data.draw(st.integers(0, 90), label="from, days ago")
        start, end = (frozen_now - dt.timedelta(days=first)).date(), None
        if data.draw(st.booleans(), label="until"):
            end = start + dt.timedelta(days=data.draw(st.integers(0, 30), label="days"))
        criteria.update(received_from=start, received_to=end)
        tests.append(lambda s, a=start, b=end: a <= s.received_at.date() and (b is None or s.received_at.date() <= b))
    if data.draw(st.integers(0, 5), label="named slips") == 0:
        chosen = tuple(data.draw(st.lists(st.sampled_from(sorted(corpus.slips)), min_size=1, max_size=300,
                                          unique=True), label="slip ids"))
        criteria["slip_ids"], tests = chosen, tests + [lambda s, c=frozenset(chosen): s.id in c]
    return criteria, lambda slip: all(test(slip) for test in tests)


@pytest.mark.tampers  # texts changed in the table to search them (test_search.corpus)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(data=st.data())
def test_every_shape_with_any_filter_lists_what_a_scan_finds(corpus, frozen_now, data):
    text = " ".join(_term(data, corpus) for _ in range(data.draw(st.integers(1, 3), label="terms")))
    criteria, keep = _filter(data, corpus, frozen_now) if data.draw(st.booleans(), label="filtered") \
        else ({}, lambda slip: True)
    flt = SlipFilter(text=text, **criteria)
    expected = corpus.brute(text, keep)
    with steps(*data.draw(st.sampled_from(STEPS), label="steps")):
        assert listed(flt, size=data.draw(st.sampled_from([7, 50, 97]), label="page")) == expected, flt
        assert queries.count(flt) == len(expected), flt


@pytest.mark.tampers  # texts changed in the table to search them (test_search.corpus)
def test_one_character_terms_with_others_list_what_a_scan_finds(corpus):
    """The shapes that stalled on a million slips: a surname and a building, a word and a
    character, characters alone, a character no slip holds, with each step of PostgreSQL's plan."""
    some = next(s for s in corpus.slips.values() if s.unit_code and s.complainant_name)
    building = some.unit_code.rsplit("-", 1)[0]
    texts = [f"{some.complainant_name[0]} {building}", "电梯 坏", "漏水 楼", "水 梯 的", "暖", NOWHERE,
             f"{NOWHERE} 水", "1201", some.phone[-4:] + " " + some.complainant_name[0], "的 了"]
    for walk_first, gather_at_most in STEPS:
        with steps(walk_first, gather_at_most):
            for text in texts:
                assert listed(SlipFilter(text=text)) == corpus.brute(text), (text, walk_first, gather_at_most)
                assert queries.count(SlipFilter(text=text)) == len(corpus.brute(text)), text
