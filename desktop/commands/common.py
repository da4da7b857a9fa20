"""What every admin command shares: the `--db` argument and opening it."""
from __future__ import annotations

import argparse

from models.store import default_database_path, open_database


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH", default=None,
                        help=f"SQLite file or postgresql:// URL (default: {default_database_path()})")


def open_db(args: argparse.Namespace) -> str:
    return open_database(args.db)
