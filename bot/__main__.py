"""Entry point: `python -m bot …` (also installed as the `sistercity` command)."""

import os
import sys

# numpy's OpenBLAS starts a spinning thread per core at import, a tenth of a second of CPU at
# every start; nothing here multiplies matrices large enough to use them (BM25 is sums).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from bot.cli import main

if __name__ == "__main__":
    sys.exit(main())
