"""`python -m slalint` entry point."""

import sys

from slalint.cli import main

sys.exit(main())
