"""Slips once taken down: the list and its search, one slip's view, its correction, export,
printing, and the actions its view offers."""
