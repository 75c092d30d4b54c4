"""An audit asked for in one sentence, with its checklist, its case and its worker: `start a neglect audit on cr 771234
for S1` (trial 41: "Did you mean…" knowledge-base options). Each part said is taken as its own step takes it, in the
steps' order, so every step's checks apply (the reference screened, one's own case refused, the worker looked up);
a part not said, or not read, is asked as the step asks it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.asking.asked_plainly import plainly
from bot.audits import start as audits_start
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.errors import UserError
from bot.storage import audits as store

PRIORITY = 27  # before the shortcuts (30), which would read "start audit on cr 771234" as a checklist's name

# "start a neglect audit on cr 771234 for s1", "can you start an audit of case CR-771234 for sw s1", "do a cp plan
# audit for cr771234": the checklist's words before "audit", the reference after it, the worker after "for" or "with".
# The checklist's words may come after "audit" too (trial 59, F10: `start audit neglect on cr 556699 for N1` lost its
# case and worker): "start audit neglect on cr …", "start an audit of neglect on cr …" read as "start a neglect audit
# on cr …". Without a reference, `start a neglect audit` is the checklist picked, the reference asked next.
SAID = re.compile(r"^(?:(?:can|could|will)\s+(?:you|u|i)\s+|i\s+(?:want|need|would\s+like|d\s+like)\s+to\s+|please\s+)?"
                  r"(?:(?P<verb>start|begin)|do|open|set\s+up)\s+(?:an?\s+|the\s+|my\s+)?(?:new\s+)?"
                  r"(?:(?P<checklist>[a-z][a-z ]{1,58}?)\s+)?audit"
                  r"(?:\s+(?:(?:of|using|with|against)\s+)?(?P<after>[a-z][a-z ]{1,58}?)(?=\s+(?:on|of|for|into)\s))?"
                  r"(?:\s+(?:on|of|for|into)\s+(?:the\s+)?(?:case\s+)?"
                  r"(?P<ref>[a-z]{2,4}\s*-?\s*\d{4,10})(?:\s+(?:for|with|worker|sw|whose\s+worker\s+is)\s+"
                  r"(?P<who>[a-z0-9][a-z0-9 ]{0,40}?))?)?$")
# "start the re-audit of CR-100090" is bot.audits.reaudit_start's: a re-audit takes its checklist from the last audit
RE_AUDIT = re.compile(r"\bre\s*-?\s*audit")
WORKER_STEP = "worker"  # the draft's step that asks whose case it is (bot.audits.flow)


def routed(engine: Engine, services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """The audit started with what the line says of it; None for any other line."""
    said = read(text)
    if said is None:
        return None
    checklist = said.group("checklist") or said.group("after")
    if said.group("ref") is None:
        return audits_start.start(services, turn, checklist)  # `start a neglect audit`
    kept = audits_start.draft_kept(services, turn)  # said before the draft's place is given up (trial 59, F5)
    replies = audits_start.start_case(services, turn, said.group("ref"))  # the checklist is asked for this case
    if checklist:
        replies = [*kept, *audits_start.start(services, turn, checklist)]  # read as the picker reads a name
    who = said.group("who")
    if who and _waits_for_worker(services, turn):
        try:
            answered = engine.claim(turn, who)
        except UserError as refused:  # a name the step does not know: its own words, and its buttons kept
            return [*replies, Reply(kind="error", text=str(refused))]
        # the worker's buttons are answered already: only the question after them is offered
        replies = [*(replace(reply, choices=()) for reply in replies), *answered]
    return replies


def read(text: str) -> re.Match[str] | None:
    """The line read as a start of an audit in one sentence (its checklist, case and worker as groups), or None: a
    re-audit, or `start a … audit` with neither a checklist (after the verb `start` or `begin`) nor a reference, is
    another route's (bot.audits.feature's START_WORDS reads `start an audit`)."""
    line = plainly(text)
    said = SAID.match(line)
    if said is None or RE_AUDIT.search(line):
        return None
    if said.group("ref") is None and not (said.group("verb") and (said.group("checklist") or said.group("after"))):
        return None
    return said


def _waits_for_worker(services: Services, turn: Turn) -> bool:
    """Whether the person's draft, just created, now asks whose case it is: only then is the name typed its answer."""
    state = store.conversation(services.storage, turn.user_id)
    if state.get("feature") != "audit" or state.get("audit_id") is None:
        return False
    audit = store.get_audit(services.storage, int(state["audit_id"]))
    return audit is not None and audit.step == WORKER_STEP and audit.auditor_id == turn.user_id


def install(engine: Engine, services: Services) -> None:
    """Register an audit asked for in one sentence, before the shortcuts and the knowledge base."""
    engine.add_message_handler(lambda turn, text: routed(engine, services, turn, text), priority=PRIORITY)
