"""Who said a quotation and with which verb: the cue near the quote and its subject.

The cue is a reporting verb (newscorpus/lexicon/reporting_verbs.txt) or "according to" in the
sentence around the quote, preferably one the quote's clause hangs from in the dependency
parse. The speaker is the cue's subject (or the object of "according to"), turned into
canonical entity names: a name through its mention, "X and Y" into both, a pronoun into the
latest person who spoke or was a subject, a role ("the Chinese diplomat") through the entities
helper's role resolver, a document ("the communique") into whoever issued it.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .entity_lexicon import lexicon
from .parts import EntityRef, Mention

PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})
# determiners that introduce someone new ("a spokesman") rather than someone already named
INDEFINITE = frozenset({"a", "an", "one", "some", "another", "two", "three", "several", "many", "other"})
DOCUMENT_NOUNS = frozenset({
    "document", "documents", "communique", "communiqué", "statement", "report", "letter", "memo",
    "declaration", "release", "study", "survey", "poll", "filing", "complaint", "lawsuit", "indictment",
    "ruling", "resolution", "tweet", "post", "email", "e-mail", "transcript", "proposal", "agreement",
    "text", "paper", "draft", "ad", "advertisement", "video", "website", "page", "book", "manifesto",
    "platform", "announcement", "decree", "order", "bill", "note", "message", "notice", "verdict",
})
SUBJECT_DEPS = ("nsubj", "nsubjpass")
# "said <title words> <name>": how far after the cue a name may stand
ADJACENT_NAME_WINDOW = 10
# "the 22-year-old" ending a stretch of text: a person already in the story, as "he" would be
AGE_DESCRIPTION = re.compile(r"\b[Tt]he \d{1,3}-year-old\s*$")
# a participle or coordinated verb shares its subject with the verb it hangs from:
# "the diplomat added, saying ...", "X said ... and warned"
SUBJECT_SHARING_DEPS = ("advcl", "xcomp", "conj", "ccomp", "acl", "relcl", "dep", "parataxis")


@lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    text = resources.files("newscorpus").joinpath("lexicon/reporting_verbs.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@dataclass
class Article:
    """What attribution needs to know about one article, computed once per article."""

    doc: object
    entities: list[EntityRef]
    mentions: list[Mention]
    quoted: list[tuple[int, int]]  # character ranges inside quotation marks
    text: str = ""  # doc.text, which spaCy rebuilds from the tokens on every access
    mention_starts: list[int] = field(default_factory=list)
    outside_mentions: list[Mention] = field(default_factory=list)
    # (offset, name) of persons that spoke or were a clause's subject, for pronouns
    salient_people: list[tuple[int, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.text = self.text or self.doc.text
        self.mentions = sorted(self.mentions, key=lambda m: m.start)
        self.mention_starts = [m.start for m in self.mentions]
        self.outside_mentions = [m for m in self.mentions if not self.in_quote(m.start)]
        for m in self.outside_mentions:
            if m.type == "PERSON":
                token = self.token_at(m.start, m.end)
                if token is not None and token.dep_ in SUBJECT_DEPS + ("poss",):
                    self.salient_people.append((m.start, m.name))

    def in_quote(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.quoted)

    def mention_at(self, offset: int) -> Mention | None:
        i = bisect.bisect_right(self.mention_starts, offset) - 1
        while i >= 0 and self.mentions[i].start <= offset:
            if offset < self.mentions[i].end:
                return self.mentions[i]
            i -= 1
            if i >= 0 and offset - self.mentions[i].start > 200:
                break
        return None

    def token_at(self, start: int, end: int):
        """The syntactic head of the tokens in [start, end)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None


@dataclass(frozen=True)
class Cue:
    token_index: int
    text: str
    according_to: bool = False
    quote_start: int = -1  # the quotation it introduces, so that names inside it are never its speaker
    quote_end: int = -1


def is_cue_token(token) -> bool:
    return token.lower_ in reporting_verbs() and (token.tag_.startswith("VB") or token.pos_ == "VERB")


def find_cue(article: Article, start: int, end: int, lo: int, hi: int) -> Cue | None:
    """The reporting verb (or "according to") of the quote at [start, end), looked for in
    body[lo:hi] outside quotation marks; one the quote's clause hangs from wins, then the nearest."""
    doc = article.doc
    window = doc.char_span(lo, hi, alignment_mode="contract")
    if window is None:
        return None
    inside = [t for t in window if start <= t.idx < end]
    ancestors = {a.i for t in inside for a in t.ancestors if not start <= a.idx < end}
    best, best_key = None, None
    for token in window:
        if start <= token.idx < end or article.in_quote(token.idx):
            continue
        according = token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to"
        if not according and (not is_cue_token(token) or _subject_inside(token, start, end)):
            continue
        if according:
            distance = abs(token.i - (inside[0].i if inside else token.i))
        elif token.idx >= end:
            distance = token.i - (inside[-1].i if inside else token.i)
        else:
            distance = (inside[0].i if inside else token.i) - token.i
        key = (token.i not in ancestors and not according, distance)
        if best_key is None or key < best_key:
            best, best_key = token, key
    if best is None:
        return None
    if best.lower_ == "according":
        return Cue(best.i, "according to", according_to=True, quote_start=start, quote_end=end)
    return Cue(best.i, best.text, quote_start=start, quote_end=end)


def _subject_inside(verb, start: int, end: int) -> bool:
    """China’s "ambitions and coercive policies" challenge ...: the quote is the verb's subject."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    return bool(subjects) and all(start <= c.idx < end for c in subjects)


def speaker_heads(doc, cue: Cue) -> list:
    """The tokens heading the phrase that names who spoke."""
    token = doc[cue.token_index]
    if cue.according_to:
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        objects = [c for c in (nxt.children if nxt is not None else []) if c.dep_ == "pobj"]
        if not objects and nxt is not None and nxt.i + 1 < len(doc):
            objects = [doc[nxt.i + 1]]
        return objects[:1]
    verb = token
    for _ in range(4):
        # the parser sometimes makes a word of the quote a second subject
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS
                    and not cue.quote_start <= c.idx < cue.quote_end]
        if subjects:
            return subjects[:1]
        if verb.dep_ not in SUBJECT_SHARING_DEPS or verb.head is verb:
            break
        verb = verb.head
    return []


@lru_cache(maxsize=1)
def _ROLE_WORDS() -> frozenset[str]:
    lex = lexicon()
    return frozenset(w.lower() for w in [*lex.role_heads, *lex.official_roles])


def _name_run(head) -> str:
    """ "Kellyanne Conway" for head "Conway": the proper nouns compounded into it."""
    words = [c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [head]
    return " ".join(w.text for w in words)


def _entity_by_surface(article: Article, surface: str) -> str | None:
    last = surface.split()[-1].casefold() if surface.split() else ""
    for entity in article.entities:
        forms = {entity.name} | set(entity.aliases)
        if any(f.casefold() == surface.casefold() for f in forms):
            return entity.name
    for wanted in ("PERSON", None):
        same_last = [e for e in article.entities if (wanted is None or e.type == wanted)
                     and e.name.split() and e.name.split()[-1].casefold() == last]
        if len(same_last) == 1:
            return same_last[0].name
    return None


def resolve_pronoun(article: Article, before: int, spoken: list[tuple[int, str]]) -> str | None:
    """The latest person who spoke or was a subject before `before`, outside quotes."""
    events = [e for e in article.salient_people + spoken if e[0] < before]
    if events:
        return max(events)[1]
    people = [m for m in article.outside_mentions if m.type == "PERSON" and m.start < before]
    return people[-1].name if people else None


def _document_author(article: Article, head) -> str | None:
    """Who issued the document a phrase names: its owner ("NATO's communique"), else the
    subject of the clause where a document was last mentioned ("NATO allies issued a communique")."""
    def author_near(noun) -> str | None:
        for t in noun.subtree:
            if t.i != noun.i:
                m = article.mention_at(t.idx)
                if m is not None and m.type in ("PERSON", "ORG", "PLACE", "NORP"):
                    return m.name
        for s in (c for c in noun.head.children if c.dep_ in SUBJECT_DEPS and c.i != noun.i):
            for t in s.subtree:
                m = article.mention_at(t.idx)
                if m is not None and m.type in ("PERSON", "ORG", "PLACE"):
                    return m.name
        return None

    found = author_near(head)
    if found:
        return found
    doc = article.doc
    for i in range(head.i - 1, max(-1, head.i - 300), -1):
        t = doc[i]
        if t.lower_ in DOCUMENT_NOUNS and t.pos_ in ("NOUN", "PROPN") and not article.in_quote(t.idx):
            found = author_near(t)
            if found:
                return found
    return None


def _named_in_apposition(article: Article, head) -> str | None:
    """ "the White House spokesman, Josh Earnest", "the base chief known as Bob": the name
    the phrase itself gives, not one inside a prepositional phrase ("a spokesman for Clinton")."""
    for child in head.children:
        if child.dep_ not in ("appos", "acl"):
            continue
        for t in child.subtree:
            m = article.mention_at(t.idx)
            if m is not None and m.type == "PERSON":
                return m.name
    return None


def _person_named_next(article: Article, offset: int) -> str | None:
    """A person's name following an organisation in one noun phrase, across title words only."""
    doc = article.doc
    after = doc.char_span(offset, min(len(article.text), offset + 60), alignment_mode="contract")
    for t in after if after is not None else []:
        m = article.mention_at(t.idx)
        if m is not None and m.type == "PERSON":
            return m.name
        if t.is_punct and t.text != "." or not (t.is_title or t.is_lower and t.pos_ == "NOUN" or t.like_num
                                                or t.text in ("-", ".")):
            return None
    return None


def names_for_head(article: Article, head, spoken: list[tuple[int, str]]) -> str | None:
    mention = article.mention_at(head.idx)
    if mention is not None and mention.type not in ("DATE", "TIME", "CARDINAL"):
        if mention.type != "PERSON":
            person = _person_named_next(article, mention.end)
            if person:
                return person  # "Air Force 1st Lt. Tyler Livingston", "Blaze co-host Stu Burguiere"
        return mention.name
    named = _named_in_apposition(article, head)
    if named:
        return named
    lower = head.lower_
    if lower in RELATIVE_PRONOUNS and head.head.dep_ == "relcl" and head.head.head is not head:
        # "a video that said", "Smith, who told reporters": the noun the clause describes
        return names_for_head(article, head.head.head, spoken)
    if lower in PERSONAL_PRONOUNS or AGE_DESCRIPTION.search(article.text, head.left_edge.idx, head.idx + len(head)):
        return resolve_pronoun(article, head.idx, spoken)  # "he", and sports pages' "the 22-year-old"
    if head.pos_ == "PRON":
        return None
    # the tagger calls a surname it does not know a common noun ("Hannity said")
    if head.text[:1].isupper() and (head.pos_ == "PROPN" or (head.pos_ == "NOUN" and not head.is_sent_start
                                                              and head.text.lower() not in _ROLE_WORDS())):
        surface = _name_run(head)
        return _entity_by_surface(article, surface) or surface
    determiners = {c.lower_ for c in head.children if c.dep_ in ("det", "nummod", "amod")}
    if determiners & INDEFINITE or head.tag_ in ("NNS", "NNPS"):
        owner = [c for c in head.children if c.dep_ in ("compound", "poss")]
        for c in owner:
            m = article.mention_at(c.idx)
            if m is not None and m.type == "ORG":
                return m.name  # "NATO allies said", "two Pentagon officials"
        return None
    if lower in DOCUMENT_NOUNS:
        return _document_author(article, head)
    from .entities import resolve_role  # the entities helper owns what a role means

    phrase = article.doc[head.left_edge.i:head.i + 1].text
    role = resolve_role(phrase, head.idx, article.entities, article.outside_mentions)
    if role:
        return role
    for c in head.lefts:
        m = article.mention_at(c.idx)
        if m is not None and m.type in ("ORG", "PERSON"):
            return m.name
    return None


def speakers_for(article: Article, cue: Cue, spoken: list[tuple[int, str]]) -> list[str]:
    """Canonical names of who spoke through `cue`, main speaker first; [] if nobody is recoverable."""
    names: list[str] = []
    heads = speaker_heads(article.doc, cue)
    for head in heads:
        for h in [head, *head.conjuncts]:
            name = names_for_head(article, h, spoken)
            if name and name not in names:
                names.append(name)
    # a subject that names nobody ("a senior official told Reuters", "they said") stays nobody;
    # a subject the parse got wrong or lost is worth reading the words around the cue for
    if not names and not cue.according_to:
        if any(_anonymous(h) for h in heads):
            # ...unless a person's name touches the cue: the parse chose the wrong subject
            # ("When someone shouted, Beck joked", "declared Alyssa Van Wagenen, 29")
            names = _person_touching(article, cue.token_index)
        else:
            names = _adjacent_name(article, cue, spoken)
    return names


def _person_touching(article: Article, i: int) -> list[str]:
    doc = article.doc
    for j in (i + 1, i - 1, i - 2):
        if 0 <= j < len(doc) and (j != i - 2 or doc[i - 1].pos_ == "ADV"):
            m = article.mention_at(doc[j].idx)
            if m is not None and m.type == "PERSON" and not article.in_quote(doc[j].idx):
                return [m.name]
    return []


def _anonymous(head) -> bool:
    determiners = {c.lower_ for c in head.children if c.dep_ in ("det", "nummod", "amod")}
    return (head.pos_ == "PRON" and head.lower_ not in RELATIVE_PRONOUNS) or bool(determiners & INDEFINITE) or (head.tag_ == "NNS" and head.is_lower)


def _adjacent_name(article: Article, cue: Cue, spoken: list[tuple[int, str]]) -> list[str]:
    """When the parse gives the cue no subject: a name right after it ("said retired
    neurosurgeon Ben Carson", "said Skelly" even when the model missed the name), or the names
    right before it, coordinated ones too ("President Xi Jinping and Russian President Vladimir
    Putin said", which the parser often mangles), else the nearest person before it."""
    doc = article.doc
    i = cue.token_index

    def in_this_quote(t) -> bool:
        return cue.quote_start <= t.idx < cue.quote_end

    for j in range(i + 1, min(len(doc), i + ADJACENT_NAME_WINDOW)):
        t = doc[j]
        if article.in_quote(t.idx):
            break
        m = article.mention_at(t.idx)
        if m is not None and m.type in ("PERSON", "ORG"):
            return [_person_named_next(article, m.end) or m.name] if m.type == "ORG" else [m.name]
        if j == i + 1 and t.is_title and t.pos_ not in ("PRON", "DET") and t.ent_type_ in ("", "PERSON", "ORG"):
            run = [t.text]
            for k in range(j + 1, min(len(doc), j + 4)):
                if not doc[k].is_title:
                    break
                run.append(doc[k].text)
            surface = " ".join(run)
            return [_entity_by_surface(article, surface) or surface]
        # title words may be tagged as anything: "said Tory shadow local government secretary X"
        if not (t.pos_ in ("ADV", "DET", "ADJ", "NOUN") or t.is_title or t.lower_ in lexicon().role_words):
            break
    if AGE_DESCRIPTION.search(article.text, max(0, doc[i].idx - 24), doc[i].idx):
        # "the 19-year-old told reporters", which the parser reads as "old reporters"
        person = resolve_pronoun(article, doc[i].idx, spoken)
        return [person] if person else []
    names: list[str] = []
    joined = True
    unknown_name: list[str] = []  # "Trump barked" where the model missed "Trump"
    for j in range(i - 1, max(-1, i - 16), -1):
        t = doc[j]
        if article.in_quote(t.idx):
            break
        if t.is_title and t.pos_ in ("PROPN", "NOUN") and len(unknown_name) == i - 1 - j and article.mention_at(t.idx) is None:
            unknown_name.insert(0, t.text)
        m = article.mention_at(t.idx)
        if m is not None and m.type in ("PERSON", "ORG"):
            if joined and m.name not in names:
                names.insert(0, m.name)
            joined = False
        elif t.lower_ == "and" and names:
            joined = True
        elif t.is_title or t.pos_ in ("PROPN", "ADJ") or t.text in ("'s", "’s"):
            continue  # a title before a name: "Russian President"
        elif t.pos_ == "ADV" and not names:
            continue  # "Lavrov also said"
        else:
            break
    if names:
        return names
    if unknown_name:
        surface = " ".join(unknown_name)
        known = _entity_by_surface(article, surface)
        if known or not doc[i - len(unknown_name)].is_sent_start:
            return [known or surface]
    # "Col. Steven H. Warren, a military spokesman in Baghdad, said", "“...,” Gene Sperling, a top
    # outside Clinton adviser, said": the parse lost the subject; the first person of the stretch
    # between the quote (or the sentence start) and the cue stands where the subject stands
    segment_start = doc[i].sent.start
    for j in range(i - 1, max(segment_start - 1, i - 30), -1):
        if in_this_quote(doc[j]):
            segment_start = j + 1
            break
    for j in range(max(segment_start, i - 30), i):
        t = doc[j]
        m = article.mention_at(t.idx)
        if m is not None and m.type == "PERSON" and not article.in_quote(t.idx):
            return [m.name]
    return []
