"""`python -m bot doctor [--online]`: can the bot run here? One line per check.

offline.py checks what is on this machine (settings, token shape, corpus, index, database,
salt, intents); online.py logs in to Discord and checks the servers the bot is configured for.
"""

from bot.doctor.model import Finding

__all__ = ["Finding"]
