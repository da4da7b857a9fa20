"""Finding slips by any text on them, in Chinese: an index of overlapping character pairs.

Chinese has no spaces between words, and SQLite's trigram tokenizer cannot match two-character
words (噪音, 漏水), so each slip's text is indexed as overlapping bigrams (as CJK analyzers do)
plus its single characters. A query term of n ≥ 2 characters is the phrase of its n-1 bigrams;
a one-character term is a unigram. That is exact substring search: a slip matches when every
whitespace-separated term of the query occurs inside one of its text fields, the same answer a
brute-force scan gives (the tests compare the two).

Text is NFKC-normalized and case-folded; digits, Latin letters and punctuation are characters
like any other, so phone fragments (1234), unit numbers (3-2-1201) and slip numbers match.
Each character is written as a short hexadecimal code so that the index tokenizer (SQLite's
`ascii`, PostgreSQL's tsvector lexemes) takes every token as it is, whatever the script.
Bigram and unigram codes differ in length, so they never collide; fields are kept apart so a
phrase never runs from one field into the next.

SQLite keeps the tokens in a contentless FTS5 table whose rowid packs (received_at, slip id),
so "the newest 50 matches" is an index walk that stops after 50. PostgreSQL keeps the same
tokens in a tsvector with a GIN index and answers with phrase tsqueries (<->).

Every save path calls `reindex_slip` (or `reindex_slips`) inside its transaction. Other
modules add text (replies, …) with `register_source`.
"""
from __future__ import annotations

import datetime as dt
import unicodedata
from functools import lru_cache
from typing import Callable, Iterable, Iterator, Sequence

import peewee

from models.db import BaseModel, database, is_sqlite
from models.directory import pinyin_initials
from models.slips import Slip

FTS_TABLE = "search_fts"
VOCAB_TABLE = "search_vocab"
ID_BITS = 30  # the FTS rowid is received_at seconds << ID_BITS | slip id
ID_MASK = (1 << ID_BITS) - 1
SEPARATOR = "z"  # a token that is no character code: ends a field's run of bigrams
EPOCH = dt.datetime(1970, 1, 1)
PG_MAX_POSITION = 16383  # tsvector positions stop there

# The slip's own text fields searched, besides the complainant's pinyin initials.
SLIP_FIELDS = (
    "number", "complainant_name", "unit_code", "phone", "caller_number", "address", "email",
    "sender_address", "complaint", "answer_note", "handling_notes", "book_entry_ref",
    "transferred_to", "assignee", "override_reason",
)

# name -> fetch(slip_ids) -> {slip_id: [text, ...]}: more text that belongs to slips.
Source = Callable[[Sequence[int]], dict[int, list[str]]]
_sources: dict[str, Source] = {}


class SearchDoc(BaseModel):
    """The normalized text each slip was indexed with, and its FTS rowid.

    Kept because a contentless FTS5 index forgets its input, yet removing a slip's old tokens
    needs them; also what PostgreSQL's tsvector column sits beside.
    """
    slip = peewee.ForeignKeyField(Slip, primary_key=True, backref="+")
    key = peewee.BigIntegerField()
    doc = peewee.TextField()

    @classmethod
    def create_table(cls, safe: bool = True, **options) -> None:
        super().create_table(safe=safe, **options)
        create_index_tables()


def create_index_tables() -> None:
    """The FTS5 table and its vocabulary (SQLite) or the tsvector column and GIN index (PostgreSQL)."""
    if is_sqlite():
        database.execute_sql(f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
                             "t, content='', columnsize=0, tokenize='ascii')")
        database.execute_sql(f"CREATE VIRTUAL TABLE IF NOT EXISTS {VOCAB_TABLE} "
                             f"USING fts5vocab({FTS_TABLE}, 'row')")
    else:
        table = SearchDoc._meta.table_name
        database.execute_sql(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS tsv tsvector NOT NULL DEFAULT ''")
        database.execute_sql(f"CREATE INDEX IF NOT EXISTS {table}_tsv ON {table} USING gin (tsv)")


def register_source(name: str, fetch: Source) -> None:
    """Add text kept outside the slip row (replies, …) to what search finds.

    The module owning that text calls `reindex_slip` whenever it changes.
    """
    _sources[name] = fetch


# --- text to tokens -------------------------------------------------------------------------

def normalize(text: str) -> str:
    """NFKC and case folding: full-width digits, ｆｕｌｌ-width Latin and capitals find their kin."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())


def terms(query: str) -> tuple[str, ...]:
    """The query's terms: normalized, split on whitespace, each needed (AND), duplicates once."""
    return tuple(dict.fromkeys(normalize(query or "").split()))


def segments(texts: Iterable[str]) -> list[str]:
    """The whitespace-free pieces of a slip's texts, each once: what terms are matched inside."""
    return list(dict.fromkeys(piece for text in texts if text for piece in normalize(text).split()))


@lru_cache(maxsize=65536)
def _code(char: str) -> str:
    point = ord(char)
    return f"{point:04x}" if point < 0x10000 else f"x{point:06x}"


@lru_cache(maxsize=262144)
def _segment_tokens(segment: str) -> tuple[str, ...]:
    """A piece's bigrams, then its distinct characters (which also end the run of bigrams)."""
    codes = [_code(c) for c in segment]
    return (*(a + b for a, b in zip(codes, codes[1:])), *dict.fromkeys(codes))


def doc_tokens(segs: Sequence[str]) -> list[str]:
    tokens: list[str] = []
    for segment in segs:
        tokens.extend(_segment_tokens(segment))
    return tokens


def term_tokens(term: str) -> list[str]:
    """One unigram for a one-character term, else the bigram phrase."""
    codes = [_code(c) for c in term]
    if len(codes) == 1:
        return codes
    return [a + b for a, b in zip(codes, codes[1:])]


def fts_expression(query_terms: Sequence[str]) -> str:
    """An FTS5 MATCH expression: every term's tokens as a phrase, all terms required."""
    return " AND ".join('"' + " ".join(term_tokens(t)) + '"' for t in query_terms)


def tsquery(query_terms: Sequence[str]) -> str:
    """The PostgreSQL equivalent: phrases joined by <->, terms by &."""
    return " & ".join("(" + " <-> ".join(f"'{tok}'" for tok in term_tokens(t)) + ")" for t in query_terms)


def single_token(query_terms: Sequence[str]) -> str | None:
    """The one index token a query needs, when it needs only one (its document count is stored)."""
    if len(query_terms) == 1:
        tokens = term_tokens(query_terms[0])
        if len(tokens) == 1:
            return tokens[0]
    return None


def tsvector(tokens: Sequence[str]) -> str:
    positions: dict[str, list[int]] = {}
    for index, token in enumerate(tokens, start=1):
        positions.setdefault(token, []).append(min(index, PG_MAX_POSITION))
    return " ".join(f"'{tok}':" + ",".join(map(str, pos[:256])) for tok, pos in positions.items())


def received_key(received_at: dt.datetime, slip_id: int) -> int:
    """The FTS rowid: ordered like (received_at, id), so newest-first is the index order."""
    seconds = int((received_at.replace(tzinfo=None) - EPOCH).total_seconds())
    return (seconds << ID_BITS) | slip_id


def key_of(after: tuple) -> int:
    received_at, slip_id = after
    return received_key(received_at, slip_id)


# --- highlighting ---------------------------------------------------------------------------

def highlight_spans(text: str, query_terms: Sequence[str]) -> list[tuple[int, int]]:
    """(start, length) in `text` of every place a term matches, merged where they overlap."""
    if not text or not query_terms:
        return []
    folded, origin = [], []
    for index, char in enumerate(text):
        for piece in normalize(char):
            folded.append(piece)
            origin.append(index)
    haystack = "".join(folded)
    marks: list[tuple[int, int]] = []
    for term in query_terms:
        start = haystack.find(term)
        while start >= 0:
            end = start + len(term) - 1
            marks.append((origin[start], origin[end] + 1))
            start = haystack.find(term, start + 1)
    merged: list[list[int]] = []
    for begin, end in sorted(marks):
        if merged and begin <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([begin, end])
    return [(begin, end - begin) for begin, end in merged]


# --- keeping the index up to date ----------------------------------------------------------

def document(values: dict, extra: Iterable[str] = ()) -> list[str]:
    """The segments indexed for one slip: its fields, the name's pinyin initials, other sources."""
    name = values.get("complainant_name") or ""
    texts = [values.get(field) or "" for field in SLIP_FIELDS]
    texts.append(_initials(name))
    texts.extend(extra)
    return segments(texts)


@lru_cache(maxsize=65536)
def _initials(name: str) -> str:
    return pinyin_initials(name) if name else ""


def reindex_slip(slip_id: int) -> None:
    """Bring one slip's index entry up to date; call inside the transaction that changed it."""
    reindex_slips([slip_id])


def reindex_slips(slip_ids: Iterable[int], batch: int = 500) -> int:
    """Re-read and re-index many slips (after a bulk change); returns how many entries changed."""
    ids = sorted(set(slip_ids))
    changed = 0
    for start in range(0, len(ids), batch):
        changed += _reindex_batch(ids[start:start + batch])
    return changed


def _reindex_batch(ids: list[int]) -> int:
    columns = [Slip.id, Slip.received_at, *(getattr(Slip, f) for f in SLIP_FIELDS)]
    names = ["id", "received_at", *SLIP_FIELDS]
    rows = {row[0]: dict(zip(names, row)) for row in Slip.select(*columns).where(Slip.id.in_(ids)).tuples()}
    extra: dict[int, list[str]] = {i: [] for i in rows}
    for fetch in _sources.values():
        for slip_id, texts in fetch(list(rows)).items():
            if slip_id in extra:
                extra[slip_id].extend(texts)
    old = {d.slip_id: d for d in SearchDoc.select().where(SearchDoc.slip.in_(ids))}
    changed = 0
    for slip_id in ids:
        previous = old.get(slip_id)
        values = rows.get(slip_id)
        if values is None:
            if previous is not None:
                _remove(previous)
                changed += 1
            continue
        segs = document(values, extra[slip_id])
        key = received_key(_as_datetime(values["received_at"]), slip_id)
        text = "\n".join(segs)
        if previous is not None and previous.key == key and previous.doc == text:
            continue
        if previous is not None:
            _remove(previous)
        _add(slip_id, key, segs, text)
        changed += 1
    return changed


def _as_datetime(value) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    return Slip.received_at.python_value(value)


def _remove(previous: SearchDoc) -> None:
    if is_sqlite():
        old_tokens = doc_tokens(previous.doc.split("\n") if previous.doc else [])
        database.execute_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, t) VALUES ('delete', ?, ?)",
                             (previous.key, " ".join(old_tokens)))
    SearchDoc.delete().where(SearchDoc.slip == previous.slip_id).execute()


def _add(slip_id: int, key: int, segs: list[str], text: str) -> None:
    tokens = doc_tokens(segs)
    if is_sqlite():
        SearchDoc.insert(slip=slip_id, key=key, doc=text).execute()
        database.execute_sql(f"INSERT INTO {FTS_TABLE}(rowid, t) VALUES (?, ?)", (key, " ".join(tokens)))
    else:
        table = SearchDoc._meta.table_name
        database.execute_sql(f"INSERT INTO {table} (slip_id, key, doc, tsv) VALUES (%s, %s, %s, %s::tsvector)",
                             (slip_id, key, text, tsvector(tokens)))


def index_new(docs: Iterable[tuple[int, dt.datetime, list[str]]]) -> None:
    """Index slips that have no entry yet, in bulk: (slip id, received_at, segments) each.

    For bulk writers (demo data, imports) that already hold the text; skips the read-back.
    """
    sqlite = is_sqlite()
    doc_rows, fts_rows = [], []
    for slip_id, received_at, segs in docs:
        key = received_key(received_at, slip_id)
        text = "\n".join(segs)
        tokens = doc_tokens(segs)
        doc_rows.append((slip_id, key, text))
        fts_rows.append((key, " ".join(tokens)) if sqlite else (slip_id, key, text, tsvector(tokens)))
    if not doc_rows:
        return
    cursor = database.cursor()
    table = SearchDoc._meta.table_name
    if sqlite:
        cursor.executemany(f"INSERT INTO {table} (slip_id, key, doc) VALUES (?, ?, ?)", doc_rows)
        cursor.executemany(f"INSERT INTO {FTS_TABLE}(rowid, t) VALUES (?, ?)", fts_rows)
    else:
        cursor.executemany(f"INSERT INTO {table} (slip_id, key, doc, tsv) VALUES (%s, %s, %s, %s::tsvector)",
                           fts_rows)


def rebuild() -> int:
    """Drop and rebuild the whole index from the slips (after a restore or an import)."""
    if is_sqlite():
        database.execute_sql(f"DELETE FROM {FTS_TABLE}")
    SearchDoc.delete().execute()
    last, total = 0, 0
    while True:
        ids = [r[0] for r in Slip.select(Slip.id).where(Slip.id > last).order_by(Slip.id).limit(2000).tuples()]
        if not ids:
            return total
        total += reindex_slips(ids)
        last = ids[-1]


def iter_docs(slip_ids: Sequence[int]) -> Iterator[tuple[int, list[str]]]:
    """The indexed segments of these slips (for excerpts and for checking the index)."""
    for row in SearchDoc.select(SearchDoc.slip, SearchDoc.doc).where(SearchDoc.slip.in_(list(slip_ids))).tuples():
        yield row[0], row[1].split("\n") if row[1] else []


def _history_notes(slip_ids: Sequence[int]) -> dict[int, list[str]]:
    """Notes written into the slip's history (reasons, what was done): handling notes too."""
    from models.history import SlipEvent

    found: dict[int, list[str]] = {}
    query = (SlipEvent.select(SlipEvent.slip, SlipEvent.note)
             .where(SlipEvent.slip.in_(list(slip_ids)), SlipEvent.note != "").tuples())
    for slip_id, note in query:
        found.setdefault(slip_id, []).append(note)
    return found


register_source("history notes", _history_notes)
