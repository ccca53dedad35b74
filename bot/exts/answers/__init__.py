"""Answering questions: /ask, mentions, replies and DMs, with feedback buttons."""
