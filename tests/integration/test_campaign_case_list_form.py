"""The campaign form's pasted case list (CSV lines) through the engine: cases per worker XOR a case list, each
mistake in the list beside the field in exactly the words the command line's --cases-csv uses, nothing stored
until the form passes, and a list that passes is created with exactly its cases."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.campaigns import casefile
from bot.campaigns.feature import FORM, MAX_CASES_CHARS, MAX_FORM_PAYLOAD
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.errors import UserError
from bot.storage import campaigns as store
from tests.support.cli import run_cli

LONDON = ZoneInfo("Europe/London")
QA = "U0QALEAD1"
FORM_FIELDS = {"name": "Voice of the child", "theme": "voice", "checklist": "neglect",
               "teams": "north-assessment,south-cin-cp", "start": "2026-12-01", "deadline": "2026-12-18",
               "auditors": "peer", "moderate": "20"}
CLI_ARGS = ["campaign", "create", "--name", "Voice of the child", "--theme", "voice", "--checklist", "neglect",
            "--teams", "north-assessment,south-cin-cp", "--start", "2026-12-01", "--deadline", "2026-12-18",
            "--auditors", "peer", "--moderate", "20"]
GOOD = "case reference,worker\nCR-500001,U0PRAN001\nCR-500002,U0PRAS001\nCR-500003,U0PRAN002\n"


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(datetime(2026, 12, 2, 10, 0, tzinfo=LONDON), tick=False) as traveller:
        yield traveller


def submitted(**fields: str) -> str:
    """The JSON the Slack handler hands the engine for a submitted campaign form."""
    return json.dumps({"form": {**FORM_FIELDS, **fields}, "meta": ""})


def stored(services: Services) -> int:
    return services.storage.db.execute("SELECT COUNT(*) FROM campaigns").fetchone()[0]


def test_the_form_offers_cases_per_worker_or_a_case_list_both_optional() -> None:
    by_id = {f.id: f for f in FORM.fields}
    assert by_id["per-worker"].optional and by_id["cases"].optional
    assert by_id["cases"].kind == "long_text" and by_id["cases"].max_length == MAX_CASES_CHARS == 3000
    assert all(not f.optional for f in FORM.fields if f.id not in ("per-worker", "cases"))
    from handlers.http_server import MAX_INPUT_CHARS  # the server refuses longer inputs, as Slack does

    assert MAX_CASES_CHARS <= MAX_INPUT_CHARS
    worst = json.dumps({"form": {f.id: "\U0001F600" * (f.max_length or 0) for f in FORM.fields},
                        "meta": "\U0001F600" * 3000})
    assert len(worst) <= MAX_FORM_PAYLOAD  # the fullest form Slack can send is never "out of date"


@pytest.mark.parametrize(("fields", "message"), [
    ({"per-worker": "1", "cases": GOOD}, "not both"),
    ({"per-worker": "", "cases": ""}, "not both and not neither"),
    ({"per-worker": "", "cases": "  \n \n"}, "not both and not neither"),
])
def test_cases_per_worker_or_a_case_list_not_both_and_not_neither(engine: Engine, services: Services,
                                                                  fields: dict, message: str) -> None:
    errors = engine.check_form(QA, "campaign.create_form", submitted(**fields))
    assert list(errors) == ["per-worker"] and message in errors["per-worker"]
    assert "case" in errors["per-worker"] and "per worker" in errors["per-worker"]
    assert stored(services) == 0


BAD_LISTS = [
    ("CR-500001,U0PRAN001\nCR-5,U0PRAS001\n", "Line 2 of the case file"),  # not a case reference
    ("CR-500001,U0PRAN001\nNHS 943 476 5919,U0PRAN001\n", "Line 2 of the case file"),  # screened identifier
    ("ref,worker\nCR-500001,U0PRAN001\nKayden Smith,U0PRAN001\n", "Line 3 of the case file"),  # a child's name
    ("CR-500001,U0PRAN001\nCR-500002,U0NOBODY9\n", "Line 2 of the case file: the worker must be"),
    ("CR-500001,U0PRAC001\n", "Line 1 of the case file: that worker is not in any of the campaign's teams"),
    ("CR-500001,U0PRAN001\n\nCR-500001,U0PRAS001\n", "listed twice in the case file (lines 1 and 3)"),
    ("CR-500001\n", "Line 1 of the case file needs two columns"),
    ("case reference,worker\n", "The case file has no cases in it"),
    # the user trial's file, one mistake a run until then: all of them at once, each with its line
    ("CR-500001,U0PRAN001\nCR-500001,U0PRAS001\nKayden Smith,U0PRAN001\nCR-500003,U0PRAC001\n"
     "CR-500004,U0NOBODY9\nNHS 943 476 5919,U0PRAN001\n",
     "The case file has 5 lines to fix, so nothing was stored:\n• Line 2: case CR-500001 is listed twice"),
]


@pytest.mark.parametrize(("text", "words"), BAD_LISTS)
def test_each_mistake_in_the_case_list_is_beside_it_as_the_command_line_says_it(
        engine: Engine, services: Services, environ: dict[str, str], tmp_path: Path, text: str, words: str) -> None:
    errors = engine.check_form(QA, "campaign.create_form", submitted(cases=text))
    assert list(errors) == ["cases"] and words in errors["cases"], errors
    case_file = tmp_path / "cases.csv"
    case_file.write_text(text, encoding="utf-8")
    with pytest.raises(UserError) as cli:
        run_cli(environ, *CLI_ARGS, "--cases-csv", str(case_file))
    assert errors["cases"] == str(cli.value)  # the same words, line number and all
    assert stored(services) == 0
    [told] = engine.action(QA, "campaign.create_form", submitted(cases=text))  # if the check ran out of time
    assert told.kind == "error" and told.text == errors["cases"] and stored(services) == 0


def test_too_many_lines_in_the_case_list_are_refused_beside_it(engine: Engine, services: Services,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(casefile, "MAX_ROWS", 2)  # Slack's 3,000 characters hold fewer than the real 5,000
    errors = engine.check_form(QA, "campaign.create_form", submitted(cases=GOOD))
    assert errors == {"cases": "The case file lists more than 2 cases. Split the campaign."}
    assert stored(services) == 0


def test_a_case_list_that_passes_is_created_with_exactly_its_cases(engine: Engine, services: Services) -> None:
    assert engine.check_form(QA, "campaign.create_form", submitted(cases=GOOD)) == {}
    assert stored(services) == 0  # the check never creates
    [created, *dms] = engine.action(QA, "campaign.create_form", submitted(cases=GOOD))
    assert created.kind != "error" and "Campaign 1" in created.text, created.text
    allocations = store.allocations(services.storage, 1)
    assert [(a.case_ref, a.worker_id, a.team_id) for a in allocations] == [
        ("CR-500001", "U0PRAN001", "north-assessment"), ("CR-500002", "U0PRAS001", "south-cin-cp"),
        ("CR-500003", "U0PRAN002", "north-assessment")]
    assert {a.auditor_id for a in allocations if a.team_id == "north-assessment"} == {"U0MGRS001"}  # peer
    assert sorted(d.to_user for d in dms) == ["U0MGRN001", "U0MGRS001"]
    assert "CR-500001" in next(d.text for d in dms if d.to_user == "U0MGRS001")


def test_only_qa_leads_and_admins_submit_the_form(engine: Engine, services: Services) -> None:
    errors = engine.check_form("U0MGRN001", "campaign.create_form", submitted(cases=GOOD))
    assert list(errors) == ["auditors"] and "QA leads and admins" in errors["auditors"]
    [refused] = engine.action("U0MGRN001", "campaign.create_form", submitted(cases=GOOD))
    assert refused.kind == "error" and "QA leads and admins" in refused.text and stored(services) == 0


LINE = st.one_of(
    st.text(max_size=40),
    st.tuples(st.from_regex(r"CR-[1-9][0-9]{5}", fullmatch=True),
              st.sampled_from(["U0PRAN001", "U0PRAS001", "U0PRAC001", "U0NOBODY9", "u0pran002", ""]))
    .map(",".join))


@settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.text(max_size=MAX_CASES_CHARS), st.lists(LINE, max_size=12).map("\n".join)))
def test_any_text_in_the_case_list_is_accepted_or_refused_in_words_beside_a_field(
        engine: Engine, services: Services, text: str) -> None:
    errors = engine.check_form(QA, "campaign.create_form", submitted(cases=text))
    assert set(errors) <= {"cases", "per-worker", "auditors"} and all(errors.values())
    assert ("per-worker" in errors) == (not text.strip())  # neither given: the one XOR message
    if "cases" in errors:  # the list's mistake, in the command line's own words
        with pytest.raises(UserError) as cli:
            casefile.parse_cases_csv(text, services.settings.case_reference_pattern, services.identifier_screen,
                                     services.directory, ("north-assessment", "south-cin-cp"))
        assert errors["cases"] == str(cli.value)
    assert stored(services) == 0
