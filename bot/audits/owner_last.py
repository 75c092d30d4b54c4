"""An action typed with its owner at the end, before or without its due date: `chase health for the medical report
sw s1 by 18/12/2026`.

Trial 26 typed that: the due date was taken out of the text (bot.audits.action_fields.due_in_text) but "sw s1" was
left in the action's text and the owner was asked anyway. As with the owner typed first (bot.audits.owner_first), the
last words are taken as the owner only when they are nothing but an owner as bot.audits.action_owners reads one (`sw
s1`, `the worker`, `tm`, a person's name), and never after a word that makes them part of the action ("share the plan
with the sw", "escalate to tm", "cc me"): `me` is left to the owner question, since it so often ends an action's
sentence, unless a spaced dash sets it apart (`… so every outcome has a date - me by 18/12`, trial 53).
"""

from __future__ import annotations

import re

from bot.audits import action_owners
from bot.audits.core import user_id_from
from bot.core.services import Services
from bot.settings.people import folded_name
from bot.storage.audits import AuditRow

MAX_OWNER_WORDS = 4  # "Team manager (South)", "the case's social worker"
# Words after which the last words belong to the action's sentence, not its owner.
_BEFORE_A_PERSON = frozenset({
    "with", "to", "for", "by", "from", "and", "or", "on", "at", "of", "cc", "via", "between", "about", "than", "as",
    "into", "onto", "the", "a", "an", "their", "his", "her", "our", "my", "your", "this", "that"})
_EDGES = " ,;:()[]-–—.!"
_DASH = re.compile(r"[-–—]+")
# An owner marked as one (trial 27: "get health to next core group, owner me, due next fri" kept "owner me" in the
# action's text and asked for its owner): taken whatever it is, `me` too, since the label says it is the owner.
LABELLED = re.compile(r"^(?P<head>.+?)[\s,;:–—-]+(?:action\s+)?(?:owner(?:\s+is)?|owned\s+by|assigned\s+to)"
                      r"\s*[:=–—-]?\s*(?P<owner>[^,;:]{1,60}?)[\s.!]*$", re.IGNORECASE)

# `… - S1`, `… – n2.`, `…, S1` (trial 63 F8): a dash set apart or a comma, then a member's short code (letters and a
# number) ending the line
_CODE_AFTER_DASH = re.compile(r"^(?P<head>.+?)(?:\s+[-–—]+|\s*,)\s*(?P<code>[a-z]{1,3}\d{1,3})[\s.!]*$",
                              re.IGNORECASE)


def split(services: Services, audit: AuditRow, text: str) -> tuple[str, str] | None:
    """(owner as typed, the action's text) when `text` ends with its owner, else None."""
    if (marked := LABELLED.match(text)) is not None and len(marked.group("head").split()) >= 2 \
            and action_owners.only_an_owner(services, audit, marked.group("owner")) \
            and not unknown_id(services, marked.group("owner")):
        return marked.group("owner"), marked.group("head").rstrip(_EDGES)
    if marked is not None and len(marked.group("head").split()) >= 2 \
            and (named := name_ending(services, audit, marked.group("owner"))) is not None:
        return named, marked.group("head").rstrip(_EDGES)  # `…, owner S1, by the 31st`: Social worker S1
    if (coded := _coded_owner(services, audit, text)) is not None:
        return coded
    words = text.split()
    for count in range(min(MAX_OWNER_WORDS, len(words) - 2), 0, -1):  # the longest owner first: "the social worker"
        owner = " ".join(words[-count:]).strip(_EDGES)
        head = " ".join(words[:-count]).rstrip(_EDGES)
        if not owner or not action_owners.only_an_owner(services, audit, owner) or unknown_id(services, owner):
            continue
        if owner.casefold() in action_owners.AUDITOR_WORDS and len(head.split()) >= 2 and _DASH.fullmatch(
                words[-count]):
            return owner, head  # "… has a date - me by 18/12": the dash marks it the owner (trial 53, F15)
        if len(head.split()) < 2 or head.split()[-1].casefold() in _BEFORE_A_PERSON \
                or owner.casefold() in action_owners.AUDITOR_WORDS:
            return None  # "… by the social worker": part of the action, and so is any shorter end of it ("worker")
        return owner, head
    return None


def _coded_owner(services: Services, audit: AuditRow, text: str) -> tuple[str, str] | None:
    """(whole name, the action's text) when `text` ends with a dash and a member's short code (`… weighed - S1`, the
    code of "Social worker S1"): trial 55 (F5) kept "- S1" in the action's text and asked the owner, though `- sw s1`
    was read. None when there is no such ending or the code is not exactly one of the case's people."""
    found = _CODE_AFTER_DASH.match(text)
    if found is None or len(found.group("head").split()) < 2:
        return None
    named = name_ending(services, audit, found.group("code"))
    return (named, found.group("head").rstrip(_EDGES)) if named is not None else None


def name_ending(services: Services, audit: AuditRow, owner: str) -> str | None:
    """The whole name of the one case person whose name ends with `owner` (a surname, `S1` for "Social worker
    S1"), after a label that says it is the owner (trial 51: `…, owner S1, by the 31st` kept ", owner S1" in the
    action's text); None when no one's or several people's do."""
    wanted = folded_name(owner.strip(_EDGES))
    if not wanted:
        return None
    names = {services.directory.label(uid) for uid in action_owners.case_people(services, audit)}
    ending = [name for name in names if (folded := folded_name(name)) == wanted or folded.endswith(f" {wanted}")]
    return ending[0] if len(ending) == 1 else None


def unknown_id(services: Services, owner: str) -> bool:
    """A word shaped like a Slack member ID that names nobody: 'wishes' ends "update the plan with the child's
    wishes", and read in capitals it is shaped like one. `worker` is shaped like one too, and is the worker (trial
    32: `write to YP explaining the plan, worker, in 2 weeks` kept "worker" in the text and asked the owner)."""
    words = " ".join(owner.casefold().split())
    if action_owners.WORKER_WORDS.fullmatch(words) or action_owners.MANAGER_WORDS.fullmatch(words):
        return False
    member = user_id_from(owner)
    return member is not None and services.directory.person(member) is None
