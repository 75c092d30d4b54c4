"""Learning from use: people's own wordings of a question become alternatives of the entry that answered it.

When someone picks an entry from "Did you mean…", the words they asked in are stored (screened, normalised)
as a *learned wording* of that entry. One person's pick may be a wrong one (trial 41: one tap gave everyone
child-in-care visiting times for a CIN question), so it is answered outright only for that person, and only put
first among everyone else's "Did you mean…" (bot.asking.pick_trust), until a second, different person picks the
same entry for the same words or a QA lead links or accepts it. Trusted picks teach only those words asked
again: their words given to the entry sent other questions there outright. A QA lead's link teaches the words. A
Not-helpful press on that answer withdraws it; a QA lead sees every learned wording (`/audit kb learned`) and
can reject one. `learn_wording` is also how a QA lead's "Link to an entry" teaches the bot a question it could
not answer. The database is the record; the live search is refreshed from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from bot.asking import follow_up
from bot.asking.kb_check import content_checks, council_screen
from bot.asking.shared_wording import FoundElsewhere, another_entry_finding
from bot.core.services import Services
from bot.errors import UserError
from bot.privacy.knowledge_screen import content_findings
from bot.privacy.screen import Finding, explain, without_case_references
from bot.storage import learned as store
from bot.storage.trail import record_trail
from knowledge.dates import wording_without_dates
from knowledge.entries import wording_key
from knowledge.kb_writer import add_alternative
from knowledge.loader import KnowledgeBase
from knowledge.textterms import STOP_WORDS, words_of

MAX_WORDING = 500  # as much of a question as kb_asks keeps


@dataclass(frozen=True)
class Learning:
    """What `learn_wording` did: `learned` when stored and searched, else `why` not (for the person asking)."""

    learned: store.Learned | None
    why: str = ""


def normalise(wording: str) -> str:
    """One form per wording: lower case, single spaces, no trailing punctuation, at most MAX_WORDING."""
    text = " ".join(wording.lower().split())[:MAX_WORDING]
    return text.rstrip(" ?!.,;:")


def learn_wording(services: Services, entry_id: str, wording: str, user_id: str, source: store.Source,
                  ask_id: int | None = None, at: datetime | None = None) -> Learning:
    """Store `wording` as a learned alternative of `entry_id` and search it from now on.

    Called when a person picks an entry from "Did you mean…" (source `picked`) and when a QA lead links an
    unanswered question to an entry (`linked`). The wording is screened again here, since callers may pass
    text that has not been: nothing identifying is ever stored. Refused, with a reason, for an unknown entry,
    a wording with nothing to search on, one already learned, or one a QA lead rejected (for a pick).
    """
    if source not in store.SOURCES:
        raise ValueError(f"source must be one of {store.SOURCES}, not {source!r}")
    knowledge = services.live_knowledge()
    kb = knowledge.current.kb
    if entry_id not in kb.entries:
        return Learning(None, f"there is no entry `{entry_id}` in the knowledge base")
    # A case reference points at one child's file: searched by everyone it would be an identifier in all but
    # name, and "eh-2233" would answer the next person typing that reference. It is left out of what is learned.
    if follow_up.is_read_with(wording):
        return Learning(None, "a follow-up question's words mean something only after the question before it, so "
                              "they are not learned")
    asked = as_learned(services, wording)
    if wording_key(asked) == wording_key(kb.entries[entry_id].question):
        return Learning(None, "the wording is the entry's own question, which finds it already")
    findings = services.identifier_screen.find(asked)  # before lower-casing: capitals help tell a name
    if findings:
        return Learning(None, f"the wording was not stored: {explain(findings)}")
    text = normalise(asked)
    findings = identifying(text, services)  # as Accept and kb check will read it: lower case, in an alternative
    if findings:
        return Learning(None, f"the wording was not stored: {explain(findings)}")
    if not [word for word in words_of(text) if word not in STOP_WORDS]:
        return Learning(None, "the wording has no words to search on")
    stored = store.learn(services.storage, entry_id, text, user_id, source, at or services.clock(), ask_id)
    if stored is None:
        return Learning(None, "that wording is already learned for this entry, or was rejected for it")
    refresh(services)
    return Learning(stored)


def as_learned(services: Services, wording: str) -> str:
    """A question as a wording is learned from it, before lower-casing: no opening ("hi,"), no case reference, and no
    date ("icpc held 2/12/2026 what next": the search leaves a question's dates out, so a learned one only clutters
    the entry's alternatives once accepted)."""
    return learned_form(services.live_knowledge().current.kb, services.settings.case_reference_pattern, wording)


def learned_form(kb: KnowledgeBase, case_reference: re.Pattern[str], wording: str) -> str:
    """`as_learned` for a knowledge base and case reference pattern given, so a tool reading the bot's database
    beside it (`audit-bot ask --as`) finds a person's picks in the words the chat stored them in."""
    return wording_without_dates(without_case_references(kb.smalltalk.strip_opening(" ".join(wording.split())),
                                                         case_reference, instead=""))[:MAX_WORDING]


def stored_wording(kb: KnowledgeBase, case_reference: re.Pattern[str], question: str) -> str:
    """The words a question's learned wordings are stored in (`learned_for` looks them up by these)."""
    return normalise(learned_form(kb, case_reference, question))


def learned_for(services: Services, question: str) -> list[store.Learned]:
    """The active learned wordings stored in this question's words (as a wording is learned from it), any entry."""
    return store.active_wording(services.storage, normalise(as_learned(services, question)))


def trusted_by_picks(services: Services, entry_id: str, question: str) -> bool:
    """Whether `entry_id` answers `question` because people picked it from "Did you mean…" for these words, two
    different people, and no QA lead linked them: the answer then says it came from a colleague's earlier choice."""
    taught = [item for item in learned_for(services, question) if item.entry_id == entry_id]
    return bool(taught) and all(item.source == "picked" and item.trusted_how == "picked" for item in taught)


def identifying(wording: str, services: Services) -> list[Finding]:
    """What `kb check` would refuse in a learned wording as it is kept (lower case) and would be written into its
    entry's alternatives: 'should i ask darren price…' (trial 15, F12). A wording learned before the screen refused
    it is neither quoted nor offered for Accept, and Accept refuses it with the screen's words."""
    return content_findings(council_screen(services), wording)


def withdraw_for_ask(services: Services, ask_id: int, user_id: str, at: datetime,
                     entry_id: str | None = None, question: str | None = None) -> int:
    """A Not-helpful press on an answer picked from "Did you mean…", or given outright because someone picked it
    for these words before: the wording learned from that pick is not searched any more (trial 19: the pick's
    wording, asked again and marked Not helpful, stayed everyone's answer). A QA lead's link is theirs to judge:
    the vote reaches them on `kb unanswered`. Returns how many were withdrawn."""
    mine = store.active_for_ask(services.storage, ask_id)
    picked = [item for item in store.active_wording(services.storage, normalise(as_learned(services, question)))
              if item.entry_id == entry_id and item.source == "picked"] if entry_id and question else []
    withdrawn = [item for item in {item.id: item for item in (*mine, *picked)}.values()
                 if store.reject(services.storage, item.id, user_id, at, "not_helpful") is not None]
    if withdrawn:
        refresh(services)
    return len(withdrawn)


def reject(services: Services, learned_id: int, user_id: str, at: datetime,
           reason: str = "") -> store.Learned | None:
    """A QA lead's Reject: the wording stops being searched and is not learned again from a pick; trailed, with
    the QA lead's reason when one was typed (`reject 3 wrong entry`; the caller screens it first)."""
    return _trailed(services, store.reject(services.storage, learned_id, user_id, at, "qa_lead"), user_id,
                    "kb.learned.reject", at, {"reason": reason} if reason else {})


def restore(services: Services, learned_id: int, user_id: str, at: datetime, reason: str = "") -> store.Learned | None:
    """Undo a QA lead's Reject: the wording is searched again; trailed, with the QA lead's screened reason when one
    was typed (`restore 3 rejected by mistake`). None when it was not rejected by one."""
    return _trailed(services, store.restore(services.storage, learned_id), user_id, "kb.learned.restore", at,
                    {"reason": reason} if reason else {})


def _trailed(services: Services, changed: store.Learned | None, user_id: str, action: str,
             at: datetime, more: dict[str, str] | None = None) -> store.Learned | None:
    """A learned wording's status change in the trail, and the live index rebuilt to match; nothing if none."""
    if changed is None:
        return None
    record_trail(services.storage, user_id, action,
                 {"learned": changed.id, "entry": changed.entry_id, "source": changed.source, **(more or {})}, at=at)
    refresh(services)
    return changed


def accept(services: Services, learned_id: int, user_id: str, at: datetime, reason: str = "") -> store.Learned | None:
    """A QA lead's Accept: the wording is written into its entry's `alternatives:` in the YAML (checked like
    `kb check`, written atomically, reloaded), so the files stay the single source; it then leaves the learned
    list. None when it was no longer active. A wording another entry already finds (`found_elsewhere`), or a write
    `kb check` would refuse, raises UserError and changes nothing. `reason`, typed after the number and screened by
    the caller, is kept in the trail, as a reject's is."""
    item = store.get(services.storage, learned_id)
    if item is None or item.status != "active":
        return None
    findings = identifying(item.wording, services)
    if findings:
        raise UserError(f"I haven't written wording #{item.id} into the knowledge base: {explain(findings)}. "
                        f"Reject it (`/audit kb reject {item.id}`): nothing that could identify a child or family "
                        "belongs in the knowledge base. Nothing was written.")
    service = services.live_knowledge()
    with service.edit_lock:
        found = found_elsewhere(services, item)
        if found is not None:
            raise UserError(f"Wording #{item.id}, “{item.wording}”, {found.finds_neither(item.entry_id)}. If "
                            f"`{found.entry.id}` answers it, reject it (`/audit kb reject {item.id}`); if not, "
                            f"{found.undo}, then accept it. Nothing was written.")
        result = add_alternative(service.folder, item.entry_id, item.wording, content_checks(services),
                                 known=service.current.kb)
        if result.problems:
            raise UserError("I could not add that wording to the knowledge base, so nothing was written:\n"
                            + "\n".join(str(problem) for problem in result.problems[:3]))
        taken = store.take_active(services.storage, learned_id)
        if taken is None:
            return None
        reloaded = service.reload(told=False) if result.written else None
    record_trail(services.storage, user_id, "kb.learned.accept",
                 {"learned": taken.id, "entry": taken.entry_id, "source": taken.source, "learned_by": taken.user_id,
                  "file": result.file, "written": result.written, "reloaded": bool(reloaded and reloaded.ok),
                  **({"reason": reason} if reason else {})}, at=at)
    refresh(services)
    return taken


def found_elsewhere(services: Services, item: store.Learned) -> FoundElsewhere | None:
    """The entry other than its own that a learned wording already finds (as Link to an entry checks a wording):
    accepted, written into its entry's alternatives, it would find neither. Checked against the search without the
    wording itself, which shares it with the other entry and so answers neither already."""
    service = services.live_knowledge()
    return another_entry_finding(service.current.kb, service.search_without((item.entry_id, item.wording)),
                                 item.wording, item.entry_id)


def refresh(services: Services) -> None:
    """Make the live search match the database's active learned wordings (at start, and after each change)."""
    services.live_knowledge().set_learned(*searched(store.active(services.storage)))


def searched(active: list[store.Learned]) -> tuple[list[tuple[str, str]], set[tuple[str, str]]]:
    """The (entry id, wording) pairs everyone's search holds, oldest first, and those of them answered only when
    asked again (picks a QA lead has not linked): what KnowledgeService.set_learned takes, for the running bot and
    for `audit-bot ask` alike, so the shell answers a learned wording as the chat does. Only trusted wordings are
    searched, and counted as the entry's uses: one person's pick is answered outright for them alone, and only
    put first among others' suggestions (bot.asking.pick_trust)."""
    oldest_first = [item for item in reversed(active) if item.trusted]
    linked = {(item.entry_id, item.wording) for item in oldest_first if "linked" in (item.source, item.trusted_how)}
    picked_only = {(item.entry_id, item.wording) for item in oldest_first if item.source == "picked"} - linked
    return [(item.entry_id, item.wording) for item in oldest_first], picked_only
