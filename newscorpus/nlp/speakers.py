"""Who said a quotation: the subject of its cue (cues.py) turned into canonical entity names.

A name through its mention, "X and Y" into both, a pronoun into the latest person who spoke or
was a subject, a role ("the Chinese diplomat") through the entities' role resolver (roles.py), a
document ("the communique") into whoever issued it; when the parse gives the cue no usable
subject, the names standing next to the cue.
"""
from __future__ import annotations

import re

from .context import SUBJECT_DEPS, QuoteContext
from .cues import Cue, speaker_heads
from .lexicon import lexicon
from .roles import resolve_role

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
# "said <title words> <name>": how far after the cue a name may stand
ADJACENT_NAME_WINDOW = 10
# "the 22-year-old" ending a stretch of text: a person already in the story, as "he" would be
AGE_DESCRIPTION = re.compile(r"\b[Tt]he \d{1,3}-year-old\s*$")


def _name_run(head) -> str:
    """ "Kellyanne Conway" for head "Conway": the proper nouns compounded into it."""
    words = [c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [head]
    return " ".join(w.text for w in words)


def _entity_by_surface(article: QuoteContext, surface: str) -> str | None:
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


def resolve_pronoun(article: QuoteContext, before: int, spoken: list[tuple[int, str]]) -> str | None:
    """The latest person who spoke or was a subject before `before`, outside quotes."""
    events = [e for e in article.salient_people + spoken if e[0] < before]
    if events:
        return max(events)[1]
    people = [m for m in article.outside_mentions if m.type == "PERSON" and m.start < before]
    return people[-1].name if people else None


def _document_author(article: QuoteContext, head) -> str | None:
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


def _named_in_apposition(article: QuoteContext, head) -> str | None:
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


def _person_named_next(article: QuoteContext, offset: int) -> str | None:
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


def names_for_head(article: QuoteContext, head, spoken: list[tuple[int, str]]) -> str | None:
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
                                                              and head.text.lower() not in lexicon().role_nouns)):
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
    phrase = article.doc[head.left_edge.i:head.i + 1].text
    role = resolve_role(phrase, head.idx, article.entities, article.outside_mentions)
    if role:
        return role
    for c in head.lefts:
        m = article.mention_at(c.idx)
        if m is not None and m.type in ("ORG", "PERSON"):
            return m.name
    return None


def speakers_for(article: QuoteContext, cue: Cue, spoken: list[tuple[int, str]]) -> list[str]:
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


def _person_touching(article: QuoteContext, i: int) -> list[str]:
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


def _adjacent_name(article: QuoteContext, cue: Cue, spoken: list[tuple[int, str]]) -> list[str]:
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
