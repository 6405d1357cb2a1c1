"""Names headed by an event noun (`head_types.tsv`): contests, drafts and celebrations are
events, not organisations; bodies named with look-alike words stay organisations."""
from __future__ import annotations

import pytest

from helpers import entity_types


@pytest.mark.parametrize("sentence, name", [
    # The small model reads each of these as an organisation.
    ("In July she was named the MVP of the Southern League All-Star Game after two home runs.",
     "Southern League All-Star Game"),
    ("He was picked in the third round of the 2014 National Hockey League Draft.", "National Hockey League Draft"),
    ("The boy finished fourth in the Scripps National Spelling Bee in Washington.", "Scripps National Spelling Bee"),
    ("February is National Heart Month across the country.", "National Heart Month"),
    ("He retired from the game after the 2012 Summer Paralympics in London.", "Summer Paralympics"),
    ("Later that year the band played the Winter Carnival of Music in Tennessee in March.",
     "Winter Carnival of Music"),  # the head before "of"
    ("The club hosted the Western Open Tournament last year.", "Western Open Tournament"),
])
def test_a_name_headed_by_an_event_noun_is_an_event(nlp, sentence, name):
    assert entity_types(nlp, sentence)[name] == "EVENT"


@pytest.mark.parametrize("sentence, name, kind", [
    ("The World Economic Forum met in Davos this week.", "World Economic Forum", "ORG"),  # no event noun
    ("Comedian Samantha Bee hosted the dinner.", "Samantha Bee", "PERSON"),  # a surname
    ("The National Hockey League fined the club.", "National Hockey League", "ORG"),
])
def test_bodies_and_people_with_look_alike_words_stay(nlp, sentence, name, kind):
    assert entity_types(nlp, sentence).get(name) == kind
