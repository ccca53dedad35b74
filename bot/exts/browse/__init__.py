"""Browsing the corpus: programs, the timeline, the bibliography, about and help."""
