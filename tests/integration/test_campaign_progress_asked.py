"""Campaigns in a QA lead's words (trial 28): "how is the voice of the child campaign going?" and "progress on the
voice campaign" got "I don't know that yet"; "i want to set up a voice of the child audit campaign for north and south,
deadline 18th dec" left `deadline=…` empty and said "the rest filled in as below"; the help's example paired
`name=Neglect December` with `checklist=Voice of the child`; the auditors' DM did not say how to start later.

The clock is pinned (time_machine, tick=False, in the `clock` fixture), so the suite passes on any day."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from bot.campaigns.feature import CREATE_EXAMPLE, CREATE_USAGE
from bot.campaigns.progress_asked import named_in
from bot.campaigns.set_up_words import deadline_in, filled_from_words, per_worker_in
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_campaign_worded import asked_of_the_knowledge_base
from tests.integration.test_campaigns import QA, clock  # noqa: F401 (clock is a fixture)

VOICE = ('campaign create name="Voice winter" theme="voice of the child" checklist=voice-of-the-child '
         "teams=north-assessment,south-cin-cp start=2026-12-01 deadline=2026-12-11 per-worker=1 auditors=managers "
         "moderate=20")
TODAY = date(2026, 12, 2)  # the `clock` fixture's day


def said(replies: list[Reply]) -> str:
    return "\n".join(f"{r.title}\n{r.text}" for r in replies)


def create_voice(engine: Engine) -> tuple[int, list[Reply]]:
    [created, *dms] = engine.command(QA, VOICE, surface="terminal")
    assert created.kind != "error", created.text
    return int(created.text.split("ampaign ", 1)[1].split()[0]), dms


def test_a_campaigns_progress_asked_by_its_name_or_theme_is_campaign_n(engine: Engine, services: Services,
                                                                      clock) -> None:  # noqa: F811
    number, _ = create_voice(engine)
    shown = said(engine.command(QA, f"campaign {number}", surface="terminal"))
    for words in ("how is the voice of the child campaign going?", "progress on the voice campaign",
                  f"how is campaign {number} going"):
        assert said(engine.message(QA, words, surface="terminal")) == shown, words
    [none] = engine.message(QA, "how is the neglect campaign going", surface="terminal")
    assert none.text.startswith("No campaign you can see has “neglect” in its name or theme.")
    assert f"`campaign {number}`" in none.text
    assert asked_of_the_knowledge_base(services) == 0


def test_a_manager_asking_sees_what_campaign_n_shows_them(engine: Engine, services: Services,
                                                          clock) -> None:  # noqa: F811
    number, _ = create_voice(engine)
    mine = said(engine.command("U0MGRN001", f"campaign {number}", surface="terminal"))
    assert said(engine.message("U0MGRN001", "progress on the voice campaign", surface="terminal")) == mine


def test_setting_up_in_words_reads_the_deadline_and_never_points_below_at_nothing(engine: Engine, services: Services,
                                                                                  clock) -> None:  # noqa: F811
    [reply] = engine.message(QA, "i want to set up a voice of the child audit campaign for north and south, "
                                 "deadline 18th dec", surface="terminal")
    assert ("From what you said: `/audit campaign create name=… theme=… checklist=Voice of the child "
            "teams=north-assessment,south-cin-cp start=… deadline=18/12/2026 per-worker=… auditors=… moderate=…`. "
            "Put a value in place of each `…`") in reply.text
    assert "as below" not in reply.text and reply.text.endswith(CREATE_USAGE)
    [by] = engine.message(QA, "set up a neglect campaign for cic by 18/12, 2 cases per worker", surface="terminal")
    assert "checklist=Neglect teams=children-in-care start=… deadline=18/12/2026 per-worker=2 " in by.text
    [bare] = engine.message(QA, "how do i set up a campaign?", surface="terminal")
    assert bare.text == CREATE_USAGE and "below" not in bare.text


def test_the_example_is_one_campaign_and_the_auditors_dm_says_how_to_start(engine: Engine,
                                                                           clock) -> None:  # noqa: F811
    assert "name=Neglect December theme=neglect checklist=Neglect " in CREATE_EXAMPLE
    assert "Voice of the child" not in CREATE_USAGE
    number, dms = create_voice(engine)
    assert dms and all(f"type `/audit campaign mine {number}` at any time" in dm.text for dm in dms)
    assert {dm.to_user for dm in dms} == {"U0MGRN001", "U0MGRS001"}


@given(st.text(max_size=100))
def test_the_readers_never_fail(text: str) -> None:
    assert named_in(text) is None or named_in(text).strip()
    assert isinstance(filled_from_words(text, TODAY), list)
    found = per_worker_in(text)
    assert found is None or found >= 1


@given(st.sampled_from(["deadline 18th dec", "by 18/12", "due 18 dec", "deadline: 18 December", "by 18.12"]),
       st.sampled_from(["set up a campaign for north, ", "new neglect campaign ", "i want to run an audit round "]),
       st.sampled_from(["", ".", ", thanks", " and 1 case per worker"]))
def test_a_deadline_said_any_of_these_ways_is_read(said_deadline: str, before: str, after: str) -> None:
    assert deadline_in(before + said_deadline + after, TODAY) == date(2026, 12, 18)
