"""What a web page prints under its headline. The byline as printed, with its metadata's names
as the check: how names are joined, credentials and outlets are kept; a metadata author who is
not the page's (a commenter, the site owner) gives way to the printed one. The publication
date printed there, over one htmldate finds elsewhere on the page."""
from __future__ import annotations

import pytest

from newscorpus.parse import load_rules, parse_page
from test_html import OG, page_with

HEADLINE = "<h1>Pier budget passes after a long debate</h1>"


def page(metadata_author: str | None, under_headline: str, after: str = "", head: str = "") -> str:
    head = OG + head + (f'<meta name="author" content="{metadata_author}">' if metadata_author else "")
    return page_with(head, f"<article>{HEADLINE}{under_headline}PARAGRAPHS{after}</article>")


@pytest.mark.parametrize("metadata_author, printed, expected", [
    # each name a link of its own, "and" between them
    ("David Brand; Ramsey Khalifeh",
     "<div>By</div><div><a href='/p/db'>David Brand</a></div><div>and</div><div><a href='/p/rk'>Ramsey Khalifeh</a></div>",
     "David Brand and Ramsey Khalifeh"),
    # names, then the outlet, after commas
    ("Jessica Holly; Gail Levy", "<p>By Jessica Holly, Gail Levy, 7 News WSVN</p>", "Jessica Holly, Gail Levy, 7 News WSVN"),
    # no metadata; "By" a label of its own, glued to the name in the page's text
    (None, "<p><span>By</span><span>J.R. Stone</span></p>", "J.R. Stone"),
    # a user name in lower case, with the date
    (None, "<p>by oz on December 4, 2006</p>", "oz"),
    # the metadata names a commenter: the page prints its author under the headline
    ("Art Edwards says", "<p>By Tim Anderson</p>", "Tim Anderson"),
    # a role glued to the name in the page's text: unglued, the printed byline names the metadata's author
    ("Evan Halper", "<p>By <a href='/p/eh'>Evan Halper</a><span>Staff Writer</span></p>", "Evan Halper Staff Writer"),
])
def test_the_byline_is_the_one_printed_under_the_headline(metadata_author, printed, expected):
    parts = parse_page(page(metadata_author, printed), load_rules())
    assert parts.byline == expected


@pytest.mark.parametrize("metadata_author, printed, expected", [
    # the metadata's name printed there too, the byline only split by a handle or glued to a role
    ("Daniel O'Mahony", "<div>By</div><div>April Roach</div><div>@aprilroach28</div><div>Daniel O'Mahony</div>",
     "Daniel O'Mahony"),
    # "by" in a sentence under the headline is no byline
    ("Olga Petrova", "<p>by train and ferry the delegates came</p>", "Olga Petrova"),
    (None, "<p>by train and ferry the delegates came</p>", None),
])
def test_the_metadata_author_stays_when_the_printed_line_is_no_other_byline(metadata_author, printed, expected):
    assert parse_page(page(metadata_author, printed), load_rules()).byline == expected


def test_a_teasers_byline_far_below_the_headline_is_not_the_pages():
    teasers = "".join(f"<div><h3>Ferry timetable changes {n}</h3><p>By Jane Roe</p></div>" for n in range(3))
    parts = parse_page(page("Olga Petrova", "", after=teasers), load_rules())
    assert parts.byline == "Olga Petrova"
    parts = parse_page(page(None, "", after=teasers), load_rules())
    assert parts.byline is None


META_DATE = '<meta property="article:published_time" content="2023-11-03T08:00:00">'


@pytest.mark.parametrize("printed, published", [
    ("<p>Written: 2023-11-07 15:03:30 / Updated: 2023-11-07 15:30:46</p>", "2023-11-07T15:03:30"),
    ("<p>By Jane Roe, November 7, 2023</p>", "2023-11-07"),
    ("<p>Published Nov 7, 2023</p>", "2023-11-07"),
    # look-alikes: an update is no publication; a numeric date may be read day or month first;
    # a date in the article's text is not printed under the headline
    ("<p>Updated Nov 7, 2023</p>", "2023-11-03"),
    ("<p>11/07/2023 by Kay 24 Comments</p>", "2023-11-03"),
    ("", "2023-11-03"),
])
def test_the_publication_date_printed_under_the_headline(printed, published):
    after = "<p>Published November 9, 2023, the report ran to forty pages.</p>"
    parts = parse_page(page(None, printed, after=after, head=META_DATE), load_rules())
    assert (parts.published or "")[:len(published)] == published
