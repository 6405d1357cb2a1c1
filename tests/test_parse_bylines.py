"""The people of a byline (`authors_of`), and `parse_page` filling `ArticleParts.authors` for every format."""
from __future__ import annotations

import pytest

from helpers import ARTICLE
from newscorpus.parse import authors_of, parse_page
from newscorpus.parse import bylines as bylines_module
from newscorpus.parse.rules import RulesError


@pytest.mark.parametrize(("byline", "authors"), [
    # people joined by commas, "and", "&", "with", in any case
    ("Jane Roe, John Smith and Ann Lee", ["Jane Roe", "John Smith", "Ann Lee"]),
    ("Tom Brown, Eva Green, and Lu Chen", ["Tom Brown", "Eva Green", "Lu Chen"]),
    ("Jane Roe & John Smith", ["Jane Roe", "John Smith"]),
    ("Glen Owen And Brendan Carlin", ["Glen Owen", "Brendan Carlin"]),
    ("Jane Roe with John Smith", ["Jane Roe", "John Smith"]),
    ("Sarah Hinger; Sylvia Torres-Guillén", ["Sarah Hinger", "Sylvia Torres-Guillén"]),
    ("Smith and Jones", ["Smith", "Jones"]),
    # places and outlets after a preposition
    ("By Li Wei in Beijing and Olga Petrova in Moscow", ["Li Wei", "Olga Petrova"]),
    ("Jane Roe in Washington and Moscow", ["Jane Roe"]),
    ("Jane Roe for The Guardian", ["Jane Roe"]),
    ("Glen Owen And Brendan Carlin For The Mail On Sunday", ["Glen Owen", "Brendan Carlin"]),
    ("Jane Roe, Special to The New York Times", ["Jane Roe"]),
    ("James Lynch from University of Michigan", ["James Lynch"]),
    ("Tom Brown at Reuters", ["Tom Brown"]),
    # outlets beside the names
    ("Jane Roe and John Smith, Reuters", ["Jane Roe", "John Smith"]),
    ("By JANE DOE, Associated Press", ["Jane Doe"]),
    ("By Jane Roe | The Daily Record", ["Jane Roe"]),
    ("Rob Picheta; CNN", ["Rob Picheta"]),
    ("Tom Brown — BBC News", ["Tom Brown"]),
    ("The Haitian Times; J O Haselhoef", ["J O Haselhoef"]),
    # roles after or before the name, with or without a comma, even glued on
    ("Jane Roe, Staff Writer", ["Jane Roe"]),
    ("Jane Roe, Senior Political Correspondent", ["Jane Roe"]),
    ("Jane Roe, White House Correspondent", ["Jane Roe"]),
    ("Jane Roe Staff Writer", ["Jane Roe"]),
    ("Staff Writer Jane Roe", ["Jane Roe"]),
    ("Senior Correspondent Tom Brown", ["Tom Brown"]),
    ("Evan HalperStaff Writer", ["Evan Halper"]),
    ("Jane Roe and John Smith, Staff Writers", ["Jane Roe", "John Smith"]),
    # contact details and asides
    ("Jane Roe (@janeroe)", ["Jane Roe"]),
    ("Eric Levitz@EricLevitz", ["Eric Levitz"]),
    ("Jane Roe jane.roe@example.com", ["Jane Roe"]),
    ("Jane Roe https://example.com/jane", ["Jane Roe"]),
    ("Julia Hitz (eg)", ["Julia Hitz"]),
    # dates and stamps after the name
    ("Jane Roe - Updated 3 May 2024", ["Jane Roe"]),
    ("Jane Roe Updated May 3, 2024", ["Jane Roe"]),
    ("Jane Roe Last updated 3 May", ["Jane Roe"]),
    ("Luke Kemp 11 February 2020", ["Luke Kemp"]),
    ("Amelie Marie Nishizawa Feb 8", ["Amelie Marie Nishizawa"]),
    ("J.O. Haselhoef Apr. 26", ["J.O. Haselhoef"]),
    ("Cat Lafuente/June 12", ["Cat Lafuente"]),
    ("Konstantin 21.10.2019", ["Konstantin"]),
    ("Tom Brown · 5 min read", ["Tom Brown"]),
    # lead-ins: reporters and editors are both authors, photographers are not
    ("Written by Jane Roe", ["Jane Roe"]),
    ("BY JANE ROE", ["Jane Roe"]),
    ("By: Jane Roe", ["Jane Roe"]),
    ("Words: Jane Roe", ["Jane Roe"]),
    ("Text and reporting: Jane Roe", ["Jane Roe"]),
    ("View all posts by Daniel Lemire", ["Daniel Lemire"]),
    ("Reporting by Jane Roe; Editing by John Smith", ["Jane Roe", "John Smith"]),
    ("Reporting by Jane Roe in London, additional reporting by Tom Brown; Editing by Ann Lee",
     ["Jane Roe", "Tom Brown", "Ann Lee"]),
    ("Jane Roe; Photos by John Smith", ["Jane Roe"]),
    ("Words: Jane Roe | Photography: John Smith", ["Jane Roe"]),
    # forms of address and degrees go, generational suffixes stay
    ("Jane Roe, PhD", ["Jane Roe"]),
    ("Jane Roe, Ph.D.", ["Jane Roe"]),
    ("Grant Tinsley; PhD", ["Grant Tinsley"]),
    ("Jane Roe, MD, and John Smith, PhD", ["Jane Roe", "John Smith"]),
    ("Dr. Jane Roe", ["Jane Roe"]),
    ("Prof Tom Brown and Dr Ann Lee", ["Tom Brown", "Ann Lee"]),
    ("Jane Roe Jr.", ["Jane Roe Jr."]),
    ("Jane Roe, Jr.", ["Jane Roe Jr."]),
    ("Tom Brown III", ["Tom Brown III"]),
    # where a name ends inside a capitalised run: a lower-case word that is no particle
    ("Art Edwards says", ["Art Edwards"]),
    ("Tatyana Turner.", ["Tatyana Turner"]),
])
def test_a_byline_gives_the_people_it_names(byline, authors):
    assert authors_of(byline) == authors


@pytest.mark.parametrize("byline", [
    "Reuters", "Associated Press", "The Associated Press", "BBC News", "Staff", "Staff Reporter", "Editorial Board",
    "AFP", "Web Desk", "Admin", "Agencies", "Editorial Staff", "No Author", "The Economist", "Letters",
    "Letters To The Editor", "HLNF Staff Report", "Reuters Staff", "Staff and news service reports",
    "Staff; News Service Reports", "AFP/The Local", "ET Online", "Jiji Press", "Article by", "Photos by John Smith",
    "in Moscow", "Updated 3 May 2024", "PhD", "Dr.", "example.com", "Has Worked As A Professional Python Developer Since",
    "", "   ", None,
])
def test_an_outlet_role_or_placeholder_names_nobody(byline):
    assert authors_of(byline) == []


@pytest.mark.parametrize("name", [
    "Mary-Kate O'Brien", "Jean-Claude Van Damme", "Anna Smith-Jones", "Ludwig van Beethoven", "Jose de la Cruz",
    "Bashar al-Assad", "Perry Bacon Jr.", "J.R. Stone", "Joe S.", "T. V. Raman", "Itamar Turner-Trauring",
    "Jessica DeFino", "Lindsey O'Donnell", "Sylvia Torres-Guillén", "Alex Durán",
    # one word that is no role or outlet: a pen name
    "IWB", "tmarie", "delta201", "Ela", "BBNTEAM",
    # lower case as the person writes it
    "bell hooks", "Mobasir hassan",
    # names that hold a preposition, a month or a role-like word, but not where an affiliation would stand
    "Johnnie To", "June Smith", "April Roach", "Will Knight", "Jon Porter", "Art Edwards", "Chief Keef",
    "Emily Post", "Maria de los Angeles Garcia",
])
def test_a_name_stays_one_name_as_written(name):
    assert authors_of(name) == [name]
    assert authors_of(f"By {name}") == [name]


@pytest.mark.parametrize(("byline", "authors"), [
    ("By JANE DOE", ["Jane Doe"]),
    ("MARY-KATE O'BRIEN AND JOHN MCDONALD", ["Mary-Kate O'Brien", "John McDonald"]),
    ("JOSE DE LA CRUZ", ["Jose de la Cruz"]),
    ("JEAN-CLAUDE VAN DAMME", ["Jean-Claude van Damme"]),
    ("R.C. BAKER", ["R.C. Baker"]),
    ("TOM BROWN JR.", ["Tom Brown Jr."]),
    ("TOM BROWN III", ["Tom Brown III"]),
    ("ANGUS MACDONALD", ["Angus Macdonald"]),  # Mac is left alone: MacDonald, but also Mack and Machado
    ("JESSICA HOLLY, GAIL LEVY, 7 NEWS WSVN", ["Jessica Holly", "Gail Levy"]),
    ("STAFF AND NEWS SERVICE REPORTS", []),
    ("Jane DOE", ["Jane DOE"]),  # mixed case is as the site prints it
])
def test_a_name_in_capitals_is_title_cased_one_word_is_not(byline, authors):
    assert authors_of(byline) == authors


def test_no_duplicates_and_the_bylines_order():
    assert authors_of("Jane Roe, John Smith; JANE ROE and Ann Lee; John Smith") == ["Jane Roe", "John Smith", "Ann Lee"]
    assert authors_of("Ann Lee and Jane Roe") == ["Ann Lee", "Jane Roe"]


def test_a_byline_as_long_as_a_paragraph_names_nobody():
    assert authors_of("Jane Roe " * 200) == []


def test_the_vocabulary_is_read_once_and_a_missing_file_is_a_clear_error(monkeypatch, tmp_path):
    assert bylines_module.vocabulary() is bylines_module.vocabulary()
    monkeypatch.setattr(bylines_module, "VOCABULARY_PATH", tmp_path / "missing.yaml")
    bylines_module.vocabulary.cache_clear()
    try:
        with pytest.raises(RulesError, match="byline vocabulary"):
            bylines_module.vocabulary()
    finally:
        monkeypatch.undo()
        bylines_module.vocabulary.cache_clear()


def test_parse_page_fills_the_authors_of_a_plain_text_article(rules):
    text = ARTICLE.replace("By Jane Doe\n", "By JANE DOE and John Smith in Harbourtown\n")
    parts = parse_page(text, rules)
    assert parts.byline == "JANE DOE and John Smith in Harbourtown"  # as printed: authors is a reading of it
    assert parts.authors == ["Jane Doe", "John Smith"]
    assert parse_page(ARTICLE, rules).authors == ["Jane Doe"]


def test_parse_page_fills_the_authors_of_a_web_page(rules):
    paragraphs = "".join(f"<p>{line}</p>" for line in ARTICLE.splitlines()[2:])
    page = ("<!DOCTYPE html><html><head><title>Council approves new budget</title>"
            '<meta name="author" content="Jane Roe; Reuters"></head><body><article>'
            f"<h1>Council approves new budget</h1>{paragraphs}</article></body></html>")
    parts = parse_page(page, rules)
    assert parts.authors == ["Jane Roe"]


def test_parse_page_names_nobody_when_the_byline_is_an_outlet(rules):
    assert parse_page(ARTICLE.replace("By Jane Doe", "By Staff Reporter"), rules).authors == []
