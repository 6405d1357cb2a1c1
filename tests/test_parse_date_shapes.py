"""Date lines in less common shapes: a reading time, a count or a button after the date; a
byline whose date is followed by more than a date line holds."""
from __future__ import annotations

import pytest

from newscorpus.parse.dates import dates_in_line


@pytest.mark.parametrize("line, expected", [
    ("By Ingrid Haugen Mar 9, 2021 4 min read", [("published", "2021-03-09")]),
    ("By Tomas Rey 2 June 2019, 8:15 am 7 Edit", [("published", "2019-06-02T08:15:00")]),
    ("09/03/2021 by Kay 12 Comments", [("published", "2021-09-03")]),
    ("March 9, 2021 · 1,204 views", [("", "2021-03-09")]),
    ("March 9, 2021 Share", [("", "2021-03-09")]),
    ("March 9, 2021 12 min reading", [("", "2021-03-09")]),
    ("By Ingrid Haugen on 9. March, 2021 | 3 Comments. This post may contain affiliate links, as we earn from purchases.",
     [("published", "2021-03-09")]),
])
def test_what_follows_a_date_is_taken_off(rules, line, expected):
    assert [(d.kind, d.value) for d in dates_in_line(line, rules)] == expected


@pytest.mark.parametrize("line", [
    "He said on March 9, 2021 4 people read it",       # a sentence goes on after the date
    "March 9, 2021 | The council voted on the budget after a long debate",  # a teaser's headline, no byline
    "Ingrid Haugen | March 9, 2021 | The council voted on the budget after a long debate",
    "Top 10 recipes of 2021 Share",
])
def test_look_alikes_stay_no_dates(rules, line):
    assert dates_in_line(line, rules) == []


def test_a_count_after_a_date_is_never_its_year(rules):
    assert [(d.kind, d.value) for d in dates_in_line("May 3, 2024 Share", rules)] == [("", "2024-05-03")]


@pytest.mark.parametrize("line, expected", [
    ("14. März 2021", [("", "2021-03-14")]),
    ("Donnerstag, 14. Oktober 2021", [("", "2021-10-14")]),
    ("mardi 9 février 2021", [("", "2021-02-09")]),
    ("9 de diciembre de 2020", [("", "2020-12-09")]),
    ("9 dicembre 2020, 18:40", [("", "2020-12-09T18:40:00")]),
    ("9 maart 2021 | Pieter de Wit", [("", "2021-03-09")]),
    ("Veröffentlicht am 9. Juni 2021", [("published", "2021-06-09")]),
    ("Publié le 9 juin 2021", [("published", "2021-06-09")]),
    ("Aktualisiert: 10. Juni 2021, 08:15", [("updated", "2021-06-10T08:15:00")]),
])
def test_month_and_weekday_names_of_other_languages(rules, line, expected):
    assert [(d.kind, d.value) for d in dates_in_line(line, rules)] == expected


@pytest.mark.parametrize("line", [
    "Mars 2020 mission",          # a planet and a year, no day
    "Mayo Clinic 2021 report",
    "3 days ago 2021",            # "ago" is no August
    "Die Regierung hat am 14. März 2021 beschlossen, das Gesetz zu ändern",  # a sentence
])
def test_foreign_look_alikes_are_no_dates(rules, line):
    assert dates_in_line(line, rules) == []


def _article(*lines: str) -> str:
    from helpers import ARTICLE
    headline, _, body = ARTICLE.split("\n", 2)
    return "\n".join([headline, *lines[:1], body, *lines[1:]])


def test_a_page_that_prints_a_day_above_twelve_first_reads_its_numeric_dates_day_first(rules):
    from newscorpus.parse import parse_article
    comments = ("Comments", "Ola N.", "23/03/2021 at 9:15 pm", "Lovely recipe, thank you for sharing it with us!")
    assert parse_article(_article("05/03/2021 by Kay", *comments), rules).published == "2021-03-05"


@pytest.mark.parametrize("others", [
    (),                                          # nothing tells: month first, as US sites print them
    ("Updated 03/23/2021",),                     # a day above twelve second: month first
    ("Updated 23/03/2021", "Also 03/24/2021"),   # both ways on one page: nothing tells
    ("Requires version 13.5.20 or later",),      # a version, not a date
])
def test_a_numeric_date_stays_month_first_unless_the_page_tells(rules, others):
    from newscorpus.parse import parse_article
    assert parse_article(_article("05/03/2021 by Kay", *others), rules).published == "2021-05-03"
