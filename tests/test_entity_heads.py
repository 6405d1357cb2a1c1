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


@pytest.mark.parametrize("sentence, name", [
    # The model tags none of these.
    ("He was buried in a common grave of the Montparnasse Cemetery, whose exact place is unknown.",
     "Montparnasse Cemetery"),
    ("The border ran between the Sabine and Rio Grande Rivers.", "Rio Grande Rivers"),
])
def test_capitalised_words_the_model_missed_ending_in_a_place_head_are_a_place(nlp, sentence, name):
    assert entity_types(nlp, sentence).get(name) == "PLACE"


@pytest.mark.parametrize("sentence", [
    "Getting Around By Road",  # a heading in title case
    "The Old Town is pretty, and the old town walls are intact.",  # words the article writes in lower case
    "The museum honours the Rock and Roll Hall of Fame inductees.",  # part of a longer name
])
def test_title_case_headings_common_words_and_parts_of_names_are_no_sight(nlp, sentence):
    found = entity_types(nlp, sentence)
    assert not [n for n, kind in found.items() if kind == "PLACE"], found
