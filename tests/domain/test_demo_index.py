"""The bulk writers' index entries (models.search.index_row, made in worker processes) are the
tokens a slip saved at the desk gets: the same index whatever path wrote it."""
from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from models import search

TEXT = st.text(alphabet="噪音漏水停车物业费电梯楼上 abcXYZ0123-_.ＡＢＣßİẞΣ①Ⅻ\u0301\u00a0𠀀😀\n", max_size=30)


@given(st.lists(TEXT, max_size=6))
def test_an_index_row_holds_exactly_the_slips_tokens(texts):
    segs = search.segments(texts)
    facets = search.facets({"status": "closed", "category": 3, "within_authority": False, "building": None})
    row = search.index_row(7, dt.datetime(2026, 11, 24, 10, 0), segs, facets, sqlite=True)
    made = search.tokens(segs)
    assert row[2:] == ("\n".join(segs), facets, search.index_text(segs, facets))
    assert row[4] == " ".join(filter(None, (made.bigrams, made.chars, facets)))
    # the index's text, cut from codes made at once, is the token sequence PostgreSQL indexes too
    assert made.bigrams == " ".join(token for seg in segs for token in search._pair_tokens(seg))
