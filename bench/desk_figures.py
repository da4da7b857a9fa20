"""How fast Slipdesk is on a big database: the figures of `slipdesk-admin bench [--db PATH] [--slips N]`
(desktop/commands/bench.py is its command line).

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

import peewee

from bench import demo_loader
from models import clock, queries, search
from models.db import SQLITE_PRAGMAS, is_postgres_url
from models.i18n import plural, t
from models.queries import SlipFilter
from models.connection import close_database, open_database
from models.paths import data_dir

log = logging.getLogger("slipdesk.bench")

DEFAULT_SLIPS = 1_000_000
BUILD_TARGET_S = 180.0
# PySide6 makes a Python enum class for every enum of every Qt class the first window touches:
# ~264 of them, the remainder over a bare window once the rest waits for the first paint.
STARTUP_TARGET = 2.25
SEARCH_REPEATS = 5


@dataclass(frozen=True)
class Row:
    name: str
    value: float
    unit: str
    baseline: float | None  # measured in the same run, same unit
    target: str  # e.g. "≤ 2.25×", "≤ 10 ms"; "—" for a figure shown without a target
    met: bool
    counted: bool = True  # False: a figure reported for what it is, not counted among the targets

    @property
    def ratio(self) -> float | None:
        return self.value / self.baseline if self.baseline else None


def default_path(slips: int) -> Path:
    return data_dir() / "bench" / f"bench-{slips}.db"


def run(db: str | None, slips: int) -> int:
    """The table on a SQLite file (built when missing) or on PostgreSQL (`db` postgresql://…, its
    `slips` built when the database has none); the exit status."""
    on_postgres = bool(db) and is_postgres_url(db)
    target = db if on_postgres else str(Path(db) if db else default_path(slips))
    rows: list[Row] = []
    if not _has_slips(target):
        rows.append(build(target, slips))
    open_database(target)
    try:
        steps: list[tuple[str, Callable[[], list[Row]]]] = [
            (t("start-up"), lambda: startup_rows(target)), (t("saving a slip"), save_rows),
            (t("search"), search_rows), (t("the slip list"), lambda: list_rows(target)),
            (t("dashboard counts"), dashboard_rows), (t("monthly review"), review_rows),
            (t("printouts"), printout_rows), (t("size"), size_rows)]
        for name, step in steps:
            try:
                rows.extend(step())
            except Exception as err:  # noqa: BLE001 - one broken figure must not lose the others
                log.exception("bench step %s failed", name)
                rows.append(Row(t("{name}: could not be measured ({err})",
                                  name=name, err=err), float("nan"), "", None, "—", False))
    finally:
        close_database()
    print_table(rows, describe_target(target))
    return 0 if all(r.met for r in rows if r.counted) else 1


def describe_target(target: str) -> str:
    return target.split("?", 1)[0] if is_postgres_url(target) else target


def _has_slips(target: str) -> bool:
    """Whether the database exists and holds slips (a PostgreSQL database must exist, empty)."""
    if not is_postgres_url(target) and not Path(target).exists():
        return False
    from models.slips import Slip

    open_database(target)
    try:
        return Slip.select().exists()
    finally:
        close_database()


def build(target: str, slips: int) -> Row:
    print(t("building {path} with {slips} …", path=describe_target(target),
            slips=plural(slips, "demo slip", "demo slips")), file=sys.stderr, flush=True)
    open_database(target)
    started = time.perf_counter()
    try:
        demo_loader.generate_slips(slips, progress=lambda done, total: print(
            f"  {done:,} / {total:,}", file=sys.stderr, flush=True) if done % 100000 == 0 else None)
    finally:
        close_database()
    seconds = time.perf_counter() - started
    return Row(t("build the demo database ({slips:,} slips, history, search index)", slips=slips), seconds, "s", None,
               f"≤ {BUILD_TARGET_S:.0f} s", seconds <= BUILD_TARGET_S, counted=not is_postgres_url(target))


def print_table(rows: list[Row], where: str) -> None:
    width = max(len(r.name) for r in rows)
    print(t("Slipdesk benchmark on {path}", path=where))
    print(f"{t('figure'):<{width}}  {t('value'):>10}  {t('baseline'):>10}  "
          f"{t('ratio'):>7}  {t('target'):>11}  {t('result')}")
    for row in rows:
        baseline = f"{row.baseline:,.1f} {row.unit}" if row.baseline is not None else "—"
        ratio = f"{row.ratio:.2f}×" if row.ratio is not None else "—"
        result = (t("met") if row.met else t("MISS")) if row.counted else ""
        print(f"{row.name:<{width}}  {row.value:>7,.1f} {row.unit:<2}  {baseline:>10}  {ratio:>7}  {row.target:>11}  "
              f"{result}")
    targets = [r for r in rows if r.counted]
    met = sum(r.met for r in targets)
    missed = "" if met == len(targets) else t("; missed: {names}",
                                               names=", ".join(r.name for r in targets if not r.met))
    print(t("{met} of {total} targets met", met=met, total=len(targets)) + missed)


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


def startup_rows(path: str, runs: int = 5) -> list[Row]:
    """The app to its first painted main window vs a bare PySide6 window, each in a fresh process.

    The first, unmeasured start writes the bytecode (see `_child_env`), warms the file cache and
    is the desk's first start on this file: it runs the full integrity check before the window
    (desktop.shell.backups) and records it. The measured starts are then the everyday ones of a desk
    whose last session ended cleanly: the cheap check before the window, the full one behind it."""
    app = [sys.executable, "-m", "desktop.shell.app", "--db", str(path), "--startup-probe"]
    bare = [sys.executable, "-c", BARE_WINDOW]
    ours, base = [], []
    _seconds_to_line(app, "startup-probe")  # warm the file cache once, as a desk that started before
    for _ in range(runs):
        ours.append(_seconds_to_line(app, "startup-probe"))
        base.append(_seconds_to_line(bare, "shown"))
    value, baseline = statistics.median(ours) * 1000, statistics.median(base) * 1000
    return [Row(t("start-up to the shown main window (bare PySide6 window)"),
                value, "ms", baseline,
                f"≤ {STARTUP_TARGET:g}×", value <= STARTUP_TARGET * baseline)]


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
            deadline=now + dt.timedelta(days=1), unit_code="3栋2单元1201", customer_request="希望尽快处理。")

    ours = _median_ms(lambda: intake.save(phone_call(), clerk), repeats, warm=2)
    template = Slip.select().order_by(Slip.id.desc()).dicts().first()
    columns = [f.column_name for f in Slip._meta.sorted_fields if f.column_name != "id"]
    sqlite = isinstance(database.obj, peewee.SqliteDatabase)
    raw = _raw_connection()
    try:
        mark = "?" if sqlite else "%s"
        sql = f'INSERT INTO "slip" ({", ".join(columns)}) VALUES ({", ".join([mark] * len(columns))})'
        counter = iter(range(10**6))

        def insert() -> None:
            n = next(counter)
            values = dict(template, number=f"BENCH-{n}", seq=-1 - n)
            row = [values[_field_name(c)] for c in columns]
            raw.execute("BEGIN")
            raw.execute(sql, [_sqlite_value(v) for v in row] if sqlite else row)
            raw.execute("COMMIT")

        baseline = _median_ms(insert, repeats, warm=2)
        raw.execute("DELETE FROM slip WHERE number LIKE 'BENCH-%'")
    finally:
        raw.close()
    driver = "sqlite3" if sqlite else "psycopg"
    return [Row(t("save one slip (durable, history event, search index) vs raw {driver} insert+commit", driver=driver),
                ours, "ms", baseline, "≤ 3×", ours <= 3 * baseline)]


def _raw_connection():
    """A connection of the database's own driver, outside peewee, in autocommit (the baseline)."""
    from models.db import database

    db = database.obj
    if isinstance(db, peewee.SqliteDatabase):
        raw = sqlite3.connect(db.database, isolation_level=None)
        for pragma, value in SQLITE_PRAGMAS.items():
            raw.execute(f"PRAGMA {pragma} = {value}")
        return raw
    import psycopg

    return psycopg.connect(dbname=db.database, autocommit=True, **db.connect_params)


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

QUERY_SEED = 15  # the drawn query set is the same on every run of the same database
SHAPE_DRAWS = 30  # queries drawn per shape: 11 shapes, 330 queries
FIRST_PAGE_P95_MS, FIRST_PAGE_WORST_MS, COUNT_MS = 50, 200, 100


@dataclass(frozen=True)
class Probe:
    kind: str
    text: str
    criteria: tuple[tuple[str, object], ...] = ()  # filters of the slip list, as SlipFilter fields

    @property
    def filter(self) -> SlipFilter:
        return SlipFilter(text=self.text, **dict(self.criteria))

    def __str__(self) -> str:
        said = f"{self.text!r}" if self.text else "(no text)"
        return said + "".join(f" {name}={value}" for name, value in self.criteria)


def query_set() -> list[Probe]:
    """The fixed queries: common and rare words of 1, 2 and 3+ characters, phone fragments, unit
    numbers and a customer's name, taken from the data so that each has matches."""
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


SHAPES = ("one character", "two characters", "three or more", "digits", "unit number", "phone fragment",
          "name", "pinyin initials", "two terms, one of one character", "three terms", "no match")


def drawn_query_set(seed: int = QUERY_SEED, per_shape: int = SHAPE_DRAWS) -> list[Probe]:
    """Queries of every shape drawn from the database's own slips with a fixed seed: one to three
    terms of one, two, three or more characters, Chinese, digits, unit numbers, phone fragments,
    names, pinyin initials, in any order; a third of them with random filters of the slip list."""
    import random

    from models.directory import pinyin_initials
    from models.slips import Slip

    rng = random.Random(seed)
    low, high = Slip.select(peewee_fn().MIN(Slip.id), peewee_fn().MAX(Slip.id)).scalar(as_tuple=True)
    probes = []
    for shape in SHAPES:
        for _ in range(per_shape):
            slip = None
            while slip is None:
                slip = Slip.get_or_none(Slip.id == rng.randint(low, high))
            text = _draw_text(rng, shape, slip, pinyin_initials)
            criteria = _draw_filter(rng, slip) if rng.random() < 1 / 3 else ()
            probes.append(Probe(shape, text, criteria))
    return probes


def peewee_fn():
    import peewee

    return peewee.fn


def _draw_text(rng, shape: str, slip, initials) -> str:
    complaint = "".join(ch for ch in slip.complaint if _is_han(ch)) or "漏水"

    def piece(size: int) -> str:
        start = rng.randint(0, max(0, len(complaint) - size))
        return complaint[start:start + size]

    phone = slip.phone or slip.caller_number or "13800000000"
    unit = slip.unit_code or "1-1-101"
    name = slip.complainant_name or "张"
    if shape == "one character":
        return piece(1)
    if shape == "two characters":
        return piece(2)
    if shape == "three or more":
        return piece(rng.randint(3, 6))
    if shape == "digits":
        room = unit.rsplit("-", 1)[-1]
        return rng.choice([room, phone[-rng.randint(2, 4):], slip.number[-rng.randint(3, 5):]])
    if shape == "unit number":
        parts = unit.split("-")
        return rng.choice([unit, "-".join(parts[:2]), "-".join(parts[1:])])
    if shape == "phone fragment":
        size = rng.randint(4, 7)
        start = rng.randint(0, len(phone) - size)
        return phone[start:start + size]
    if shape == "name":
        return rng.choice([name, name[:1], name[1:] or name])
    if shape == "pinyin initials":
        return initials(name) or "zs"
    if shape == "two terms, one of one character":
        terms = [piece(1), rng.choice([piece(2), name[:1], unit.rsplit("-", 1)[0], piece(3)])]
    elif shape == "three terms":
        terms = [piece(1), piece(2), rng.choice([piece(3), name, unit, phone[-4:]])]
    else:  # no match: a character no slip holds, alone or with a word that is common
        terms = [_absent_character(rng)] + ([piece(2)] if rng.random() < 0.5 else [])
    rng.shuffle(terms)
    return " ".join(terms)


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _absent_character(rng) -> str:
    """A Chinese character on no slip (asked of the listing itself)."""
    for _ in range(200):
        char = chr(rng.randint(0x4E00, 0x9FA5))
        if not queries.page(SlipFilter(text=char), limit=1):
            return char
    return "鬱"


def _draw_filter(rng, slip) -> tuple[tuple[str, object], ...]:
    """One or two filters of the slip list, most of them ones this slip passes."""
    from models.vocab import OPEN_STATUSES, Channel, Status

    choices = [
        ("statuses", (slip.status,)), ("statuses", (rng.choice(list(Status)).value,)),
        ("statuses", tuple(s.value for s in OPEN_STATUSES)), ("channels", (slip.channel,)),
        ("channels", (rng.choice(list(Channel)).value,)), ("category_ids", (slip.category_id,)),
        ("buildings", (slip.building,) if slip.building is not None else (1,)),
        ("department_ids", (slip.department_id,) if slip.department_id else (1,)),
        ("within_authority", bool(slip.within_authority)), ("overdue", True),
        ("received_from", (slip.received_at - dt.timedelta(days=rng.randint(0, 60))).date()),
    ]
    chosen = dict(rng.sample(choices, rng.randint(1, 2)))
    return tuple(chosen.items())


def _rare_character() -> str:
    """A Chinese character on few slips (the rarest of a sample of the newest slips' characters
    that the listing finds on fewer than 50), leaving out those of the slips this benchmark saves."""
    from models.slips import Slip

    ours = set(SAVED_NAME + SAVED_COMPLAINT)
    seen: dict[str, int] = {}
    for complaint, in Slip.select(Slip.complaint).order_by(Slip.id.desc()).limit(400).tuples():
        for char in complaint:
            if _is_han(char) and char not in ours:
                seen[char] = seen.get(char, 0) + 1
    for char in sorted(seen, key=lambda c: (seen[c], c))[:20]:
        if len(queries.page(SlipFilter(text=char), limit=50)) < 50:
            return char
    return "瑕"


def _like_scan(text: str) -> None:
    """The baseline: a full scan of every searched column with LIKE, counting the matches."""
    from models.db import database

    terms = search.terms(text)
    mark = database.param
    where = " AND ".join("(" + " OR ".join(f'"{f}" LIKE {mark}' for f in search.SLIP_FIELDS) + ")" for _ in terms)
    params = [f"%{t}%" for t in terms for _ in search.SLIP_FIELDS]
    database.execute_sql(f'SELECT count(*) FROM "slip" WHERE {where}', params).fetchall()


def _timed_ms(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def search_rows() -> list[Row]:
    """The drawn queries, each asked once as a clerk asks it (its first page, then its total), and
    the fixed queries as before (5 × each); rare terms against a full LIKE scan."""
    for warm in ("水", "漏水"):  # the database's first query warms what every query shares
        queries.page(SlipFilter(text=warm), limit=50)
    drawn = drawn_query_set()
    pages, counts = [], []
    for probe in drawn:
        flt = probe.filter
        pages.append((_timed_ms(lambda: queries.page(flt, limit=50)), probe))
        counts.append((_timed_ms(lambda: queries.count(flt)), probe))
    rows = _search_figure_rows(t("{n} drawn queries", n=len(drawn)), pages, counts, with_p50=True)
    fixed = query_set()
    pages, counts, rare = [], [], []
    for probe in fixed:
        flt = probe.filter
        queries.page(flt, limit=50)  # warm
        pages.extend((_timed_ms(lambda: queries.page(flt, limit=50)), probe) for _ in range(SEARCH_REPEATS))
        counts.append((_median_ms(lambda: queries.count(flt), 3), probe))
        if probe.kind.startswith("rare"):
            ours = _median_ms(lambda: (queries.page(flt, limit=50), queries.count(flt)), 3)  # page and total
            scan = _median_ms(lambda: _like_scan(probe.text), 1, warm=0)
            rare.append((scan / ours, probe))
    rows += _search_figure_rows(t("{n} fixed queries × {repeats}", n=len(fixed),
                                  repeats=SEARCH_REPEATS), pages, counts)
    least, least_probe = min(rare, key=lambda r: r[0])
    rows.append(Row(t("search, rare terms: full LIKE scan ÷ index, page and total (least: {text})", text=least_probe.text),
                    least, "×", None, "≥ 100×", least >= 100))
    return rows


def _search_figure_rows(what: str, pages: list, counts: list, with_p50: bool = False) -> list[Row]:
    page_times = [ms for ms, _probe in pages]
    worst, worst_probe = max(pages, key=lambda p: p[0])
    count_times = [ms for ms, _probe in counts]
    slowest, slowest_probe = max(counts, key=lambda c: c[0])
    rows = []
    if with_p50:
        p50 = statistics.median(page_times)
        rows.append(Row(t("search, first page (newest 50), p50 of {what}",
                          what=what), p50, "ms", None, "≤ 10 ms", p50 <= 10))
    p95 = _p95(page_times)
    count_p95 = _p95(count_times)
    rows += [
        Row(t("search, first page (newest 50), p95 of {what}", what=what),
            p95, "ms", None, f"≤ {FIRST_PAGE_P95_MS} ms",
            p95 <= FIRST_PAGE_P95_MS),
        Row(t("search, first page, worst of {what}: {probe}", what=what,
              probe=worst_probe), worst, "ms", None, f"≤ {FIRST_PAGE_WORST_MS} ms",
            worst <= FIRST_PAGE_WORST_MS),
        Row(t("search, total matches, p95 of {what}", what=what), count_p95, "ms",
            None, f"≤ {COUNT_MS} ms", count_p95 <= COUNT_MS),
        Row(t("search, total matches, slowest of {what} (in the background): {probe}", what=what, probe=slowest_probe), slowest, "ms", None,
            "—", True, counted=False),
    ]
    return rows


# --- the slip list --------------------------------------------------------------------------------

def list_rows(path: str) -> list[Row]:
    return [open_list_row(), memory_row(path)]


def open_list_row(runs: int = 5) -> Row:
    """Building and showing the slips page until its first page is painted (in this process)."""
    os.environ.update({k: v for k, v in _child_env().items() if k == "QT_QPA_PLATFORM"})
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from desktop.slips.list_page import SlipsPage
    from desktop.shell.session import Session

    app = QApplication.instance() or QApplication(sys.argv[:1])
    session = Session("zh")
    times = []
    for _ in range(runs + 1):  # the first run warms imports and caches
        started = time.perf_counter()
        page = SlipsPage(session)
        page.resize(1200, 800)
        page.show()
        page.model.wait_for_search()  # the first page, searched on a worker thread
        page.table.viewport().repaint()
        app.processEvents()
        times.append((time.perf_counter() - started) * 1000)
        page.close()
        page.deleteLater()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    value = statistics.median(times[1:])
    return Row(t("open the slip list (page built, first 100 rows painted)"),
               value, "ms", None, "≤ 100 ms", value <= 100)


def memory_row(path: str) -> Row:
    """Resident memory of a fresh process with the slip list open and scrolled to its end."""
    result = subprocess.run([sys.executable, "-m", "bench.list_memory", str(path)], capture_output=True, text=True,
                            env=_child_env(), timeout=3600, check=True)
    facts = dict(line.split("=", 1) for line in result.stdout.split() if "=" in line)
    rss = float(facts["rss_mb"])
    return Row(t("memory, slip list open and scrolled to the end ({rows:,} rows)", rows=int(facts["rows"])), rss, "MB", None,
               "≤ 250 MB", rss <= 250)


# --- dashboard, review, printouts -----------------------------------------------------------------

def dashboard_rows() -> list[Row]:
    from models import dashboard
    from models.accounts import User

    supervisor = User.get(User.username == "supervisor")
    value = _median_ms(lambda: dashboard.counts(supervisor), 5)
    return [Row(t("dashboard counts (every section a supervisor sees)"),
                value, "ms", None, "≤ 50 ms", value <= 50)]


def review_rows() -> list[Row]:
    from models import review

    today = clock.today()
    last = today.replace(day=1) - dt.timedelta(days=1)
    period = review.month(last.year, last.month)
    value = _median_ms(lambda: review.compute(period), 3)
    return [Row(t("monthly review aggregation ({month})", month=f"{last:%Y-%m}"),
                value, "ms", None, "≤ 1000 ms", value <= 1000)]


def printout_rows() -> list[Row]:
    """The printouts' own figures (bench.printout_figures), on the table's terms."""
    from bench import printout_figures

    found = []
    for row in printout_figures.rows():
        unit = "s" if row.name.endswith(", s") else "ms"
        if row.baseline is not None:
            found.append(Row(row.name, row.value, unit, row.baseline, f"≤ {row.target:g}×", row.met))
        else:
            found.append(Row(row.name, row.value, unit, None, f"≤ {row.target:g} {unit}", row.met))
    return found


# --- size ---------------------------------------------------------------------------------------

def size_rows() -> list[Row]:
    """The database's size per 1,000 slips, and what the search index (its entries and the text
    each slip was indexed with) takes of it; figures to keep an eye on, without a target."""
    from models.db import database
    from models.slips import Slip

    slips = max(1, Slip.select().count())
    if isinstance(database.obj, peewee.SqliteDatabase):
        page = database.execute_sql("PRAGMA page_size").fetchone()[0]
        used = database.execute_sql("PRAGMA page_count").fetchone()[0] - \
            database.execute_sql("PRAGMA freelist_count").fetchone()[0]
        total = used * page
        index = database.execute_sql(
            "SELECT sum(pgsize) FROM dbstat('main', 1) WHERE name LIKE ? OR name = ?",
            (f"{search.INDEX}%", search.SearchDoc._meta.table_name)).fetchone()[0] or 0
    else:
        total = database.execute_sql("SELECT pg_database_size(current_database())").fetchone()[0]
        index = database.execute_sql("SELECT pg_total_relation_size(%s) + pg_total_relation_size(%s)",
                                     (search.SearchDoc._meta.table_name, search.TOKENS)).fetchone()[0]
    mb = 1024 * 1024
    return [
        Row(t("database size per 1,000 slips ({gb:,.2f} GB for {slips:,})",
              gb=total / mb / 1024, slips=slips), total / slips * 1000 / mb,
            "MB", None, "—", True, counted=False),
        Row(t("search index per 1,000 slips ({share:.0%} of the database)",
              share=index / total), index / slips * 1000 / mb, "MB",
            None, "—", True, counted=False),
    ]
