"""`kb check` also screens the knowledge base's own text for identifiers before it is shown to anyone.

Knowledge-base answers rightly name places, cases and judgments ('the Southwark judgment', 'Gillick'), so
they are screened in the screen's content mode: structured identifiers (NHS numbers, UPNs, case-system ids,
phones, emails, postcodes, addresses, dates of birth), names of two or more words from the installed lists ('Jayden
Smith'), the council's own names file and a given name alone where a child is meant ('for Kayden, who lives with
nan'), not a name-like word alone elsewhere (bot/privacy/content_names.py). The same
screen runs for `audit-bot kb check` (any folder), `/audit kb check`, `/audit kb reload` and every edit the bot
writes (the new-entry form), so all of them refuse the same texts in the same words.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.privacy.screen import Finding, Screen, explain
from knowledge.entries import Entry
from knowledge.loader import KnowledgeBase
from knowledge.problems import Problem

# Entry texts found clean, per screen: `kb check`, every reload and every edit the bot writes screen the whole
# knowledge base again, and nearly all of it is unchanged. Only clean texts are kept, so no identifier is held. A
# screen is known by its name lists' hash, not the lists themselves: a second `Screen.load` in one process (`health`,
# then `kb check`) would otherwise compare hundreds of thousands of names at every look-up, and a key would keep its
# lists alive.
_CLEAN: set[tuple[int, frozenset[str], str]] = set()
MAX_REMEMBERED = 200_000


def identifier_problems(kb: KnowledgeBase, screen: Screen) -> list[Problem]:
    """One problem per entry text (question, alternative or answer) holding an identifier, with the words."""
    return entry_identifier_problems(kb.entries, screen)


def entry_identifier_problems(entries: Mapping[str, Entry], screen: Screen) -> list[Problem]:
    """The same for entries read from a folder that has other problems too (those that parsed), so `kb check`
    reports both kinds in one run."""
    problems: list[Problem] = []
    for entry_id, entry in entries.items():
        fields = [("question", entry.question), *(("alternative", a) for a in entry.alternatives),
                  ("answer", entry.answer)]
        for field, text in fields:
            findings = content_findings(screen, text)
            if findings:
                problems.append(Problem(entry.file, entry.line,
                                        f"entry '{entry_id}' {field}: {explain(findings)}. Take it out of the "
                                        "knowledge base: nothing that could identify a child or family belongs "
                                        "in it."))
    return problems


def content_findings(screen: Screen, text: str) -> list[Finding]:
    """`screen.find(text, mode="content")`, remembering texts found clean (see _CLEAN)."""
    key = (hash(screen.lexicon), screen.listed, text)
    if key in _CLEAN:
        return []
    findings = screen.find(text, mode="content")
    if not findings and len(_CLEAN) < MAX_REMEMBERED:
        _CLEAN.add(key)
    return findings
