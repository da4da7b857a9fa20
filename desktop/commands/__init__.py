"""The admin subcommands, in the order `slipdesk-admin --help` lists them."""
from desktop.commands import backup, demo, import_, print_, restore, verify

COMMANDS = [demo, print_, backup, restore, verify, import_]
