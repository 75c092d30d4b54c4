"""Questions that read as a live safeguarding concern, so the bot says who to turn to now before anything else.

A practitioner who types "child disclosed dad hit her this morning, who do I call" needs a person, not a search
result or a note that the QA leads will reply within weeks. The test is deliberately simple and errs towards
showing the steer: harm words together with words of a disclosure or of urgency. Showing the steer to someone
asking a general question ("what do I do when a child discloses abuse?") costs one line; missing a live concern
costs far more. Nothing here changes what the search answers.
"""

from __future__ import annotations

import itertools
import re

WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
HARM = frozenset((
    "abuse", "abused", "abusing", "afraid", "assault", "assaulted", "beat", "beaten", "beating", "belt",
    "bleeding", "broken", "bruise", "bruised", "bruises", "bruising", "burn", "burned", "burns", "burnt",
    "choked", "choking", "cutting", "drunk", "exploited", "fracture", "fractured", "frightened", "gone-missing",
    "groomed", "grooming", "gun", "hit", "hits", "hitting", "homeless", "hurt", "hurting", "hurts", "injured",
    "injuries", "injury", "kicked", "kicked-out", "kicking", "knife", "overdose", "overdosed", "pregnant",
    "punch", "punched", "rape", "raped", "scared", "self-harm", "self-harming", "selfharm", "sexual",
    "sexually", "slap", "slapped", "smack", "smacked", "stabbed", "starving", "still-missing", "strangled",
    "suicidal", "suicide", "terrified", "threatened", "threatening", "unsafe", "violence", "violent", "weapon",
    "went-missing",
))
DISCLOSURE = frozenset((
    "disclosed", "discloses", "disclosing", "disclosure", "said", "saying", "says", "telling", "tells", "told",
))
URGENT = frozenset((
    "asap", "currently", "emergency", "immediate", "immediately", "right-now", "this-afternoon", "this-evening",
    "this-morning", "today", "tonight", "urgent", "urgently",
))
PHRASES = re.compile(r"\b(?:in danger|at risk now|immediate (?:danger|risk)|999|police now|call the police|"
                     r"not safe to go home|(?:is|are) not safe|won'?t go home|can'?t go home)\b")


def sounds_urgent(text: str) -> bool:
    """Whether a question reads as a child at risk now: a harm word with a disclosure or urgency, or a phrase
    such as "in danger" or "not safe to go home"."""
    lowered = text.lower()
    if PHRASES.search(lowered):
        return True
    words = WORD.findall(lowered)
    said = set(words) | {f"{a}-{b}" for a, b in itertools.pairwise(words)}
    return bool(said & HARM) and bool(said & (DISCLOSURE | URGENT))
