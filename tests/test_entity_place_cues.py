"""Places no gazetteer lists, told by the phrase they stand in (nlp/place_cues.py): the model's
persons there become places, and people in look-alike phrases stay people."""
from __future__ import annotations

import pytest

from helpers import entity_types


@pytest.mark.parametrize("sentence, place", [
    # The small model reads each of these names as a person in this sentence.
    ("He studied art at the Royal Academy in the Louvre, as well as with his father.", "Louvre"),
    ("He died the following morning at ten o'clock in the Hôpital Cochin after refusing a priest.",
     "Hôpital Cochin"),
])
def test_a_name_after_a_preposition_of_place_and_a_determiner_is_a_place(nlp, sentence, place):
    assert entity_types(nlp, sentence).get(place) == "PLACE"


@pytest.mark.parametrize("sentence, name", [
    ("The letters are kept in the John Murray archive in London.", "John Murray"),  # he names the archive
    ("She was a leading figure in the Bernoulli family of mathematicians.", "Bernoulli"),
    ("Many staffers left in the Bush administration.", "Bush"),
])
def test_a_person_naming_the_noun_after_him_stays_a_person(nlp, sentence, name):
    assert entity_types(nlp, sentence).get(name) == "PERSON"


@pytest.mark.parametrize("sentence, places", [
    ("There is a public bus from the airport to Hadibo and from Hadibo to Qalansia.", ["Hadibo"]),
    ("There is a daily bus from the harbour to Hadibo.", ["Hadibo"]),
    ("There are also flights from Sharjah via Al Mukalla.", ["Sharjah", "Al Mukalla"]),  # "via": places
])
def test_the_end_of_a_route_from_a_place_is_a_place(nlp, sentence, places):
    found = entity_types(nlp, sentence)
    assert all(found.get(place) == "PLACE" for place in places), found


@pytest.mark.parametrize("sentence, person", [
    ("He changed his name from Pierre to Peter when he arrived.", "Peter"),  # no place at either end
    ("The news reached him via Jones, who had heard it first.", "Jones"),  # "via" with no "from": no route
])
def test_a_route_with_no_place_at_either_end_keeps_its_people(nlp, sentence, person):
    assert entity_types(nlp, sentence).get(person) == "PERSON"


@pytest.mark.parametrize("sentence, places", [
    ("They built the city-states of Copan, Tikal, and Chichen Itza along their trade routes.",
     ["Copan", "Tikal", "Chichen Itza"]),
    ("From there you can look up at the islands La Désirade, Petite Terre, Les Saintes and La Dominique.",
     ["Petite Terre", "Les Saintes"]),  # "La Désirade", untagged, still holds its place in the list
    ("He walked through the villages Kerrin, Tallow and Dunmore on his way.", ["Kerrin", "Tallow", "Dunmore"]),
])
def test_names_listed_after_a_plural_noun_for_places_are_places(nlp, sentence, places):
    found = entity_types(nlp, sentence)
    assert all(found.get(place) == "PLACE" for place in places), found


@pytest.mark.parametrize("sentence, people", [
    ("The brothers Tom, Dick and Harry came along.", ["Tom", "Dick", "Harry"]),  # no noun for places
    ("He toured the islands with Tom, Dick and Harry.", ["Tom", "Dick", "Harry"]),  # the list is not the noun's
    ("The cities Jones and Smith described are gone.", ["Jones", "Smith"]),  # the subjects of a clause
])
def test_names_listed_after_other_nouns_stay_people(nlp, sentence, people):
    found = entity_types(nlp, sentence)
    assert all(found.get(person) == "PERSON" for person in people), found


def test_a_state_of_affairs_is_no_state(nlp):
    # "city-states" lists places; "a state of Peace and Security" is no place at all.
    assert entity_types(nlp, "Returning America to a state of Peace and Security.").get("Peace and Security") != "PLACE"


@pytest.mark.parametrize("sentence, place", [
    ("Shops line the Kolonaki and Psyrri districts.", "Psyrri"),
    ("We sailed past Jomard and Tagula islands at dawn.", "Tagula"),
    ("Barracuda and Kayangan lakes are both stunning locations.", "Kayangan"),
])
def test_names_listed_before_a_plural_noun_for_places_are_places(nlp, sentence, place):
    assert entity_types(nlp, sentence).get(place) == "PLACE"


@pytest.mark.parametrize("sentence, person", [
    ("The Kennedy and Johnson administrations both expanded the program.", "Kennedy"),  # no noun for places
    ("The Smith houses stand on the hill.", "Smith"),  # one name before the noun
])
def test_names_before_other_nouns_or_alone_stay_people(nlp, sentence, person):
    assert entity_types(nlp, sentence).get(person) == "PERSON"
