"""A byline printed as a bare name beside the article's date, with no "By": the name line above
or under the date line, on it after a separator, or with a role or a handle between; and what
stands beside a date without being anyone's byline."""
from __future__ import annotations

import pytest

from helpers import ARTICLE
from newscorpus.parse import parse_article

HEADLINE, _, BODY = ARTICLE.split("\n", 2)


def page(*header: str) -> str:
    return "\n".join([HEADLINE, "Home", "News", *header, BODY])


@pytest.mark.parametrize("header, expected", [
    (("Marta Kowalczyk", "March 3, 2024"), "Marta Kowalczyk"),
    (("14 February 2021", "Oliver P. Grant"), "Oliver P. Grant"),
    (("Henrik Solberg", "|", "11 Jan 2019"), "Henrik Solberg"),
    (("Claire Dubois", "Political Editor", "@cdubois", "Monday 28 September 2020 19:27"), "Claire Dubois"),
    (("Samuel Ortega Education editor", "Mon 20 Jan 2020 06.05 GMT"), "Samuel Ortega Education editor"),
    (("Reuters", "Updated: January 16, 2020"), "Reuters"),
    (("Agnes Lindqvist | 4 May 2020",), "Agnes Lindqvist"),
    (("4 May 2020 | Agnes Lindqvist",), "Agnes Lindqvist"),
    (("Published: 30 January 2017", "Anna M. Kowalska1"), "Anna M. Kowalska"),  # a journal's affiliation mark
])
def test_a_bare_name_beside_the_date_is_the_byline(header, expected):
    parts = parse_article(page(*header))
    assert parts.byline == expected
    assert expected not in parts.body


@pytest.mark.parametrize("header", [
    ("Cake Recipes", "March 3, 2024"),        # a section label: no given name opens it
    ("World News", "March 3, 2024"),
    ("March 3, 2024", "Reuters"),             # an agency is credited above the date, not under it
    ("Marta Kowalczyk",),                     # no date beside it
    ("Marta Kowalczyk", "Share this article", "Tweet", "March 3, 2024"),  # too far from the date
    ("Paris Hilton Hotel Opens Doors Again Today", "March 3, 2024"),  # a line longer than names
    ("Maria said no.", "March 3, 2024"),      # a sentence
])
def test_what_stands_beside_a_date_without_naming_its_author(header):
    assert parse_article(page(*header)).byline is None


def test_a_printed_byline_wins_over_a_name_beside_the_date():
    parts = parse_article(page("By Jane Doe", "Marta Kowalczyk", "March 3, 2024"))
    assert parts.byline == "Jane Doe"
