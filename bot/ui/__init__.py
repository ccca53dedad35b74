"""Discord-facing helpers shared by the cogs: limits, language, embeds, pagination."""
