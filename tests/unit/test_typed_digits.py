"""fix81d: only the digits 0-9 pick an option by its number (`bot.core.typed_digits`), in the terminal chat and
where a typed answer is read against a question's options (Slack as well): "١" is 1 to Python, not to a person."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.audits.option_words import matching_options
from bot.core.replies import Choice
from bot.core.typed_digits import option_digits, other_digits
from bot.terminal.render import TerminalView

OPTIONS = ("Outstanding", "Good", "Requires improvement to be good")


def _view(expects_text: bool = False) -> TerminalView:
    return TerminalView(choices=[Choice(label, "audit.moderate_grade", label) for label in OPTIONS],
                        expects_text=expects_text)


def test_only_ascii_digits_are_option_digits() -> None:
    assert option_digits("12") and not option_digits("١") and not option_digits("１") and not option_digits("")
    assert other_digits("١٢") and other_digits("１") and not other_digits("12") and not other_digits("abc")


def test_other_digits_are_refused_with_the_numbers_to_type() -> None:
    view = _view()
    assert view.choice_for("١") is None and view.echo("١") is None
    assert view.pick_refused("١") == "“١” is not an option number: type 1 to 3 to pick one of the options listed last."
    assert view.choice_for("2") == view.choices[1]


def test_where_a_typed_answer_is_expected_the_range_is_said_as_shown() -> None:
    view = _view(expects_text=True)
    assert view.pick_refused("#0") == ("There is no option 0 on screen: type #1 to #3 to pick one of the options "
                                       "listed last.")
    assert view.pick_refused("#١") == ("“#١” is not an option number: type #1 to #3 to pick one of the options "
                                       "listed last.")


def test_a_typed_answer_in_other_digits_names_no_option() -> None:
    assert matching_options(OPTIONS, "١") == ()
    assert matching_options(OPTIONS, "2") == ("Good",)


@given(st.text(min_size=1, max_size=6).filter(lambda text: not text.isascii()))
def test_no_text_with_a_non_ascii_character_ever_picks_an_option(text: str) -> None:
    for expects_text in (False, True):
        view = _view(expects_text)
        assert view.choice_for(text) is None and view.choice_for(f"#{text}") is None


@given(st.text(st.characters(categories=["Nd"]), min_size=1, max_size=3).filter(lambda text: not text.isascii()))
def test_no_number_in_another_script_names_a_typed_option(text: str) -> None:
    assert matching_options(OPTIONS, text) == ()
