"""Guided case audits in chat: commands, buttons and typed answers wired into the engine.

The conversation (where an audit stands) lives in the database, not in memory, so a restart, a second
device or the terminal chat carry on exactly where the person stopped.

Buttons (engine action names and values; values carry ids only):
    audit.start ""|checklist id        audit.start_cancel ""       audit.resume ""|audit id
    audit.start_case "<case reference>" (Start an audit beside a reference typed alone: checklist, then the draft)
    audit.worker  "<audit>:<version>:<user id>"    audit.answer "<audit>:<version>:<key>" (yes/no/na,
    a grade key, or a choice option's index)       audit.guidance / back / skip / pause / cancel /
    cancel_confirm / cancel_keep / next / actions_done / submit "<audit>:<version>"
    audit.grade "<audit>:<version>:<grade>"
    audit.owner "<audit>:<version>:<user id>"      audit.view / compare / reflect / reopen / restore "<audit>"
    audit.moderation_accept / moderation_reply "<audit>"
    audit.moderate_open / moderate_agree / moderate_disagree "<audit>"   audit.moderate_grade "<audit>:<grade>"
    audit.remove_action "<audit>:<version>:<action id>"
    audit.switch / switch_confirm "<audit>:<version>:<checklist id>", audit.switch_keep "<audit>:<version>"
    (bot.audits.checklist_switch: another checklist for a draft)
    redact.confirm / redact.keep "<audit>:<item>" (bot.audits.redaction: not a step of an audit)
    regrade.alert_send / regrade.alert_back "<audit>:<token>" (bot.audits.regrade_check: nor is this)
    regrade.confirm_yes / regrade.confirm_no "<audit>:<token>" (bot.audits.regrade_confirm: a reason asked back)
    audit.regrade_owner "<audit>:<user id>" (bot.audits.regrade_action: a new Inadequate grade's action)
    audit.moderation_owner "<audit>:<user id>" (bot.audits.moderation_action: a moderator's Inadequate's action)
    audit.regrade_back / moderation_action_back "<audit>:owner"|"<audit>:due" (back a question of that action)
    audit.moderation_alert_send / moderation_alert_back "<audit>:<token>" (bot.audits.moderation_alert)
    audit.moderation_concern_yes / moderation_concern_no "<audit>:<token>" (bot.audits.moderation_concern)
    moderation.skip_action "<audit>" (bot.audits.moderation_skip: *Skip* at the action offered with a disagreement)
    actions.done / done_confirm / done_keep / reopen "<action id>"
Every value is read through `bot.core.buttons`. Which buttons are accepted where, and what typed text does in
each state of the conversation, is the table in `bot.audits.conversation`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from bot.asking.asked_plainly import plainly
from bot.audits import (
    action_change_asked,
    action_edit,
    action_handover,
    action_removal,
    action_status,
    answered_aside,
    away_overdue,
    away_overdue_own,
    case_ref_change,
    checklist_switch,
    compare,
    conversation,
    handover_all,
    held_dms,
    kept_question,
    leaver_draft,
    list_pages,
    moderated,
    moderation,
    moderation_alert,
    moderation_concern,
    moderation_unsaved,
    monthly_sample,
    more_time,
    more_time_answer,
    more_time_withdraw,
    not_mine,
    note_check,
    open_listed,
    readback,
    redaction,
    reflection_held,
    reflection_undo,
    reflection_wait,
    reflection_withdraw,
    regrade_check,
    regrade_concern,
    regrade_confirm,
    regrade_left,
    reopen_said,
    restore_typed,
    resume_pick,
    small_talk,
    start_hinted,
    start_in_words,
    stray_action,
    strengths_shortfall,
    undo_nothing,
)
from bot.audits import actions as actions_feature
from bot.audits import start as audits_start
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.near_miss import NUMBER, PAGE, TEAM, Shapes, names_a_command, paged
from bot.engine.routing import Engine, Turn
from bot.engine.typed_commands import typed_wrong
from bot.reminders import away_worded
from bot.settings.people import Role
from knowledge.dates import DateError, parse_day

# "start audit", and said as a wish (trial 29: "i want to do a peer audit on my colleagues case" got a knowledge-base
# entry on reporting abuse): a colleague's case is the one audited, whose worker is asked after its reference.
_OF_COLLEAGUE = (r"(?:\s+(?:on|of|for|into)\s+(?:my\s+|a\s+|one\s+of\s+my\s+)?(?:colleague|co-?worker|peer|team\s*mate)"
                 r"(?:'?s|s'|s)?\s+cases?)")
START_WORDS = re.compile(rf"^\s*(?:{reflection_wait.WANTING}(?:start|strat|begin|do|carry\s+out)(?:\s+an?|\s+a\s+new)?"
                         rf"(?:\s+peer)?\s+audit{_OF_COLLEAGUE}?|new audit|audit|(?:peer\s+)?audit{_OF_COLLEAGUE})"
                         r"\s*[.!]?\s*$",
                         re.IGNORECASE)
# a grade ending `/audit list` (`list inadequate`, `list team south ri`)
LIST_GRADE = r"(?:inadequate|ri|requires\s+improvement|good|outstanding)"
PEER_SAID = re.compile(r"\b(?:peer|colleague|co-?worker|team\s*mate)", re.IGNORECASE)
PEER_NEXT = ("A peer audit of a colleague's case: pick the checklist, then type the case reference; I ask whose case "
             "it is (the worker) next. You can't audit a case of your own.")
# "start audit closure", "start an audit of neglect": the checklist named in the same breath.
START_NAMED = re.compile(r"^\s*(?:start|strat|begin|new)(?: an?)? audit(?: (?:of|on|for|using|with))?\s+(?P<named>.+?)"
                         r"\s*$", re.IGNORECASE)
STARTING_VERB = re.compile(r"\b(?:start|begin)\b")  # "audit one of s1's cases" alone may be a note; "start" is not
RESUME_WORDS = re.compile(r"^\s*(resume|continue|carry on|my drafts)\s*$", re.IGNORECASE)
# "done 12", "done action 12", "mark action 12 done", "action 12 is done", "12 done" (action_status.NUMBER_FIRST):
# the listing names actions by number, so people type them, often with a word on how (trial 21: "done 2 - saw child
# alone on thurs" left the action open and went on the QA leads' list as a question). That note is not kept: an
# action has none (action_status.on_done_typed).
DONE_WORDS = re.compile(r"^\s*(?:(?:(?:done|completed?|mark)\s+(?:action\s+)?#?(?P<id>\d+)(?:\s+(?:as\s+)?done)?"
                        r"|action\s+#?(?P<said_id>\d+)\s+(?:is\s+|now\s+)?(?:done|completed?|finished)"
                        rf"|{action_status.NUMBER_FIRST})"
                        r"(?:\s*[-\u2013\u2014:,;.]\s*(?P<note>(?![\d#]|and\b)\S.*?))?"
                        rf"|{action_status.LOOSE_DONE})\s*[.!]?\s*$", re.IGNORECASE | re.DOTALL)
# The shortcuts' words that take an action's number: `done 12`, `action 12 due …`, `reopen action 12`. Like a
# command's word, such a word, a space and a number is never a case reference ("MARK-1234567890").
ACTION_WORDS = ("done", "complete", "completed", "mark", "action", "reopen", "re-open")
# "add reflections to audit 1", "add my reflection to #1": the worker's words for `/audit reflect 1` (trial 24: "reflect
# on audit 1" opened a knowledge-base entry), "i want to add my reflections to audit 1" (trial 25: an article). The
# reflections may follow, after a colon or a dash.
REFLECT_WORDS = re.compile(rf"^\s*{reflection_wait.WANTING}(?:add|write|give|leave|put)\s+(?:my\s+|some\s+)?"
                           r"reflections?\s+(?:to|on|for|in)\s+"
                           r"(?:(?:the|my|that)\s+)?(?:audit\s+)?#?(?P<reflect_id>\d{1,9})\b"
                           r"(?:\s*[-\u2013\u2014:,;.]?\s*(?P<reflection>\S.*?))?\s*$", re.IGNORECASE | re.DOTALL)
SHORTCUTS = re.compile(f"{START_WORDS.pattern}|{START_NAMED.pattern}|{RESUME_WORDS.pattern}|{DONE_WORDS.pattern}|"
                       f"{action_status.REOPEN_WORDS.pattern}|{REFLECT_WORDS.pattern}", re.IGNORECASE)
# A bare answer when no audit question is waiting (after a list, say): it answers nothing, and it is not a question.
STRAY_ANSWER = re.compile(r"^\s*(yes|no|y|n|yeah|yep|nope|not sure|n/?a|#?\d{1,3})\s*[.!]?\s*$", re.IGNORECASE)
# An answer with its note, typed when no question waits (trial 18: "yes - school invited this time" went on the QA
# leads' list as a question, "good - clear analysis" got an article): said to be an answer, only its word said back
STRAY_NOTED = re.compile(r"^\s*(yes|no|yeah|yep|nope|good|outstanding|inadequate|ri|requires improvement(?: to be "
                         r"good)?)\s*(?:[-–—:,;])(?!\s*(?:thanks|thank you|cheers|ta)\b)\s*[^?]*[^?\s]\s*$",
                         re.IGNORECASE)
# An action's owner typed alone when no question waits (trial 20: "the manager", typed for an action the moderation
# never asked for, went on the QA leads' list as a question)
STRAY_OWNER = re.compile(r"^\s*(?:the\s+(?:team\s+)?manager|the\s+(?:social\s+)?worker|me|myself)\s*[.!]?\s*$",
                         re.IGNORECASE)
# Words that only mean something inside an audit or a list, typed when nothing is waiting: said what they do here,
# never taken as a question for the knowledge base (and the QA leads' unanswered list).
# The worker's words for their actions (trial 31: "what actions have i got" got "Did you mean…" where `my actions`
# listed them): `do i have any actions`, `whats on my list`, `show me my actions`.
_SOME_ACTIONS = r"(?:(?:my|any)\s+)?(?:open\s+|audit\s+|outstanding\s+)?actions"
LIST_ACTIONS = re.compile(
    rf"^\s*(?:done|actions|(?:(?:show|list|see|view|get)\s+(?:me\s+)?(?:all\s+)?)?my\s+{_SOME_ACTIONS}"
    rf"|what\s+are\s+my\s+{_SOME_ACTIONS}|what\s+{_SOME_ACTIONS}\s+(?:have\s+i\s+got|do\s+i\s+have|have\s+i)"
    rf"|(?:do|have)\s+i\s+(?:have\s+|got\s+)?(?:any|some)\s+{_SOME_ACTIONS}(?:\s+(?:to\s+do|outstanding|due|open))?"
    rf"|any\s+{_SOME_ACTIONS}\s+for\s+me|what(?:'|\u2019)?s\s+on\s+my\s+(?:list|to\s*-?\s*do\s+list|plate))"
    rf"(?:\s+(?:at\s+the\s+moment|now|right\s+now|today|then|atm))?\s*[.!?]*\s*$", re.IGNORECASE)
# The worker's words for `list mine` (trial 29: "my audits" and "audits of my cases" got knowledge-base options).
LIST_MINE = re.compile(r"^\s*(?:(?:show|list|see|view|open|get)\s+(?:me\s+)?|what\s+are\s+|where\s+are\s+)?"
                       r"(?:(?:all\s+)?my\s+(?:case\s+)?audits|(?:the\s+)?audits\s+(?:of|on|for)\s+my\s+cases?"
                       r"|my\s+cases'?\s+audits)\s*[.!?]?\s*$", re.IGNORECASE)
WORDISH_DATE = re.compile(r"\d|\b(?:mon|tue|wed|thu|fri|sat|sun|today|tomorrow|yesterday|week|month|end)",
                          re.IGNORECASE)  # a date has a number or a day's word: parse_day is asked only then
NOTHING_OPEN = re.compile(r"^\s*(cancel|stop|back|skip|pause|cancel audit)\s*[.!]?\s*$", re.IGNORECASE)
NOTHING_TO = {"back": "go back to", "skip": "skip", "pause": "pause", "stop": "stop"}
SWITCH_WHERE = ("You are not in an audit just now. To change a draft's checklist, carry on with it (`resume`), then "
                "type `change checklist` at any of its questions; a submitted audit keeps its checklist.")
MODERATORS = moderation.MODERATORS
# `help moderate`: how a decision is revised (trial 62 F1: it named only the queue, and no help named a way back)
MODERATE_DETAILS = ("Once you have decided one, `/audit change moderation 12` (or `change moderation 12`) opens your "
                    "decision again to revise it, say after the auditor's response. QA leads and admins: "
                    "`/audit moderate sample [month]` (or `moderation sample`) draws the month's moderation sample, "
                    "every Inadequate audit and a set share of the rest of each team's month (at least one a team), "
                    "once a month; the sampled audits come next in `/audit moderate`.")
REDACT_SUMMARY = ("remove a stored text that could identify someone (QA leads and admins; the auditor their own, "
                  "before moderation)")
OVERSEERS = (Role.MANAGER, Role.QA_LEAD, Role.ADMIN)  # whose help lists `redact` (a practitioner's only as an auditor)
NUMBER_THEN_TEXT = rf"{NUMBER}(?:\s+\S.*)?"
EDIT_USAGE = ("/audit edit <number> [grade|reason|strengths|development <text>|action <action> due <date>|"
              "action <action> owner <name>|note <question> <text>|remove action <action>|case <reference>]")
# `restore`, `restore 12`, and said as a sentence: "restore a cancelled audit", "restore my deleted audit 12?".
# `reflect 1`, and said as a sentence: "reflect on audit 1", "reflect on #1", "reflect on my audit 1 I agree…".
REFLECT_TYPED = (rf"(?:(?:on|to|for)\s+(?:(?:the|my|that)\s+)?(?:audit\s+|(?=#)|(?={NUMBER}\s*$)))?"
                 rf"(?P<args>{NUMBER_THEN_TEXT})")
RESTORE_TYPED = rf"(?:(?:(?:an?|my|the|that)\s+)?(?:(?:cancelled|canceled|deleted)\s+)?audits?\s*)?(?P<args>{NUMBER})?"


def _says_time_away(services: Services, turn: Turn, text: str) -> str | None:
    """The `/audit away` words of a first-person statement of one's own time away to come, with its days (`im on leave
    over xmas from 21st dec back on 4th jan, tm south covering`: bot.reminders.away_worded.own_leave_ahead), else
    None. At a step that takes a choice it is booked as outside an audit, the draft kept and its step shown again,
    never refused as the answer (trial 60, F11: "Please pick one of the options", nothing booked). At a step that
    wants words (a note, the strengths, an action) the line is the answer, and booking is only offered
    (`_leave_offered`): "mum said she is away over christmas" or "I was off sick last week" at a note is a note
    (fix74a A3)."""
    return away_worded.own_leave_ahead(text, turn.now.astimezone(services.settings.timezone).date())


def _wants_words(services: Services, turn: Turn) -> str | None:
    """What free text the person's draft waits for ("evidence note"), or None (no draft, or a step of choices)."""
    waiting = conversation.current(services, turn)
    return conversation.free_text_wanted(services, waiting) if waiting is not None else None


def _leave_offered(words: str, wanted: str) -> Reply:
    """Said under a line kept as the step's words that also reads as one's own time away to come (fix74a A3)."""
    return Reply(kind="notice", text=f"I kept that as your {wanted} and booked no time away. Did you mean to book "
                                     f"leave? Type `away {words}`.")


def typed_text(services: Services, turn: Turn, text: str, engine: Engine) -> list[Reply] | None:
    """Typed text goes to the audit conversation (bot.audits.conversation.STATES) unless it is a shortcut, or a
    whole command (the engine's typed shapes) where the state runs one aside; a command typed wrong where the state
    checks for one is put right (bot.engine.typed_commands.typed_wrong). A line that starts an audit, in any of the
    start's wordings, is that start at every step, never an answer or a note (trial 59, F1: `start a voice of the
    child audit on cr 556622 for N2` was kept as a note at a yes/no question, another case's reference with it)."""
    leave = _says_time_away(services, turn, text)
    wanted = _wants_words(services, turn) if leave else None
    if starts_an_audit(text) or (leave and wanted is None):
        return None
    shapes = engine.typed_shapes
    if away_worded.note_after_days(text) and _wants_words(services, turn) is not None:
        shapes = {name: shape for name, shape in shapes.items() if name != "away"}  # the words, not the command
    replies = conversation.typed_text(services, turn, text, SHORTCUTS, shapes,
                                      lambda line, words: typed_wrong(engine, turn, line, words))
    return [*replies, _leave_offered(leave, wanted)] if replies and leave and wanted else replies


def starts_an_audit(text: str) -> bool:
    """Whether the line is the start of another audit in a sentence (`start a neglect audit on cr 771234 for N1`,
    `start audit neglect on cr …`, `start an audit of s1's cin cases`), read by bot.audits.start_in_words or
    bot.audits.start_hinted after the conversation has let it go; `start audit` itself is START_WORDS's."""
    if start_in_words.read(text) is not None:
        return True
    line = plainly(text)
    return STARTING_VERB.search(line) is not None and start_hinted.SAID.match(line) is not None


def _a_date_alone(services: Services, turn: Turn, text: str) -> bool:
    """Whether the whole line is a date ("next fri", "31/12", "in 5 working days"): an answer to a question about
    when, never a question for the knowledge base."""
    if len(text.split()) > 5 or not WORDISH_DATE.search(text):
        return False
    try:
        parse_day(text, turn.now.astimezone(services.settings.timezone).date(), "any")
    except DateError:
        return False
    return True


def _nothing_open(text: str) -> list[Reply] | None:
    """`cancel`, `back`… typed outside an audit: there is nothing to do so, said with where the drafts are."""
    if (word := NOTHING_OPEN.match(text)) is None:
        return None
    verb = NOTHING_TO.get(word.group(1).lower(), "cancel")
    return [Reply(kind="notice", text=f"You are not in an audit, so there is nothing to {verb}. "
                                      "`/audit resume` lists your drafts; `help` shows what you can do.")]


def shortcuts(services: Services, turn: Turn, text: str, commands: Shapes) -> list[Reply] | None:
    """Typed words that start or find something (`start audit`, `done 12`, `reopen action 12`, `action 12 due 11/12`,
    `resume`), and words that mean nothing outside an audit, said so; None for other text (a question, for the
    knowledge base). A case reference typed alone is offered an audit, unless it starts with a command's word
    (`commands`: `show 1234`)."""
    if START_WORDS.match(text):
        started = audits_start.start(services, turn, "")
        return [Reply(kind="notice", text=PEER_NEXT), *started] if PEER_SAID.search(text) else started
    if (named := START_NAMED.match(text)) is not None:
        return audits_start.start(services, turn, named.group("named"))
    if (done := DONE_WORDS.match(text)) is not None:
        return action_status.on_done_typed(services, turn, *action_status.done_said(done))
    if (removal := action_removal.REMOVE_WORDS.match(text)) is not None:  # trial 21: it went to the knowledge base
        return action_removal.remove_typed_anywhere(services, turn, action_status.typed_id(removal.group("id")))
    if (reopened := action_status.typed(services, turn, text)) is not None:
        return reopened
    if (withdrawn := more_time_withdraw.refused_typed(services, text)) is not None:  # on a withdrawn request
        return withdrawn
    if (answered := more_time_answer.typed(services, turn, text)) is not None:  # `no more time on action 110`
        return answered
    if (handed := action_handover.owner_typed(services, turn, text)) is not None:  # moderated: trial 50
        return handed
    if (taken := more_time_withdraw.typed(services, turn, text)) is not None:  # `withdraw 34` (trial 34)
        return taken
    if (asked := more_time.typed(services, turn, text)) is not None:  # "more time on action 110" (trial 29)
        return asked
    if (passed := not_mine.typed(services, turn, text)) is not None:  # "action 130 isnt mine" (trial 34)
        return passed
    if (change := action_change_asked.typed(services, turn, text)) is not None:  # "can it be removed" (trial 41)
        return change
    if (changed := action_edit.typed_anywhere(services, turn, text)) is not None:
        return changed
    if RESUME_WORDS.match(text):
        return audits_start.resume(services, turn, "")
    if (reflect := REFLECT_WORDS.match(text)) is not None:  # "add reflections to audit 1" (trial 24)
        said = " ".join(filter(None, reflect.group("reflect_id", "reflection")))
        return readback.reflect_command(services, turn, said)
    if (numbered := actions_feature.bare_number(services, turn, text)) is not None:  # `3` after the actions list
        return numbered
    if (picked := resume_pick.typed_pick(services, turn, text, partial(audits_start.resume, services))):
        return picked  # `2` typed in Slack at `resume`'s list, as the terminal reads it (note 39)
    if STRAY_ANSWER.match(text):
        return audits_start.stray_answer(services, turn, text.strip())
    if (noted := STRAY_NOTED.match(text)) is not None:
        return audits_start.stray_answer(services, turn, noted.group(1))
    if services.directory.named(text) is not None:  # a colleague's name, as for "who is the worker?" (trial 18:
        return audits_start.stray_answer(services, turn, " ".join(text.split()))  # "Social worker N1" got N1's entry
    if STRAY_OWNER.match(text) or _a_date_alone(services, turn, text):  # "next fri", "31/12" (trial 20)
        return audits_start.stray_answer(services, turn, " ".join(text.split()))
    if LIST_ACTIONS.match(text):
        return actions_feature.list_command(services, turn, "")
    if LIST_MINE.match(text):
        return readback.list_command(services, turn, "mine")
    if checklist_switch.SAID.match(text):  # `wrong checklist` with no draft on screen
        return [Reply(kind="notice", text=SWITCH_WHERE)]
    if (stray := _nothing_open(text) or stray_action.typed(text)) is not None:  # an action, none added (trial 53)
        return stray
    if names_a_command(text, [*commands, *ACTION_WORDS]):
        return None  # `show 1234` is the command, not the case SHOW-1234 (bot.engine.near_miss.names_a_command)
    return audits_start.bare_reference(services, turn, text)


def _install_asides(engine: Engine, services: Services) -> None:
    """Yes-or-No questions a command asks beside the conversation, pressed or typed (bot.engine.confirmations): a
    removal's Yes or No, and the check before `/audit edit 12 grade inadequate <why>` alerts (Send the alert / No,
    go back and change it). Asked mid-draft, the draft's step follows the answer."""

    def aside(handler: Callable[[Services, Turn, str], list[Reply]]) -> Callable[[Turn, str], list[Reply]]:
        return answered_aside.after_press(services, lambda turn, value: moderated.worded(
            services, lambda: handler(services, turn, value)))

    action_change_asked.install(engine, services)  # "Send them your request?" about an action (trial 41)
    action_handover.install(engine, services)  # "hand action 2 over to N2", read back first (trial 50)
    handover_all.install(engine, services)  # "hand over C1's actions to N1", all at once (trial 62, F8)
    away_overdue.install(engine, services)  # "S1 is on leave and action 89 is overdue" (trial 63)
    away_overdue_own.install(engine, services)  # "im on leave next week and my action is overdue" (fix80a)
    confirmations.add_answers(engine, services, (reopen_said.KEEP, aside(reopen_said.on_keep)))  # trial 43
    confirmations.add_answers(engine, services, (redaction.CONFIRM, aside(redaction.on_confirm)),
                              (redaction.KEEP, aside(redaction.on_keep)))
    confirmations.add_answers(engine, services, (regrade_check.SEND, aside(regrade_check.on_send)),
                              (regrade_check.BACK, aside(regrade_check.on_back)))
    confirmations.add_answers(engine, services, (regrade_concern.YES, aside(regrade_concern.on_yes)),
                              (regrade_concern.NO, aside(regrade_concern.on_no)))
    confirmations.add_answers(engine, services, (regrade_confirm.YES, aside(regrade_confirm.on_yes)),
                              (regrade_confirm.NO, aside(regrade_confirm.on_no)))


def _install_watches(engine: Engine, services: Services) -> None:
    """The lines added around another feature's answer: a reflection still waiting, a grade change left unmade,
    and the audit's step shown again after a message answered aside."""
    engine.add_message_watch(lambda turn, _text: reflection_wait.watch(services, turn))  # "reflections still wait"
    reflection_held.install(engine, services)  # *Save my reflection*, typed before a question (trial 37)
    engine.add_turn_watch(lambda turn, typed: regrade_left.watch(services, turn, typed))  # "grade change not made"
    moderation_unsaved.install(engine, services)  # "Your moderation of #3 is not saved yet" (trial 52)
    engine.add_message_watch(  # "Back to audit #1, question 3:"
        lambda turn, text: answered_aside.watch(services, turn, text, engine.typed_shapes))
    engine.add_press_watch(lambda turn, action: answered_aside.press_watch(services, turn, action))


def _install_shortcuts(engine: Engine, services: Services) -> None:
    """The words typed outside `/audit` that start or find something (`shortcuts`). Those that take a number, and the
    moderator's decision, are read without polite words after them (`done 12 thanks`, `agree, thanks`); and, just
    before the knowledge base, what is left over at the checklists (`not_a_checklist`)."""
    engine.add_typed_shortcut(DONE_WORDS, action_status.REOPEN_WORDS, action_status.REOPEN_BARE, action_edit.ALONE,
                              action_removal.REMOVE_WORDS, conversation.CHANGE_WORDS, moderation.DECISION_WORDS)
    engine.add_also_asked_shortcut(DONE_WORDS, action_status.REOPEN_WORDS, action_status.REOPEN_BARE)
    engine.add_message_handler(lambda turn, text: moderated.worded(
        services, lambda: shortcuts(services, turn, text, engine.typed_shapes)), priority=30)
    # Text at the checklists that no command, shortcut or other feature took: said not to be a checklist, never asked
    # of the knowledge base (and noted for the QA leads); a question or small talk still goes there.
    engine.add_message_handler(lambda turn, text: None if small_talk.small_talk(services, text)
                               else audits_start.not_a_checklist(services, turn, text), priority=89)



def _install_conversation(engine: Engine, services: Services) -> None:
    """The audit conversation's typed text, and just before it `ask` for a line kept at a yes/no question that may be
    a question (trial 60, F28: bot.audits.kept_question), which `ask` would otherwise answer as a yes or no."""
    engine.add_message_handler(lambda turn, text: kept_question.typed_ask(
        services, turn, text, lambda line: engine.claim(turn, line)), priority=19)
    engine.add_message_handler(lambda turn, text: moderated.worded(
        services, lambda: typed_text(services, turn, text, engine)), priority=20)


def _install_typed_after_conversation(engine: Engine, services: Services) -> None:
    """Lines read after the conversation's (a reason being typed wins) and before the knowledge base's, which would
    otherwise take "disagree", "more" or "open 45" for questions."""
    engine.add_message_handler(lambda turn, text: moderation.typed_decision(services, turn, text), priority=25)
    engine.add_message_handler(lambda turn, text: moderation.typed_in_one_line(services, turn, text), priority=26)
    engine.add_message_handler(lambda turn, text: list_pages.typed_more(services, turn, text, engine),
                               priority=27)  # "more"
    engine.add_message_handler(lambda turn, text: open_listed.typed_open(services, turn, text), priority=27)
    reflection_withdraw.install(engine, services)  # `withdraw my reflection on 149`, any time (trial 43)
    undo_nothing.install(engine, services)  # `undo` with nothing on offer: said so, never asked (trial 43)
    held_dms.install(engine, services)  # a DM to a worker out of their hours waits for them (fix44d)
    _install_cancel(engine, services)
    restore_typed.install(engine, services)  # `restore 139` of a cancelled audit, before a QA lead's wording's (fix70b)


def _install_cancel(engine: Engine, services: Services) -> None:
    """`cancel 139`: your own draft, or (admins, QA leads) one whose auditor has left teams.yaml (trial 59, F9)."""

    def bind(handler: Callable[[Services, Turn, str], list[Reply]]) -> Callable[[Turn, str], list[Reply]]:
        return lambda turn, value: moderated.worded(services, lambda: handler(services, turn, value))

    engine.add_command("cancel", bind(partial(leaver_draft.cancel_command, own=audits_start.cancel)),
                       "cancel a draft: yours, or (admins, QA leads) one whose auditor has left teams.yaml",
                       usage="/audit cancel <audit number>", typed=NUMBER)
    confirmations.add_answers(engine, services, (leaver_draft.CONFIRM, bind(leaver_draft.confirmed)),
                              (leaver_draft.KEEP, bind(leaver_draft.kept)))  # typed `yes` / `no` too (fix70b B)


def install(engine: Engine, services: Services) -> None:
    """Register `/audit start|resume|show|compare|list|reflect|respond|moderate|actions|edit|redact`, the audit
    buttons, the typed-answer handler and the Home's recent audits."""

    def bind(handler: Callable[[Services, Turn, str], list[Reply]]) -> Callable[[Turn, str], list[Reply]]:
        return lambda turn, value: moderated.worded(services, lambda: handler(services, turn, value))

    engine.add_command("start", bind(audits_start.start), "start a case audit",
                       usage="/audit start [checklist]", typed="")
    engine.add_command("resume", bind(audits_start.resume_command), "carry on with an audit you started",
                       usage="/audit resume [audit number]", typed=rf"(?:{NUMBER})?")
    engine.add_command("restore", bind(audits_start.restore_command), "restore an audit you cancelled (for "
                       f"{audits_start.RESTORE_DAYS} days)", usage="/audit restore [audit number]",
                       typed=RESTORE_TYPED)
    engine.add_command("actions", bind(actions_feature.list_command), "open actions from audits: yours, or your "
                       "teams' for managers (`done 12` marks one done, `reopen action 12` opens it again)",
                       usage="/audit actions [team [team id]] [overdue] [page N]",  # `actions north` too (trial 49)
                       typed=paged(rf"teams?(?:\s+{TEAM})?(?:\s+overdue)?|overdue|{TEAM}(?:\s+overdue)?"))
    engine.add_command("edit", bind(case_ref_change.edit_command), "change a submitted audit before moderation",
                       usage=EDIT_USAGE, typed=NUMBER_THEN_TEXT)
    engine.add_command("redact", bind(redaction.redact_command), REDACT_SUMMARY,
                       usage="/audit redact <number> [<item> [reason]]", typed=rf"(?:{NUMBER_THEN_TEXT})?",
                       help_roles=OVERSEERS)
    _install_asides(engine, services)
    engine.add_command("show", bind(readback.show_command), "read a submitted audit: answers, grades, actions, "
                       "moderation and reflections", usage="/audit show <number>", typed=NUMBER)
    compare.install(engine, services)  # `/audit compare`, and `compare 12` typed
    engine.add_command("list", bind(readback.list_command), "submitted audits you can read, newest first",
                       usage="/audit list [mine|team [team id]|case <case reference>] [grade] [page N]",
                       typed=paged(rf"(?:mine|team(?:\s+{TEAM})?|case\s+\S+(?:\s+\d+)?)(?:\s+{LIST_GRADE})?|"
                                   rf"{LIST_GRADE}"))
    engine.add_command("reflect", bind(readback.reflect_command), "add your reflections to the audit of your case",
                       usage="/audit reflect <number> [your reflections]", typed=REFLECT_TYPED,
                       suggested=NUMBER)  # a near miss is offered without the words it would send (trial 34)
    engine.add_action(reflection_undo.WITHDRAW, bind(reflection_undo.on_withdraw))  # `undo` after `reflect` (trial 41)
    engine.add_command("respond", bind(readback.respond_command), "accept or answer (once) the moderation of "
                       "your audit", usage="/audit respond [<number> accept|<your reply>]",
                       typed=rf"(?:{NUMBER_THEN_TEXT})?", suggested=rf"{NUMBER}(?:\s+accept)?")
    engine.add_command("moderate", bind(moderation.list_command), "moderate submitted audits", roles=MODERATORS,
                       usage="/audit moderate [audit number | page N]",
                       typed=rf"(?:{NUMBER}|{PAGE}|sample(?:\s+{monthly_sample.MONTH_TYPED})?)?",  # `moderate sample`
                       who_can="QA leads, team managers and admins", details=MODERATE_DETAILS)
    engine.add_session_start(lambda turn: conversation.where_you_are(services, turn))
    def pressed(name: str) -> Callable[[Turn, str], list[Reply]]:
        return lambda turn, value: moderated.worded(services, lambda: conversation.press(services, turn, name, value))

    answers = {*action_status.ANSWERS, reopen_said.YES, *action_removal.REMOVE_ANSWERS, moderation_alert.SEND,
               moderation_alert.BACK,
               moderation_concern.YES, moderation_concern.NO,
               checklist_switch.CONFIRM, checklist_switch.KEEP, *note_check.ACTIONS, *strengths_shortfall.ACTIONS}
    for name in conversation.ACTIONS:
        # Yes / No to "Mark action #7 done for …?" (or a moderator's Send the alert) also answer that question, so a
        # typed `yes` after is not run
        engine.add_action(name, confirmations.answering(services, name, pressed(name))
                          if name in answers else pressed(name))
    _install_conversation(engine, services)
    _install_watches(engine, services)
    _install_typed_after_conversation(engine, services)
    engine.add_home_section("readable_audits", lambda person: readback.home_section(services, person), priority=25)
    _install_shortcuts(engine, services)
