"""Bandung–Braunschweig sister-city knowledge bot: answer engine, terminal and Discord."""
