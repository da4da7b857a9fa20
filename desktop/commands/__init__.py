"""The admin subcommands, in the order `slipdesk-admin --help` lists them."""
from desktop.commands import backup, demo, restore, verify

COMMANDS = [demo, verify, backup, restore]
