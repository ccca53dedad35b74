"""Practical guides drawn from the corpus (for now: the SME guide)."""
