"""A name the model read as a group at some mentions and as a place or a person at others
(nlp/norp.py)."""
from __future__ import annotations

import pytest

from helpers import entity_types


@pytest.mark.parametrize("text, name", [
    ("The finals open next month in Sochi, Russia. Fans should note the seven-hour gap between Sochi and "
     "London, and the ten-hour gap between Sochi and the US East Coast.", "Sochi"),
    ("Teotihuacan grew quickly after 100 BCE. Teotihuacan was located about thirty miles from the lake, "
     "and pilgrims still travel to the ruins near Teotihuacan.", "Teotihuacan"),
])
def test_a_place_the_model_also_read_as_a_group_is_a_place(nlp, text, name):
    assert entity_types(nlp, text).get(name) == "PLACE"


def test_a_nationality_stays_a_group(nlp):
    found = entity_types(nlp, "Mexican forces crossed the river at dawn. Mexican Airlines cancelled flights, "
                              "and Mexican officials said the border would close.")
    assert found.get("Mexican") == "NORP" and found.get("Mexican Airlines") == "ORG", found


def test_a_nationality_the_model_read_as_a_place_names_no_place(nlp):
    # The model reads "Iranian" as a place (GPE) here.
    text = "It is called the Hall of Many Pillars, as there are many pillars, and in Iranian, 40 means many."
    found = entity_types(nlp, text)
    assert found.get("Hall of Many Pillars") == "PLACE" and found.get("Iranian") != "PLACE", found
