"""A wording given to one entry that another entry already finds: shared by two entries, the search answers it
with neither. One rule and one sentence for every way a wording is given to an entry: *Link to an entry* (trial 8:
"when is the ICPC due?" linked to the strategy discussion while an alternative of the ICPC entry) and accepting a
learned wording (a user trial: a wording learned for one entry, then written by hand into another's alternatives,
was accepted without a word, and the question then got only "Did you mean…")."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.entries import Entry, wording_key
from knowledge.loader import KnowledgeBase
from knowledge.search import KnowledgeSearch


@dataclass(frozen=True)
class FoundElsewhere:
    """The entry a wording already finds, how (its question, an alternative, or the same terms), and what the QA lead
    takes out of that entry to give the wording to another."""

    entry: Entry
    how: str
    undo: str

    def finds_neither(self, entry_id: str) -> str:
        """Why the wording may not go to `entry_id` as well, as the refusals and `kb learned` say it."""
        return (f"already finds `{self.entry.id}` ({self.how}): given to `{entry_id}` too, it would find neither "
                "entry")


def another_entry_finding(kb: KnowledgeBase, search: KnowledgeSearch, wording: str,
                          entry_id: str) -> FoundElsewhere | None:
    """The entry other than `entry_id` that `wording` already finds, as its question or an alternative in the same
    words, or in the same terms to `search` (an alternative or a learned wording), or None when there is none.

    `search` is the index the wording would join: the live one, or for a learned wording the live one without it
    (see `KnowledgeService.search_without`), since a wording two entries share already finds neither."""
    if not wording:
        return None
    said = [other for other in kb.entries_saying(wording) if other.id != entry_id]
    found = said[0] if said else kb.entries.get(search.wording_entry(wording) or "")
    if found is None or found.id == entry_id:
        return None
    if said:
        how = "its question" if wording_key(found.question) == wording_key(wording) else "one of its alternatives"
        return FoundElsewhere(found, how, f"take the wording out of `{found.id}` in `{found.file}` first")
    return FoundElsewhere(found, "it says what one of its wordings says",
                          f"first take out the wording of `{found.id}` that says the same (its alternatives in "
                          f"`{found.file}`, or its learned wordings under `/audit kb learned`)")
