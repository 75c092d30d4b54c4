"""Search answers what practitioners ask, offers choices when unsure, and admits what it does not know."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import knowledge.search
from knowledge.english import everyday_words
from knowledge.loader import load_knowledge
from knowledge.search import KnowledgeSearch, SearchResult, to_json
from knowledge.textterms import STOP_WORDS

DATA = Path(__file__).parent.parent / "data"
QUERIES = DATA / "kb_queries.yaml"


@pytest.fixture(scope="module")
def small() -> KnowledgeSearch:
    return KnowledgeSearch(load_knowledge(DATA / "kb_fixtures" / "search"))


@pytest.fixture(scope="module")
def shipped() -> KnowledgeSearch:
    return KnowledgeSearch(load_knowledge())


def answered(result: SearchResult) -> str | None:
    return result.answer.entry_id if result.outcome == "answer" and result.answer else None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("when is the ICPC due?", "icpc-timescale"),  # acronym in the query, meaning in the entry
        ("initial child protection conference deadline", "icpc-timescale"),  # and the other way round
        ("What does the local authority designated officer do?", "lado"),
        ("how often do I visit a LAC", "cla-visits"),  # LAC meets "looked after"
        ("how often should children in care be seen", "cla-visits"),
        ("whats a s47", "section-47-enquiries"),
        ("assesment timescale", "assessment-timescale"),  # typo
        ("how long for an asessment", "assessment-timescale"),  # typo
        ("when is the first review conference", "rcpc-timescale"),
        ("ICPC TIMESCALE!!!", "icpc-timescale"),
        ("icpc when", "icpc-timescale"),
    ],
)
def test_confident_answers(small: KnowledgeSearch, query: str, expected: str) -> None:
    result = small.search(query)
    assert answered(result) == expected, result


def test_long_question_is_answered_from_its_last_sentence(small: KnowledgeSearch) -> None:
    query = ("I have just picked up a family from another team and the manager wants everything on the "
             "system by Friday, and there was a strategy discussion on Monday. When do we need to hold "
             "the initial conference?")
    assert answered(small.search(query)) == "icpc-timescale"


@pytest.mark.parametrize(
    "query",
    ["how do I claim overtime on payroll", "where can I park at county hall",
     "how many days annual leave do I get", "when is my payslip due", "how do I book a meeting room",
     "what's the wifi password", "", "   ", "?!?", "the and of"],
)
def test_out_of_scope_gets_none(small: KnowledgeSearch, query: str) -> None:
    result = small.search(query)
    assert result.outcome == "none", result
    assert result.answer is None and result.suggestions == ()


def test_answer_carries_runner_ups_as_suggestions(small: KnowledgeSearch) -> None:
    result = small.search("child protection conference timescale")
    assert result.outcome in ("answer", "ambiguous")
    ids = [m.entry_id for m in ([result.answer] if result.answer else []) + list(result.suggestions)]
    assert {"icpc-timescale", "rcpc-timescale"} <= set(ids)
    assert len(result.suggestions) <= 3
    assert all(0 <= m.score <= 100 for m in result.suggestions)


def test_vague_question_is_ambiguous_with_choices(small: KnowledgeSearch) -> None:
    result = small.search("conference")
    assert result.outcome == "ambiguous", result
    assert {m.entry_id for m in result.suggestions} >= {"icpc-timescale", "rcpc-timescale"}


def test_to_json_has_the_documented_shape(small: KnowledgeSearch) -> None:
    answer = to_json(small.search("when is the icpc due"))
    assert set(answer) == {"query", "answer", "suggestions"}
    assert answer["query"] == "when is the icpc due"
    assert set(answer["answer"]) == {"id", "question", "score"}
    assert answer["answer"]["id"] == "icpc-timescale"
    assert all(set(s) == {"id", "question", "score"} for s in answer["suggestions"])
    assert to_json(small.search("payroll")) == {"query": "payroll", "answer": None, "suggestions": []}


def labelled_queries() -> list[dict]:
    return yaml.safe_load(QUERIES.read_text(encoding="utf-8"))["queries"]


def test_labelled_queries_meet_the_accuracy_targets(shipped: KnowledgeSearch) -> None:
    """The issue's figures on the labelled (tuning) questions; the held-out set is only reported by `make bench`.

    One step: the entry is answered, or is among the "Did you mean…" buttons. Confident-wrong counts every
    question (in scope or not) answered with the wrong entry. The floor for answered right is a regression guard
    for this one set, below what the fit reaches on it (84.7%): the thresholds are fitted on all four tuning sets
    at once, and a third held-out set, retired into tuning, made them more cautious here.
    """
    queries = labelled_queries()
    in_scope = [q for q in queries if q.get("expect")]
    out_of_scope = [q for q in queries if not q.get("expect")]
    misses, right, one_step, wrong, declined, suggested = [], 0, 0, 0, 0, 0
    for query in queries:
        result = shipped.search(query["q"])
        expect = query.get("expect")
        given = answered(result)
        wrong += given is not None and given != expect
        if expect:
            right += given == expect
            offered = result.outcome == "ambiguous" and expect in [m.entry_id for m in result.suggestions]
            one_step += given == expect or offered
            if given != expect and not offered:
                misses.append(f"{query['q']!r}: expected {expect}, got {to_json(result)}")
        else:
            declined += result.outcome != "answer"
            suggested += result.outcome == "ambiguous"
            if result.outcome == "answer":
                misses.append(f"{query['q']!r}: expected no answer, got {to_json(result)}")
    assert in_scope and out_of_scope, "the labelled set needs in-scope and out-of-scope queries"
    report = "\n".join(misses)
    assert one_step / len(in_scope) >= 0.93, f"one step {one_step}/{len(in_scope)}\n{report}"
    assert right / len(in_scope) >= 0.83, f"answered right {right}/{len(in_scope)}\n{report}"
    assert wrong / len(queries) <= 0.02, f"confident and wrong {wrong}/{len(queries)}\n{report}"
    assert declined / len(out_of_scope) >= 0.9, f"out of scope declined {declined}/{len(out_of_scope)}\n{report}"
    assert suggested / len(out_of_scope) <= 0.2, f"out of scope given suggestions {suggested}/{len(out_of_scope)}"


def test_the_engine_uses_thresholds_fitted_on_the_labelled_questions_never_the_held_out_set() -> None:
    import json

    from knowledge.search import FIT_FILE, SearchFit

    record = json.loads(FIT_FILE.read_text(encoding="utf-8"))
    assert record["fitted_on"] == ("tests/data/kb_queries.yaml + tests/data/kb_queries_retired.yaml + "
                                   "tests/data/kb_queries_retired2.yaml + tests/data/kb_queries_retired3.yaml + "
                                   "tests/data/kb_queries_retired4.yaml + tests/data/kb_queries_retired5.yaml")
    assert "kb_heldout" not in record["fitted_on"]
    fitted = SearchFit.load()
    assert (fitted.answer_score, fitted.suggest_score, list(fitted.weights)) == \
        (record["answer_score"], record["suggest_score"], record["weights"])
    assert KnowledgeSearch(load_knowledge(DATA / "kb_fixtures" / "search")).fit == fitted


def test_a_story_around_a_question_is_answered_when_both_rankings_agree_far_ahead() -> None:
    """A long message's story scores low on every entry; a clear, agreed lead is still an answer, while the
    same scores for a plain question (no story) stay "Did you mean…"."""
    from knowledge.search import Evidence, Match, SearchFit, decide

    fit = SearchFit(answer_score=48.0, agree_score=34.0, suggest_score=25.0, narrative_score=20.0,
                    narrative_lead=1.5)
    concept = (Match("appropriate-adult", "Who is the appropriate adult?", 29.5),
               Match("pace-transfer", "PACE transfers", 9.4))
    keyword = (Match("appropriate-adult", "Who is the appropriate adult?", 12.0),)
    story = decide("arrested late at night, foster carer refused, who should sit with him",
                   Evidence(concept, keyword, narrative=True), fit)
    assert story.outcome == "answer" and story.answer is not None
    assert story.answer.entry_id == "appropriate-adult"
    assert decide("appropriate adult", Evidence(concept, keyword), fit).outcome == "ambiguous"
    other = (Match("pace-transfer", "PACE transfers", 12.0),)  # BM25 disagrees: only suggestions
    assert decide("a story", Evidence(concept, other, narrative=True), fit).outcome == "ambiguous"
    close = (concept[0], Match("pace-transfer", "PACE transfers", 25.0))  # no clear lead
    assert decide("a story", Evidence(close, keyword, narrative=True), fit).outcome == "ambiguous"


def test_a_story_whose_words_single_out_one_entry_for_bm25_is_answered_when_both_rankings_agree() -> None:
    """A story scores low and close on the concept scorer, but BM25 reads all of it against every answer: when
    its first choice is far ahead of its second and the concept scorer agrees, the story is answered."""
    from knowledge.search import Evidence, Match, SearchFit, decide

    fit = SearchFit(answer_score=48.0, agree_score=34.0, suggest_score=15.0, narrative_score=20.0,
                    narrative_lead=1.5, narrative_keyword_lead=1.6)
    concept = (Match("remand", "What happens when a child is remanded?", 17.5),
               Match("secure", "Secure accommodation", 15.0))  # too low and too close for the story rule
    far_ahead = (Match("remand", "What happens when a child is remanded?", 14.0), Match("secure", "Secure", 8.0))
    story = decide("arrested, court refused bail, what now", Evidence(concept, far_ahead, narrative=True), fit)
    assert story.outcome == "answer" and story.answer is not None and story.answer.entry_id == "remand"
    near = (far_ahead[0], Match("secure", "Secure", 10.0))
    assert decide("a story", Evidence(concept, near, narrative=True), fit).outcome == "ambiguous"
    assert decide("no story", Evidence(concept, far_ahead), fit).outcome == "ambiguous"
    disagree = (far_ahead[1], far_ahead[0])
    assert decide("a story", Evidence(concept, disagree, narrative=True), fit).outcome == "ambiguous"


def test_only_a_message_with_a_story_around_its_question_is_marked_narrative(shipped: KnowledgeSearch) -> None:
    assert not shipped.evidence("who should sit with a child arrested by police").narrative
    # (a question clause as vague as "who should sit with him" takes in the story before it as its own words)
    assert shipped.evidence("my looked after 15 year old was arrested late at night and the foster carer "
                            "refused to go in, who should sit with him at the police station").narrative


def test_people_asking_at_once_get_what_each_would_get_alone(shipped: KnowledgeSearch) -> None:
    """Each search ranks in a shared pool thread while BM25 runs in SQLite; eight people asking together
    must still each get the outcome, answer, suggestions and scores of asking alone."""
    questions = [query["q"] for query in labelled_queries()[:240]]
    alone = [shipped.search(question) for question in questions]
    with ThreadPoolExecutor(8) as people:
        together = list(people.map(shipped.search, questions))
    assert together == alone
    assert sum(result.outcome == "answer" for result in alone) > 150  # real answers were compared, not empties


def test_a_question_asked_while_the_bot_shuts_down_is_still_answered(
        shipped: KnowledgeSearch, monkeypatch: pytest.MonkeyPatch) -> None:
    """At shutdown the ranking pool takes no new work; the search then ranks in the asking thread."""
    before = shipped.search("when is the ICPC due?")

    def closed(*args: object, **kwargs: object) -> None:
        raise RuntimeError("cannot schedule new futures after interpreter shutdown")
    monkeypatch.setattr(knowledge.search._RANKING, "submit", closed)
    after = shipped.search("when is the ICPC due?")
    assert after == before and answered(after) == "icpc-timescale"


@pytest.mark.parametrize("query", ["stepping down to early help", "stepped down to early help"])
def test_another_form_of_an_entrys_verb_is_answered_as_its_wording_is(shipped: KnowledgeSearch, query: str) -> None:
    """From a user trial: the alternative "step down to early help" is answered outright, but "stepping
    down…" got only "Did you mean…" while the stemmer read "stepping" as "stepp". (Trial 51 F9: the wording is the
    case closure entry's, which says what a step-down needs before the case closes.)"""
    assert answered(shipped.search("step down to early help")) == "case-closure"
    result = shipped.search(query)
    assert answered(result) == "case-closure", to_json(result)


def test_a_mistyped_question_word_asks_what_the_question_word_asks(shipped: KnowledgeSearch) -> None:
    """From a user trial: "wen is the cin review" got "I don't know that yet" while "when is the cin review" is
    answered; the typo was read as an unknown, informative word. A word the knowledge base lacks that is one
    letter from a question word but no typo of one ("fee", "cost", "shy", "hat") still counts as a word."""
    for typo, meant, entry in [("wen is the cin review", "when is the cin review", "cin-plan-reviews"),
                               ("wat is a strategy discussion", "what is a strategy discussion", "strategy-discussion"),
                               ("whn is the icpc due", "when is the icpc due", "icpc-timescale")]:
        got, wanted = shipped.search(typo), shipped.search(meant)
        assert answered(got) == entry, to_json(got)
        assert (got.answer, got.suggestions) == (wanted.answer, wanted.suggestions)
    words = ["fee", "cost", "dog", "hrs", "shy", "war", "won", "hat", "hen", "cat"]
    assert shipped._read(words) == words
    assert shipped._read(["wks", "wk"]) == ["weeks", "week"]  # text-speak for weeks (trial 29), never a stop word


def test_an_everyday_word_the_entries_lack_is_not_read_as_one_they_have(shipped: KnowledgeSearch) -> None:
    """From the tuning questions: "who was the first person on the moon" was answered with the entry on children's
    mental health, the one entry saying "mood", which the typo correction read "moon" as. A real word is no typo:
    such questions are declined, while genuine typos, and everyday words clipped from the entries' own, still are."""
    for query in ("who was the first person on the moon", "how far is the moon from earth",
                  "will it rain this weekend", "how do i change a flat tyre"):
        result = shipped.search(query)
        assert result.outcome == "none", to_json(result)
    words = ["moon", "tips", "stuff", "supposed", "wine", "tyre", "rain"]
    assert shipped._read(words) == words
    for typo, entry in [("contexual safegaurding", "contextual-safeguarding"), ("icpc timscale", "icpc-timescale"),
                        ("asessment timscale 45 days", "assessment-timescale"),
                        ("perm plan by 2nd LAC review?", "permanence-planning")]:
        result = shipped.search(typo)
        assert answered(result) == entry, to_json(result)


@given(st.sampled_from(sorted(everyday_words())))
@settings(max_examples=300, deadline=None)
def test_an_everyday_word_is_read_as_itself_a_form_of_itself_or_a_stop_word(shipped: KnowledgeSearch,
                                                                            word: str) -> None:
    """Whatever everyday English word is typed, the search never reads it as another word that would count for an
    entry: at most as a word it starts ("rehab" as "rehabilitation", "permanent" as "permanently"), another form of
    it sharing a root of five letters or more ("renewal" as "renewed"), or a stop word ("dose" as "does")."""
    [read] = shipped._read([word])
    shared = next((place for place, (a, b) in enumerate(zip(word, read, strict=False)) if a != b),
                  min(len(word), len(read)))
    spelt_other_way = len(read) == len(word) > shared >= 4 and read[shared + 1:] == word[shared + 1:] \
        and {word[shared], read[shared]} in ({"c", "s"}, {"s", "z"})  # "practise" as "practice"
    assert read == word or read in STOP_WORDS or shared == len(word) or shared >= 5 or spelt_other_way, read


def test_a_british_spelling_of_a_word_the_entries_use_is_read_as_it(shipped: KnowledgeSearch) -> None:
    """srch11's everyday-word rule left "best practise" (the British verb) unread, with no suggestion at all, where
    it had been read as "best practice" before; the noun and verb, and -ise and -ize, are one word spelt two ways.
    Other everyday words stay as typed ("moon" is still not "mood")."""
    assert shipped._read(["best", "practise"]) == ["best", "practice"]
    assert shipped.search("best practise").suggestions == shipped.search("best practice").suggestions != ()
    assert shipped._read(["moon", "rise"]) == ["moon", "rise"]


def test_a_typo_is_read_as_the_word_whose_letters_it_keeps(shipped: KnowledgeSearch) -> None:
    """From the tuning questions: "reflective supervison frequency" was read as "reflective supervisor frequency" and
    got only "Did you mean…", and "secton 47" was "sector 47": of two words one edit away, the one sharing a longer
    start won, though it needs a letter typed for another where the right word only needs one left out."""
    assert shipped._read(["supervison", "secton", "aduit"]) == ["supervision", "section", "audit"]
    for typo, entry in [("reflective supervison frequency", "reflective-supervision"),
                        ("secton 47 enquirys what next", "section-47-enquiries")]:
        result = shipped.search(typo)
        assert answered(result) == entry, to_json(result)


def test_not_yet_good_is_read_as_the_grade_requires_improvement_to_be_good(shipped: KnowledgeSearch) -> None:
    """"Not yet good" is the sector's shorthand for requires improvement to be good; read as the words "not", "yet"
    and "good" beside "marked", it was answered with the entry on bruises on babies who are not yet mobile."""
    for question in ("the audit marked my case not yet good, what happens next",
                     "my work was judged not good yet at audit, what now"):
        result = shipped.search(question)
        offered = [m.entry_id for m in ((result.answer,) if result.answer else result.suggestions[:3])]
        assert "graded-requires-improvement" in offered, question


def test_signing_off_work_is_not_read_as_the_signs_of_harm(shipped: KnowledgeSearch) -> None:
    """"Who signs off…" asks about a manager's approval; read as "signs" it offered the entry on the warning signs of
    child sexual exploitation first (trial 14 F8)."""
    for question in ("who signs off my assessment", "who signs off the care plan"):
        result = shipped.search(question)
        offered = [m.entry_id for m in ((result.answer,) if result.answer else result.suggestions)]
        assert "cse" not in offered, question


def test_a_family_moving_to_another_uk_nation_is_a_case_transfer(shipped: KnowledgeSearch) -> None:
    """A family moving to Wales or Scotland is a transfer between authorities (trial 14 F10: "I don't know")."""
    for question in ("the family moved to Wales, who holds the case now", "mum and the kids have moved to Scotland"):
        result = shipped.search(question)
        offered = [m.entry_id for m in ((result.answer,) if result.answer else result.suggestions[:3])]
        assert "cp-transfer-in" in offered, question


def test_everyday_shorthand_is_read_as_the_words_it_stands_for(shipped: KnowledgeSearch) -> None:
    """Trial 24: "when r review confs due after the first one" and "when are review confs due" got "I don't know that
    yet", though "conferences" spelt out is answered: "confs" was an unknown word and "conf" was read as "confirm".
    Shorthand the vocabulary lists is read as the word of its own group it starts, a plural as its clipped word, and
    text-speak ("r", "u") as the word meant."""
    assert shipped._read(["conf", "confs", "docs", "r", "u"]) == ["conference", "conference", "documents", "are", "you"]
    wanted = shipped.search("when are review conferences due")
    assert answered(wanted) == "rcpc-timescale"
    for shorthand in ("when are review confs due", "when r review confs due after the first one",
                      "when is the review conf due"):
        result = shipped.search(shorthand)
        assert answered(result) == "rcpc-timescale", to_json(result)
    assert answered(shipped.search("when is the initial cp conf due")) == "icpc-timescale"


@pytest.mark.parametrize("word", ["exams", "gates", "genus", "circus", "cats", "fats", "beats", "figs"])
def test_an_everyday_plural_is_not_read_as_a_longer_word_its_singular_starts(shipped: KnowledgeSearch,
                                                                            word: str) -> None:
    """The shorthand rule above reads a plural through its clipped word only where the vocabulary lists that
    shorthand: CI found "genus" read as "genuinely", and "exams" was read as "example", "gates" as "gateway", "fats"
    as "father", so a question holding them counted for entries it never named."""
    assert shipped._read([word]) == [word]


@pytest.mark.parametrize("question", ["how do i strat an audt", "strat a new audit", "can i strat the audit again"])
def test_a_swapped_letter_verb_before_a_determiner_is_read_as_the_verb(shipped: KnowledgeSearch, question: str) -> None:
    """A worker typing "how do i strat an audt" was told when a strategy discussion is needed: "strat" is the
    vocabulary's shorthand for a strategy discussion. Before "a", "an", "the"... it is a verb: "start"."""
    assert answered(shipped.search(question)) == "start-audit"


@pytest.mark.parametrize(("question", "entry"), [("strat was on tuesday, whens the icpc due", "icpc-timescale"),
                                                  ("who goes to a strat meeting", "strategy-discussion")])
def test_strat_as_a_noun_is_still_a_strategy_discussion(shipped: KnowledgeSearch, question: str, entry: str) -> None:
    """The verb reading applies only before a determiner: "strat was on tuesday" still counts from a strategy
    discussion, and "a strat meeting" is one."""
    assert answered(shipped.search(question)) == entry
    assert shipped._read(["strat", "was"])[0] == "strat"


@pytest.mark.parametrize("word", ["south", "east"])
def test_a_common_word_is_not_read_as_a_longer_word_it_starts(shipped: KnowledgeSearch, word: str) -> None:
    """Trial 26: "how is the south team doing" was answered with the entry on homeless 16 and 17 year olds, as
    "south" was read as the start of "Southwark" (the judgment that entry names); "east" was read as "Easter"."""
    assert shipped._read([word]) == [word]
    assert shipped._read(["perm", "rehab"]) == ["permanence", "rehabilitation"]  # rarer clipped words still are
    result = shipped.search(f"how is {word} doing")  # was answered: homeless 16-17s, counting working days
    assert result.answer is None and not result.suggestions, to_json(result)


@pytest.mark.parametrize("query", [
    "mum keeps cancelling home visits and says kids are at nans, dad not engaging, school says attendance 60%, "
    "what do i do",
])
def test_cancelled_visits_are_read_as_visits_with_no_access(shipped: KnowledgeSearch, query: str) -> None:
    """Trial 49: a parent cancelling home visits got disguised compliance and elective home education, nothing on the
    visits the worker could not make; cancelled visits are a way of being denied access."""
    result = shipped.search(query)
    offered = [answered(result)] + [match.entry_id for match in result.suggestions]
    assert "no-access-visit" in offered[:3], to_json(result)


def test_a_classic_disguised_compliance_story_is_answered_with_disguised_compliance(shipped: KnowledgeSearch) -> None:
    """Trial 46: visits cancelled, a spotless house, children hungry at school got only "Did you mean…"."""
    result = shipped.search("mum keeps cancelling visits last minute and when we do get in the house is spotless but "
                            "school say the kids come in hungry and smelly, what am i looking at here")
    assert answered(result) == "disguised-compliance", to_json(result)


def test_how_long_records_are_kept_after_closure_leads_with_records_retention(shipped: KnowledgeSearch) -> None:
    """Trial 46: "how long are records kept after closure" led with the entry on closing a case."""
    result = shipped.search("how long are records kept after closure")
    offered = [answered(result)] + [match.entry_id for match in result.suggestions]
    assert next(entry for entry in offered if entry) == "record-retention", to_json(result)
