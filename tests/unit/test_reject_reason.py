"""`reject 3 wrong entry` read as the learned wording's number and the QA lead's reason (trial 51, F22); `accept 3
<reason>` and `restore 3 <reason>` read the same (trial 52, fix57b: they got "Did you mean")."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from bot.asking.learned_admin import with_reason

LEAD = re.compile(r"^[\s\-:,–—&#]+")
REASON = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40).filter(
    lambda text: text.strip() != "" and not LEAD.sub("", text)[:1].isdigit()
    and not text.strip().lower().startswith("and"))
VERB = st.sampled_from(["reject", "accept", "restore", "Accept", "RESTORE"])
BETWEEN = st.sampled_from([" ", " - ", ": ", ", ", " wording ", " #"])


@given(VERB, st.integers(min_value=1, max_value=999_999), BETWEEN, REASON)
def test_any_reason_after_the_number_is_read_with_that_verb_and_number(verb: str, number: int, between: str,
                                                                      reason: str) -> None:
    typed = f"{verb}{between if between in (' wording ', ' #') else ' '}{number}" \
            f"{between if between not in (' wording ', ' #') else ' '}{reason.strip()}"
    found = with_reason(typed)
    assert found is not None and found[:2] == (verb.lower(), number)
    assert found[2] != "" and found[2] == " ".join(found[2].split())


@given(VERB, st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=999),
       st.sampled_from([" ", " and ", " & ", ", "]))
def test_two_numbers_are_never_one_with_a_reason(verb: str, first: int, second: int, joined: str) -> None:
    assert with_reason(f"{verb} {first}{joined}{second}") is None


@given(VERB, st.integers(min_value=1, max_value=999))
def test_the_number_alone_has_no_reason(verb: str, number: int) -> None:
    assert with_reason(f"{verb} {number}") is None
