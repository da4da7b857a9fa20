"""The admin subcommands, in the order `slipdesk-admin --help` lists them."""
from desktop.commands import backup, demo, print_, restore, verify

COMMANDS = [demo, verify, backup, restore, print_]
