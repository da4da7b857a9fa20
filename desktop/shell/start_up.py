"""What the desk does before its first window to start fast and safely, in one place.

- The cycle collector is held from the first line until the window is painted
  (`hold_for_start`, let go by desktop.shell.app.Started).
- A desk on a SQLite file never loads the PostgreSQL driver (`defer_postgres_driver`).
- Two work-arounds for defects in the Qt bindings, applied once per process (below).

PySide6 6.12 on Python 3.11 drops references to the singletons `None`, `True` and `False`: to
None each time a Python item delegate paints a cell of a Python model whose `data()` answers
None for a role (and each time Python code calls `QModelIndex.data()` for a role without a
value), to True and False on paths we could not pin down (a test run of some hundred screens
aborted at exit with "bool_dealloc: deallocating True or False"). Views do this hundreds of
times a second, and once a singleton's count reaches zero the interpreter aborts. From Python
3.12 these objects are immortal and the lost references do no harm; before that, we give them so
many references that the loss can never reach zero.

PySide6 also reads the source file of every module imported after QtCore (its `__feature__`
support looks for the word "PySide6" in it, through `inspect.getsource`), some 130 files before
the main window shows: ~17 ms of a ~320 ms start here. Slipdesk uses no `__feature__`
(snake_case, true_property), and a frozen build has no sources to read, so every module is
already taken there as one that uses none; `skip_feature_source_scan` takes the same answer
without reading the files.
"""
from __future__ import annotations

import ctypes
import sys

from desktop.shell.collector import hold_collector, release_collector

_SPARE_REFERENCES = 1 << 40


def keep_singletons_alive() -> None:
    """Make the lost references to None, True and False harmless (CPython before 3.12; elsewhere
    nothing)."""
    global _applied
    if _applied or sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += _SPARE_REFERENCES  # ob_refcnt, the first field
    _applied = True


_applied = False


def skip_feature_source_scan() -> None:
    """Take every module imported from now on as one that uses no PySide `__feature__`, as a
    frozen build does, instead of reading its source to find out (see the module's docstring)."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = _uses_no_feature


def _uses_no_feature(module) -> bool:
    return False


def hold_for_start() -> None:
    """Start-up's hold on the cycle collector (see desktop.shell.app.Started), taken once; `release_for_start` lets
    go of it. A hold among the tasks' (desktop.shell.collector): the collector is back only when nobody
    holds it."""
    if not _start["holding"]:
        _start["holding"] = True
        hold_collector()


def release_for_start() -> None:
    if _start["holding"]:
        _start["holding"] = False
        release_collector()


_start = {"holding": False}


def defer_postgres_driver(target: str | None) -> None:
    """Leave the PostgreSQL driver out of a desk that works on a SQLite file.

    peewee imports psycopg as soon as it is itself imported: about 0.2 s here, more than a bare
    Qt window takes to start, for a driver a single desk never uses. Unless the database is a
    postgresql:// URL (the rule of models.db.is_postgres_url), mark the drivers absent for this
    process before peewee loads. Switching such a running desk to PostgreSQL needs a restart.
    """
    if "peewee" in sys.modules or str(target or "").startswith(("postgresql://", "postgres://")):
        return
    for driver in ("psycopg", "psycopg2", "psycopg2cffi"):
        sys.modules.setdefault(driver, None)
