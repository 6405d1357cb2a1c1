"""Random input through the parser and the extractors: nothing may escape as an exception."""

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newscorpus.nlp.lexicon import normalise_surface
from newscorpus.parse.article import parse_article

QUOTE_MARKS = list('"“”‘’\'„«»`') + ["''"]
NEWS_WORDS = ["Lavrov", "said", "he", "stressed", "the minister", "according to", "NATO", "Reply",
              "1 comment", "March 6, 2021 at 10:08 am", "Related articles", "\n", "\n\n", ":", ",", ".", "  "]
newsy_text = st.lists(st.sampled_from(QUOTE_MARKS + NEWS_WORDS) | st.text(max_size=12), max_size=80).map(" ".join)
any_text = st.text(max_size=400) | newsy_text | st.builds(lambda w, n: w * n, st.sampled_from(["x", "word ", "“", "\n"]), st.integers(1, 20000))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_parser_never_raises_and_keeps_offsets_sane(text):
    parts = parse_article(text)
    assert isinstance(parts.body, str)
    for comment in parts.comments:
        assert isinstance(comment.body, str)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(newsy_text | st.text(max_size=300))
@example("“ Lavrov 1 comment \n “ Lavrov")  # a quotation reopened on the next line: two parts
def test_extraction_never_raises_and_offsets_point_into_the_body(text):
    from newscorpus.nlp.extract import extract

    extraction = extract(text)
    for quote in extraction.quotes:
        assert 0 <= quote.start <= quote.end <= len(text)
        # A quotation running over paragraphs is its paragraphs' parts joined by a blank line,
        # without the marks that reopen it (quote_spans.QuotedSpan.text): each part is in the
        # span, in order, the first opening it and the last closing it.
        span, pieces = text[quote.start:quote.end], quote.text.split("\n\n")
        if len(pieces) == 1:
            assert span == quote.text
        assert span.startswith(pieces[0]) and span.endswith(pieces[-1])
        position = 0
        for piece in pieces:
            position = span.index(piece, position) + len(piece)
        assert quote.kind in ("direct", "partial")
    for mention in extraction.mentions:
        # mention text is the span with one spelling of quotes and spaces (a macron and a
        # combining macron are one name; so are "Sergei  Lavrov" and "Sergei Lavrov")
        assert normalise_surface(text[mention.start:mention.end]) == mention.text
