"""A person named by their office alone ("Madam Speaker", "the Secretary-General"): nlp/offices.py."""
from __future__ import annotations

import pytest

from newscorpus.nlp.entities import find_entities


def people(nlp, text):
    entities, _ = find_entities(nlp(text))
    return {e.name for e in entities if e.type == "PERSON"}


@pytest.mark.parametrize("text, holder", [
    ("Thank you, Madam Speaker. The bill before this chamber protects the rivers of our valley.",
     "Madam Speaker"),
    ("We welcome the efforts of the Secretary-General to open the border crossings before winter.",
     "Secretary-General"),
    ("I thank you, Mr. President, for your words about the harvest and the farmers of the north.",
     "Mr. President"),
    ("The Senator from Vermont explained her vote in a short letter to the farmers.", "Senator"),
    ("The board met on Monday. The CEO of the bakery chain then announced a new oven.", "CEO"),
])
def test_an_office_alone_names_its_holder(nlp, text, holder):
    assert holder in people(nlp, text)


def test_an_office_keeps_its_form_of_address_and_its_mentions_stay_out_of_the_mention_list(nlp):
    text = "Madam Speaker, the harbour needs dredging. Madam Speaker, the ferries need crews."
    entities, mentions = find_entities(nlp(text))
    speaker = [e for e in entities if e.name == "Madam Speaker"]
    assert speaker and speaker[0].mentions == 2
    assert not any(m.name == "Madam Speaker" for m in mentions)  # quotations are attributed as before


@pytest.mark.parametrize("text, office", [
    # a title: a name follows the office
    ("President Orlanda Vesk opened the bridge. Later the President cut the ribbon.", "President"),
    # a named person holds the office somewhere in the article, however the model read the name
    ("Speaker Tamsin Grell opened the session. Thank you, Madam Speaker, for the time.", "Madam Speaker"),
    # the office is said of a person the sentence names
    ("Hollis Marren served as President of the Rowing Society for a decade.", "President"),
    ("Hollis Marren is now the 12th Governor of the province.", "Governor"),
    # an apposition to a name, in brackets too
    ("Hollis Marren, President of the Rowing Society, spoke first.", "President"),
    ("We thank Hollis Marren (then CEO, Northfield Mills) for the looms.", "CEO"),
    # another office, a nickname, a common noun, a sentence's first word with nothing before it
    ("The Deputy Speaker closed the session early.", "Speaker"),
    ("Critics called her the 'Queen of the curve' after the museum opened.", "Queen"),
    ("The president of the club thanked the volunteers.", "president"),
    ("President of what, one might ask.", "President"),
])
def test_an_office_that_names_no_one_else_is_left_alone(nlp, text, office):
    assert office not in people(nlp, text)


def test_a_name_of_an_office_inside_a_longer_name_is_left_alone(nlp):
    text = "The Office of the President published the decree in the Official Gazette."
    assert "President" not in people(nlp, text)
