"""The admin subcommands, in the order `slipdesk-admin --help` lists them."""
from desktop.commands import anchor, backup, bench, demo, import_, key, print_, report, restore, verify

COMMANDS = [demo, bench, print_, report, backup, restore, verify, anchor, key, import_]
