"""Parsing: a page's text -> `ArticleParts` (header fields, clean body, reader comments, the boilerplate audit).

The wordings of page furniture are data in `boilerplate.yaml`; the modules hold the structure.
"""
from .article import parse_article
from .rules import Rules, RulesError, load_rules

__all__ = ["parse_article", "load_rules", "Rules", "RulesError"]
