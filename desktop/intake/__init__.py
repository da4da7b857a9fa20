"""Taking a complaint down: the intake window for each channel, the comment book's daily
check, the call for a named manager, and the resident directory it draws on."""
