"""Small checks shared by the entry, glossary and checklist validators, each returning a fix-it message."""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz import fuzz, process

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SLACK_USER_ID = r"[UW][A-Z0-9]{2,}"  # a Slack member id (U…, or W… on Enterprise Grid): the one definition
OWNER_PATTERN = re.compile(SLACK_USER_ID)
# A shared mailbox an entry's owner may be instead of a person. Its name (before the @) either has a word saying it
# is shared by a group (qa-team@…, duty.mash@…, fostering.enquiries@…) or is made only of words naming a service
# (audit@…, quality.assurance@…, safeguarding@…). A person's address (jane.smith@…, or qa.lead@…, one person's
# role) is not an owner: ownership goes to a Slack member id, whom the bot can mention and whose ownership ends
# with their account, never a person's name written into the YAML. Neither kind identifies a child or family.
_MAILBOX = re.compile(r"([a-z0-9]+(?:[._+-][a-z0-9]+)*)@[a-z0-9-]+(?:\.[a-z0-9-]+)+", re.IGNORECASE)
GROUP_MAILBOX_WORDS = frozenset({
    "team", "teams", "service", "services", "hub", "unit", "office", "duty", "mash", "panel", "board", "group",
    "helpdesk", "enquiries", "info", "admin", "support", "shared", "edt", "lado", "frontdoor", "payments", "referrals"})
SERVICE_MAILBOX_WORDS = frozenset({
    "qa", "quality", "assurance", "qualityassurance", "audit", "audits", "safeguarding", "childrens", "children",
    "social", "care", "fostering", "adoption", "iro", "cin", "cp", "cla", "performance", "improvement",
    "standards", "reviewing", "conference", "conferences", "legal", "court", "practice", "workforce", "leaving"})
OWNER_FORMS = ("a Slack member id from the person's Slack profile, like `U0QALEAD1`, or a shared team mailbox, "
               "like `qa-team@council.gov.uk`")


def is_team_mailbox(text: str) -> bool:
    """True for a shared team or service mailbox (qa-team@…, duty.mash@…, qualityassurance@…), False for a
    person's address or anything that is not an email address."""
    match = _MAILBOX.fullmatch(text.strip())
    if match is None:
        return False
    local = match.group(1).lower()
    words = re.split(r"[._+-]", local)
    return (any(word in GROUP_MAILBOX_WORDS for word in words) or local.endswith(("team", "teams"))
            or all(word in SERVICE_MAILBOX_WORDS for word in words))


def is_owner(text: str) -> bool:
    """An entry's `owner:` may be a Slack member id or a shared team mailbox (see GROUP_MAILBOX_WORDS)."""
    return OWNER_PATTERN.fullmatch(text) is not None or is_team_mailbox(text)


def closest(word: str, choices: Iterable[str], cutoff: float = 60.0) -> str | None:
    """The choice most like `word`, so a message can say "did you mean ...?" for a typo."""
    found = process.extractOne(word, list(choices), scorer=fuzz.ratio, score_cutoff=cutoff)
    return found[0] if found else None


def did_you_mean(word: str, choices: Iterable[str], cutoff: float = 60.0) -> str:
    """A ' (did you mean `x`?)' clause, or nothing when no choice is close."""
    match = closest(word, choices, cutoff)
    return f" (did you mean `{match}`?)" if match else ""


def suggested_id(text: str) -> str:
    """Turn what someone wrote as an id into a valid one, to show in the message."""
    # An apostrophe joins its word ("child's" -> childs, "don't" -> dont) rather than splitting it in two.
    slug = re.sub(r"[^a-z0-9]+", "-", re.sub(r"['’]", "", text.lower())).strip("-")
    return slug or "my-entry-id"


def type_name(value: object) -> str:
    """How a YAML author would describe what they wrote."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"yes/no value ({str(value).lower()})"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    return type(value).__name__
