"""`/audit help kb` through the real Bolt stack (trial 44, F20): each kb subcommand as it is typed, one line each."""

from __future__ import annotations

from tests.conftest import RunningBot


def test_help_kb_in_slack_shows_how_kb_new_and_kb_edit_are_typed(running_bot: RunningBot, standin) -> None:
    response = running_bot.slack.command("U0QALEAD1", "help kb")
    assert response.status == 200
    [post] = standin.wait_for("chat.postMessage")
    text = post.params["text"].replace("&lt;", "<").replace("&gt;", ">")  # Slack's escaping of < and >
    assert "/audit kb new N <question> | <answer> | tags: … | source: … | owner: … | review: … | file: …" in text
    assert "/audit kb edit <entry id> <field>: <text>" in text and "`remove alternative:`" in text
    assert "/audit kb learned" in text and "/audit kb find <words>" in text
