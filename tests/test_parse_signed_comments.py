"""Comment threads under short blog posts: signatures below the text ("Posted by: NAME DATE")
and "NAME says:" headers, and the short pages that must keep all their text."""
from __future__ import annotations

import pytest

from helpers import ARTICLE
from newscorpus.parse import parse_article

SHORT_POST = ARTICLE  # three paragraphs, about seventy words: a blog post, not a news feature


@pytest.mark.parametrize("first, second", [
    ("Posted by: Andrew  Mar 26, 2007 2:00:18 PM", "Posted by: Robby Russell  Mar 26, 2007 2:01:23 PM"),
    ("Posted by: red bottom  09/21/2012 at 09:38 PM", "Posted by: nabeel  09/22/2012 at 08:40 AM"),
    ("Posted by: Jonathan W  Sunday, October 28, 2012 at 09:48 PM", "Posted by: Bob B  Monday, October 29, 2012 at 11:25 AM"),
    ("Posted by: DrNo at November 7, 2012 1:56 PM", "Posted by: Dave | November 7, 2012 at 3:12 PM"),
])
def test_signatures_under_a_short_post_make_a_thread_whatever_parts_name_and_stamp(rules, first, second):
    thread = (f"About time the pier was fixed, it has been falling apart for years.\n{first}\n"
              f"Schools first, I say.\nThe roads can wait.\n{second}\n")
    parts = parse_article(SHORT_POST + thread, rules)
    assert [c.body for c in parts.comments] == [
        "About time the pier was fixed, it has been falling apart for years.",
        "Schools first, I say.\nThe roads can wait."]
    assert parts.comments[0].author == first.split(":", 1)[1].split("  ")[0].split(" at ")[0].strip()
    assert all(c.posted_at for c in parts.comments)
    assert parts.body.endswith("which flood every winter.") and "pier was fixed" not in parts.body


def test_the_posts_own_signature_above_signed_comments_stays_with_the_post(rules):
    thread = ("Posted by Kathy on April 6, 2007\n"
              "Wow, that is a lot of money for one pier.\nPosted by: Andrew  Mar 26, 2007 2:00:18 PM\n"
              "Not cool at all.\nPosted by: Robby  Mar 26, 2007 2:01:23 PM\n"
              "Fix the roads first.\nPosted by: Nick  Mar 26, 2007 2:02:01 PM\n")
    parts = parse_article(SHORT_POST + thread, rules)
    assert [(c.author, c.body) for c in parts.comments] == [
        ("Andrew", "Wow, that is a lot of money for one pier."), ("Robby", "Not cool at all."),
        ("Nick", "Fix the roads first.")]
    assert "which flood every winter." in parts.body and "Wow" not in parts.body


def test_the_name_printed_above_a_signed_comment_is_its_author_not_its_text(rules):
    thread = ("Travis\nWhen will the ferries run again?\nPosted by: Travis  September 27, 2012 at 08:30 AM\n"
              "Ana Ruiz\nThe ferries run again in June.\nPosted by: Ana Ruiz  October 01, 2012 at 04:08 PM\n")
    parts = parse_article(SHORT_POST + thread, rules)
    assert [(c.author, c.body) for c in parts.comments] == [
        ("Travis", "When will the ferries run again?"), ("Ana Ruiz", "The ferries run again in June.")]


def test_says_headers_with_stamps_under_a_short_post_make_a_thread(rules):
    thread = ("Francisca says:\nNovember 12, 2012 at 3:07 pm\nMine was the pier one.\n"
              "sonofbattles89 says:\nNovember 12, 2012 at 3:25 pm\nThe roads flood every year.\n")
    parts = parse_article(SHORT_POST + thread, rules)
    assert [(c.author, c.posted_at, c.body) for c in parts.comments] == [
        ("Francisca", "2012-11-12T15:07:00", "Mine was the pier one."),
        ("sonofbattles89", "2012-11-12T15:25:00", "The roads flood every year.")]


@pytest.mark.parametrize("tail", [
    # the post's own signature alone
    "Posted by: Jane Doe  March 3, 2012 10:00 AM\n",
    # a list of posts under a short one: headline, date, headline, date (no "says", no signature)
    "Ferry fares rise again\nNovember 5, 2012\nPier repairs start in March\nNovember 8, 2012\n",
    # "Posted by" in the text, with no date after the name
    "Posted by: the harbour office, which asked readers to send photos.\nSend them by Friday.\n",
])
def test_short_posts_keep_their_own_text_when_no_thread_follows(rules, tail):
    parts = parse_article(SHORT_POST + tail, rules)
    assert parts.comments == []
    assert "which flood every winter." in parts.body


def test_a_signature_that_also_reads_as_a_header_does_not_hide_the_signed_thread(rules):
    # a reply quoting whom it answers ("Anonymous at DATE") passes for a "NAME at DATE"
    # header over the rest of the page: the signed reading explains every comment, so it wins
    thread = ("Posted by Kathy at October 29, 2012 05:10 PM\n"
              "The pier was fixed in 1998 too.\nhttp://www.example.org/pier-1998\n"
              "Posted by: jonathan at October 29, 2012 05:23 PM\n"
              "Wow, that is a lot of money for one pier.\nPosted by: Anonymous at October 30, 2012 05:30 AM\n"
              "Anonymous at October 30, 2012 05:30 AM\nNot that much for a town this size.\n"
              "Posted by: tj at October 30, 2012 06:09 AM\n"
              "Fix the roads first.\nPosted by: Menzie at October 30, 2012 07:09 AM\n")
    parts = parse_article(SHORT_POST + thread, rules)
    assert [c.author for c in parts.comments] == ["jonathan", "Anonymous", "tj", "Menzie"]
    assert parts.comments[0].body == "The pier was fixed in 1998 too.\nhttp://www.example.org/pier-1998"
    assert "which flood every winter." in parts.body and "Fix the roads" not in parts.body


def test_numbered_signatures_give_each_text_to_the_name_under_it(rules):
    # a header reading would take "Comment #2 - Posted by: NAME at DATE" for the header of the
    # text under it; the text above is the one it signs
    thread = ("WTF! Wow this is going to be tough.\nComment #1 - Posted by: Kurt M/39/185 at November 10, 2012 5:55 PM\n"
              "A difficult workout on a difficult day.\nComment #2 - Posted by: Andrew B at November 10, 2012 5:57 PM\n"
              "RIP LT. Ray\nComment #3 - Posted by: Drew at November 10, 2012 6:00 PM\n")
    parts = parse_article(SHORT_POST + thread, rules)
    assert [(c.author, c.body) for c in parts.comments] == [
        ("Kurt M/39/185", "WTF! Wow this is going to be tough."), ("Andrew B", "A difficult workout on a difficult day."),
        ("Drew", "RIP LT. Ray")]


# Blogger signs each comment under its text with the name and the time alone, " NAME : 3:57 AM",
# and its post with "Posted 8:11 AM by NAME".
BLOGGER_THREAD = (
    "Posted 8:11 AM by Ellen Marsh\n"
    "Thanks for collecting these, it saves me a lot of searching.\n"
    "One more: the ferry timetable changed last week as well.\n"
    " Tom Reyes : 11:58 AM\n"
    "Great resource, bookmarked!\n"
    " piergazer77 : 2:27 PM\n"
    "This comment has been removed by the author.\n"
    " Lena K. : 11:56 PM\n")


@pytest.mark.parametrize("thread, authors", [
    (BLOGGER_THREAD, ["Tom Reyes", "piergazer77", "Lena K."]),
    # with the date before the time, and no post signature above the first comment
    ("Thanks for collecting these, it saves me a lot of searching.\n Tom Reyes : March 3, 2012 11:58 AM\n"
     "Great resource, bookmarked!\n piergazer77 : March 3, 2012 2:27 PM\n", ["Tom Reyes", "piergazer77"]),
])
def test_comments_signed_with_a_name_and_a_time_after_a_colon_make_a_thread(rules, thread, authors):
    parts = parse_article(SHORT_POST + thread, rules)
    assert [c.author for c in parts.comments] == authors
    assert parts.comments[1].body == "Great resource, bookmarked!"
    assert "which flood every winter." in parts.body and "bookmarked" not in parts.body


def test_a_blogger_comment_keeps_all_its_paragraphs_and_the_post_keeps_its_signature(rules):
    parts = parse_article(SHORT_POST + BLOGGER_THREAD, rules)
    assert parts.comments[0].body == ("Thanks for collecting these, it saves me a lot of searching.\n"
                                      "One more: the ferry timetable changed last week as well.")
    assert parts.comments[0].posted_at is None  # a time without its date is no moment
    assert "Thanks for collecting" not in parts.body


@pytest.mark.parametrize("programme", [
    # a schedule's lines stand next to each other
    "Registration : 8:30 AM\nKeynote : 9:00 AM\nLunch : 12:30 PM\nClosing remarks : 4:00 PM\n",
    # in pairs, a sentence after each pair
    "Doors open : 8:30 AM\nRegistration : 8:45 AM\nThe mayor opens the fair with a short speech.\n"
    "Lunch : 12:30 PM\nTea : 3:00 PM\nThe band plays on the terrace until dusk.\n",
    # or carry a room or a speaker, no sentence
    "Registration : 8:30 AM\nMain hall, ground floor\nKeynote : 9:00 AM\nDr Ana Ruiz\n"
    "Lunch : 12:30 PM\nRiverside terrace\nClosing remarks : 4:00 PM\nThe harbour master\n",
])
def test_an_articles_programme_of_names_and_times_is_no_thread(rules, programme):
    parts = parse_article(SHORT_POST + "The open day runs as follows.\n" + programme
                          + "Entry is free, and the council asks visitors to come by bus.\n", rules)
    assert parts.comments == []
    assert "Lunch : 12:30 PM" in parts.body and "come by bus." in parts.body


# SB Nation signs each comment under its text and the commenter's motto: "by NAME on DATE TZ",
# then the device it came from, a vote link and the count of recommendations; the post's own
# byline above the article is signed the same way.
SBN_POST = "by Jane Doe on Aug 8, 2012 9:00 AM EDT\n" + SHORT_POST.split("\n", 2)[2]


@pytest.mark.parametrize("first, second", [
    ("by harbourfan on Aug 8, 2012 9:37 AM EDT", "by Tom Lee on Aug 8, 2012 12:39 PM EDT via mobile up"),
    ("by harbourfan on Aug 8, 2012 10:52 AM EDT     1 recs",
     "by Tom Lee on Aug 8, 2012 11:00 AM EDT via Android app up"),
])
def test_sb_nation_signatures_make_a_thread_under_a_byline_signed_alike(rules, first, second):
    thread = (f"Great work on the budget story.\nGo Ferries!\n{first}\n"
              f"Schools first, I say.\n{second}\n"
              "The pier can wait a year.\nby Ana Ruiz on Aug 8, 2012 1:15 PM EDT\n")
    parts = parse_article(SHORT_POST.split("\n", 1)[0] + "\n" + SBN_POST + thread, rules)
    assert [c.author for c in parts.comments] == ["harbourfan", "Tom Lee", "Ana Ruiz"]
    assert parts.comments[1].body == "Schools first, I say."
    assert parts.comments[1].posted_at.startswith("2012-08-08T")
    assert "which flood every winter." in parts.body and "Schools first" not in parts.body


def test_a_list_of_headlines_signed_by_their_writers_is_no_thread(rules):
    teasers = ("More from the harbour desk\n"
               "Ferry fares rise for the third year\nby Tom Lee on Aug 7, 2012 9:00 AM EDT\n"
               "Pier repairs to start in March\nby Ana Ruiz on Aug 6, 2012 4:10 PM EDT\n"
               "New berth for the night ferry\nby Tom Lee on Aug 5, 2012 8:45 AM EDT\n")
    parts = parse_article(SHORT_POST + teasers, rules)
    assert parts.comments == []


def test_headers_stamped_to_the_minute_make_a_thread_under_a_short_post(rules):
    thread = ("Steve November 6, 2012 at 12:27 pm\nUnless the ferries stop for good, nobody will notice.\n"
              "Harbour Tours Ltd November 6, 2012 at 12:56 pm\nI cannot understand why the pier waited so long.\n"
              "Ana Ruiz November 6, 2012 at 2:20 pm\nThe roads flood every year, fix those first.\n")
    parts = parse_article(SHORT_POST + thread, rules)
    assert [c.author for c in parts.comments] == ["Steve", "Harbour Tours Ltd", "Ana Ruiz"]
    assert "which flood every winter." in parts.body and "nobody will notice" not in parts.body


def test_a_teaser_list_dated_by_the_day_under_a_short_post_is_no_thread(rules):
    teasers = ("Ferry fares rise again November 5, 2012\nThe operator blames fuel prices for the third rise.\n"
               "Pier repairs start in March November 8, 2012\nThe council has chosen a builder from the town.\n"
               "New berth for the night ferry November 9, 2012\nThe berth opens in time for the summer.\n")
    parts = parse_article(SHORT_POST + teasers, rules)
    assert parts.comments == []
