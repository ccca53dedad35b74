"""Entry point: `python -m bot …` (also installed as the `sistercity` command)."""

import gc
import os
import sys

# numpy's OpenBLAS starts a spinning thread per core at import, a tenth of a second of CPU at
# every start; nothing here multiplies matrices large enough to use them (BM25 is sums).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
# The collector is off while the modules are imported, and turned on once they are frozen out
# of its way (bot.cli.start_collector).
gc.disable()

from bot.cli import main  # noqa: E402 (after gc.disable)

if __name__ == "__main__":
    sys.exit(main())
