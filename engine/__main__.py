"""``python -m engine``: the command-line interface (engine.cli)."""

import sys

from engine.cli import main

sys.exit(main())
