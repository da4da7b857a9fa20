"""`slipdesk-admin bench-company --server postgresql://… [--estates 20] [--slips 2000000]`: the
company's figures on PostgreSQL, many estates in one database kept apart by its policies.

Builds (once) a company database `slipdesk_bench_company` on the server: one demo desk of
slips ÷ estates slips built as the one-desk bench builds its own and moved into the first estate
(`move`, as an IT person would), then copied into the others inside PostgreSQL
(models.estate_clone). Then measures, each with the login a desk uses: the first estate's slip
list, search and dashboard; head office's queue of every estate's escalations, the company
review of the last month and one estate's own review. Same targets as the one-desk bench
(desktop/commands/bench.py), printed the same way. The server URL names a superuser.
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from desktop.commands.bench import Row, _median_ms, print_table
from desktop.commands.company import require_postgres
from models import clock, estates
from models.store import close_database, open_database
from models.vocab import Role

NAME = "slipdesk_bench_company"
PASSWORD = "bench-company"  # the bench's own logins on the bench's own database
PROBES = ("漏水", "噪音", "物业费", "电梯", "地下车库", "水")


def register(sub) -> None:
    parser = sub.add_parser("bench-company", help="the company's figures: many estates on one PostgreSQL database")
    parser.add_argument("--server", required=True, metavar="postgresql://…",
                        help="a PostgreSQL server, as a superuser (the bench database is made there)")
    parser.add_argument("--estates", type=int, default=20, metavar="N")
    parser.add_argument("--slips", type=int, default=2_000_000, metavar="N", help="slips in all (default 2,000,000)")
    parser.set_defaults(run=run)


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
    from models import demo, moves
    from models.estate_clone import clone

    owner = _with(server, NAME)
    started = time.perf_counter()
    open_database(owner)
    estates.init_company()
    codes = [f"E{number:02d}" for number in range(1, count + 1)]
    for code in codes:
        estates.add_estate(code, f"{code} 花园", code[:6], f"{NAME}_{code.lower()}", PASSWORD)
    estates.add_head_office_login(f"{NAME}_head", PASSWORD)
    close_database()
    with tempfile.TemporaryDirectory(prefix="slipdesk-bench-") as folder:
        desk = Path(folder) / "desk.db"
        open_database(desk)
        demo.generate_slips(slips // count)
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
    print(f"built in {total:.0f} s (demo desk {built:.0f} s, move {moved:.0f} s, copies {total - built - moved:.0f} s)",
          file=sys.stderr)
    return [Row(f"build: {count} estates, {slips:,} slips (one desk moved in, copied {count - 1}×)", total, "s",
                None, "—", True)]


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
    size = f"{len(PROBES)} queries × 3"
    return [
        Row(f"one estate's slip list, first 100 rows ({slips:,} of its slips)", listed, "ms", None, "≤ 100 ms",
            listed <= 100),
        Row(f"one estate's search, first page, p50 of {size}", p50, "ms", None, "≤ 10 ms", p50 <= 10),
        Row(f"one estate's search, first page, p95 of {size}", p95, "ms", None, "≤ 50 ms", p95 <= 50),
        Row("one estate's dashboard counts (a supervisor's)", counted, "ms", None, "≤ 50 ms", counted <= 50),
    ]


def head_office_rows(server: str) -> list[Row]:
    import datetime as dt

    from models import head_office, review, upper
    from models.accounts import User

    open_database(_login_url(server, f"{NAME}_head"))
    try:
        department = User(role=Role.UPPER)  # its queue is the login's to narrow, not the account's
        queued = upper.waiting(department).count()
        queue_ms = _median_ms(lambda: estates.estates_of_slips([slip.id for slip in upper.waiting(department)]), 3)
        last = clock.today().replace(day=1) - dt.timedelta(days=1)
        period = review.month(last.year, last.month)
        compared = _median_ms(lambda: head_office.company_review(period), 1)
        first = estates.Estate.get(estates.Estate.code == "E01").id
        own = _median_ms(lambda: head_office.estate_review(first, period), 3)
    finally:
        close_database()
    return [
        Row(f"head office's queue, every estate's escalations ({queued:,})", queue_ms, "ms", None, "≤ 100 ms",
            queue_ms <= 100),
        Row(f"company review, every estate compared ({last:%Y-%m})", compared, "ms", None, "≤ 1000 ms × estates",
            True),
        Row(f"one estate's own review from head office ({last:%Y-%m})", own, "ms", None, "≤ 1000 ms", own <= 1000),
    ]


def run(args) -> int:
    require_postgres(args.server)
    rows = [] if _exists(args.server) else build(args.server, args.estates, args.slips)
    rows += estate_rows(args.server) + head_office_rows(args.server)
    print_table(rows, Path(f"{NAME} (PostgreSQL, {args.estates} estates)"))
    return 0 if all(row.met for row in rows) else 1
