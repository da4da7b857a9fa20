"""The admin subcommands, in the order `slipdesk-admin --help` lists them."""
from desktop.commands import backup, bench, company, demo, estate, import_, move, print_, report, restore, verify

COMMANDS = [demo, bench, print_, report, backup, restore, verify, import_, company, estate, move]
