"""Measure answer quality on question files (see eval/ and ../shared/eval/dev.jsonl)."""
