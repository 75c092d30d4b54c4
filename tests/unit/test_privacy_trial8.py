"""What the eighth user trial got past the identifier screen: a child's full name in a knowledge-base answer (kb
check screened content for the names file's names only), a child's name before 'review' (taken for a review named
after its author), initials after 'case of', and an email without its ending or a social-media account name."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from bot.errors import UserError
from bot.privacy.content_names import _fold, content_name_hits, full_names, not_within, single_name_hits
from bot.privacy.detect import _NUMBERED_THINGS, Hit, NameFinder
from bot.privacy.family_names import family_name_hits, relative_name_spans
from bot.privacy.lexicon import Lexicon
from bot.privacy.person_context import PersonContextFinder
from bot.privacy.screen import Finding, Screen, screen_text

# All fake: invented for the screen's tests.
ANSWER = "A family tree drawn for the child, e.g. for Jayden Smith, who lives with nan."


def found(screen: Screen, text: str, mode: str = "full") -> list[tuple[str, str]]:
    return [(f.kind, f.words) for f in screen.find(text, mode)]


@pytest.fixture(scope="module")
def find(identifier_screen: Screen) -> Callable[[str], list[tuple[str, str]]]:
    """The screen's find, without the lists in its repr (hypothesis prints the arguments of a failing example)."""
    return lambda text: found(identifier_screen, text)


# -- F7: knowledge-base content ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    (ANSWER, "Jayden Smith"),
    ("Kayden Smith at 14 Elm Road, LS11 5AB, drew his family tree.", "Kayden Smith"),  # in no names file
    ("Ask mum (Keisha Okonkwo) what the child calls each carer.", "Keisha Okonkwo"),
    ("Mrs Begum said the plan was clear.", "Mrs Begum"),
    ("what did kayden smith say at the visit", "kayden smith"),  # an alternative typed small
])
def test_content_mode_finds_a_full_name_without_the_names_file(identifier_screen: Screen, text: str,
                                                               name: str) -> None:
    assert ("name", name) in found(identifier_screen, text, "content")


def test_content_mode_reports_the_name_beside_the_address_and_postcode(identifier_screen: Screen) -> None:
    kinds = [kind for kind, _ in found(identifier_screen, "Kayden Smith at 14 Elm Road, LS11 5AB", "content")]
    assert sorted(kinds) == ["address", "name", "postcode"]


@pytest.mark.parametrize("text", [
    "Gillick competence and the Fraser guidelines apply to contraception advice.",  # judgments and tools
    "Use Makaton or symbols, ecomaps and Signs of Safety three houses.",
    "The Philomena Protocol is used when a child in care goes missing.",
    "Forced marriage guidance covers England and Wales.",
    "Snooze a reminder until Monday.",
    "the Southwark judgment sets out duties to homeless 16 and 17 year olds",
    "the Arthur Labinjo-Hughes and Star Hobson review and the Josh MacAlister review",  # public, cited in full
    "Working Together to Safeguard Children 2023 and the Children Act 1989",
    "Dr Patel the designated doctor chairs the panel",  # a professional with the role
    "strat disc within 1 working day, icpc within 15",
])
def test_content_mode_still_passes_what_the_knowledge_base_rightly_names(identifier_screen: Screen,
                                                                         text: str) -> None:
    assert found(identifier_screen, text, "content") == []


def test_content_mode_still_finds_the_names_file_names_alone(identifier_screen: Screen) -> None:
    listed = identifier_screen.with_listed(["Zephyrine"])
    assert ("name", "Zephyrine") in found(listed, "The plan for Zephyrine is reviewed monthly.", "content")
    assert found(identifier_screen, "The plan for Zephyrine is reviewed monthly.", "content") == []


def test_the_shipped_knowledge_base_passes_content_mode(identifier_screen: Screen) -> None:
    from bot.privacy.knowledge_screen import identifier_problems
    from knowledge.loader import load_knowledge

    assert identifier_problems(load_knowledge(), identifier_screen) == []


NAMES = ["Jayden", "Kayden", "Amelia", "Tunde", "Keisha", "Zoë", "Siobhán", "Tyler", "Grace", "Will"]
SURNAMES = ["Smith", "Okonkwo", "O'Brien", "McDonagh", "Labinjo-Hughes", "de Souza", "Brown", "Young"]
WORDS = ["the", "plan", "mum", "Mrs", "said", "review", "for", "e.g.", "and", "Court", "Family", "was", "at", "J",
         "Safety", "Signs", "of", "is", "called", "known", "as", "'Jay'", "(12)", ",", "her", "Star", "Hobson", "The",
         "miss", "child", "Dr", "nan", "visit", "MASH", "Oliver", "Wales", "Gillick", "children", "family", "foster",
         "carer", "Leon's", "Legal", "Mr", "Delaney", "young", "Young", "Day", "is 15 and", "Okonkwo's"]


class _Quiet(Lexicon):
    def __repr__(self) -> str:
        return "Lexicon(...)"


@pytest.fixture(scope="module")
def lexicon(identifier_screen: Screen) -> Lexicon:
    """The loaded lists, printed short (hypothesis prints the arguments of a failing example)."""
    return _Quiet(**{name: getattr(identifier_screen.lexicon, name) for name in Lexicon.__dataclass_fields__})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(NAMES + SURNAMES + WORDS), min_size=1, max_size=12),
       st.sampled_from([frozenset(), frozenset({"amelia"}), frozenset({"smith", "zoë", "young", "day"})]))
def test_the_quick_look_never_changes_what_content_mode_finds(lexicon: Lexicon, words: list[str],
                                                              listed: frozenset[str]) -> None:
    """Content mode runs the name finder only where a name could be found: that shortcut must find exactly what
    running the finder on every text would (the names file's names, and every name of two or more words), besides a
    given name alone where a person is meant, which has a rule of its own (single_name_hits)."""
    text = " ".join(words)
    quick = content_name_hits(text, lexicon, listed)
    words_only = Lexicon(frozenset(), frozenset(), lexicon.common_words, frozenset(), lexicon.everyday_words)
    slow = [hit for hit in NameFinder(words_only, listed).hits(text) if hit.kind == "name"] if listed else []
    tokens, mode = NameFinder._read(text)
    slow += [hit for hit in full_names(text, NameFinder(lexicon, listed), mode) if hit not in slow]
    if mode == "mixed":
        slow += not_within(single_name_hits(text, tokens, [_fold(t.text) for t in tokens], lexicon, listed), slow)
    slow += not_within(family_name_hits(NameFinder(lexicon, listed), text, tokens, mode), slow)  # 'the Smith family'
    relatives = relative_name_spans(PersonContextFinder(lexicon, listed), text, tokens, mode, any_case=True)
    slow += not_within([Hit("name", text[tokens[i].start:tokens[j].end]) for i, j in relatives], slow)  # 'nanna pat'
    assert sorted(quick, key=repr) == sorted(slow, key=repr)


# -- F16: a child's name before 'review'; initials after 'case of' ---------------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("Kayden Smith review", "Kayden Smith"),
    ("what did the Kayden Smith review find", "Kayden Smith"),
    ("learning from the Marcus Tate Practice Review was shared", "Marcus Tate"),
    ("the Ellie Hargreaves review recommendations were discussed", "Ellie Hargreaves"),
    ("Hana Patel national review learning was shared", "Hana Patel"),
    ("the Kayden Okonkwo serious case review", "Kayden Okonkwo"),
    ("the Kayden review findings", "Kayden"),  # a given name that is no surname
])
def test_a_childs_name_before_review_is_a_name(identifier_screen: Screen, text: str, name: str) -> None:
    assert ("name", name) in found(identifier_screen, text)


@pytest.mark.parametrize("text", [
    "what did the Star Hobson review find",  # public reviews on the QA list
    "learning from the Arthur Labinjo-Hughes national review",
    "the Daniel Pelka Serious Case Review is a useful read",
    "The new ADCS guidance and the Josh MacAlister review recommendations on family help",  # a review's author
    "the Munro review said this back in 2011",  # an author's surname
    "the Narey report was discussed in supervision",
    "findings of the Tomlin Inquiry were discussed",
    "the Lord Laming report",
    "Outcome of the Spring Audit Deep Dive Review",
    "the CLA review was held",
])
def test_public_and_authors_reviews_still_pass(identifier_screen: Screen, text: str) -> None:
    assert found(identifier_screen, text) == []


PUBLIC = ["Star Hobson", "Arthur Labinjo-Hughes", "Daniel Pelka", "Logan Mwangi", "Josh MacAlister", "Eileen Munro"]
REVIEWED = ["the {} review", "what did the {} review find", "the {} Practice Review", "{} national review learning",
            "the {} serious case review"]


@settings(deadline=None)
@given(st.sampled_from(["Kayden", "Jayden", "Tunde", "Keisha", "Amelia", "Kacper"]),
       st.sampled_from(["Smith", "Okonkwo", "Hargreaves", "Patel", "Nowak", "Tate"]), st.sampled_from(REVIEWED))
def test_any_given_name_and_surname_before_review_is_refused(find: Callable[[str], list[tuple[str, str]]],
                                                             given_name: str, surname: str, template: str) -> None:
    assert ("name", f"{given_name} {surname}") in find(template.format(f"{given_name} {surname}"))


@settings(deadline=None)
@given(st.sampled_from(PUBLIC), st.sampled_from(REVIEWED))
def test_a_public_review_on_the_list_passes_however_it_is_cited(find: Callable[[str], list[tuple[str, str]]],
                                                                name: str, template: str) -> None:
    assert find(template.format(name)) == []


@pytest.mark.parametrize(("text", "initials"), [
    ("case of jj", "jj"),
    ("how do i audit the case of jj", "jj"),
    ("audit the case of JS next week", "JS"),
])
def test_initials_after_case_of_are_initials(identifier_screen: Screen, text: str, initials: str) -> None:
    assert ("initials", initials) in found(identifier_screen, text)


@pytest.mark.parametrize("text", [
    "in case of fire", "in the case of CSE, refer to the MASH", "in the case of ASB on the estate",
    "a case of TB in the household", "in the case of dv, refer to MARAC", "the case of CR-123456",
    "is this a case of FII", "case of the week", "what happens in the case of a missing child",
])
def test_case_of_before_an_acronym_or_a_word_passes(identifier_screen: Screen, text: str) -> None:
    assert found(identifier_screen, text) == []


# -- F20: emails without their ending and social-media accounts ------------------------------------------------------

@pytest.mark.parametrize(("text", "kind", "words"), [
    ("mum emails from sarahjones84 at gmail so I will arrange visits", "email", "sarahjones84 at gmail"),
    ("mum emails from sarahjones84@gmail so I will arrange visits", "email", "sarahjones84@gmail"),
    ("mum emails from sarahjones at hotmail so I reply there", "email", "sarahjones at hotmail"),
    ("mum is on facebook as @sarahjones84 so I will message her", "handle", "@sarahjones84"),
    ("mum is sarahj84 on snapchat so I will message her", "handle", "sarahj84"),
    ("dad's insta is dj_2010", "handle", "dj_2010"),
    ("her tiktok handle is kayla_x09", "handle", "kayla_x09"),
    ("mum's snapchat name is sj2011", "handle", "sj2011"),
    ("contact via jones_family on whatsapp", "handle", "jones_family"),
    ("on instagram as @sj", "handle", "@sj"),
])
def test_an_email_without_its_ending_or_an_account_name_is_refused(identifier_screen: Screen, text: str, kind: str,
                                                                  words: str) -> None:
    assert (kind, words) in found(identifier_screen, text)


@pytest.mark.parametrize("text", [
    "@here the audit is due", "@channel reminder", "<@U0ABC123> can you look", "meeting at 10", "meet @ 10",
    "contact via the team inbox", "using email", "on facebook there were concerning posts", "Signs of Safety",
    "saw posts on twitter about the school", "twitter and tiktok use discussed", "updated to v2.3 on the laptop",
    "Form 2b was completed", "Year10 pupils on tiktok", "the app is on iOS17 now", "mum @ home",
    "looked at outlook calendar", "emailed mum at hotmail", "messages on whatsapp from mum", "PS4 on xbox live",
    "ask @audit-bot in the channel", "KS2 results were good",
])
def test_ordinary_mentions_of_email_and_social_media_pass(identifier_screen: Screen, text: str) -> None:
    assert found(identifier_screen, text) == []


def test_the_refusal_says_what_to_write_instead(identifier_screen: Screen) -> None:
    with pytest.raises(UserError) as handle:
        screen_text("mum is sarahj84 on snapchat so I will arrange visits", identifier_screen, "your reflections")
    assert "“s…” looks like a social media account name: say whose account it is instead ('her social " \
           "media account', 'mum's Facebook')" in str(handle.value)
    with pytest.raises(UserError) as email:
        screen_text("mum emails from sarahjones84@gmail so", identifier_screen, "your reflections")
    assert "“s…” looks like an email address: say whose it is instead ('mum's email address')" \
        in str(email.value)


PLATFORMS = ["facebook", "instagram", "insta", "snapchat", "tiktok", "twitter", "whatsapp", "telegram", "youtube",
             "discord"]


@settings(deadline=None)
@given(name=st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=10),
       digits=st.integers(min_value=0, max_value=2012).map(str), platform=st.sampled_from(PLATFORMS),
       template=st.sampled_from(["mum is {h} on {p} so I message her", "dad's {p} is {h}", "{p}: {h}",
                                 "mum is on {p} as @{h}"]))
def test_a_name_with_digits_beside_a_platform_is_an_account(find: Callable[[str], list[tuple[str, str]]], name: str,
                                                            digits: str, platform: str, template: str) -> None:
    # 'page0', 'version2', 'year10' are numbered things, not accounts (detect._version): Hypothesis draws words from
    # the code it has loaded, so which modules a run imports decides whether it tries one
    assume(name not in _NUMBERED_THINGS)
    assert "handle" in {kind for kind, _ in find(template.format(h=name + digits, p=platform))}


@settings(deadline=None)
@given(platform=st.sampled_from(PLATFORMS),
       word=st.sampled_from(["posts", "messages", "photos", "videos", "comments", "threats", "there", "again"]))
def test_a_platform_mentioned_without_an_account_passes(find: Callable[[str], list[tuple[str, str]]], platform: str,
                                                        word: str) -> None:
    assert find(f"mum saw {word} on {platform} and told the school") == []


def test_findings_of_the_new_kinds_have_labels(identifier_screen: Screen) -> None:
    assert Finding("handle", "a social media account name", "@sj") in identifier_screen.find("on instagram as @sj")
