"""An organisation's name inside a longer one: its short form, or another body (org_short_forms.short_form_at)."""
from __future__ import annotations

import pytest

from newscorpus.nlp.entities import find_entities


def orgs(nlp, text):
    entities, _ = find_entities(nlp(text))
    return {e.name for e in entities if e.type == "ORG"}


@pytest.mark.parametrize("text, body, part", [
    # the longer name is a body of the shorter one, after "of the"
    ("Delegates addressed the General Council of the Amber League in March. The Amber League has "
     "twelve members, and the Amber League admitted two more in May.", "General Council of the Amber League",
     "Amber League"),
    # an office of it, named after it
    ("The Pangea Seed Bank Office for Rural Affairs opened in May. The Pangea Seed Bank was founded in "
     "1990, and the Pangea Seed Bank stores rice.", "Pangea Seed Bank Office for Rural Affairs", "Pangea Seed Bank"),
])
def test_a_longer_name_that_is_a_body_of_an_organisation_stays_apart(nlp, text, body, part):
    found = orgs(nlp, text)
    assert {body, part} <= found, found


@pytest.mark.parametrize("text, full, short", [
    ("The Boston Red Sox won on Sunday. The Red Sox now lead the division.", "Boston Red Sox", "Red Sox"),
    ("The Grand Assembly of Wessex met on Monday. The Grand Assembly voted to build a bridge.",
     "Grand Assembly of Wessex", "Grand Assembly"),
])
def test_a_short_form_that_ends_or_opens_the_name_is_still_merged(nlp, text, full, short):
    found = orgs(nlp, text)
    assert full in found and short not in found, found
