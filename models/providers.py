"""Who fills the models' extension points: the one place they are handed their providers.

`models.dashboard` lists the sections other modules keep (`DASHBOARD_SECTIONS`), and
`models.search` indexes text that other modules keep outside the slip row (a source per module).
Neither imports those modules, nor finds them by name: `register_providers` imports them and
hands them over. `models.store.open_database` calls it, so every program that opens a database
indexes a reply's text with its slip and lists every section, whatever it imported itself.
Registering again (each database opened) replaces each provider with itself.
"""
from __future__ import annotations

from models import calendar_warning, dashboard, progress, replies, satisfaction, search


def register_providers() -> None:
    """Hand the dashboard its sections and search its text sources."""
    search.register_source("replies", replies.reply_texts)
    for module in (replies, satisfaction, calendar_warning, progress):
        for section in module.DASHBOARD_SECTIONS:
            dashboard.register(section)
