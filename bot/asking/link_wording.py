"""The wording a link (or a new entry made from an unanswered question) adds to an entry's alternatives.

Everyone's questions are matched against it, so it holds no case reference, nor a date (the search leaves a
question's dates out), nor what said the date was something; it is none when nothing is left to match a question on,
or the words mean something only after another question. The askers' slips are put right as the search reads them
(knowledge/spelling.py: "wen is the icpc confrence due" is written "when is the icpc conference due"); a correction
the search is not sure of is left as typed and named, for the QA lead to check in the wording shown before it is
written, and edit in Slack's form. A wording the QA lead typed there is written as they typed it.
"""

from __future__ import annotations

from bot.asking import follow_up
from bot.core.services import Services
from bot.privacy.screen import without_case_references
from knowledge.dates import wording_without_dates
from knowledge.search import KnowledgeSearch
from knowledge.spelling import Corrected, corrected_wording
from knowledge.textterms import STOP_WORDS, words_of

NOTHING = Corrected("", ())


def linked_wording(services: Services, search: KnowledgeSearch, wording: str, edited: bool = False) -> Corrected:
    """The alternative written for `wording` (the group's, or `edited`: the QA lead's own, kept as typed), with the
    corrections the search was not sure of."""
    wording = " ".join(wording_without_dates(without_case_references(
        wording, services.settings.case_reference_pattern, instead="")).split())
    if not any(word not in STOP_WORDS for word in words_of(wording)) or follow_up.is_read_with(wording):
        return NOTHING
    return Corrected(wording, ()) if edited else corrected_wording(search, wording)


def doubts(corrected: Corrected) -> str:
    """A sentence naming the words left as typed that the search reads as another word, or ""."""
    if not corrected.doubtful:
        return ""
    words = ", ".join(f"_{typed}_ (read as _{meant}_)" for typed, meant in corrected.doubtful)
    return f" Left as typed, in case they are not typos: {words}."
