"""Header fields: title, section, dateline, byline, publication date."""
from __future__ import annotations

from helpers import ARTICLE, SEEDS
from newscorpus.parse import parse_article


def test_dateline_is_cut_from_the_first_paragraph_only(rules):
    parts = parse_article((SEEDS / "001_6e285dae17605ef2.txt").read_text(encoding="utf-8"), rules)
    assert not parts.paragraphs[0].startswith(("MOSCOW", "–"))


def test_a_browser_notice_under_a_short_headline_is_neither_title_nor_body(rules):
    text = ("The Collapse of the Harbour Plan\nLooks like you’re using a browser we don’t support.\n"
            "To improve your visit to our site, take a minute and upgrade your browser.\nClose\n"
            + ARTICLE.split("\n", 1)[1])
    parts = parse_article(text, rules)
    assert parts.title == "The Collapse of the Harbour Plan" and parts.section is None
    assert "browser" not in parts.body and parts.body.startswith("The city council approved")


def test_a_headline_that_ends_in_a_full_stop_is_told_from_an_opening_sentence(rules):
    headline = "Wild goats ruled this island for a century. Now, it is being reborn."
    with_menu = parse_article(headline + "\nSkip to main content\n" + ARTICLE.split("\n", 1)[1], rules)
    assert with_menu.title == headline and not with_menu.body.startswith("Wild goats")
    with_prose = parse_article(headline + "\n" + ARTICLE.split("\n", 2)[2], rules)
    assert with_prose.title is None and with_prose.body.startswith(headline)


def test_a_brand_named_twice_in_a_headline_is_not_a_glued_menu(rules):
    headline = "Want a More Diverse WordPress Community? So Do We. — The WordPress.com Blog"
    assert parse_article(headline + "\n" + ARTICLE.split("\n", 1)[1], rules).title == headline
    assert rules.dropped_by("San FranciscoEast BaySouth Bay") == "glued_links"


def test_wikinews_header_date_is_the_publication_date(rules):
    text = "Some title here\n\nFriday, January 4, 2019 \n\n\n" + ARTICLE.split("\n", 2)[2]
    parts = parse_article(text, rules)
    assert parts.published == "2019-01-04"
    assert "Friday" not in parts.body


def test_a_date_inside_a_comment_is_not_the_publication_date(rules):
    parts = parse_article(ARTICLE + "1 comment\nWayne Mickel March 6, 2021 at 10:08 am\nGood.\n", rules)
    assert parts.published is None


def test_title_only_text(rules):
    parts = parse_article("Just A Headline\n", rules)
    assert parts.title == "Just A Headline" and parts.paragraphs == [] and parts.comments == []


import pytest  # noqa: E402


@pytest.mark.parametrize("line, author", [
    ("By Alexandra Tremayne-Pengelly", "Alexandra Tremayne-Pengelly"),
    ("By Itamar Turner-Trauring on January 20, 2020", "Itamar Turner-Trauring"),
    # look-alikes: a hyphen with spaces around it still ends the name
    ("By Jane Doe - Updated 3 May 2024", "Jane Doe"),
    ("By Jane Doe – 3 May 2024", "Jane Doe"),
])
def test_a_hyphenated_surname_stays_whole_in_a_byline(line, author):
    text = ARTICLE.replace("By Jane Doe", line)
    assert parse_article(text).byline == author


@pytest.mark.parametrize("lines, author", [
    ("ByJane Roe", "Jane Roe"),                          # "By" glued to the name by the copy
    ("ByJ.R. Stone", "J.R. Stone"),
    ("By\nJane Roe", "Jane Roe"),                         # the label alone, the name under it
    ("By :\nJane Roe", "Jane Roe"),
    ("Written by\nJane Roe, Staff Writer", "Jane Roe, Staff Writer"),  # the byline as printed
    ("By\nDavid Brand\nand\nRamsey Khalifeh", "David Brand and Ramsey Khalifeh"),  # a link per name
    ("By\nDavid Brand\n&\nRamsey Khalifeh", "David Brand & Ramsey Khalifeh"),
    ("By Jessica Holly, Gail Levy, 7 News WSVN", "Jessica Holly, Gail Levy, 7 News WSVN"),
    ("By Jane Roe, March 5, 2021", "Jane Roe"),          # after the comma a date: not the byline's
    ("By Jane Roe, 2 hours ago", "Jane Roe"),
    ("By Jane Roe, Reuters | Updated 5 March", "Jane Roe"),
    ("October 19, 2019 by Jane Roe", "Jane Roe"),         # the date first
    ("Posted on 2015-04-05 by marc | Leave a comment", "marc"),  # a user name, dated
    ("12/04/2020 by Kay 24 Comments", "Kay"),
    ("4 February 2020 • words written by Jane Roe • Art by Tom Poe", "Jane Roe"),
    ("Posted by oz on December 4, 2006", "oz"),
    # look-alikes: no byline
    ("Byron Bay", None),                                  # a name that starts with "By"
    ("ByteDance", None),
    ("By the harbour", None),                            # lower case without a date
    ("By\nThe city council approved a budget of twelve million dollars after a very long debate.", None),
])
def test_bylines_copied_from_web_pages(lines, author):
    text = ARTICLE.replace("By Jane Doe", lines)
    assert parse_article(text).byline == author


def test_a_line_of_and_under_a_labelled_byline_joins_only_names():
    # look-alike: "and" alone then the article's first sentence is no second name
    text = ARTICLE.replace("By Jane Doe", "By\nJane Roe\nand\nThe city council approved a budget of twelve million dollars.")
    assert parse_article(text).byline == "Jane Roe"


def test_a_dated_byline_dates_the_article():
    parts = parse_article(ARTICLE.replace("By Jane Doe", "Posted on 2015-04-05 by marc | Leave a comment"))
    assert (parts.byline, parts.published) == ("marc", "2015-04-05")


def test_a_role_glued_to_the_name_gets_its_space_back(rules):
    from newscorpus.parse.header import byline
    assert byline("By Marta ReyesStaff Writer", rules) == ("Marta Reyes Staff Writer", "")
    assert byline("By Marta McAllister", rules) == ("Marta McAllister", "")  # a capital inside a name stays


@pytest.mark.parametrize("line", ["By Course/Meal:", "By Topic:", "Browse by Cuisine:"])
def test_a_menu_heading_opening_with_by_is_no_byline(rules, line):
    from newscorpus.parse.header import byline
    assert byline(line, rules) is None
