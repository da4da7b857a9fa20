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

from models import clock, estates, search
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


def facet_groups(flt: SlipFilter) -> list[list[str]]:
    """The filter as facet tokens of the search index (models.search): one group per restriction,
    a slip holding one token of every group. They narrow the index's answer; `conditions` still
    decide (overdue also needs the deadline, quiet the last news, slip ids are not facets)."""
    groups = [[search.facet(field, value) for value in values] for field, values in (
        ("status", flt.statuses), ("channel", flt.channels), ("category", flt.category_ids),
        ("building", flt.buildings), ("department", flt.department_ids)) if values]
    if flt.overdue:
        groups.append([search.facet("status", status) for status in OPEN_STATUSES])
    if flt.quiet:
        groups.append([search.facet("status", status) for status in AWAITING_REPLY])
    if flt.within_authority is not None:
        groups.append([search.facet("within_authority", flt.within_authority)])
    return groups


def _uses_index(flt: SlipFilter) -> bool:
    """Whether the search index answers the listing: search text or a facet to narrow by, and no
    short list of slips named (those are read one by one, `_named_slips`)."""
    return bool((flt.terms or facet_groups(flt)) and not flt.slip_ids)


def _index_exact(flt: SlipFilter) -> bool:
    """Whether the index alone answers the filter, with no condition left for the slip row."""
    return not (flt.overdue or flt.quiet or flt.slip_ids)


def _key_bounds(flt: SlipFilter) -> tuple[int | None, int | None]:
    """The filter's dates as index keys: low inclusive, high exclusive."""
    low = high = None
    if flt.received_from:
        low = search.received_key(dt.datetime.combine(flt.received_from, dt.time()), 0)
    if flt.received_to:
        high = search.received_key(dt.datetime.combine(flt.received_to + dt.timedelta(days=1), dt.time()), 0)
    return low, high


def _key_conditions(key, flt: SlipFilter, after: tuple | None = None, descending: bool = True) -> list:
    low, high = _key_bounds(flt)
    where = []
    if low is not None:
        where.append(key >= low)
    if high is not None:
        where.append(key < high)
    if after is not None:
        where.append(key < search.key_of(after) if descending else key > search.key_of(after))
    return where


def _match(flt: SlipFilter):
    """The FTS5 MATCH of text and facets (SQLite)."""
    return peewee.SQL(f"{search.INDEX} MATCH ?", [search.fts_match(flt.terms, facet_groups(flt))])


_TOKENS = peewee.Table(search.TOKENS).bind(database)  # PostgreSQL (models.search)
_MATCHES = peewee.Table("m", alias="m").bind(database)  # slipdesk_matches' rows (models.estates)


def _candidates(flt: SlipFilter, bounds: tuple[int | None, int | None], most: int | None = None):
    """The tsquery of text and facets on TOKENS (PostgreSQL): (its table, a query of the matching
    slips' ids) with keys in [low, high), at most `most`. On a company database the GIN index is
    read through slipdesk_matches, which keeps to the caller's estate: under the policies the
    planner may not use the index for `@@` (not LEAKPROOF) and would read every estate's tokens."""
    low, high = bounds
    tsquery = search.tsquery(flt.terms, facet_groups(flt))
    if estates.is_company():
        source = peewee.SQL("slipdesk_matches(%s::tsquery, current_user, %s, %s, %s) AS m", [tsquery, low, high, most])
        return _MATCHES, _MATCHES.select(_MATCHES.c.slip_id).from_(source)
    key = _TOKENS.c.key
    where = [peewee.Expression(_TOKENS.c.tsv, "@@", peewee.SQL("%s::tsquery", [tsquery]))]
    where += [key >= low] if low is not None else []
    where += [key < high] if high is not None else []
    query = _TOKENS.select(_TOKENS.c.slip_id).where(*where)
    return _TOKENS, (query.limit(most) if most is not None else query)


def _matching_ids(flt: SlipFilter):
    """A subquery of the ids of slips whose text holds every term (and whose facets match)."""
    if flt.slip_ids:
        return _named_slips(flt)
    if is_sqlite():
        fts = peewee.Table(search.INDEX)
        rowid = peewee.Column(fts, "rowid")
        return fts.select(rowid.bin_and(search.ID_MASK)).where(_match(flt), *_key_conditions(rowid, flt))
    table, query = _candidates(flt, _key_bounds(flt))
    if all(map(search.decided_by_index, flt.terms)):
        return query
    doc = search.SearchDoc
    return query.join(doc, on=(doc.slip == table.c.slip_id)).where(*_text_holds(flt))


def _text_holds(flt: SlipFilter) -> list:
    """Each term inside the text a slip was indexed with (search_doc.doc, its normalized pieces one
    a line; a term has no white space, so it never spans two): the brute-force answer, for the few
    slips read this way."""
    finds = peewee.fn.instr if is_sqlite() else peewee.fn.strpos
    return [finds(search.SearchDoc.doc, term) > 0 for term in flt.terms]


def _named_slips(flt: SlipFilter):
    """The slips named by the filter whose indexed text holds every term, found by reading their
    text (a short list: the slips behind a dashboard count) rather than through the index."""
    doc = search.SearchDoc
    return doc.select(doc.slip).where(doc.slip.in_(list(flt.slip_ids)), *_text_holds(flt))


def _base(flt: SlipFilter, columns, now: dt.datetime):
    where = conditions(flt, now)
    if flt.terms:
        where.append(Slip.id.in_(_matching_ids(flt)))
    query = Slip.select(*columns)
    return query.where(*where) if where else query


def page(flt: SlipFilter, sort: str = "received_at", descending: bool = True, after: tuple | None = None,
         limit: int = 50) -> list[SlipRow]:
    """Up to `limit` slips matching `flt` in the given order, continuing after the key `after`."""
    if sort not in SORTS:
        raise ValueError(f"cannot sort slips by {sort!r}: not an indexed column")
    now = clock.now()
    if sort == "received_at" and _uses_index(flt):
        rows = _fts_page(flt, descending, after, limit, now) if is_sqlite() else \
            _tsv_page(flt, descending, after, limit, now)
    elif sort == "deadline":
        rows = _deadline_page(flt, descending, after, limit, now)
    else:
        rows = _column_page(flt, SORTS[sort], descending, after, limit, now)
    from models import progress

    quiet_since = now - dt.timedelta(days=progress.quiet_days())
    return [_row(values, flt.terms, now, quiet_since) for values in rows]


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
    """Walk the FTS5 index in (received_at, id) order and stop after one page (SQLite): one MATCH
    for text and facets, so FTS5 steps through the rarest doclist and seeks in the others."""
    fts = peewee.Table(search.INDEX)
    rowid = peewee.Column(fts, "rowid")
    where = [Slip.id == rowid.bin_and(search.ID_MASK), _match(flt), *conditions(flt, now),
             *_key_conditions(rowid, flt, after, descending)]
    query = (Slip.select(*_ROW_COLUMNS).from_(fts).join(Slip, peewee.JOIN.CROSS).where(*where)
             .order_by(rowid.desc() if descending else rowid.asc()).limit(limit))
    return list(query.tuples())


WALK_FIRST = 2000  # PostgreSQL: the newest rows checked one by one before the GIN index is asked
GATHER_AT_MOST = 5000  # … and the most matches it hands over before walking on is cheaper


def _within(flt: SlipFilter, after: tuple | None, edge: int, descending: bool) -> tuple[int | None, int | None]:
    """The keys [low, high) of the filter's dates, past the page before (`after`) and beyond the
    keys walked already (`edge`)."""
    low, high = _key_bounds(flt)
    for key in (search.key_of(after) if after is not None else None, edge):
        if key is None:
            continue
        if descending:
            high = key if high is None else min(high, key)
        else:
            low = key + 1 if low is None else max(low, key + 1)
    return low, high


def _tsv_page(flt, descending, after, limit, now) -> list[tuple]:
    """One page from PostgreSQL by a plan chosen here, not by the planner, whose guess at a
    tsquery's matches is often far off (a word with no match made it walk every slip: 6 s at a
    million). Each step costs at most a bound, whatever the query:

    1. the newest WALK_FIRST keys are walked and each slip's text checked: a page when one slip
       in WALK_FIRST ÷ limit matches or more (most words);
    2. otherwise the GIN index names the matches among the older slips with their keys, when there
       are no more than GATHER_AT_MOST (names, unit numbers, rare words): the newest of them are
       read, their text checked, until the page is full;
    3. more than that means one slip in (slips ÷ GATHER_AT_MOST) or more matches: the walk goes on
       and meets a page within about limit × slips ÷ GATHER_AT_MOST rows.

    A GIN index cannot hand its matches over in key order, and reading a million of them to sort
    them (a common character) is what the walk avoids; walking for a rare one is what it bounds.
    One transaction: each step's plan settings hold for it alone (set_config … local)."""
    with database.atomic():
        return _tsv_steps(flt, descending, after, limit, now)


def _tsv_steps(flt, descending, after, limit, now) -> list[tuple]:
    doc = search.SearchDoc
    keys = _key_conditions(doc.key, flt, after, descending)
    order = doc.key.desc() if descending else doc.key.asc()
    newest = doc.select(doc.key)
    edge = (newest.where(*keys) if keys else newest).order_by(order).offset(WALK_FIRST - 1).limit(1).scalar()
    if edge is None:
        return _walk(flt, keys, order, limit, now)
    rows = _walk(flt, [*keys, doc.key >= edge if descending else doc.key <= edge], order, limit, now)
    if len(rows) == limit:
        return rows
    beyond = (lambda key: key < edge) if descending else (lambda key: key > edge)
    _planner(off=("enable_seqscan", "enable_indexscan"), on=("enable_bitmapscan",))
    table, query = _candidates(flt, _within(flt, after, edge, descending), GATHER_AT_MOST + 1)
    found = list(query.select_extend(table.c.key).tuples())
    if len(found) > GATHER_AT_MOST:
        return rows + _walk(flt, [*keys, beyond(doc.key)], order, limit - len(rows), now)
    found.sort(key=lambda match: match[1], reverse=descending)
    ids = [slip_id for slip_id, _key in found]
    _planner(off=("enable_seqscan",), on=("enable_indexscan", "enable_sort", "enable_hashjoin", "enable_mergejoin",
                                          "enable_material"))
    while ids and len(rows) < limit:
        batch, ids = ids[:2 * (limit - len(rows)) + 8], ids[2 * (limit - len(rows)) + 8:]
        query = (Slip.select(*_ROW_COLUMNS).join(doc, on=(doc.slip == Slip.id))
                 .where(Slip.id.in_(batch), *_text_holds(flt), *conditions(flt, now)))
        rows.extend(list(query.order_by(order).tuples())[:limit - len(rows)])
    return rows


def _walk(flt, keys: list, order, limit: int, now) -> list[tuple]:
    """Slips in key order, each one's text and row checked, until `limit` match (PostgreSQL; in
    the caller's transaction)."""
    doc = search.SearchDoc
    _planner(off=("enable_seqscan", "enable_bitmapscan", "enable_sort", "enable_hashjoin", "enable_mergejoin",
                  "enable_material"), on=("enable_indexscan",))
    query = Slip.select(*_ROW_COLUMNS).join(doc, on=(doc.slip == Slip.id))
    where = [*_text_holds(flt), *keys, *conditions(flt, now)]
    return list((query.where(*where) if where else query).order_by(order).limit(limit).tuples())


def _planner(off: tuple[str, ...], on: tuple[str, ...] = ()) -> None:
    """Turn plan kinds off (and others back on) for the running transaction (PostgreSQL), so that
    it takes the plan meant."""
    settings = [(name, "off") for name in off] + [(name, "on") for name in on]
    database.execute_sql("SELECT " + ", ".join(f"set_config('{name}', '{value}', true)" for name, value in settings))


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
    """How many slips match. Text and facets the index answers alone are counted in the index
    (a step through its doclists on SQLite, the GIN index on PostgreSQL), without the slips.
    PostgreSQL is kept from reading every slip's tokens in a sequential scan, which its planner
    prefers for a common token (3.3 s for a character on 400,000 of a million slips, 0.45 s from
    the GIN index)."""
    if is_sqlite() or not (flt.terms or facet_groups(flt)):
        return _count(flt)
    with database.atomic():
        _planner(off=("enable_seqscan", "enable_indexscan"))
        return _count(flt)


def _count(flt: SlipFilter) -> int:
    if _uses_index(flt) and _index_exact(flt):
        return _matching_ids(flt).count(database)
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
