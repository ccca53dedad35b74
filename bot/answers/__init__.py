"""Answer composition shared by the terminal and Discord front ends."""

from bot.answers.engine import MAX_QUESTION_CHARS, AnswerEngine, clean_question
from bot.answers.model import Answer, Evidence, Quote, SourceRef

__all__ = ["MAX_QUESTION_CHARS", "Answer", "AnswerEngine", "Evidence", "Quote", "SourceRef",
           "clean_question"]
