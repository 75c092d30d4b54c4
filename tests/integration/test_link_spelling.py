"""`/audit kb link` writes the askers' wording into the knowledge base with their typos put right, as the search reads
them: it once wrote "wen is the fire drill at the offise" into the YAML as typed. A correction the search is not sure
of ("offen": "offer" or "often"?) is left as typed and named in the wording shown before it is written, and the QA lead
can write their own wording instead: typed after `|`, or in the Link form's wording field."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

from bot.engine.routing import Engine
from tests.support.kb_copy_fixtures import content_day, settings  # noqa: F401 (fixtures used by name)
from tests.support.kb_helpers import all_text, button_values

QA_LEAD = "U0QALEAD1"
ASKER = "U0PRAN001"
ENTRY = "assessment-timescale"  # written in kb/timescales.yaml


def diff_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def listed(engine: Engine, question: str) -> str:
    """Ask `question` as a practitioner: its number on the QA leads' unanswered list."""
    engine.message(ASKER, question)
    [key] = button_values(engine.command(QA_LEAD, "kb unanswered"), "kb.unanswered.answer")
    return key


def entries_file(kb_dir: Path) -> Path:
    return kb_dir / "kb" / "timescales.yaml"


def test_a_typed_link_writes_the_askers_wording_with_its_typos_put_right(engine: Engine, kb_dir: Path) -> None:
    key = listed(engine, "Wen is the fire drill at the offise?")
    before = entries_file(kb_dir).read_text(encoding="utf-8")

    [asked] = engine.command(QA_LEAD, f"kb link {key} {ENTRY}")
    assert "“When is the fire drill at the office?” becomes one of its alternatives in `kb/timescales.yaml` (typos " \
        "put right: _Wen_ as _When_, _offise_ as _office_)." in asked.text
    assert "Left as typed" not in asked.text
    linked = engine.message(QA_LEAD, "yes")

    assert diff_lines(before, entries_file(kb_dir).read_text(encoding="utf-8")) == [
        "+      - When is the fire drill at the office?"]
    assert "added _When is the fire drill at the office?_ to its alternatives" in all_text(linked)


def test_a_doubtful_correction_is_named_and_the_qa_leads_own_wording_is_written(engine: Engine, kb_dir: Path) -> None:
    key = listed(engine, "how offen is the fire drill at the offise")
    before = entries_file(kb_dir).read_text(encoding="utf-8")

    [asked] = engine.command(QA_LEAD, f"kb link {key} {ENTRY}")
    assert "“how offen is the fire drill at the office” becomes one of its alternatives" in asked.text
    assert "Left as typed, in case they are not typos: _offen_ (read as _offer_)." in asked.text
    assert f"To write other words, type `/audit kb link {key} {ENTRY} | <wording>`." in asked.text
    assert entries_file(kb_dir).read_text(encoding="utf-8") == before  # nothing written before Yes

    [own] = engine.command(QA_LEAD, f"kb link {key} {ENTRY} | how often is the fire drill at the office")
    assert "“how often is the fire drill at the office” becomes one of its alternatives" in own.text
    assert "Left as typed" not in own.text and "To write other words" not in own.text
    engine.message(QA_LEAD, "yes")

    assert diff_lines(before, entries_file(kb_dir).read_text(encoding="utf-8")) == [
        "+      - how often is the fire drill at the office"]


def test_the_link_form_shows_the_corrected_wording_to_edit_and_writes_what_the_qa_lead_leaves(
        engine: Engine, kb_dir: Path) -> None:
    key = listed(engine, "how offen is the fire drill at the offise")
    before = entries_file(kb_dir).read_text(encoding="utf-8")
    [opened] = engine.action(QA_LEAD, "kb.unanswered.link", key)
    assert opened.form is not None
    assert [field.id for field in opened.form.fields] == ["entry", "wording"]
    assert opened.form.fields[1].initial == "how offen is the fire drill at the office"
    assert "_offen_ (read as _offer_)" in (opened.form.intro or "")

    empty = json.dumps({"form": {"entry": ENTRY, "wording": "  "}, "meta": opened.form.meta})
    assert list(engine.check_form(QA_LEAD, opened.form.action, empty)) == ["wording"]
    edited = json.dumps({"form": {"entry": ENTRY, "wording": "how often is the fire drill at the office"},
                         "meta": opened.form.meta})
    assert engine.check_form(QA_LEAD, opened.form.action, edited) == {}
    assert entries_file(kb_dir).read_text(encoding="utf-8") == before  # a check writes nothing
    engine.action(QA_LEAD, opened.form.action, edited)

    assert diff_lines(before, entries_file(kb_dir).read_text(encoding="utf-8")) == [
        "+      - how often is the fire drill at the office"]


def test_a_new_entry_made_from_the_question_takes_the_askers_wording_with_its_typos_put_right(
        engine: Engine, kb_dir: Path) -> None:
    key = listed(engine, "wen is the fire drill at the offise")
    replies = engine.command(QA_LEAD, f"kb new {key} When is the fire drill? | On the 20th of each month. "
                                      "| tags: office | review: 2027-06-30 | file: kb/auditing-here.yaml")
    written = (kb_dir / "kb" / "auditing-here.yaml").read_text(encoding="utf-8")
    assert "when is the fire drill at the office" in written and "offise" not in written
    assert "The askers' wording, _when is the fire drill at the office_, is one of its alternatives" in \
        all_text(replies)


def test_words_typed_without_vowels_are_written_whole_or_named(engine: Engine, kb_dir: Path) -> None:
    """Trial 44: "how lng for a core grp" was written into the YAML as typed, and the reply said nothing of it."""
    key = listed(engine, "how lng is the fire drill for our grp")
    before = entries_file(kb_dir).read_text(encoding="utf-8")

    [asked] = engine.command(QA_LEAD, f"kb link {key} {ENTRY}")
    assert "“how long is the fire drill for our group” becomes one of its alternatives in `kb/timescales.yaml` " \
        "(typos put right: _lng_ as _long_, _grp_ as _group_)." in asked.text
    engine.message(QA_LEAD, "yes")
    assert diff_lines(before, entries_file(kb_dir).read_text(encoding="utf-8")) == [
        "+      - how long is the fire drill for our group"]


def test_a_word_without_vowels_that_could_be_several_words_is_named(engine: Engine, kb_dir: Path) -> None:
    key = listed(engine, "is there a fire drill pln")

    [asked] = engine.command(QA_LEAD, f"kb link {key} {ENTRY}")
    assert "“is there a fire drill pln” becomes one of its alternatives" in asked.text
    assert "Left as typed, in case they are not typos: _pln_ (read as _plain or plan_)." in asked.text
