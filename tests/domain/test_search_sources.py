"""Text kept outside the slip row is indexed by every program that opens the database, whatever
that program imported itself (models.providers, called by `open_database`)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from models import queries
from models.connection import close_database
from models.vocab import Status
from tests.support.slips import slip_in, step

ROOT = Path(__file__).resolve().parents[2]

# A program that changes a slip and searches, and never imports models.replies itself.
PROGRAM = """
import sys

from models import queries
from models.accounts import User
from models.changes import Change, change_slip
from models.slips import Slip
from models.connection import open_database

assert "models.replies" not in sys.modules, "the program itself loaded models.replies"
open_database(sys.argv[1])
slip = Slip.get_by_id(int(sys.argv[2]))
clerk = User.get(User.username == "clerk")


def add_note(stored):
    stored.handling_notes = "复查：灯已正常。"
    return Change("edited", data={"handling_notes": stored.handling_notes}, transition=False)


change_slip(slip.id, clerk, slip.version, add_note)  # re-indexes the slip
print(" ".join(str(row.id) for row in queries.page(queries.SlipFilter(text=sys.argv[3]))))
"""


def test_a_program_without_the_replies_module_keeps_reply_text_searchable(sqlite_db, users, tmp_path, frozen_now):
    slip = step(slip_in(Status.HANDLED, users), "record_reply", users["clerk"], method="phone",
                summary="电话告知已修复。", opinion="partly", customer_words="楼下鸢尾花圃也请修整")
    assert [row.id for row in queries.page(queries.SlipFilter(text="鸢尾花圃"))] == [slip.id]
    close_database()

    found = subprocess.run([sys.executable, "-c", PROGRAM, str(tmp_path / "slipdesk.db"), str(slip.id), "鸢尾花圃"],
                           capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert found.returncode == 0, found.stderr
    assert found.stdout.split() == [str(slip.id)]
