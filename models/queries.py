"""The slip list's questions: which slips match a filter, a page at a time, and how many.

Pages are keyset pages (`after` = the sort key of the last row seen), never OFFSET, so the
thousandth page costs what the first does. Sorting is offered on indexed columns only. With
search text on SQLite and the default order, the query walks the FTS index newest-first and
stops after one page; counts of a single search token come from the index's own statistics.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

import peewee

from models import clock, search
from models.db import database, is_sqlite
from models.slips import Slip
from models.vocab import AWAITING_REPLY, OPEN_STATUSES

EXCERPT_CHARS = 80
EXCERPT_LEAD = 12  # characters kept before a match that is far into the complaint


@dataclass(frozen=True)
class SlipFilter:
    """What the clerk asked for; empty fields do not restrict."""
    text: str = ""  # Chinese, digits, unit numbers, phone fragments, pinyin initials
    statuses: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    category_ids: tuple[int, ...] = ()
    buildings: tuple[int, ...] = ()
    department_ids: tuple[int, ...] = ()
    received_from: dt.date | None = None
    received_to: dt.date | None = None  # inclusive
    overdue: bool = False
    quiet: bool = False  # in handling, no progress told lately (models.progress)
    within_authority: bool | None = None
    slip_ids: tuple[int, ...] = ()  # e.g. the slips behind a dashboard count

    @property
    def terms(self) -> tuple[str, ...]:
        return search.terms(self.text)

    @classmethod
    def of(cls, base: SlipFilter | None = None, **criteria) -> SlipFilter:
        """A filter from keyword criteria, as other pages ask for a list: a field's own name
        (statuses=(…)) or its singular (status="escalated", category_id=3, building=5)."""
        values = {}
        for name, value in criteria.items():
            plural = _SINGULAR.get(name)
            if plural is not None:
                name, value = plural, (value,) if isinstance(value, (str, int)) else value
            if isinstance(value, list):
                value = tuple(value)
            values[name] = value
        return dataclasses.replace(base or cls(), **values)


_SINGULAR = {"status": "statuses", "channel": "channels", "category_id": "category_ids", "category": "category_ids",
             "building": "buildings", "department_id": "department_ids", "department": "department_ids",
             "slip_id": "slip_ids"}


@dataclass(frozen=True)
class SlipRow:
    id: int
    number: str
    status: str
    channel: str
    received_at: dt.datetime
    complainant_name: str
    complainant_title: str
    unit_code: str
    category_id: int
    deadline: dt.datetime | None
    overdue: bool
    urgent: bool
    excerpt: str
    highlights: tuple[tuple[int, int], ...]  # (start, length) of each match in `excerpt`
    quiet: bool = False  # owing its reply, no progress told lately (models.progress)


# sort name -> the indexed column ordered by (column, id)
SORTS = {
    "received_at": Slip.received_at,
    "number": Slip.number,
    "channel": Slip.channel,
    "unit_code": Slip.unit_code,
    "deadline": Slip.deadline,  # slips without a deadline (answered at once) come last
}
_ROW_COLUMNS = (Slip.id, Slip.number, Slip.status, Slip.channel, Slip.received_at, Slip.complainant_name,
                Slip.complainant_title, Slip.unit_code, Slip.category, Slip.deadline, Slip.urgent,
                Slip.complaint, Slip.answer_note, Slip.handling_notes, Slip.progress_told_at)


def sort_key(row: SlipRow, sort: str = "received_at") -> tuple:
    """The `after` value that continues a listing after `row`."""
    return (getattr(row, sort), row.id)


def conditions(flt: SlipFilter, now: dt.datetime | None = None) -> list:
    """The filter's restrictions on the slip table (search text apart)."""
    where = []
    if flt.statuses:
        where.append(Slip.status.in_(list(flt.statuses)))
    if flt.channels:
        where.append(Slip.channel.in_(list(flt.channels)))
    if flt.category_ids:
        where.append(Slip.category.in_(list(flt.category_ids)))
    if flt.buildings:
        where.append(Slip.building.in_(list(flt.buildings)))
    if flt.department_ids:
        where.append(Slip.department.in_(list(flt.department_ids)))
    if flt.received_from:
        where.append(Slip.received_at >= dt.datetime.combine(flt.received_from, dt.time()))
    if flt.received_to:
        where.append(Slip.received_at < dt.datetime.combine(flt.received_to + dt.timedelta(days=1), dt.time()))
    if flt.overdue:
        where.append(Slip.status.in_(list(OPEN_STATUSES)) & (Slip.deadline < (now or clock.now())))
    if flt.quiet:
        from models import progress

        where.append(progress.quiet_condition(now or clock.now()))
    if flt.within_authority is not None:
        where.append(Slip.within_authority == flt.within_authority)
    if flt.slip_ids:
        where.append(Slip.id.in_(list(flt.slip_ids)))
    return where


def _matching_ids(query_terms: tuple[str, ...]):
    """A subquery of the ids of slips whose text holds every term."""
    if is_sqlite():
        (table, expression), *others = search.fts_matches(query_terms)
        fts = peewee.Table(table)
        rowid = peewee.Column(fts, "rowid")
        return (fts.select(rowid.bin_and(search.ID_MASK))
                .where(peewee.SQL(f"{table} MATCH ?", [expression]), *_also(rowid, others)))
    return (search.SearchDoc.select(search.SearchDoc.slip)
            .where(peewee.SQL("tsv @@ %s::tsquery", [search.tsquery(query_terms)])))


def _also(rowid, others: list[tuple[str, str]]) -> list:
    """Restrictions by the other FTS5 tables, on the same (received_at, id) rowid."""
    return [rowid.in_(peewee.Table(table).select(peewee.SQL("rowid")).where(peewee.SQL(f"{table} MATCH ?", [expression])))
            for table, expression in others]


def _base(flt: SlipFilter, columns, now: dt.datetime):
    where = conditions(flt, now)
    query_terms = flt.terms
    if query_terms:
        where.append(Slip.id.in_(_matching_ids(query_terms)))
    query = Slip.select(*columns)
    return query.where(*where) if where else query


def page(flt: SlipFilter, sort: str = "received_at", descending: bool = True, after: tuple | None = None,
         limit: int = 50) -> list[SlipRow]:
    """Up to `limit` slips matching `flt` in the given order, continuing after the key `after`."""
    if sort not in SORTS:
        raise ValueError(f"cannot sort slips by {sort!r}: not an indexed column")
    now = clock.now()
    query_terms = flt.terms
    if query_terms and sort == "received_at" and is_sqlite():
        rows = _fts_page(flt, descending, after, limit, now)
    elif sort == "deadline":
        rows = _deadline_page(flt, descending, after, limit, now)
    else:
        rows = _column_page(flt, SORTS[sort], descending, after, limit, now)
    from models import progress

    quiet_since = now - dt.timedelta(days=progress.quiet_days())
    return [_row(values, query_terms, now, quiet_since) for values in rows]


def _order(column, descending: bool) -> list:
    return [column.desc(), Slip.id.desc()] if descending else [column.asc(), Slip.id.asc()]


def _after(column, descending: bool, after: tuple):
    here, there = peewee.Tuple(column, Slip.id), peewee.Tuple(*after)
    return here < there if descending else here > there


def _column_page(flt, column, descending, after, limit, now) -> list[tuple]:
    query = _base(flt, _ROW_COLUMNS, now)
    if after is not None:
        query = query.where(_after(column, descending, after))
    return list(query.order_by(*_order(column, descending)).limit(limit).tuples())


def _deadline_page(flt, descending, after, limit, now) -> list[tuple]:
    """Slips with a deadline in order, then those without (by id): two index walks."""
    rows: list[tuple] = []
    if after is None or after[0] is not None:
        query = _base(flt, _ROW_COLUMNS, now).where(Slip.deadline.is_null(False))
        if after is not None:
            query = query.where(_after(Slip.deadline, descending, after))
        rows = list(query.order_by(*_order(Slip.deadline, descending)).limit(limit).tuples())
        after = None
    if len(rows) < limit:
        query = _base(flt, _ROW_COLUMNS, now).where(Slip.deadline.is_null())
        if after is not None:
            query = query.where(Slip.id < after[1] if descending else Slip.id > after[1])
        order = Slip.id.desc() if descending else Slip.id.asc()
        rows += list(query.order_by(order).limit(limit - len(rows)).tuples())
    return rows


def _fts_page(flt, descending, after, limit, now) -> list[tuple]:
    """Walk an FTS index in (received_at, id) order and stop after one page (SQLite)."""
    (table, expression), *others = search.fts_matches(flt.terms)
    fts = peewee.Table(table)
    rowid = peewee.Column(fts, "rowid")
    where = [Slip.id == rowid.bin_and(search.ID_MASK), peewee.SQL(f"{table} MATCH ?", [expression]),
             *_also(rowid, others), *conditions(flt, now)]
    if after is not None:
        key = search.key_of(after)
        where.append(rowid < key if descending else rowid > key)
    query = (Slip.select(*_ROW_COLUMNS).from_(fts).join(Slip, peewee.JOIN.CROSS).where(*where)
             .order_by(rowid.desc() if descending else rowid.asc()).limit(limit))
    return list(query.tuples())


def _row(values: tuple, query_terms: tuple[str, ...], now: dt.datetime, quiet_since: dt.datetime) -> SlipRow:
    (slip_id, number, status, channel, received_at, name, title, unit_code, category_id, deadline, urgent,
     complaint, answer_note, handling_notes, progress_told_at) = values
    excerpt, spans = _excerpt((complaint, handling_notes, answer_note), query_terms)
    return SlipRow(
        id=slip_id, number=number, status=status, channel=channel, received_at=received_at,
        complainant_name=name, complainant_title=title, unit_code=unit_code, category_id=category_id,
        deadline=deadline, overdue=bool(status in OPEN_STATUSES and deadline and deadline < now),
        urgent=bool(urgent), excerpt=excerpt, highlights=spans,
        quiet=status in AWAITING_REPLY and max(received_at, progress_told_at or received_at) < quiet_since)


def _excerpt(texts: tuple[str, ...], query_terms: tuple[str, ...]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The complaint, or the first note the search matched in, cut around the first match."""
    complaint = " ".join((texts[0] or "").split())
    for text in texts:
        flat = " ".join((text or "").split())
        spans = search.highlight_spans(flat, query_terms)
        if spans:
            start = max(0, min(spans[0][0] - EXCERPT_LEAD, len(flat) - EXCERPT_CHARS))
            prefix = "…" if start else ""
            cut = prefix + flat[start:start + EXCERPT_CHARS]
            shift = len(prefix) - start
            kept = tuple((s + shift, n) for s, n in spans if s >= start and s + n <= start + EXCERPT_CHARS)
            return cut, kept
    return complaint[:EXCERPT_CHARS], ()


def count(flt: SlipFilter) -> int:
    """How many slips match; a lone search token with no other filter is read off the index."""
    query_terms = flt.terms
    if query_terms and is_sqlite() and not conditions(flt):
        single = search.single_token(query_terms)
        if single is not None:
            return search.token_documents(*single)
        return _matching_ids(query_terms).count(database)
    return _base(flt, [Slip.id], clock.now()).count()


def position(flt: SlipFilter, slip_id: int, sort: str = "received_at", descending: bool = True) -> int | None:
    """How many slips come before `slip_id` in this listing; None when it does not match."""
    now = clock.now()
    found = _base(flt, [Slip.id, SORTS[sort]], now).where(Slip.id == slip_id).tuples().first()
    if found is None:
        return None
    key = (found[1], slip_id)
    if sort == "deadline":
        return _deadline_position(flt, key, descending, now)
    return _base(flt, [Slip.id], now).where(_after(SORTS[sort], not descending, key)).count()


def _deadline_position(flt, key, descending, now) -> int:
    with_deadline = _base(flt, [Slip.id], now).where(Slip.deadline.is_null(False))
    if key[0] is not None:
        return with_deadline.where(_after(Slip.deadline, not descending, key)).count()
    before = (Slip.id > key[1]) if descending else (Slip.id < key[1])
    return with_deadline.count() + _base(flt, [Slip.id], now).where(Slip.deadline.is_null(), before).count()


def matching(flt: SlipFilter, *columns):
    """A query of the slips matching `flt`, search text included, for exports and batch work."""
    return _base(flt, columns or (Slip.id,), clock.now())
