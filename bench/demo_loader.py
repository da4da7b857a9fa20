"""The benchmark's million demo slips: models.demo's slips made by worker processes while this
process writes them, with the database set up for a bulk load (bench.bulk_writes).

The same plan and batches as models.demo.generate_slips, each batch seeded on its own, so the
data do not depend on the workers: a run here writes the slips a run there would. Small runs (and
`workers=0`) make their batches in this process.
"""
from __future__ import annotations

import dataclasses
import gc
import itertools
import multiprocessing
import os
import sys
import tempfile
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable, Iterator

from bench import bulk_writes
from models import demo, history, search
from models.db import database
from models.slips import Slip

PARALLEL_FROM = 50000  # slips; smaller runs are generated in this process
WORKER_NICENESS = 10  # the writer first (`_set_worker_plan`)
# Columns whose indexes stay live during the load (bench.bulk_writes.loading): values that only grow as a
# run writes slips in order of receipt (ids, numbers, stamps, and deadlines and closing times close
# behind them), or take a few values (channel, status, category, staff), so that each new key lands
# at the right edge of the index or of one of a few runs. The others (the unit) are built after.
LIVE_INDEX_COLUMNS = ("slip_id", "received_at", "number", "year", "deadline", "closed_at", "channel", "status",
                      "category_id", "building", "department_id", "received_by_id", "escalation_requested_by_id",
                      "letter_id", "recorded_by_id", "sent_to_id", "sent_by_id")


def generate_slips(count: int, seed: int = 20261123, days: int | None = None,
                   progress: Callable[[int, int], bool | None] | None = None, batch: int = demo.BATCH,
                   workers: int | None = None, today: bool = False) -> int:
    """models.demo.generate_slips for a big run: rows generated in worker processes while this
    process writes (a million slips in minutes), indexes of mostly new tables set aside and built
    once after the load. Same arguments, and `workers` (default: up to three for a run of
    PARALLEL_FROM slips or more, none below). Returns how many slips were written."""
    from models.replies import Letter, Reply, ThanksFollowUp
    from models.transmittals import Transmittal

    plan, batches, tables = demo.prepare(count, seed, days, batch)
    written = 0
    rebuild_indexes = count >= max(PARALLEL_FROM, Slip.select().count())
    indexed = (Slip, history.SlipEvent, Reply, Transmittal, Letter, ThanksFollowUp) if rebuild_indexes else ()
    workers = workers if workers is not None else _workers(count)
    with (bulk_writes.loading(rebuild_indexes=indexed, live=LIVE_INDEX_COLUMNS),
          tempfile.TemporaryDirectory(prefix="slipdesk-demo-") as scratch):
        if workers and plan.sqlite:  # workers hand batches over as scratch SQLite files
            plan = dataclasses.replace(plan, shard_dir=scratch, shard_layout=tuple(
                (t.table, t.columns) for t in tables) + ((search.ENTRY_TABLE, search.ENTRY_COLUMNS),))
        for spec, made in _made(plan, batches, workers):
            if isinstance(made, demo.Made):
                demo.write_batch(tables, spec, made)
            else:
                with bulk_writes.attached(made) as schema, database.atomic():
                    for writer in tables:
                        bulk_writes.copy_in(writer.table, writer.columns, schema)
                    search.index_attached(schema)
                    demo.save_counters(spec)
            written += len(spec.stamps)
            if progress and progress(written, count) is False:
                break
    demo.settle_ids()
    demo.finish(seed, today)
    return written


def _workers(count: int) -> int:
    """Worker processes for a run of `count` slips: none for small runs, or in a frozen build
    (which would need multiprocessing.freeze_support at its entry point)."""
    if count < PARALLEL_FROM or getattr(sys, "frozen", False):
        return 0
    return max(1, min(3, (os.cpu_count() or 1)))


def _made(plan: demo.Plan, batches: list[demo.Batch], workers: int) -> Iterator[tuple[demo.Batch, demo.Made | Path]]:
    """The batches' rows in order: made here, or by worker processes a few batches ahead."""
    if not workers:
        for spec in batches:
            yield spec, demo.make_batch(plan, spec)
        return
    context = multiprocessing.get_context("spawn")  # no inherited database connection
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_set_worker_plan,
                             initargs=(plan,)) as pool:
        pending: deque = deque()
        queue = iter(batches)
        for spec in itertools.islice(queue, workers * 2):
            pending.append((spec, pool.submit(_make_in_worker, spec)))
        while pending:
            spec, future = pending.popleft()
            made = future.result()
            for more in itertools.islice(queue, 1):
                pending.append((more, pool.submit(_make_in_worker, more)))
            yield spec, made


_worker_plan: demo.Plan | None = None


def _set_worker_plan(plan: demo.Plan) -> None:
    """A worker's start: the plan, no cycle collector, and a lower priority than the writer.
    A batch allocates a few million small objects and frees them by reference counting (none
    are cyclic), so the collector's passes over them are pure cost, an eighth of a worker's
    time. The writer is the one process every batch passes through: at a million slips it is
    the critical path, and on two cores it lost a third of its time to workers batches ahead of
    it. (On a machine busy with other work the workers then wait more: a bulk load yields.)"""
    global _worker_plan
    _worker_plan = plan
    gc.disable()
    if hasattr(os, "nice"):  # POSIX
        os.nice(WORKER_NICENESS)


def _make_in_worker(spec: demo.Batch) -> demo.Made | Path:
    """A batch made in a worker: its rows, or on SQLite the scratch file holding them."""
    plan = _worker_plan
    assert plan is not None
    made = demo.make_batch(plan, spec)
    if not plan.shard_dir:
        return made
    path = Path(plan.shard_dir) / f"batch-{spec.index}.db"
    lists = (*made.tables(), made.docs)
    bulk_writes.write_shard(path, [(table, columns, rows) for (table, columns), rows in zip(plan.shard_layout, lists)])
    return path
