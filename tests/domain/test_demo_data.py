"""Demo data written in bulk is as sound as data saved at the desk: valid history chains, gap-free
numbers, an index that agrees with the slips, whether made here (models.demo) or by the
benchmark's loader and its worker processes (bench.demo_loader)."""
from __future__ import annotations

import collections

import pytest

from bench import demo_loader
from models import demo, history, search
from models.search import SearchDoc
from models.slips import Slip, SlipCounter


@pytest.mark.parametrize("workers", [0, 1])
def test_generated_slips_have_valid_chains_numbers_and_index(db, frozen_now, workers):
    written = demo_loader.generate_slips(700, seed=9, days=400, batch=150, workers=workers)
    demo.generate_slips(120, seed=10, days=30, batch=50)  # onto existing data, in this process
    assert written == 700 and Slip.select().count() == 820
    assert list(history.verify_all()) == []
    by_year = collections.defaultdict(list)
    for year, seq, number in Slip.select(Slip.year, Slip.seq, Slip.number).tuples():
        by_year[year].append(seq)
        assert number.endswith(f"-{year}-{seq:06d}")
    assert len(by_year) == 2  # 400 days back crosses a new year
    for year, seqs in by_year.items():
        assert sorted(seqs) == list(range(1, len(seqs) + 1))
        assert SlipCounter.get_by_id(year).last == len(seqs)
    assert SearchDoc.select().count() == 820
    assert search.reindex_slips(s.id for s in Slip.select(Slip.id)) == 0  # the index already agrees


def test_the_same_seed_gives_the_same_slips_with_or_without_workers(tmp_path, frozen_now):
    from models.connection import close_database, open_database

    made = []
    for workers in (0, 1):
        open_database(tmp_path / f"demo{workers}.db")
        if workers:
            demo_loader.generate_slips(300, seed=12, batch=100, workers=workers)
        else:
            demo.generate_slips(300, seed=12, batch=100)
        made.append([(s.number, s.complaint, s.status, s.history_head) for s in Slip.select().order_by(Slip.id)])
        close_database()
    assert made[0] == made[1]
