"""Answering questions: /ask, mentions, replies and DMs with feedback and follow-up buttons,
the "Ask the bot about this" message menu, and ask channels."""
