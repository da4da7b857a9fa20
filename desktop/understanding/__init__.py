"""Understanding the customer: motive, progress told, cause and corrective action,
satisfaction at closing — dialogs opened from a slip, each calling one models/ function."""
