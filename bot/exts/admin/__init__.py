"""Admin commands (reindex, stats, unanswered questions) and background maintenance."""
