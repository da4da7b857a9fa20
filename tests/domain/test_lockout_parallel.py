"""The lockout holds when several processes try passwords at the same moment.

Eight processes (desks, scripts) each try five wrong passwords against one account at once. Each
attempt takes its place in the count before its password is checked, so that no more than
MAX_FAILURES passwords are ever checked before the account locks, and the right one is refused
until the lockout runs out.
"""
from __future__ import annotations

import subprocess
import sys

import pytest

from models.accounts import MAX_FAILURES, LoginFailed, User, authenticate
from models.connection import close_database, open_database

PROCESSES = 8
ATTEMPTS = 5

CHILD = """
import datetime as dt, sys
from argon2 import PasswordHasher
from models import accounts, clock
from models.errors import LoginFailed
from models.connection import open_database

clock.freeze(dt.datetime.fromisoformat(sys.argv[2]))
fast = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
accounts._hasher = lambda: fast
open_database(sys.argv[1])
sys.stdin.readline()  # all start together
for attempt in range({attempts}):
    try:
        accounts.authenticate("clerk", f"wrong-{{attempt}}")
        print("signed in", flush=True)
    except LoginFailed as err:
        print("checked" if "Wrong" in str(err) else "locked", flush=True)
"""


def test_parallel_attempts_check_at_most_the_limit_before_the_lock(db_url, users, frozen_now):
    close_database()
    children = [subprocess.Popen([sys.executable, "-c", CHILD.format(attempts=ATTEMPTS), db_url,
                                  frozen_now.isoformat()], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
                for _ in range(PROCESSES)]
    for child in children:
        child.stdin.write("go\n")
        child.stdin.flush()
    said = []
    for child in children:
        out, _err = child.communicate(timeout=300)
        assert child.returncode == 0
        said += out.split()
    open_database(db_url)
    assert len(said) == PROCESSES * ATTEMPTS and "signed" not in said
    assert said.count("checked") <= MAX_FAILURES  # passwords tried before the account locked
    assert User.get(User.username == "clerk").is_locked()
    with pytest.raises(LoginFailed, match="locked"):
        authenticate("clerk", "password1")
