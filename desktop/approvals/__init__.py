"""Escalations: the person in charge's queue and confirmation, and the upper
service-management department's page."""
