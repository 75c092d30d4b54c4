"""Which knowledge entry a campaign report points to beside a weak question ("see 'What makes a plan SMART?'").

The report goes to the QA leads, so a wrong entry is worse than none: trial 26's head of service saw "Does
supervision keep the child's experience and progress at the centre…?" sent to "How do I carry on with an audit I
started earlier?", because the report took the search's first candidate whatever it scored. Now:

1. the checklist question's own guidance, when it names an entry by id, is that entry;
2. else the question's text is searched, and its entry kept only when the search would answer it outright, or
   when both of the search's rankings put the same entry first with a plausible score (the fitted `suggest_score`);
3. an entry about using the bot itself (tagged `audit-bot`: resuming a draft, the audit sample...) is never
   guidance on practice;
4. otherwise nothing is shown.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.core.knowledge import LiveKnowledge
from knowledge.checklist_schema import Checklist, Question
from knowledge.fields import ID_PATTERN

Found = tuple[str | None, str | None]  # (entry id, entry question), both None for no guidance


def finder(live: LiveKnowledge, checklist: Checklist) -> Callable[[str], Found]:
    """`guidance_for(question text)` for `build_report`: the entry for a checklist question by its text."""
    by_text = {question.text: question for question in checklist.questions()}
    return lambda text: related_entry(live, text, by_text.get(text))


def related_entry(live: LiveKnowledge, text: str, question: Question | None = None) -> Found:
    """The entry to read about a weak question, or (None, None) when none fits well enough (see the module)."""
    named = question.guidance if question is not None else None
    if named and ID_PATTERN.fullmatch(named) and named in live.kb.entries:
        return named, live.kb.entries[named].question
    search = live.search
    evidence = search.evidence(text)
    decided = search.outcome(text, evidence, search.fit, 1)
    best = decided.answer if decided.outcome == "answer" else None
    if best is None and evidence.concept and evidence.keyword:
        first = evidence.concept[0]
        agreed = evidence.keyword[0].entry_id == first.entry_id and first.score >= search.fit.suggest_score
        best = first if agreed else None
    entry = live.kb.entries.get(best.entry_id) if best is not None else None
    if entry is None or entry.about_the_bot:
        return None, None
    return entry.id, entry.question
