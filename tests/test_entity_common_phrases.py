"""Title-case phrases of common words are no names (name_evidence.common_phrase): a name of a few
words each of which the article writes in lower case more often than capitalised is dropped, and
names holding a word the article capitalises, a head word, a place or a given name stay."""
from __future__ import annotations

import pytest

from helpers import entity_types


@pytest.mark.parametrize("text, phrase", [
    # The small model reads each of these as a person or an organisation.
    ("Scientists study moon rocks brought back by the astronauts, and the rocks tell of the moon's past. "
     "Moon Rocks are kept in a vault.", "Moon Rocks"),
    ("The course covers translation theory and translation studies, and such studies grow. She later taught "
     "Translation Studies in Leeds.", "Translation Studies"),
    ("She grows blue basil and thai basil. Blue Basil has a sharp taste; it is a blue plant with blue "
     "flowers, and the basil keeps.", "Blue Basil"),
])
def test_a_phrase_of_words_the_article_writes_in_lower_case_is_no_name(nlp, text, phrase):
    found = entity_types(nlp, text)
    assert not [name for name in found if set(name.split()) <= set(phrase.split())], found  # nor "Rocks"


@pytest.mark.parametrize("text, name", [
    # Each word here is also written in lower case, but no more often than capitalised.
    ("The Red Cross sent aid to the border. Aid workers cross the border daily in red vans.", "Red Cross"),
    # A head word names a building or an institution whatever the article's spelling.
    ("The Temple of the Feathered Serpent stands nearby; the temple honours the feathered serpent.",
     "Temple of the Feathered Serpent"),
    ("The White House said the house would vote. White paint covered the house.", "White House"),
    # A person's name that opens with a given name.
    ("Mark Young scored twice. Young players made their mark, and young fans made a mark too.", "Mark Young"),
])
def test_a_name_the_article_does_not_write_as_common_words_stays(nlp, text, name):
    assert name in entity_types(nlp, text)
