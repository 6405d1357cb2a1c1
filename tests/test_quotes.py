"""Quotations: marks, kinds and speakers, on the seed articles and on one sentence per pattern.

Needs only this repository (seeds/ and the spaCy model), not ../shared.
"""
from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscorpus.nlp.extract import extract, extract_many
from newscorpus.nlp.quote_spans import quoted_spans
from newscorpus.parse.article import parse_article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# (seed file, first words of the quote, speakers) - hand-checked, as in ../shared/gold/seeds.json
SEED_QUOTES = [
    ("000_daacec63cab2f44b.txt", "Now we are preparing a document", ["Sergei Lavrov"]),
    ("001_6e285dae17605ef2.txt", "If we understand", ["Sergei Lavrov"]),
    ("001_6e285dae17605ef2.txt", "The task of developing common systemic approaches", ["Sergei Lavrov"]),
    ("001_6e285dae17605ef2.txt", "Western partners prefer to cooperate", ["Sergei Lavrov"]),
    ("001_6e285dae17605ef2.txt", "However, we are convinced that common sense will prevail", ["Sergei Lavrov"]),
    ("001_6e285dae17605ef2.txt", "the fight against extremist ideology", ["Sergei Lavrov"]),
    ("002_2f9f47c4c48ed490.txt", "Therefore, it’s impossible for the sides to admit", ["Vasily Kashin"]),
    ("002_2f9f47c4c48ed490.txt", "If we look at the US-Japanese treaty", ["Vasily Kashin"]),
    ("003_5f0b33833cac1001.txt", "Relations between China and Russia are based on the principles", ["Wang Wenbin"]),
    ("003_5f0b33833cac1001.txt", "The relationship between the two countries has outclassed", ["Wang Wenbin"]),
    ("003_5f0b33833cac1001.txt", "no limits", ["Xi Jinping", "Vladimir Putin"]),
    ("003_5f0b33833cac1001.txt", "ambitions and coercive policies", ["NATO"]),
    ("004_15421ec3b91da476.txt", "We will not worsen our relations with China", ["Sergei Lavrov"]),
    ("004_15421ec3b91da476.txt", "sanctions and ultimatums", ["Sergei Lavrov"]),
    ("004_15421ec3b91da476.txt", "China uses its economic power", ["Sergei Lavrov"]),
    ("004_15421ec3b91da476.txt", "Perhaps the fathers of the current globalization", ["Sergei Lavrov"]),
    ("004_15421ec3b91da476.txt", "mutual trust between Russia and China is invincible", ["Wang Yi"]),
    ("004_15421ec3b91da476.txt", "maintaining international peace and stability", ["Wang Yi"]),
    ("004_15421ec3b91da476.txt", "destined to fail", ["Le Yucheng"]),
]
SEED_NOT_QUOTES = [
    ("000_daacec63cab2f44b.txt", "sanctions"),
    ("000_daacec63cab2f44b.txt", "The Big Game"),
    ("001_6e285dae17605ef2.txt", "alliance"),
    ("001_6e285dae17605ef2.txt", "military alliance"),
    ("004_15421ec3b91da476.txt", "Invincible Mutual Trust"),
]


def _fold(text: str) -> str:
    return text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').casefold()


@pytest.fixture(scope="module")
def seed_extractions():
    names = sorted({name for name, _, _ in SEED_QUOTES} | {name for name, _ in SEED_NOT_QUOTES})
    bodies = [parse_article((SEEDS / name).read_text(encoding="utf-8")).body for name in names]
    return {name: (body, extraction) for name, body, extraction in zip(names, bodies, extract_many(bodies))}


def quote_starting(quotes, words):
    return next((q for q in quotes if _fold(q.text).startswith(_fold(words))), None)


@pytest.mark.parametrize("name, words, speakers", SEED_QUOTES, ids=[w[:30] for _, w, _ in SEED_QUOTES])
def test_seed_quote_and_speakers(seed_extractions, name, words, speakers):
    body, extraction = seed_extractions[name]
    quote = quote_starting(extraction.quotes, words)
    assert quote is not None, [q.text[:40] for q in extraction.quotes]
    assert quote.speakers == speakers
    assert body[quote.start:quote.end] == quote.text


@pytest.mark.parametrize("name, text", SEED_NOT_QUOTES)
def test_seed_not_quotes_are_not_stored(seed_extractions, name, text):
    _, extraction = seed_extractions[name]
    assert not any(_fold(q.text).strip(" .,") == _fold(text) for q in extraction.quotes)


def test_seed_kinds(seed_extractions):
    _, extraction = seed_extractions["004_15421ec3b91da476.txt"]
    assert quote_starting(extraction.quotes, "We will not worsen").kind == "direct"
    assert quote_starting(extraction.quotes, "destined to fail").kind == "partial"
    assert quote_starting(extraction.quotes, "sanctions and ultimatums").kind == "partial"
    assert quote_starting(extraction.quotes, "We will not worsen").cue == "said"


def only_quote(body: str):
    quotes = extract(body).quotes
    assert len(quotes) == 1, quotes
    return quotes[0]


# one article per pattern: (body, first words of the quote, kind, cue, speakers)
PATTERNS = {
    "quote then said X": ("“We will win this election,” Maria Lopez said on Monday.",
                          "We will win", "direct", "said", ["Maria Lopez"]),
    "said X inverted": ("“Taxes will go down next year,” said Senator John Harris.",
                        "Taxes will go down", "direct", "said", ["John Harris"]),
    "colon": ("Asked about the treaty, Wang Yi said: \"The treaty serves both countries well.\"",
              "The treaty serves", "direct", "said", ["Wang Yi"]),
    "said that": ("Angela Merkel said that “Europe must take its fate into its own hands.”",
                  "Europe must take", "direct", "said", ["Angela Merkel"]),
    "mixed marks": ("“We will not give up our friends just to please anyone,\" Pedro Sanchez said.",
                    "We will not give up", "direct", "said", ["Pedro Sanchez"]),
    "NYT double apostrophes": ("''That was not a good way to treat me,'' Benjamin Netanyahu complained.",
                               "That was not a good way", "direct", "complained", ["Benjamin Netanyahu"]),
    "told Y that": ("Boris Johnson told reporters that “the deal is done and dusted for good.”",
                    "the deal is done", None, "told", ["Boris Johnson"]),
    "expressed confidence that": ("Foreign Minister Wang Yi expressed confidence that “mutual trust between "
                                  "the two countries is invincible,” adding that ties were excellent.",
                                  "mutual trust", None, None, ["Wang Yi"]),
    "according to": ("According to Kamala Harris, the country needs \"a new way forward on housing\" now.",
                     "a new way forward", "partial", "according to", ["Kamala Harris"]),
    "noted the minister": ("Foreign Minister Sergei Lavrov spoke on Monday.\n\n"
                           "“However, we are convinced that common sense will prevail,” noted the minister.",
                           "However, we are convinced", "direct", "noted", ["Sergei Lavrov"]),
    "two speakers": ("President Joe Biden and Prime Minister Justin Trudeau said their alliance is "
                     "“stronger than ever” after the talks.",
                     "stronger than ever", "partial", "said", ["Joe Biden", "Justin Trudeau"]),
}


@pytest.mark.parametrize("pattern", sorted(PATTERNS))
def test_pattern(pattern):
    body, words, kind, cue, speakers = PATTERNS[pattern]
    quote = quote_starting(extract(body).quotes, words)
    assert quote is not None
    assert quote.speakers == speakers
    if kind:
        assert quote.kind == kind
    if cue:
        assert quote.cue == cue
    assert body[quote.start:quote.end] == quote.text


def test_pronoun_resolves_to_the_speaker_not_a_person_named_inside_the_quote():
    body = ("Russian Foreign Minister Sergei Lavrov spoke to reporters in Moscow.\n\n"
            "“As President Vladimir Putin has repeatedly said, Russia and China have no plans "
            "to create a military alliance,” he stressed.")
    assert only_quote(body).speakers == ["Sergei Lavrov"]


def test_role_resolves_to_the_titled_person():
    body = ("Chinese Foreign Ministry Spokesperson Wang Wenbin spoke on Wednesday. The meeting with "
            "Senator Tom Clark was postponed.\n\n"
            "\"The relationship between the two countries has outclassed the old model,\" the Chinese "
            "diplomat added.")
    quote = quote_starting(extract(body).quotes, "The relationship")
    assert quote.speakers == ["Wang Wenbin"]
    assert quote.cue == "added"


def test_quote_paragraph_without_cue_continues_the_previous_speaker():
    body = ("“The economy is strong,” Janet Yellen said in Washington.\n\n"
            "“We expect growth to continue through the end of the year and beyond.”")
    quotes = extract(body).quotes
    assert [q.speakers for q in quotes] == [["Janet Yellen"], ["Janet Yellen"]]
    assert quotes[1].cue is None


def test_document_author_is_the_speaker():
    body = ("The 31 NATO allies issued a communique on Tuesday in Vilnius. According to the document, "
            "China’s \"ambitions and coercive policies\" challenge the alliance’s interests.")
    assert only_quote(body).speakers == ["NATO"]


def test_unknown_speaker_is_left_empty_rather_than_guessed():
    body = ("Donald Trump held a rally in Ohio.\n\n"
            "“This is the worst deal ever made in the history of trade,” a senior official said.")
    assert only_quote(body).speakers == []


def test_unclosed_quote_ends_at_its_paragraph():
    body = ("“Therefore, it’s impossible for the sides to admit that they could create an alliance,” "
            "Vasily Kashin said. Their rhetoric will be: “This is another thing, a very close partnership.\n\n"
            "The treaty was signed in 2001.")
    spans = [s.text(body) for s in quoted_spans(body)]
    assert spans[-1] == "This is another thing, a very close partnership."
    assert not any("2001" in q.text for q in extract(body).quotes)


def test_nested_quotes_stay_inside_the_outer_one():
    body = "“If we understand ‘alliance’ as ‘military alliance’ then nobody plans one,” Sergei Lavrov said."
    quote = only_quote(body)
    assert quote.text.startswith("If we understand ‘alliance’")
    assert quote.speakers == ["Sergei Lavrov"]


def test_apostrophes_are_not_quote_marks():
    body = ("Vasily Kashin, a fellow at the Russian Academy of Sciences’ Institute, said the countries’ "
            "leaders don’t want a bloc. ‘We are partners,’ he said.")
    assert [s.text(body) for s in quoted_spans(body)] == ["We are partners,"]


def test_quotation_over_several_paragraphs_is_one_quote():
    body = ("“The first part of the statement runs on for a while,” Maria Lopez said. “And it goes on.\n\n"
            "“It ends in the next paragraph.”")
    quotes = extract(body).quotes
    last = quotes[-1]
    assert last.text == "And it goes on.\n\nIt ends in the next paragraph."
    assert last.speakers == ["Maria Lopez"]
    assert body[last.start:last.end].startswith("And it goes on.") and body[last.end:] == "”"


def test_scare_quotes_titles_and_headings_are_not_quotes():
    body = ("Russia and China will not answer foreign “sanctions” together.\n\n"
            "Lavrov spoke on Channel One’s “The Big Game” on Sunday.\n\n"
            "‘Invincible Mutual Trust’\n\n"
            "The talks went on.")
    assert extract(body).quotes == []


def test_partial_quote_needs_a_cue():
    body = "The plan was “a disaster for working families” in every way."
    assert extract(body).quotes == []


def test_quote_marks_alone_make_no_quote():
    assert [s.text("“ ” '' \"\" ‘’") for s in quoted_spans("“ ” '' \"\" ‘’")] == []


@pytest.mark.parametrize("body", ["", " ", "\n\n", "\"", "“", "'''", "”“", "\"\"\"\"\"", "‘’’‘", "« a »",
                                  "He said: \"", "x" * 50_000, ("“word " * 3000) + "\n\n" + ("” said " * 3000)])
def test_odd_input_never_raises(body):
    for quote in extract(body).quotes:
        assert 0 <= quote.start <= quote.end <= len(body)


def test_random_quote_marks_never_raise():
    rng = random.Random(20240601)
    alphabet = list("“”‘’\"'`«» ,.:\n") + ["said", "Lavrov", "he", "the minister", "word"]
    bodies = [" ".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80))) for _ in range(60)]
    for body, extraction in zip(bodies, extract_many(bodies, batch_size=16)):
        for quote in extraction.quotes:
            assert quote.kind in {"direct", "partial"}
            assert 0 <= quote.start <= quote.end <= len(body)


def test_extract_many_matches_extract():
    bodies = [PATTERNS["colon"][0], "", PATTERNS["said X inverted"][0]]
    many = list(extract_many(bodies, batch_size=2))
    assert [len(e.quotes) for e in many] == [len(extract(b).quotes) for b in bodies]


def test_name_before_colon_is_the_speaker():
    body = "The surge does not surprise pollster Daron Shaw: “Lesser-known candidates always see the biggest boost.”"
    assert only_quote(body).speakers == ["Daron Shaw"]


def test_relative_pronoun_takes_the_noun_it_describes():
    body = "Maria Lopez, who told reporters, “We are ready for the vote tomorrow,” left early."
    assert only_quote(body).speakers == ["Maria Lopez"]


def test_quote_signed_on_the_next_line():
    body = "\"Boeing and GE and other multinationals pay zero taxes in this country.\"\n\n- Bernie Sanders."
    assert only_quote(body).speakers == ["Bernie Sanders"]


def test_a_long_title_between_the_verb_and_the_name():
    body = ("The opposition said the plan meant an extra tax on every new house. “This is typical of their "
            "hypocrisy,” said Tory shadow local government secretary Caroline Spelman.")
    assert only_quote(body).speakers == ["Caroline Spelman"]


@pytest.mark.parametrize("body, speaker", [
    ("Maria Mutola took the women's 800m title in Birmingham. “You'll see me in Madrid, there is a lot more "
     "to come,” said the 22-year-old.", "Maria Mutola"),
    # the parser reads "the 19-year-old told reporters" as "old reporters"
    ("Wayne Rooney scored twice against Fenerbahce. “It was a great night for all of us,” the 19-year-old "
     "told reporters.", "Wayne Rooney"),
])
def test_an_age_stands_for_the_person_the_story_is_about(body, speaker):
    assert only_quote(body).speakers == [speaker]


def test_a_failing_step_leaves_its_part_empty_and_keeps_the_other(monkeypatch):
    """extraction_of holds the one 'never raises' guarantee of the NLP stage, for each step."""
    from newscorpus.nlp import extract as extract_module

    body = '"We will not sign it," Sergei Lavrov said in Moscow.'

    def broken(*_args):
        raise RuntimeError("a bug in one step")

    monkeypatch.setattr(extract_module, "find_entities", broken)
    without_entities = extract(body)
    assert without_entities.entities == [] and [q.text for q in without_entities.quotes] == ["We will not sign it,"]
    monkeypatch.undo()
    monkeypatch.setattr(extract_module, "find_quotes", broken)
    without_quotes = extract(body)
    assert without_quotes.quotes == [] and "Sergei Lavrov" in {e.name for e in without_quotes.entities}


# ---------------------------------------------------------------- vox pops: a label, then the quote
VOX_INTRO = "We asked shoppers in the city centre what they made of the new parking charges.\n\n"


@pytest.mark.parametrize("labels", [
    ["Jane Roe, 34, Leeds:", "Tom Brown, 61, York:"],          # name, age and town, then a colon
    ["Jane Roe, 34, nurse", "Tom Brown, retired teacher"],     # the label alone on its line
    ["Jane Roe, The Daily Record:", "Tom Brown, The Evening Post:"],  # columnists and their outlets
])
def test_each_vox_pop_quote_is_the_person_of_the_label_above_it(labels):
    quotes = ["\u201cIt is far too expensive to park here now, and I will shop elsewhere.\u201d",
              "\u201cI think it is fair enough, the council needs the money for the buses.\u201d"]
    body = VOX_INTRO + "\n\n".join(f"{label}\n\n{quote}" for label, quote in zip(labels, quotes))
    found = extract(body).quotes
    assert [q.speakers[:1] for q in found] == [["Jane Roe"], ["Tom Brown"]], [(q.text, q.speakers) for q in found]


@pytest.mark.parametrize("above, expected", [
    ("Jane Roe disagreed with the council.", ["Jane Roe"]),  # a sentence: its reporting clause, as before
    ("Leeds:", []),                                          # a place is nobody's label
])
def test_lines_that_only_resemble_a_vox_pop_label(above, expected):
    body = VOX_INTRO + f"{above}\n\n\u201cIt is far too expensive to park here now, and I will shop elsewhere.\u201d"
    (quote,) = extract(body).quotes
    assert quote.speakers[:1] == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 300), st.integers(1, 40)), max_size=12), st.integers(-5, 360))
def test_in_quote_is_whether_any_quoted_range_holds_the_offset(ranges, offset):
    """The binary search agrees with the plain definition, overlapping and nested ranges included."""
    from newscorpus.nlp.context import QuoteContext

    quoted = [(start, start + length) for start, length in ranges]
    context = QuoteContext(doc=None, entities=[], mentions=[], quoted=quoted, text="x")
    assert context.in_quote(offset) == any(s <= offset < e for s, e in quoted)


def test_a_long_line_of_quoted_tags_is_not_taken_for_quotes():
    body = "Keywords: " + ", ".join(f'"tag{i}"' for i in range(300)) + "."
    assert extract(body).quotes == []


def over_budget_tags() -> str:
    """A line of quoted tags whose quotation search takes several seconds here: 3,000 tags, since
    on a quiet machine 1,500 were searched inside the 1 s budget."""
    return "Keywords: " + ", ".join(f'"tag{i}"' for i in range(3000)) + "."


def test_a_stage_over_its_time_budget_leaves_its_part_empty_with_a_note_and_keeps_the_rest():
    from newscorpus.nlp.extract import extract_many

    hostile = over_budget_tags()
    body = 'Mayor Jane Roe said: "We are ready for the storm." ' + hostile
    # names take a few hundredths of a second here, quotations several seconds
    [limited] = extract_many([body], budget=1.0)
    assert limited.quotes == [] and limited.notes == ["quotations not searched: over the 1 s time budget"]
    assert "Jane Roe" in {entity.name for entity in limited.entities}  # found before the budget ran out
    [unlimited] = extract_many([body[:300]])
    assert unlimited.notes == [] and unlimited.quotes


def test_the_time_budget_gives_way_outside_the_main_thread():
    import threading

    from newscorpus.nlp.extract import OverBudget, time_budget

    outcome = []

    def slow():
        try:
            with time_budget(0.01):
                sum(range(3_000_000))
            outcome.append("finished")
        except OverBudget:
            outcome.append("stopped")

    worker = threading.Thread(target=slow)
    worker.start()
    worker.join()
    assert outcome == ["finished"]  # no timer signal in a thread: the code runs unbounded
    with pytest.raises(OverBudget):
        with time_budget(0.01):
            sum(range(30_000_000))


def test_ingest_stores_an_article_over_budget_in_part_and_says_so(tmp_path, monkeypatch):
    import sqlite3

    from helpers import run_ingest
    from newscorpus.nlp import extract as extract_module

    monkeypatch.setattr(extract_module, "STAGE_BUDGET_SECONDS", 1.0)
    (tmp_path / "tags.txt").write_text("Festival programme announced\n\nMayor Jane Roe opened the festival on Monday. "
                                       + over_budget_tags() + "\n")
    result = run_ingest(tmp_path / "tags.txt", "--db", tmp_path / "c.db", "--root", tmp_path)
    assert result.exit_code == 0 and "1 added" in result.output
    assert "STORED IN PART tags.txt: quotations not searched: over the 1 s time budget" in result.output
    with sqlite3.connect(tmp_path / "c.db") as conn:
        assert conn.execute("select count(*) from quotes").fetchone() == (0,)
        assert ("Jane Roe",) in conn.execute("select name from entities").fetchall()
