"""`slipdesk-admin bench [--db PATH] [--slips N]`: how fast Slipdesk is on a big database.

Prints one table: each figure, the baseline measured in the same run, their ratio, the target
and `met` or `MISS`; the last line says how many targets were met. The database (default: a
million demo slips in the data folder) is built first when it does not exist. Start-up and
memory are measured in fresh child processes, the rest in this one. Figures are medians of
repeated runs unless the row says otherwise.

The save figures add real slips to the bench database (saving is what is measured); the raw
baseline rows are removed again. The exit status is 0 when every target is met, else 1.
"""
from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from desktop.commands.common import add_db_argument
from models import clock, demo, queries, search
from models.db import SQLITE_PRAGMAS, is_postgres_url
from models.queries import SlipFilter
from models.store import close_database, data_dir, open_database

log = logging.getLogger("slipdesk.bench")

DEFAULT_SLIPS = 1_000_000
BUILD_TARGET_S = 180.0
SEARCH_REPEATS = 5


@dataclass(frozen=True)
class Row:
    name: str
    value: float
    unit: str
    baseline: float | None  # measured in the same run, same unit
    target: str  # e.g. "≤ 1.5×", "≤ 10 ms"
    met: bool

    @property
    def ratio(self) -> float | None:
        return self.value / self.baseline if self.baseline else None


def register(sub) -> None:
    parser = sub.add_parser("bench", help="measure start-up, saving, search, the slip list, dashboard and review "
                                          "on a big database and print one table against the targets")
    add_db_argument(parser)
    parser.add_argument("--slips", type=int, default=DEFAULT_SLIPS, metavar="N",
                        help=f"slips in the database built when --db does not exist (default {DEFAULT_SLIPS:,})")
    parser.set_defaults(run=run)


def default_path(slips: int) -> Path:
    return data_dir() / "bench" / f"bench-{slips}.db"


def run(args) -> int:
    if args.db and is_postgres_url(args.db):
        print("slipdesk-admin bench: the benchmark runs on a SQLite file (its baselines are raw sqlite3)",
              file=sys.stderr)
        return 2
    path = Path(args.db) if args.db else default_path(args.slips)
    rows: list[Row] = []
    if not path.exists():
        rows.append(build(path, args.slips))
    open_database(path)
    try:
        steps: list[tuple[str, Callable[[], list[Row]]]] = [
            ("start-up", lambda: startup_rows(path)), ("saving a slip", save_rows), ("search", search_rows),
            ("the slip list", lambda: list_rows(path)), ("dashboard counts", dashboard_rows),
            ("monthly review", review_rows), ("printouts", printout_rows)]
        for name, step in steps:
            try:
                rows.extend(step())
            except Exception as err:  # noqa: BLE001 - one broken figure must not lose the others
                log.exception("bench step %s failed", name)
                rows.append(Row(f"{name}: could not be measured ({err})", float("nan"), "", None, "—", False))
    finally:
        close_database()
    print_table(rows, path)
    return 0 if all(r.met for r in rows) else 1


def build(path: Path, slips: int) -> Row:
    print(f"building {path} with {slips:,} demo slips …", file=sys.stderr, flush=True)
    open_database(path)
    started = time.perf_counter()
    try:
        demo.generate_slips(slips, progress=lambda done, total: print(
            f"  {done:,} / {total:,}", file=sys.stderr, flush=True) if done % 100000 == 0 else None)
    finally:
        close_database()
    seconds = time.perf_counter() - started
    return Row(f"build the demo database ({slips:,} slips, history, search index)", seconds, "s", None,
               f"≤ {BUILD_TARGET_S:.0f} s", seconds <= BUILD_TARGET_S)


def print_table(rows: list[Row], path: Path | str) -> None:
    width = max(len(r.name) for r in rows)
    print(f"Slipdesk benchmark on {path}")
    print(f"{'figure':<{width}}  {'value':>10}  {'baseline':>10}  {'ratio':>7}  {'target':>11}  result")
    for row in rows:
        baseline = f"{row.baseline:,.1f} {row.unit}" if row.baseline is not None else "—"
        ratio = f"{row.ratio:.2f}×" if row.ratio is not None else "—"
        print(f"{row.name:<{width}}  {row.value:>7,.1f} {row.unit:<2}  {baseline:>10}  {ratio:>7}  {row.target:>11}  "
              f"{'met' if row.met else 'MISS'}")
    met = sum(r.met for r in rows)
    print(f"{met} of {len(rows)} targets met" + ("" if met == len(rows) else
                                                  f"; missed: {', '.join(r.name for r in rows if not r.met)}"))


def _median_ms(action: Callable[[], object], repeats: int, warm: int = 1) -> float:
    for _ in range(warm):
        action()
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


# --- start-up -----------------------------------------------------------------------------------

BARE_WINDOW = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print("shown", flush=True)
            QTimer.singleShot(0, app.quit)
        return False

app = QApplication(sys.argv[:1])
window = QWidget()
window.resize(1200, 800)
probe = FirstPaint()
window.installEventFilter(probe)
window.show()
app.exec()
"""


def _child_env() -> dict[str, str]:
    """The children's environment: this one, minus PYTHONDONTWRITEBYTECODE (an installed
    Slipdesk, from a wheel or PyInstaller, starts from compiled bytecode; without it every child
    would compile all our sources again, ~0.15 s that no desk pays), offscreen without a display."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def _seconds_to_line(command: list[str], marker: str) -> float:
    """Seconds from launching `command` until it prints a line containing `marker`."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                               env=_child_env())
    seen = None
    for line in process.stdout:
        if marker in line and seen is None:
            seen = time.perf_counter() - started
    process.wait(timeout=120)
    if seen is None:
        raise RuntimeError(f"{' '.join(command)} never printed {marker!r} (exit {process.returncode})")
    return seen


def startup_rows(path: Path, runs: int = 5) -> list[Row]:
    """The app to its first painted main window vs a bare PySide6 window, each in a fresh process.

    The first, unmeasured start writes the bytecode (see `_child_env`), warms the file cache and
    is the desk's first start on this file: it runs the full integrity check before the window
    (desktop.backups) and records it. The measured starts are then the everyday ones of a desk
    whose last session ended cleanly: the cheap check before the window, the full one behind it."""
    app = [sys.executable, "-m", "desktop.app", "--db", str(path), "--startup-probe"]
    bare = [sys.executable, "-c", BARE_WINDOW]
    ours, base = [], []
    _seconds_to_line(app, "startup-probe")  # warm the file cache once, as a desk that started before
    for _ in range(runs):
        ours.append(_seconds_to_line(app, "startup-probe"))
        base.append(_seconds_to_line(bare, "shown"))
    value, baseline = statistics.median(ours) * 1000, statistics.median(base) * 1000
    return [Row("start-up to the shown main window (bare PySide6 window)", value, "ms", baseline, "≤ 1.5×",
                value <= 1.5 * baseline)]


# --- saving a slip --------------------------------------------------------------------------------

SAVED_NAME = "张三"
SAVED_COMPLAINT = "楼上每天晚上十一点以后还在拖椅子，吵得孩子睡不着。"

def save_rows(repeats: int = 20) -> list[Row]:
    """A slip saved through intake (durable, history event, search index) vs raw sqlite3 insert+commit
    of the same row with the same pragmas."""
    from models import intake
    from models.accounts import User
    from models.catalog import Category
    from models.db import database
    from models.slips import Slip
    from models.vocab import Channel

    clerk = User.get(User.username == "clerk")
    noise = Category.get(Category.code == "noise").id

    def phone_call() -> intake.Intake:
        now = clock.now()
        return intake.Intake(
            channel=Channel.PHONE, complainant_name=SAVED_NAME, complainant_title="mr",
            complaint=SAVED_COMPLAINT, read_back=True, category_id=noise,
            caller_number="13812345678", call_time=now - dt.timedelta(minutes=3), thanked=True,
            deadline=now + dt.timedelta(days=1), unit_code="3栋2单元1201")

    ours = _median_ms(lambda: intake.save(phone_call(), clerk), repeats, warm=2)
    template = Slip.select().order_by(Slip.id.desc()).dicts().first()
    columns = [f.column_name for f in Slip._meta.sorted_fields if f.column_name != "id"]
    raw = sqlite3.connect(database.obj.database, isolation_level=None)
    try:
        for pragma, value in SQLITE_PRAGMAS.items():
            raw.execute(f"PRAGMA {pragma} = {value}")
        sql = (f'INSERT INTO "slip" ({", ".join(columns)}) VALUES ({", ".join("?" * len(columns))})')
        counter = iter(range(10**6))

        def insert() -> None:
            n = next(counter)
            values = dict(template, number=f"BENCH-{n}", seq=-1 - n)
            raw.execute("BEGIN")
            raw.execute(sql, [_sqlite_value(values[_field_name(c)]) for c in columns])
            raw.execute("COMMIT")

        baseline = _median_ms(insert, repeats, warm=2)
        raw.execute("DELETE FROM slip WHERE number LIKE 'BENCH-%'")
    finally:
        raw.close()
    return [Row("save one slip (durable, history event, search index) vs raw sqlite3 insert+commit",
                ours, "ms", baseline, "≤ 3×", ours <= 3 * baseline)]


def _field_name(column: str) -> str:
    from models.slips import Slip

    return next(f.name for f in Slip._meta.sorted_fields if f.column_name == column)


def _sqlite_value(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return str(value)
    if value is not None and not isinstance(value, (int, float, str, bytes)):
        return str(value)
    return value


# --- search ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Probe:
    kind: str
    text: str


def query_set() -> list[Probe]:
    """Common and rare words of 1, 2 and 3+ characters, phone fragments, unit numbers and a
    customer's name, taken from the data so that each has matches."""
    from models.directory import Resident, Unit

    resident = Resident.select().order_by(Resident.id).offset(7).first()
    other = Resident.select().order_by(Resident.id.desc()).offset(11).first()
    unit = Unit.select().order_by(Unit.id).offset(500).first()
    return [
        Probe("common 1 char", "水"), Probe("common 1 char", "梯"),
        Probe("rare 1 char", _rare_character()),
        Probe("common 2 chars", "漏水"), Probe("common 2 chars", "噪音"), Probe("common 2 chars", "停车"),
        Probe("rare 2 chars", resident.name[-2:]),
        Probe("common 3+ chars", "物业费"), Probe("common 3+ chars", "地下车库"),
        Probe("rare 3+ chars", "防水坏了 " + other.name),
        Probe("phone fragment", resident.phone[-4:]), Probe("phone fragment", other.phone[3:7]),
        Probe("unit number", unit.code), Probe("unit number", other.unit.code if other.unit else unit.code),
        Probe("customer's name", resident.name), Probe("customer's name", other.name),
    ]


def _rare_character() -> str:
    """The Chinese character on the fewest slips (read off the index's vocabulary), leaving out
    those of the slips this benchmark saves itself."""
    from models.db import database

    ours = {f"{ord(c):04x}" for c in SAVED_NAME + SAVED_COMPLAINT}
    for term, in database.execute_sql(
            f"SELECT term FROM {search.VOCABULARY[search.CHARS]} WHERE length(term) = 4 "
            "AND term BETWEEN '4e00' AND '9fff' ORDER BY doc, term LIMIT 100"):
        if term not in ours:
            return chr(int(term, 16))
    return "瑕"


def _like_scan(text: str) -> None:
    """The baseline: a full scan of every searched column with LIKE, counting the matches."""
    from models.db import database

    terms = search.terms(text)
    where = " AND ".join("(" + " OR ".join(f'"{f}" LIKE ?' for f in search.SLIP_FIELDS) + ")" for _ in terms)
    params = [f"%{t}%" for t in terms for _ in search.SLIP_FIELDS]
    database.execute_sql(f'SELECT count(*) FROM "slip" WHERE {where}', params).fetchall()


def search_rows() -> list[Row]:
    probes = query_set()
    first_page, counts, rare = [], [], []
    for probe in probes:
        flt = SlipFilter(text=probe.text)
        queries.page(flt, limit=50)  # warm
        for _ in range(SEARCH_REPEATS):
            started = time.perf_counter()
            queries.page(flt, limit=50)
            first_page.append((time.perf_counter() - started) * 1000)
        counted = _median_ms(lambda: queries.count(flt), 3)
        counts.append((counted, probe))
        if probe.kind.startswith("rare"):
            ours = _median_ms(lambda: (queries.page(flt, limit=50), queries.count(flt)), 3)  # page and total
            scan = _median_ms(lambda: _like_scan(probe.text), 1, warm=0)
            rare.append((scan / ours, probe))
    first_page.sort()
    p50 = statistics.median(first_page)
    p95 = first_page[min(len(first_page) - 1, int(round(0.95 * (len(first_page) - 1))))]
    slowest_count, slow_probe = max(counts, key=lambda c: c[0])
    least, least_probe = min(rare, key=lambda r: r[0])
    size = f"{len(probes)} queries × {SEARCH_REPEATS}"
    return [
        Row(f"search, first page (newest 50), p50 of {size}", p50, "ms", None, "≤ 10 ms", p50 <= 10),
        Row(f"search, first page (newest 50), p95 of {size}", p95, "ms", None, "≤ 50 ms", p95 <= 50),
        Row(f"search, total matches, slowest query ({slow_probe.text})", slowest_count, "ms", None, "≤ 100 ms",
            slowest_count <= 100),
        Row(f"search, rare terms: full LIKE scan ÷ index, page and total (least: {least_probe.text})", least, "×",
            None, "≥ 100×", least >= 100),
    ]


# --- the slip list --------------------------------------------------------------------------------

def list_rows(path: Path) -> list[Row]:
    return [open_list_row(), memory_row(path)]


def open_list_row(runs: int = 5) -> Row:
    """Building and showing the slips page until its first page is painted (in this process)."""
    os.environ.update({k: v for k, v in _child_env().items() if k == "QT_QPA_PLATFORM"})
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from desktop.pages.slips import SlipsPage
    from desktop.session import Session

    app = QApplication.instance() or QApplication(sys.argv[:1])
    session = Session("zh")
    times = []
    for _ in range(runs + 1):  # the first run warms imports and caches
        started = time.perf_counter()
        page = SlipsPage(session)
        page.resize(1200, 800)
        page.show()
        page.table.viewport().repaint()
        app.processEvents()
        times.append((time.perf_counter() - started) * 1000)
        page.close()
        page.deleteLater()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    value = statistics.median(times[1:])
    return Row("open the slip list (page built, first 100 rows painted)", value, "ms", None, "≤ 100 ms", value <= 100)


def memory_row(path: Path) -> Row:
    """Resident memory of a fresh process with the slip list open and scrolled to its end."""
    result = subprocess.run([sys.executable, "-m", "desktop.list_probe", str(path)], capture_output=True, text=True,
                            env=_child_env(), timeout=3600, check=True)
    facts = dict(line.split("=", 1) for line in result.stdout.split() if "=" in line)
    rss = float(facts["rss_mb"])
    return Row(f"memory, slip list open and scrolled to the end ({int(facts['rows']):,} rows)", rss, "MB", None,
               "≤ 250 MB", rss <= 250)


# --- dashboard, review, printouts -----------------------------------------------------------------

def dashboard_rows() -> list[Row]:
    from models import dashboard
    from models.accounts import User

    supervisor = User.get(User.username == "supervisor")
    value = _median_ms(lambda: dashboard.counts(supervisor), 5)
    return [Row("dashboard counts (every section a supervisor sees)", value, "ms", None, "≤ 50 ms", value <= 50)]


def review_rows() -> list[Row]:
    from models import review

    today = clock.today()
    last = today.replace(day=1) - dt.timedelta(days=1)
    period = review.month(last.year, last.month)
    value = _median_ms(lambda: review.compute(period), 3)
    return [Row(f"monthly review aggregation ({last:%Y-%m})", value, "ms", None, "≤ 1000 ms", value <= 1000)]


def printout_rows() -> list[Row]:
    """The printouts' own figures (printouts.bench), on the table's terms."""
    from printouts import bench as printouts_bench

    found = []
    for row in printouts_bench.rows():
        unit = "s" if row.name.endswith(", s") else "ms"
        if row.baseline is not None:
            found.append(Row(row.name, row.value, unit, row.baseline, f"≤ {row.target:g}×", row.met))
        else:
            found.append(Row(row.name, row.value, unit, None, f"≤ {row.target:g} {unit}", row.met))
    return found
