"""People the model reads as organisations or places (nlp/name_evidence.py, given_names.txt)."""
from __future__ import annotations

import pytest

from helpers import entity_types
from newscorpus.nlp import name_evidence
from newscorpus.nlp.entities import find_entities
from newscorpus.nlp.lexicon import lexicon


@pytest.mark.parametrize("text, name", [
    ("The tabloids always have a Britney Spears story on the front page.", "Britney Spears"),
    ("The decline was blamed on Pierre-Simon Laplace and his students.", "Pierre-Simon Laplace"),
    ("She then played in Jean Anouilh's Antigone at the Comédie-Française.", "Jean Anouilh"),
    ("He acted opposite Gérard Philipe and Robert Hirsch at the theatre.", "Gérard Philipe"),
])
def test_a_full_name_opening_with_a_given_name_is_a_person(nlp, text, name):
    assert entity_types(nlp, text).get(name) == "PERSON"


@pytest.mark.parametrize("name", [
    "Jean Cocteau", "Britney Spears", "Pierre-Simon Laplace", "Mary-Kate Olsen", "Emma Fleck",
    "Ludwig van Beethoven", "Edwin P. Hubble",
])
def test_given_name_evidence_reads_the_name_alone(nlp, name):
    assert name_evidence.opens_with_a_given_name(nlp.make_doc(name)[:], lexicon())


@pytest.mark.parametrize("name", [
    "Johnson & Johnson",  # a connector: a firm named after people
    "Ford Motor",  # no given name first
    "Florence Cathedral", "Victoria Station", "Ross Ice Shelf",  # a head word types the name
    "Felix Airways", "Alaska Airlines",
    "Paris Hilton", "Paris Saint-Germain",  # a place's name first: given up, the club stays a club
    "Sierra Leone", "Roman Empire",  # a country; an adjective first
    "Jean", "Jean Cocteau Jean Marais Orphee",  # one word; more than four
    "Georgia NASA",  # an acronym is an institution's
])
def test_given_name_evidence_leaves_look_alikes_alone(nlp, name):
    assert not name_evidence.opens_with_a_given_name(nlp.make_doc(name)[:], lexicon())


@pytest.mark.parametrize("text, name, kind", [
    ("Johnson & Johnson recalled the powder.", "Johnson & Johnson", "ORG"),
    ("Ford Motor cut prices in Detroit.", "Ford Motor", "ORG"),
    ("Morgan Stanley cut its forecast on Tuesday.", "Morgan Stanley", "ORG"),  # two given names: the model decides
    ("She flew Alaska Airlines to Seattle.", "Alaska Airlines", "ORG"),
    ("We visited Florence Cathedral on Sunday.", "Florence Cathedral", "PLACE"),
    ("Sierra Leone held elections.", "Sierra Leone", "PLACE"),
    ("The Roman Empire collapsed.", "Roman Empire", "PLACE"),
])
def test_names_of_firms_and_places_keep_their_type(nlp, text, name, kind):
    assert entity_types(nlp, text).get(name) == kind


def test_a_place_named_after_a_person_stays_a_place(nlp):
    found = entity_types(nlp, "George Washington crossed the Delaware. Washington is the capital.")
    assert found.get("George Washington") == "PERSON"
    assert found.get("Washington") in {"PLACE", None}  # the capital, or his short form; never an ORG


def test_a_surname_with_an_apostrophe_is_the_full_names_short_form(nlp):
    entities, _ = find_entities(nlp(
        "Pierre Charles L'Enfant was born in Paris. In 1791 L'Enfant designed the plan of the city."))
    found = {e.name: e for e in entities}
    assert "L'Enfant" in found["Pierre Charles L'Enfant"].aliases and "L'Enfant" not in found


def test_a_firms_name_with_an_apostrophe_stays_the_firms(nlp):
    found = entity_types(nlp, "The L'Oréal Group grew. Pierre Dupont sued L'Oréal.")
    assert found.get("L'Oréal Group") == "ORG" and found.get("Pierre Dupont") == "PERSON", found


@pytest.mark.parametrize("text, short, full", [
    ("Jens Otto Harry Jespersen was a linguist. Otto Jespersen was born in Randers.", "Otto Jespersen",
     "Jens Otto Harry Jespersen"),  # a later given name, the one the article uses
    ("Patrick Leopold Gordon of Auchleuchries was a general. Patrick Gordon served the Tsar.", "Patrick Gordon",
     "Patrick Leopold Gordon of Auchleuchries"),  # a territorial designation after "of"
])
def test_a_shorter_name_joins_the_fuller_name_of_the_same_person(nlp, text, short, full):
    entities, _ = find_entities(nlp(text))
    rows = [e for e in entities if e.type == "PERSON"]
    assert len(rows) == 1 and {short, full} <= rows[0].aliases, entities


@pytest.mark.parametrize("text", [
    "Johann II Bernoulli taught. Johann Bernoulli, his father, had taught before him.",  # a generation
    "Alexander Gordon of Auchintoul wrote it. Patrick Gordon read it.",  # another first name
    "George H. W. Bush was president. George W. Bush, his son, was too.",  # a dropped initial
])
def test_people_whose_names_share_words_are_not_all_joined(nlp, text):
    entities, _ = find_entities(nlp(text))
    assert len([e for e in entities if e.type == "PERSON"]) >= 2, entities


def test_one_name_spelt_with_and_without_accents_is_one_row_whatever_the_model_typed(nlp):
    # The model reads "Ichiyō Higuchi" as a person and "Ichiyo Higuchi" as an organisation.
    entities, _ = find_entities(nlp(
        "Ichiyō Higuchi wrote stories. Later critics praised Ichiyo Higuchi for her diaries."))
    rows = [e for e in entities if "Higuchi" in e.name]
    assert len(rows) == 1 and rows[0].type == "PERSON", entities


def test_names_spelt_differently_stay_apart_across_types(nlp):
    entities, _ = find_entities(nlp("Ichiyō Higuchi wrote stories. Later Kaho Higuchi praised her diaries."))
    assert len([e for e in entities if "Higuchi" in e.name]) == 2, entities


def test_a_person_named_in_both_orders_is_one_row_whatever_the_model_typed(nlp):
    # The model reads "Natsuko Higuchi" here as a building.
    entities, _ = find_entities(nlp("Higuchi Natsuko was born in Tokyo. As a child, Natsuko Higuchi read widely."))
    assert len([e for e in entities if "Higuchi" in e.name]) == 1, entities


def test_two_places_named_with_the_same_words_in_both_orders_stay_two(nlp):
    entities, _ = find_entities(nlp("She lived on Park Street. Later she moved to Street Park in Leeds."))
    assert {"Park Street", "Street Park"} <= {e.name for e in entities}, entities


def test_a_leading_imperative_is_no_part_of_a_persons_name(nlp):
    entities, _ = find_entities(nlp("Learning objectives\n\nDescribe Einstein's view of gravity. You may have to "
                                    "describe it to officials. Einstein preferred to think so."))
    names = {e.name for e in entities if e.type == "PERSON"}
    assert names == {"Einstein"}, entities


def test_a_given_name_that_is_also_a_word_stays_in_the_name(nlp):
    entities, _ = find_entities(nlp("Rose Goode was born in 1950. Prices rose quickly."))
    assert "Rose Goode" in {e.name for e in entities}, entities


@pytest.mark.parametrize("text", [
    "Many people in the village believe in God and pray before every meal.",
    "After the war he devoted himself to God and to the poor of the parish.",
])
def test_god_is_a_person_even_after_in(nlp, text):
    entities, _ = find_entities(nlp(text))
    assert ("God", "PERSON") in {(e.name, e.type) for e in entities}


def test_a_name_opening_with_god_is_left_to_the_model(nlp):
    entities, _ = find_entities(nlp("The Godiva shop on the corner sells chocolate truffles."))
    assert "God" not in {e.name for e in entities}
