"""`ask` and `kb check` as a QA lead or a script would use them."""

from __future__ import annotations

import io
import json
from pathlib import Path

from knowledge.ask_cli import run_ask, run_kb_check
from knowledge.loader import KnowledgeBase, load_knowledge
from knowledge.search import KnowledgeSearch

FIXTURES = Path(__file__).parent.parent / "data" / "kb_fixtures"
SMALL = FIXTURES / "search"


def ask(question: str | None, as_json: bool, stdin: str = "", kb_dir: Path | None = SMALL) -> tuple[int, str]:
    """The answering and its words, on a folder as written (the screen `audit-bot ask` adds is tested with the
    command, tests/e2e/test_knowledge_cli.py)."""
    def load() -> tuple[KnowledgeBase, KnowledgeSearch]:
        kb = load_knowledge(kb_dir)
        return kb, KnowledgeSearch(kb)

    out = io.StringIO()
    code = run_ask(load, question, as_json, io.StringIO(stdin), out)
    return code, out.getvalue()


def test_json_answer_has_the_documented_shape() -> None:
    code, out = ask("when is the ICPC due?", as_json=True)
    assert code == 0
    reply = json.loads(out)
    assert set(reply) == {"query", "answer", "suggestions"}
    assert reply["query"] == "when is the ICPC due?"
    assert reply["answer"]["id"] == "icpc-timescale"
    assert set(reply["answer"]) == {"id", "question", "score"}
    assert out.count("\n") == 1


def test_text_answer_shows_question_score_and_answer() -> None:
    code, out = ask("when is the ICPC due?", as_json=False)
    assert code == 0
    assert out.startswith("When must an initial child protection conference be held?  (score ")
    assert "Within 15 working days of the strategy discussion" in out


def test_text_ambiguous_lists_choices_and_unknown_says_so() -> None:
    _, out = ask("conference", as_json=False)
    assert out.startswith("Did you mean one of these?")
    assert "1. " in out and "2. " in out
    _, out = ask("how do I claim overtime on payroll", as_json=False)
    assert out.startswith("I don't know that yet.")


def test_stdin_mode_answers_one_json_line_per_question() -> None:
    code, out = ask(None, as_json=True, stdin="when is the icpc due\n\npayroll overtime\nwhat is a s47\n")
    assert code == 0
    replies = [json.loads(line) for line in out.splitlines()]
    assert [r["query"] for r in replies] == ["when is the icpc due", "payroll overtime", "what is a s47"]
    assert replies[0]["answer"]["id"] == "icpc-timescale"
    assert replies[1] == {"query": "payroll overtime", "answer": None, "suggestions": []}
    assert replies[2]["answer"]["id"] == "section-47-enquiries"


def test_ask_with_a_broken_knowledge_base_explains_instead_of_crashing() -> None:
    code, out = ask("anything", as_json=True, kb_dir=FIXTURES / "missing_answer")
    assert code == 1
    assert "kb.yaml:2: entry 'icpc-timescale' has no answer" in out
    assert "Traceback" not in out


def test_kb_check_ok_summary_and_exit_0() -> None:
    out = io.StringIO()
    assert run_kb_check(FIXTURES / "good", out) == 0
    assert out.getvalue() == ("OK: 3 entries, 2 glossary terms, 0 concepts, 0 vocabulary groups, "
                              f"0 checklists in {FIXTURES / 'good'}\n")


def test_kb_check_lists_every_problem_and_exits_1() -> None:
    out = io.StringIO()
    assert run_kb_check(FIXTURES / "many_problems", out) == 1
    text = out.getvalue()
    assert text.startswith("The knowledge base has 6 problems:")
    assert "c.yaml: the file is empty" in text and "b.yaml:4: YAML syntax error" in text


def test_text_says_what_a_glossary_term_stands_for_first_as_the_chat_does() -> None:
    code, out = ask("what's a DSL", as_json=False, kb_dir=None)
    assert code == 0 and out.startswith("DSL stands for designated safeguarding lead")
    _, out = ask("what's a DSL", as_json=True, kb_dir=None)
    assert set(json.loads(out)) == {"query", "answer", "suggestions"}  # the JSON keeps its shape


def test_a_glossary_term_is_followed_by_the_entries_about_it_as_in_the_chat() -> None:
    """Trial 23: "what does PLO stand for" offered "What kind of questions can I ask the audit bot?" next."""
    _, out = ask("what does PLO stand for", as_json=False, kb_dir=None)
    assert out.startswith("PLO stands for Public Law Outline.")
    assert "What kind of questions can I ask the audit bot?" not in out
    assert "1. What is the Public Law Outline?" in out and "2. What happens in pre-proceedings?" in out
    _, out = ask("what does PLO stand for", as_json=True, kb_dir=None)
    assert [match["id"] for match in json.loads(out)["suggestions"]][:2] == ["public-law-outline",
                                                                             "pre-proceedings"]


def test_two_names_of_one_idea_asked_apart_get_both_meanings_and_the_entry_as_in_the_chat() -> None:
    """Trial 26: "whats the diff between LAC and CiC" got "I don't know that yet", though "what is LAC" is answered."""
    _, out = ask("whats the diff between LAC and CiC", as_json=False, kb_dir=None)
    assert out.startswith("LAC and CiC are two names for the same thing: LAC stands for looked after child")
    assert "Which children count as looked after by the local authority?" in out
    _, out = ask("whats the diff between LAC and CiC", as_json=True, kb_dir=None)
    assert json.loads(out)["answer"]["id"] == "looked-after-status"


def test_an_it_hr_pay_or_leave_question_gets_the_chats_out_of_scope_reply() -> None:
    """Trial 49: `ask` said "I don't know that yet" where the chat says "I can't help with that here" and offers the
    nearest entry; the JSON keeps its shape and adds what the chat says."""
    _, out = ask("how many days annual leave do i get", as_json=False, kb_dir=None)
    assert out.startswith("I can't help with that here: For booking or carrying over leave")
    assert "Related: How do I pause reminders while I am on leave?" in out and "I don't know" not in out
    _, out = ask("how many days annual leave do i get", as_json=True, kb_dir=None)
    reply = json.loads(out)
    assert reply["answer"] is None and [match["id"] for match in reply["suggestions"]] == ["away-until"]
    assert reply["out_of_scope"].startswith("I can't help with that here: For booking")
    _, out = ask(None, as_json=True, stdin="my laptop wont turn on\n", kb_dir=None)
    assert json.loads(out)["out_of_scope"].startswith("I can't help with that here: For laptops")


def test_a_two_part_question_is_answered_part_by_part_as_in_the_chat() -> None:
    """Trial 60 F24: `ask` gave "Did you mean…" where the chat answers the PLO and names pre-proceedings after it."""
    _, out = ask("what is the PLO and how long does pre proceedings last", as_json=False, kb_dir=None)
    assert out.startswith("What is the Public Law Outline?")
    assert out.rstrip().endswith("And for the other part of your question (“how long does pre proceedings last”): "
                                 "What happens in pre-proceedings?")
    assert "Did you mean" not in out and "Related: What happens in pre-proceedings?" not in out
    _, out = ask("what is the PLO and how long does pre proceedings last", as_json=True, kb_dir=None)
    reply = json.loads(out)
    assert reply["answer"]["id"] == "public-law-outline"
    assert reply["other_part"] == {"part": "how long does pre proceedings last", "id": "pre-proceedings",
                                   "question": "What happens in pre-proceedings?"}
    assert {"query", "answer", "suggestions"} <= set(reply)


def test_a_comparison_answered_for_one_side_names_the_other_sides_entry() -> None:
    """Trial 60 F27: the difference between kinship care and special guardianship got the SGO entry alone."""
    _, out = ask("nan wants to look after the kids, what is the difference between kinship care and special "
                 "guardianship", as_json=False, kb_dir=None)
    assert "And for the other part of your question (“kinship care”)" in out
    _, out = ask("whats the diff between LAC and CiC", as_json=False, kb_dir=None)
    assert "other part of your question" not in out  # one entry answers both names


def test_related_under_an_answer_are_the_entrys_own_not_the_searchs_runners_up() -> None:
    """Trial 60 F25: "What is a themed audit?" and "How do I start a case audit with the bot?" under county lines."""
    _, out = ask("what is county lines and how do i spot it", as_json=False, kb_dir=None)
    related = next(line for line in out.splitlines() if line.startswith("Related: "))
    assert "National Referral Mechanism" in related
    assert "themed audit" not in related and "with the bot" not in related
    _, out = ask("what happens at a channel panel", as_json=False, kb_dir=None)
    assert "child's name into the bot" not in out and "Who can see an audit?" not in out
