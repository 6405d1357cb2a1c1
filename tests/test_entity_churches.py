"""A church named only by its faith and nation is a body of believers, an organisation
(name_evidence.head_type, `denominations.txt`); a church named otherwise is a building, a place."""
from __future__ import annotations

import pytest

from helpers import entity_types


@pytest.mark.parametrize("sentence, name", [
    # "church" heads a building's name: without the faith words each of these is a place.
    ("Augustine is honoured as a saint by the Catholic Church, the Eastern Orthodox Church and the"
     " Lutheran Church.", "Catholic Church"),
    ("Augustine is honoured as a saint by the Catholic Church, the Eastern Orthodox Church and the"
     " Lutheran Church.", "Lutheran Church"),
    ("The Russian Orthodox Church backed the war, the patriarch said.", "Russian Orthodox Church"),
    ("The United Methodist Church voted to split over the question.", "United Methodist Church"),
])
def test_a_church_named_by_its_faith_is_an_organisation(nlp, sentence, name):
    assert entity_types(nlp, sentence).get(name) == "ORG"


@pytest.mark.parametrize("sentence, name", [
    ("The wedding was held at St Mary's Church in Oxford.", "St Mary's Church"),
    ("In 1939 he became pastor of Calvary Church near the harbour.", "Calvary Church"),
    ("They met at the Old Church near the square.", "Old Church"),
])
def test_a_church_named_otherwise_stays_a_building(nlp, sentence, name):
    assert entity_types(nlp, sentence).get(name) == "PLACE"
