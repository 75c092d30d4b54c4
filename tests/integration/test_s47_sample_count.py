"""Trial 33 (M6): the strategy / section 47 dip sample asked "In how many sampled enquiries was the child not seen?"
but never how many enquiries were sampled, so nothing bounded it (demo #27: 1 discussion sampled, the child not seen
in 5, graded Outstanding). It now asks the sample first and bounds the counts by it (`at_most:`), as the contacts
checklist does, and says "1 section 47 enquiry", not "enquirie"."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from knowledge.loader import load_knowledge

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=ZoneInfo("Europe/London"))
AUDITOR = "U0MGRN001"
# up to the enquiries sampled: immediate concern, strategy discussions sampled, partners missing, decisions recorded,
# the strategy grade and its evidence note
TO_THE_SAMPLE = ["start audit strategy", "CR-900111", "sw n1", "no", "1", "0", "yes", "good",
                 "Discussions were prompt with all three agencies."]


def typed(engine: Engine, text: str) -> list[Reply]:
    return engine.message(AUDITOR, text, surface="terminal")


def test_the_enquiries_sampled_are_asked_before_the_child_not_seen_and_bound_the_counts() -> None:
    checklist = load_knowledge().checklists["strategy-s47"]
    ids = [q.id for q in checklist.questions()]
    sampled = checklist.question("enquiries-sampled")
    assert sampled.text == "How many section 47 enquiries did you sample?" and sampled.type == "number"
    assert ids.index("enquiries-sampled") + 1 == ids.index("child-not-seen")
    assert checklist.question("child-not-seen").at_most == "enquiries-sampled"
    assert checklist.question("icpc-late").at_most == "enquiries-sampled"


def test_a_child_not_seen_in_more_enquiries_than_were_sampled_is_refused(engine: Engine,
                                                                         services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        for line in TO_THE_SAMPLE:
            asked = typed(engine, line)
        assert "How many section 47 enquiries did you sample?" in "\n".join(r.text for r in asked)
        typed(engine, "1")
        refused = typed(engine, "5")
        kept = typed(engine, "1")
    assert [r.kind for r in refused] == ["error", "question"]  # then "Still at Q…" (trial 59 F2)
    assert refused[0].text == "You sampled 1 section 47 enquiry, so this can be at most 1. Type a number from 0 to 1."
    [row] = services.storage.db.query("SELECT id FROM audits")
    answers = store.answers_of(services.storage, row["id"])
    assert (answers["enquiries-sampled"].value, answers["child-not-seen"].value) == ("1", "1")
    assert kept[0].text == "Got it: **1**."
