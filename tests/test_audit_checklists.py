"""Checklist validation: each kind of mistake is reported with its line and what to do."""

from __future__ import annotations

import pytest

from knowledge.checklists import Checklist, parse_checklists
from knowledge.loader import load_knowledge
from knowledge.yamlsource import load_yaml_with_lines

GOOD = """\
checklists:
  - id: mini
    title: Mini audit
    sections:
      - id: one
        title: One
        questions:
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
          - id: review
            text: Reviews on time?
            type: yes_no
            show_if: {question: in-care, equals: "yes"}
"""


def parse(text: str, entry_ids: frozenset[str] = frozenset({"icpc-timescale"})) -> tuple[list, list[str]]:
    data = load_yaml_with_lines(text, "c.yaml")
    found, problems = parse_checklists(data["checklists"], "c.yaml", set(entry_ids))
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
    assert len(checklists) == 6
    assert len(checklists["case-audit"].sections) == 8


@pytest.mark.parametrize(("change", "line", "words"), [
    (("            type: yes_no\n            allow_na", "            tipe: yes_no\n            allow_na"), 10,
     "unknown field `tipe`"),
    (("type: scale", "type: grade"), 15, "use one of: yes_no, scale"),
    (("id: quality", "id: Quality Check"), 13, "write it like `id: quality-check`"),
    (("id: review", "id: in-care"), 18, "used twice"),
    (("            text: Quality?\n", ""), 13, "has no text"),
    (("allow_na: true", "allow_na: maybe"), 11, "`allow_na: true` or `allow_na: false`"),
    (("escalate_if: [inadequate]", "escalate_if: [inadequate]\n            allow_na: true"), 17,
     "only works on yes_no"),
    (("type: scale", "type: scale\n            options: [a, b]"), 16, "only works on choice"),
    (("guidance: icpc-timescale", "guidance: no-such-entry"), 17, "no knowledge entry has that id"),
    (('equals: "yes"', 'equals: "maybe"'), 21, "can never be answered"),
    (("question: in-care", "question: review"), 21, "not an earlier question"),
    (('flag_if: ["no"]', "flag_if: [perhaps]"), 12, "not a possible answer"),
    (("escalate_if: [inadequate]", "escalate_if: [bad]"), 16, "not a possible answer"),
])
def test_each_mistake_is_reported_at_its_line(change: tuple[str, str], line: int, words: str) -> None:
    found, problems = parse(GOOD.replace(*change))
    assert found == []
    assert any(p.startswith(f"c.yaml:{line}:") and words in p for p in problems), problems


def test_choice_questions_need_two_to_eight_options() -> None:
    text = GOOD.replace("type: scale", "type: choice\n            options: [Only one]")
    _, problems = parse(text)
    assert any("2 to 8" in p for p in problems)


def test_a_missing_sections_list_and_a_wrong_top_level_shape_are_reported() -> None:
    _, problems = parse("checklists:\n  - id: x\n    title: X\n")
    assert problems == ["c.yaml:2: checklist 'x' needs `sections:`, a list of sections each with id, title and "
                        "questions."]
    data = load_yaml_with_lines("checklists: {a: 1}\n", "c.yaml")
    assert "must be a list" in str(parse_checklists(data["checklists"], "c.yaml", set())[1][0])
