"""Asking the knowledge base: in a DM, by @mention, with `/audit ask` and in the terminal chat.

Three outcomes, as the search decides: a confident answer (with its source, a review warning, related
entries and Helpful / Not helpful), "did you mean…" with the top suggestions, or an honest "I don't know
that yet" that logs the question for the QA leads and offers to pass it on. Every question is screened for
identifiers before anything is stored or answered.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from bot.asking import admin as knowledge_admin
from bot.asking import (
    catch_up_asked,
    closest,
    corrected,
    feedback_typed,
    follow_up,
    kb_shared,
    learned_admin,
    learned_words_elsewhere,
    named_action,
    offered,
    own_target,
    pick_trust,
    two_part,
    unanswered,
    unhelpful_reason,
    wellbeing,
    who_am_i,
)
from bot.asking.due_dates import due_dates_reply
from bot.asking.learning import learn_wording, trusted_by_picks, withdraw_for_ask
from bot.asking.own_progress import TARGETS_ENTRY, asks_own_progress, own_progress_reply
from bot.asking.readable import is_mash, is_pasted_junk, reads_as_words, without_control_codes
from bot.asking.said_back import asked_on, wording_to_say
from bot.asking.urgent_steer import manager_line_after, steer_first
from bot.asking.verdicts import settled
from bot.core import buttons
from bot.core.knowledge import KnowledgeService, LiveKnowledge
from bot.core.markup import bold, emoji, mention
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.engine.typed_commands import usage_instead
from bot.errors import StaleAction, UserError
from bot.privacy.screen import explain, without_case_references
from bot.settings.people import Role
from bot.storage import actions as action_store
from bot.storage import asks as store
from knowledge import specific_ask
from knowledge import two_part as question_parts
from knowledge.dates import short_date
from knowledge.entries import MAX_RELATED, Entry, related_shown
from knowledge.out_of_scope import OutOfScopeTopic
from knowledge.search import SearchResult
from knowledge.smalltalk import SmallTalkGroup
from knowledge.term_entries import explained

WORDISH = re.compile(r"\w")
MAX_STORED_QUERY = 500  # longer messages are cut before they are stored; search still sees the whole text
EXAMPLE = "_when is the ICPC due?_"
ASK_AGAIN = "ask your question again"
WHAT_I_DO = (f"I help with case audits and practice questions: type `start audit` to begin one, ask a question such "
             f"as {EXAMPLE}, or type `help` to see everything I can do.")
# Said under the welcome to a new person who manages a team (trial 58 F12: a new manager got nothing on the audit
# loop: target, moderation, Home, reminders, digest, chasing actions).
NEW_MANAGER = "New as a team manager? Ask `what is expected of a new team manager` for the audit loop here."


def knowledge_of(services: Services) -> KnowledgeService:
    """The live knowledge service; loaded here only when a test or tool built Services by hand."""
    return services.live_knowledge()


class KnowledgeFeature:
    """The asking side of the knowledge base; one instance per engine."""

    def __init__(self, services: Services, engine: Engine) -> None:
        self.services = services
        self.service = knowledge_of(services)
        self.engine = engine
        self.sessions = follow_up.Sessions()  # a follow-up never reaches back past a terminal session's start

    # -- asking -------------------------------------------------------------------------------
    def ask(self, turn: Turn, text: str, typed: bool = False, follow_ups: bool = True) -> list[Reply]:
        """Screen, search, log and answer one question. `typed`: free text, not `/audit ask`, so a command typed
        wrong that the knowledge base has no answer for gets the command's usage (bot.engine.typed_commands).
        `follow_ups`: a short question pointing back may be read with the one before (bot.asking.follow_up)."""
        question = " ".join(without_control_codes(text).split())
        if not question or not WORDISH.search(question):  # nothing typed, or only emoji and punctuation
            return [prompt_reply()]
        smalltalk = self.service.current.kb.smalltalk
        chat = smalltalk.match(question)
        if chat is not None:
            return self.smalltalk_replies(turn, chat)
        if wellbeing.only_feelings(question):  # "im so tired today": kindness, not a question (trial 43)
            return [wellbeing.feelings_reply(self._workload_question())]
        said, question = question, smalltalk.strip_opening(question)
        opening, question = wellbeing.opening_and_question(question)  # "hiya im new …, how often …" (trial 43)
        if (fixed := corrected.corrected_part(question)) is not None:  # "sorry, meant …" (trial 31)
            return self.corrected(turn, fixed, typed)
        if (mine := who_am_i.answered(self.services, turn, question)) is not None:  # "whoami" (trial 54, F11),
            return [mine]  # "who is covering for my manager" (trial 57, F9): from the teams list, never logged
        if asks_own_progress(question):  # "am I on track with my audits?": their figures, not an entry (trial 24)
            return [own_progress_reply(self.services, turn, self.service.current.kb.entries.get(TARGETS_ENTRY),
                                       question)]
        # "i dont understand action 50": read as said, the opening small talk ("i dont understand") kept (trial 29)
        if (action := named_action.named_action(self.services, turn, question)
                or named_action.named_action(self.services, turn, said)) is not None:
            return self._about_action(turn, action, question)  # "what does action 2 mean?": the action (trial 25)
        # said first when the question reads as a child at risk now, even when it is refused for naming someone
        replies = steer_first(question, self._ask(turn, question, typed, follow_ups), self.service.current.kb.entries)
        return manager_line_after(question, replies) + self._kind_after(opening, replies)

    def _workload_question(self) -> str | None:
        """The workload entry's question, offered to someone tired or overwhelmed, when the knowledge base has it."""
        entry = self.service.current.kb.entries.get(wellbeing.WORKLOAD_ENTRY)
        return entry.question if entry is not None else None

    def _kind_after(self, opening: str, replies: list[Reply]) -> list[Reply]:
        """One kind line after an answer whose question opened with being new or overwhelmed, unless the answer was
        the workload entry itself."""
        workload = self._workload_question()
        if not wellbeing.unsettled(opening) or any(reply.title == workload for reply in replies if workload):
            return []
        return [wellbeing.kind_line(opening, workload)]

    def _about_action(self, turn: Turn, action: action_store.ActionRow, question: str) -> list[Reply]:
        """The action a question names, then the rest of the question ("what chronology?") answered from the
        knowledge base when it has a clear entry; nothing is logged for the QA leads when it has none."""
        shown = [named_action.action_reply(self.services, turn, action)]
        rest = named_action.rest_of(question)
        if rest and WORDISH.search(rest) and self.service.current.search.search(rest).outcome == "answer":
            return shown + self._ask(turn, rest, follow_ups=False)
        return shown

    def corrected(self, turn: Turn, question: str, typed: bool) -> list[Reply]:
        """A question correcting the last one ("sorry, meant …"): searched on its own words, never read with the one
        before; the entry just given is not given again (bot.asking.corrected)."""
        last = store.latest_ask(self.services.storage, turn.user_id, self.sessions.since(turn))
        given = last.entry_id if last is not None else None
        live = self.service.current
        searched = without_case_references(question, self.services.settings.case_reference_pattern, instead="")
        if (given in live.kb.entries and not self.services.identifier_screen.find(question)
                and corrected.finds_again(live.search.search(searched), given)):
            return corrected.same_again(self.services, turn, question, live.search.search(searched),
                                        live.kb.entries[given])
        replies = self._ask(turn, question, typed, follow_ups=False, leave_out=given)
        return steer_first(question, replies, live.kb.entries)

    def _ask(self, turn: Turn, question: str, typed: bool = False, follow_ups: bool = True,
             leave_out: str | None = None) -> list[Reply]:
        findings = self.services.identifier_screen.find(question)
        if findings and unhelpful_reason.waiting_for(self.services, turn) is not None:
            # a note on what was missing, or a question asked again: said as either (trial 19: "that question")
            return [Reply(kind="error", text=f"I haven't stored that: {explain(findings)}. "
                                             + unhelpful_reason.refused_closing(question))]
        if findings:
            return [Reply(
                kind="error",
                text=f"I haven't stored or answered that question: {explain(findings)}. Please ask again "
                     "without any details that could identify a child or family "
                     "(use a case reference such as CR-123456 if you need one).",
            )]
        # 'whats the process for CR-445512 step down': the reference says nothing about the practice asked about and
        # made the search find nothing; the question is searched without it, and noted with it left out
        pattern = self.services.settings.case_reference_pattern
        searched = without_case_references(question, pattern, instead="")
        if not WORDISH.search(searched):
            return [prompt_reply()]
        as_typed, question = question, without_case_references(question, pattern)
        live = self.service.current
        if is_pasted_junk(searched) or is_mash(searched, live.search):
            return [unreadable_reply()]
        result = corrected.without_entry(live.search.search(searched), leave_out)  # just given: not offered again
        if (about := unhelpful_reason.waiting_for(self.services, turn)) is not None:
            if unhelpful_reason.is_reason(searched, result.outcome == "none") and not (  # "it didn't give the date"
                    typed and usage_instead(self.engine, turn, as_typed)):  # `shwo 12`: a command typed wrong
                return unhelpful_reason.keep(self.services, turn, about, question,
                                             lambda ask: self.pass_on(turn, ask) or [])
            unhelpful_reason.stop_waiting(self.services, turn)  # asked again in other words
        if result.topic is not None:  # IT, HR, pay, leave: not a gap in the knowledge base, so not logged
            return [out_of_scope_reply(live, result.topic, searched)]
        if result.outcome == "none" and not reads_as_words(searched):  # noise, not a gap in the knowledge base
            return [unreadable_reply()]
        if typed and result.outcome != "answer" and (usage := usage_instead(self.engine, turn, as_typed)) is not None:
            return usage  # `show abc`: a command typed wrong, not a gap in the knowledge base ("home schooling" is)
        if result.outcome != "answer" and follow_ups and (
                subject := follow_up.subject(self.services, turn, live.kb.entries, searched,
                                             self.sessions.since(turn))) is not None:
            return self.follow_up_replies(turn, live, question, searched, subject)
        result, said = explained(live.search, live.kb, searched, result)  # "what does PLO mean", "LAC vs CiC"
        meaning = [] if said is None else [Reply(text=said)]
        result, given, voted_down = self.settled(turn, live, question, searched, result, leave_out)
        if given is None and not voted_down:  # "who is at a strat and how quick is the s47": each part its entry
            result = question_parts.answered_in_parts(live.search, result)
        entry_id = result.answer.entry_id if result.answer else None
        score = result.answer.score if result.answer else None
        ask_id = store.record_ask(self.services.storage, turn.now, turn.user_id, question[:MAX_STORED_QUERY],
                                  "answer" if given else result.outcome, entry_id, score, turn.surface)
        if given is not None:  # a QA lead answered these words: that answer, with the entries found as further reading
            return [*meaning, *self.given_replies(turn, live, result, given, ask_id, question)]
        # "what does NFA mean": the meaning first, then whatever the search found
        return [*meaning, *self.due_dates(turn, live, result.answer.entry_id if result.outcome == "answer" and
                                          result.answer else None, question),
                *self.result_replies(turn, live, result, ask_id, defined=bool(meaning), voted_down=voted_down,
                                    query=result.query),
                *self.besides_a_colleagues_pick(turn, result, searched)]

    def settled(self, turn: Turn, live: LiveKnowledge, question: str, searched: str, result: SearchResult,
                leave_out: str | None = None) -> tuple[SearchResult, store.QaAnswer | None, bool]:
        """The search's result as people's votes and picks leave it, with a QA lead's answer to these words if any:
        not outright when voted Not helpful for these words (then `voted_down`, unless one colleague's pick now
        goes first); one person's pick outright for them, and first among everyone else's suggestions
        (bot.asking.pick_trust), except `leave_out`, the entry a "sorry, meant …" corrects."""
        voted_down = result.outcome == "answer"
        result, given = settled(self.services.storage, live.search, question, result, live.kb.entries)
        if given is not None:
            return result, given, False
        entries = live.kb.entries if leave_out is None else \
            {entry_id: entry for entry_id, entry in live.kb.entries.items() if entry_id != leave_out}
        result, colleague_first = pick_trust.with_picks(self.services, result, searched, turn.user_id, entries)
        return result, None, voted_down and result.outcome == "ambiguous" and not colleague_first

    def due_dates(self, turn: Turn, live: LiveKnowledge, entry_id: str | None, question: str) -> list[Reply]:
        """The due dates worked out from a day given in the question, before the entry that gives the rule."""
        entry = live.kb.entries.get(entry_id) if entry_id else None
        today = turn.now.astimezone(self.services.settings.timezone).date()
        reply = due_dates_reply(entry, question, today) if entry is not None else None
        return [reply] if reply is not None else []

    def follow_up_replies(self, turn: Turn, live: LiveKnowledge, question: str, searched: str,
                          about: Entry) -> list[Reply]:
        """A follow-up the knowledge base does not answer on its own, read with the subject of the question before it
        (bot.asking.follow_up): another entry that answers it, else the other entries found as "Did you mean…", else
        on the QA leads' list with what "that" was. The entry already given is never given again as the answer."""
        found = live.search.search(f"{about.question} {searched}")
        stored = follow_up.read_with(question, about)[:MAX_STORED_QUERY]
        reading = f"Reading that with your last question (_{about.question}_)"
        dated = self.due_dates(turn, live, about.id, question)
        if dated:  # "what about if it was 23rd dec": the same timescales from another day (trial 19)
            ask_id = store.record_ask(self.services.storage, turn.now, turn.user_id, stored, "answer", about.id,
                                      None, turn.surface)
            return [Reply(kind="notice", text=f"{reading}:"), *dated,
                    Reply(text="The rest of that answer is as before.", choices=(
                        Choice("Show the answer again", "kb.show", f"{about.id}:{ask_id}"),))]
        if found.outcome == "answer" and found.answer is not None and found.answer.entry_id != about.id:
            entry = live.kb.entries[found.answer.entry_id]
            ask_id = store.record_ask(self.services.storage, turn.now, turn.user_id, stored, "answer", entry.id,
                                      found.answer.score, turn.surface)
            return [Reply(kind="notice", text=f"{reading}:"), self.entry_reply(turn, live, entry, ask_id)]
        others = follow_up_offers(found, about, live.kb.entries)
        ask_id = store.record_ask(self.services.storage, turn.now, turn.user_id, stored,
                                  "ambiguous" if others else "none", None, None, turn.surface)
        on_its_own = Choice("No, a new question: search it on its own", "kb.alone", str(ask_id))
        if others:
            choices = [Choice(question, "kb.show", f"{entry_id}:{ask_id}") for entry_id, question in others]
            choices += [Choice("None of these: ask the QA leads", "kb.escalate", str(ask_id)), on_its_own]
            return [offered.remember(self.services, turn, ask_id, Reply(
                text=f"{reading}: the answer I gave is the closest I have on that. If it doesn't say, **did you "
                     "mean…**", choices=tuple(choices)))]
        return [offered.remember(self.services, turn, ask_id, Reply(
            text=offered.on_the_list(f"{reading}, the answer I gave is all I have on it"),
            choices=(Choice("Pass it to the QA leads", "kb.escalate", str(ask_id), style="primary"), on_its_own)))]

    def alone(self, turn: Turn, value: str) -> list[Reply]:
        """`kb.alone`: a question read as a follow-up was a new one; searched on its own words, and the follow-up
        taken off the QA leads' list (its asker said it was not what they asked)."""
        ask = store.get_ask(self.services.storage, buttons.record_id(value, ASK_AGAIN))
        if ask is None or not follow_up.is_read_with(ask.query):
            raise StaleAction("I can't find that question any more. Ask it again.")
        if ask.user_id != turn.user_id:
            raise UserError("Only the person who asked it can say it was a new question.")
        if not store.close_asks(self.services.storage, [ask.id], "dismissed", turn.user_id, turn.now):
            return [Reply(text="I've already searched that question on its own (or a QA lead has dealt with it).")]
        return self.ask(turn, follow_up.alone(ask.query), follow_ups=False)

    def reason_search(self, turn: Turn, value: str) -> list[Reply]:
        """`kb.reason_search`: the line noted as what was missing was a new question; searched as one."""
        taken = unhelpful_reason.taken_back(self.services, turn, buttons.record_id(value, ASK_AGAIN))
        if taken is None:
            raise StaleAction("I have no note of yours on that answer any more. Type your question again.")
        return self.ask(turn, taken, follow_ups=False)

    def besides_a_colleagues_pick(self, turn: Turn, result: SearchResult, searched: str) -> list[Reply]:
        """Where an answer came from, when it rests on colleagues' picks from "Did you mean…" alone (two people's,
        no QA lead's link), with the other entries found: a wrong pick must not hide what the words may mean."""
        del turn  # the same line for everyone, the pickers too
        if result.outcome != "answer" or result.answer is None or not trusted_by_picks(
                self.services, result.answer.entry_id, searched):
            return []
        others = [match for match in result.suggestions if match.entry_id != result.answer.entry_id][:2]
        return [Reply(text="Answered from a colleague's earlier choice: Not helpful? Press it, and I'll ask the next "
                           "person which they mean" + (", or try one of these:" if others else "."),
                      choices=tuple(Choice(match.question, "kb.show", match.entry_id) for match in others))]

    def given_replies(self, turn: Turn, live: LiveKnowledge, result: SearchResult, given: store.QaAnswer,
                      ask_id: int, question: str) -> list[Reply]:
        """A QA lead's answer to these words: on its own, or under the entry found when that entry lacks the fact
        they ask for (trial 49 F1: the entry again, "I've passed your question to the QA leads" again, and never the
        answer the QA lead had already given to those very words)."""
        if result.outcome != "answer" or result.answer is None:
            return [self.qa_answer_reply(turn, live, result, given, ask_id)]
        entry = live.kb.entries[result.answer.entry_id]  # its related entries are the further reading
        return [*self.due_dates(turn, live, entry.id, question), self.entry_reply(turn, live, entry, ask_id),
                self.qa_answer_reply(turn, live, replace(result, suggestions=()), given, ask_id)]

    def qa_answer_reply(self, turn: Turn, live: LiveKnowledge, result: SearchResult, given: store.QaAnswer,
                        ask_id: int) -> Reply:
        """A QA lead's answer to a question asked before in the same words (bot.asking.verdicts), with the entries
        the search offers, and a way to pass the question on if it does not answer this asker."""
        day = short_date(given.answered_at.astimezone(self.services.settings.timezone).date())
        choices = [Choice(match.question, "kb.show", match.entry_id) for match in result.suggestions[:MAX_RELATED]]
        choices.append(Choice("Not what I need: ask the QA leads", "kb.escalate", str(ask_id)))
        return Reply(title="A QA lead's answer", text=f"A QA lead answered this question on {day}:\n\n{given.answer}",
                     choices=tuple(choices), note=f"Answered by {mention(given.answered_by)}, a QA lead.")

    def smalltalk_replies(self, turn: Turn, chat: SmallTalkGroup) -> list[Reply]:
        """A short friendly reply to "hello", "thanks" or chit-chat: not a question, so nothing is logged for the QA
        leads. A greeting adds one line on what the bot does; the whole list would bury the hello (`help` has it).
        Someone new who manages a team is pointed to the entry on what a new team manager does here."""
        text = f"{chat.reply}\n{WHAT_I_DO}" if chat.show_help else chat.reply
        if chat.kind == "getting started" and self.services.directory.managed_team_ids(turn.user_id):
            text = f"{text}\n{NEW_MANAGER}"
        return [Reply(text=text)]

    def result_replies(self, turn: Turn, live: LiveKnowledge, result: SearchResult, ask_id: int,
                       defined: bool = False, voted_down: bool = False, query: str = "") -> list[Reply]:
        """The search's outcome as replies. `voted_down`: the first suggestion would have been the answer, but was
        marked Not helpful for these words, which the asker is told (trial 19: one colleague's vote turned a clear
        answer into "not sure which", with no word why)."""
        if result.outcome == "answer" and result.answer is not None:
            entry = live.kb.entries[result.answer.entry_id]
            other = question_parts.other_part(live.search, result.query, entry.id,
                                        {match.entry_id: match.score for match in result.suggestions})
            answered = self.entry_reply(turn, live, entry, ask_id)
            return [two_part.without_entry(answered, other[1]) if other else answered,
                    *self.lacking(live, result.query, entry, ask_id),
                    *([two_part.other_part_reply(*other)] if other else [])]
        if result.outcome == "ambiguous" and len(result.suggestions) == 1 and not (defined or voted_down):
            return self.closest(turn, live, result.suggestions[0].entry_id, ask_id, result.query)
        if result.outcome == "ambiguous":
            choices = [Choice(match.question, "kb.show", f"{match.entry_id}:{ask_id}")
                       for match in result.suggestions[:3]]
            choices.append(Choice("None of these: ask the QA leads", "kb.escalate", str(ask_id)))
            lead = "Entries that may help:" if defined else "I'm not sure which of these you mean. **Did you mean…**"
            if voted_down and not defined:
                lead = ("The first of these would be my answer, but someone asking in these words marked it Not "
                        "helpful, so the QA leads are looking at it. **Did you mean…**")
            return [offered.remember(self.services, turn, ask_id, Reply(text=lead, choices=tuple(choices)))]
        mark = unanswered.out_of_scope_mark(self.services, query) if query else None
        if mark is not None:
            return [Reply(text=unanswered.out_of_scope_said(self.services, mark),
                          note="Nothing was noted for the QA leads.")]
        # One message: the question goes on the QA leads' list either way, and the button asks them for a reply
        # ("I've noted your question for the QA leads" then an offer to pass it on read as two contradicting steps).
        # Kept like "Did you mean…" (bot.asking.offered): trial 29's `1` in the next session found no options to pick.
        return [offered.remember(self.services, turn, ask_id, Reply(
            text=offered.on_the_list("I have no fuller entry on it yet" if defined else "I don't know that yet"),
            choices=(Choice("Pass it to the QA leads", "kb.escalate", str(ask_id), style="primary"),),
            note="Questions are screened for personal details before they are noted.",
        ))]

    def lacking(self, live: LiveKnowledge, question: str, entry: Entry, ask_id: int) -> list[Reply]:
        """When the question plainly asks for a kind of fact (a rate, a form…) the entry given gives none, one honest
        line saying so, and the question noted for the QA leads (trial 44 F8: "what is the staying put allowance rate
        for 2026" got the whole entry, with no rate and no word of it, and never reached them). The question is read
        with the search's spelling, so a typo does not switch the check off (trial 46 F2); the same line follows an
        entry picked from "Did you mean…" and a tentative answer (trial 46 F6)."""
        kind = specific_ask.lacking(question, entry.answer, live.search.spelling)
        if kind is None:
            return []
        mark = unanswered.out_of_scope_mark(self.services, question)
        if mark is not None:  # not listed again, so never "passed to the QA leads" (trial 53 F4)
            return [Reply(text=f"This entry doesn't give {kind.named}. "
                               + unanswered.out_of_scope_said(self.services, mark))]
        store.note_lacks(self.services.storage, ask_id, kind.key)
        return [Reply(text=f"This entry doesn't give {kind.named}. I've passed your question to the QA leads, so "
                           "they can add it to the knowledge base.")]

    def closest(self, turn: Turn, live: LiveKnowledge, entry_id: str, ask_id: int, question: str) -> list[Reply]:
        """A "Did you mean…" of one entry, shown as a tentative answer (bot.asking.closest): one click fewer; with
        the line on what it lacks when the question asks for a fact it does not give (trial 46 F6)."""
        entry = live.kb.entries[entry_id]
        note = f"Source: {entry.source}" if entry.source else "Source: the QA team's own guidance"
        shown = closest.closest_reply(entry, ask_id, note)
        shown = replace(shown, text=own_target.personalised(self.services, turn.user_id, shown.text))
        return [offered.remember(self.services, turn, ask_id, shown),
                *self.lacking(live, question, entry, ask_id)]

    def entry_reply(self, turn: Turn, live: LiveKnowledge, entry: Entry, ask_id: int | None) -> Reply:
        """An entry as an answer: its text, a review warning if due, the source, related entries, feedback."""
        text = own_target.personalised(self.services, turn.user_id, entry.answer.rstrip())
        today = turn.now.astimezone(self.services.settings.timezone).date()
        if entry.is_stale(today) and entry.review_by is not None:
            owner = f" with {mention(entry.owner)}" if entry.owner else " with your QA lead"
            text = (f"{emoji('warning')} This answer was due for review on {short_date(entry.review_by)}, so guidance "
                    f"may have changed: check{owner} before relying on it.\n\n" + text)
        choices: list[Choice] = []
        if ask_id is not None:
            choices += [Choice("Helpful", "kb.feedback", f"{ask_id}:1", style="primary"),
                        Choice("Not helpful", "kb.feedback", f"{ask_id}:0")]
        choices += [Choice(live.kb.entries[other].question, "kb.show", other)
                    for other in related_shown(entry, live.kb.entries)]
        note = f"Source: {entry.source}" if entry.source else "Source: the QA team's own guidance"
        reply = Reply(title=entry.question, text=text, choices=tuple(choices), note=note)
        return offered.remember(self.services, turn, ask_id, reply) if ask_id is not None else reply

    # -- buttons ------------------------------------------------------------------------------
    def show(self, turn: Turn, value: str, learn: bool = True) -> list[Reply]:
        """`kb.show`: value is an entry id, or `<entry id>:<ask id>` when picked from suggestions; the question's
        words are learned for the entry unless `learn` is False (picked in a later session: bot.asking.offered)."""
        entry_id, asked = buttons.key_and_optional_id(value, ASK_AGAIN)
        live = self.service.current
        entry = live.kb.entries.get(entry_id)
        if entry is None:
            raise StaleAction("That entry is no longer in the knowledge base. Ask your question again.")
        ask_id = None
        dated: list[Reply] = []
        lacks: list[Reply] = []
        if asked is not None and store.resolve_ask(self.services.storage, asked, turn.user_id, entry.id):
            ask_id = asked
            ask = store.get_ask(self.services.storage, asked)
            if ask is not None and learn:  # their words find this entry from now on, unless they say it did not help
                learn_wording(self.services, entry.id, ask.query, turn.user_id, "picked", ask_id=ask.id, at=turn.now)
            if ask is not None:  # the line on a fact the picked entry lacks follows it (trial 46 F6)
                dated = self.due_dates(turn, live, entry.id, ask.query)
                lacks = self.lacking(live, ask.query, entry, ask.id)
        if ask_id is None:  # a related entry, or one offered beside another answer: opened as if asked in its words,
            # so it has Helpful / Not helpful as a direct answer does (trial 31: none, and `1`, meant as Helpful,
            # opened the entry's first related question); a follow-up ("how often after that?") is about it
            ask_id = store.record_ask(self.services.storage, turn.now, turn.user_id, entry.question[:MAX_STORED_QUERY],
                                      "answer", entry.id, None, turn.surface)
        return [*dated, self.entry_reply(turn, live, entry, ask_id), *lacks]

    def feedback(self, turn: Turn, value: str) -> list[Reply]:
        """`kb.feedback`: value `<ask id>:1|0`; one vote per person per ask."""
        ask_id, vote = buttons.id_and_key(value, ASK_AGAIN)
        if vote not in ("0", "1"):
            raise buttons.StaleButton(ASK_AGAIN)
        ask = store.get_ask(self.services.storage, ask_id)
        if ask is None or ask.entry_id is None:
            raise StaleAction("I can't find that answer any more. Ask your question again.")
        helpful = vote == "1"
        if not store.record_feedback(self.services.storage, ask.id, ask.entry_id, turn.user_id, helpful, turn.now):
            return [Reply(text="You've already told me about this answer: thank you.")]
        if helpful:
            return [Reply(text="Thanks: glad it helped.")]
        withdraw_for_ask(self.services, ask.id, turn.user_id, turn.now, ask.entry_id, ask.query)
        unhelpful_reason.invite(self.services, turn, ask.id)
        choices = (Choice("Pass my question to the QA leads", "kb.escalate", str(ask.id)),) \
            if ask.user_id == turn.user_id else ()
        return [Reply(text="Thanks for saying so. The QA leads see answers marked Not helpful and improve them.\n"
                           + unhelpful_reason.INVITATION, choices=choices)]

    def escalate(self, turn: Turn, value: str) -> list[Reply]:
        """`kb.escalate`: pass the asker's own question to the QA leads' channel (or their DMs), once."""
        ask = store.get_ask(self.services.storage, buttons.record_id(value, ASK_AGAIN))
        if ask is None or ask.user_id != turn.user_id:
            raise UserError("Only the person who asked a question can pass it to the QA leads.")
        deliveries = self.pass_on(turn, ask)
        if deliveries is None:
            return [Reply(text="I've already passed that question to the QA leads.")]
        return [*deliveries, Reply(text="Done: I've passed your question to the QA leads. They will reply to you.")]

    def pass_on(self, turn: Turn, ask: store.Ask) -> list[Reply] | None:
        """The asker's question, with any note on what was missing, as posts to the QA leads (their channel, or
        their DMs), marked passed on; None when it was already."""
        if not store.mark_escalated(self.services.storage, ask.id, turn.user_id, turn.now):
            return None
        said = wording_to_say(self.services, ask.query)
        quoted = f">{said}" if said is not None else (
            f"(asked on {asked_on(self.services, ask.asked_at)}; its wording is not repeated here, as it could "
            f"identify a child or family: `/audit kb unanswered` shows it, where {bold('Remove (identifies someone)')} "
            "takes it out for good)")
        post = (f"A question the knowledge base could not answer well, from {mention(turn.user_id)}:\n{quoted}"
                f"{unhelpful_reason.said_with(self.services, ask.id)}\n"
                "Answer it with `/audit kb unanswered` (everyone who asked it gets your answer by DM), or link it to "
                "an entry or make a new one there if others are likely to ask it too.")
        channel = self.services.settings.qa_channel
        if channel:
            wider = without_case_references(post, self.services.settings.case_reference_pattern)
            deliveries = [Reply(text=wider, to_channel=channel, title="Question for the QA leads")]
        else:
            leads = self.services.directory.ids_with_role(Role.QA_LEAD) or \
                self.services.directory.ids_with_role(Role.ADMIN)
            deliveries = [Reply(text=post, to_user=lead, title="Question for the QA leads") for lead in leads]
        return deliveries

    # -- free text ----------------------------------------------------------------------------
    def on_text(self, turn: Turn, text: str) -> list[Reply] | None:
        """Priority 90: anything nothing else claimed, in a DM, a mention or the terminal, is a question."""
        return self.ask(turn, text, typed=True)


def out_of_scope_reply(live: LiveKnowledge, topic: OutOfScopeTopic, question: str = "") -> Reply:
    """"I can't help with that here", where to go instead (with the topic's line for what the question says, an
    agency worker's leave), and the nearest entry the bot has, if any."""
    related = [entry_id for entry_id in topic.related if entry_id in live.kb.entries]
    choices = tuple(Choice(live.kb.entries[entry_id].question, "kb.show", entry_id) for entry_id in related[:1])
    return Reply(text=f"I can't help with that here: {topic.reply_to(question)}", choices=choices,
                 note="I answer practice and audit questions, and questions about using this bot.")


def unreadable_reply() -> Reply:
    """Pasted code, a row of one letter, a keyboard mash: not a question, so not noted for the QA leads."""
    return Reply(text="I couldn't read that as a question, so I haven't noted it. Ask me in words, for example "
                      f"{EXAMPLE}", prompt="Type your question")


def prompt_reply() -> Reply:
    """What `kb.prompt` and an empty `/audit ask` say: the next thing typed is taken as the question."""
    return Reply(text=f"What would you like to know? Type your question, for example {EXAMPLE}",
                 prompt="Type your question")


def install(engine: Engine, services: Services) -> None:
    """Register asking (`/audit ask`, free text, buttons) and the QA leads' `/audit kb` commands."""
    feature = KnowledgeFeature(services, engine)
    kb_shared.install(engine, services)  # first: every turn is answered from what other processes reloaded too
    engine.add_command("ask", feature.ask, "ask a practice or audit question",
                       usage="/audit ask <question>",
                       typed=None)  # never needed bare: anything typed that is not a command is asked, whole
    engine.add_action("kb.prompt", lambda _turn, _value: [prompt_reply()])
    engine.add_action("kb.show", feature.show)
    engine.add_action("kb.feedback", feature.feedback)
    engine.add_action(closest.HELPFUL_ACTION, lambda turn, value: closest.helpful(services, turn, value))
    engine.add_action(closest.UNHELPFUL_ACTION, lambda turn, value: closest.unhelpful(services, turn, value))
    engine.add_action("kb.escalate", feature.escalate)
    engine.add_action("kb.alone", feature.alone)
    engine.add_session_start(feature.sessions.began)
    engine.add_action(unhelpful_reason.SEARCH_INSTEAD, feature.reason_search)
    engine.add_message_handler(feature.on_text, priority=90)
    engine.add_turn_watch(lambda turn, typed_text: unhelpful_reason.drop_on_press(services, turn, typed_text))
    catch_up_asked.install(engine)  # "catch me up", "what did i miss last week" (trial 41)
    offered.install(engine, services, lambda turn, value: feature.show(turn, value, learn=False))
    feedback_typed.install(engine, services)
    knowledge_admin.install(engine, services, feature.service)
    learned_admin.install(engine, services)
    learned_words_elsewhere.install(engine, services)  # `accept 1` by anyone else: what it is (trial 53)


def follow_up_offers(found: SearchResult, about: Entry, entries: Mapping[str, Entry]) -> list[tuple[str, str]]:
    """(entry id, question) of up to 3 entries to offer for a follow-up the last answer does not cover: when the
    search, read with the last question, lands on that entry again, the entries its QA lead listed as related come
    first, since they are where its subject goes next (trial 18: "what is a return home interview", then "how often
    after that?", must stay on missing children, not drift to whatever shares "how often")."""
    related = [entries[entry_id] for entry_id in about.related if entry_id in entries] \
        if found.answer is not None and found.answer.entry_id == about.id else []
    offers = [(entry.id, entry.question) for entry in related]
    offers += [(match.entry_id, match.question) for match in found.suggestions]
    unique = dict(item for item in offers if item[0] != about.id)
    return list(unique.items())[:3]
