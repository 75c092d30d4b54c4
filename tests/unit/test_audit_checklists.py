"""Checklist validation: each kind of mistake is reported with its line and what to do."""

from __future__ import annotations

import functools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.start import matching_checklists
from knowledge.checklist_schema import FINISH_QUESTION_IDS, GRADES, Checklist, parse_checklists
from knowledge.loader import load_knowledge
from knowledge.yamlsource import load_yaml_with_lines
from tests.support.mini_checklist import MINI_HEAD, parsed

GOOD = MINI_HEAD + """\
          - id: in-care
            text: In care?
            type: yes_no
            allow_na: true
            flag_if: ["no"]
          - id: quality
            text: Quality?
            type: scale
            escalate_if: [inadequate]
            guidance: icpc-timescale
            descriptors: {outstanding: Best., good: Fine., requires_improvement: Patchy., inadequate: Unsafe.}
          - id: review
            text: Reviews on time?
            type: yes_no
            show_if: {question: in-care, equals: "yes"}
"""


def parse(text: str, entry_ids: frozenset[str] = frozenset({"icpc-timescale"})) -> tuple[list, list[str]]:
    found, problems = parsed(text, "c.yaml", entry_ids)
    return found, [str(p) for p in problems]


def test_a_good_checklist_loads_with_its_questions_in_order() -> None:
    [checklist], problems = parse(GOOD)
    assert problems == []
    assert [q.id for q in checklist.questions()] == ["in-care", "quality", "review"]
    assert checklist.question("in-care").answer_keys == ("yes", "no", "na")
    assert checklist.question("review").show_if.equals == "yes"


def test_the_snapshot_round_trips_and_its_hash_follows_the_content() -> None:
    [checklist], _ = parse(GOOD)
    again = Checklist.from_content(checklist.to_content())
    assert again.content_hash == checklist.content_hash
    assert set(checklist.to_content()["sections"][0]["questions"][0]) == {
        "id", "text", "type", "required", "allow_na", "options", "guidance", "show_if", "flag_if", "escalate_if"}
    [edited], _ = parse(GOOD.replace("Quality?", "Quality of practice?"))
    assert edited.content_hash != checklist.content_hash


def test_every_shipped_checklist_loads() -> None:
    checklists = load_knowledge().checklists
    assert len(checklists) >= 16
    assert len(checklists["case-audit"].sections) == 7


@pytest.mark.parametrize("checklist_id", sorted(load_knowledge().checklists))
def test_every_shipped_checklist_is_written_the_way_qa_expects(checklist_id: str) -> None:
    """A period, an immediate-concern escalation first, guidance everywhere, four descriptors on every grade."""
    checklist = load_knowledge().checklists[checklist_id]
    assert checklist.period
    first = checklist.questions()[0]
    assert first.id == "immediate-concern" and first.escalate_if == ("yes",)
    for question in checklist.questions():
        assert question.guidance, question.id
        assert question.id not in FINISH_QUESTION_IDS
        if question.type == "scale":
            assert [g for g, _ in question.descriptors] == list(GRADES), question.id
    assert all(any(q.type == "scale" for q in s.questions) for s in checklist.sections), "a section without a grade"


@pytest.mark.parametrize(("change", "line", "words"), [
    (("            type: yes_no\n            allow_na", "            tipe: yes_no\n            allow_na"), 11,
     "unknown field `tipe`"),
    (("type: scale", "type: grade"), 16, "use one of: yes_no, scale"),
    (("id: quality", "id: Quality Check"), 14, "write it like `id: quality-check`"),
    (("id: review", "id: in-care"), 20, "used twice"),
    (("            text: Quality?\n", ""), 14, "has no text"),
    (("allow_na: true", "allow_na: maybe"), 12, "`allow_na: true` or `allow_na: false`"),
    (("            type: yes_no\n            show_if", "            type: date\n            allow_na: true\n"
      "            show_if"), 23, "only works on yes_no and scale"),
    (("type: scale", "type: scale\n            options: [a, b]"), 17, "only works on choice"),
    (("guidance: icpc-timescale", "guidance: no-such-entry"), 18, "no knowledge entry has that id"),
    (('equals: "yes"', 'equals: "maybe"'), 23, "can never be answered"),
    (("question: in-care", "question: review"), 23, "not an earlier question"),
    (('flag_if: ["no"]', "flag_if: [perhaps]"), 13, "not a possible answer"),
    (("escalate_if: [inadequate]", "escalate_if: [bad]"), 17, "not a possible answer"),
    (("    period: the last 6 months\n", ""), 2, "has no period: add a `period:` line"),
    (("descriptors: {outstanding: Best., ", "descriptors: {"), 19, "has no `outstanding:`"),
    (("requires_improvement: Patchy.", "requires_improvement: Patchy., excellent: Wow."), 19,
     "descriptor `excellent` is not a grade"),
    (("            descriptors: {outstanding: Best., good: Fine., requires_improvement: Patchy., "
      "inadequate: Unsafe.}\n", ""), 14, "scale question without descriptors"),
    (("type: yes_no\n            show_if", "type: yes_no\n            descriptors: {good: x}\n            show_if"),
     23, "`descriptors` only works on scale questions"),
    (("type: yes_no\n            show_if", "type: yes_no\n            flag_at_least: 3\n            show_if"),
     23, "`flag_at_least` only works on number questions"),
])
def test_each_mistake_is_reported_at_its_line(change: tuple[str, str], line: int, words: str) -> None:
    found, problems = parse(GOOD.replace(*change))
    assert found == []
    assert any(p.startswith(f"c.yaml:{line}:") and words in p for p in problems), problems


def test_choice_questions_need_two_to_eight_options() -> None:
    text = GOOD.replace("type: scale", "type: choice\n            options: [Only one]")
    _, problems = parse(text)
    assert any("2 to 10" in p for p in problems)


def test_a_missing_sections_list_and_a_wrong_top_level_shape_are_reported() -> None:
    _, problems = parse("checklists:\n  - id: x\n    title: X\n    period: the last year\n")
    assert problems == ["c.yaml:2: checklist 'x' needs `sections:`, a list of sections each with id, title and "
                        "questions."]
    data = load_yaml_with_lines("checklists: {a: 1}\n", "c.yaml")
    assert "must be a list" in str(parse_checklists(data["checklists"], "c.yaml", set())[1][0])



@functools.cache
def _shipped_checklists() -> dict[str, Checklist]:
    return dict(load_knowledge().checklists)


@given(st.data())
def test_a_checklist_typed_by_its_title_or_id_in_any_case_is_that_checklist(data: st.DataObject) -> None:
    available = _shipped_checklists()
    chosen = data.draw(st.sampled_from(sorted(available)))
    typed = data.draw(st.sampled_from([chosen, available[chosen].title]))
    typed = "".join(data.draw(st.sampled_from([ch.lower(), ch.upper()])) for ch in typed)
    assert matching_checklists(available, f"  {typed} ") == [chosen]


@pytest.mark.parametrize(("typed", "chosen"), [("cin", "child-in-need"), ("CLA", "children-in-care"),
                                               ("looked after", "children-in-care"), ("lac", "children-in-care"),
                                               ("s17", "child-in-need"), ("early help", "early-help-spot")])
def test_a_checklist_is_found_by_another_way_of_saying_it(typed: str, chosen: str) -> None:
    kb = load_knowledge()
    assert matching_checklists(kb.checklists, typed, (*kb.concepts, *kb.vocabulary)) == [chosen]


def test_a_word_no_group_or_title_holds_still_finds_nothing() -> None:
    kb = load_knowledge()
    assert matching_checklists(kb.checklists, "mascot", (*kb.concepts, *kb.vocabulary)) == []
