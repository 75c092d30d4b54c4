"""A simulated auditor for `make soak`: completes audits through signed requests, reading its DM as a person would.

Each auditor sends `/audit start <checklist>`, reads the newest message the bot posted to its DM in the Slack
stand-in (buttons with action ids and values; a context block starting with ✏️ asks for typed text), and presses
buttons or types answers chosen at random but plausibly. When a request fails or nothing arrives, it waits and
then carries on from `/audit resume`, as a person would after the bot went quiet. `SoakTally` counts what
happened and, at the end, compares the answers the bot confirmed with what the database holds.
"""

from __future__ import annotations

import random
import re
import statistics
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from knowledge.checklist_schema import Checklist
from tests.audit_driver import TYPED_ANSWERS, typed_dates
from tests.support.signed_requests import SignedSlackClient, SlackResponse
from tests.support.slack_standin import Call, SlackStandIn, dm_channel_for

ACK_LIMIT = 3.0          # Slack shows the person an error when the app has not answered in 3 s
PATIENCE = 6.0           # how long a person waits for the bot before typing `/audit resume`
POLL = 0.03
STEP_VALUE = re.compile(r"^(\d+):(\d+)(?::.*)?$")
# Buttons that belong to one step of one audit; their value starts "<audit id>:<step version>".
STEP_ACTIONS = frozenset({"audit.worker", "audit.answer", "audit.guidance", "audit.back", "audit.skip",
                          "audit.pause", "audit.cancel", "audit.next", "audit.grade", "audit.owner",
                          "audit.actions_done", "audit.submit"})
ACTIONS_TYPED = ("Update the chronology and share the plan with the school.",
                 "Book a review of the plan with the family and partners.",
                 "Record the child's views in their own words after the next visit.")


# -- what a person sees --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Button:
    label: str
    action: str
    value: str
    action_id: str


@dataclass(frozen=True)
class Message:
    """One post to a person's DM, read the way they would: text, buttons and the ✏️ prompt."""

    text: str
    buttons: tuple[Button, ...]
    prompt: str | None
    is_error: bool

    @property
    def step(self) -> tuple[int, int] | None:
        """(audit id, step version) when this message shows a step of an audit."""
        for button in self.buttons:
            match = STEP_VALUE.match(button.value)
            if button.action in STEP_ACTIONS and match:
                return int(match.group(1)), int(match.group(2))
        return None

    def of(self, action: str) -> list[Button]:
        return [b for b in self.buttons if b.action == action]


def read_message(call: Call) -> Message:
    """The message as the person sees it, from the blocks the bot posted."""
    buttons: list[Button] = []
    prompt = None
    is_error = False
    for block in call.params.get("blocks") or []:
        kind = block.get("type")
        if kind == "actions":
            for element in block.get("elements", []):
                action_id = str(element.get("action_id", ""))
                buttons.append(Button(str(element.get("text", {}).get("text", "")), action_id.split("|", 1)[0],
                                      str(element.get("value", "")), action_id))
        elif kind == "context":
            first = str((block.get("elements") or [{}])[0].get("text", ""))
            if first.startswith("✏️ "):
                prompt = first[len("✏️ "):]
        elif kind == "section" and str((block.get("text") or {}).get("text", "")).startswith(":warning:"):
            is_error = True
    return Message(call.text, tuple(buttons), prompt, is_error)


class Mailroom:
    """Sorts the stand-in's successful chat.postMessage calls into per-person inboxes, once, for every reader.

    Fifty people each scanning every call the stand-in ever saw would spend the soak's CPU on reading.
    """

    def __init__(self, standin: SlackStandIn) -> None:
        self.standin = standin
        self._lock = threading.Lock()
        self._cursor = 0
        self._inboxes: dict[str, list[Message]] = {}
        self.posts_per_step: Counter[tuple[str, int, int]] = Counter()

    def _sort(self) -> None:
        calls = self.standin.calls
        end = len(calls)
        for call in calls[self._cursor:end]:
            if call.method != "chat.postMessage" or call.status != 200:
                continue
            channel = str(call.params.get("channel") or "")
            message = read_message(call)
            self._inboxes.setdefault(channel, []).append(message)
            step = message.step
            if step is not None and not message.is_error:
                self.posts_per_step[(channel, *step)] += 1
        self._cursor = end

    def inbox(self, user: str) -> list[Message]:
        """Everything posted to this person's DM so far, oldest first."""
        with self._lock:
            self._sort()
            return list(self._inboxes.get(dm_channel_for(user), []))

    def count(self, user: str) -> int:
        with self._lock:
            self._sort()
            return len(self._inboxes.get(dm_channel_for(user), []))

    def since(self, user: str, start: int) -> list[Message]:
        with self._lock:
            self._sort()
            return self._inboxes.get(dm_channel_for(user), [])[start:]

    def step_posted_twice(self) -> int:
        """Steps whose question message reached the person more than once (one version, one message)."""
        with self._lock:
            self._sort()
            return sum(1 for n in self.posts_per_step.values() if n > 1)


# -- the tally ------------------------------------------------------------------------------------------


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0


@dataclass
class SoakTally:
    """What the simulated people did and saw, and what the database holds at the end."""

    sent: int = 0
    acked: int = 0            # HTTP 200 within ACK_LIMIT
    acked_late: int = 0       # HTTP 200, but later than Slack waits
    failed: int = 0           # connection refused, timeout or a non-200 status
    event_retries: int = 0    # Events API deliveries repeated with the same event_id, as Slack does
    completed: int = 0
    started: int = 0
    resumes: int = 0
    error_replies: int = 0
    restarts: int = 0
    log_path: str = ""
    latencies: list[float] = field(default_factory=list)
    confirmed: set[tuple[str, int, str]] = field(default_factory=set)
    answered_times: Counter[tuple[str, int, str]] = field(default_factory=Counter)
    lost: int = 0
    duplicate_answers: int = 0
    submitted_twice: int = 0
    posted_twice: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def duplicates(self) -> int:
        return self.duplicate_answers + self.submitted_twice + self.posted_twice

    def request(self, response: SlackResponse | None, elapsed: float) -> None:
        with self._lock:
            self.sent += 1
            if response is None or response.status != 200:
                self.failed += 1
                return
            self.latencies.append(elapsed)
            if elapsed <= ACK_LIMIT:
                self.acked += 1
            else:
                self.acked_late += 1

    def add(self, name: str, n: int = 1) -> None:
        with self._lock:
            setattr(self, name, getattr(self, name) + n)

    def answered(self, key: tuple[str, int, str]) -> None:
        with self._lock:
            self.answered_times[key] += 1

    def confirm(self, key: tuple[str, int, str]) -> None:
        with self._lock:
            self.confirmed.add(key)

    def settle(self, stored: dict[tuple[str, int, str], int], submitted: dict[int, int] | None = None,
               posted_twice: int = 0) -> None:
        """Compare with the database: `stored` counts answer rows per (auditor, audit, question); `submitted`
        counts submissions per audit (from the trail); `posted_twice` steps shown twice."""
        self.lost = sum(1 for key in self.confirmed if key not in stored)
        self.duplicate_answers = sum(1 for key, n in stored.items() if n > 1)
        self.submitted_twice = sum(1 for n in (submitted or {}).values() if n > 1)
        self.posted_twice = posted_twice

    def report(self) -> str:
        ms = 1000
        lines = [
            f"requests sent: {self.sent}",
            f"acknowledged (HTTP 200) within {ACK_LIMIT:.0f} s: {self.acked} "
            f"({self.acked / max(1, self.sent):.1%}); late: {self.acked_late}; failed: {self.failed} "
            "(connection refused, timeout or 5xx, mostly while the bot was down)",
            f"ack latency: p50 {statistics.median(self.latencies) * ms if self.latencies else 0:.1f} ms, "
            f"p99 {percentile(self.latencies, 0.99) * ms:.1f} ms, max {max(self.latencies, default=0) * ms:.1f} ms",
            f"audits started: {self.started}; completed (submitted): {self.completed}",
            f"answers the bot confirmed (next question arrived): {len(self.confirmed)}",
            f"resumes after a silence or a failure: {self.resumes}; error replies seen: {self.error_replies}; "
            f"Slack-style event redeliveries: {self.event_retries}; bot restarts: {self.restarts}",
            f"answers lost: {self.lost}",
            f"duplicates: {self.duplicates} (answers recorded twice {self.duplicate_answers}, audits submitted "
            f"twice {self.submitted_twice}, a step's message posted twice {self.posted_twice})",
        ]
        return "\n".join(lines)


# -- the person -----------------------------------------------------------------------------------------


class Catalogue:
    """Question ids by the text the person reads, per checklist, so confirmed answers can be found in the database."""

    def __init__(self, checklists: dict[str, Checklist]) -> None:
        self.checklists = checklists
        self.by_title = {c.title: c.id for c in checklists.values()}
        self._ids = {(c.id, q.text): q.id for c in checklists.values() for q in c.questions()}

    def question_id(self, checklist_id: str, message: Message) -> str | None:
        lines = message.text.split("\n")
        return self._ids.get((checklist_id, lines[1])) if len(lines) > 1 else None


@dataclass
class Pending:
    """What the person just sent: at which step, and the question it answered (if it was an answer)."""

    audit_id: int | None
    version: int
    question_id: str | None


class SimulatedAuditor:
    """One person completing audits end to end until the deadline, through correctly signed requests."""

    def __init__(self, user: str, client: SignedSlackClient, mailroom: Mailroom, tally: SoakTally,
                 catalogue: Catalogue, seed: int = 0, think: tuple[float, float] = (0.05, 0.4)) -> None:
        self.user, self.client, self.mailroom, self.tally, self.catalogue = user, client, mailroom, tally, catalogue
        self.rng = random.Random(seed)
        self.think = think
        self.audit_id: int | None = None
        self.checklist_id: str | None = None
        self.actions_wanted = 0
        self.actions_added = 0
        self.stop_at = 0.0

    # -- sending, as Slack would --------------------------------------------------------------------

    def _send(self, make: Any) -> bool:
        started = time.perf_counter()
        try:
            response = make()
        except OSError:  # connection refused while the bot is down, reset, or timed out
            response = None
        self.tally.request(response, time.perf_counter() - started)
        return response is not None and response.status == 200

    def command(self, text: str) -> bool:
        return self._send(lambda: self.client.command(self.user, text))

    def press(self, button: Button) -> bool:
        return self._send(lambda: self.client.block_action(self.user, button.action_id, button.value))

    def type(self, text: str) -> bool:
        """A DM; Slack redelivers an event the app did not acknowledge, with the same event_id."""
        event_id, ts = f"Ev{uuid.uuid4().hex[:10].upper()}", self.client.new_ts()
        if self._send(lambda: self.client.message_im(self.user, text, ts=ts, event_id=event_id)):
            return True
        for retry in (1, 2, 3):
            if time.monotonic() + retry > self.stop_at:
                return False
            time.sleep(retry)  # Slack waits 1 min and 5 min; compressed so the soak sees it
            self.tally.add("event_retries")
            if self._send(lambda r=retry: self.client.message_im(self.user, text, ts=ts, event_id=event_id,
                                                                 retry_num=r, retry_reason="http_timeout")):
                return True
        return False

    # -- reading the DM -----------------------------------------------------------------------------

    def _relevant(self, message: Message) -> bool:
        step = message.step
        if step is not None:
            return self.audit_id is None or step[0] == self.audit_id
        text = message.text
        return bool(message.is_error or (message.prompt and "case reference" in message.prompt)
                    or "submitted for moderation" in text or "Your audits in progress" in text
                    or "no audits in progress" in text or text.startswith("Paused audit"))

    def wait_for_reply(self, start: int, patience: float = PATIENCE) -> Message | None:
        """The newest message of this person's own flow after `start`, once one arrives."""
        deadline = min(time.monotonic() + patience, self.stop_at + 2)
        while time.monotonic() < deadline:
            fresh = [m for m in self.mailroom.since(self.user, start) if self._relevant(m)]
            if fresh:
                time.sleep(POLL)  # replies come in order; let the rest of this batch land
                fresh = [m for m in self.mailroom.since(self.user, start) if self._relevant(m)]
                errors = [m for m in fresh if m.is_error]
                if errors:
                    self.tally.add("error_replies", len(errors))
                return fresh[-1]
            time.sleep(POLL)
        return None

    # -- the person's loop --------------------------------------------------------------------------

    def run_until(self, stop_at: float) -> None:
        """Complete audits one after another until the deadline; never raises (a person just carries on)."""
        self.stop_at = stop_at
        shown: Message | None = None
        while time.monotonic() < stop_at:
            if shown is None:
                shown = self.begin()
                continue
            time.sleep(self.rng.uniform(*self.think))
            shown = self.step(shown)

    def begin(self) -> Message | None:
        """Start a new audit, or (when nothing is running) carry on from `/audit resume`."""
        self.audit_id, self.checklist_id = None, self.rng.choice(sorted(self.catalogue.checklists))
        self.actions_wanted, self.actions_added = self.rng.choice((0, 1, 1, 2)), 0
        start = self.mailroom.count(self.user)
        if not self.command(f"start {self.checklist_id}"):
            time.sleep(1.0)
            return None
        prompt = self.wait_for_reply(start)
        if prompt is None or not prompt.prompt or "case reference" not in prompt.prompt:
            return self.resume()
        self.tally.add("started")
        start = self.mailroom.count(self.user)
        if not self.type(f"CR-{self.rng.randrange(100000, 999999)}"):
            return self.resume()
        return self.wait_for_reply(start) or self.resume()

    def resume(self) -> Message | None:
        """After a silence: `/audit resume`, then the draft this person was on (or the newest one)."""
        self.tally.add("resumes")
        while time.monotonic() < self.stop_at:
            start = self.mailroom.count(self.user)
            if not self.command("resume"):
                time.sleep(1.0)
                continue
            listing = self.wait_for_reply(start)
            if listing is None:
                continue
            if "no audits in progress" in listing.text:
                return None
            drafts = listing.of("audit.resume")
            if not drafts:
                continue
            chosen = next((b for b in drafts if b.value == str(self.audit_id)), drafts[0])
            if chosen.value != str(self.audit_id):
                self.adopt(listing, int(chosen.value))
            start = self.mailroom.count(self.user)
            if not self.press(chosen):
                time.sleep(1.0)
                continue
            shown = self.wait_for_reply(start)
            if shown is not None and shown.step is not None:
                return shown
        return None

    def adopt(self, listing: Message, audit_id: int) -> None:
        """Carry on with another of this person's drafts: its checklist comes from the listing line."""
        self.audit_id, self.actions_added = audit_id, 0
        line = next((ln for ln in listing.text.split("\n") if ln.startswith(f"• #{audit_id} ")), "")
        title = line[len(f"• #{audit_id} "):].split(", case ", 1)[0]
        self.checklist_id = self.catalogue.by_title.get(title, self.checklist_id)

    def step(self, shown: Message) -> Message | None:
        """Answer what the bot shows; returns the next message, or None to begin again."""
        if "submitted for moderation" in shown.text:
            self.tally.add("completed")
            return None
        if shown.step is None:
            return self.resume() if not shown.prompt else None
        audit_id, version = shown.step
        self.audit_id = audit_id
        choice = self.choose(shown)
        question = self.catalogue.question_id(self.checklist_id or "", shown) if (
            shown.of("audit.answer") or (shown.prompt and shown.prompt.startswith(("Type your answer",
                                                                                    "Type the date",
                                                                                    "Type a number")))) else None
        answering = question is not None and (isinstance(choice, str) or choice.action == "audit.answer")
        start = self.mailroom.count(self.user)
        sent = self.type(choice) if isinstance(choice, str) else self.press(choice)
        key = (self.user, audit_id, question or "")
        if answering:
            self.tally.answered(key)
        if not sent:
            time.sleep(self.rng.uniform(0.5, 2.0))
            return self.wait_for_reply(start, patience=2.0) or self.resume()
        reply = self.wait_for_reply(start)
        if reply is None or reply.is_error:
            return self.resume()
        moved_on = (reply.step is not None and reply.step[0] == audit_id and reply.step[1] > version) or (
            "submitted for moderation" in reply.text)
        if answering and moved_on:
            self.tally.confirm(key)
        return reply

    def choose(self, shown: Message) -> Button | str:
        """A plausible input for this step: a button, or text to type."""
        rng = self.rng
        for action in ("audit.next", "audit.submit"):
            if shown.of(action):
                return shown.of(action)[0]
        if shown.of("audit.worker"):
            return rng.choice(shown.of("audit.worker")[:3])
        if shown.of("audit.grade"):
            grades = shown.of("audit.grade")
            return grades[0] if rng.random() < 0.75 else rng.choice(grades)
        answers = shown.of("audit.answer")
        if answers:
            if shown.of("audit.back") and rng.random() < 0.03:
                return shown.of("audit.back")[0]
            weights = [3.0 if b.label in ("Yes", "Good") else 1.0 for b in answers]
            return rng.choices(answers, weights)[0]
        if shown.of("audit.owner"):
            return rng.choice(shown.of("audit.owner")[:4])
        if shown.of("audit.actions_done"):
            if self.actions_added < self.actions_wanted:
                self.actions_added += 1
                return rng.choice(ACTIONS_TYPED)
            return shown.of("audit.actions_done")[0]
        prompt = shown.prompt or ""
        if prompt.startswith(("Type the strengths", "Type the areas")) and rng.random() < 0.3:
            return "skip"
        for start, text in {**TYPED_ANSWERS, **typed_dates()}.items():
            if prompt.startswith(start):
                return text
        skip = shown.of("audit.skip")
        return skip[0] if skip else shown.of("audit.pause")[0]


def submissions(rows: Iterable[tuple[str]]) -> dict[int, int]:
    """Submissions per audit from the trail's `audit.submitted` details (JSON with the audit id)."""
    counts: Counter[int] = Counter()
    for (detail,) in rows:
        match = re.search(r'"audit":\s*(\d+)', detail or "")
        if match:
            counts[int(match.group(1))] += 1
    return dict(counts)
