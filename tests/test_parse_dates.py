"""Publication and update dates: the date lines pages print, read by dateutil; which one dates
the article; and what only looks like a date."""
from __future__ import annotations

from datetime import datetime

import pytest

from helpers import ARTICLE
from newscorpus.parse import parse_article
from newscorpus.parse.dates import dates_in_line

HEADLINE, BYLINE, BODY = ARTICLE.split("\n", 2)


def page(*header: str, body: str = BODY, top: tuple[str, ...] = ()) -> str:
    """A headline, the given lines above the article text, the article text."""
    return "\n".join([HEADLINE, *top, *header, body])


@pytest.mark.parametrize("line, expected", [
    ("Published 3 March 2024", [("published", "2024-03-03")]),
    ("Published: 03 December 2019", [("published", "2019-12-03")]),
    ("Posted on 2012-07-16", [("published", "2012-07-16")]),
    ("Posted: Nov 8, 2023 / 04:43 PM CST", [("published", "2023-11-08T16:43:00")]),
    ("March 6, 2021 at 10:08 am", [("", "2021-03-06T10:08:00")]),
    ("Thursday, November 9, 2023 4:41AM", [("", "2023-11-09T04:41:00")]),
    ("Mon 6 May 2024 10.08 BST", [("", "2024-05-06T10:08:00")]),
    ("November 8 2023, 3:18 p.m.", [("", "2023-11-08T15:18:00")]),
    ("January 10, 2020 9:00AM (UTC)", [("", "2020-01-10T09:00:00")]),
    ("Jun 18th 2018", [("", "2018-06-18")]),
    ("2020-01-16", [("", "2020-01-16")]),
    ("12. November 2015 / 13:48", [("", "2015-11-12T13:48:00")]),
    ("28 Apr, 2020 CET", [("", "2020-04-28")]),
    # numeric dates are read month first, as US sites print them; a day above 12 cannot be a month
    ("6/5/2024", [("", "2024-06-05")]),
    ("13/5/2024", [("", "2024-05-13")]),
    ("11/08/23 5:19pm", [("", "2023-11-08T17:19:00")]),
    ("01.21.2020 07:00 AM", [("", "2020-01-21T07:00:00")]),
    # updates are told apart, on their own line or beside the publication date
    ("Updated 14:02 GMT, 2 May 2021", [("updated", "2021-05-02T14:02:00")]),
    ("Updated21:22, 6 OCT 2020", [("updated", "2020-10-06T21:22:00")]),
    ("Last modified on Mon 20 Jan 2020 06.07 GMT", [("updated", "2020-01-20T06:07:00")]),
    ("Mon 20 Jan 2020 06.05 GMT Last modified on Mon 20 Jan 2020 06.07 GMT",
     [("", "2020-01-20T06:05:00"), ("updated", "2020-01-20T06:07:00")]),
    ("PUBLISHED: November 8, 2023 at 4:56 p.m. | UPDATED: November 8, 2023 at 6:00 p.m.",
     [("published", "2023-11-08T16:56:00"), ("updated", "2023-11-08T18:00:00")]),
    ("Written: 2023-11-07 15:03:30 / Updated: 2023-11-07 15:30:46",
     [("published", "2023-11-07T15:03:30"), ("updated", "2023-11-07T15:30:46")]),
    ("Last updated 04 Jun 2020, originally created 17 Jun 2019",
     [("updated", "2020-06-04"), ("published", "2019-06-17")]),
    ("Last updated on 20 Feb, 2020. 3 min read", [("updated", "2020-02-20")]),
    ("Updated 2010 GMT (0410 HKT) March 14, 2021", [("updated", "2021-03-14")]),
    # a date beside a name, a byline, a section or a button
    ("By Evan Symon, August 14, 2020 2:30 pm", [("published", "2020-08-14T14:30:00")]),
    ("Written by Ana Sandoiu on July 27, 2017", [("published", "2017-07-27")]),
    ("By Luke Kemp 11 February 2020", [("published", "2020-02-11")]),
    ("By Cat Lafuente/June 12, 2020 9:49 am EST/Updated: Aug. 18, 2020 4:17 pm EST",
     [("published", "2020-06-12T09:49:00"), ("updated", "2020-08-18T16:17:00")]),
    ("Oct 30 2020 by Emily Co", [("published", "2020-10-30")]),  # a byline's date: published
    ("CBS News February 24, 2020, 7:57 AM", [("", "2020-02-24T07:57:00")]),
    ("Shana Nys DambrotNovember 6, 2023", [("", "2023-11-06")]),
    ("Blog Home AI & Machine Learning • October 18, 2019", [("", "2019-10-18")]),
    ("Staff Consortium | May 10, 2022 01:52:54 PM", [("", "2022-05-10T13:52:54")]),
    ("July 24, 2019 by Amy Motroni 5 Comments", [("published", "2019-07-24")]),
    ("Published: 22:00 GMT, 26 September 2020 | Updated: 08:39 GMT, 28 September 2020 e-mail",
     [("published", "2020-09-26T22:00:00"), ("updated", "2020-09-28T08:39:00")]),
])
def test_date_lines_are_read_with_what_they_date(rules, line, expected):
    assert [(d.kind, d.value) for d in dates_in_line(line, rules)] == expected


@pytest.mark.parametrize("line", [
    "He arrived on March 6, 2020, the minister said.",
    "The law took effect on March 6 2020",
    "Chelsea beat Arsenal 3-1",
    "Arsenal 3-1 Chelsea, 2024",
    "Call 020 7946 0958",
    "+1 (555) 010-2024",
    "The 2024 budget",
    "Top 10 recipes of 2020",
    "Season 2019-20",
    "2020",
    "May 2021",  # no day
    "Tuesday 6 May",  # no year
    "3 hours ago",
    "Gavin’s Choice: The Leading Candidates To Replace Senator Harris - Oct 10, 2020",
    "October 25, 2012 - BMW will present a new special edition of the K 1300 S at the show",
    "Apr. 26, 2022Apr. 26, 2022",  # dateutil would make a year of the other numbers
])
def test_look_alikes_are_no_dates(rules, line):
    assert dates_in_line(line, rules) == []


def test_the_date_above_the_text_is_published_with_its_time(rules):
    parts = parse_article(page("Published: November 8, 2023 at 4:56 p.m."), rules)
    assert parts.published == "2023-11-08T16:56:00" and parts.updated is None
    assert parse_article(page("Posted on 2012-07-16"), rules).published == "2012-07-16"


def test_an_update_is_kept_apart_from_the_publication(rules):
    parts = parse_article(page("Mon 20 Jan 2020 06.05 GMT Last modified on Mon 20 Jan 2020 06.07 GMT"), rules)
    assert (parts.published, parts.updated) == ("2020-01-20T06:05:00", "2020-01-20T06:07:00")
    parts = parse_article(page("Updated: August 22, 2019", "January 28, 2018"), rules)
    assert (parts.published, parts.updated) == ("2018-01-28", "2019-08-22")


def test_an_update_at_the_moment_of_publication_is_no_update(rules):
    parts = parse_article(page("Posted: Nov 8, 2023 / 04:43 PM CST", "Updated: Nov 8, 2023 / 04:43 PM CST"), rules)
    assert (parts.published, parts.updated) == ("2023-11-08T16:43:00", None)


def test_an_update_that_is_the_only_date_is_also_the_publication_date(rules):
    # the page was published by then, and it is the only date it gives; updated says which it was
    parts = parse_article(page("Updated June 13, 2019"), rules)
    assert (parts.published, parts.updated) == ("2019-06-13", "2019-06-13")


def test_the_date_next_to_the_text_wins_over_a_banner_and_teasers(rules):
    banner = ("Thursday, November 9th 2023", "News", "Sport", "Weather", "Opinion", "Culture", "Travel",
              "Video", "Podcasts", "Newsletters", "Jobs", "Shop")
    teasers = ("Related\nHarbour ferry timetable changes for winter\nNovember 7, 2023\n"
               "New pier opens to visitors\nNovember 2, 2023\n")
    parts = parse_article(page("By Jane Doe", "November 8, 2023", top=banner, body=BODY + teasers), rules)
    assert parts.published == "2023-11-08"


def test_a_date_line_among_the_first_lines_of_text_dates_the_article(rules):
    # a caption taken for the first paragraph, then the byline and the date
    caption = "Harbour workers repair the old pier ahead of the summer ferry season on Tuesday morning in the rain."
    text = page(body=f"{caption}\nBy Jane Doe\nPUBLISHED: November 8, 2023 at 4:56 p.m.\n{BODY}")
    assert parse_article(text, rules).published == "2023-11-08T16:56:00"


def test_a_sentence_mentioning_a_date_does_not_date_the_article(rules):
    body = "On March 6, 2021 the council voted.\n" + BODY + "The vote was held on March 6, 2021.\n"
    assert parse_article(page(body=body), rules).published is None


def test_a_date_at_the_end_of_the_article_is_not_its_date(rules):
    correction = "Correction\nAn earlier version of this article misstated the mayor's name.\nFriday, December 4, 2015.\n"
    assert parse_article(page(body=BODY + correction), rules).published is None


def test_implausible_dates_are_left_out(rules):
    saved = datetime(2024, 5, 6, 12, 0)
    assert parse_article(page("May 7, 2024"), rules, saved_at=saved).published == "2024-05-07"  # time zones
    assert parse_article(page("June 6, 2024"), rules, saved_at=saved).published is None  # after the file was saved
    assert parse_article(page("July 4, 1776"), rules).published is None  # a date in the text, not of it
    assert parse_article(page("August 14, 1947"), rules).published == "1947-08-14"  # an old speech's own date
    assert parse_article(page("Posted 3 hours ago"), rules).published is None  # no anchor to count from
