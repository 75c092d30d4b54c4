"""What QA leads do with the questions the knowledge base could not answer (`/audit kb unanswered`).

Questions are grouped by similar wording; each group is known by the id of its first question (`#N`), which
does not move as other groups close or more people ask it; the wording shown is the newest question's, with the
group's other wordings under it, unnumbered: the group's number is the one to act on (trial 46 F17: "#4 (wording of
#25)" had to be decoded), though a wording's own number, as `kb find` lists it, still works. In the terminal chat the
commands are said once, not as six numbered buttons per group. For each group a QA lead can send an answer
by DM to everyone who asked,
link it to an existing entry (the wording becomes one of the entry's alternatives in the YAML), make a new
entry, or close it as out of scope or dismissed. A group also leaves the list once its wording is answered
confidently (a new wording or a fixed entry). Every change to the knowledge base goes through
`knowledge.kb_writer`, checked exactly as `kb check` checks the folder, then reloaded live and put in the trail.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from bot.asking import follow_up, link_wording, unanswered_also
from bot.asking.entry_file import choose_file, closest_file, typed_file
from bot.asking.entry_owner import with_owner_read
from bot.asking.kb_check import content_checks
from bot.asking.known_moved import moved_said
from bot.asking.new_tag_asked import kept_new, new_tag_notes, new_tag_problems
from bot.asking.repeated_question import told_problems
from bot.asking.review_date import review_day
from bot.asking.said_back import your_question, your_questions
from bot.asking.shared_wording import another_entry_finding
from bot.asking.unanswered_input import (
    STALE_HINT,
    TYPED_USAGE,
    FieldProblem,
    as_heading,
    as_question,
    in_form,
    new_from_form,
    read_new_entry,
    refuse_entry,
    refuse_problems,
    submitted,
)
from bot.core import buttons
from bot.core.cut_short import clip_at_word
from bot.core.knowledge import KnowledgeService, LiveKnowledge
from bot.core.markup import bold, mention
from bot.core.policy import may_keep_knowledge
from bot.core.replies import Choice, Form, FormField, Reply, agreeing, count_of
from bot.core.sentences import in_a_sentence, says_something
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import UserError
from bot.privacy.removal import is_removed
from bot.privacy.screen import explain, without_case_references
from bot.storage import asks as store
from bot.storage.trail import record_trail
from knowledge import specific_ask
from knowledge.dates import DateError, long_date, short_date
from knowledge.definitions import defined_term
from knowledge.entries import MAX_ANSWER_CHARS, Entry, wording_key
from knowledge.entry_ids import new_entry_id
from knowledge.kb_writer import NewEntry, add_alternative, add_entry
from knowledge.spelling import Corrected, corrected_wording
from knowledge.textterms import STOP_WORDS, stem, words_of

UNANSWERED_DAYS = 30
SIMILAR_WORDING = 80  # rapidfuzz token_set_ratio at or above which two questions count as the same
WITH_BUTTONS = 10  # groups shown with their own buttons in Slack; the rest by number, for typed commands
HOME_GROUPS = 3
ANSWER, LINK, NEW, OUT_OF_SCOPE, DISMISS = ("kb.unanswered.answer", "kb.unanswered.link", "kb.unanswered.new",
                                           "kb.unanswered.out_of_scope", "kb.unanswered.dismiss")
REMOVE = "kb.unanswered.remove"  # its text identifies someone: bot.asking.unanswered_removal
ANSWER_FORM, LINK_FORM, NEW_FORM = "kb.unanswered.answer_form", "kb.unanswered.link_form", "kb.unanswered.new_form"
LINK_PICK = "kb.unanswered.link_pick"  # an entry offered where the form cannot open: its link's Yes or No next
LINK_OFFERED = 3  # entries offered so
ENTRY_SEARCH = "kb.entries"
MAX_OPTIONS = 20
WHO = "QA leads and admins"
OWN_GUIDANCE = "the QA team's own guidance"  # the source of an entry that names none


@dataclass(frozen=True)
class QuestionGroup:
    """Questions worded alike, shown once with how often they were asked; `key` is its first question's id, `wording`
    the newest question's; `picks`: askers of alike wordings who picked an entry from "Did you mean…"."""

    wording: str
    count: int
    last_asked: datetime
    unhelpful_entries: tuple[str, ...]
    asks: tuple[store.Unanswered, ...] = ()
    picks: tuple[store.Pick, ...] = ()

    @property
    def key(self) -> int:
        """The group's number: its first question's, so it stays the same as more people ask it (trial 23: "Link #55
        to rcpc-timescale?" was answered "Linked #58", a newer asking having joined the group meanwhile)."""
        return min(ask.ask_id for ask in self.asks) if self.asks else 0

    @property
    def newest(self) -> int:
        """The id of the question whose wording is shown (`kb find` lists it under this number)."""
        return self.asks[0].ask_id if self.asks else 0

    def picked(self, entry_id: str) -> tuple[str, ...]:
        """The askers who already picked `entry_id` for an alike wording: they have it."""
        return tuple(dict.fromkeys(pick.user_id for pick in self.picks if pick.entry_id == entry_id))

    @property
    def askers(self) -> tuple[str, ...]:
        """Everyone who asked a question in the group, once each, newest first."""
        return tuple(dict.fromkeys(ask.user_id for ask in self.asks if ask.user_id))


def gist(text: str) -> str:
    """The content words of a question as stems, sorted: "can foster carers smoke cannabis" and "what do I do if a
    foster carer smokes cannabis" have the same gist, though their wordings share little beyond it."""
    return " ".join(sorted({stem(word) for word in words_of(text) if word not in STOP_WORDS}))


SAME_WORDING = 90  # rapidfuzz ratio of two whole wordings, processed: the same question, typed again


def marked_out_of_scope(services: Services, query: str) -> bool:
    """Whether a QA lead closed this question, in the same words or nearly (`SAME_WORDING`), as out of scope: it
    is not listed again, and its asker is told so rather than promised an answer (trial 23: closed as out of scope,
    it came straight back on the list when asked again). Only near-identical wordings count: a looser likeness
    would carry the decision to practice questions that share a few of its words."""
    return out_of_scope_mark(services, query) is not None


def out_of_scope_mark(services: Services, query: str) -> store.OutOfScope | None:
    """The latest out-of-scope closing of this wording or a near-identical one (`marked_out_of_scope`), if any."""
    asked = default_process(query)
    return next((mark for mark in store.out_of_scope_marks(services.storage)
                 if fuzz.ratio(asked, default_process(mark.wording)) >= SAME_WORDING), None)


def out_of_scope_said(services: Services, mark: store.OutOfScope) -> str:
    """What someone asking a question marked out of scope is told, with the day and the QA lead's note: never
    "passed to the QA leads", which it is not (trial 53 F4)."""
    day = short_date(mark.closed_at.astimezone(services.settings.timezone).date())
    note = f"\n\nThe QA lead's note: {mark.note}" if mark.note else ""
    return (f"A QA lead marked this as outside what the bot covers on {day}, so it won't get an answer here and "
            f"it has not been passed on again.{note}\n\nYour manager can point you to the right person.")


def _alike(one: tuple[str, str], other: tuple[str, str]) -> float:
    """How alike two questions are: by wording, or by gist, whichever is closer.

    A token-set score is 100 whenever one question's words are all among the other's, so a question with no
    content words ("what?") or one ("plan?") would join any group holding them, and the QA leads' answer would go
    to its asker too. Such questions are compared whole: alike only when worded alike.
    """
    if not one[1] or not other[1]:
        return 100.0 if one[0] == other[0] else 0.0
    if min(len(one[1].split()), len(other[1].split())) < 2:
        return max(fuzz.ratio(one[0], other[0]), fuzz.ratio(one[1], other[1]))
    return max(fuzz.token_set_ratio(one[0], other[0]), fuzz.token_set_ratio(one[1], other[1]))


def group_similar(questions: list[store.Unanswered], threshold: int = SIMILAR_WORDING) -> list[QuestionGroup]:
    """Cluster by rapidfuzz token_set_ratio against each group's first (newest) wording; biggest first."""
    groups: list[tuple[tuple[str, str], list[store.Unanswered]]] = []
    for question in sorted(questions, key=lambda q: q.asked_at, reverse=True):
        wording = (default_process(question.query), gist(question.query))
        for key, members in groups:
            if _alike(wording, key) >= threshold:
                members.append(question)
                break
        else:
            groups.append((wording, [question]))
    result = [
        QuestionGroup(
            wording=members[0].query,
            count=len(members),
            last_asked=members[0].asked_at,
            unhelpful_entries=tuple(dict.fromkeys(m.entry_id for m in members if m.entry_id and not m.lacks)),
            asks=tuple(members),
        )
        for _, members in groups
    ]
    result.sort(key=lambda group: (-group.count, -group.last_asked.timestamp()))
    return result


def with_picks(group: QuestionGroup, picks: list[store.Pick]) -> QuestionGroup:
    """The group with the picks made for wordings alike to its own (as `group_similar` compares them)."""
    key = (default_process(group.wording), gist(group.wording))
    alike = tuple(pick for pick in picks
                  if _alike((default_process(pick.query), gist(pick.query)), key) >= SIMILAR_WORDING)
    return replace(group, picks=alike) if alike else group


def picked_said(group: QuestionGroup) -> str:
    """How many of a group's askers picked which suggested entry (trial 44 F22: "none picked" was said of a group
    one of whose askers had picked the entry on asking again)."""
    if not group.picks:
        return " (offered suggestions, none picked)"
    askers = set(group.askers) | {pick.user_id for pick in group.picks}
    entries = dict.fromkeys(pick.entry_id for pick in group.picks)
    picked = ", ".join(f"{len(group.picked(entry_id))} picked `{entry_id}`" for entry_id in entries)
    return f" (offered suggestions: {len(askers)} asked, {picked})"


def lacking_said(group: QuestionGroup) -> str:
    """The entries that answered the group's questions without the specific fact asked for (trial 44 F8), and what
    they lack: "(answered with `staying-put`, which gives no rate or amount)"."""
    said = {f"`{ask.entry_id}`, which gives no {kind.named.removeprefix('a ')}": None for ask in group.asks
            if ask.entry_id and (kind := specific_ask.by_key(ask.lacks)) is not None}
    return f" (answered with {'; '.join(said)})" if said else ""


ALSO_WORDED = 3  # a group's other wordings shown under it; the rest counted


def as_listed(group: QuestionGroup, key: int) -> str:
    """The group as `kb unanswered` lists it, for a confirmation: its own number, and when the QA lead typed the
    number of one of its wordings (`kb find` shows those), which wording that was (trial 49: `kb dismiss 2` said
    "Closed #2" of the group listed as #1)."""
    if key == group.key:
        return f"#{group.key}"
    wording = next((ask.query for ask in group.asks if ask.ask_id == key), group.wording)
    return f"#{group.key} (the group holding #{key}, _{shortened(wording)}_)"


def also_worded(group: QuestionGroup, indent: str = "   ") -> str:
    """The group's other wordings, each once, on a line under it and without numbers, so the group's is the one
    number to act on (trial 46 F17: "#4 (wording of #25)", "#22 (wording of #24)" left a QA lead to work out which
    to type)."""
    seen, others = {default_process(group.wording)}, []
    for ask in group.asks:
        if (key := default_process(ask.query)) not in seen:
            seen.add(key)
            others.append(f"_{shortened(ask.query, 120)}_")
    if not others:
        return ""
    more = f" and {len(others) - ALSO_WORDED} more" if len(others) > ALSO_WORDED else ""
    return f"\n{indent}also worded: {'; '.join(others[:ALSO_WORDED])}{more}"


def listing_note(first: int, terminal: bool) -> str:
    """What to type about a group, said once under the list: with `/audit` and beside the buttons in Slack, bare
    in the terminal chat, where the list has no buttons."""
    slash = "" if terminal else "/audit "
    commands = (f"`{slash}kb answer N <answer>`, `{slash}kb link N <entry id>`, `{slash}kb new N <question> | "
                f"<answer>`, `{slash}kb out-of-scope N` or `{slash}kb dismiss N`")
    return (f"{'Type' if terminal else 'Use the buttons, or type'} {commands}, N being the group's number (#{first} "
            f"for the first); `{slash}kb remove N` removes a question's text for good when it could identify someone.")


@dataclass
class _Answered:
    """Which wordings the live knowledge base now answers confidently, worked out once per listing."""

    live: LiveKnowledge
    services: Services
    found: dict[str, str | None] = field(default_factory=dict)

    def still_open(self, question: store.Unanswered) -> bool:
        """No confident answer yet; for a Not helpful one, the same entry answers and was not changed since. A
        question passed on to the QA leads stays open whatever the search now says: its asker waits for a reply."""
        if question.escalated or is_removed(question.query):
            return True  # a removed text is no wording to search: its askers still wait for a reply
        if question.unpicked and defined_term(question.query, self.live.kb.glossary) is not None:
            return False  # "what does ICPC stand for": answered by the meaning, the entries only further reading
        if question.query not in self.found:
            # a follow-up's stored wording is mostly the question it followed, which the search answers: its own
            # words are what the knowledge base has yet to answer
            result = self.live.search.search(follow_up.alone(question.query))
            self.found[question.query] = result.answer.entry_id \
                if result.outcome == "answer" and result.answer is not None else None
        entry_id = self.found[question.query]
        if entry_id is None:
            return True
        if question.entry_id is None or entry_id != question.entry_id:
            return False
        if question.lacks:  # trial 48 F4: an edit (even one giving the fact) has told its asker nothing; closed only
            return True  # by a QA lead (an edit giving the fact offers to send it: bot.asking.entry_edit)
        return not store.entry_changed_since(self.services.storage, entry_id, question.asked_at)


def lacked(group: QuestionGroup, entry: Entry, spelling: specific_ask.Spelling | None = None
           ) -> specific_ask.FactKind | None:
    """The kind of fact the group's questions were answered by `entry` without, when `entry`'s answer (as it is now,
    the lacks check of knowledge/specific_ask.py run again) still gives none: trial 48 F4 and F11."""
    for ask in group.asks:
        kind = specific_ask.by_key(ask.lacks) if ask.entry_id == entry.id else None
        if kind is not None and specific_ask.lacking(ask.query, entry.answer, spelling) is not None:
            return kind
    return None


def lacking_given(group: QuestionGroup, entry: Entry, spelling: specific_ask.Spelling | None = None
                  ) -> specific_ask.FactKind | None:
    """The kind of fact the group's questions were answered by `entry` without, when `entry` now gives it."""
    for ask in group.asks:
        kind = specific_ask.by_key(ask.lacks) if ask.entry_id == entry.id else None
        if kind is not None and specific_ask.lacking(ask.query, entry.answer, spelling) is None:
            return kind
    return None


def missing(group: QuestionGroup, most: int = 2, longest: int = 120) -> str:
    """What the askers said was missing when they pressed Not helpful, newest first, for the group's line: the
    QA leads see what to fix, not only that an answer did not help."""
    reasons = list(dict.fromkeys(" ".join(reason.split()) for ask in group.asks for reason in reversed(ask.reasons)))
    if not reasons:
        return ""
    cut = [shortened(reason, longest) for reason in reasons[:most]]
    more = f" and {len(reasons) - most} more" if len(reasons) > most else ""
    return " (what was missing: " + "; ".join(f"“{reason}”" for reason in cut) + more + ")"


def shortened(text: str, longest: int = 80) -> str:
    """A text short enough for a one-line hint or preview (an entry's question beside its id), cut between words."""
    return clip_at_word(text, longest)


class UnansweredDesk:
    """The QA leads' side of unanswered questions; shares the live KnowledgeService with asking."""

    def __init__(self, services: Services, service: KnowledgeService) -> None:
        self.services = services
        self.service = service

    # -- the list -----------------------------------------------------------------------------------
    def open_groups(self, now: datetime) -> list[QuestionGroup]:
        """Groups of questions from the last 30 days still waiting for a QA lead, biggest first."""
        questions = store.unanswered_since(self.services.storage, now - timedelta(days=UNANSWERED_DAYS))
        answered = _Answered(self.service.current, self.services)
        groups = group_similar([question for question in questions if answered.still_open(question)
                                and (question.escalated or not marked_out_of_scope(self.services, question.query))])
        picks = store.picked_since(self.services.storage, now - timedelta(days=UNANSWERED_DAYS))
        return [with_picks(group, picks) for group in groups] if picks else groups

    def listing(self, turn: Turn) -> list[Reply]:
        """`/audit kb unanswered`: a summary line per group, then the first groups each with their buttons."""
        groups = self.open_groups(turn.now)
        if not groups:
            return [Reply(title="Unanswered questions",
                          text=f"No unanswered or unhelpful questions in the last {UNANSWERED_DAYS} days.")]
        lines = [f"• **#{group.key}** {self.line(group)}{also_worded(group, '      ')}" for group in groups]
        total = sum(group.count for group in groups)
        terminal = turn.surface == "terminal"
        summary = Reply(title="Unanswered questions",
                        text=f"{count_of(total, 'question')} in the last {UNANSWERED_DAYS} days got no "
                             f"answer, {agreeing(total, 'was', 'were')} marked Not helpful, "
                             + ("got an entry without what was asked for, "
                                if any(ask.lacks for group in groups for ask in group.asks) else "")
                             + "or got suggestions nobody picked, in "
                             f"{count_of(len(groups), 'group')} of similar wording:\n" + "\n".join(lines),
                        note=listing_note(groups[0].key, terminal))
        # the terminal shows buttons as numbered lines: six a group made 60 for ten groups (trial 46 F17)
        return [summary] if terminal else [summary, *(self.group_reply(group) for group in groups[:WITH_BUTTONS])]

    def line(self, group: QuestionGroup) -> str:
        tz = self.services.settings.timezone
        times = "once" if group.count == 1 else f"{group.count} times"
        unhelpful = f" (Not helpful: {', '.join(f'`{e}`' for e in group.unhelpful_entries)})" \
            if group.unhelpful_entries else ""
        unpicked = picked_said(group) if any(ask.unpicked for ask in group.asks) else ""
        passed_on = " (passed on to the QA leads)" if any(ask.escalated for ask in group.asks) else ""
        last = short_date(group.last_asked.astimezone(tz), year=False)
        return (f"_{group.wording}_ — {times}, last {last}{unhelpful}{lacking_said(group)}{unpicked}{passed_on}"
                f"{missing(group)}")

    def group_reply(self, group: QuestionGroup) -> Reply:
        """One group with what a QA lead can do about it."""
        value = buttons.encode_record(group.key)
        return Reply(text=f"**#{group.key}** {self.line(group)}{also_worded(group)}", choices=(
            Choice("Answer", ANSWER, value, style="primary"), Choice("Link to an entry", LINK, value),
            Choice("New entry", NEW, value), Choice("Out of scope", OUT_OF_SCOPE, value),
            Choice("Dismiss", DISMISS, value), Choice("Remove (identifies someone)", REMOVE, value, style="danger")))

    # -- finding the group a button or number means -------------------------------------------------
    def group(self, turn: Turn, key: int) -> QuestionGroup:
        """The open group holding question `key`, or a clear reason why there is none."""
        if not may_keep_knowledge(turn.person):
            raise UserError(f"Unanswered questions are kept by {WHO}. Ask them if you need one answered.")
        for group in self.open_groups(turn.now):
            if any(ask.ask_id == key for ask in group.asks):
                return group
        closed = store.closure(self.services.storage, key)
        if closed is None and not store.ever_unanswered(self.services.storage, key):
            raise UserError(f"There is no unanswered question #{key}; type `/audit kb unanswered` to see the list.")
        if closed is not None:
            when = closed.closed_at.astimezone(self.services.settings.timezone)
            raise UserError(f"#{key} was already closed ({closed.status.replace('_', ' ')}) by "
                            f"{mention(closed.closed_by)} on {short_date(when)}. Nothing was changed.")
        raise UserError(f"#{key} is not on the unanswered list any more: the knowledge base now answers it, or it "
                        f"is older than {UNANSWERED_DAYS} days. Nothing was changed; {STALE_HINT}.")

    def pressed(self, turn: Turn, value: str) -> QuestionGroup:
        """The open group a button (or a form) names by its value."""
        return self.group(turn, buttons.record_id(value, STALE_HINT))

    # -- buttons that open a form -------------------------------------------------------------------
    def answer_button(self, turn: Turn, value: str) -> list[Reply]:
        group = self.pressed(turn, value)
        people = len(group.askers)
        form = Form(action=ANSWER_FORM, title="Answer the question", submit="Send answer",
                    meta=buttons.encode_record(group.key), intro=f"_{group.wording}_\n{_people(people)} asked this. "
                    "Your answer goes to each of them by DM, and the question leaves the list.",
                    fields=(FormField("answer", "Your answer", "long_text", max_length=MAX_ANSWER_CHARS),))
        return [Reply(text=f"To answer #{group.key}, type `/audit kb answer {group.key} <your answer>`.", form=form)]

    def link_button(self, turn: Turn, value: str) -> list[Reply]:
        group = self.pressed(turn, value)
        written = self.linked_wording(group)
        form = Form(action=LINK_FORM, title="Link to an entry", submit="Link", search=ENTRY_SEARCH,
                    meta=buttons.encode_record(group.key),
                    intro=f"_{group.wording}_\nThe askers get the entry you pick by DM, and the wording below becomes "
                          f"one of its alternatives in the knowledge base.{link_wording.doubts(written)}",
                    fields=(FormField("entry", "Entry", "search", hint="Type words of its question, or its id"),
                            *((FormField("wording", "Wording added to its alternatives", initial=written.text,
                                         hint="The askers' words, typos put right: edit them if a correction is "
                                              "wrong"),) if written.text else ())))
        # Where the form cannot open (the terminal chat, or Slack refusing it), the entries closest to the wording
        # are offered, each shown before it is linked (trial 19: only "type /audit kb link 2 <entry id>", no ids)
        offered = [(label, entry_id) for label, entry_id in self.entry_options(turn, follow_up.alone(group.wording))
                   if entry_id not in group.unhelpful_entries][:LINK_OFFERED]
        closest = ", or pick one of the entries closest to its wording:" if offered else "."
        return [Reply(text=f"To link #{group.key}, type `/audit kb link {group.key} <entry id or words>`{closest}",
                      choices=tuple(Choice(f"Link to: {label}", LINK_PICK, f"{entry_id}:{group.key}")
                                    for label, entry_id in offered), form=form)]

    def new_button(self, turn: Turn, value: str) -> list[Reply]:
        group = self.pressed(turn, value)
        files = self.entry_files()
        live = self.service.current  # none found: the QA lead picks; never the first by name
        suggested = closest_file(live.kb.entries, live.search, [group.wording]).file
        review = a_year_after(turn.now.astimezone(self.services.settings.timezone).date()).isoformat()
        form = Form(action=NEW_FORM, title="New entry", submit="Add entry", meta=buttons.encode_record(group.key),
                    intro=f"_{group.wording}_\nChecked exactly as `kb check` checks the knowledge base. The askers' "
                          "wording becomes one of its alternatives, unless it is the question.", fields=(
                        FormField("question", "Question", initial=group.wording, max_length=300),
                        FormField("answer", "Answer", "long_text", max_length=3000),
                        FormField("tags", "Tags", optional=True, hint="Separated by commas, like timescales, "
                                                                      "front-door"),
                        FormField("source", "Source", optional=True, hint="The guidance it comes from (none: "
                                                                           f"{OWN_GUIDANCE})"),
                        FormField("owner", "Owner", "user", initial=turn.user_id, optional=True),
                        FormField("review_by", "Review by", "date", initial=review, optional=True),
                        FormField("file", "File", "select", initial=suggested, options=tuple(files))))
        return [Reply(text=f"To make #{group.key} an entry, type `/audit kb new {group.key} <question> | <answer>`.",
                      form=form)]

    def entry_files(self) -> list[tuple[str, str]]:
        """Files holding entries, as (label, value) for the form's file menu."""
        names = sorted({entry.file for entry in self.service.current.kb.entries.values()})
        return [(name, name) for name in names[:100]]

    def entry_options(self, turn: Turn, typed: str) -> list[tuple[str, str]]:
        """Entries matching what the QA lead types in the link form: by search, then by id or question words."""
        if not may_keep_knowledge(turn.person):
            return []
        live = self.service.current
        typed = " ".join(typed.split()).lower()
        found: list[str] = []
        if typed:
            result = live.search.search(typed)
            found += [match.entry_id for match in ((result.answer,) if result.answer else ()) + result.suggestions]
            found += [entry.id for entry in live.kb.entries.values()
                      if typed in entry.id or typed in entry.question.lower()]
        else:
            found += sorted(live.kb.entries)
        ids = [entry_id for entry_id in dict.fromkeys(found) if entry_id in live.kb.entries][:MAX_OPTIONS]
        return [(f"{live.kb.entries[entry_id].question} ({entry_id})", entry_id) for entry_id in ids]

    # -- form submissions: a quick check Slack waits for (errors stay in the form), then the work ------
    def answer_form(self, turn: Turn, value: str) -> list[Reply]:
        form, key = submitted(value)
        return in_form(lambda: self.answer(turn, key, form.get("answer", "")))

    def answer_check(self, turn: Turn, value: str) -> list[Reply]:
        form, _key = submitted(value)

        def check() -> list[Reply]:
            self.answer_text(form.get("answer", ""))
            return []
        return in_form(check)

    def link_form(self, turn: Turn, value: str) -> list[Reply]:
        form, key = submitted(value)
        return in_form(lambda: self.link(turn, key, form.get("entry", ""), wording=form.get("wording")))

    def link_check(self, turn: Turn, value: str) -> list[Reply]:
        form, key = submitted(value)
        return in_form(lambda: self.link(turn, key, form.get("entry", ""), dry_run=True, wording=form.get("wording")))

    def new_form(self, turn: Turn, value: str) -> list[Reply]:
        form, key = submitted(value)
        return in_form(lambda: self.new_entry(turn, key, new_from_form(form), form.get("file", "")))

    def new_check(self, turn: Turn, value: str) -> list[Reply]:
        form, key = submitted(value)
        return in_form(lambda: self.new_entry(turn, key, new_from_form(form), form.get("file", ""), dry_run=True))

    # -- the five things a QA lead does -------------------------------------------------------------
    def answer(self, turn: Turn, key: int, text: str) -> list[Reply]:
        """Send the QA lead's answer to everyone who asked, then close the group."""
        group = self.group(turn, key)
        text = self.answer_text(text)
        closed = self._close(turn, group, "answered", None, {"people": len(group.askers)}, answer=text)  # sent once
        replies = [Reply(to_user=asker, title="An answer to your question",
                         text=f"{self.their_question(group, asker, 'A QA lead has answered')}\n\n{text}",
                         note=f"Answered by {mention(turn.user_id)}, a QA lead.") for asker in group.askers]
        return [*replies, Reply(text=f"Sent your answer to {_people(len(group.askers))}; {as_listed(group, key)} is "
                                     f"closed ({count_of(closed, 'question')}). The next person asking in "
                                     "the same words gets your answer too, unless an entry answers them outright; "
                                     f"for other wordings of it, make it an entry with {bold('New entry')}.")]

    def answer_text(self, text: str) -> str:
        """The answer as it will be sent, or the one thing wrong with it (empty, too long, no sentence, an
        identifier). It goes to the askers and closes their question for good, so `ok` is refused as a moderation's
        reason is (bot.core.sentences), typed or in the form."""
        text = text.strip()
        if not text:
            raise FieldProblem("answer", "Write the answer to send, then send it again.")
        if not says_something(text):
            raise FieldProblem("answer", f"{in_a_sentence('what answers their question')} Nothing was sent, and the "
                                         "question stays open.")
        if len(text) > MAX_ANSWER_CHARS:
            raise FieldProblem("answer", f"The answer is {len(text):,} characters; Slack shows at most "
                                         f"{MAX_ANSWER_CHARS:,}. Shorten it.")
        findings = self.services.identifier_screen.find(text)
        if findings:
            raise FieldProblem("answer", f"I haven't sent that: {explain(findings)}. Take out anything that "
                                         "could identify a child or family, then send it again.")
        return text

    def link(self, turn: Turn, key: int, entry_id: str, dry_run: bool = False, wording: str | None = None
             ) -> list[Reply]:
        """Send an existing entry to the askers and add the group's wording (typos put right), or the QA lead's
        `wording` from the form, to that entry's alternatives (`dry_run`: only check that it would be written). One
        edit at a time: a second lead finds it closed."""
        if not entry_id.strip().strip("`").strip():  # nothing typed: "" was "no entry", with three suggested
            raise FieldProblem("entry", f"Say which entry to link: /audit kb link {key} <entry id>, or words of "
                                        "its question to find it. Nothing was sent or changed.")
        if dry_run:
            return self._link(turn, key, entry_id, dry_run=True, edited=wording)
        with self.service.edit_lock:
            return self._link(turn, key, entry_id, dry_run=False, edited=wording)

    def _link(self, turn: Turn, key: int, entry_id: str, dry_run: bool, edited: str | None = None) -> list[Reply]:
        group = self.group(turn, key)
        entry_id = entry_id.strip()
        entries = self.service.current.kb.entries
        entry = entry_typed(entries, entry_id)
        if entry is None:
            options = [value for _, value in self.entry_options(turn, entry_id)[:3]]
            hint = ("; did you mean " + ", ".join(f"`{value}` ({shortened(entries[value].question)})"
                                                  for value in options) + "?") if options else \
                "; type words of its question to find it."
            raise FieldProblem("entry", f"No entry has the id `{entry_id}`{hint}")
        if entry.id in group.unhelpful_entries:
            raise FieldProblem("entry", f"The askers of #{key} marked `{entry.id}` Not helpful: linking it would send "
                                        "them the answer they said did not help. Answer them instead "
                                        f"(`/audit kb answer {key} <your answer>`), or link another entry. Once "
                                        f"`{entry.id}` is improved and reloaded, the question leaves the list by "
                                        "itself. Nothing was sent or changed.")
        wording = self.linked_wording(group, edited).text
        self._refuse_a_wording_of_another_entry(group, entry, wording)
        if dry_run:
            known = self.service.current.kb
            if wording:
                refuse_problems(add_alternative(self.service.folder, entry.id, wording, content_checks(
                    self.services, since=known), known=known, dry_run=True), "entry")
            return []
        before = self.open_groups(turn.now)
        result = add_alternative(self.service.folder, entry.id, wording, content_checks(self.services),
                                 known=self.service.current.kb) if wording else None
        if result is not None:
            refuse_problems(result, "entry")
        written = result is not None and result.written
        reload = self.service.reload(told=False) if written else None
        if result is not None and written:
            record_trail(self.services.storage, turn.user_id, "kb.alternative",
                         {"entry": entry.id, "file": result.file, "group": key,
                          "reloaded": bool(reload and reload.ok)}, at=turn.now)
        live_entry = self.service.current.kb.entries.get(entry.id, entry)
        had = group.picked(entry.id)  # trial 44 F19: they picked it from the suggestions; not sent it again
        sent_to = [asker for asker in group.askers if asker not in had]
        replies = [self.entry_dm(asker, group, live_entry) for asker in sent_to]
        self._close(turn, group, "linked", entry.id, {"people": len(group.askers)})
        if result is None and follow_up.is_read_with(group.wording):
            added = ("it was a follow-up, whose words mean something only after the question before it, so no "
                     "alternative was added")
        elif result is None:
            added = ("the wording had nothing to search on once its case reference was left out, so no "
                     "alternative was added")
        elif written:
            added = f"added _{wording}_ to its alternatives in `{result.file}` and reloaded"
        else:
            added = "the wording was already one of its alternatives"
        had_it = f" ({_people(len(had))} had already picked it from the suggestions, so " \
            f"{agreeing(len(had), 'was', 'were')} not sent it again)" if had else ""
        too = unanswered_also.offer(self, turn, unanswered_also.finding(self, unanswered_also.left(
            self, before, turn.now, key), entry.id), entry.id, "is answered by the entry you linked too") \
            if written else []
        return [*replies, Reply(text=f"Linked {as_listed(group, key)} to `{entry.id}`: {added}. Sent it to "
                                     f"{_people(len(sent_to))}{had_it}." + moved_said(reload)), *too]

    def linked_wording(self, group: QuestionGroup, edited: str | None = None) -> Corrected:
        """The alternative a link writes for the group's wording, exactly as written ("" for none), its slips put
        right (bot.asking.link_wording); `edited`: the QA lead's own wording from the form, as they typed it."""
        if edited is not None and not edited.strip():
            raise FieldProblem("wording", "Write the wording to add to the entry's alternatives: the askers' "
                                          "question, as they meant it.")
        return link_wording.linked_wording(self.services, self.service.current.search,
                              group.wording if edited is None else edited, edited=edited is not None)

    def _refuse_a_wording_of_another_entry(self, group: QuestionGroup, entry: Entry, wording: str) -> None:
        """A wording another entry already finds (bot.asking.shared_wording) would then lead to two entries, and the
        search answers neither: refused, naming the entry it finds and how to go on. Nothing is sent or written."""
        live = self.service.current
        found = another_entry_finding(live.kb, live.search, wording, entry.id)
        if found is None:
            return
        instead = "" if found.entry.id in group.unhelpful_entries else \
            f", send them `{found.entry.id}` with `/audit kb link {group.key} {found.entry.id}`"
        raise FieldProblem("entry", f"The wording of #{group.key}, “{wording}”, {found.finds_neither(entry.id)}. "
                                    f"Answer the askers with `/audit kb answer {group.key} <your answer>`{instead}, "
                                    f"or {found.undo}. Nothing was sent or changed.")

    def new_entry(self, turn: Turn, key: int, new: NewEntry, file: str, dry_run: bool = False,
                  typed_problems: Sequence[tuple[str, str]] = ()) -> list[Reply]:
        """Write a new entry (checked like `kb check`), reload, tell the askers and close the group
        (`dry_run`: only check that it would be written). One edit at a time: a second lead finds it closed.
        `typed_problems`: what was wrong with the typed parts (an empty answer), told with every other problem."""
        if dry_run:
            return self._new_entry(turn, key, new, file, True, typed_problems)
        with self.service.edit_lock:
            return self._new_entry(turn, key, new, file, False, typed_problems)

    def _new_entry(self, turn: Turn, key: int, new: NewEntry, file: str, dry_run: bool,
                   typed_problems: Sequence[tuple[str, str]] = ()) -> list[Reply]:
        group = self.group(turn, key)
        found: list[tuple[str, str]] = list(typed_problems)  # (field, message): every problem, told at once
        new, kept = kept_new(new)  # a tag a letter off a used one is asked about (trial 44, F2)
        found += new_tag_problems(new.tags, self.service.current.kb.entries.values(), kept)
        new, defaults = self.with_defaults(turn, replace(new, question=as_heading(as_question(new.question))), found)
        defaults += new_tag_notes(new.tags, self.service.current.kb.entries.values(), kept)  # trial 50, #10
        new, wording_note = self.with_askers_wording(group, new)
        file, why = self.entry_file(group, new, file, found)
        known = self.service.current.kb
        if found or dry_run:
            # Checked like `kb check` even when the file is still to be put right (in any file of entries: the
            # entry's own problems are the same in each), so the QA lead fixes everything in one go.
            checked_in = file or next(iter(sorted(value for _, value in self.entry_files())), "")
            if checked_in:
                check = add_entry(self.service.folder, checked_in, new, content_checks(self.services, since=known),
                                  known=known, dry_run=True)
                found += _not_told_twice(told_problems(check, known, new.question, key, group.unhelpful_entries),
                                         typed_problems)
            refuse_entry(found)
            return []
        before = self.open_groups(turn.now)
        result = add_entry(self.service.folder, file, new, content_checks(self.services), known=known)
        refuse_entry(told_problems(result, known, new.question, key, group.unhelpful_entries))
        reload = self.service.reload(told=False)
        record_trail(self.services.storage, turn.user_id, "kb.entry",
                     {"entry": result.entry_id, "file": file, "group": key, "reloaded": reload.ok}, at=turn.now)
        entry = self.service.current.kb.entries.get(result.entry_id)
        also = unanswered_also.finding(self, unanswered_also.left(self, before, turn.now, key), result.entry_id)
        replies = [self.entry_dm(asker, group, entry, also=also) for asker in group.askers] if entry else []
        self._close(turn, group, "new_entry", result.entry_id, {"people": len(group.askers)})
        notes = "".join(f"\n• {note}" for note in (why, wording_note, *defaults) if note)
        live = f"{count_of(reload.entries, 'entry', 'entries')} {agreeing(reload.entries, 'is', 'are')} live"
        too = unanswered_also.offer(self, turn, also, result.entry_id, "is answered by your new entry too")
        return [*replies, Reply(text=f"Added `{result.entry_id}` to `{file}` and reloaded: {live}. Sent it to "
                                     f"{_people(len(group.askers))}; {as_listed(group, key)} is closed.{notes}"
                                     + moved_said(reload)), *too]

    def with_askers_wording(self, group: QuestionGroup, new: NewEntry) -> tuple[NewEntry, str]:
        """The new entry with the group's wording among its alternatives, as *Link to an entry* adds it, so the askers'
        words find it outright from then on (trial 12: they still got "Did you mean…"), and what the reply says of it.
        Not added, and said why, when it is the question itself, has nothing to search on once a case reference is
        left out, could identify someone, or another entry already finds it (shared, it would find neither)."""
        wording = " ".join(without_case_references(group.wording, self.services.settings.case_reference_pattern,
                                                   instead="").split())
        if follow_up.is_read_with(wording):
            return new, (f"The askers' wording, _{wording}_, was a follow-up, whose words mean something only after "
                         "the question before it, so it was not added to its alternatives.")
        corrected = corrected_wording(self.service.current.search, wording)  # their slips put right (link_wording)
        wording = corrected.text
        if wording_key(wording) == wording_key(new.question) or not any(
                word not in STOP_WORDS for word in words_of(wording)):
            return new, ""
        live = self.service.current
        not_added = f"The askers' wording, _{wording}_, was not added to its alternatives:"
        if self.services.identifier_screen.find(wording):
            return new, f"{not_added} it could identify someone (`/audit kb remove {group.key}` removes it)."
        found = another_entry_finding(live.kb, live.search, wording, "")
        if found is not None:
            new_id = new.id or new_entry_id(new.question, live.kb.entries)
            return new, f"{not_added} it {found.finds_neither(new_id)}."
        return replace(new, alternatives=(*new.alternatives, wording)), \
            f"The askers' wording, _{wording}_, is one of its alternatives, so asking that way finds it." \
            f"{link_wording.doubts(corrected)}"

    def with_defaults(self, turn: Turn, new: NewEntry, found: list[tuple[str, str]]) -> tuple[NewEntry, list[str]]:
        """A new entry always has an owner, a review date ahead and a source: the QA lead making it, 12 months from
        today and the QA team's own guidance, when none is given (each said in the reply). A review date is read as
        `review_day` reads it (31/03/2027, 31 March 2027, 2027-03-31, never month first, or a date word such as
        `next friday`) and kept as YYYY-MM-DD; one it cannot read, or one already past, is added to `found`."""
        today = turn.now.astimezone(self.services.settings.timezone).date()
        ahead = a_year_after(today)
        defaults = []
        review = " ".join((new.review_by or "").split())
        if not review:
            new = replace(new, review_by=ahead.isoformat())
            defaults.append(f"Review by {short_date(ahead)}: 12 months ahead, as no review date was given.")
        else:
            try:
                day, full = review_day(review, today)  # `next friday`, `yesterday` read too (trial 50, #11)
            except DateError as unread:
                found.append(("review_by", str(unread)))
                new = replace(new, review_by=None)  # told above; the rest of the entry is still checked
            else:
                if day < today:
                    found.append(("review_by", f"The review date {review} is already past: give a date ahead, "
                                               f"such as {ahead.isoformat()}."))
                elif review != day.isoformat():
                    how = ", day before month" if full else ""
                    defaults.append(f"Review by {long_date(day)} (from `{review}`{how}), written "
                                    f"as {day.isoformat()}.")
                new = replace(new, review_by=day.isoformat())
        new = with_owner_read(self.services.directory, new, found, defaults)  # `owner: QA lead (practice)`
        if not (new.owner or "").strip() and not any(field == "owner" for field, _ in found):
            new = replace(new, owner=turn.user_id)
            defaults.append(f"Owner: you ({mention(turn.user_id)}), as no owner was given; "
                            "change `owner:` in the file to hand it on.")
        if not (new.source or "").strip():  # written, as every entry names one and the askers' DM says it (trial 44)
            new = replace(new, source=OWN_GUIDANCE)
            defaults.append(f"Source: {OWN_GUIDANCE}, as no source was given; change `source:` in the file to "
                            "name the guidance it comes from.")
        return new, defaults

    def entry_file(self, group: QuestionGroup, new: NewEntry, file: str,
                   found: list[tuple[str, str]]) -> tuple[str, str]:
        """The file the entry goes in and why (see `chosen_file`), or "" with the problem added to `found`."""
        files = sorted(value for _, value in self.entry_files())
        file, why = (file.strip(), "") if file.strip() else self.chosen_file(group, new)
        if not file:
            found.append(("file", f"I could not tell which file this entry belongs in ({why}): add `| file: …` "
                                  "with one of " + ", ".join(f"`{name}`" for name in files) + "."))
        elif file not in files and not typed_file(file, files):
            found.append(("file", f"`{file}` is not a knowledge-base file with entries; pick one of: "
                                  + ", ".join(f"`{name}`" for name in files) + "."))
            file = ""
        elif file not in files:
            file = typed_file(file, files)  # by its bare name: `good-practice` is `kb/good-practice.yaml`
        return file, why

    def chosen_file(self, group: QuestionGroup, new: NewEntry) -> tuple[str, str]:
        """Where a new entry goes when no file is given, and why (bot/asking/entry_file.py): beside several
        entries sharing its tags, else beside the entries closest to its question. With no file, the reason none
        was chosen. Nothing is guessed from the order of the file names."""
        live = self.service.current
        choice = choose_file(live.kb.entries, live.search, new.tags, (new.question, group.wording),
                             group.unhelpful_entries)
        if not choice.file:
            return "", choice.why
        return choice.file, f"Filed in `{choice.file}`, {choice.why}; give `| file: …` to choose another."

    def close_button(self, status: str) -> Callable[[Turn, str], list[Reply]]:
        def handler(turn: Turn, value: str) -> list[Reply]:
            return self.close(turn, buttons.record_id(value, STALE_HINT), status)
        return handler

    def close(self, turn: Turn, key: int, status: str, note: str = "") -> list[Reply]:
        """Out of scope or Dismiss: the group leaves the list. Whoever was told their question was passed on (they
        pressed to pass it on, or the entry they got lacked what they asked for: trial 53 F4) is told in a line what
        was decided, with the QA lead's `note` if given, and where to ask instead (trial 15 F14); someone whose
        question was only noted was promised nothing and is not messaged."""
        group = self.group(turn, key)
        note = self.close_note(note)
        promised = sorted({ask.user_id for ask in group.asks if ask.escalated or ask.lacks or ask.reasons})
        closed = self._close(turn, group, status, None, {"people": len(promised)}, answer=note or None)
        label = "out of scope" if status == "out_of_scope" else "dismissed"
        told = f" I've told {_people(len(promised))} who passed it on." if promised else ""
        return [*(self.closed_dm(turn, group, asker, status, note) for asker in promised),
                Reply(text=f"Closed {as_listed(group, key)} as {label} ({count_of(closed, 'question')}).{told}")]

    def close_note(self, note: str) -> str:
        """A QA lead's note typed after the number (`kb out-of-scope 30 ask the life story worker`), screened as
        an answer is: it goes to the askers, and to whoever asks in the same words later."""
        note = note.strip()
        if not note:
            return ""
        findings = self.services.identifier_screen.find(note)
        if findings:
            raise UserError(f"I haven't closed it: {explain(findings)}. Take out anything that could identify a "
                            "child or family from the note, then send it again.")
        return note

    def closed_dm(self, turn: Turn, group: QuestionGroup, asker: str, status: str, note: str = "") -> Reply:
        """What someone who passed a question on hears when it is closed without an answer: short, and kind."""
        decided = ("it is outside what I can help with, so it won't get an answer here"
                   if status == "out_of_scope" else "it won't get an answer in the knowledge base for now")
        said = f"\n\nThe QA lead's note: {note}\n\n" if note else " "
        return Reply(to_user=asker, title="Your question to the QA leads",
                     text=f"{self.their_question(group, asker, 'A QA lead has looked at')}\n\nYou passed it on, "
                          f"and {decided}.{said}Sorry I can't help more; your manager or "
                          f"{mention(turn.user_id)} can point you to the right person.")

    def unclosed(self, now: datetime, key: int) -> QuestionGroup | None:
        """The group holding question `key` among the questions no QA lead has closed, listed or not (one a change
        took off the list: bot.asking.unanswered_also)."""
        since = now - timedelta(days=UNANSWERED_DAYS)
        for group in group_similar(store.unanswered_since(self.services.storage, since)):
            if any(ask.ask_id == key for ask in group.asks):
                return with_picks(group, store.picked_since(self.services.storage, since))
        return None

    def close_group(self, turn: Turn, group: QuestionGroup, status: str, entry_id: str | None,
                    detail: dict[str, object]) -> int:
        """Close every question of `group` (bot.asking.unanswered_also sends a group an entry and closes it)."""
        return self._close(turn, group, status, entry_id, detail)

    def _close(self, turn: Turn, group: QuestionGroup, status: str, entry_id: str | None,
               detail: dict[str, object], answer: str | None = None) -> int:
        ids = [ask.ask_id for ask in group.asks]
        closed = store.close_asks(self.services.storage, ids, status, turn.user_id, turn.now, entry_id, answer)
        if closed == 0:  # another QA lead closed it between the list and this click
            raise UserError(f"#{group.key} was closed by someone else a moment ago. Nothing was sent or changed.")
        record_trail(self.services.storage, turn.user_id, f"kb.unanswered.{status}",
                     {"group": group.key, "questions": closed, "entry": entry_id, **detail}, at=turn.now)
        return closed

    def entry_dm(self, asker: str, group: QuestionGroup, entry: Entry,
                 opening: str = "A QA lead found the answer to", also: Sequence[QuestionGroup] = ()) -> Reply:
        """The entry sent to one asker, naming their question in `group` and in any of `also` they asked too: one
        DM a person, however many of their wordings it answers (trial 50, #9)."""
        asked = [(ask.query, ask.asked_at) for one in (group, *also) for ask in one.asks if ask.user_id == asker]
        said = your_questions(self.services, opening, asked) if len(asked) > 1 else \
            self.their_question(group, asker, opening)
        return Reply(to_user=asker, title=entry.question, text=f"{said}\n\n" + entry.answer.rstrip(),
                     note=f"Source: {entry.source or OWN_GUIDANCE}")

    def their_question(self, group: QuestionGroup, asker: str, opening: str) -> str:
        """The asker's own question as a DM to them says it: its wording, or the day they asked it when the
        screen now refuses the wording (bot/asking/said_back.py). The day is the question's, not that of a
        Not helpful on its answer."""
        ask = next((ask for ask in group.asks if ask.user_id == asker), group.asks[0])
        stored = store.get_ask(self.services.storage, ask.ask_id)
        return your_question(self.services, opening, ask.query, stored.asked_at if stored else ask.asked_at)

    # -- typed commands (the terminal chat, or Slack without buttons) --------------------------------
    def typed(self, turn: Turn, word: str, rest: str) -> list[Reply]:
        """`answer N <text>`, `link N <entry id>`, `new N <question> | <answer> | key: value…`,
        `out-of-scope N`, `dismiss N`."""
        number, _, text = rest.strip().partition(" ")
        key = buttons.typed_id(number.lstrip("#"))
        if key is None:
            raise UserError(f"Say which group with its number from `/audit kb unanswered`, like "
                            f"`/audit kb {word} 12{TYPED_USAGE[word]}`.")
        if word == "answer":
            return self.answer(turn, key, text)
        if word == "link":
            return self.link(turn, key, text)
        if word == "new":  # what is wrong with the typed parts is told with the entry's other problems
            new, file, typed_problems = read_new_entry(text)
            return self.new_entry(turn, key, new, file, typed_problems=typed_problems)
        return self.close(turn, key, "out_of_scope" if word == "out-of-scope" else "dismissed", text)


def _not_told_twice(checked: list[tuple[str, str]], typed: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The check's problems less those about a field already told to be empty as typed: "the answer is empty" once,
    not again as "entry '…' has no answer"."""
    told = {field for field, _ in typed}
    return [(field, message) for field, message in checked if field not in told]


def a_year_after(day: date) -> date:
    """The same day 12 months later (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def _people(count: int) -> str:
    return count_of(count, "person", "people")


def entry_typed(entries: Mapping[str, Entry], typed: str) -> Entry | None:
    """The entry a QA lead names by its id or its id in words, the last word singular or plural as the id has it
    (trial 23: `kb link 7 section 47 enquiry` did not find `section-47-enquiries`)."""
    wanted = typed_id(typed)
    found = entries.get(typed.strip()) or entries.get(wanted)
    if found is not None or not wanted:
        return found
    stem_, _, last = wanted.rpartition("-")
    head = f"{stem_}-" if stem_ else ""
    forms = {f"{last}s", last[:-1] if last.endswith("s") else "", f"{last[:-1]}ies" if last.endswith("y") else "",
             f"{last[:-3]}y" if last.endswith("ies") else "", f"{last}es"}
    return next((entries[f"{head}{form}"] for form in forms if form and f"{head}{form}" in entries), None)


def typed_id(typed: str) -> str:
    """An entry's id as a QA lead may type it in words: `direct work tools`, `Direct_Work_Tools` are
    `direct-work-tools` (trial 13, F10: refused, with `direct-work-tools` the first suggestion)."""
    return "-".join(re.split(r"[\s_]+", typed.strip().lower()))
