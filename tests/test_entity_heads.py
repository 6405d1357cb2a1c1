"""Head words beyond the list's own spelling (nlp/heads.py): plural place heads, and surname heads
on names that do not open like a person's."""
from __future__ import annotations

import pytest

from helpers import entity_types


@pytest.mark.parametrize("sentence, name", [
    # The model reads each as a person or an organisation here.
    ("Antarctic flights land near Palmer Station and then McMurdo Station.", "McMurdo Station"),
    ("She saw two shows at the Orpheum Theaters downtown.", "Orpheum Theaters"),
    ("The valley lies between the Tigris and Euphrates Rivers.", "Euphrates Rivers"),
    ("The old theatres, the Fox and Grand Theaters, reopened in May.", "Grand Theaters"),
])
def test_a_place_head_types_the_name_when_no_given_name_opens_it(nlp, sentence, name):
    assert entity_types(nlp, sentence).get(name) == "PLACE"


@pytest.mark.parametrize("sentence, name", [
    ("Sharon Street argues that evolution undermines moral realism.", "Sharon Street"),
    ("The essay by Jennifer Lake was widely read.", "Jennifer Lake"),
    ("Peter Bridge wrote the report for the council.", "Peter Bridge"),
    ("Joan Rivers told jokes for fifty years.", "Joan Rivers"),  # a plural head, and a surname
])
def test_a_person_whose_surname_is_a_place_head_stays_a_person(nlp, sentence, name):
    assert entity_types(nlp, sentence).get(name) == "PERSON"
