"""Entry point: `python -m bot …` (also installed as the `sistercity` command)."""

import sys

from bot.cli import main

if __name__ == "__main__":
    sys.exit(main())
