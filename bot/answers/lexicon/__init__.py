"""Word lists of conversation around a question, one YAML file per language (data, not code)."""
