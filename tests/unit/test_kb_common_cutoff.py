"""The cut-off above which a word is too common to search on scales with the knowledge base: 50 entries at the size
it had when the cut-off stopped being a fixed 50 (196), a quarter of the entries beyond (up to 1,000 entries, for the
speed budget), so a word such as "month" keeps its place in the search as entries are added (fix34c)."""

from __future__ import annotations

from knowledge.entries import Entry
from knowledge.keyword_index import COMMON_CEILING, COMMON_FLOOR, KeywordIndex, common_limit

WEIGHTS = (1.0, 1.0, 1.0, 1.0)


def _entry(number: int, question: str) -> Entry:
    return Entry(id=f"entry-{number}", question=question, alternatives=(), answer=f"Answer {number}.", tags=(),
                 source=None, owner=None, review_by=None, related=(), file="any.yaml", line=number + 1)


def test_the_cut_off_is_the_old_figure_at_todays_size_and_grows_in_proportion() -> None:
    assert common_limit(196) == 50
    assert common_limit(400) == 102 and common_limit(2_000) == 510
    for entries in (200, 400, 1_000, 1_900):
        assert abs(common_limit(2 * entries) - 2 * common_limit(entries)) <= 1


def test_past_the_ceiling_a_word_is_too_common_whatever_its_share() -> None:
    # the speed budget at 20,000 entries: the figure the old 5% gave there
    assert common_limit(4_000) == common_limit(20_000) == COMMON_CEILING == 1_000


def test_a_small_knowledge_base_searches_on_every_word() -> None:
    assert common_limit(0) == common_limit(10) == common_limit(150) == COMMON_FLOOR


def test_a_word_in_sixty_of_four_hundred_entries_still_finds_them() -> None:
    # at a fixed 50, "month" (in 60 entries) was left out of the query and nothing was found
    entries = [_entry(number, f"What happens each month on topic {number}?" if number < 60
                      else f"Who leads topic {number}?") for number in range(400)]
    hits = KeywordIndex(entries, WEIGHTS).rank(["month"], 3)
    assert len(hits) == 3 and all(hit.number < 60 for hit in hits)


def test_a_word_in_most_entries_is_still_left_out() -> None:
    entries = [_entry(number, f"Who leads topic {number}?") for number in range(400)]
    assert KeywordIndex(entries, WEIGHTS).rank(["leads"], 3) == []
