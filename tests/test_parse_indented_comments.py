"""Comment threads recognised by indentation: name line flush, its text indented under it."""
from newscorpus.parse import parse_article

ARTICLE = "\n\n".join(
    f"Paragraph {n} of the article says something plain about the council budget and the vote held on Monday."
    for n in range(12))


def test_indented_thread_without_heading_is_comments():
    text = ("Budget vote\n\n" + ARTICLE + "\n\nhttp://twitter.com/jdoe Jane Doe\n\n"
            "    I think the council got this one wrong again.\n"
            "    Mark R.\n\n    Agreed, the vote was rushed and nobody asked us.\n")
    parts = parse_article(text)
    assert [c.author for c in parts.comments] == ["Jane Doe", "Mark R."]
    assert "rushed" not in parts.body and "Paragraph 11" in parts.body


def test_indented_quote_and_staircase_stay_in_body():
    quote = "Budget vote\n\n" + ARTICLE + "\n\nThe statement\n\n    let x = compute(1)\n    print(x)\n"
    stair = "Budget vote\n\n" + ARTICLE + "\n\nA new plan\n\n The mayor said the plan is ready for the vote.\n"
    for text in (quote, stair):
        parts = parse_article(text)
        assert parts.comments == []
