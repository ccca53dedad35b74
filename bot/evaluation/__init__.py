"""Measure answer quality on question files (the sets in eval/, format in docs/eval-format.md)."""
