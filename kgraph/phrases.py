"""What the words of a noun phrase say, read off the parse: its text without determiners or
clauses, the named entity a token is part of, title words before a name, "the two
governments". Shared by the actor resolver and the speaker rules; knows nothing of memory.
"""
from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span, Token

from .coordination import HYPHENS
from .countries import city_country, country_code
from .doccache import children, document_entities, entity_index, entity_starts, kept_answer, span_text
from .names import (
    GROUP_DETERMINERS, GROUP_SIZES, INTERNATIONAL_OFFICE_PHRASES, INTERNATIONAL_ORGS, OFFICIAL_TITLE, ORGANISATION_OFFICES, PARTNER_ADVERBS,
    PARTNER_CLAUSE_PREPOSITIONS, PARTNER_PREPOSITIONS, REMEMBERED_TITLES, TIME_ZONES, TITLE_MODIFIERS, TITLES,
)

PERSON_LABELS = {"PERSON"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}

#: how far before a name its title may start ("Secretary of State Antony J. Blinken")
TITLE_WINDOW = 5


def titles_before(ent: Span) -> list[str]:
    """Title words just before a name, not across a verb or punctuation: "Defence Minister
    Rajnath Singh" -> ["minister"], "Secretary of State Antony J. Blinken" -> ["secretary"]."""
    before = list(ent.doc[max(0, ent.start - TITLE_WINDOW):ent.start])
    # ... nor across another name or "and": "President Trump and Kim Jong-un" titles Trump alone
    cut = max((i + 1 for i, t in enumerate(before)
               if t.is_punct or t.pos_ in ("VERB", "AUX", "CCONJ") or t.ent_type_ == "PERSON"), default=0)
    words = [t.lower_ for t in before[cut:]]
    words += [t.lower_ for t in ent if TITLES.match(t.text + " X")]
    return [w for w in words if w in REMEMBERED_TITLES]


def office_before(ent: Span) -> str | None:
    """The office of an organisation that the words before a name give, as the organisations
    table names it: "UN Secretary-General Antonio Guterres" -> "UN Secretary-General"."""
    doc = ent.doc
    for size in range(min(TITLE_WINDOW, ent.start - ent.sent.start), 0, -1):
        office = INTERNATIONAL_ORGS.get(doc[ent.start - size:ent.start].text.lower().removeprefix("the "))
        if office and re.split(r"[ -]", office)[-1].lower() in REMEMBERED_TITLES:
            before = doc[ent.start - size - 1] if ent.start - size > ent.sent.start else None
            # "UN Deputy Secretary-General Amina Mohammed", "Under-Secretary-General": another office
            return None if before is not None and (before.lower_ in _OFFICE_MODIFIERS or before.text in HYPHENS) \
                else office
    return None


#: words before an office that make it another one ("Deputy Secretary-General", "Under-Secretary-General")
_OFFICE_MODIFIERS = frozenset(TITLE_MODIFIERS | {"under", "assistant", "associate", "adjunct"})


def title_of_organisation(ent: Span) -> bool:
    """"European Council President Charles Michel": an organisation's official, no state's; not
    "Deputy Secretary of State John Sullivan", whose "State" the recogniser may take for a body."""
    return any((t.ent_type_ == "ORG" and not _secretary_of_state(t)) or t.lower_ in INTERNATIONAL_ORGS
               for t in ent.doc[max(0, ent.start - 5):ent.start])


def _secretary_of_state(token: Token) -> bool:
    return token.lower_ == "state" and token.i >= 2 and token.nbor(-1).lower_ == "of" and \
        token.nbor(-2).lower_ == "secretary"


def international_office(ent: Span) -> bool:
    """"United Nations Secretary General Ban Ki-moon", "EU foreign policy chief Josep Borrell",
    "UN Special Envoy for Yemen Martin Griffiths": the person is named as the official of an
    organisation of no state, by the words right before the name on its line."""
    doc = ent.doc
    i = _before_posting(doc, ent.start - 1)
    while i >= 0 and (doc[i].lower_.rstrip(".") in ORGANISATION_OFFICES or doc[i].text in ("-", "‑")) \
            and "\n" not in doc[i].whitespace_:  # "NATO Secretary - General": the tokenizer splits the hyphen
        i -= 1
    if i == ent.start - 1 or i < 0:
        return False
    return organisation_ending_at(doc, i) is not None  # the organisation's name, right before the title words


#: ranks of an international office's holder ("Assistant Secretary-General")
INTERNATIONAL_RANKS = frozenset({"assistant", "deputy", "under", "acting"})


def international_title(ent: Span) -> bool:
    """Whether the title right before a name is an international office of more than one word
    with nothing before it but a rank or an international organisation ("Assistant Secretary-General
    Martha Pobee", "UN Under-Secretary-General ..."; data `international_offices`); not a party's
    or a state body's ("LDP Secretary-General Toshimitsu Motegi")."""
    doc = ent.doc
    start = ent.start
    while start > 0 and start > ent.start - 5 and doc[start - 1].text[:1].isupper() or (
            start > 0 and doc[start - 1].text in ("-", "‑")):
        start -= 1
    title = re.sub(r"\s*[-‑]\s*", "-", doc[start:ent.start].text.lower())
    office = next((o for o in INTERNATIONAL_OFFICE_PHRASES if title.endswith(o)), None)
    if office is None:
        return False
    rest = title[:-len(office)].strip(" -")
    return not rest or rest in INTERNATIONAL_RANKS or rest.removeprefix("the ") in INTERNATIONAL_ORGS


def _before_posting(doc: Doc, i: int) -> int:
    """Where the title words end before a posting's place: "UN Special Envoy [for Yemen] Martin
    Griffiths"; `i` itself where none."""
    j = i
    while j >= 0 and (doc[j].ent_type_ in ("GPE", "LOC") or doc[j].lower_ == "the") and "\n" not in doc[j].whitespace_:
        j -= 1
    return j - 1 if j < i and j >= 0 and doc[j].lower_ in ("to", "for") else i


def organisation_ending_at(doc: Doc, last: int, *, one_line: bool = False) -> str | None:
    """The international organisation whose name (up to three words, a leading "the" aside)
    ends at token `last`: "EU" in "EU Statement", "United Nations" in "United Nations Secretary
    General"; with `one_line`, only a name no line break runs through."""
    for size in (3, 2, 1):
        words = doc[max(0, last - size + 1):last + 1]
        if len(words) < size or one_line and any("\n" in t.text or "\n" in t.whitespace_ for t in words):
            continue
        organisation = INTERNATIONAL_ORGS.get(words.text.lower().removeprefix("the "))
        if organisation and not _name_runs_on_before(words):
            return organisation
    return None


def _name_runs_on_before(words: Span) -> bool:
    """Whether a capitalised word on the same line comes right before `words`, of whose longer name
    they are the end: "Council" of "North Atlantic Council statement" is not the Security Council."""
    if words.start == 0:
        return False
    before = words.doc[words.start - 1]
    return before.is_alpha and before.text[:1].isupper() and before.lower_ != "the" and "\n" not in before.whitespace_


def has_official_title(ent: Span) -> bool:
    before = ent.doc[max(0, ent.start - 4):ent.start].text
    return bool(OFFICIAL_TITLE.search(before) or OFFICIAL_TITLE.search(ent.text))


def ents_in(span: Span) -> list[Span]:
    """The named entities inside `span`. `Span.ents` scans the whole Doc each time, which made
    extraction quadratic in the length of a text; the Doc's entities are listed once."""
    ents = document_entities(span.doc)
    first = bisect.bisect_left(entity_starts(span.doc), span.start)
    found = []
    for ent in ents[first:]:
        if ent.start >= span.end:
            break
        if ent.end <= span.end:
            found.append(ent)
    return found


def entity_of(token: Token) -> Span | None:
    """The named entity `token` is part of (an index kept on the Doc: looked up very often)."""
    if not token.ent_type_:
        return None
    return entity_index(token.doc).get(token.i)


def name_ending_in(token: Token) -> Span | None:
    """A person's name the recogniser cut short: "Yoon Suk" [PERSON] "-yeol" -> the whole."""
    if token.pos_ != "PROPN" or token.i == 0:
        return None
    previous = token.doc[token.i - 1]
    if previous.text == "-" and token.i >= 2:
        previous = token.doc[token.i - 2]
    ent = entity_of(previous)
    if ent is None or ent.label_ != "PERSON" or ent.end > token.i:
        return None
    span = token.doc[ent.start:token.i + 1]
    return Span(token.doc, span.start, span.end, label="PERSON")


def group_size(token: Token) -> int:
    """How many parties "the two governments", "both sides", "the three European powers"
    name; 0 for "two RSF commanders", which names its own."""
    words = {c.lower_ for c in children(token)}
    named = any(c.ent_type_ in ("GPE", "ORG") for c in children(token) if c.dep_ in ("compound", "nmod"))
    if named:
        return 0
    if "both" in words:
        return 2
    sizes = [n for w, n in GROUP_SIZES.items() if w in words]
    return sizes[0] if sizes and words & GROUP_DETERMINERS else 0


def bare_group_size(token: Token) -> int:
    """How many parties a number standing alone names: "Both condemned ...", "All three agreed",
    "the two met"; 0 for anything else."""
    if token.lower_ == "both":
        return 2
    if token.pos_ != "NUM" or token.lower_ not in GROUP_SIZES:
        return 0
    definite = any(c.dep_ in ("det", "predet") and c.lower_ in GROUP_DETERMINERS for c in children(token))
    return GROUP_SIZES[token.lower_] if definite else 0


def modifier_text(token: Token) -> str:
    """The words before a noun inside its phrase: "Islamic State" in "Islamic State fighters"."""
    words = [t for t in token.subtree if t.i < token.i and t.dep_ in ("compound", "amod", "nmod", "flat")]
    return " ".join(t.text for t in words)


def unrecognised_name(token: Token) -> bool:
    """A capitalised multi-word proper name in a subject or object slot that the recogniser
    left untagged ("Human Rights Watch")."""
    if token.pos_ != "PROPN" or token.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj"):
        return False
    if any(c.dep_ in ("det", "amod", "nummod") for c in children(token)):
        return False  # "all Member States": a description, not a name
    chain = [t for t in token.subtree if t.i <= token.i and t.dep_ in ("compound", "flat")] + [token]
    return len(chain) >= 2 and all(t.text[:1].isupper() and t.pos_ == "PROPN" and not t.ent_type_ for t in chain)


_TRAILING_POSSESSIVE = re.compile(r"['’]s?$")
_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_POSSESSIVE = re.compile(r"\s+(['’]s?)\b")


def clean_entity_text(ent: Span) -> str:
    text = span_text(ent).strip()
    text = _TRAILING_POSSESSIVE.sub("", text).strip()
    return text


_PHRASE_CUT = ("relcl", "acl", "punct", "appos", "cc", "conj", "advcl", "pcomp")


def noun_phrase_text(token: Token) -> str:
    """The noun phrase of `token` without determiners, relative clauses or trailing punctuation
    (read once per token: the rules and the model's candidates ask again)."""
    return kept_answer(token, "noun_phrase", _noun_phrase_text)


def _noun_phrase_text(token: Token) -> str:
    def is_cut(t: Token) -> bool:
        dep = t.dep_  # read once: spaCy makes the string anew at each asking
        if dep == "punct" and _joins_words(t):
            return False  # "Saudi-led": the hyphen is part of the name
        return (dep in _PHRASE_CUT or (dep == "prep" and (t.lower_ != "of" or _of_a_clause(t)))
                or t.tag_ == "_SP"  # a line break, and a dateline blanked for the parser ("WASHINGTON —")
                or dep == "npadvmod" and t.ent_type_ in ("DATE", "TIME"))  # "The Minister [today]", not "Iran[-backed]"

    # the subtree without the branches that hang from a cut word (walked once: the test per
    # word and its ancestors was quadratic in the phrase)
    words, stack = [token], list(children(token))  # a conjunct heads its own phrase
    while stack:
        t = stack.pop()
        if not is_cut(t):
            words.append(t)
            stack.extend(children(t))
    kept = {t.i for t in words}
    doc = token.doc
    words += [doc[t.i + 1] for t in list(words) if t.dep_ == "punct" and _joins_words(t) and t.i + 1 not in kept]
    words.sort(key=lambda t: t.i)  # ... and a hyphen joins its words even where the parser cut the second off
    words = [t for t in words if not (t.i == words[0].i and t.dep_ == "det")]
    if not words:
        return token.text
    # the words as written (a hyphen or slash joins without spaces), a space across any gap
    text = "".join(t.text + (t.whitespace_ if nxt.i == t.i + 1 else " ")
                   for t, nxt in zip(words, words[1:])) + words[-1].text
    text = _SPACES.sub(" ", text)
    text = _SPACE_BEFORE_POSSESSIVE.sub(r"\1", text)
    return text.strip()


def _of_a_clause(preposition: Token) -> bool:
    """"accused Chinese vessels [of ramming its boats]": an of-phrase with a clause and no noun is
    no part of the name (its clause is cut, and "Chinese vessels of" would be left)."""
    return not any(c.dep_ == "pobj" for c in children(preposition))


def _joins_words(token: Token) -> bool:
    """A hyphen or slash written between two words with no space ("Saudi-led", "al-Haq")."""
    doc = token.doc
    return (token.text in ("-", "/", "–") and not token.whitespace_ and 0 < token.i < len(doc) - 1
            and not doc[token.i - 1].whitespace_)


def between(token: Token, head: Token) -> list[Token]:
    """Ancestors of `token` up to (not including) `head`."""
    chain = []
    current = token
    while current.i != head.i and current.head.i != current.i:
        chain.append(current)
        current = current.head
    return chain


def partners(token: Token) -> list[Token]:
    """The heads that act along with `token`: "the United States, together with the United
    Kingdom and France", "Japan along with Korea", "Britain alongside France", "Like France,
    Germany condemned ..." (a like-phrase opening the clause: in "attack Moldova like Georgia" it
    likens the victims)."""
    markers = list(children(token))
    clause_markers = []
    if token.dep_ in ("nsubj", "nsubjpass"):
        clause_markers = [c for c in children(token.head) if c.dep_ in ("advmod", "prep")]
    heads: list[Token] = []
    for mark in markers + clause_markers:
        word, is_prep = mark.lower_, mark.dep_ == "prep"  # read once: spaCy makes the strings anew at each asking
        if word in PARTNER_ADVERBS or (is_prep and (
                word in PARTNER_PREPOSITIONS or any(c.lower_ in PARTNER_ADVERBS for c in children(mark))
                or (mark in clause_markers and word in PARTNER_CLAUSE_PREPOSITIONS and mark.i < token.i))):
            found = [g for p in ([mark] if is_prep else children(mark))
                     if p.dep_ == "prep" for g in children(p) if g.dep_ == "pobj"]
            heads += [h for p in found for h in (p, *p.conjuncts)]
    return heads


def definite_noun(token: Token) -> bool:
    """"the attack", "this launch", "such strikes": a noun that points back at something named before."""
    return token.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "these", "that", "those", "such") for c in children(token))


#: entities that say when, never whom ("strikes on Saturday")
_TIME_TYPES = frozenset({"DATE", "TIME"})


def says_when(token: Token) -> bool:
    """'on Saturday', 'on February 2nd', 'at 11:42 p.m. GMT': a date or time, not a place the
    recogniser ran into one ('missiles at Kyiv overnight' is tagged a time)."""
    if token.text in TIME_ZONES:  # "(15:42 GMT)", which the recogniser may take for an organisation
        return True
    return token.ent_type_ in _TIME_TYPES and not (city_country(token.text) or country_code(token.text))
