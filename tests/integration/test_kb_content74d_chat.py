"""In the chat, the trial's practice questions (fix74d) are answered with the entry they ask about (trial 60 F27)."""

from __future__ import annotations

from bot.engine.routing import Engine
from tests.support.kb_helpers import all_text, button_values

ASYE = "U0PRAN002"


def test_a_family_network_meeting_is_answered_as_itself_with_the_fgc_as_the_other_part(engine: Engine) -> None:
    """F27: the FGC entry alone answered, implying the two meetings were the same."""
    replies = engine.message(ASYE, "what is a family network meeting and is it the same as a family group conference")
    assert replies[0].title == ("What is a family network meeting and how is it different from a family group "
                                "conference?")
    text = all_text(replies)
    assert "Not quite the same." in text
    assert "“is it the same as a family group conference”" in text
    assert "family-group-conference" in button_values(replies, "kb.show")


def test_a_nude_shared_round_a_school_gets_the_ukcis_advice(engine: Engine) -> None:
    """F23: the online-harm entry answered, with nothing on the DSL or when to refer."""
    replies = engine.message(ASYE, "a 14 year old sent a nude photo to her boyfriend and its been shared round the "
                                   "school, what should i do")
    assert replies[0].title == ("What should we do when children share nudes or semi-nudes, such as an image passed "
                                "round a school?")
    text = all_text(replies)
    assert "In a school, the DSL leads." in text
    assert "Never view, copy, print, forward or delete the images," in text
