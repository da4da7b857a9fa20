"""How fast Slipdesk is, and the bulk loader that builds the databases it is measured on.

Outside the domain on purpose: the desk never runs this code. The arrows point one way: bench
imports models, printouts, forms and desktop; models, forms and printouts never import bench
(tests/test_code_checks.py), and in the shell only the admin commands that are its surface do
(desktop/commands/bench*.py, and desktop/commands/demo.py for its runs of benchmark size). What
needs a window of its own is measured in a child process (`python -m bench.list_memory`, the
listening desk of bench.live_figures).

- bulk_writes: many rows at once at the database's pace (prepared inserts, scratch shards,
  indexes set aside while loading)
- demo_loader: the demo slips of models.demo written by worker processes (a million in minutes)
- desk_figures: `slipdesk-admin bench`, one desk's table of figures against their targets
- live_figures: `slipdesk-admin bench-live`, two desks on one database
- company_figures: `slipdesk-admin bench-company`, many estates on one PostgreSQL database
- estate_copies: one estate's rows copied as others' (the company bench's build)
- printout_figures: the printouts' figures (`python -m bench.printout_figures`)
- list_memory: the slip list's memory scrolled to its end (`python -m bench.list_memory PATH`)
"""
