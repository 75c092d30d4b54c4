"""fix44f: `/audit export` took no team, so a manager of several teams always got them all, and `/audit export south`
was the usage (typed in words, `export south` sent a North manager North's file, "south" unread); and with
`export_files_in_slack` on, the trail's `export` entry was written before the upload, so an upload Slack refused still
read as exported and the person heard nothing. Now a team typed is that team's file only, a team the person may not
export is refused naming the ones they may; the trail's entry is written once the files have arrived, a refused upload
is trailed as `export_failed` and the person is told, with the `audit-bot export` command to hand on. Signed requests
into the real Bolt app; the Web API stand-in refuses the upload. Shipped people: North's manager audits a North case."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine

from bot.core.periods import read_period
from bot.core.services import Services
from bot.engine.routing import Engine
from tests.conftest import RunningBot
from tests.integration.test_wording import submitted_audit
from tests.support.export_names import export_stem
from tests.support.slack_standin import _RESPONDERS
from tests.support.text import flat

QA, NORTH = "U0QALEAD1", "U0MGRN001"
REFUSED_UPLOAD = {"ok": False, "error": "file_uploads_disabled"}


@pytest.fixture(autouse=True)
def files_in_slack(services: Services) -> None:
    """A council that has turned `export_files_in_slack` on."""
    services.settings = replace(services.settings, export_files_in_slack=True)


@pytest.fixture(autouse=True)
def north_audit(engine: Engine, services: Services) -> None:
    """One audit of a North case, submitted by North's manager a few seconds ago."""
    with time_machine.travel(datetime.now(UTC) - timedelta(seconds=5), tick=False):
        submitted_audit(engine, services, NORTH)


def _since(services: Services) -> str:
    quarter = read_period("this quarter", services.local_now().date())
    assert quarter is not None
    return quarter.start.isoformat()


def _dm_text(standin, user: str) -> str:
    return " ".join(flat(call.text, "*`") for call in standin.messages_to(user))


def _trail(services: Services) -> list[tuple[str, dict[str, Any]]]:
    return [(row["action"], json.loads(row["detail"])) for row in services.storage.db.query(
        "SELECT action, detail FROM trail WHERE action LIKE 'export%' ORDER BY id")]


def test_a_team_typed_exports_that_team_only(bot: RunningBot, standin, services: Services) -> None:
    assert bot.slack.command(QA, "export south").status == 200
    assert not standin.calls_to("files.getUploadURLExternal")
    assert "No audit of South Child in Need and Protection was submitted since" in _dm_text(standin, QA)

    assert bot.slack.command(QA, "export north").status == 200
    sent = standin.uploaded_files()
    rows = list(csv.DictReader(io.StringIO(sent[f"{export_stem(sent, 'north-assessment', _since(services))}.csv"]
                                           .decode())))
    assert rows and {row["team_id"] for row in rows} == {"north-assessment"}
    comments = " ".join(flat(str(call.params.get("initial_comment", "")), "*`")
                        for call in standin.calls_to("files.completeUploadExternal"))
    assert "Your export: the audits of North Assessment Team submitted since" in comments
    [(action, detail)] = _trail(services)
    assert action == "export" and detail["team"] == ["north-assessment"]


@pytest.mark.parametrize(("kind", "text"), [("command", "export south"), ("message", "export south team"),
                                            ("message", "export south")])
def test_a_team_the_manager_may_not_export_is_refused_naming_theirs(bot: RunningBot, standin, services: Services,
                                                                    kind: str, text: str) -> None:
    slack = bot.slack
    assert (slack.command(NORTH, text) if kind == "command" else slack.message_im(NORTH, text)).status == 200
    assert ("You may not export the audits of south-cin-cp (South Child in Need and Protection): you may export "
            "north-assessment (North Assessment Team). Nothing was exported.") in _dm_text(standin, NORTH)
    assert not standin.calls_to("files.getUploadURLExternal") and not _trail(services)


def test_the_trail_is_written_once_the_files_have_arrived(bot: RunningBot, standin, services: Services) -> None:
    at_upload: list[list[tuple[str, dict[str, Any]]]] = []

    def upload(params: dict[str, Any]) -> dict[str, Any]:
        at_upload.append(_trail(services))
        return _RESPONDERS["files.getUploadURLExternal"](standin, params)
    standin.set_response("files.getUploadURLExternal", upload)
    assert bot.slack.command(QA, "export").status == 200
    assert len(at_upload) == 2 and at_upload == [[], []]  # nothing trailed while the files were on their way
    [(action, detail)] = _trail(services)
    assert action == "export" and "not_sent" not in detail


def test_a_refused_upload_is_told_with_the_command_and_trailed_as_failed(bot: RunningBot, standin,
                                                                        services: Services) -> None:
    standin.set_response("files.getUploadURLExternal", REFUSED_UPLOAD)
    assert bot.slack.command(QA, "export").status == 200
    said = _dm_text(standin, QA)
    assert "Your export didn't reach you: Slack refused the upload of the files, so nothing was sent." in said
    assert f"audit-bot export --as {QA} --format csv --since {_since(services)}" in said
    [(action, detail)] = _trail(services)
    assert action == "export_failed" and detail["audits"] == 1
    stem = export_stem(detail["not_sent"], "all-teams", _since(services))
    assert detail["not_sent"] == [f"{stem}.csv", f"{stem}-summary.csv"]


def test_a_summary_sheet_refused_leaves_the_audits_file_trailed_alone(bot: RunningBot, standin,
                                                                     services: Services) -> None:
    calls: list[str] = []

    def second_refused(params: dict[str, Any]) -> dict[str, Any]:
        calls.append(str(params.get("filename")))
        return REFUSED_UPLOAD if len(calls) > 1 else _RESPONDERS["files.getUploadURLExternal"](standin, params)
    standin.set_response("files.getUploadURLExternal", second_refused)
    assert bot.slack.command(NORTH, "export").status == 200
    stem = export_stem(standin.uploaded_files(), "north-assessment", _since(services))
    assert set(standin.uploaded_files()) == {f"{stem}.csv"}
    assert (f"Only {stem}.csv reached you: Slack refused the upload of {stem}-summary.csv"
            in _dm_text(standin, NORTH))
    [(action, detail)] = _trail(services)
    assert action == "export" and detail["not_sent"] == [f"{stem}-summary.csv"]
    assert detail["file"] == f"{stem}.csv sent to their Slack direct message"
