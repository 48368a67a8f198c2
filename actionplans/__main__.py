"""``python -m actionplans``: the command line."""
import sys

from actionplans.cli import main

sys.exit(main())
