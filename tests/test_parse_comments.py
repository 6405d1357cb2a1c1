"""Reader comment sections: engines, threads without dates, counts, and what must stay article."""
from __future__ import annotations

import pytest

from helpers import ARTICLE, BLANK_LINE_ARTICLE
from newscorpus.parse import parse_article


def test_wordpress_comment_section(rules):
    text = ARTICLE + (
        "Share this:\nClick to share on Twitter (Opens in new window)\n"
        "2 thoughts on “Council approves new budget for the harbour”\n"
        "Mary Smith says:\nMarch 7, 2021 at 9:15 pm\nAbout time the pier was fixed.\nReply\n"
        "Tom Brown says:\nMarch 8, 2021 at 7:02 am\nSchools first, I say.\nThe roads can wait.\n"
        "Log in to Reply\n"
        "Leave a Reply Cancel reply\nYour email address will not be published. Required fields are marked *\n"
        "Comment\nName *\nEmail *\nWebsite\n© 2021 Harbour Times. All rights reserved.\n")
    parts = parse_article(text, rules)
    assert parts.title == "Council approves new budget for the harbour"
    assert parts.byline == "Jane Doe"
    assert parts.comment_count_shown == 2
    assert [(c.author, c.posted_at, c.body) for c in parts.comments] == [
        ("Mary Smith", "2021-03-07T21:15:00", "About time the pier was fixed."),
        ("Tom Brown", "2021-03-08T07:02:00", "Schools first, I say.\nThe roads can wait."),
    ]
    assert [c.position for c in parts.comments] == [0, 1]
    assert len(parts.paragraphs) == 3
    assert "Share this" not in parts.body and "Reply" not in parts.body


UNDATED_THREAD = ("Comments\nmary smith\nAbout time the pier was fixed, it has been falling apart for years.\n"
                  "Tom_B\nSchools first, I say. The roads can wait.\nReply\n"
                  "Ana Ruiz\nWill the ferries run during the dredging?\n"
                  "comments powered by Disqus\nAre you a harbour fan?\nMore Stories\n"
                  "Local News\nFerry fares rise for the third year running, the operator says.\n")


def test_a_thread_copied_without_dates_is_read_as_names_and_comments(rules):
    parts = parse_article(ARTICLE + UNDATED_THREAD, rules)
    assert [(c.author, c.posted_at, c.body[:20]) for c in parts.comments] == [
        ("mary smith", None, "About time the pier "), ("Tom_B", None, "Schools first, I say"),
        ("Ana Ruiz", None, "Will the ferries run")]
    assert parts.body.endswith("which flood every winter.")
    # the thread ended at the first text no comment claims: a teaser below it is no comment
    assert "Local News" not in {c.author for c in parts.comments}


def test_names_without_dates_need_a_run_of_pairs_under_a_comments_marker(rules):
    one_pair = ARTICLE + "Comments\nmary smith\nAbout time the pier was fixed.\nMore Stories\nLocal News\n"
    assert parse_article(one_pair, rules).comments == []
    # an interview printed as speaker lines and answers is article text, not a thread
    interview = ARTICLE + ("Jane Doe\nWhy did the vote take so long this time?\n"
                           "Tom Brown\nBecause half the council wanted the money for schools.\n"
                           "Jane Doe\nWill the ferries run during the work?\n"
                           "Tom Brown\nThey will, on a reduced timetable until June.\n")
    parts = parse_article(interview, rules)
    assert parts.comments == [] and parts.body.endswith("on a reduced timetable until June.")


def test_disqus_style_relative_times_and_comment_count(rules):
    text = ARTICLE + "3 Comments\nOldest\nAnna K • 12 days ago\nGreat reporting.\nReply\n" \
                     "Bob_77 • a month ago\nWhat about the ferries?\n"
    parts = parse_article(text, rules)
    assert parts.comment_count_shown == 3
    assert [(c.author, c.posted_at, c.body) for c in parts.comments] == [
        ("Anna K", None, "Great reporting."), ("Bob_77", None, "What about the ferries?")]
    assert "Great reporting" not in parts.body


def test_blogger_comment_section(rules):
    text = ARTICLE + "2 comments:\nAnonymous said...\nWho pays for the dredging?\n" \
                     "March 9, 2021 at 4:40 PM\nDelete\nPost a Comment\nNewer Post Older Post Home\n"
    parts = parse_article(text, rules)
    assert parts.comment_count_shown == 2
    assert [(c.author, c.posted_at, c.body) for c in parts.comments] == [
        ("Anonymous", "2021-03-09T16:40:00", "Who pays for the dredging?")]


def test_wpdiscuz_name_and_date_on_separate_lines(rules):
    text = ARTICLE + "Subscribe\nNotify of\n1 Comment\nInline Feedbacks\nView all comments\n" \
                     "Peter Pan\n16. March, 2023 at 16:59\nNice piece, thank you!\nReply\n"
    parts = parse_article(text, rules)
    assert [(c.author, c.posted_at) for c in parts.comments] == [("Peter Pan", "2023-03-16T16:59:00")]
    assert parts.comment_count_shown == 1


def test_no_comments_count_is_zero_and_body_keeps_its_end(rules):
    parts = parse_article(ARTICLE + "No comments:\nPost a Comment\n", rules)
    assert parts.comment_count_shown == 0 and parts.comments == []
    assert parts.body.endswith("which flood every winter.")


def test_a_comments_link_above_the_article_does_not_swallow_it(rules):
    text = "Council approves new budget\nLeave a comment\n" + ARTICLE.split("\n", 2)[2]
    parts = parse_article(text, rules)
    assert parts.comments == []
    assert len(parts.paragraphs) == 3


def test_comments_only_text(rules):
    parts = parse_article("3 comments\nJane Roe March 6, 2021 at 10:08 am\nGreat piece.\nReply\n", rules)
    assert parts.title is None and parts.paragraphs == []
    assert parts.comment_count_shown == 3
    assert [(c.author, c.posted_at, c.body) for c in parts.comments] == [
        ("Jane Roe", "2021-03-06T10:08:00", "Great piece.")]


@pytest.mark.parametrize("furniture, comments", [
    # WordPress
    ("3 thoughts on “Council Approves New Budget”\nJohn Smith says:\nMarch 6, 2021 at 10:08 am\nGreat news for our schools, finally.\nReply\n"
     "Mary Major says:\nMarch 7, 2021 at 9:15 pm\nRoads matter too, though.\nReply\nLeave a Reply\nYour email address will not be published.",
     [("John Smith", "2021-03-06T10:08:00", "Great news"), ("Mary Major", "2021-03-07T21:15:00", "Roads matter")]),
    # wpDiscuz-style with relative times
    ("2 Comments\nNotify of\nOldest\nNewest\nJohn Smith 12 days ago\nGreat news for our schools, finally.\nReply\n"
     "Mary Major 3 hours ago\nRoads matter too, though.\nReply",
     [("John Smith", None, "Great news"), ("Mary Major", None, "Roads matter")]),
])
def test_comment_sections_of_common_engines(furniture, comments):
    parts = parse_article(BLANK_LINE_ARTICLE + "\n" + furniture)
    assert parts.title == "Council Approves New Budget After Long Debate"
    assert parts.body.endswith("for that reason alone.")
    found = [(c.author, c.posted_at, c.body[:len(expected_start)]) for c, (_, _, expected_start) in zip(parts.comments, comments)]
    assert len(parts.comments) == len(comments)
    if comments[0][1] is None:  # relative times resolve to no absolute stamp
        found = [(a, None, b) for a, _, b in found]
    assert found == comments
    for text in ("Reply", "Notify of", "Leave a Reply", "Comments"):
        assert text not in parts.body
