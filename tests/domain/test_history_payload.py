"""An event's hash covers `models.history.payload`: the JSON of its fields exactly as json.dumps
writes it, whichever encoder makes it, so that chains written before still verify."""
from __future__ import annotations

import datetime as dt
import json

from hypothesis import given
from hypothesis import strategies as st

from models import history

TEXT = st.text(alphabet=st.characters() | st.sampled_from(["\"", "\\", "\n", "\u2028", "\x00", "\ud800"]), max_size=20)


@given(TEXT, TEXT, st.integers(0, 10**6), st.datetimes(min_value=dt.datetime(2000, 1, 1)),
       st.none() | st.integers(1, 10**9), TEXT, TEXT, TEXT, st.none() | TEXT)
def test_the_payload_is_json_dumps_of_the_fields(prev, number, seq, at, user_id, actor, note, data, facts):
    fields = [prev, number, seq, at.isoformat(sep=" ", timespec="seconds"), user_id, actor, "record_reply",
              "handled", "replied", note, data] + ([facts] if facts is not None else [])
    expected = json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
    assert history.payload(prev, number, seq, at, user_id, actor, "record_reply", "handled", "replied", note, data,
                           facts) == expected
