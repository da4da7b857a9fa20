"""Work-arounds for defects in the Qt bindings, applied once per process.

PySide6 6.12 on Python 3.11 drops a reference to `None` each time a Python item delegate paints
a cell of a Python model whose `data()` answers None for a role (and each time Python code
calls `QModelIndex.data()` for a role without a value). Every view does this hundreds of times
a second, and once None's count reaches zero the interpreter aborts ("none_dealloc: deallocating
None"). From Python 3.12 None is immortal and the lost references do no harm; before that, we
give None so many references that the loss can never reach zero.
"""
from __future__ import annotations

import ctypes
import sys

_SPARE_REFERENCES = 1 << 40


def keep_none_alive() -> None:
    """Make the lost references to None harmless (CPython before 3.12; elsewhere nothing)."""
    global _applied
    if _applied or sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    ctypes.c_ssize_t.from_address(id(None)).value += _SPARE_REFERENCES  # ob_refcnt, the first field
    _applied = True


_applied = False
