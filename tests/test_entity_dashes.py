"""A dash with a space each side separates names the model read as one (name_evidence.split_at_slashes),
and each piece is typed as the model reads it alone; a dash inside a word joins it."""
from __future__ import annotations

import pytest

from helpers import entity_types


@pytest.mark.parametrize("text, names", [
    ("The streets are named in alphabetical order (for example, Winston - Yale - Allegheny - Braden).",
     {"Winston", "Yale", "Allegheny", "Braden"}),
    ("Tickets for the Army - Navy game sold out in an hour.", {"Army", "Navy"}),
])
def test_a_spaced_dash_between_names_separates_them(nlp, text, names):
    found = entity_types(nlp, text)
    assert names <= set(found) and not [name for name in found if " - " in name], found


def test_a_piece_takes_the_type_the_model_gives_it_alone(nlp):
    # The model reads the whole as an organisation; Oklahoma City, alone, is a city.
    found = entity_types(nlp, "From the Southwest / Oklahoma City - I-44 East, aka the Turner Turnpike.")
    assert found.get("Oklahoma City") == "PLACE", found


def test_a_piece_the_model_alone_takes_for_a_town_is_no_town_the_gazetteers_do_not_list(nlp):
    # The model alone reads the pollster "Zogby" as a place.
    assert entity_types(nlp, "The Newsmax / Zogby poll put him ahead.").get("Zogby") == "ORG"


@pytest.mark.parametrize("text, name", [
    ("He flew from Winston-Salem to Wilkes-Barre on Monday.", "Winston-Salem"),
    ("She joined Rolls-Royce as an engineer.", "Rolls-Royce"),
])
def test_a_dash_inside_a_word_joins_it(nlp, text, name):
    assert name in entity_types(nlp, text)
