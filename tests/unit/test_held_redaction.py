"""fix70c: `redact` changes the DMs held and not yet sent that quote the removed text. A held DM quoting only the
start of it, cut short as a button or a preview cuts (finding A), kept the words it did quote; and any held DM holding
the words was changed, so a first name removed from one audit changed messages about others (finding B).
Here: the quote a removal finds, whole or cut in every shape the bot cuts previews in, and the audit a held DM is
recorded as being about."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from bot.asking.unanswered import shortened as kb_preview
from bot.audits.held_dms import named_audit
from bot.audits.held_redaction import CUT_LEAST, UNAMBIGUOUS, quoting
from bot.audits.questions import shortened as note_said_back
from bot.core.cut_short import clip
from bot.core.replies import Choice, Reply
from bot.engine.near_miss import suggestion

MARKER = "[removed by QA lead (practice) on 3 Dec 2026: may identify a child]"
# What the screen cannot catch (no name, number or school), so what redaction is for
LEAKED = "his older brother, who has a cochlear implant and plays for the county under-14 side at weekends"
CUTS = {
    "a Slack button (75)": lambda text: clip(f"Open {text}", 75),
    "a one-line preview (60)": lambda text: clip(" ".join(text.split()), 60),
    "a knowledge-base preview, between words": lambda text: kb_preview(text, 50),
    "a note said back (120)": lambda text: note_said_back(text + " " + text),
    "a command's long tail": lambda text: suggestion("reflect 12", text),
}


@pytest.mark.parametrize("cut", CUTS.values(), ids=CUTS.keys())
def test_a_quote_cut_short_as_the_bot_cuts_previews_gets_the_marker_in_place_of_the_words(cut) -> None:
    shown = f"The reason was “{cut(LEAKED)}”, the worker was told."
    assert "…" in shown and "older" in shown
    swapped = quoting([LEAKED], MARKER, CUT_LEAST)(shown)
    assert swapped.startswith("The reason was “") and swapped.endswith(f"{MARKER}”, the worker was told."), swapped
    assert "brother" not in swapped and "…" not in swapped


@given(length=st.integers(min_value=CUT_LEAST, max_value=len(LEAKED)),
       gaps=st.sampled_from([" ", "  ", "\n", " \n "]), upper=st.booleans(), space=st.sampled_from(["", " "]))
def test_any_start_of_the_text_cut_with_an_ellipsis_is_found_in_any_spacing_and_case(
        length: int, gaps: str, upper: bool, space: str) -> None:
    cut = LEAKED[:length].rstrip(" ,")  # as a cut between words drops the space or comma it ends on
    assume(len(cut) >= CUT_LEAST)
    quoted = gaps.join(cut.split(" "))
    quoted = quoted.upper() if upper else quoted
    swapped = quoting([LEAKED], MARKER, CUT_LEAST)(f"Said: {quoted}{space}… and more")
    assert swapped == f"Said: {MARKER} and more"


@pytest.mark.parametrize("shown", ["his…", "Unrelated words, then “his older sister…”", "this older brother…",
                                   "older brother, who has…"])
def test_what_is_not_a_start_of_the_text_or_is_too_short_to_be_one_is_left_alone(shown: str) -> None:
    assert quoting([LEAKED], MARKER, CUT_LEAST)(shown) == shown


def test_a_short_name_is_replaced_whole_or_cut_but_never_inside_another_word() -> None:
    swap = quoting(["Jo"], MARKER, CUT_LEAST)
    assert swap("Jo said she was scared of Joanne… and told Jo…") == (
        f"{MARKER} said she was scared of Joanne… and told {MARKER}")


def test_where_the_audit_is_not_known_only_a_long_quote_counts() -> None:
    """Held DMs kept before their audit was recorded: only a quote of UNAMBIGUOUS characters or more is changed."""
    swap = quoting([LEAKED], MARKER, UNAMBIGUOUS)
    assert swap("Reason: his older…") == "Reason: his older…"
    assert swap("Reason: his older bro…") == f"Reason: {MARKER}"


@pytest.mark.parametrize(("reply", "audit"), [
    (Reply(text="QA lead (practice) has moderated audit #140: graded Good."), 140),
    (Reply(text="Action 41 (Audit #12, CR-100300) is due Friday.", title="Audit #12"), 12),
    (Reply(text="Your audit has been moderated.", choices=(Choice("Open the audit", "audit.view", "77"),)), 77),
    (Reply(text="Compare audit #12 with audit #13."), None),
    (Reply(text="Nothing is waiting for you."), None),
    (Reply(text="Reflect on audit #9", fields=(("Earlier", "audit #8"),)), None),
])
def test_a_held_dm_is_about_the_one_audit_it_names(reply: Reply, audit: int | None) -> None:
    assert named_audit(reply) == audit
