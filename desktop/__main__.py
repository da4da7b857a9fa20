"""`python -m desktop` and the frozen application's entry: the desk application."""
import sys

from desktop.shell.app import main

sys.exit(main())
