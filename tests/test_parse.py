"""The parser on the seeds (expected values from the hand-checked gold), hand-written
variants of what real sites print, and committed Wikinews articles."""
from pathlib import Path

import pytest

from newscorpus.parse import load_rules, parse_article

DATA = Path(__file__).parent / "data"
SEEDS = Path(__file__).parents[1] / "seeds"

SEED_EXPECTED = {
    "000": dict(title=None, section=None, dateline=None, image_credit=None,
                starts="Russian Foreign Minister Sergei Lavrov recently responded", ends="for a new five-year period.",
                gone=["Recent Comments"], count=None),
    "001": dict(title="Will Russia and China forge a military alliance?", section=None, dateline="MOSCOW", image_credit=None,
                starts="Russian Foreign Minister Sergei Lavrov answered a question", ends="is of special importance.”",
                gone=["Subscribe to our newsletter", "Notify of", "Inline Feedbacks", "View all comments",
                      "Would love your thoughts, please comment.x"], count=None),
    "002": dict(title="China Says No Publicly To Military Alliance With Russia", section="Eastern Europe", dateline=None,
                image_credit="kremlin.ru",
                starts="The Russian Federation and the People’s Republic of China have grown closer",
                ends="regarding any future military cooperation with the PLA.",
                gone=["Please Follow us on Gab", "Donate!", "Related articles", "Snowden Can Receive Russian Citizenship",
                      "Mariam Gogolishvili", "Tsarizm Staff", "1 comment", "Wayne Mickel", "I would say Russia says no",
                      "Leave a Comment", "Subscribe to our evening newsletter"], count=1),
    "003": dict(title=None, section=None, dateline=None, image_credit="AP Photo/Mark Schiefelbein",
                starts="The current ties between Moscow and Beijing effectively outclass",
                ends="in the internal affairs of either China or Russia.", gone=["No comments:", "Post a Comment"], count=0),
    "004": dict(title=None, section=None, dateline=None, image_credit=None,
                starts="Moscow will not give up its good relations with Beijing",
                ends="such as BRICS and the Shanghai Cooperation Organization.", gone=[], count=None),
}


def seed(prefix):
    [path] = SEEDS.glob(f"{prefix}_*.txt")
    return parse_article(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("prefix", sorted(SEED_EXPECTED))
def test_seed_fields_and_clean_body(prefix):
    parts, expected = seed(prefix), SEED_EXPECTED[prefix]
    for field in ("title", "section", "dateline", "image_credit"):
        assert getattr(parts, field) == expected[field], field
    assert parts.body.startswith(expected["starts"])
    assert parts.body.endswith(expected["ends"])
    for line in expected["gone"]:
        assert line not in parts.body
    assert parts.comment_count_shown == expected["count"]
    removed = " ".join(b.text for b in parts.boilerplate)
    assert all(line in removed for line in expected["gone"] if line not in ("Wayne Mickel", "I would say Russia says no"))


def test_seed_comment_with_author_and_time_on_one_line():
    [comment] = seed("002").comments
    assert (comment.author, comment.posted_at, comment.position) == ("Wayne Mickel", "2021-03-06T10:08:00", 0)
    assert comment.body.startswith("I would say Russia says no to China")
    assert comment.body.endswith("should not be the petrodollar.")


def test_seed_quoted_subheading_is_recorded():
    parts = seed("004")
    assert [h.strip("‘’'") for h in parts.subheadings] == ["Invincible Mutual Trust"]


def test_body_keeps_paragraphs_separated_by_blank_lines():
    parts = seed("001")
    assert len(parts.paragraphs) >= 9
    assert parts.body.count("\n\n") == len(parts.paragraphs) - 1


ARTICLE = """Council Approves New Budget After Long Debate

By Jane Doe

The city council approved a new budget on Tuesday after a debate that lasted more than six hours and drew hundreds of residents.

"This is a budget for everyone in the city," the mayor said after the vote, adding that schools would receive more money than last year.

Critics said the plan leaves too little for road repairs, and several members voted against it for that reason alone.
"""


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
    parts = parse_article(ARTICLE + "\n" + furniture)
    assert parts.title == "Council Approves New Budget After Long Debate"
    assert parts.body.endswith("for that reason alone.")
    found = [(c.author, c.posted_at, c.body[:len(expected_start)]) for c, (_, _, expected_start) in zip(parts.comments, comments)]
    assert len(parts.comments) == len(comments)
    if comments[0][1] is None:  # relative times resolve to no absolute stamp
        found = [(a, None, b) for a, _, b in found]
    assert found == comments
    for text in ("Reply", "Notify of", "Leave a Reply", "Comments"):
        assert text not in parts.body


def test_byline_is_read_and_kept_out_of_the_body():
    parts = parse_article(ARTICLE)
    assert parts.byline and "Jane Doe" in parts.byline
    assert "By Jane Doe" not in parts.body


def test_newsletter_share_and_related_lists_are_removed():
    furniture = ("Share this:\nClick to share on Twitter (Opens in new window)\nFollow us on Facebook and Instagram\n"
                 "Sign up for our daily newsletter\nRelated articles\nMayor Opens New Library Downtown\nJohn Roe\n"
                 "Storm Closes Schools Across County\nStaff Writer\n© 2021 City News. All rights reserved.")
    parts = parse_article(ARTICLE + "\n" + furniture)
    for line in furniture.split("\n"):
        assert line not in parts.body, line
    assert parts.body.endswith("for that reason alone.")
    assert {b.rule for b in parts.boilerplate}


def test_crlf_and_single_newlines_parse_like_lf():
    assert parse_article(ARTICLE.replace("\n", "\r\n")).body == parse_article(ARTICLE).body


@pytest.mark.parametrize("text", ["", "   \n\n", "Just A Headline", "Reply\nReply\n1 comment\n", "“" * 5000, "x" * 200_000])
def test_odd_texts_never_crash(text):
    parts = parse_article(text)
    assert isinstance(parts.body, str)


def test_user_rules_file_extends_the_defaults(tmp_path):
    rules_file = tmp_path / "mine.yaml"
    rules_file.write_text("drop:\n  my_site: ['read the full story at example\\.com.*']\n", encoding="utf-8")
    # mid-article, where only a rule (not the trailing-furniture logic) can remove it
    text = ARTICLE.replace("Critics said", "Read the full story at example.com/budget\n\nCritics said")
    assert "Read the full story" in parse_article(text).body
    parts = parse_article(text, load_rules(rules_file))
    assert "Read the full story" not in parts.body
    assert "my_site" in {b.rule for b in parts.boilerplate}
    assert "Share this:" not in parse_article(ARTICLE + "\nShare this:\n", load_rules(rules_file)).body


WIKINEWS = sorted((DATA / "wikinews_entities").glob("*.txt"))


@pytest.mark.parametrize("path", WIKINEWS, ids=[p.stem for p in WIKINEWS])
def test_wikinews_bodies_lose_no_paragraph_and_gain_no_comments(path):
    text = path.read_text(encoding="utf-8")
    parts = parse_article("A Wikinews headline\n\n" + text)
    assert parts.comments == []
    kept = " ".join(parts.body.split() + " ".join(parts.subheadings).split())
    for paragraph in text.split("\n\n"):
        if paragraph.strip():  # runs of spaces are collapsed; every word must stay
            assert " ".join(paragraph.split()) in kept, paragraph[:80]
