"""The body: furniture, teaser lists, newsletter boxes, author bios and footers out; paragraphs kept."""
from __future__ import annotations

import pytest

from helpers import ARTICLE, BLANK_LINE_ARTICLE, SEEDS
from newscorpus.parse import parse_article


def test_boilerplate_records_line_numbers_and_rules(rules):
    text = (SEEDS / "002_2f9f47c4c48ed490.txt").read_text(encoding="utf-8")
    parts = parse_article(text, rules)
    lines = text.split("\n")
    for removed in parts.boilerplate:
        assert lines[removed.position].strip() == removed.text
        assert removed.rule
    assert {b.rule for b in parts.boilerplate if b.text == "Related articles"} == {"related_list"}


def test_related_list_headlines_and_bylines_leave_the_body(rules):
    text = ARTICLE + ("Related articles\nMayor Opens New Library In The Old Town Hall\nJohn Roe\n"
                      "Ferry Fares Rise For The Third Year Running\nHarbour Times Staff\n")
    parts = parse_article(text, rules)
    assert "Mayor Opens" not in parts.body and "John Roe" not in parts.body
    assert parts.body.endswith("which flood every winter.")


@pytest.mark.parametrize("bio", [
    "Jane Doe is a senior reporter at the Harbour Times, where she has covered local politics since 2015.",
    "JANE DOE has written about the harbour for twenty years.",
    "Jane covers the council, the port and the courts for the Harbour Times.",
])
def test_the_authors_closing_bio_leaves_the_body(rules, bio):
    parts = parse_article(ARTICLE + bio + "\nFollow us\n", rules)
    assert parts.byline == "Jane Doe"
    assert bio not in parts.body and parts.body.endswith("which flood every winter.")
    assert [b.rule for b in parts.boilerplate if b.text == bio] == ["author_bio"]


@pytest.mark.parametrize("paragraph", [
    "Doe is expected to present the plan again in the spring, after the elections.",  # the surname alone
    "Janet Doe is the mayor's sister and voted against the budget on Tuesday night.",  # another person
    "Jane Doe said the vote was the closest the council had seen in a decade of budgets.",  # not a bio verb
])
def test_closing_paragraphs_that_only_resemble_a_bio_stay(rules, paragraph):
    assert parse_article(ARTICLE + paragraph + "\n", rules).body.endswith(paragraph)


def test_a_newsletter_box_leaves_with_its_strapline_and_lines_that_only_resemble_it_stay(rules):
    paragraphs = ARTICLE.split("\n", 2)[2].rstrip("\n").split("\n")
    box = ("Sign Up for the Harbour Newsletter\nDaily news about the port, the ferries and the people "
           "who work on the water.\nEmail\nSign Me Up\n")
    kept = ("The latest news about the pier is that the repairs start in May.\n"
            "Read the latest updates on the budget below:\n")
    text = ARTICLE.split("\n", 2)[0] + "\n" + paragraphs[0] + "\n" + box + kept + "\n".join(paragraphs[1:]) + "\n"
    parts = parse_article(text, rules)
    assert "Daily news about the port" not in parts.body and "Sign Me Up" not in parts.body
    assert "The latest news about the pier" in parts.body and "Read the latest updates" in parts.body
    assert rules.dropped_by("The latest news about the coronavirus outbreak in Sweden (paywall-free)") == "newsletter"


def test_crlf_text_parses_like_lf(rules):
    text = ARTICLE + "1 comment\nWayne Mickel March 6, 2021 at 10:08 am\nGood.\n"
    assert parse_article(text.replace("\n", "\r\n"), rules) == parse_article(text, rules)


def test_blank_line_separated_blocks_and_hard_wrapped_lines(rules):
    text = ("A Title For The Story\n\n\nThe first paragraph was wrapped by an old mail client so\n"
            "that it runs over two lines of the file.\n\nThe second paragraph is one line.\n")
    parts = parse_article(text, rules)
    assert parts.paragraphs == [
        "The first paragraph was wrapped by an old mail client so that it runs over two lines of the file.",
        "The second paragraph is one line."]


@pytest.mark.parametrize("text", [
    "", " \n\n\t \r\n", "\ufeff", "word " * 200_000, "\u202e\u0000\ud7ff\U0001f600 ünïcödé ✓\n" * 50,
    "Reply\n" * 100, "1 comment\n" * 30, "©\n(Photo:)\nBy\n—\n", "a" * 5000 + "\n" + "MOSCOW – " * 500,
])
def test_odd_input_returns_parts_without_raising(text, rules):
    parts = parse_article(text, rules)
    assert isinstance(parts.paragraphs, list)


def test_body_keeps_paragraphs_separated_by_blank_lines():
    parts = parse_article(next(SEEDS.glob("001_*.txt")).read_text(encoding="utf-8"))
    assert len(parts.paragraphs) >= 9
    assert parts.body.count("\n\n") == len(parts.paragraphs) - 1


def test_byline_is_read_and_kept_out_of_the_body():
    parts = parse_article(BLANK_LINE_ARTICLE)
    assert parts.byline and "Jane Doe" in parts.byline
    assert "By Jane Doe" not in parts.body


def test_newsletter_share_and_related_lists_are_removed():
    furniture = ("Share this:\nClick to share on Twitter (Opens in new window)\nFollow us on Facebook and Instagram\n"
                 "Sign up for our daily newsletter\nRelated articles\nMayor Opens New Library Downtown\nJohn Roe\n"
                 "Storm Closes Schools Across County\nStaff Writer\n© 2021 City News. All rights reserved.")
    parts = parse_article(BLANK_LINE_ARTICLE + "\n" + furniture)
    for line in furniture.split("\n"):
        assert line not in parts.body, line
    assert parts.body.endswith("for that reason alone.")
    assert {b.rule for b in parts.boilerplate}


PROMOTIONS_AND_FOOTERS = [
    "Simple theme. Powered by Blogger.",
    "Archive – RSS – Contact – 2015-2022 by Ann Lee – Powered by Hugo",
    "View my complete profile",
    "All content on this site is licensed under a Creative Commons Attribution 4.0 licence.",
    "Weekly briefings from our reporters, delivered weekly.",
    "Get regular updates on the latest stories from the valley.",
    "Sign up to get the best reporting of the week, picked by our editors.",
    "Do you want to hear about our campaigns? Sign up here",
    "Missing out on the latest news? Enter your email below to receive it every morning.",
    "Share your thoughts and join the debate",
    "Submit your letter to the editor using this form",
    "Search for articles and topics on City News",
    "On this page:",
    "Sorted by: newest first",
]
SENTENCES_LIKE_THEM = [
    "The council urged every resident to sign up before Friday.",
    "Newspapers were delivered weekly to the island until the ferry stopped in 1990, the museum says.",
    "She said the plans for the pier were powered by local donations and a grant from the state.",
]


def test_promotions_and_site_footers_leave_the_body_and_sentences_like_them_stay(rules):
    text = BLANK_LINE_ARTICLE + "\n\n" + "\n\n".join(SENTENCES_LIKE_THEM) + "\n\n" + "\n".join(PROMOTIONS_AND_FOOTERS)
    parts = parse_article(text, rules)
    for line in PROMOTIONS_AND_FOOTERS:
        assert line not in parts.body, line
    for sentence in SENTENCES_LIKE_THEM:
        assert sentence in parts.body, sentence


@pytest.mark.parametrize("tail, kept", [
    # the article's own numbered list closing it: a playlist, products
    ("From left to right:\n1. Owls Of The British Isles\n2. Blue Floral\n3. Peony\n4. Aqua Leaf\n", True),
    ("1. In The Dirt - S. Carey\n2. Orchids - Maria Taylor\n3. Slowness - Calexico\n", True),
    # look-alikes: a "Most read" list, two numbered lines, a numbering that does not start at 1
    ("Most read\n1. Ferry fares rise again\n2. Pier repairs start\n3. School roof approved\n", False),
    ("1. Home\n2. News\n", False),
    ("4. Ferry fares\n5. Pier repairs\n6. School roof\n", False),
])
def test_a_numbered_list_closing_the_article_is_its_text(tail, kept):
    parts = parse_article(ARTICLE + tail)
    assert (tail.strip().splitlines()[-1] in parts.body) is kept
    assert parts.body.startswith("The city council approved")
