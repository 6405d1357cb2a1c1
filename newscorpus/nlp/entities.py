"""Named entities of one article: canonical names, aliases, titles and every mention.

    entities, mentions = find_entities(doc)   # doc = get_nlp()(body)

Within an article the short forms are resolved to the full name the article uses
("Lavrov" -> "Sergei Lavrov", "Xi" -> "Xi Jinping", "FSB" -> "Russian Federal Security
Service" where the text defines it); across articles the store links entities by
`canonical_key(name)`. Speaker attribution resolves role phrases ("the foreign minister")
with `resolve_role` (roles.py).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict

from ..parts import EntityRef, Mention
from .lexicon import canonical_key, lexicon, normalise_surface
from .mentions import CONNECTORS, RawMention, after_form_of_address, raw_mentions
from .nested import nested_names
from . import name_evidence, norp, offices, org_short_forms, place_cues, short_forms
from .places import is_region, known_place, list_neighbours, person_evidence, placed

__all__ = ["find_entities", "canonical_key"]


# When the model's votes tie, the likelier reading of a capitalised word in news.
TYPE_PRIORITY = {"PERSON": 0, "ORG": 1, "PLACE": 2, "LAW": 3, "EVENT": 4, "NORP": 5}
# "born at Stridon, a village near Emona ... born at Stridon around 347": the mention the article
# calls a place settles a tie with the model's organisation, not a majority against it.
CONTEXT_WEIGHT = 0.25
_DEFINITION = re.compile(r"\s*\(([^()\n]{2,60})\)")
_SHORT_FORM = re.compile(r"^[A-Z][A-Za-z0-9.&-]{1,11}$")


def find_entities(doc) -> tuple[list[EntityRef], list[Mention]]:
    """Canonical entities of one article body and every mention, in text order.
    (extract.extraction_of stores an article whose entities cannot be read without them.)"""
    raw = norp.settle_group_names(raw_mentions(doc), lexicon())
    nested = nested_names(doc, raw)
    if not nested:
        entities, mentions = _resolve(raw, doc)
    else:
        # A place or an acronym inside a longer name counts as a mention of its own, but the
        # name is still one mention: quote attribution sees the longer name only.
        entities, mentions = _resolve(sorted(raw + nested, key=lambda m: (m.start, -m.end)), doc)
        inner = {(m.start, m.end) for m in nested}
        mentions = [m for m in mentions if (m.start, m.end) not in inner]
    return entities + offices.office_holders(doc, raw, entities), mentions


class _Keys:
    """Union-find over name keys: merged keys share one entity."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        root = key
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while self.parent.get(key, key) != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, short: str, full: str) -> None:
        short_root, full_root = self.find(short), self.find(full)
        if short_root != full_root:
            self.parent[short_root] = full_root


def _voted_type(types: Counter) -> str:
    return min(types, key=lambda t: (-types[t], TYPE_PRIORITY.get(t, 9)))


def _add_defined_short_forms(raw: list[RawMention], text: str) -> dict[str, str]:
    """ "Federal Security Service (FSB)", "Akhil Bharat Hindu Mahasabha (All India Hindu
    Union)": the bracketed form names the same entity. Later uses of a defined acronym are
    added as mentions even where the model missed them. Returns short key -> full key."""
    defined: dict[str, str] = {}
    covered = {(m.start, m.end) for m in raw}
    extra: list[RawMention] = []
    for m in raw:
        if m.type in {"PERSON", "NORP"}:
            continue
        match = _DEFINITION.match(text, m.end)
        if not match:
            continue
        inner = normalise_surface(match.group(1))
        words = inner.split()
        is_acronym = len(words) == 1 and _SHORT_FORM.match(inner) and sum(c.isupper() for c in inner) >= 2
        # "(Greek: Αθήνα, Athína)" glosses the name in another language: a label and a list, not a name.
        is_translation = 2 <= len(words) <= 6 and not any(c in inner for c in ":;,") and all(
            w[0].isupper() or w.lower() in CONNECTORS for w in words)
        if not (is_acronym or is_translation):
            continue
        defined[canonical_key(inner)] = m.key
        if is_acronym:
            for found in re.finditer(r"(?<![\w.])" + re.escape(inner) + r"(?![\w])", text):
                span = (found.start(), found.end())
                if span not in covered:
                    covered.add(span)
                    extra.append(RawMention(span[0], span[1], inner, m.type, words=(canonical_key(inner),)))
        else:
            start = match.start(1)
            extra.append(RawMention(start, start + len(match.group(1)), inner, m.type,
                                    words=tuple(canonical_key(w) for w in words)))
    raw.extend(extra)
    raw.sort(key=lambda m: m.start)
    return defined


def _resolve(raw: list[RawMention], doc) -> tuple[list[EntityRef], list[Mention]]:
    lex = lexicon()
    defined = _add_defined_short_forms(raw, doc.text)

    canonical_names: dict[str, str] = {}
    keys: list[str] = []
    for m in raw:
        key = m.key
        alias = lex.canonical_aliases.get(key)
        if alias:
            key = canonical_key(alias)
            canonical_names[key] = alias
        keys.append(key)

    votes: dict[str, Counter] = defaultdict(Counter)
    words_of: dict[str, tuple[str, ...]] = {}
    for m, key in zip(raw, keys):
        # A dateline or headline in capitals ("MOSCOW –") is weaker evidence of type.
        votes[key][m.type] += 0.5 if m.text.isupper() and len(m.text) > 4 else 1
        if m.placed_by_context:  # the article's words outweigh the model's guess at one other mention
            votes[key][m.type] += CONTEXT_WEIGHT
        if len(m.words) > len(words_of.get(key, ())):
            words_of[key] = m.words
    group_type = {key: _voted_type(counter) for key, counter in votes.items()}
    for m, key in zip(raw, keys):
        if m.titles:
            group_type[key] = "PERSON"  # "Swami Chakrapani" had a title: he is a person however else tagged
    for key in group_type:
        if key in lex.canonical_types:
            group_type[key] = lex.canonical_types[key]
    mention_count = Counter(keys)

    merged = _Keys()
    for short, full in defined.items():
        merged.union(short, full)
    _merge_spelling_variants(group_type, words_of, mention_count, merged, votes)
    shortened = _merge_fuller_names(group_type, merged)
    org_short_forms.merge_acronyms(group_type, words_of, mention_count, merged)
    org_short_forms.merge_org_short_forms(group_type, words_of, mention_count, merged, lex)
    short_forms.merge_lone_heads(group_type, words_of, merged, lex)

    final_keys = [merged.find(k) for k in keys]
    types = [group_type.get(merged.find(k), m.type) if m.type != "LAW" else m.type for m, k in zip(raw, keys)]
    _resolve_person_short_forms(raw, final_keys, types, group_type, words_of, merged)
    _type_known_places(raw, final_keys, types, doc, lex)
    _type_listed_places(raw, final_keys, types, doc, lex)
    place_cues.type_by_place_cues(raw, final_keys, types, doc, lex)
    return _build(raw, final_keys, types, canonical_names, {merged.find(k) for k in shortened})


def _spelling(words: tuple[str, ...]) -> str:
    """A name's words without accents, hyphens, dots or spaces: "Zhou En-Lai" and "Zhou Enlai",
    "Ichiyō" and "Ichiyo", "St. Jerome" and "Saint Jerome" are spelt alike."""
    folded = []
    for word in words:
        word = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
        word = "".join(c for c in word if c.isalnum())
        folded.append("st" if word == "saint" else word)
    return "".join(folded)


def _merge_spelling_variants(group_type, words_of, mention_count, merged: _Keys, votes) -> None:
    """One entity written two ways in one article is one row: names spelt alike once accents,
    hyphens and spaces are set aside, and a two-word person named in both orders ("Higuchi
    Natsuko" / "Natsuko Higuchi", family name first or last). Whatever the model typed each
    ("Ichiyō Higuchi" a person, "Ichiyo Higuchi" a place): the row takes the type most of their
    mentions had."""
    by_spelling: dict[str, list[str]] = defaultdict(list)
    for key, words in words_of.items():
        kind = group_type[key]
        if kind not in {"PERSON", "ORG", "PLACE"} or not words:
            continue
        written = tuple(key.split())  # the words with initials: "George H. W. Bush" is not "George W. Bush"
        by_spelling[_spelling(written)].append(key)
        if len(written) == 2:  # "Higuchi Natsuko" read as a place: one of the pair must be a person
            by_spelling["|".join(sorted(_spelling((w,)) for w in written))].append(key)
    for spelling, keys in by_spelling.items():
        keys = sorted(set(keys))
        if len(keys) < 2 or ("|" in spelling and all(group_type[k] != "PERSON" for k in keys)):
            continue  # "Park Street" and "Street Park" are two places
        kinds = {group_type[k] for k in keys}
        kind = kinds.pop() if len(kinds) == 1 else _voted_type(sum((votes[k] for k in keys), Counter()))
        keep = max(keys, key=lambda k: (mention_count[k], len(k)))
        for key in keys:
            merged.union(key, keep)
        group_type[merged.find(keep)] = kind


GENERATIONS = frozenset({"ii", "iii", "iv", "jr", "sr", "the younger", "the elder"})


def _is_initial(word: str) -> bool:
    return len(word.rstrip(".")) == 1


def _merge_fuller_names(group_type, merged: _Keys) -> set[str]:
    """A person named once in full and once without a middle name is one person: "Hillary
    Rodham Clinton" / "Hillary Clinton", "Jens Otto Harry Jespersen" / "Jens Jespersen".
    The shorter name keeps the first and last words and is found in exactly one fuller name;
    a generation ("Johann II Bernoulli") or a dropped initial where the shorter has initials
    ("George W. Bush" in "George H. W. Bush") tells two people apart. Returns the keys merged,
    whose entity is named by its most used full name: "Donald Trump" throughout the corpus,
    though one article once writes "Donald J. Trump"."""
    joined: set[str] = set()
    people = [key for key, kind in group_type.items() if kind == "PERSON" and merged.find(key) == key]
    words = {key: key.split() for key in people}
    for short in people:
        short_words = words[short]
        if len(short_words) < 2:
            continue
        fuller = [key for key in people if key != short and _fuller_name(short_words, words[key])]
        if len(fuller) == 1:
            merged.union(short, fuller[0])
            joined.add(short)
    return joined


def _fuller_name(short: list[str], full: list[str]) -> bool:
    """Whether `full` names the person `short` names with more of their names: the same first and
    last words, or a later given name first ("Otto Jespersen" in "Jens Otto Harry Jespersen");
    a territorial designation after "of" set aside ("Patrick Leopold Gordon of Auchleuchries",
    not "Hilary of Poitiers")."""
    if "of" in full[2:]:
        full = full[:full.index("of", 2)]
    if len(full) <= len(short) or short[-1] != full[-1] or short[0] not in full[:-1]:
        return False
    removed, i = [], 0
    for word in full:
        if i < len(short) and word == short[i]:
            i += 1
        else:
            removed.append(word.rstrip("."))
    if i < len(short) or any(word in GENERATIONS for word in removed):
        return False
    return not (any(_is_initial(w) for w in short) and any(_is_initial(w) for w in removed))


def _resolve_person_short_forms(raw, final_keys, types, group_type, words_of, merged: _Keys) -> None:
    """ "Lavrov" after "Sergei Lavrov" is him (even where the model typed it ORG); "Xi" is
    Xi Jinping (family name first). With several candidates, the most recently named wins."""
    by_last: dict[str, list[str]] = defaultdict(list)
    by_first: dict[str, list[str]] = defaultdict(list)
    for key, words in words_of.items():
        if group_type[key] == "PERSON" and len(words) >= 2 and merged.find(key) == key:
            by_last[words[-1]].append(key)
            by_first[words[0]].append(key)
    if not by_last:
        return
    last_seen: dict[str, int] = {}
    first_seen: dict[str, int] = {}
    for m, key in zip(raw, final_keys):
        first_seen.setdefault(key, m.start)
    for index, m in enumerate(raw):
        key = final_keys[index]
        words = m.words
        eligible = types[index] == "PERSON" or (types[index] == "ORG" and len(words) == 1 and not m.text.isupper())
        if eligible and words and len(words) < len(words_of.get(key, words)) + 1:
            candidates = [k for k in by_last.get(words[-1], []) if k != key and words_of[k][-len(words):] == words]
            if not candidates and len(words) == 1:
                candidates = [k for k in by_first.get(words[0], []) if k != key]
            if candidates:
                recent = [k for k in candidates if k in last_seen]
                pool = recent or candidates
                choice = max(pool, key=lambda k: (last_seen.get(k, -1), -first_seen.get(k, 0)))
                final_keys[index] = choice
                types[index] = "PERSON"
                key = choice
        last_seen[key] = m.start


def _type_known_places(raw, final_keys, types, doc, lex) -> None:
    """A name the gazetteers list (places.py) that the model called a person or an
    organisation is a place, unless the article treats it as someone: a title or a form of
    address, a reporting verb after it, or a longer name it stands for. A city must also
    stand where places stand; each place found lets the next name in a list qualify
    ("to Isfahan, Christchurch and Veracruz")."""
    groups: dict[str, list[int]] = defaultdict(list)
    for index, key in enumerate(final_keys):
        groups[key].append(index)
    pending = {}
    for key, indices in groups.items():
        voted = _voted_type(Counter(types[i] for i in indices))
        if voted not in {"PERSON", "ORG"} or key in lex.canonical_types or not known_place(key, voted):
            continue
        mentions = [raw[i] for i in indices]
        if any(m.key != key or m.titles or m.head_typed or m.text.replace(".", "").isupper() for m in mentions):
            continue
        if any(m.tokens[0] >= 0 and (after_form_of_address(doc, m.tokens[0])
                                     or person_evidence(doc, m.tokens[1], lex.reporting_verbs))
               for m in mentions):
            continue
        pending[key] = voted
    changed = True
    while pending and changed:
        changed = False
        places = [m.tokens for m, kind in zip(raw, types) if kind == "PLACE" and m.tokens[0] >= 0]
        place_starts, place_ends = {start for start, _ in places}, {end for _, end in places}
        for key, voted in list(pending.items()):
            # A country or region the model called an organisation needs no more; a city, or any
            # name the model read as a person ("Jordan"), must also stand where places stand.
            if (voted == "PERSON" or not is_region(key)) and not any(
                    raw[i].tokens[0] >= 0 and placed(doc, raw[i].tokens, place_starts, place_ends, voted, lex)
                    for i in groups[key]):
                continue
            for i in groups[key]:
                types[i] = "PLACE"
            del pending[key]
            changed = True


LISTED_PLACES_MIN = 2


def _type_listed_places(raw, final_keys, types, doc, lex) -> None:
    """A name the model called a person or an organisation, listed with places that outnumber
    the rest of the list, is one too, gazetteer or not: "Peoria, Chandler, and Gilbert",
    "Sapulpa, Jenks, and Broken Arrow", "Edgewater and Weehawken" (with two places at least).
    Not a name with a title, a form of address, a reporting verb, a head word or capitals,
    a short form of a longer name, or a full name opening with a given name: "Paris, London and
    Emma Thompson"; nor "Tom, Dick and Harry" or "Google, Amazon and Apple", with no place listed."""
    groups: dict[str, list[int]] = defaultdict(list)
    for index, key in enumerate(final_keys):
        groups[key].append(index)
    pending = set()
    for key, indices in groups.items():
        if _voted_type(Counter(types[i] for i in indices)) not in {"PERSON", "ORG"} or key in lex.canonical_types:
            continue
        mentions = [raw[i] for i in indices]
        if any(m.key != key or m.titles or m.head_typed or m.tokens[0] < 0 or m.text.replace(".", "").isupper()
               or after_form_of_address(doc, m.tokens[0]) or person_evidence(doc, m.tokens[1], lex.reporting_verbs)
               or name_evidence.opens_with_a_given_name(doc[m.tokens[0]:m.tokens[1]], lex) for m in mentions):
            continue
        pending.add(key)
    changed = True
    while pending and changed:
        changed = False
        ends = {m.tokens[1]: (kind, m.tokens[0]) for m, kind in zip(raw, types) if m.tokens[0] >= 0}
        starts = {m.tokens[0]: (kind, m.tokens[1]) for m, kind in zip(raw, types) if m.tokens[0] >= 0}
        for key in list(pending):
            for i in groups[key]:
                listed = list_neighbours(doc, raw[i].tokens, ends, starts)
                places = listed.count("PLACE")
                if places >= LISTED_PLACES_MIN and places > len(listed) - places:
                    for j in groups[key]:
                        types[j] = "PLACE"
                    pending.discard(key)
                    changed = True
                    break


def _build(raw, final_keys, types, canonical_names, most_used_name=frozenset()) -> tuple[list[EntityRef], list[Mention]]:
    surfaces: dict[str, Counter] = defaultdict(Counter)
    type_votes: dict[str, Counter] = defaultdict(Counter)
    refs: dict[str, EntityRef] = {}
    for m, key, kind in zip(raw, final_keys, types):
        surfaces[key][m.text] += 1
        type_votes[key][kind] += 1
    for key, counter in surfaces.items():
        if key in most_used_name:
            name = max(counter, key=lambda s: (len(s.split()) > 1, counter[s], -len(s)))
        else:
            name = canonical_names.get(key) or max(
                counter, key=lambda s: (len(s.split()), not s.isupper(), counter[s], -len(s))
            )
        refs[key] = EntityRef(name=name, type=_voted_type(type_votes[key]))
    mentions: list[Mention] = []
    for m, key in zip(raw, final_keys):
        ref = refs[key]
        ref.aliases.add(m.text)
        ref.mentions += 1
        ref.titles.update(m.titles)
        ref.affiliations.update(m.affiliations)
        mentions.append(Mention(m.start, m.end, m.text, ref.name, ref.type))
    first_mention: dict[str, int] = {}
    for index, key in enumerate(final_keys):
        first_mention.setdefault(key, index)
    ordered = [refs[key] for key in sorted(refs, key=first_mention.__getitem__)]
    return ordered, mentions
