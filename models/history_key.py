"""An optional history key, kept outside the database, that signs every history event.

Without it an event's hash is a plain SHA-256 of its content: someone with write access to the
file who has read the code can edit an event and recompute the chain after it, and only an
anchor taken before (models.anchors) shows that. With the key each hash is an HMAC-SHA256 under
it, and the event records which key signed it (its id, never the key): a chain recomputed
without the key no longer verifies, anchor or not. `slipdesk-admin key new FILE` makes a key and
signs every slip's chain with it (a "sealed" event on each), so that from then on every slip's
newest event must carry the key's signature.

The key is a file of 64 hexadecimal characters, readable by its owner only. The desk and the
admin commands find it through the environment (`SLIPDESK_HISTORY_KEY=/path/to/key`);
`slipdesk-admin verify --key FILE` names it for one check. Keep a copy off the machine: events
signed with a lost key can no longer be checked (their links still can).
"""
from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from models.errors import SlipdeskError
from models.i18n import t

ENVIRONMENT = "SLIPDESK_HISTORY_KEY"


class KeyRefused(SlipdeskError):
    pass


@dataclass(frozen=True)
class HistoryKey:
    secret: bytes
    ident: str  # recorded with each signed event: which key signed it

    @classmethod
    def of(cls, secret: bytes) -> HistoryKey:
        return cls(secret, hashlib.sha256(b"slipdesk history key\x00" + secret).hexdigest()[:16])


_current: HistoryKey | None = None
_from_environment: tuple[str, HistoryKey | None] | None = None


def current() -> HistoryKey | None:
    """The key events are signed and checked with: the one `use`d, else the environment's."""
    global _from_environment
    if _current is not None:
        return _current
    path = os.environ.get(ENVIRONMENT, "")
    if not path:
        return None
    if _from_environment is None or _from_environment[0] != path:
        _from_environment = (path, load(path))
    return _from_environment[1]


def use(key: HistoryKey | None) -> None:
    """Sign and check with `key` in this process (None: back to the environment's)."""
    global _current
    _current = key


def load(path: str | os.PathLike) -> HistoryKey:
    path = Path(path).expanduser()
    try:
        text = path.read_text(encoding="ascii").strip()
        secret = bytes.fromhex(text)
    except (OSError, UnicodeDecodeError, ValueError) as err:
        raise KeyRefused(t("{path} is not a Slipdesk history key ({err}).",
                           path=path, err=getattr(err, "strerror", None) or err)) from None
    if len(secret) < 32:
        raise KeyRefused(t("{path} is not a Slipdesk history key (too short).",
                           path=path))
    return HistoryKey.of(secret)


def create(path: str | os.PathLike) -> HistoryKey:
    """A new random key in a new file, readable by its owner only; never over an existing file."""
    path = Path(path).expanduser()
    secret = secrets.token_bytes(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        raise KeyRefused(t("{path} exists already: a key is never written over.",
                           path=path)) from None
    except OSError as err:
        raise KeyRefused(t("Cannot write {path}: {err}", path=path,
                           err=err.strerror or err)) from None
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(secret.hex() + "\n")
    return HistoryKey.of(secret)


def digest(key: HistoryKey | None, payload: bytes) -> str:
    if key is None:
        return hashlib.sha256(payload).hexdigest()
    return hmac.new(key.secret, payload, hashlib.sha256).hexdigest()


def problem(key: HistoryKey | None, payload: bytes, stored: str, signer: str | None) -> str | None:
    """Why an event's stored hash is wrong ("" / None when right). `signer`: the key id the
    event says signed it (None: a plain hash)."""
    if signer is None:
        right = hashlib.sha256(payload).hexdigest()
    elif key is None or key.ident != signer:
        return t("signed with history key {ident}, which this check was not given: name its file "
                 "(SLIPDESK_HISTORY_KEY, or verify --key FILE)",
                 ident=signer)
    else:
        right = hmac.new(key.secret, payload, hashlib.sha256).hexdigest()
    if hmac.compare_digest(right, stored or ""):
        return None
    return t("content edited after it was recorded")
