"""The first action an Inadequate grade needs, asked in the same words wherever the grade is given.

An audit graded Inadequate always has something for someone to do. The auditor adds it at the actions step before
submitting; two other conversations must ask for it before they store an Inadequate on an audit with no open action:
a moderator whose grade of record is Inadequate (bot.audits.moderation_action) and an auditor who changes a submitted
audit's grade to Inadequate (bot.audits.regrade_action). Both ask what must happen for the child, who owns it (the
case's worker unless another is picked: the owners offered and typed as at an audit's actions, bot.audits.action_owners)
and by when (bot.audits.action_fields). The questions, the owners offered, the reading of each answer and the owner
button's check live here once, so the two conversations can't drift apart in wording or in who is offered; each says,
as a `FirstAction`, where it waits, what it holds meanwhile and how its person leaves, and asks its own first question.

A trial (9, F8) answered "what must happen for the child?" with `the manager`, which became the action ("Action 8:
the manager"), and the owner question had no way back to retype it. So a line that is only an owner or a due date (or
a number) is refused where the action is asked, as at an audit's actions step (bot.audits.action_fields.early_answer),
and `back` (or the Back button) at the owner question returns to the action's text, and at the due date to the owner:
nothing is stored until the action has all three.

An action typed with its due date in it ("SW to update the plan by next fri") is read as at an audit's actions step
(bot.audits.action_fields.due_in_text): the date is taken out of the text and said back in the same words, and once
the owner is chosen the due date is not asked; the words typed go to what the conversation's due state does with a
due date typed there (`DueAnswer`, given by the conversation table, bot.audits.conversation, which knows both). A
weekend or bank holiday is queried as it would be there, and the person is left at the due question to answer it.
Trial 16 (F16) found "by next fri" kept in the action's text here while the due date was asked anyway, so the two could
disagree. An owner marked away is said to be, once (bot.audits.away_owner).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.audits import action_fields, action_owners, action_typed, away_owner, small_talk
from bot.audits.core import answer_error, waiting
from bot.audits.flow import AnswerError
from bot.audits.note_labels import without_label
from bot.core import buttons
from bot.core.replies import Choice, Reply, error, person_choice
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import StaleAction, UserError
from bot.storage import actions as action_store
from bot.storage import audits as store
from knowledge.dates import examples as date_examples

# Typed where the action is asked: a refusal to give one, never an action (as are the words that end an audit's
# actions step, `done`, `next`, `that's all`: bot.audits.action_fields.finishes).
NONE_WORDS = frozenset({"skip", "none", "no", "n/a", "na", "nothing", "-", "no action", "no actions"})
# A reply to a question or a command's word typed where the action is asked: `yes`, `send`, `submit`, `I disagree`,
# `agreed`, `accept it`, `yes send the alert`. A line of these words (at least one of REPLY_WORDS, and no other word
# than OTHER_REPLY_WORDS) says nothing that must happen, so it is refused as finishing words are, never the action
# ("Who owns this action? send"). `agree` or `disagree` alone, or with thanks, is the moderation's decision
# (bot.audits.conversation, bot.audits.moderation.typed_decision) and never comes here.
REPLY_WORDS = frozenset({"yes", "y", "yeah", "yep", "ok", "okay", "send", "submit", "resubmit", "confirm", "confirmed",
                         "accept", "accepted", "reject", "agree", "agreed", "disagree", "disagreed"})
OTHER_REPLY_WORDS = frozenset({"i", "it", "the", "this", "that", "with", "alert", "grade", "change", "moderation",
                               "now", "go", "ahead", "do", "dont", "no", "please", "thanks", "thank", "you", "cheers",
                               "ta"})
_NOT_A_WORD = re.compile(r"[^\w\s]+")
# What a conversation's due state does with a due date typed there (bot.audits.moderation.action_due,
# bot.audits.regrade_check.action_due): given what is held and the due words, it stores the action or asks what follows.
DueAnswer = Callable[[Services, Turn, dict[str, Any], str], list[Reply]]


def needed(services: Services, audit_id: int, grade: str) -> bool:
    """Whether a grade about to be stored must bring an action: it is Inadequate and the audit has no open action."""
    return grade == "inadequate" and not any(a.done_at is None
                                             for a in action_store.actions_of_audit(services.storage, audit_id))


@dataclass(frozen=True)
class FirstAction:
    """How one conversation asks for the action: the states it waits in for the action's text, the owner and the
    due date, the owner buttons' and the Back button's names, what its conversation keeps meanwhile (`keeps`, with
    the description and owner as they are read), how its person leaves without an action (`way_out`, said when they
    type `none`), how the auditor is named on their own owner button (`auditor_is`: "you" to the auditor, "the
    auditor" to a moderator), how to carry on when a button can't be read (`button_hint`), and its own question for
    the action's text (`asks`, from what is held), asked again when Back returns to it. `repick` says how its person
    picks another owner once the action goes on with a due date typed in its text (`{audit_id}` filled in), or None
    where nothing can then (a moderation is saved with its action)."""

    description_state: str
    owner_state: str
    due_state: str
    owner_button: str
    back_button: str
    keeps: tuple[str, ...]
    way_out: str
    auditor_is: str
    button_hint: str
    asks: Callable[[Mapping[str, Any]], list[Reply]]
    repick: str | None = None

    def held(self, data: Mapping[str, Any], **more: Any) -> dict[str, Any]:
        """What the conversation keeps while the action is asked: its own keys from `data`, and `more`."""
        return {**{k: data[k] for k in self.keeps if k in data}, **more}

    def description(self, services: Services, turn: Turn, data: Mapping[str, Any], text: str,
                    answer_due: DueAnswer | None = None) -> list[Reply]:
        """The action's text, screened as an audit's actions are; then its owner is asked. Finishing words (`done`,
        `next`, `that's all`), which end an audit's actions step, are refused: there is no end before the first. So
        is a reply or a command's word (`yes`, `send`, `I disagree`), and small talk (`perfect thanks`), as at the
        actions step (bot.audits.small_talk): it says nothing that must happen. An owner and a due date typed in the
        line are read as there (bot.audits.action_typed): the owner is then taken as if typed at its question, and a
        due date goes to `answer_due` (trial 27: `chase health - sw s1 by 18/12` kept "- sw s1" in the action)."""
        if " ".join(text.lower().split()) in NONE_WORDS or action_fields.finishes(text):
            raise UserError(self.needs_one())
        if only_a_reply(text):
            raise UserError(f"That reads as a reply, not an action, so I haven't stored it. {self.needs_one()}")
        small_talk.refuse(services, without_label(text, "actions"), f"{small_talk.NOT_AN_ACTION} {self.needs_one()}")
        action_fields.refuse_a_number(services, text, f"Type what needs to happen for the child, or {self.way_out}.")
        if (early := action_fields.early_answer(services, turn, _audit(services, data), text)) is not None:
            raise UserError(f"That looks like {early}, so I haven't stored it. {action_fields.ACTION_FIRST} Or type "
                            f"{self.way_out}.")
        try:
            described = action_fields.action_description(services, text)
        except AnswerError as mistake:
            raise answer_error(mistake) from None
        typed = action_typed.read(services, turn, _audit(services, data), described)
        said: list[Reply] = []
        read: dict[str, Any] = {"description": typed.description}
        if typed.due is not None and typed.due_typed is not None:
            read["due_typed"] = typed.due_typed
            said = [Reply(kind="notice", text=action_fields.due_taken_said(
                typed.due_typed, typed.due, typed.description, turn.now.astimezone(services.settings.timezone).date()))]
        held = self.held(data, **read)
        store.set_conversation(services.storage, turn.user_id, waiting(self.owner_state, **held), turn.now)
        if typed.owner is not None and answer_due is not None:
            return [*said, *self._owner_typed(services, turn, held, typed.owner, answer_due)]
        return [*said, *self.owner_prompt(services, held)]

    def _owner_typed(self, services: Services, turn: Turn, held: dict[str, Any], owner: str,
                     answer_due: DueAnswer) -> list[Reply]:
        """The owner typed in the action's line, taken as if typed at its question (said back, as at an audit's
        actions step); one that can't be taken is said, and its question asked."""
        audit = _audit(services, held)
        try:
            chosen = action_owners.resolve(services, audit, owner, turn.user_id)
        except UserError as refused:
            return [error(str(refused)), *self.owner_prompt(services, held)]
        if isinstance(chosen, list):
            return self.owner(services, turn, held, owner, answer_due)  # which manager: asked there
        taken = Reply(kind="notice", text=f"Got it: {action_owners.label(services, audit, chosen, self.auditor_is)} "
                                          f"owns “{held['description']}”.")
        return [taken, *self.owner(services, turn, held, chosen, answer_due)]

    def needs_one(self) -> str:
        """What a line that gives no action is told here: what an Inadequate needs, and this conversation's way out."""
        return ("An audit graded Inadequate needs at least one action: what must happen for the child, who will do it "
                f"and by when. Type the action now, or {self.way_out}.")

    def owner_prompt(self, services: Services, data: Mapping[str, Any]) -> list[Reply]:
        """The owners offered as for an audit's own actions (bot.audits.action_owners): the case's worker first."""
        audit = _audit(services, data)
        return [Reply(text=f"**Who owns this action?** _{data['description']}_\nThe case's worker unless you pick "
                           "someone else, or type `the worker`, `the manager`, or their name or Slack member ID.",
                      choices=(*self._owner_choices(services, audit, action_owners.candidates(services, audit)),
                               self._back_choice(audit.id, "owner")),
                      kind="question")]

    def due_prompt(self, services: Services, data: Mapping[str, Any]) -> list[Reply]:
        """When the action is due, with Back to its owner."""
        return [Reply(text=f"**When is it due?** _{data['description']}_ — "
                           f"{services.directory.label(str(data['owner']))}",
                      prompt=f"Type the due date, like {date_examples(services.local_now().date(), 'future')}.",
                      choices=(self._back_choice(int(data["audit_id"]), "due"),), kind="question")]

    def owner(self, services: Services, turn: Turn, data: Mapping[str, Any], text: str,
              answer_due: DueAnswer) -> list[Reply]:
        """The owner typed or pressed, read as at an audit's actions step; then the due date is asked, or, when it
        was typed in the action's text, given to `answer_due` as if typed at the due question. A weekend or bank
        holiday is queried (bot.audits.action_fields.queried_due) and the due question is asked, for its answer."""
        audit = _audit(services, data)
        chosen = action_owners.resolve(services, audit, text, turn.user_id)
        if isinstance(chosen, list):  # `the manager` where the case's team has several: ask which, and keep waiting
            return [Reply(text=action_owners.which_manager_text(services, audit),
                          choices=(*self._owner_choices(services, audit, chosen), self._back_choice(audit.id, "owner")),
                          kind="question")]
        held = self.held(data, owner=chosen)
        today = turn.now.astimezone(services.settings.timezone).date()
        typed = held.pop("due_typed", None)  # used here: the due question, if asked, reads what is typed there
        store.set_conversation(services.storage, turn.user_id, waiting(self.due_state, **held), turn.now)
        if typed is None:
            return [*self._away(services, chosen, today, None, held, turn.user_id), *self.due_prompt(services, held)]
        try:
            due = action_fields.action_due(services, turn, typed)
            action_fields.queried_due(services, turn, typed)
        except AnswerError as query:  # the due question is asked, with why: nothing is stored
            return [*self._away(services, chosen, today, None, held, turn.user_id), error(str(query)),
                    *self.due_prompt(services, held)]
        return [*self._away(services, chosen, today, due, held, turn.user_id), *answer_due(services, turn, held, typed)]

    def _away(self, services: Services, owner_id: str, today: date, due: date | None,
              held: Mapping[str, Any], asker_id: str) -> list[Reply]:
        """The notice for an owner away, with how to pick another: `back` at the due question while it is asked,
        else this conversation's `repick`; spoken to `asker_id` when they are the owner."""
        repick = ("with `back` at the due date" if due is None
                  else self.repick.format(audit_id=held["audit_id"]) if self.repick else None)
        return away_owner.notice(services, owner_id, today, due, repick, asker_id)

    def back(self, services: Services, turn: Turn, data: Mapping[str, Any]) -> list[Reply]:
        """`back` (or Back) at the owner question: the action's text asked again, to retype it; at the due date: the
        owner asked again. What was typed for the question left is dropped, and nothing is stored."""
        if data.get("awaiting") == self.due_state:
            held = {k: v for k, v in self.held(data).items() if k != "owner"}
            store.set_conversation(services.storage, turn.user_id, waiting(self.owner_state, **held), turn.now)
            return self.owner_prompt(services, held)
        held = {k: v for k, v in self.held(data).items() if k not in ("description", "owner", "due_typed")}
        store.set_conversation(services.storage, turn.user_id, waiting(self.description_state, **held), turn.now)
        said = f"Nothing is stored yet: type the action again, in place of _{data.get('description')}_."
        return [Reply(kind="notice", text=said), *self.asks(held)]

    def on_back(self, services: Services, turn: Turn, value: str) -> list[Reply]:
        """Back, pressed at the owner or due question of the action this person is writing now."""
        audit_id, at = buttons.id_and_key(value, self.button_hint)
        data = store.conversation(services.storage, turn.user_id)
        state = {"owner": self.owner_state, "due": self.due_state}.get(at)
        if state is None or data.get("awaiting") != state or data.get("audit_id") != audit_id:
            raise StaleAction("That button is from an earlier message, so nothing changed.")
        return self.back(services, turn, data)

    def on_owner(self, services: Services, turn: Turn, value: str, answer_due: DueAnswer) -> list[Reply]:
        """An owner's button: only for the action this person is writing now (then as `owner`)."""
        audit_id, owner_id = buttons.id_and_key(value, self.button_hint)
        data = store.conversation(services.storage, turn.user_id)
        if data.get("awaiting") != self.owner_state or data.get("audit_id") != audit_id:
            raise StaleAction("That button is from an earlier message, so nothing changed.")
        return self.owner(services, turn, data, owner_id, answer_due)

    def _back_choice(self, audit_id: int, at: str) -> Choice:
        return Choice("Back", self.back_button, buttons.encode_id_and_key(audit_id, at))

    def _owner_choices(self, services: Services, audit: store.AuditRow, ids: list[str]) -> tuple[Choice, ...]:
        return tuple(person_choice(action_owners.label(services, audit, uid, auditor_is=self.auditor_is), uid,
                                   self.owner_button, buttons.encode_id_and_key(audit.id, uid),
                                   "primary" if uid == audit.worker_id else None)
                     for uid in ids)


def only_a_reply(text: str) -> bool:
    """Whether `text` is only a reply or a command's word (`yes`, `send it`, `I disagree`), never an action."""
    words = _NOT_A_WORD.sub(" ", text.lower().replace("\u2019", "").replace("'", "")).split()
    return bool(words) and any(word in REPLY_WORDS for word in words) and all(
        word in REPLY_WORDS or word in OTHER_REPLY_WORDS for word in words)


def action(services: Services, turn: Turn, data: Mapping[str, Any], text: str) -> tuple[str, str, str]:
    """The action held, (description, owner, ISO due date), with the due date typed: the last thing asked. A weekend
    or bank holiday is queried first (bot.audits.action_fields.queried_due): the action is stored with the grade, and
    a moderated audit's actions can't have their dates changed."""
    try:
        due = action_fields.queried_due(services, turn, text)
    except AnswerError as mistake:
        raise answer_error(mistake) from None
    return str(data["description"]), str(data["owner"]), due.isoformat()


def _audit(services: Services, data: Mapping[str, Any]) -> store.AuditRow:
    audit = store.get_audit(services.storage, int(data["audit_id"]))
    if audit is None:
        raise UserError("I can't find that audit.")
    return audit
