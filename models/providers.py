"""Who fills the models' extension points: the one place they are handed their providers.

- `models.dashboard` lists the sections other modules keep (`DASHBOARD_SECTIONS`);
- `models.search` indexes text that other modules keep outside the slip row (replies' text);
- `models.facts` records and verifies the slip's row and every table that belongs to a slip;
- `models.accounts` and `models.settings` record their changes in the desk's chain
  (`models.audit`, which reads their tables to verify it);
- `models.workflow` asks `models.replies` (which takes workflow steps itself) about a reply's
  opinion and whether a slip may be closed or ended.

None of them imports its providers, nor finds them by name: `register_providers` imports them
and hands them over. `models.connection` calls it whenever it opens a database, so every program that
opens one indexes a reply's text with its slip, lists every section and verifies every table,
whatever it imported itself. Registering again replaces each provider with itself.
"""
from __future__ import annotations

from models import (accounts, audit, calendar_warning, dashboard, facts, progress, replies, satisfaction, schema, search,
                    settings, workflow)
from models.slips import Slip


def register_providers() -> None:
    """Hand the dashboard its sections, search its text sources, the facts the slip's tables, the
    accounts and settings the desk's chain, and the workflow the rules of replies."""
    facts.track(Slip, schema.MODELS)
    accounts.record_changes_with(audit.log_account)
    settings.record_changes_with(audit.log)
    workflow.follow_rules(opinion_problem=replies.opinion_problem, require_reply_on_record=replies.require_reply_on_record,
                          close_refusal=replies.close_refusal, end_refusal=replies.end_refusal)
    search.register_source("replies", replies.reply_texts)
    for module in (replies, satisfaction, progress, calendar_warning):  # the order the dashboard shows them
        for section in module.DASHBOARD_SECTIONS:
            dashboard.register(section)
