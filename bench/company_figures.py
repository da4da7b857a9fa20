"""The company's figures on PostgreSQL, many estates in one database kept apart by its policies:
`slipdesk-admin bench-company --server postgresql://… [--estates 20] [--slips 2000000]`
(desktop/commands/bench_company.py is its command line).

Builds (once) a company database `slipdesk_bench_company` on the server: one demo desk of
slips ÷ estates slips built as the one-desk bench builds its own and moved into the first estate
(`move`, as an IT person would), then copied into the others inside PostgreSQL
(bench.estate_copies). Then measures, each with the login a desk uses: the first estate's slip
list, search and dashboard; head office's queue of every estate's escalations, the company
review of the last month and one estate's own review. Same targets as the one-desk bench
(bench.desk_figures), printed the same way. The server URL names a superuser.
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench import demo_loader
from bench.desk_figures import Row, _median_ms, print_table
from models import clock, company, estates
from models.i18n import plural, t
from models.connection import close_database, open_database
from models.vocab import Role

NAME = "slipdesk_bench_company"
PASSWORD = "bench-company"  # the bench's own logins on the bench's own database
PROBES = ("漏水", "噪音", "物业费", "电梯", "地下车库", "水")


def _with(server: str, database: str) -> str:
    from urllib.parse import urlparse

    parsed = urlparse(server)
    query = f"?{parsed.query}" if parsed.query else ""
    return f"{parsed.scheme}://{parsed.netloc}/{database}{query}"


def _login_url(server: str, login: str) -> str:
    from urllib.parse import urlparse

    parsed = urlparse(server)
    return f"postgresql://{login}:{PASSWORD}@127.0.0.1:{parsed.port or 5432}/{NAME}"


def _exists(server: str) -> bool:
    open_database(_with(server, "postgres"))
    from models.db import database

    found = database.execute_sql("SELECT 1 FROM pg_database WHERE datname = %s", (NAME,)).fetchone()
    if not found:
        database.execute_sql(f'CREATE DATABASE "{NAME}"')
    close_database()
    return bool(found)


def build(server: str, count: int, slips: int) -> list[Row]:
    from bench.estate_copies import clone
    from models import moves

    owner = _with(server, NAME)
    started = time.perf_counter()
    open_database(owner)
    company.init_company()
    codes = [f"E{number:02d}" for number in range(1, count + 1)]
    for code in codes:
        company.add_estate(code, f"{code} 花园", code[:6], f"{NAME}_{code.lower()}", PASSWORD)
    company.add_head_office_login(f"{NAME}_head", PASSWORD)
    close_database()
    with tempfile.TemporaryDirectory(prefix="slipdesk-bench-") as folder:
        desk = Path(folder) / "desk.db"
        open_database(desk)
        demo_loader.generate_slips(slips // count)
        close_database()
        built = time.perf_counter() - started
        moves.move(desk, owner, codes[0])
    moved = time.perf_counter() - started - built
    open_database(owner)
    ids = {estate.code: estate.id for estate in estates.Estate.select()}
    clone(ids[codes[0]], [ids[code] for code in codes[1:]])
    from models.db import database

    database.execute_sql("VACUUM ANALYZE")  # the copies' search entries wait in GIN's pending list till then
    close_database()
    total = time.perf_counter() - started
    print(t("built in {total:.0f} s (demo desk {built:.0f} s, move {moved:.0f} s, copies {copies:.0f} s)",
            total=total, built=built, moved=moved, copies=total - built - moved), file=sys.stderr)
    return [Row(t("build: {estates}, {slips} (one desk moved in, copied {copies}×)",
                  estates=plural(count, "estate", "estates"), slips=plural(slips, "slip", "slips"),
                  copies=count - 1), total, "s", None, "—", True)]


def estate_rows(server: str) -> list[Row]:
    from models import dashboard, queries
    from models.accounts import User
    from models.queries import SlipFilter

    open_database(_login_url(server, f"{NAME}_e01"))
    try:
        listed = _median_ms(lambda: queries.page(SlipFilter(), limit=100), 5)
        times = []
        for text in PROBES:
            flt = SlipFilter(text=text)
            queries.page(flt, limit=50)
            for _ in range(3):
                begun = time.perf_counter()
                queries.page(flt, limit=50)
                times.append((time.perf_counter() - begun) * 1000)
        times.sort()
        p50, p95 = statistics.median(times), times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        supervisor = User.get(User.username == "supervisor")
        counted = _median_ms(lambda: dashboard.counts(supervisor), 5)
        slips = queries.count(SlipFilter())
    finally:
        close_database()
    size = t("{n} queries × 3", n=len(PROBES))
    return [
        Row(t("one estate's slip list, first 100 rows ({slips:,} of its slips)", slips=slips), listed, "ms", None, "≤ 100 ms",
            listed <= 100),
        Row(t("one estate's search, first page, p50 of {size}", size=size),
            p50, "ms", None, "≤ 10 ms", p50 <= 10),
        Row(t("one estate's search, first page, p95 of {size}", size=size),
            p95, "ms", None, "≤ 50 ms", p95 <= 50),
        Row(t("one estate's dashboard counts (a supervisor's)"), counted, "ms", None,
            "≤ 50 ms", counted <= 50),
    ]


def head_office_rows(server: str) -> list[Row]:
    import datetime as dt

    from models import head_office, review, upper
    from models.accounts import User

    open_database(_login_url(server, f"{NAME}_head"))
    try:
        department = User(role=Role.UPPER)  # its queue is the login's to narrow, not the account's
        queued = upper.waiting(department).count()
        queue_ms = _median_ms(lambda: head_office.estates_of_slips([slip.id for slip in upper.waiting(department)]), 3)
        last = clock.today().replace(day=1) - dt.timedelta(days=1)
        period = review.month(last.year, last.month)
        compared = _median_ms(lambda: head_office.company_review(period), 1)
        first = estates.Estate.get(estates.Estate.code == "E01").id
        own = _median_ms(lambda: head_office.estate_review(first, period), 3)
    finally:
        close_database()
    return [
        Row(t("head office's queue, every estate's escalations ({queued:,})",
              queued=queued), queue_ms, "ms", None, "≤ 100 ms", queue_ms <= 100),
        Row(t("company review, every estate compared ({month})", month=f"{last:%Y-%m}"),
            compared, "ms", None, t("≤ 1000 ms × estates"), True),
        Row(t("one estate's own review from head office ({month})",
              month=f"{last:%Y-%m}"), own, "ms", None, "≤ 1000 ms", own <= 1000),
    ]


def run(server: str, count: int, slips: int) -> int:
    """The table for a company of `count` estates and `slips` slips on `server` (built once); the
    exit status."""
    rows = [] if _exists(server) else build(server, count, slips)
    rows += estate_rows(server) + head_office_rows(server)
    print_table(rows, Path(f"{NAME} (PostgreSQL, {count} estates)"))
    return 0 if all(row.met for row in rows) else 1
