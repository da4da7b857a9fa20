"""Refusals the domain raises, each carrying a message fit to show the user as it is."""
from __future__ import annotations


class SlipdeskError(Exception):
    """Base of every refusal: `str(err)` is the message for the user."""


class ValidationFailed(SlipdeskError):
    """Input that cannot be saved; `errors` maps each field to its message."""

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__("; ".join(f"{k}: {v}" for k, v in self.errors.items()))


class PermissionDenied(SlipdeskError):
    """The signed-in user's role may not do this."""


class TransitionRefused(SlipdeskError):
    """The workflow does not allow this step from the slip's present state."""


class StaleSlip(SlipdeskError):
    """Another desk saved the slip since it was opened here (optimistic locking)."""

    def __init__(self, message: str, current_version: int, changes: dict | None = None):
        self.current_version = current_version
        self.changes = changes or {}
        super().__init__(message)


class LoginFailed(SlipdeskError):
    """Wrong name or password, a disabled account or a lockout."""
