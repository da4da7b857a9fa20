"""The admin subcommands, in the order `slipdesk-admin --help` lists them."""
from desktop.commands import (anchor, backup, bench, bench_live, calendar, demo, import_, key, print_, report,
                              restore, verify)

COMMANDS = [demo, bench, bench_live, print_, report, backup, restore, verify, anchor, key, import_, calendar]
