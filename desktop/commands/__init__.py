"""The admin subcommands, in the order `slipdesk-admin --help` lists them."""
from desktop.commands import (anchor, backup, bench, bench_company, bench_live, calendar, company, demo, estate,
                              import_, key, move, print_, report, restore, verify)

COMMANDS = [demo, bench, bench_live, bench_company, print_, report, backup, restore, verify, anchor, key, import_,
            calendar, company, estate, move]
