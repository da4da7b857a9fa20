"""How code outside a widget looks its words up in the interface's catalogue.

A widget says `self.tr("…")` and Qt files the text under the widget's class. A module-level
function has no class to name, so the module names its context once, `_tr = translator("Printing")`,
and says `_tr("…")`; tools/i18n.py reads that line to file the module's messages under the same
context for Qt Linguist.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication


def translator(context: str) -> Callable[[str], str]:
    """`text` → its translation in `context`, in the interface language."""
    return partial(QCoreApplication.translate, context)
