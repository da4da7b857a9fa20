"""`slipdesk-admin key new FILE --db PATH --user MANAGER`: make a history key and sign with it.

The key (models.history_key) is written to FILE, readable by its owner only; every slip's chain
and the desk's chain are then signed with it. From then on name the file in the environment of
every desk and admin command (SLIPDESK_HISTORY_KEY=FILE): events written without it are
reported by verify as not signed.
"""
from __future__ import annotations

from desktop.commands.common import add_db_argument, open_db, acting_user, writable_output
from models import history_key, integrity
from models.i18n import t


def register(sub) -> None:
    about = t("make a history key (HMAC) kept outside the database and sign every chain with it")
    parser = sub.add_parser("key", help=about, description=about)
    parser.add_argument("action", choices=("new",), help=t("new: make a key file and sign with it"))
    parser.add_argument("file", metavar=t("FILE"),
                        help=t("the key file to write (never over an existing one)"))
    add_db_argument(parser)
    parser.add_argument("--user", metavar=t("USERNAME"), required=True,
                        help=t("the manager who makes the key"))
    parser.set_defaults(run=run)


def run(args) -> int:
    target = writable_output(args.file)
    open_db(args)
    user = acting_user(args.user)
    key = history_key.create(target)
    try:
        signed = integrity.sign_with_key(user, key)
    except BaseException:
        target.unlink(missing_ok=True)  # a key nothing was signed with is worth nothing
        raise
    finally:
        history_key.use(None)
    print(t("signed {count:,} slips and the desk's chain with the key {ident}, written to {path}", count=signed, ident=key.ident,
            path=target))
    print(t("name it for every desk and command: {name}={path}",
            name=history_key.ENVIRONMENT, path=target))
    return 0
