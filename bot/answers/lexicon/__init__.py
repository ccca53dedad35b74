"""Word lists of the answer engine, one YAML file per language (data, not code): the talk around
a question (greetings, fillers, thanks, small talk, noise) and the markers composition reads in
corpus sentences (pronouns, hedges, "sources disagree", superseded rules, copulas)."""
