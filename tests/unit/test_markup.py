"""Neutral markup: the domain says bold/mention/emoji once; Slack and the terminal each show it their way."""

from hypothesis import given
from hypothesis import strategies as st

from bot.core.markup import bold, emoji, from_slack, link, mention, to_plain, to_slack


def test_slack_sees_its_own_bold_mentions_emoji_and_links() -> None:
    text = f"{emoji('alarm')} {bold('Escalation')} for {mention('U0ABC123')}: see {link('the guide', 'https://example.org/g')}"
    assert to_slack(text) == (":rotating_light: *Escalation* for <@U0ABC123>: see <https://example.org/g|the guide>")


def test_the_terminal_sees_words_and_marks_not_codes() -> None:
    text = f"{emoji('warning')} {bold('Due')} — ask {mention('U0ABC123')}, {link('guide', 'https://example.org')}"
    assert to_plain(text) == "(!) Due — ask @U0ABC123, guide (https://example.org)"


def test_typed_text_cannot_ping_a_channel_or_forge_a_link_in_slack() -> None:
    typed = "strengths: <!channel> see <https://evil.example|bank> & more"
    shown = to_slack(typed)
    assert "<!channel>" not in shown and "<https://evil" not in shown
    assert shown == "strengths: &lt;!channel&gt; see &lt;https://evil.example|bank&gt; &amp; more"


def test_a_quote_at_the_start_of_a_line_stays_a_quote() -> None:
    assert to_slack("A question:\n>what is a CIN plan?") == "A question:\n>what is a CIN plan?"


def test_what_slack_escapes_on_the_way_in_is_read_as_typed() -> None:
    assert from_slack("Tom &amp; Jerry &lt;3 &gt; 2") == "Tom & Jerry <3 > 2"


def test_an_unknown_emoji_name_is_caught() -> None:
    try:
        emoji("party_parrot")
    except KeyError as error:
        assert "warning" in str(error)
    else:
        raise AssertionError("an unknown emoji name was accepted")


@given(st.text(max_size=200))
def test_nothing_typed_becomes_a_slack_control_sequence(typed: str) -> None:
    shown = to_slack(typed)
    assert "<!" not in shown and "<#" not in shown
    assert "<@" not in shown or "@{" in typed


@given(st.text(max_size=200))
def test_typed_text_survives_the_round_trip_through_slack_escaping(typed: str) -> None:
    slack_escaped = typed.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert from_slack(slack_escaped) == typed


def _domain_string_literals() -> list[tuple[str, str]]:
    import io
    import tokenize
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "bot"
    found = []
    for path in root.rglob("*.py"):
        if path.name == "markup.py":
            continue
        for token in tokenize.generate_tokens(io.StringIO(path.read_text()).readline):
            literal = token.string
            is_pattern = literal[:2].lower() in ("r'", 'r"', "rf", "fr")  # parsers read what Slack sends
            is_docstring = literal.lstrip("bfBF").startswith(('"""', "'''"))
            if token.type == tokenize.STRING and not is_pattern and not is_docstring:
                found.append((f"{path.relative_to(root)}:{token.start[0]}", token.string))
    return found


def test_domain_replies_carry_no_slack_only_markup() -> None:
    import re

    slack_bold = re.compile(r"(?<![*\w])\*[A-Z][^*\n]*[^\s*]\*(?![*\w])")
    slack_code = re.compile(r":(?:rotating_light|triangular_flag_on_post|grey_question|white_check_mark):")
    offenders = [where for where, literal in _domain_string_literals()
                 if "<@" in literal or slack_code.search(literal) or slack_bold.search(literal.replace("\\n", " "))]
    assert offenders == []
