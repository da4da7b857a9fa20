"""Finding slips by any text on them, in Chinese: an index of overlapping character pairs.

Chinese has no spaces between words, and SQLite's trigram tokenizer cannot match two-character
words (噪音, 漏水), so each slip's text is indexed as overlapping bigrams (as CJK analyzers do)
plus the set of its characters. A query term of n ≥ 2 characters is the phrase of its n-1
bigrams; a one-character term is a unigram. That is exact substring search: a slip matches
when every whitespace-separated term of the query occurs inside one of its text fields, the
same answer a brute-force scan gives (the tests compare the two).

Text is NFKC-normalized and case-folded; digits, Latin letters and punctuation are characters
like any other, so phone fragments (1234), unit numbers (3-2-1201) and slip numbers match.
Each character is written as a short hexadecimal code so that the index tokenizer (SQLite's
`ascii`, PostgreSQL's tsvector lexemes) takes every token as it is, whatever the script.
A separator token ends each field's run of bigrams, so a phrase never runs into the next field.

SQLite: bigrams, the trigrams of ASCII runs and the characters all go to one FTS5 table
(with positions: phrases need them), so that a query of any shape is one MATCH expression that
FTS5 answers by stepping through its doclists together, newest first, stopping after a page: a
one-character term ANDed with a two-character one ("张 3-2") costs what the rarer of them costs.
(Two tables joined by `rowid IN (…)` made SQLite collect every slip holding the common
character first: 83 s at a million slips.) The table is contentless, its rowid packing
(received_at, slip id), so "the newest 50 matches" is an index walk that stops after 50.
PostgreSQL: the same tokens, without positions, in a tsvector with a GIN index, kept in a narrow
table of their own (TOKENS: slip, key, tsvector) whose rows stay in memory, so handing over the
GIN index's matches with their keys reads no slip text; the text (search_doc.doc) decides.

The slip list's filters are in the index too, as facet tokens (status, channel, category,
building, department, authority; `facets`): a filter that keeps few slips ANDed with a common
word is a step through two doclists, not a walk through every slip holding the word. They only
narrow: the list's own conditions on the slip row still decide. `SearchDoc` keeps each slip's
indexed text and facets, which a contentless index needs in order to remove a slip's old tokens.

Every save path calls `reindex_slip` (or `reindex_slips`) inside its transaction. Other
modules' text (replies, …) is added with `register_source`, by models.providers when a database
is opened.
"""
from __future__ import annotations

import datetime as dt
import itertools
import re
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, Iterator, Sequence

import peewee

from models import statements
from models.db import BaseModel, database, is_sqlite
from models.directory import pinyin_initials
from models.slips import Slip

INDEX = "search_index"  # FTS5: bigrams, trigrams, characters and facets of every slip
TOKENS = "search_tokens"  # PostgreSQL: slip_id, key and the tsvector of the same tokens
TOKENS_ROW_BYTES = 128  # its rows: the tsvector (~600 bytes compressed) kept out of line, ~170 rows a page
VOCABULARY = "search_index_vocab"
OLD_TABLES = ("search_bigrams_vocab", "search_chars_vocab", "search_bigrams", "search_chars")  # before STEP_SEARCH
ID_BITS = 30  # the FTS rowid is received_at seconds << ID_BITS | slip id
ID_MASK = (1 << ID_BITS) - 1
SEPARATOR = "z"  # a token that is no character code: ends a field's run of bigrams
EPOCH = dt.datetime(1970, 1, 1)
HASH_BYTES = 1 << 20  # FTS5's own default buffer of pending terms
BULK_HASH_BYTES = 256 << 20
BULK_SORT_MEMORY = "512MB"  # PostgreSQL's maintenance_work_mem while it builds the GIN index after a load

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
    """The normalized text each slip was indexed with (its segments, one per line) and its key."""
    slip = peewee.ForeignKeyField(Slip, primary_key=True, backref="+")
    key = peewee.BigIntegerField()
    doc = peewee.TextField()
    facets = peewee.TextField(default="")  # the facet tokens indexed with it

    @classmethod
    def create_table(cls, safe: bool = True, **options) -> None:
        super().create_table(safe=safe, **options)
        create_index_tables()


def create_index_tables() -> None:
    """The FTS5 table and its vocabulary (SQLite), or the tokens' table and its GIN index."""
    if is_sqlite():
        database.execute_sql(f"CREATE VIRTUAL TABLE IF NOT EXISTS {INDEX} USING fts5("
                             f"t, content='', columnsize=0, detail=full, tokenize='ascii')")
        database.execute_sql(f"CREATE VIRTUAL TABLE IF NOT EXISTS {VOCABULARY} USING fts5vocab({INDEX}, 'row')")
    else:
        table = SearchDoc._meta.table_name
        database.execute_sql(f"CREATE TABLE IF NOT EXISTS {TOKENS} (slip_id integer PRIMARY KEY "
                             f"REFERENCES {table} (slip_id) ON DELETE CASCADE, key bigint NOT NULL, "
                             f"tsv tsvector NOT NULL) WITH (toast_tuple_target = {TOKENS_ROW_BYTES})")
        database.execute_sql(f"CREATE INDEX IF NOT EXISTS {TOKENS}_tsv ON {TOKENS} USING gin (tsv)")
        # the newest matches first, walking keys (models.queries: when a query matches very many)
        database.execute_sql(f"CREATE INDEX IF NOT EXISTS {table}_key ON {table} (key)")


def register_source(name: str, fetch: Source) -> None:
    """Add text kept outside the slip row (replies, …) to what search finds.

    `fetch(slip_ids)` returns {slip_id: [text, …]}. The module owning that text calls
    `reindex_slip` whenever it changes.
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
    return list(dict.fromkeys(itertools.chain.from_iterable(map(_pieces, filter(None, texts)))))


@lru_cache(maxsize=262144)
def _pieces(text: str) -> tuple[str, ...]:
    return tuple(normalize(text).split())


@lru_cache(maxsize=65536)
def _code(char: str) -> str:
    point = ord(char)
    return f"{point:04x}" if point < 0x10000 else f"x{point:06x}"


@lru_cache(maxsize=262144)
def _bigrams(segment: str) -> tuple[str, ...]:
    codes = [_code(c) for c in segment]
    return tuple(a + b for a, b in zip(codes, codes[1:]))


# Runs of three or more ASCII characters (digits, Latin, '-' …) in a piece of text.
_ascii_runs = re.compile(r"[\x00-\x7f]{3,}").findall


def _trigrams(run: str) -> list[str]:
    codes = [_code(c) for c in run]
    return [a + b + c for a, b, c in zip(codes, codes[1:], codes[2:])]


@lru_cache(maxsize=262144)
def _pair_tokens(segment: str) -> tuple[str, ...]:
    """A piece's bigrams in order, then the trigrams of each ASCII run in it, each run ended by the
    separator. Phone numbers, unit numbers and slip numbers are written with a dozen symbols,
    so their bigrams are on most slips; their trigrams narrow a search for them quickly."""
    pairs = _bigrams(segment)
    if not pairs:
        return ()
    tokens = [*pairs, SEPARATOR]
    for run in _ascii_runs(segment):
        tokens.extend(_trigrams(run))
        tokens.append(SEPARATOR)
    return tuple(tokens)


@lru_cache(maxsize=262144)
def _bigram_text(segment: str) -> str:
    """`_pair_tokens` as the index's text. Cut out of the segment's codes made at once (one C
    call) when it has no character from `_WIDE` on: a slip number or a phone number is a new
    segment on nearly every slip, and this is several times quicker than coding it character by
    character (the tests hold the two equal)."""
    if len(segment) < 2 or max(segment) >= _WIDE:
        return " ".join(_pair_tokens(segment))
    codes = _hex_codes(segment)
    tokens = [codes[at:at + 8] for at in range(0, len(codes) - 4, 4)]
    tokens.append(SEPARATOR)
    for run in _ascii_runs(segment):
        codes = _hex_codes(run)
        tokens.extend(codes[at:at + 12] for at in range(0, len(codes) - 8, 4))
        tokens.append(SEPARATOR)
    return " ".join(tokens)


_WIDE = "\U00010000"  # from here on a character's code is longer than four digits


def _hex_codes(text: str, separator: str = "") -> str:
    """The codes of a text with no character from `_WIDE` on, in one C call: its UTF-16 code
    units are the characters' code points, and their hex digits are the codes."""
    units = text.encode("utf-16-be", "surrogatepass")
    return units.hex(separator, 2) if separator else units.hex()


@dataclass(frozen=True)
class Tokens:
    """What one slip puts into the index."""
    bigrams: str  # bigrams and trigrams of ASCII runs, space-separated, in order, runs ended by SEPARATOR
    chars: str  # space-separated, each distinct character once


@lru_cache(maxsize=262144)
def _chars(segment: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(_code(c) for c in segment))


def tokens(segs: Sequence[str]) -> Tokens:
    bigrams = " ".join(filter(None, map(_bigram_text, segs)))
    chars = " ".join(dict.fromkeys(itertools.chain.from_iterable(map(_chars, segs))))
    return Tokens(bigrams, chars)


def index_text(segs: Sequence[str], facet_tokens: str) -> str:
    """What the FTS5 index holds of a slip: bigrams and trigrams in order, its characters, its
    facets. Characters (4 hex digits), bigrams (8), trigrams (12) and facets (q…) never look
    alike, and a phrase is made of bigrams or trigrams only, so neither a character nor a facet
    ever completes one."""
    made = tokens(segs)
    return " ".join(filter(None, (made.bigrams, made.chars, facet_tokens)))


def tsvector(segs: Sequence[str], facet_tokens: str = "") -> str:
    """The PostgreSQL tsvector literal: the slip's bigrams, trigrams, characters and facets, each
    once, without positions. The GIN index answers with candidates (every token of every term);
    the slip's text decides (`strpos` on search_doc.doc, models.queries), so PostgreSQL never
    reads a tsvector back to check positions (a detoasted tsvector is ~50 µs a row)."""
    lexemes = dict.fromkeys(token for segment in segs for token in _pair_tokens(segment) if token != SEPARATOR)
    lexemes.update(dict.fromkeys(itertools.chain.from_iterable(map(_chars, segs))))
    lexemes.update(dict.fromkeys(facet_tokens.split()))
    return " ".join(f"'{lexeme}'" for lexeme in lexemes)


# --- facets: the slip list's filters, in the index ---------------------------------------------

# slip field -> the letter its facet tokens start with (after FACET)
FACET_FIELDS = {"status": "s", "channel": "c", "category": "k", "building": "b", "department": "d",
                "within_authority": "w"}
FACET = "q"  # no character code (hex digits, x) nor the separator (z) starts with it


def facet(field: str, value) -> str:
    """The token standing for `field` = `value`: the value's text in hex, so any value is one
    token of the index's alphabet."""
    if isinstance(value, bool):
        value = int(value)
    text = str(getattr(value, "value", value))
    return f"{FACET}{FACET_FIELDS[field]}{text.encode().hex()}"


def facets(values: dict) -> str:
    """A slip's facet tokens, from its field values (a foreign key by its id)."""
    found = []
    for field in FACET_FIELDS:
        value = values.get(field)
        if value is not None:
            found.append(facet(field, getattr(value, "id", value)))
    return " ".join(found)


def received_key(received_at: dt.datetime, slip_id: int) -> int:
    """The FTS rowid: ordered like (received_at, id), so newest-first is the index order."""
    seconds = int((received_at.replace(tzinfo=None) - EPOCH).total_seconds())
    return (seconds << ID_BITS) | slip_id


def key_of(after: tuple) -> int:
    received_at, slip_id = after
    return received_key(received_at, slip_id)


# --- queries --------------------------------------------------------------------------------

def _term_bigrams(term: str) -> list[str]:
    codes = [_code(c) for c in term]
    return [a + b for a, b in zip(codes, codes[1:])]


def _phrases(term: str) -> list[list[str]]:
    """The phrases a term of two or more characters needs: its bigrams, which decide, and the
    trigrams of its ASCII runs, which every match also holds and which find candidates fast. A
    term of three or more ASCII characters lies inside one ASCII run wherever it occurs, so its
    trigrams alone decide: the phrase of digit bigrams, each on most slips, is left out."""
    runs = _ascii_runs(term)
    if runs == [term]:
        return [_trigrams(term)]
    return [_term_bigrams(term), *(_trigrams(run) for run in runs)]


def fts_match(query_terms: Sequence[str], facet_groups: Sequence[Sequence[str]] = ()) -> str:
    """The FTS5 MATCH expression a slip must satisfy: each term (a phrase of bigrams, and of the
    trigrams of its ASCII runs, or a character), and one facet of each group (a filter's values)."""
    parts = []
    for term in query_terms:
        if len(term) == 1:
            parts.append(_code(term))
        else:
            parts.extend('"' + " ".join(phrase) + '"' for phrase in _phrases(term))
    parts.extend("(" + " OR ".join(group) + ")" for group in facet_groups if group)
    return " AND ".join(parts)


def decided_by_index(term: str) -> bool:
    """Whether PostgreSQL's GIN index alone decides `term`: it is one token there (a character, a
    bigram, three ASCII characters), not several that a slip may hold apart."""
    return len(term) == 1 or sum(map(len, _phrases(term))) == 1


def tsquery(query_terms: Sequence[str], facet_groups: Sequence[Sequence[str]] = ()) -> str:
    """The PostgreSQL candidates: every token of every term, one facet of each group. A term of
    two or more characters may have its tokens in the wrong places; `strpos` on the text decides."""
    tokens = [_code(term) if len(term) == 1 else token
              for term in query_terms for phrase in ([[term]] if len(term) == 1 else _phrases(term))
              for token in phrase]
    parts = [f"'{token}'" for token in dict.fromkeys(tokens)]
    parts.extend("(" + " | ".join(f"'{token}'" for token in group) + ")" for group in facet_groups if group)
    return " & ".join(parts)


# --- highlighting ---------------------------------------------------------------------------

@lru_cache(maxsize=65536)
def _fold(char: str) -> str:
    return normalize(char)


def highlight_spans(text: str, query_terms: Sequence[str]) -> list[tuple[int, int]]:
    """(start, length) in `text` of every place a term matches, merged where they overlap."""
    if not text or not query_terms:
        return []
    pieces = [_fold(char) for char in text]
    haystack = "".join(pieces)
    if len(haystack) == len(text):
        origin: Sequence[int] = range(len(text))
    else:  # some characters fold to several (Ⅻ → xii): map each back to where it came from
        origin = [index for index, piece in enumerate(pieces) for _ in piece]
    marks: list[tuple[int, int]] = []
    for term in query_terms:
        start = haystack.find(term)
        while start >= 0:
            marks.append((origin[start], origin[start + len(term) - 1] + 1))
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
    texts = [values.get(field) or "" for field in SLIP_FIELDS]
    texts.append(_initials(values.get("complainant_name") or ""))
    texts.extend(extra)
    return segments(texts)


@lru_cache(maxsize=65536)
def _initials(name: str) -> str:
    return pinyin_initials(name) if name else ""


def reindex_slip(slip_id: int) -> None:
    """Bring one slip's index entry up to date; call inside the transaction that changed it."""
    reindex_slips([slip_id])


def index_new_slip(slip: Slip) -> None:
    """Index a slip created in the running transaction from the values in hand, as `reindex_slip`
    would: it need not read back the row it has just written, nor look for an old entry, which a
    new slip cannot have (an entry's slip cannot be deleted while the entry stands)."""
    extra = _source_texts([slip.id])[slip.id]
    index_rows([index_row(slip.id, slip.received_at, document(slip.__data__, extra), facets(slip.__data__),
                          is_sqlite())])


def reindex_slips(slip_ids: Iterable[int], batch: int = 500) -> int:
    """Re-read and re-index many slips (after a bulk change); returns how many entries changed."""
    ids = sorted(set(slip_ids))
    changed = 0
    for start in range(0, len(ids), batch):
        changed += _reindex_batch(ids[start:start + batch])
    return changed


def _reindex_batch(ids: list[int]) -> int:
    names = ["id", "received_at", *SLIP_FIELDS, *FACET_FIELDS]
    rows = {}
    for row in statements.execute(statements.in_list(_SLIP_TEXT_SQL, len(ids)), ids):
        values = dict(zip(names, row))
        values["received_at"] = Slip.received_at.python_value(values["received_at"])
        rows[row[0]] = values
    extra = _source_texts(list(rows))
    old = {slip_id: SearchDoc(slip=slip_id, key=key, doc=doc, facets=facet_tokens)
           for slip_id, key, doc, facet_tokens in statements.execute(statements.in_list(_DOCS_SQL, len(ids)), ids)}
    changed = 0
    for slip_id in ids:
        previous, values = old.get(slip_id), rows.get(slip_id)
        if values is None:
            if previous is not None:
                _remove(previous)
                changed += 1
            continue
        segs = document(values, extra[slip_id])
        entry = index_row(slip_id, values["received_at"], segs, facets(values), is_sqlite())
        if previous is not None and (previous.key, previous.doc, previous.facets) == entry[1:4]:
            continue
        if previous is not None:
            _remove(previous)
        index_rows([entry])
        changed += 1
    return changed


def _source_texts(slip_ids: list[int]) -> dict[int, list[str]]:
    """Each slip's texts kept outside its row (`register_source`), in the sources' order."""
    found: dict[int, list[str]] = {slip_id: [] for slip_id in slip_ids}
    for fetch in _sources.values():
        for slip_id, texts in fetch(slip_ids).items():
            if slip_id in found:
                found[slip_id].extend(texts)
    return found


def _remove(previous: SearchDoc) -> None:
    if is_sqlite():
        text = index_text(previous.doc.split("\n") if previous.doc else [], previous.facets)
        database.execute_sql(f"INSERT INTO {INDEX}({INDEX}, rowid, t) VALUES ('delete', ?, ?)", (previous.key, text))
    statements.execute('DELETE FROM "search_doc" WHERE "slip_id" = ?', (previous.slip_id,))


# Every save re-indexes its slip: these run as SQL written once rather than built by peewee each time.
_SLIP_TEXT_SQL = ('SELECT "id", "received_at", '
                  + ", ".join(f'"{Slip._meta.fields[name].column_name}"' for name in (*SLIP_FIELDS, *FACET_FIELDS))
                  + ' FROM "slip" WHERE "id" IN ')
_DOCS_SQL = 'SELECT "slip_id", "key", "doc", "facets" FROM "search_doc" WHERE "slip_id" IN '
_NOTES_SQL = 'SELECT "slip_id", "note" FROM "slip_event" WHERE "note" <> \'\' AND "slip_id" IN '
_NOTES_ORDER = ' ORDER BY "slip_id", "seq"'  # in history order on every backend (PostgreSQL returns any order)


def index_row(slip_id: int, received_at: dt.datetime, segs: list[str], facet_tokens: str, sqlite: bool) -> tuple:
    """A slip's index entry as a row for `index_rows`: (slip id, key, text, facets, what the index
    holds). Bulk writers build these from text they already hold, even in worker processes (hence
    `sqlite` given, not looked up)."""
    key = received_key(received_at, slip_id)
    text = "\n".join(segs)
    if sqlite:
        held = " ".join(filter(None, (*map(_bigram_text, segs), _chars_text(text), facet_tokens)))
        return slip_id, key, text, facet_tokens, held
    return slip_id, key, text, facet_tokens, tsvector(segs, facet_tokens)


def _chars_text(text: str) -> str:
    """`tokens(...).chars` of the segments joined in `text`, at a bulk load's pace: the distinct
    characters in order of first appearance are the same whether taken segment by segment or
    from the joined text (less the joining newline, never inside a segment), and the codes are
    one per character."""
    distinct = "".join(dict.fromkeys(text.replace("\n", "")))
    if distinct and max(distinct) < _WIDE:
        return _hex_codes(distinct, " ")
    return " ".join(map(_code, distinct))


def index_rows(rows: Sequence[tuple]) -> None:
    """Add entries made by `index_row` for slips that have none."""
    if not rows:
        return
    cursor = database.cursor()
    table = SearchDoc._meta.table_name
    if is_sqlite():
        cursor.executemany(f"INSERT INTO {table} (slip_id, key, doc, facets) VALUES (?, ?, ?, ?)",
                           [r[:4] for r in rows])
        cursor.executemany(f"INSERT INTO {INDEX}(rowid, t) VALUES (?, ?)", [(r[1], r[4]) for r in rows])
    else:
        cursor.executemany(f"INSERT INTO {table} (slip_id, key, doc, facets) VALUES (%s, %s, %s, %s)",
                           [r[:4] for r in rows])
        cursor.executemany(f"INSERT INTO {TOKENS} (slip_id, key, tsv) VALUES (%s, %s, %s::tsvector)",
                           [(r[0], r[1], r[4]) for r in rows])


ENTRY_TABLE = "search_entry"  # a bulk shard's table of `index_row` rows (SQLite)
ENTRY_COLUMNS = ("slip_id", "key", "doc", "facets", "held")


def index_attached(schema: str) -> None:
    """Add the entries a bulk writer put in the attached database's ENTRY_TABLE (SQLite rows of
    `index_row`, for slips that have none), copied in C rather than bound row by row."""
    table = SearchDoc._meta.table_name
    database.execute_sql(f"INSERT INTO {table} (slip_id, key, doc, facets) "
                         f"SELECT slip_id, key, doc, facets FROM {schema}.{ENTRY_TABLE}")
    database.execute_sql(f"INSERT INTO {INDEX}(rowid, t) SELECT key, held FROM {schema}.{ENTRY_TABLE}")


@contextmanager
def bulk_loading() -> Iterator[None]:
    """While a bulk load runs, keep far more pending index terms in memory (SQLite): fewer, larger
    index segments and far less merging. The usual buffer is restored afterwards. PostgreSQL: the
    GIN index is dropped for the load and built once after it (with more memory to sort in), far
    cheaper than inserting every slip's few hundred tokens into it one by one."""
    if not is_sqlite():
        database.execute_sql(f"DROP INDEX IF EXISTS {TOKENS}_tsv")
        try:
            yield
        finally:
            database.execute_sql(f"SET maintenance_work_mem = '{BULK_SORT_MEMORY}'")
            create_index_tables()
            database.execute_sql("RESET maintenance_work_mem")
        return
    _hash_size(BULK_HASH_BYTES)
    try:
        yield
    finally:
        _hash_size(HASH_BYTES)


def _hash_size(size: int) -> None:
    database.execute_sql(f"INSERT INTO {INDEX}({INDEX}, rank) VALUES ('hashsize', ?)", (size,))


def upgrade_index() -> None:
    """Schema step STEP_SEARCH: every slip's facets from its row, and the index of both backends
    made again from the text each slip was indexed with, in the database's own loop (SQLite calls
    back into Python for the tokens of each slip; PostgreSQL needs no Python at all)."""
    table = SearchDoc._meta.table_name
    facets_of_slip = f'(SELECT {_facets_sql()} FROM "slip" WHERE "slip"."id" = "{table}"."slip_id")'
    if not is_sqlite():
        if database.table_exists(TOKENS):  # made already: the step runs again on a database taken back
            create_index_tables()
            return
        # the tokens move to their own table, the GIN index made after its rows, not row by row
        database.execute_sql(f'UPDATE "{table}" SET "facets" = {facets_of_slip}')
        database.execute_sql(f'DROP INDEX IF EXISTS "{table}_tsv"')
        database.execute_sql(f"CREATE TABLE {TOKENS} WITH (toast_tuple_target = {TOKENS_ROW_BYTES}) AS "
                             f"SELECT slip_id, key, strip(tsv) || "
                             f"array_to_tsvector(string_to_array(facets, ' ')) AS tsv FROM {table}")
        database.execute_sql(f"ALTER TABLE {TOKENS} ADD PRIMARY KEY (slip_id), ADD FOREIGN KEY (slip_id) "
                             f"REFERENCES {table} (slip_id) ON DELETE CASCADE, ALTER key SET NOT NULL, "
                             f"ALTER tsv SET NOT NULL")
        database.execute_sql(f"ALTER TABLE {table} DROP COLUMN tsv")
        create_index_tables()
        return
    database.execute_sql(f'UPDATE "{table}" SET "facets" = {facets_of_slip}')
    for old in (*OLD_TABLES, VOCABULARY, INDEX):  # the new ones too, when the step runs again
        database.execute_sql(f"DROP TABLE IF EXISTS {old}")
    create_index_tables()
    connection = database.connection()
    connection.create_function("slipdesk_index_text", 2, _index_text_of, deterministic=True)
    try:
        database.execute_sql(f'INSERT INTO {INDEX}(rowid, t) SELECT "key", slipdesk_index_text("doc", "facets") '
                             f'FROM "{table}"')
    finally:
        connection.create_function("slipdesk_index_text", 2, None)


def _index_text_of(doc: str | None, facet_tokens: str | None) -> str:
    return index_text(doc.split("\n") if doc else [], facet_tokens or "")


def _facets_sql() -> str:
    """`facets` of a slip row, in SQL: the same tokens in the same order (hex of the value's text;
    SQLite's hex() reads a number as its text, PostgreSQL is told to)."""
    parts = []
    for field, letter in FACET_FIELDS.items():
        column = f'"slip"."{Slip._meta.fields[field].column_name}"'
        if is_sqlite():
            value = f"lower(hex({column}))"
        else:
            text = f"({column})::int::text" if field == "within_authority" else f"({column})::text"
            value = f"encode(convert_to({text}, 'UTF8'), 'hex')"
        parts.append(f"CASE WHEN {column} IS NULL THEN '' ELSE ' {FACET}{letter}' || {value} END")
    return "ltrim(" + " || ".join(parts) + ")"


def rebuild() -> int:
    """Empty and rebuild the whole index from the slips (after a restore or an import)."""
    if is_sqlite():
        database.execute_sql(f"INSERT INTO {INDEX}({INDEX}) VALUES ('delete-all')")
    SearchDoc.delete().execute()
    last, total = 0, 0
    while True:
        ids = [r[0] for r in Slip.select(Slip.id).where(Slip.id > last).order_by(Slip.id).limit(2000).tuples()]
        if not ids:
            return total
        total += reindex_slips(ids)
        last = ids[-1]


def _history_notes(slip_ids: Sequence[int]) -> dict[int, list[str]]:
    """Notes written into the slip's history (reasons, what was done): handling notes too."""
    found: dict[int, list[str]] = {}
    ids = list(slip_ids)
    if not ids:
        return found
    for slip_id, note in statements.execute(statements.in_list(_NOTES_SQL, len(ids)) + _NOTES_ORDER, ids):
        found.setdefault(slip_id, []).append(note)
    return found


register_source("history notes", _history_notes)
