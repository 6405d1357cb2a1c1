"""Fields of study after an academic post or degree (nlp/fields.py): no organisation and no
place, while the institutions, places and people beside them stay entities."""
from __future__ import annotations

import pytest

from helpers import entity_types


@pytest.mark.parametrize("sentence, field", [
    # Without fields.py each of these is an organisation or a place.
    ("From 1965 to 1980 he taught at Stanford, where in 1970 he became Professor of Slavic Languages.",
     "Slavic Languages"),
    ("His daughter was Professor of Middle Eastern Studies and History at Yale.", "Middle Eastern Studies"),
    ("He is regarded as a founder of the discipline of Media Studies.", "Media Studies"),
    ("She helped found the modern discipline of Cultural Studies.", "Cultural Studies"),
    ("He was an associate professor in Educational Policy, Sport Management and Educational / Clinical"
     " Psychology at Ohio State University.", "Clinical Psychology"),
    ("He received his degree in Mechanical Engineering from Purdue.", "Mechanical Engineering"),
    ("He is a lecturer in Development Economics at the London School of Economics.", "Development Economics"),
])
def test_a_field_after_an_academic_post_or_degree_is_no_entity(nlp, sentence, field):
    assert field not in entity_types(nlp, sentence)


@pytest.mark.parametrize("sentence, name, kind", [
    ("She earned a Ph.D. in Sociology from the University of Toronto in 1994.", "University of Toronto", "ORG"),
    ("She received her doctorate in Berlin and later taught in Vienna.", "Berlin", "PLACE"),  # a listed place
    ("He became Master of Trinity College after the war.", "Trinity College", "ORG"),  # a head word
    ("He received his degree in Mechanical Engineering from Purdue.", "Purdue", "ORG"),  # after "from"
    ("His daughter was Professor of Middle Eastern Studies and History at Yale.", "Yale", "ORG"),
    ("She was named professor of the Juilliard School in 1990.", "Juilliard School", "ORG"),  # "the": an institution
    ("The talk was given by Professor of Physics Lisa Randall.", "Lisa Randall", "PERSON"),
])
def test_institutions_places_and_people_beside_a_post_stay(nlp, sentence, name, kind):
    assert entity_types(nlp, sentence).get(name) == kind


@pytest.mark.parametrize("sentence, name", [
    ("She is a longtime reader of The Guardian and a donor to Oxfam.", "Guardian"),
    ("As a major in the Army, he served under General Patton.", "Army"),
])
def test_other_words_before_of_or_in_are_no_academic_cue(nlp, sentence, name):
    assert name in entity_types(nlp, sentence)
