"""One module per terminal command."""
