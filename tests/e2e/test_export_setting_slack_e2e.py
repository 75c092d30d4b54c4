"""`export_files_in_slack` (config/settings.yaml) is off as shipped: `/audit export` and "can i export the audits"
post no file of audits in Slack, which keeps files outside the council's records until someone deletes them; the leader
gets the server's command for the same export instead. Signed requests into the real Bolt app over HTTP."""

from __future__ import annotations

import pytest

from bot.core.services import Services
from tests.conftest import RunningBot
from tests.e2e.test_export_slack_e2e import QA, _dm_texts, _quarter_start, _trail
from tests.e2e.test_export_slack_e2e import case_ref as case_ref  # the fixture: one submitted audit


@pytest.mark.parametrize(("kind", "text"), [("command", "export without case refs"),
                                            ("message", "can i export the audits without case refs")])
def test_with_the_shipped_setting_no_file_is_posted_and_the_command_to_hand_on_is_given(
        bot: RunningBot, standin, services: Services, case_ref: str, kind: str, text: str) -> None:
    """`export_files_in_slack` is off unless a council turns it on: Slack keeps files outside the council's records,
    so the leader is told the server's command for the same export, and nothing is uploaded or trailed."""
    assert services.settings.export_files_in_slack is False
    slack = bot.slack
    response = slack.command(QA, text) if kind == "command" else slack.message_im(QA, text)
    assert response.status == 200
    said = " ".join(_dm_texts(standin, QA))
    since = _quarter_start(services)
    assert "No file of audits is posted in Slack here" in said and "export_files_in_slack" in said
    assert f"audit-bot export --as {QA} --format csv --since {since} --no-case-refs" in said
    assert not standin.calls_to("files.getUploadURLExternal") and not _trail(services)
