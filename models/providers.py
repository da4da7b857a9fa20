"""Who fills the models' extension points: the one place they are handed their providers.

`models.dashboard` lists the sections other modules keep (`DASHBOARD_SECTIONS`),
`models.search` indexes text that other modules keep outside the slip row (a source per module),
and `models.facts` records and verifies the slip's row and every table that belongs to a slip.
None of them imports those modules, nor finds them by name: `register_providers` imports them
and hands them over. `models.store` calls it whenever it opens a database, so every program that
opens one indexes a reply's text with its slip, lists every section and verifies every table,
whatever it imported itself. Registering again replaces each provider with itself.
"""
from __future__ import annotations

from models import calendar_warning, dashboard, facts, progress, replies, satisfaction, schema, search
from models.slips import Slip


def register_providers() -> None:
    """Hand the dashboard its sections, search its text sources, and the facts the slip's tables."""
    facts.track(Slip, schema.MODELS)
    search.register_source("replies", replies.reply_texts)
    for module in (replies, satisfaction, calendar_warning, progress):
        for section in module.DASHBOARD_SECTIONS:
            dashboard.register(section)
