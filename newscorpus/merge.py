"""One recursive merge for layered YAML: a user's rules over the built-in ones, the site's
behaviour over its descriptions."""
from __future__ import annotations

import copy


def deep_merge(base: dict, extra: dict) -> dict:
    """Mappings merge, lists extend, anything else is replaced; neither input is changed.
    Extending lists lets a user's file add patterns without repeating the defaults."""
    merged = copy.deepcopy(base)
    for key, value in extra.items():
        old = merged.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            merged[key] = deep_merge(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            merged[key] = old + copy.deepcopy(value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged
