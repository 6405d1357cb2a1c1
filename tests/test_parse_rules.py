"""The boilerplate rules as data: defaults, a user's file merged over them, and bad files."""
from __future__ import annotations

import pytest

from helpers import BLANK_LINE_ARTICLE
from newscorpus.parse import RulesError, load_rules, parse_article


def test_default_rules_are_used_without_an_argument():
    assert parse_article("Just A Headline\n").title == "Just A Headline"


def test_user_rules_extend_lists_and_replace_settings(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text("settings:\n  long_words: 20\nlist_headings:\n  - 'elsewhere on the site'\n")
    rules = load_rules(extra)
    assert rules.settings.long_words == 20
    assert len(rules.list_headings) == len(load_rules().list_headings) + 1


@pytest.mark.parametrize("content", ["drop: [unclosed", "- just\n- a list\n", "drop:\n  bad: ['(']\n",
                                     "settings:\n  no_such_setting: 3\n"])
def test_a_bad_user_rules_file_is_a_clear_error(tmp_path, content):
    extra = tmp_path / "bad.yaml"
    extra.write_text(content)
    with pytest.raises(RulesError):
        load_rules(extra)


def test_user_rules_file_extends_the_defaults(tmp_path):
    rules_file = tmp_path / "mine.yaml"
    rules_file.write_text("drop:\n  my_site: ['read the full story at example\\.com.*']\n", encoding="utf-8")
    # mid-article, where only a rule (not the trailing-furniture logic) can remove it
    text = BLANK_LINE_ARTICLE.replace("Critics said", "Read the full story at example.com/budget\n\nCritics said")
    assert "Read the full story" in parse_article(text).body
    parts = parse_article(text, load_rules(rules_file))
    assert "Read the full story" not in parts.body
    assert "my_site" in {b.rule for b in parts.boilerplate}
    assert "Share this:" not in parse_article(BLANK_LINE_ARTICLE + "\nShare this:\n", load_rules(rules_file)).body
