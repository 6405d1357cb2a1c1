"""A bare head word as the short form of the one longer name it ends (nlp/short_forms.py)."""
from __future__ import annotations

import pytest

from newscorpus.nlp.entities import find_entities


def names(nlp, text):
    entities, _ = find_entities(nlp(text))
    return {e.name for e in entities}


@pytest.mark.parametrize("text, full, short", [
    ("We stayed at Henga Lodge for three nights. The Lodge serves breakfast at seven.", "Henga Lodge", "Lodge"),
    ("Both sides signed the New START Treaty in 2010. The Treaty limits warheads.", "New START Treaty", "Treaty"),
])
def test_a_bare_head_word_is_the_one_name_it_ends(nlp, text, full, short):
    found = names(nlp, text)
    assert full in found and short not in found, found


def test_a_bare_head_word_two_names_end_in_is_left_alone(nlp):
    found = names(nlp, "We toured the Royal Palace and the Ali Qapu Palace. The Palace gardens close at six.")
    assert {"Royal Palace", "Ali Qapu Palace", "Palace"} <= found, found
