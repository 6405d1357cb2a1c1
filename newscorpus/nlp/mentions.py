"""From spaCy's entity spans to clean name mentions: one pass over the tokens.

The small English model is right about where most names are and often wrong about their
edges and types in news text: titles sit inside person names ("Spokesperson Wang Wenbin"),
possessives stick to names ("Channel One’s"), treaty names are missed, a name followed by a
number is a channel, not a person ("Rossia 24"). Each rule here fixes a pattern, with the
vocabulary in lexicon/.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import fields, heads, name_evidence, works
from .places import coordinated_places, is_region, known_place, led_by_a_place_word, missed_places, road_numbers
from .lexicon import Lexicon, canonical_key, lexicon, normalise_surface

LABEL_TYPES = {
    "PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE",
    "NORP": "NORP", "EVENT": "EVENT", "LAW": "LAW",
}
CONNECTORS = frozenset({"of", "and", "for", "&", "on", "de"})
COORDINATORS = frozenset({"and", "&"})
DETERMINERS = frozenset({"the", "a", "an"})
POSSESSIVE_TOKENS = frozenset({"'s", "’s", "'", "’", "s'", "s’"})
LAW_HEADS = frozenset({"Treaty", "Convention", "Accord", "Accords", "Pact", "Protocol", "Charter", "Agreement"})
MAX_TITLE_TOKENS = 7
PERSONAL_ADDRESS = frozenset({"mr", "mrs", "ms", "miss", "mister", "madam"})


@dataclass
class RawMention:
    start: int  # character offsets into doc.text
    end: int
    text: str  # the surface as written, spaces normalised
    type: str
    titles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    words: tuple[str, ...] = ()  # canonical keys of the name's words, for short-form matching
    title_start: int = -1  # where a title written before the name begins
    tokens: tuple[int, int] = (-1, -1)  # the name's token range in the doc
    head_typed: bool = False  # typed by its head word or the lexicon, not by the model
    placed_by_context: bool = False  # made a place by the words around it ("the island of Funen")

    @property
    def key(self) -> str:
        return canonical_key(self.text)


def _is_capitalised(token) -> bool:
    text = token.text
    return bool(text) and (text[0].isupper() or (text[0].isdigit() and len(text) > 1))


def _attached_hyphen(doc, i: int) -> bool:
    """A hyphen glued to words on both sides ("Russia-China") is inside a name."""
    tok = doc[i]
    return tok.text in {"-", "–"} and not doc[i - 1].whitespace_ and not tok.whitespace_ if i > 0 else False


def find_law_spans(doc) -> list[tuple[int, int]]:
    """Treaties and conventions by their shape: capitalised words around "Treaty",
    continued by "on/of" and a capitalised list ("Treaty on Good-Neighborliness,
    Friendship and Cooperation"). The model tags these as ORG or FAC, or misses them."""
    spans = []
    n = len(doc)
    for i, tok in enumerate(doc):
        if tok.text not in LAW_HEADS or tok.is_sent_start and i + 1 >= n:
            continue
        if i + 1 < n and _is_capitalised(doc[i + 1]):
            continue  # "Collective Security Treaty Organization": the head is further on
        start = i
        while start > 0 and not doc[start].is_sent_start and (
            _is_capitalised(doc[start - 1]) or _attached_hyphen(doc, start - 1)
        ) and doc[start - 1].text not in {"The", "A"}:
            start -= 1
        end = i + 1
        if end + 1 < n and doc[end].lower_ in {"on", "of", "for", "between"} and _is_capitalised(doc[end + 1]):
            end += 1
            while end < n:
                tok_end = doc[end]
                if _is_capitalised(tok_end) or _attached_hyphen(doc, end):
                    end += 1
                elif tok_end.text in {",", "and", "&"} and end + 1 < n and _is_capitalised(doc[end + 1]):
                    end += 1
                else:
                    break
        if end - start >= 2:
            spans.append((start, end))
    return spans


def _extend_right(doc, start: int, end: int, lex: Lexicon) -> int:
    """Continue a name through connectors and capitalised words when the longer phrase ends
    in an organisation/place noun: the model stops at "Belt" in "Belt and Road Initiative"
    and splits "Rogaland Fire" from "Rescue"."""
    best = end
    i = end
    n = len(doc)
    while i < n and i - end < 6:
        tok = doc[i]
        if tok.ent_type_ in {"GPE", "NORP", "DATE", "TIME", "CARDINAL", "LOC", "PERSON"}:
            break
        if tok.lower_ in CONNECTORS and i + 1 < n and _is_capitalised(doc[i + 1]):
            if tok.lower_ in COORDINATORS and doc[i + 1].ent_iob_ == "B":
                break  # "University of California and Columbia University": the model saw two names
            i += 1
            continue
        if not _is_capitalised(tok) or tok.is_sent_start:
            break
        i += 1
        if tok.lower_ in lex.head_types:
            best = i
    return best


def _split_at_possessives(doc, start: int, end: int) -> list[tuple[int, int]]:
    """ "Russian Academy of Sciences’ Institute for Far Eastern Studies" is two names."""
    pieces = []
    piece_start = start
    for i in range(start, end - 1):
        text = doc[i].text
        if text in POSSESSIVE_TOKENS or (len(text) > 2 and text[-1] in "'’" and text[-2] == "s"):
            cut = i if text in POSSESSIVE_TOKENS else i + 1
            if cut > piece_start:
                pieces.append((piece_start, cut))
            piece_start = i + 1
    pieces.append((piece_start, end))
    pieces = [p for p in pieces if p[1] > p[0]]
    if any(sum(t.lower_ not in DETERMINERS for t in doc[a:b]) < 2 for a, b in pieces):
        return [(start, end)]  # "People’s Republic of China" is one name
    return pieces


def _title_before(doc, start: int, lex: Lexicon) -> tuple[int, list[str], list[str]]:
    """Titles and roles written before a person's name ("Russian Foreign Minister",
    "ABHM president Swami"). Returns the name's new start, the title and affiliations."""
    role_words = lex.role_words
    i = start - 1
    while i >= 0 and start - i <= MAX_TITLE_TOKENS:
        tok = doc[i]
        low = tok.lower_
        if low in role_words or (tok.is_space and "\n" not in tok.text):
            pass
        elif low in CONNECTORS and i + 1 < start and doc[i + 1].lower_ in role_words | lex.role_heads:
            pass
        elif tok.is_title and tok.is_alpha and not tok.ent_type_ and low not in lex.demonyms and i + 1 < start:
            pass  # a portfolio word the lexicon lacks: "Emergency Situations Minister"
        else:
            break
        if tok.is_sent_start:
            i -= 1
            break
        i -= 1
    chain = list(doc[i + 1:start])
    while chain and (chain[0].lower_ in CONNECTORS or chain[0].lower_ not in role_words):
        chain.pop(0)
    if not any(t.lower_ in lex.role_heads for t in chain):
        return start, [], []
    title_start = chain[0].i
    title_tokens = [t for t in chain if t.lower_ not in lex.honorifics and not t.is_space]
    titles = [normalise_surface(" ".join(t.text for t in title_tokens))] if title_tokens else []
    affiliations = []
    left = chain[0].i - 1
    if left >= 0:
        tok = doc[left]
        if tok.ent_type_ in {"ORG", "GPE", "NORP"}:
            ent_start = left
            while ent_start > 0 and doc[ent_start].ent_iob_ == "I":
                ent_start -= 1
            affiliations.append(_strip_possessive(normalise_surface(doc[ent_start:left + 1].text)))
        elif tok.lower_ in lex.demonyms:
            affiliations.append(tok.text)
    return title_start, titles, affiliations


def _title_after(doc, end: int, lex: Lexicon) -> tuple[list[str], list[str]]:
    """An apposition: "Vasily Kashin, a senior research fellow at ...",
    "Wang Yi, China's foreign minister"."""
    n = len(doc)
    if end >= n or doc[end].text != ",":
        return [], []
    words: list[str] = []
    affiliations: list[str] = []
    for i in range(end + 1, min(n, end + 1 + MAX_TITLE_TOKENS)):
        tok = doc[i]
        if (not words and tok.lower_ in DETERMINERS) or tok.is_space:
            continue
        if tok.ent_type_ in {"GPE", "NORP", "ORG"}:
            affiliations.append(tok.text)
            continue
        if tok.text in POSSESSIVE_TOKENS:
            continue
        if not tok.is_alpha and "-" not in tok.text or tok.pos_ in {"VERB", "AUX", "PRON", "ADP"}:
            break
        words.append(tok.text)
        if tok.lower_ in lex.role_heads and (i + 1 >= n or doc[i + 1].lower_ not in lex.role_heads):
            return [" ".join(words)], affiliations
    return [], []


def after_form_of_address(doc, start: int) -> bool:
    """The word before token `start` is "Mr", "Ms", "Mrs", ...: only people are addressed so."""
    return start > 0 and doc[start - 1].lower_.rstrip(".") in PERSONAL_ADDRESS


def _addressed_as_a_person(doc, start: int, end: int) -> bool:
    """"Ms Lomax", "Mr. Kumar": a name the model called an organisation, in or after a form of
    address only people get. "Dr" is left out: "Dr Pepper" is a company."""
    if start < end and doc[start].lower_.rstrip(".") in PERSONAL_ADDRESS:
        start += 1
    elif not after_form_of_address(doc, start):
        return False
    names = doc[start:end]
    return 1 <= len(names) <= 3 and all(t.is_alpha and t.is_title or t.text == "-" for t in names)


def _strip_possessive(text: str) -> str:
    for suffix in ("'s", "’s", "’", "'"):
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            if suffix in ("’", "'") and not text[:-1].endswith("s"):
                continue
            return text[: -len(suffix)]
    return text


def _type_of(label: str, tokens, text: str, lex: Lexicon) -> str | None:
    kind = LABEL_TYPES.get(label)
    if kind is None:
        return None
    key = canonical_key(text)
    override = lex.type_overrides.get(key)
    if override:
        return None if override == "DROP" else override
    last = tokens[-1].lower_
    has_connector = any(t.lower_ in CONNECTORS for t in tokens)
    head_type = heads.name_head_type(tokens, lex) if len(tokens) >= 2 and _is_capitalised(tokens[-1]) else None
    if head_type is None and len(tokens) >= 2 and last.isdigit() and lex.head_types.get(tokens[-2].lower_) == "PLACE":
        head_type = "PLACE"  # "U.S. Route 169", "Highway 51": a road and its number
    if head_type is None and len(tokens) >= 3:
        head_type = name_evidence.head_before_connector(tokens, lex)  # "César Award for Best Actress"
    if head_type:
        if kind == "PERSON":
            # A person's surname may be "Court" or "Field": a longer phrase, or two words not opening
            # with a given name or an initial ("McMurdo Station"), is re-typed.
            if (not heads.surname_head(last, lex) or has_connector or len(tokens) >= 3
                    or not heads.opens_like_a_person(tokens, lex)):
                kind = head_type
        elif not (kind == "PLACE" and head_type == "ORG" and label != "FAC"):
            kind = head_type  # but "Soviet Union" stays a place
    if kind == "PLACE" and text.replace(".", "").isupper() and key not in lex.place_acronyms:
        alias = lex.canonical_aliases.get(key)
        if alias is None or lex.canonical_types.get(canonical_key(alias)) == "ORG":
            kind = "ORG"  # "BRICS", "NATO": capitals are organisations unless listed places
    return kind


def clean_mention(doc, start: int, end: int, label: str, lex: Lexicon) -> RawMention | None:
    """Trim a token span to the name itself and type it; None when nothing name-like is left."""
    while start < end - 1 and (doc[start].lower_ in DETERMINERS or not doc[start].text[:1].isalnum()
                               or (doc[start].is_alpha and doc[start].is_lower and doc[start].lower_ not in lex.name_particles)):
        start += 1  # "these United States", "magician David Gish": lower-case words lead no name
    if start < end and doc[start].lower_ in DETERMINERS:
        start += 1
    while end - start > 1 and label == "PERSON" and doc[end - 1].text.rstrip(".").casefold() in lex.post_nominals:
        end -= 1  # "Daniel Bernoulli FRS", "Jane Roe MP": letters after a name are not part of it
    while end > start and (doc[end - 1].text in POSSESSIVE_TOKENS or not doc[end - 1].text[-1:].isalnum()
                           or doc[end - 1].lower_ in CONNECTORS):
        if doc[end - 1].text.endswith((".")) and len(doc[end - 1].text) > 1:
            break  # "U.S.", "Inc."
        end -= 1  # and "Grand Lodge of": the model stopped before the name's end
    if start >= end:
        return None
    titles: list[str] = []
    affiliations: list[str] = []
    title_start = -1
    if label == "ORG" and _addressed_as_a_person(doc, start, end):
        label = "PERSON"
    if label == "PERSON" and doc[start].lower_ in lex.role_words and is_region(canonical_key(doc[start:end].text)):
        label = "GPE"  # "Saint Lucia", "Saint Helena": a country's name, no title and a person
    if label == "PERSON":
        inner = start
        while inner < end - 1 and doc[inner].lower_ in lex.role_words:
            inner += 1
        if inner > start and doc[inner].lower_ in CONNECTORS and inner + 1 < end:
            # "the King of Athens", "Governor of Texas": a title and the place it is held in.
            return clean_mention(doc, inner + 1, end, "GPE", lex)
        if inner > start:
            # The title inside the model's span is read again by _title_before, with its context.
            start = inner
        title_start, titles, affiliations = _title_before(doc, start, lex)
        after_titles, after_affiliations = _title_after(doc, end, lex)
        titles += after_titles
        affiliations += after_affiliations
    elif label in {"ORG", "FAC"} and end - start >= 3 and doc[start].lower_ in lex.demonyms:
        if not any(t.lower_ in lex.head_types for t in doc[start:end]):
            start += 1  # "Russian Channel One" is Channel One; "Russian Academy" keeps its adjective
    tokens = doc[start:end]
    begin, finish = tokens.start_char, tokens.end_char
    text = tokens.text  # not doc.text[...]: Doc.text re-joins every token on each call
    stripped = _strip_possessive(text)
    finish -= len(text) - len(stripped)
    text = normalise_surface(stripped)
    key = canonical_key(text)
    if len(key) < 2 or not any(c.isupper() for c in text) or key in lex.stop_entities or (" " in text and "/" in text):
        return None
    if label == "PERSON" and any(canonical_key(t.text) in lex.stop_entities for t in tokens):
        return None  # headline words the model read as a name: "Lawyer Declares"
    if label == "PERSON" and all(t.lower_ in lex.role_words for t in tokens):
        return None  # a bare title: "President"
    kind = _type_of(label, tokens, text, lex)
    if kind is None:
        return None
    head_typed = kind != LABEL_TYPES.get(label) or key in lex.type_overrides or (
        len(tokens) >= 2 and tokens[-1].lower_ in lex.head_types)
    words = tuple(canonical_key(t.text) for t in tokens if t.is_alpha or "-" in t.text  # and "L'Enfant", "O'Neill"
                  or (t.text[:1].isalpha() and t.text.replace("'", "").replace("’", "").isalpha()))
    title_char = doc[title_start].idx if 0 <= title_start < start else -1
    return RawMention(begin, finish, text, kind, titles, affiliations, words, title_char, (start, end), head_typed)


def raw_mentions(doc) -> list[RawMention]:
    """Every name mention in the doc, cleaned and typed, in text order."""
    lex = lexicon()
    n = len(doc)
    taken = bytearray(n)
    spans: list[tuple[int, int, str]] = []
    for start, end in find_law_spans(doc):
        spans.append((start, end, "LAW"))
        taken[start:end] = b"\x01" * (end - start)
    for ent in doc.ents:
        label = ent.label_
        if label not in LABEL_TYPES or any(taken[ent.start:ent.end]) or name_evidence.shouted(ent):
            continue
        start, end = ent.start, ent.end
        for i in range(start, end):
            if doc[i].text == "(":
                end = i  # "World Health Organization (WHO": the bracket is a definition
                break
            if "\n" in doc[i].text or (i + 1 < end and "\n" in doc[i].whitespace_):
                end = i + (not doc[i].is_space)  # "Tips\n\nKeep": a name does not run across lines
                break
        if start >= end:
            continue
        lead = lex.lead_types.get(doc[start].lower_) or (
            lex.lead_types.get(doc[start - 1].lower_) if start > 0 and _is_capitalised(doc[start - 1]) else None)
        if lead and label == "PERSON":
            if lex.lead_types.get(doc[start].lower_) is None:
                start -= 1
            # "Tropical Storm Barry", "Hurricane Katrina" are events; "Mount X" is a LOC label's place
            label = "LOC" if lead == "PLACE" else lead
        elif label == "ORG" and led_by_a_place_word(doc, start, end, lex):
            label = "LOC"  # "the River Ouse", "Fort Hood": not "Fort Worth Star-Telegram", "Lake Placid Club"
        if label == "PERSON" and end < n and doc[end].like_num and doc[end].text.isdigit() and len(doc[end].text) <= 3:
            end += 1  # "Rossia 24": a name with a number is a channel or a product, not a person
            label = "ORG"
        else:
            extended = _extend_right(doc, start, end, lex)
            if extended > end:
                end = extended
                label = "ORG" if label == "PERSON" else label
        if any(taken[start:end]):
            end = ent.end
        taken[start:end] = b"\x01" * (end - start)
        places = coordinated_places(doc, start, end)
        if places:
            spans += places
            continue
        for a, b, kind in name_evidence.split_at_slashes(doc, start, end, label):
            spans += [(piece_start, piece_end, kind) for piece_start, piece_end in _split_at_possessives(doc, a, b)]
    spans += missed_places(doc, taken)
    spans += name_evidence.missed_people(doc, taken, lex) + heads.missed_sights(doc, taken, lex)
    spans.sort()
    mentions = []
    for start, end, label in spans:
        mention = clean_mention(doc, start, end, label, lex)
        if mention is not None:
            mentions.append(mention)
    mentions = name_evidence.drop_common_words(doc, _weigh_evidence(doc, mentions, lex), lex)
    mentions = works.retype_works(doc, road_numbers(doc, fields.drop_fields_of_study(doc, mentions, lex)), lex)
    # "State" in "Secretary of State Henry Kissinger" is part of a title, not an entity.
    title_ranges = [(m.title_start, m.start) for m in mentions if m.title_start >= 0]
    if title_ranges:
        mentions = [m for m in mentions if m.type == "PERSON"
                    or not any(t0 <= m.start and m.end <= t1 for t0, t1 in title_ranges)]
    return mentions


def _weigh_evidence(doc, mentions: list[RawMention], lex: Lexicon) -> list[RawMention]:
    """The model's types corrected by what the name and the article say (name_evidence.py): common
    words at a sentence's start dropped, "in X" a place, a full name a person by its given name or
    read alone (only organisations are read alone: the model takes "North Yorkshire" for a person)."""
    lower_words = None
    kept = []
    full_names = []
    for m in mentions:
        start, end = m.tokens
        if end - start == 1 and m.key not in lex.type_overrides and name_evidence.at_line_or_sentence_start(doc, start):
            if lower_words is None:
                lower_words = name_evidence.lower_case_words(doc)
            if name_evidence.common_word(doc, start, end, lower_words):
                continue
        if m.head_typed or m.key in lex.canonical_types or m.key in lex.canonical_aliases:
            kept.append(m)
            continue
        if (not m.text.isupper() and name_evidence.alone_on_its_line(doc, start, end)
                and not known_place(m.key, "ORG")):
            continue  # a heading: "Tips", "Career"; a place may head its section ("Paris")
        if m.type in {"ORG", "PLACE"} and not m.text.isupper() and name_evidence.described_as_a_person(doc, end):
            m.type = "PERSON"  # "Brock Wyatt Holt (born June 11, 1988)"
            kept.append(m)
            continue
        placed = (m.type in {"ORG", "PERSON", "PLACE"} and not m.text.isupper()
                  and (name_evidence.named_a_place(doc, start, end, lex)  # "the island of Funen"
                       or end - start == 1 and name_evidence.place_context(doc, start, lex))
                  and not (end < len(doc) and doc[end].text in POSSESSIVE_TOKENS))
        m.placed_by_context = placed  # the model's place too, where the article says it is one
        if placed and m.type != "PLACE":
            m.type = "PLACE"
        elif m.type == "NORP" and m.key not in lex.demonyms and (
                is_region(m.key) or name_evidence.named_a_place(doc, start, end, lex)):
            m.type, m.placed_by_context = "PLACE", True  # "the Yucatán peninsula", "the monastery of Phbow"
        elif (m.type in {"ORG", "PLACE"} and name_evidence.opens_with_a_given_name(doc[start:end], lex)
              and doc[end - 1].lower_ not in lex.given_names):  # "Morgan Stanley" is read alone below
            m.type = "PERSON"  # "Jean Cocteau's La Machine Infernale", "Emma Fleck."
        elif m.type == "ORG" and name_evidence.looks_like_full_name(doc[start:end], lex):
            full_names.append(m)
        kept.append(m)
    if full_names:
        alone = name_evidence.labels_alone({m.text for m in full_names})
        for m in full_names:
            if alone[m.text] == ("PERSON",):
                m.type = "PERSON"
    return kept
