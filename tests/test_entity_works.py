"""Titles of creative works are neither people, organisations nor places (nlp/works.py)."""
from __future__ import annotations

import pytest

from helpers import entity_types


@pytest.mark.parametrize("text, title", [
    ("He set out the idea in his book Hydraulica, which he backdated.", "Hydraulica"),
    ("Her debut was the novel Dark Matters, published in London.", "Dark Matters"),
    ("He starred opposite Mandy Moore in the romantic comedy Chasing Liberty.", "Chasing Liberty"),
    ('Ichiyo wrote the story "Umoregi" in 1892.', "Umoregi"),
    ("The sitcom Seinfeld ran for nine seasons on NBC.", "Seinfeld"),
    ("The movie Lincoln opened in 2012, about Abraham Lincoln.", "Lincoln"),
    ("She recorded the song Jolene in Nashville.", "Jolene"),
    ("It was based on William Shakespeare's play The Tempest.", "Tempest"),  # the title's own "The"
    ("She starred in the film Sunset Boulevard in 1950.", "Sunset Boulevard"),  # over its head word
    ("He joined the period drama Downton Abbey in 2015.", "Downton Abbey"),
])
def test_a_name_right_after_a_work_noun_is_a_title(nlp, text, title):
    assert entity_types(nlp, text).get(title) == "WORK"


def test_later_mentions_of_a_title_are_the_work_too(nlp):
    found = entity_types(nlp, "Critics loved the novel Dark Matters. Dark Matters sold a million copies in Ohio.")
    assert found.get("Dark Matters") == "WORK" and found.get("Ohio") == "PLACE", found


@pytest.mark.parametrize("text, name, kind", [
    ("The film's director Bong Joon-ho spoke in Seoul.", "Bong Joon-ho", "PERSON"),
    ("In the film, Tom Hanks plays a lawyer.", "Tom Hanks", "PERSON"),
    ("The show host Jimmy Kimmel joked about it.", "Jimmy Kimmel", "PERSON"),
    ("He read the book by Jane Roe last year.", "Jane Roe", "PERSON"),
    ("After a series of meetings in Geneva, the talks ended.", "Geneva", "PLACE"),
    ("In his book Obama says the war was a mistake.", "Obama", "PERSON"),  # a new clause's subject
    ("The show moved to Madison Square Garden in March.", "Madison Square Garden", "PLACE"),
    ("New polls show Biden leading in Michigan.", "Michigan", "PLACE"),  # "show" the verb
])
def test_names_near_a_work_noun_that_are_no_title_stay(nlp, text, name, kind):
    assert entity_types(nlp, text).get(name) == kind


def test_a_title_that_is_a_persons_name_leaves_the_person(nlp):
    text = ("Anthony Weiner resigned in 2011. Weiner said he was sorry. "
            "His career was the subject of the documentary Weiner.")
    found = entity_types(nlp, text)
    assert found.get("Anthony Weiner") == "PERSON" and "Weiner" not in found, found


def test_news_titles_with_a_publication_noun_stay_organisations(nlp):
    found = entity_types(nlp, "The newspaper Le Monde reported it, and the magazine Der Spiegel followed. "
                        "He wrote for the newspaper The Guardian in London.")
    assert "WORK" not in found.values(), found


@pytest.mark.parametrize("text, titles", [
    ("His films include A Single Man (2009), Cemetery Junction (2010), Stoker (2013), Belle (2013) and Selma (2014).",
     {"Cemetery Junction", "Stoker", "Belle", "Selma"}),
    ("She won for Chasing Liberty (film, 2004) and for Gilmore Girls (2000 TV series).",
     {"Chasing Liberty", "Gilmore Girls"}),
    ("His poems, Childish Recollections (1806), were praised.", {"Childish Recollections"}),
])
def test_a_name_cited_with_one_year_is_a_title(nlp, text, titles):
    found = entity_types(nlp, text)
    assert {name for name in titles if found.get(name) == "WORK"} == titles, found


@pytest.mark.parametrize("text, name, kind", [
    ("Nelson Mandela (1918–2013) was president of South Africa.", "Nelson Mandela", "PERSON"),
    ("Jane Roe (born 1950) lives in Ohio.", "Jane Roe", "PERSON"),
    ("Rep. Jane Roe (D-Calif.) voted against it.", "Jane Roe", "PERSON"),
    ("The Games went to Athens (2004), Beijing (2008) and London (2012).", "Beijing", "PLACE"),
    # After "by", a name and a year are a work's author and its date, not its title.
    ("St. Jerome in the Desert, by Giovanni Bellini (1505)", "Giovanni Bellini", "PERSON"),
    ("Hillary Clinton won in 2016; Clinton (2016) and Barack Obama (2012) both carried Virginia.",
     "Barack Obama", "PERSON"),
    ("The Royal Society (1660) met in London.", "Royal Society", "ORG"),
])
def test_people_places_and_bodies_with_years_stay(nlp, text, name, kind):
    assert entity_types(nlp, text).get(name) == kind


@pytest.mark.parametrize("text, title", [
    ("It starred Scarlett Johansson, as in Woody Allen's Match Point.", "Match Point"),
    ("Then came Jean Cocteau's La Machine Infernale at the theatre.", "La Machine Infernale"),
    ("It resembles Joseph Louis Lagrange's Mécanique Analytique in scope.", "Mécanique Analytique"),
])
def test_a_name_after_a_persons_possessive_is_a_title_of_theirs(nlp, text, title):
    assert entity_types(nlp, text).get(title) == "WORK"


@pytest.mark.parametrize("text, name, kind", [
    ("Elon Musk's Tesla sold more cars.", "Tesla", "ORG"),  # one word read as a firm: not taken
    ("Jeff Bezos's Amazon hired workers.", "Amazon", "ORG"),
    ("She toured Barack Obama's Chicago on Sunday.", "Chicago", "PLACE"),  # a place
    ("Donald Trump's White House denied it.", "White House", "ORG"),  # the lexicon types it
    ("He joined Berkeley's International Computer Science Institute.", "International Computer Science Institute",
     "ORG"),  # a head word, and no person owns it
])
def test_a_firm_or_a_place_after_a_possessive_keeps_its_type(nlp, text, name, kind):
    assert entity_types(nlp, text).get(name) == kind


def test_a_person_after_a_persons_possessive_stays_a_person(nlp):
    found = entity_types(nlp, "Dick Cheney was powerful. George Bush's Dick Cheney ran the war.")
    assert found.get("Dick Cheney") == "PERSON" and found.get("George Bush") == "PERSON", found


def test_a_title_the_model_left_untagged_after_a_work_noun_makes_its_later_mentions_the_work(nlp):
    found = entity_types(nlp, "He is best known for the TV series Supernatural. Fans surprised him at the "
                        "Supernatural panel.")
    assert found.get("Supernatural") == "WORK", found


def test_names_listed_after_a_work_noun_and_including_are_titles(nlp):
    found = entity_types(nlp, "He appeared in several made-for-television films, including Silent Witness, "
                        "Close to Home, and the Disney Channel Original Movie A Ring of Endless Light.")
    assert found.get("Silent Witness") == "WORK", found


@pytest.mark.parametrize("text, name, kind", [
    ("They sometimes feature other YouTubers as guests on their podcast, including Shane Dawson.",
     "Shane Dawson", "PERSON"),  # a person's full name in the list is a guest
    ("He starred in films like Paris, Texas and Moscow on the Hudson.", "Texas", "PLACE"),  # places stay
    ("She toured cities, including Paris, London and Rome.", "London", "PLACE"),  # no work noun
])
def test_people_and_places_listed_after_a_noun_keep_their_type(nlp, text, name, kind):
    assert entity_types(nlp, text).get(name) == kind
