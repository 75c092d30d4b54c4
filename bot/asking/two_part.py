"""The replies for a question in two parts (which entry answers the other part is knowledge.two_part's rule): the
other part's entry on its own line after the answer, and offered only there.
"""

from __future__ import annotations

from dataclasses import replace

from bot.core.replies import Choice, Reply
from knowledge.two_part import OTHER_PART_LEAD


def without_entry(reply: Reply, entry_id: str) -> Reply:
    """`reply` without its button to `entry_id`: the other part's entry is offered once, on its own line, never
    also among the answer's related entries (trial 53 F13: "3) What happens in pre-proceedings? … 6) What happens
    in pre-proceedings?")."""
    return replace(reply, choices=tuple(choice for choice in reply.choices
                                        if not (choice.action == "kb.show"
                                                and choice.value.partition(":")[0] == entry_id)))


def other_part_reply(part: str, entry_id: str, entry_question: str) -> Reply:
    """The line after the answer to one part: the entry for the other part, one press away."""
    return Reply(text=f"**{OTHER_PART_LEAD}** (“{part}”): {entry_question}",
                 choices=(Choice(entry_question, "kb.show", entry_id),))
