"""Every threshold and weight of answer composition, in one place.

MIN_COVERAGE was chosen with `python -m bot eval --sweep` on the regression and dev sets; the
others were set by measuring all question sets in eval/ (never by tuning to single questions)
and are kept only where a change improved the totals. Change them only with a new measurement.

Query analysis, which the indexer package does without importing bot/, keeps its few knobs at
the top of its own modules: typo tolerance, glossary expansion and place constraints in
indexer/query.py, language-detection weights in indexer/language.py.
"""

# Abstain unless some top passage covers at least this share of the question's information
# (sum of idf of the question words it contains / sum of idf of all question words).
MIN_COVERAGE = 0.6
# With a fitted answer gate (bot/answers/gate.json) the gate also judges every answer that
# passes this floor. Measured (README, Answer quality): a lower floor with the gate deciding
# alone lost right answers on every set, so the floor stays where the sweep put it.
GATE_MIN_COVERAGE = MIN_COVERAGE
# ... and its BM25 score reaches this much (guards against one-word matches of common terms).
MIN_SCORE = 3.0
# Share of its weight a question word keeps when it only asks for a kind of answer ("Anzahl",
# "address", "define", "list"), so coverage is judged on the words that name the topic.
FRAME_WEIGHT = 0.25
# ... and a word only found in statements around the question ("I make leather bags."); all
# such words together weigh at most CONTEXT_SHARE of the question's own words.
CONTEXT_WEIGHT = 0.5
CONTEXT_SHARE = 0.5
# A word the corpus does not know weighs the index's maximum idf. Written as a name in the
# middle of an English or Indonesian question ("… ikut Hannover Messe?"), it names what the
# question is about, which the corpus never mentions: it weighs this much more.
UNKNOWN_NAME_FACTOR = 2.0
# "Who is … now?" is answered only by a sentence dated at most this many years before the
# corpus date; otherwise the bot declines rather than name an earlier holder.
RECENT_YEARS = 2
# How many BM25 hits are considered, and how many passages sentences are drawn from.
RETRIEVE = 40
CANDIDATE_PASSAGES = 10
# Passages found by their question bank (beyond the text hits), and "Did you mean …?"
# questions offered on a decline.
RETRIEVE_BANK = 20
# A bank question lends its words to a passage's coverage only when it matches at least this
# share of the question itself (a question about something else that shares two words must
# not make a passage look like it answers).
BANK_MIN_MATCH = 0.6
SUGGESTIONS = 3
# The sentence the question bank names as the answer to the bank question closest to the asked
# one scores this much more, times how closely the two questions match.
BANK_SENTENCE_BONUS = 0.3
BANK_SENTENCE_MIN_MATCH = 0.8  # ... when the two questions match at least this much
# Sentences come from passages in the asker's language when one covers at least this share of
# the best coverage and reaches this share of the best score; otherwise from any language.
OWN_LANGUAGE_COVERAGE = 0.5
OWN_LANGUAGE_SCORE = 0.3
# A passage in another language than the asker's counts this much of its score.
OTHER_LANGUAGE_FACTOR = 0.75
# Sentence scoring: share of question information in the sentence, plus bonuses.
TYPE_BONUS = 0.35  # the sentence has what the question type asks for (a date for "when")
PASSAGE_PRIOR = 0.3  # weight of the passage's normalised retrieval score
LEAD_BONUS = 0.05  # a passage's first sentence usually introduces its subject
# A sentence about rules the corpus marks as superseded ranks below the current rules.
SUPERSEDED_PENALTY = 0.3
# A second or third sentence is added only if it scores this share of the best one.
EXTRA_SENTENCE_SHARE = 0.65
MAX_SENTENCES = 3
MAX_ANSWER_CHARS = 900
# Sources cited per quoted sentence: the strongest of its passage's sources.
SOURCES_PER_QUOTE = 3
