"""The desk's frame: start-up, signing in, the main window and its navigation, the look,
and the services that run behind every page (backups, live updates, the idle lock)."""
