"""Trial 29: everyday ways of asking fell through to the knowledge base. `what can u do` went on the QA leads' list
(help answers it), `my audits` got knowledge-base options (`list mine` answers it), and `i want to do a peer audit
on my colleagues case` got an entry on reporting abuse (`start audit` answers it)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import time_machine
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.asking import named_action
from bot.audits.feature import LIST_MINE, START_WORDS
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.help import HELP_WORDS
from bot.engine.routing import Engine
from tests.support.audit_rows import insert_audit

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
MANAGER, WORKER = "U0MGRN001", "U0PRAN002"


def _said(replies: list[Reply]) -> str:
    return "\n".join(f"{r.title or ''} {r.text}" for r in replies)


def test_asking_what_the_bot_does_gets_the_help(engine: Engine) -> None:
    with time_machine.travel(NOW, tick=False):
        for typed in ("what can u do", "what can you do for me", "wat do u do", "What do you do?"):
            said = _said(engine.message(WORKER, typed, surface="terminal"))
            assert "Here is what I can do for you" in said, (typed, said)
            assert "QA leads' list" not in said, (typed, said)


def test_my_audits_lists_mine(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        insert_audit(services.storage, "CR-300101", NOW - timedelta(days=3), worker=WORKER)
        for typed in ("my audits", "audits of my cases", "show me my audits"):
            said = _said(engine.message(WORKER, typed, surface="terminal"))
            assert "Your audits and audits of your cases" in said, (typed, said)
            assert "CR-300101" in said and "Did you mean" not in said, (typed, said)


def test_a_peer_audit_wished_for_starts_one_saying_the_worker_is_asked_next(engine: Engine) -> None:
    with time_machine.travel(NOW, tick=False):
        said = _said(engine.message(WORKER, "i want to do a peer audit on my colleagues case", surface="terminal"))
    assert "Which checklist are you auditing" in said, said
    assert "I ask whose case it is (the worker) next" in said, said
    assert "sexual abuse" not in said


def test_a_question_about_peer_audits_is_still_a_question() -> None:
    for asked in ("can i do a peer audit on my own case", "what is a peer audit", "peer audit",
                  "what can you do about drift", "my audits are always late, why"):
        assert not (START_WORDS.match(asked) or HELP_WORDS.match(asked) or LIST_MINE.match(asked)), asked


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["what", "wat", "wot"]), st.sampled_from(["can", "do", "could"]),
       st.sampled_from(["you", "u", "ya"]), st.sampled_from(["", " for me"]), st.sampled_from(["", "?", " ?", "!"]),
       st.sampled_from([str.lower, str.upper, str.capitalize]))
def test_every_way_of_asking_what_the_bot_does_is_help(what: str, can: str, you: str, tail: str, end: str,
                                                       case: object) -> None:
    typed = case(f"{what} {can} {you} do{tail}{end}")  # type: ignore[operator]
    assert HELP_WORDS.match(typed), typed


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["", "i want to ", "i'd like to ", "I would like to "]),
       st.sampled_from(["start", "do", "carry out"]), st.sampled_from([" a", " an", ""]),
       st.sampled_from(["", " peer"]),
       st.sampled_from(["", " on my colleagues case", " of a colleague's case", " on my coworker's case"]))
def test_every_wish_to_start_an_audit_starts_one(want: str, verb: str, article: str, peer: str, whose: str) -> None:
    typed = f"{want}{verb}{article}{peer} audit{whose}"
    assert START_WORDS.match(typed), typed


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["", "show ", "list ", "show me ", "what are "]),
       st.sampled_from(["my audits", "my case audits", "audits of my cases", "audits on my case",
                        "the audits for my cases"]),
       st.sampled_from(["", "?", "."]))
def test_every_way_of_asking_for_my_audits_is_list_mine(verb: str, audits: str, end: str) -> None:
    typed = f"{verb}{audits}{end}"
    assert LIST_MINE.match(typed), typed


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["i dont understand", "I don't understand", "i do not understand", "i dont get", "i cant follow",
                        "explain", "not sure what", "confused by"]),
       st.integers(min_value=1, max_value=999_999), st.sampled_from(["", "?", " sorry", " means"]))
def test_every_way_of_not_understanding_an_action_asks_about_it(said: str, number: int, end: str) -> None:
    typed = f"{said} action {number}{end}"
    assert named_action.NAMED.search(typed) and named_action._ASKED.search(typed), typed
