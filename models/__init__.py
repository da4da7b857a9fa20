"""Slipdesk's domain: the database, the handling slip and the rules of the front desk.

Nothing in this package imports Qt: every screen and every admin command calls the same
functions here, so a rule is written once.
"""
