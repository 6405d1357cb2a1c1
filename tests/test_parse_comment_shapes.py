"""Comment shapes met on real pages of 2012: stamps with a two-digit year, "NAME writes", Blogger's
single comment dated under its text, and bare-name threads whose comments run to several lines;
each with the article text that looks like it and must stay article."""
from __future__ import annotations

import pytest

from helpers import ARTICLE
from newscorpus.parse import parse_article
from newscorpus.parse.units import parse_stamp

# long enough (over 100 words) for a lone dated comment under it to be taken for one
LONG_ARTICLE = ARTICLE + (
    "The harbour master said the dredging would start in March and take about six weeks, during "
    "which the ferries would use the northern berth and run to a reduced timetable.\n"
    "Residents who live near the pier have complained for years about the noise of the night "
    "deliveries, and the council promised to review the permits once the work is done.\n")


@pytest.mark.parametrize("stamp, iso", [
    ("7 Aug 12 at 11:21 pm", "2012-08-07T23:21:00"),
    ("4 Nov 12 at 11:22 pm", "2012-11-04T23:22:00"),
    ("Aug 7, 12 at 11:21 pm", "2012-08-07T23:21:00"),
    ("12 Mar '12 09:15", "2012-03-12T09:15:00"),
])
def test_a_two_digit_year_with_a_time_dates_a_comment(rules, stamp, iso):
    page = LONG_ARTICLE + f"Alan Tay\n{stamp}\nYou made your point there, Sara. I will try it.\n"
    parts = parse_article(page, rules)
    assert [(c.author, c.posted_at) for c in parts.comments] == [("Alan Tay", iso)]
    assert parts.body.endswith("once the work is done.")


@pytest.mark.parametrize("line", ["4 Nov 12", "On 4 Nov 12 people were hurt at the harbour."])
def test_a_two_digit_year_without_a_time_is_no_stamp(rules, line):
    assert parse_stamp(line) is None
    page = LONG_ARTICLE + f"Alan Tay\n{line}\nThe council will meet again next week to decide.\n"
    assert parse_article(page, rules).comments == []


@pytest.mark.parametrize("header", ["Jennie - Duryea Place Designs writes", "Ben writes:", "Ben Ortiz wrote:"])
def test_name_writes_over_a_dated_comment(rules, header):
    page = LONG_ARTICLE + f"{header}\n11/09/12 at 11:18 am\nThis is so pretty! I'll have to give it a try.\n"
    parts = parse_article(page, rules)
    assert len(parts.comments) == 1 and parts.comments[0].body.startswith("This is so pretty!")
    assert parts.comments[0].author in {"Jennie - Duryea Place Designs", "Ben", "Ben Ortiz"}


@pytest.mark.parametrize("header", ["Daniel K said:", "Commodity tips said...", "Huai Bin said…"])
def test_one_blogger_comment_dated_under_its_text(rules, header):
    page = ARTICLE + (f"{header}\nOh wow, that's terrible. It's a real shame how things turned out.\n"
                      "I hope the ferries keep running.\nNovember 10, 2012 4:26 AM\n")
    parts = parse_article(page, rules)
    assert [(c.author, c.posted_at, c.body) for c in parts.comments] == [
        (header.split(" said")[0], "2012-11-10T04:26:00",
         "Oh wow, that's terrible. It's a real shame how things turned out.\nI hope the ferries keep running.")]
    assert parts.body.endswith("which flood every winter.")


@pytest.mark.parametrize("ending", [
    # a speaker over a quotation: the article's, whatever date line follows it
    'Mayor Jane Roe said:\n"We will fix the pier before the summer, whatever it costs."\nNovember 10, 2012 4:26 AM\n',
    # the article's own update line is no comment's stamp
    "Roe said:\nThe work will start in March and end in May.\nUpdated November 10, 2012 4:26 AM\n",
    # a clause's subject, not a commenter
    "The minister said:\nThe harbour will be dredged in March.\nNovember 10, 2012 4:26 AM\n",
    # no date under the text: nothing says it is a comment
    "Roe said:\nThe work will start in March and end in May.\nRelated stories\n",
])
def test_a_speaker_introduced_with_said_is_no_blogger_comment(rules, ending):
    parts = parse_article(ARTICLE + ending, rules)
    assert parts.comments == []
    assert ending.split("\n")[1] in parts.body


def test_a_bare_name_thread_with_links_and_several_lines_per_comment(rules):
    thread = ("Comments\nsumathi s\nIt's great to come across a blog like this once in a while.\n"
              "http://example.com/courses\n"
              "Leop0ld\nThat's good. May I translate this article into Korean?\n"
              "naayak\nvery good information shared by you, thanks.\nfor mistake #1 try this:\n"
              ">>> import random\n>>> foo()\n"
              "Tiago Silva\nGreat article! Although I disagree on one point.\nThanks,\nTiago\n"
              "comments powered by Disqus\n")
    parts = parse_article(ARTICLE + thread, rules)
    assert [c.author for c in parts.comments] == ["sumathi s", "Leop0ld", "naayak", "Tiago Silva"]
    # a line of code is no commenter's name: it stays in the comment it belongs to
    assert ">>> import random" in parts.comments[2].body
    assert "http://example.com/courses" in parts.comments[0].body
    assert parts.body.endswith("which flood every winter.")


def test_subheadings_under_a_comments_link_are_no_bare_name_thread(rules):
    # the marker alone does not make the names: sections with several lines each are article
    page = ARTICLE + ("Comments\nThe budget\nThe council approved twelve million dollars for the works.\n"
                      "It is the largest sum in a decade.\n"
                      "What happens next\nThe dredging will start in March and take six weeks.\n"
                      "The ferries will run to a reduced timetable.\n")
    assert parse_article(page, rules).comments == []


# A comment's long sentence may match a drop rule meant for page furniture ("... on Facebook and
# Twitter"); inside a comment section it is the comment's text, and the lines after it too.
SHARED_ON_FACEBOOK = ("I gave what I could and shared the appeal with my friends on facebook and twitter, "
                      "and two of them gave as well.")


def test_a_comment_sentence_that_names_social_networks_stays_in_the_comment(rules):
    thread = ("Mary Smith says:\nMarch 7, 2021 at 9:15 pm\n" + SHARED_ON_FACEBOOK + "\nGood luck with the pier!\n"
              "Tom Brown says:\nMarch 8, 2021 at 7:02 am\nSchools first, I say.\n")
    parts = parse_article(ARTICLE + thread, rules)
    assert [c.body for c in parts.comments] == [SHARED_ON_FACEBOOK + "\nGood luck with the pier!",
                                                "Schools first, I say."]


@pytest.mark.parametrize("furniture", [
    "Follow us on Facebook and Twitter",
    "Find us on Facebook, Twitter and Instagram for more harbour news.",
    "A round-up of harbour news and opinion, delivered to your inbox every weekday.",
])
def test_share_and_newsletter_lines_under_a_thread_stay_out_of_the_last_comment(rules, furniture):
    thread = ("Mary Smith says:\nMarch 7, 2021 at 9:15 pm\nAbout time the pier was fixed.\n"
              "Tom Brown says:\nMarch 8, 2021 at 7:02 am\nSchools first, I say.\n" + furniture + "\n")
    parts = parse_article(ARTICLE + thread, rules)
    assert [c.body for c in parts.comments] == ["About time the pier was fixed.", "Schools first, I say."]


@pytest.mark.parametrize("first, second", [
    ("by garaged (57 941)", "by kcin ( 343)"),  # a copy that left gaps in the user numbers
    # a subscriber's star
    ("by garaged (579941) *", "by kcin (34043) * on Tuesday July 24, @09:07AM (#40748091) Journal"),
])
def test_slashcode_user_numbers_with_gaps_or_a_star_still_make_headers(rules, first, second):
    thread = (f"{first}\nI can build a computer!\n{second}\nI make my own silicon wafers.\n"
              "by SJ2000 (1128057)\nKeep in mind the judge's point.\n")
    parts = parse_article(LONG_ARTICLE + thread, rules)
    assert [c.author for c in parts.comments] == ["garaged", "kcin", "SJ2000"]
    assert [c.body for c in parts.comments][1] == "I make my own silicon wafers."


def test_a_reading_list_with_spaced_years_is_no_slashcode_thread(rules):
    reading = ("Further reading\nPride and Prejudice\nby Jane Austen ( 1813 )\nA novel of manners set in the country.\n"
               "Emma\nby Jane Austen (1815) *\nA comedy of a young woman's matchmaking.\n"
               "Middlemarch\nby George Eliot ( 1871)\nA study of provincial life in the Midlands.\n")
    parts = parse_article(LONG_ARTICLE + reading, rules)
    assert parts.comments == [] and parts.body.endswith("provincial life in the Midlands.")


@pytest.mark.parametrize("sentence", [
    "I shared the appeal on Facebook and Twitter.",
    "Pick a project, and donate!",
])
def test_a_short_comment_sentence_a_drop_rule_matches_keeps_the_comment_going(rules, sentence):
    thread = ("Mary Smith says:\nMarch 7, 2021 at 9:15 pm\nAbout time the pier was fixed.\n" + sentence +
              "\nhttp://www.example.org/pier\nGood luck with the repairs!\n"
              "Tom Brown says:\nMarch 8, 2021 at 7:02 am\nSchools first, I say.\n")
    parts = parse_article(ARTICLE + thread, rules)
    assert [c.body for c in parts.comments] == [
        f"About time the pier was fixed.\n{sentence}\nhttp://www.example.org/pier\nGood luck with the repairs!",
        "Schools first, I say."]


@pytest.mark.parametrize("furniture", [
    "Follow us on Facebook, Twitter and Instagram!",  # under the last comment, with no comment after it
    "Sign up for our newsletter",  # not a sentence
])
def test_furniture_between_the_last_comment_and_the_page_below_stays_out(rules, furniture):
    thread = ("Mary Smith says:\nMarch 7, 2021 at 9:15 pm\nAbout time the pier was fixed.\n"
              "Tom Brown says:\nMarch 8, 2021 at 7:02 am\nSchools first, I say.\n" + furniture +
              "\nFerry fares rise for the third year running, the operator says.\n")
    parts = parse_article(ARTICLE + thread, rules)
    assert [c.body for c in parts.comments] == ["About time the pier was fixed.", "Schools first, I say."]


def test_a_comment_that_is_only_a_link_is_a_comment_and_the_thread_goes_on_under_it(rules):
    thread = ("Mary Smith says:\nMarch 7, 2021 at 9:15 pm\nhttp://www.example.org/photos/pier-1998.jpg\n"
              "Tom Brown says:\nMarch 8, 2021 at 7:02 am\nSchools first, I say.\n")
    parts = parse_article(ARTICLE + thread, rules)
    assert [(c.author, c.body) for c in parts.comments] == [
        ("Mary Smith", "http://www.example.org/photos/pier-1998.jpg"), ("Tom Brown", "Schools first, I say.")]


def test_a_twitter_handle_after_the_stamp_still_makes_a_header(rules):
    thread = ("Jamie Roe, on November 7th, 2012 @jamieroe\nWell done on the pier, it looks great.\n"
              "Luke, on November 7th, 2012 @lukelee\nVery good work, and it solves the flooding too.\n")
    parts = parse_article(LONG_ARTICLE + thread, rules)
    assert [(c.author, c.posted_at) for c in parts.comments] == [("Jamie Roe", "2012-11-07"), ("Luke", "2012-11-07")]
    assert parts.body.endswith("once the work is done.")
