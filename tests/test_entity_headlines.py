"""Names in the headline are the article's too (nlp/headlines.py, extract.extract_many's titles)."""
from __future__ import annotations

from newscorpus.nlp import headlines
from newscorpus.nlp.extract import extract
from newscorpus.parts import EntityRef


def names(extraction):
    return {(e.name, e.type) for e in extraction.entities}


def test_a_place_named_only_in_the_headline_is_the_articles(nlp):
    body = "The statue was unveiled in 1990. It stands near the harbour and draws many visitors each summer."
    found = names(extract(body, "A bronze statue of the poet in Rotterdam"))
    assert ("Rotterdam", "PLACE") in found
    assert ("Rotterdam", "PLACE") not in names(extract(body))


def test_a_person_of_the_headline_is_the_one_the_body_names_by_surname(nlp):
    body = ("Corwin Hale was born in 1931. Hale later taught music in Leeds for forty years, and Hale "
            "wrote three operas there.")
    extraction = extract(body, "Composer Corwin Hale dies in Leeds")
    hale = [e for e in extraction.entities if e.type == "PERSON" and "Hale" in e.name]
    assert len(hale) == 1, hale
    # the headline's mentions are not body offsets: the mention list is the body's alone
    assert all(m.end <= len(body) for m in extraction.mentions)


def test_a_title_case_headline_adds_only_places_the_gazetteers_list(nlp):
    body = "Start the seeds indoors in March. Water them every morning and keep them warm."
    found = names(extract(body, "Seed Starting And Spring Planning In Toronto"))
    assert ("Toronto", "PLACE") in found
    assert not any("Seed" in name or "Spring Planning" in name for name, _ in found), found


def test_a_headline_the_body_opens_with_is_not_read_twice(nlp):
    body = "Mayor Ilse Brandt visits Lyon\n\nIlse Brandt arrived in Lyon on Monday for a two-day visit."
    once = extract(body)
    again = extract(body, "Mayor Ilse Brandt visits Lyon")
    assert [(e.name, e.mentions) for e in once.entities] == [(e.name, e.mentions) for e in again.entities]


def test_one_word_of_a_name_and_a_full_name_with_a_middle_name_are_one_person():
    body = [EntityRef(name="Matthew Goode", type="PERSON", aliases={"Matthew Goode"}, mentions=3)]
    merged = headlines.merge_headline(body, [EntityRef(name="Matthew William Goode", type="PERSON",
                                                       aliases={"Matthew William Goode"}, mentions=1)])
    assert len(merged) == 1 and merged[0].mentions == 4
    other = headlines.merge_headline(list(body), [EntityRef(name="Matthew Lyle", type="PERSON",
                                                            aliases={"Matthew Lyle"}, mentions=1)])
    assert len(other) == 2  # another Matthew
