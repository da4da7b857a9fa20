"""Dialogs opened from a slip: each builds its widgets, calls one models/ function and shows its verdict."""
