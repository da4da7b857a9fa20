"""`python -m bench.list_memory PATH`: the slip list's memory once scrolled to its very end.

Run by `slipdesk-admin bench` in a fresh process, so that the figure is the app's own: it
imports only what the slips page needs, opens it on PATH, lets the view fetch page after page
as scrolling does, and prints `rows=N rss_mb=X`.
"""
from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from models.connection import close_database, open_database


def scroll_to_end(path: str) -> tuple[int, float]:
    """Open the list on `path` and scroll to the last slip; (rows listed, resident MB)."""
    from desktop.slips.list_page import SlipsPage
    from desktop.shell.session import Session

    app = QApplication.instance() or QApplication(sys.argv[:1])
    open_database(path)
    page = SlipsPage(Session("zh"))
    page.resize(1200, 800)
    page.show()
    page.model.wait_for_search()  # the first page is searched on a worker thread
    app.processEvents()
    while page.model.canFetchMore():
        page.table.scrollToBottom()  # the view asks for the next page, as when the clerk scrolls
        app.processEvents()
    page.table.scrollToBottom()
    app.processEvents()
    found = page.model.rowCount(), resident_mb()
    page.close()
    page.deleteLater()
    app.processEvents()
    close_database()
    return found


def resident_mb() -> float:
    """This process's resident memory now (Linux /proc), else its peak (getrusage)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    rows, rss = scroll_to_end(sys.argv[1])
    print(f"rows={rows} rss_mb={rss:.1f}", flush=True)
