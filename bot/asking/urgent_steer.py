"""The line said first when a question reads as a child at risk now (knowledge.urgent), with the entries on acting now.

Trial 37: "is it safe to leave the kids with dad until police can visit next week" was answered with the no-access
visit entry, and a child still at home with the alleged perpetrator got only "Did you mean…" about strategy
discussions. Whatever the search finds, the worker is told to talk to a manager or the duty team now, and is offered
the entries on what to do right now and on protecting a child immediately, unless the replies already show them.
Trial 41: the entry nearest to the situation described (self-harm, a child home alone, a carer too drunk to care,
neglect) is offered first. Trial 44: a situation with more to say (a child missing now: report them to the police
under their missing plan) says it after the steer.
"""

from __future__ import annotations

import re

from bot.core.markup import emoji
from bot.core.replies import Choice, Reply
from knowledge.entries import Entry
from knowledge.urgent import nearest_entries, situation_steers, sounds_urgent

URGENT_STEER = (f"{emoji('alarm')} If a child may be at risk now, do not wait for the bot or the QA leads: talk to "
                "your manager or the duty team straight away, and call 999 if a child is in immediate danger.")
# what to do right now (a disclosure, a child in danger) and the powers to protect a child at once (EPO, police)
ACTING_NOW = ("child-at-immediate-risk", "emergency-protection")
SHOW = "kb.show"


def steer_first(question: str, replies: list[Reply], entries: dict[str, Entry]) -> list[Reply]:
    """`replies` with the steer before them when the question reads as a child at risk now, offering the entries on
    acting now and on the situation described (knowledge.urgent.nearest_entries) that the replies do not already
    show (as the answer, a suggestion or a related entry)."""
    if not sounds_urgent(question):
        return replies
    shown = {reply.title for reply in replies} | {
        choice.value.split(":")[0] for reply in replies for choice in reply.choices if choice.action == SHOW}
    offered = [entries[entry_id] for entry_id in dict.fromkeys((*nearest_entries(question), *ACTING_NOW))
               if entry_id in entries and entry_id not in shown and entries[entry_id].question not in shown]
    choices = tuple(Choice(entry.question, SHOW, entry.id) for entry in offered)
    text = " ".join((URGENT_STEER, *situation_steers(question)))
    return [Reply(kind="notice", text=text, choices=choices), *replies]


# A worker describing a case and asking what to do (trial 49: "mum keeps cancelling home visits …, what do i do"): the
# entries give practice knowledge, not a decision on the case, so the decision is sent where it belongs. Not urgent
# (those get URGENT_STEER) and never a definition, a timescale or an acronym: only "what do/should I do" after a story.
SITUATION_LINE = "For a decision on this case, talk it through with your manager or in supervision."
_WHAT_TO_DO = re.compile(r"\bwh?at\s+(?:do|should|shall|shud|can|would|must)\s+(?:i|we|u|you)\s+(?:do|be\s+doing)\b"
                         r"|\bwhat(?:'s|s|\s+is)?\s+(?:next|now)\s*[?.!]*\s*$|\bwhat\s+are\s+my\s+options\b")
MIN_STORY_WORDS = 8  # "what do i do" alone, or "what do i do about a PEP", tells no case


def situation_asked(question: str) -> bool:
    """Whether the message tells a case (at least MIN_STORY_WORDS words before its ask) and asks what to do."""
    found = _WHAT_TO_DO.search(question.lower())
    return found is not None and len(question[:found.start()].split()) >= MIN_STORY_WORDS


def manager_line_after(question: str, replies: list[Reply]) -> list[Reply]:
    """`replies` with SITUATION_LINE after them when the question is a non-urgent situation asking what to do (an
    urgent one already leads with URGENT_STEER, which names the manager)."""
    if not replies or sounds_urgent(question) or not situation_asked(question):
        return replies
    return [*replies, Reply(kind="notice", text=SITUATION_LINE)]
