"""Places inside longer names (nlp/nested.py): the words after "of", "at" or a comma inside an
organisation's, an event's or an award's name are a place where a gazetteer lists them, cut
where the place ends; the longer name stays whole."""
from __future__ import annotations

import pytest

from helpers import entity_types


@pytest.mark.parametrize("sentence, name, places", [
    ("From 1947 to 1960, he taught at the University of California at Berkeley, where he became a professor.",
     "University of California at Berkeley", ["California", "Berkeley"]),
    ("He was Professor of Linguistics at the University of California, Berkeley until 1994.",
     "University of California, Berkeley", ["California", "Berkeley"]),
    ("He was nominated for Best Actor at the Film Critics Circle of Australia Awards.",
     "Film Critics Circle of Australia Awards", ["Australia"]),  # the place, not its awards
    ("He was a member of the Society of the Cincinnati and a friend of Hamilton.",
     "Society of the Cincinnati", ["Cincinnati"]),
    ("Citizens of Antigua and Barbuda need no visa.", "Citizens of Antigua and Barbuda", ["Antigua and Barbuda"]),
])
def test_a_place_inside_a_longer_name_is_mentioned_and_the_name_stays(nlp, sentence, name, places):
    found = entity_types(nlp, sentence)
    assert name in found and all(found.get(place) == "PLACE" for place in places), found


@pytest.mark.parametrize("sentence, words", [
    ("He studied at the Museum of Fine Arts School in Boston.", ["Fine", "Fine Arts"]),
    ("He joined the Church of Jesus Christ of Latter-day Saints.", ["Jesus", "Jesus Christ"]),
])
def test_words_after_of_that_no_gazetteer_lists_are_no_place(nlp, sentence, words):
    found = entity_types(nlp, sentence)
    assert not [w for w in words if found.get(w) == "PLACE"], found


@pytest.mark.parametrize("sentence, name, place", [
    # A city leading an institution's name: the model reads "Oxford" alone as an organisation.
    ("He later lectured at Oxford University and in Leiden.", "Oxford University", "Oxford"),
    ("She was educated at Aberdeen Grammar School before moving south.", "Aberdeen Grammar School", "Aberdeen"),
])
def test_a_city_leading_an_organisations_name_is_mentioned(nlp, sentence, name, place):
    found = entity_types(nlp, sentence)
    assert found.get(name) == "ORG" and found.get(place) == "PLACE", found


@pytest.mark.parametrize("sentence, word", [
    ("He studied at Navarro College for two years.", "Navarro"),  # no city of that name
    ("Brooks joined Morgan Stanley in 2001.", "Morgan"),
])
def test_a_word_leading_an_organisations_name_that_no_city_bears_is_no_place(nlp, sentence, word):
    assert word not in entity_types(nlp, sentence)


@pytest.mark.parametrize("sentence, holder, acronym", [
    ("The stadium will host matches of the 2022 FIFA World Cup.", "FIFA World Cup", "FIFA"),
    ("She won the BAFTA Award for Best Foreign Actress in 1966.", "BAFTA Award for Best Foreign Actress", "BAFTA"),
    ("Visitors drive to the NASA Glenn Research Center for the tour.", "NASA Glenn Research Center", "NASA"),
])
def test_an_acronym_opening_an_events_awards_or_places_name_is_an_organisation(nlp, sentence, holder, acronym):
    found = entity_types(nlp, sentence)
    assert holder in found and found.get(acronym) == "ORG", found


@pytest.mark.parametrize("sentence, word", [
    ("Visit the HMS Belfast in London.", "HMS"),  # a ship's prefix
    ("He watched the WORLD CUP FINAL at home.", "WORLD"),  # a name all in capitals
    ("He anchors the evening bulletin on NBC News.", "NBC"),  # an organisation's own name
])
def test_capitals_opening_a_name_that_are_no_organisation_behind_it_are_left(nlp, sentence, word):
    assert word not in entity_types(nlp, sentence)
