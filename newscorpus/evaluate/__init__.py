"""Measuring extraction: the seed gold scorecard, entity and quote evaluation against hand-made gold."""
