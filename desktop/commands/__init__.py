"""The admin subcommands, in the order `slipdesk-admin --help` lists them."""
from desktop.commands import demo, verify

COMMANDS = [demo, verify]
