"""The admin subcommands, in the order `slipdesk-admin --help` lists them."""
from desktop.commands import backup, bench, calendar, demo, import_, print_, report, restore, verify

COMMANDS = [demo, bench, print_, report, backup, restore, verify, import_, calendar]
