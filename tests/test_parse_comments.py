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


# ------------------------------------------------ threads found by their repeated header shape
# No "Comments" heading and no count above them: the thread is told by its headers.
LONGER_ARTICLE = ARTICLE + (
    "Work on the pier starts in March, and the council expects the channel to be open again by the "
    "first week of June, weather permitting.\n"
)


@pytest.mark.parametrize("headers, authors, stamps", [
    # the time stamp printed before the name, after it, or around "on"
    (["09. Jul, 2012 / Courtney says:", "10. Jul, 2012 / Meg B says:"],
     ["Courtney", "Meg B"], ["2012-07-09", "2012-07-10"]),
    (["On November 1, 2012 at 10:12 am Maggie Dodson said:", "On November 2, 2012 at 9:05 pm Joy said:"],
     ["Maggie Dodson", "Joy"], ["2012-11-01T10:12:00", "2012-11-02T21:05:00"]),
    (["Shea on October 14, 2012 at 6:12 pm said:", "jean jett on October 15, 2012 at 7:21 pm said:"],
     ["Shea", "jean jett"], ["2012-10-14T18:12:00", "2012-10-15T19:21:00"]),
    (["On October 26, 2012 at 2:08am, Rosa said...", "On October 27, 2012 at 10:05am, Rachel said..."],
     ["Rosa", "Rachel"], ["2012-10-26T02:08:00", "2012-10-27T10:05:00"]),
])
def test_a_header_with_its_time_stamp_inside_opens_a_thread_without_a_heading(rules, headers, authors, stamps):
    texts = ["What a lovely harbour, we visited last summer.", "The ferries were always late when I lived there."]
    page = LONGER_ARTICLE + "".join(f"{h}\n{t}\n" for h, t in zip(headers, texts))
    parts = parse_article(page, rules)
    assert [(c.author, c.posted_at, c.body) for c in parts.comments] == list(zip(authors, stamps, texts))
    assert parts.body.endswith("weather permitting.")


def test_a_time_zone_is_read_but_a_name_after_the_time_is_not_taken_for_one(rules):
    page = LONGER_ARTICLE + ("On May 3, 2012 at 9:40 PM EST Kim said:\nGood news at last.\n"
                             "On May 4, 2012 at 8:00 am Ann Lee said:\nAbout time too.\n")
    parts = parse_article(page, rules)
    assert [(c.author, c.posted_at) for c in parts.comments] == [("Kim", "2012-05-03T21:40:00"),
                                                                 ("Ann Lee", "2012-05-04T08:00:00")]


def test_undated_says_headers_open_a_thread_when_the_shape_repeats(rules):
    thread = ("Dnomyar220 says:\nI use the ferry every day and it is always late.\n"
              "landjo77 says:\nThe pier has needed this for years.\n"
              "Ed 115 says:\nSchools first, harbour second.\n")
    parts = parse_article(LONGER_ARTICLE + thread, rules)
    assert [c.author for c in parts.comments] == ["Dnomyar220", "landjo77", "Ed 115"]
    assert "always late" not in parts.body and parts.body.endswith("weather permitting.")
    tumblr = thread.replace(" says:", " added:")  # Tumblr's notes
    assert [c.author for c in parse_article(LONGER_ARTICLE + tumblr, rules).comments] == ["Dnomyar220", "landjo77", "Ed 115"]
    two_only = thread.rsplit("Ed 115", 1)[0]  # two headers are not yet a repeated shape
    assert parse_article(LONGER_ARTICLE + two_only, rules).comments == []


@pytest.mark.parametrize("reported_speech", [
    # a clause's subject introducing a quotation is article text, however often it repeats
    "The harbour master said:\nThe channel has silted up faster than anyone expected.\n"
    "A spokesman for the ferry company said:\nWe will keep a reduced timetable.\n"
    "He said:\nThe work cannot wait another winter.\n"
    "The opposition leader said:\nThe schools will pay for this.\n",
    "The harbour master added:\nThe channel has silted up faster than anyone expected.\n"
    "The mayor added:\nWe will keep a reduced timetable.\n"
    "She added:\nThe work cannot wait another winter.\n",
    # a vox pop: names, then the quotation each gave
    "Jane Roe added:\n\u201cIt is about time the pier was fixed.\u201d\n"
    "Tom Brown added:\n\u201cI would rather see the roads repaired.\u201d\n"
    "Ann Lee added:\n\u201cThe ferries are the town's lifeline.\u201d\n",
    "Jane Roe says:\n\u201cIt is about time the pier was fixed.\u201d\n"
    "Tom Brown says:\n\u201cI would rather see the roads repaired.\u201d\n"
    "Ann Lee says:\n\u201cThe ferries are the town's lifeline.\u201d\n",
])
def test_repeated_reported_speech_in_an_article_is_not_a_thread(rules, reported_speech):
    parts = parse_article(LONGER_ARTICLE + reported_speech, rules)
    assert parts.comments == []
    assert parts.body.endswith(reported_speech.strip().splitlines()[-1])


def test_slashcode_headers_with_user_numbers_make_a_thread_with_replies(rules):
    thread = ("by garaged (579941)\nI can build a computer!\n"
              "by kcin (34043)\nI make my own silicon wafers.\n"
              "by SJ2000 (1128057) on Tuesday July 24, @09:07AM (#40748091) Homepage\nKeep in mind the judge's point.\n"
              "by Anonymous Coward on Tuesday July 24, @10:12AM (#40749375)\nNot bad at all.\n")
    parts = parse_article(LONGER_ARTICLE + thread, rules)
    assert [c.author for c in parts.comments] == ["garaged", "kcin", "SJ2000", "Anonymous Coward"]
    assert [c.body for c in parts.comments][-1] == "Not bad at all."
    assert "silicon" not in parts.body


def test_bylines_and_a_reading_list_are_not_taken_for_slashcode_headers(rules):
    reading = ("Further reading\nPride and Prejudice\nby Jane Austen (1813)\nA novel of manners set in the country.\n"
               "Emma\nby Jane Austen (1815)\nA comedy of a young woman's matchmaking.\n"
               "Middlemarch\nby George Eliot (1871)\nA study of provincial life in the Midlands.\n")
    page = "Council approves new budget\nby Jane Doe\n" + LONGER_ARTICLE.split("\n", 2)[2] + reading
    parts = parse_article(page, rules)
    assert parts.byline == "Jane Doe" and parts.comments == []


def test_comments_signed_below_their_text_make_a_thread(rules):
    thread = ("Ha! Sixty for a low when your high is above a hundred is delusional!\n"
              "Posted by: Ellen at September 10, 2012 11:40 AM\n"
              "You have the wrong link to the council's page.\nIt moved last week.\n"
              "Posted by: Dennis | October 12, 2012 at 12:50 PM\n"
              "Post a comment\n")
    parts = parse_article(LONGER_ARTICLE + thread, rules)
    assert [(c.author, c.posted_at, c.body) for c in parts.comments] == [
        ("Ellen", "2012-09-10T11:40:00", "Ha! Sixty for a low when your high is above a hundred is delusional!"),
        ("Dennis", "2012-10-12T12:50:00", "You have the wrong link to the council's page.\nIt moved last week.")]
    assert parts.body.endswith("weather permitting.")


def test_a_posts_own_signature_is_not_a_thread(rules):
    page = LONGER_ARTICLE + "Posted by: Jane Doe at March 3, 2012 10:00 AM\n"
    parts = parse_article(page, rules)
    assert parts.comments == [] and parts.body.endswith("weather permitting.")


@pytest.mark.parametrize("stamp, iso", [("November 5, 2012 · 8:23 PM", "2012-11-05T20:23:00"),
                                        ("November 8, 2012,", "2012-11-08")])
def test_name_over_a_date_line_in_more_printed_forms(rules, stamp, iso):
    thread = f"Tyler Stambaugh\n{stamp}\nWill anyone show up to move the supplies?\n"
    parts = parse_article(LONGER_ARTICLE + thread, rules)
    assert [(c.author, c.posted_at) for c in parts.comments] == [("Tyler Stambaugh", iso)]


@pytest.mark.parametrize("first, second, authors", [
    # the stamp first, the name after a dash or bar (Drupal and others)
    ("Fri, 2012-11-09 18:05 — Jeff Moore (not verified)", "Fri, 2012-11-09 19:40 — Ann Lee",
     ["Jeff Moore", "Ann Lee"]),
    ("12 March 2012 | kokopuff", "13 March 2012 | Meg B", ["kokopuff", "Meg B"]),
    # the stamp with its time, then the name with nothing between
    ("on 25 Oct 2012 at 7:20 pm Timon Piccini", "on 25 Oct 2012 at 11:34 pm cb1601ej", ["Timon Piccini", "cb1601ej"]),
    ("7:43 pm on October 25, 2012 David Lippman", "October 26, 2012 at 1:43 am Nathan Kraft",
     ["David Lippman", "Nathan Kraft"]),
    ("October 12, 2012  Cat", "October 13, 2012  Misty Perryman", ["Cat", "Misty Perryman"]),
])
def test_headers_with_the_stamp_before_the_name(rules, first, second, authors):
    thread = f"{first}\nThe pier is a disgrace.\n{second}\nAgreed, and the roads too.\n"
    parts = parse_article(LONGER_ARTICLE + thread, rules)
    assert [c.author for c in parts.comments] == authors
    assert all(c.posted_at and c.posted_at.startswith("2012") for c in parts.comments)


def test_said_with_a_comma_is_a_header_when_the_shape_repeats(rules):
    thread = ("Progress Trap said,\nThere is one benefit of the new pier.\n"
              "firefighter jeff said,\nGood job on the dredging.\n"
              "Ann_W said,\nSchools first.\n")
    parts = parse_article(LONGER_ARTICLE + thread, rules)
    assert [c.author for c in parts.comments] == ["Progress Trap", "firefighter jeff", "Ann_W"]


def test_a_handle_with_capitals_inside_is_a_commenter_not_a_glued_menu(rules):
    thread = ("by TheGratefulNet (143330)\nI can build a computer!\n"
              "by kcin (34043)\nI make my own silicon wafers.\n"
              "by McAwesomeSauce (1128057) on Tuesday July 24, @09:07AM (#40748091)\nKeep in mind the judge's point.\n")
    parts = parse_article(LONGER_ARTICLE + thread, rules)
    assert [c.author for c in parts.comments] == ["TheGratefulNet", "kcin", "McAwesomeSauce"]
    # look-alike: links glued by a copy-paste inside the article are still no text of it
    menu = parse_article(LONGER_ARTICLE.replace("\n", "\nNewsSportsWeather TrafficOpinion\n", 1), rules)
    assert "NewsSportsWeather" not in menu.body


def test_a_link_on_its_own_line_inside_a_comment_does_not_end_it(rules):
    thread = ("Mary Smith says:\nMarch 7, 2021 at 9:15 pm\nThe council's own figures are here:\n"
              "http://www.example.org/budget-2021.pdf\nThey show the pier was never funded.\n"
              "Tom Brown says:\nMarch 8, 2021 at 7:02 am\nSchools first, I say.\nwww.example.org/schools\n")
    parts = parse_article(ARTICLE + thread, rules)
    assert [c.body for c in parts.comments] == [
        "The council's own figures are here:\nhttp://www.example.org/budget-2021.pdf\n"
        "They show the pier was never funded.",
        "Schools first, I say.\nwww.example.org/schools"]
    # look-alike: a link above the thread is the article's, not a comment
    linked = parse_article(ARTICLE + "http://www.example.org/budget-2021.pdf\n" + thread, rules)
    assert linked.comments[0].body.startswith("The council's own figures")


def test_a_live_blogs_timed_entries_are_no_comment_thread(rules):
    entries = ("March 3, 2012 10:05 am Police close the bridge\nTraffic is being sent round by the ring road.\n"
               "March 3, 2012 10:40 am The mayor arrives at the scene\nShe spoke to the crews for ten minutes.\n")
    parts = parse_article(LONGER_ARTICLE + entries, rules)
    assert parts.comments == [] and "Traffic is being sent round" in parts.body


def test_a_commenters_motto_and_fan_count_between_name_and_stamp(rules):
    thread = ("HUFFPOST SUPER USER\nNICENESS\n152 Fans\n23 seconds ago ( 4:28 PM)\nThe pier is a disgrace.\n"
              "savory1\nMidwest Soccer Mom\n186 Fans\n1 minute ago ( 4:27 PM)\nAgreed, and the roads too.\n"
              "hippiedad\nMy karma ran over your dogma.\n2 minutes ago ( 4:26 PM)\nSchools first.\n"
              "breezy62253\n2 minutes ago ( 4:25 PM)\nWho pays for the dredging?\n")
    parts = parse_article(LONGER_ARTICLE + thread, rules)
    assert [(c.author, c.body) for c in parts.comments] == [
        ("NICENESS", "The pier is a disgrace."), ("savory1", "Agreed, and the roads too."),
        ("hippiedad", "Schools first."), ("breezy62253", "Who pays for the dredging?")]
    assert "HUFFPOST SUPER USER" not in parts.body and "Fans" not in parts.body


def test_a_short_comment_above_the_next_name_is_no_motto(rules):
    # "Agreed." then "Tom B" then the stamp: the short line is the first comment's text
    thread = ("mary smith\n3 minutes ago ( 4:28 PM)\nThe pier is a disgrace.\nAgreed\n"
              "Tom B\n2 minutes ago ( 4:29 PM)\nSchools first.\n")
    parts = parse_article(LONGER_ARTICLE + thread, rules)
    assert [(c.author, c.body) for c in parts.comments] == [
        ("mary smith", "The pier is a disgrace.\nAgreed"), ("Tom B", "Schools first.")]
def test_written_by_name_comma_date_over_each_comment(rules):
    page = ("Battery maker enters bankruptcy\nWritten by Philip Proefrock on 17/10/12\n" + LONGER_ARTICLE.split("\n", 2)[2]
            + "These things are best left to China\nwritten by pete, October 24, 2012\nWhy should we build batteries?\n"
              "written by Eco-Vet, October 29, 2012\nWhenever I see a reasonable enterprise fail, I wonder.\n")
    parts = parse_article(page, rules)
    assert parts.byline == "Philip Proefrock"
    assert [(c.author, c.posted_at) for c in parts.comments] == [("pete", "2012-10-24"), ("Eco-Vet", "2012-10-29")]
    assert parts.comments[0].body == "Why should we build batteries?"
    # look-alike: a guest post's credit at its end, no comment under it
    credited = parse_article(LONGER_ARTICLE + "written by Jane Roe, March 5, 2012\n", rules)
    assert credited.comments == [] and "which flood every winter" in credited.body


def test_the_date_above_the_name(rules):
    thread = ("November 5, 2012\nDan Garner\nI too need to sharpen my focus.\n"
              "November 5, 2012\nGigi\nI need to start pursuing more speaking opportunities.\n"
              "November 6, 2012\nShirley Hershey Showalter\nLoved the story.\n")
    parts = parse_article(LONGER_ARTICLE + thread, rules)
    assert [(c.author, c.posted_at) for c in parts.comments] == [
        ("Dan Garner", "2012-11-05"), ("Gigi", "2012-11-05"), ("Shirley Hershey Showalter", "2012-11-06")]
    assert parts.comments[1].body == "I need to start pursuing more speaking opportunities."


@pytest.mark.parametrize("teasers", [
    "November 5, 2012\nFerry fares rise\nThe council raised fares again this week.\n"
    "November 8, 2012\nPier repairs start in March\nWork begins on the north end.\n",
    "November 5, 2012 Ferry fares rise\nThe council raised fares again this week.\n"
    "November 8, 2012 Pier repairs start in March\nWork begins on the north end.\n",
])
def test_a_dated_teaser_list_is_no_thread_of_names_under_dates(rules, teasers):
    parts = parse_article(LONGER_ARTICLE + teasers, rules)
    assert parts.comments == [] and "raised fares again" in parts.body


def test_a_stamp_alone_on_its_line_is_no_header_whatever_looks_like_a_name_in_it(rules):
    # Blogger: the day above the title, each comment's stamp under its text
    page = ("Friday, October 19, 2012\nCool technology of the week\n" + LONGER_ARTICLE.split("\n", 2)[2]
            + "Posted by John Halamka at 3:00 AM\n"
              "Anonymous said...\nWowza! That is really cool!\nOctober 19, 2012 10:54 AM\n"
              "Kevin Groff said...\nI see a challenge in your future...\nOctober 19, 2012 11:58 AM\n"
              "John Halamka said...\nCompletely edible, but not incredible.\nOctober 19, 2012 12:14 PM\n")
    parts = parse_article(page, rules)
    assert [(c.author, c.posted_at) for c in parts.comments] == [
        ("Anonymous", "2012-10-19T10:54:00"), ("Kevin Groff", "2012-10-19T11:58:00"),
        ("John Halamka", "2012-10-19T12:14:00")]


@pytest.mark.parametrize("header, author", [("xdwyer 5 pts", "xdwyer"), ("Jane Roe -2 points", "Jane Roe"),
                                            ("harbour_fan 1 pt", "harbour_fan")])
def test_a_disqus_vote_count_after_the_name_opens_a_thread_of_one(rules, header, author):
    thread = f"{header}\nThe pier has needed this money for years, and the dredging is overdue too.\n"
    parts = parse_article(LONGER_ARTICLE + thread, rules)
    assert [(c.author, c.body) for c in parts.comments] == [
        (author, "The pier has needed this money for years, and the dredging is overdue too.")]
    assert "dredging is overdue" not in parts.body


@pytest.mark.parametrize("ending", [
    "Leading scorers\nCurry 31 pts\nThompson 22 pts\nGreen 10 pts\n",  # a box score
    "Curry 31 pts, 8 reb, 5 ast\nThompson 22 pts, 4 reb\n",
    "Final standings\nHarbour Rowing Club 44 points\nThe club finished top for the third year running.\n",
])
def test_scores_and_standings_in_an_article_are_no_vote_counts(rules, ending):
    parts = parse_article(LONGER_ARTICLE + ending, rules)
    assert parts.comments == []
    # (short closing lines may still go as page furniture, as before: not as comment chrome)
    assert not {b.rule for b in parts.boilerplate} & {"comment_header", "after_comments", "comment_chrome"}
