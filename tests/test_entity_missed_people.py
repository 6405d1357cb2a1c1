"""People the model left untagged (name_evidence.missed_people): a run of capitalised words that
opens with a given name and holds nothing else a name of an institution, a place or a phrase
holds is a person; runs that are part of a longer name, or phrases of words the article writes
in lower case, are not."""
from __future__ import annotations

import pytest

from helpers import entity_types


@pytest.mark.parametrize("sentence, person", [
    ("He decided to publish them privately through his friend Auguste Chevalier.", "Auguste Chevalier"),
    ("Jared Tristan Padalecki (born July 19, 1982) is an American actor.", "Jared Tristan Padalecki"),
    ("He met June Carter in June.", "June Carter"),  # the month the model dated is no name
])
def test_an_untagged_name_opening_with_a_given_name_is_a_person(nlp, sentence, person):
    assert entity_types(nlp, sentence).get(person) == "PERSON"


@pytest.mark.parametrize("sentence, words", [
    ("During San Diego Comic-Con 2015, more than 6,000 fans surprised him.", ["Diego", "Diego Comic"]),
    ("Students from Ivy League universities applied.", ["Ivy League"]),  # a head word: an institution
    ("The Rose Garden was full, and a rose grew by the gate.", ["Rose Garden"]),
])
def test_given_names_inside_other_names_and_phrases_make_no_person(nlp, sentence, words):
    found = entity_types(nlp, sentence)
    assert not [w for w in words if found.get(w) == "PERSON"], found
