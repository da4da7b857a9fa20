"""The manager's pages: authority rules, letterhead, the desk's security, staff accounts,
the working calendar, the motive rules."""
