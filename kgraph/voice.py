"""Whose "we" a document uses: the state a statement, briefing or readout speaks for.

Government and UN texts say "We condemn ...", "We urge all parties ..." without naming their
author in the sentence; the author's state shows in the header ("UK statement at the UN
Security Council", "U.S. Mission to the United Nations"), in the first sentences ("The United
States condemns ...") and in how the text talks about countries. Each state mentioned in the
document is described by a few features of where and how it is mentioned, and a logistic
regression trained on the annotated training documents (`tools/train_voice.py`) scores it as the
document's voice. The weights ship as JSON (`data/voice_model.json`): no learning library is
needed to use them.
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import numpy as np
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from .countries import country_code, demonym_code
from .doccache import document_entities, document_text, span_text
from .actions import ACTIONS
from .names import AMERICAN_SPELLINGS, BRITISH_SPELLINGS, COUNTERPART_PREPOSITIONS, NAME_TITLES, ROLE_WORDS
from .people import person_country
from .sentences import sentence_numbers
from .sentences import sentences as all_sentences

_COUNTRY_LABELS = ("GPE", "NORP", "ORG", "LOC")
_FIRST_PERSON = {"we", "our", "us", "ours"}
_FIRST_PERSON_IDS = frozenset(get_string_id(w) for w in _FIRST_PERSON)
_BRITISH_IDS = frozenset(get_string_id(w) for w in BRITISH_SPELLINGS)
_AMERICAN_IDS = frozenset(get_string_id(w) for w in AMERICAN_SPELLINGS)
_HEADER_CHARS = 500  # a title and a byline fit in this
_HEADER_LINE = re.compile(r"^\s*(statement|remarks|readout|speech|address|transcript|press|joint)\b", re.I)
#: words a state qualifies when it is the one speaking or acting ("U.S. forces", "UK Mission")
_OWN_NOUNS = frozenset({"forces", "troops", "military", "government", "officials", "embassy", "mission",
                        "department", "delegation", "ambassador", "statement", "president", "secretary",
                        "minister", "ministry", "administration", "representative", "personnel", "navy"})


@dataclass(frozen=True)
class VoiceModel:
    """Feature weights, a bias, and the probability below which a document has no voice."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, features: list[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def shipped_model() -> VoiceModel | None:
    path = resources.files("kgraph").joinpath("data/voice_model.json")
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return VoiceModel(data["weights"], data["bias"], data["threshold"])


_override: list[VoiceModel | None] = []


def use_model(model: VoiceModel | None) -> None:
    """Use `model` instead of the shipped one (training and cross-validation); None restores it."""
    _override.clear()
    if model is not None:
        _override.append(model)


def _mention_code(ent: Span) -> str | None:
    text = span_text(ent).strip()  # cut from the text: `Span.text` makes every Token anew
    if ent.label_ == "ORG":  # "UK Mission to the UN", "the U.S. Department of State": its first word
        first = ent[1] if ent[0].lower_ == "the" and len(ent) > 1 else ent[0]
        return demonym_code(first.text) or country_code(first.text)
    return demonym_code(text) or country_code(text)


def _line(text: str, at: int) -> str:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return text[start:end if end >= 0 else len(text)].strip()


def _in_header(text: str, at: int) -> bool:
    """Whether the line at `at` is a title or byline: "Statement by ...", or short and unpunctuated."""
    line = _line(text, at)
    return bool(_HEADER_LINE.match(line)) or (len(line) <= 150 and not line.endswith((".", "”", '"')))


def _bucket(value: float, edges: tuple[float, ...], name: str) -> str:
    for edge in edges:
        if value <= edge:
            return f"{name}<={edge:g}"
    return f"{name}>{edges[-1]:g}"


@dataclass(frozen=True)
class _DocumentFacts:
    """What every mention's features read from the document, read once: its text, first line and sentences."""

    text: str
    first_line_end: int
    sentence_of: np.ndarray
    first_person_sents: frozenset[int]
    opening: frozenset[int]
    spelling: str  # "british", "american" or "either": which English the text is spelt in


@dataclass
class _Tally:
    """Per state, how often it is mentioned, as a subject, with an own noun and in sentences saying "we"."""

    counts: Counter[str] = field(default_factory=Counter)
    as_subject: Counter[str] = field(default_factory=Counter)
    with_own_noun: Counter[str] = field(default_factory=Counter)
    in_we_sentences: Counter[str] = field(default_factory=Counter)
    met: Counter[str] = field(default_factory=Counter)  # qualifying the person a readout's opening met


def _state_mentions(doc: Doc) -> list[tuple[Span, str]]:
    """The document's mentions of states, with each one's code, in the order of the text."""
    return [(ent, code) for ent in document_entities(doc) if ent.label_ in _COUNTRY_LABELS for code in [_mention_code(ent)] if code]


def _header_officials(doc: Doc) -> set[str]:
    """The states of office holders in the title or byline ("Press Briefing by ... Spokesman John Kirby")."""
    text = document_text(doc)
    return {code for ent in document_entities(doc) if ent.label_ == "PERSON" and ent.start_char < _HEADER_CHARS
            and _in_header(text, ent.start_char) for code in [person_country(ent.text)] if code}


def _document_facts(doc: Doc) -> _DocumentFacts:
    """Where the first line ends, which sentences say "we" and which open the prose."""
    text = document_text(doc)
    first_line_end = text.find("\n", len(text) - len(text.lstrip()))
    sentence_of = sentence_numbers(doc)
    # the sentences saying "we", from an array's ints: a walk over every token's Python object cost
    # more than the rest of the voice together, and `np.isin` more than a set's look-up on a text's few hundred words
    lower = doc.to_array("LOWER").tolist()
    first_person_sents = frozenset(int(sentence_of[i]) for i, word in enumerate(lower) if word in _FIRST_PERSON_IDS)
    prose = [n for n, s in enumerate(all_sentences(doc)) if span_text(s).rstrip().endswith((".", "”", '"'))]
    return _DocumentFacts(text, len(text) if first_line_end < 0 else first_line_end, sentence_of,
                          first_person_sents, frozenset(prose[:3]), _spelling(lower))


def _spelling(lower: list[int]) -> str:
    """Whether the text spells "defence", "recognise" the British way or "defense",
    "recognize" the American: a British government's readout never says "defense". Counted
    over the words' lower-case forms as the array's ints (a regular expression over the text
    cost as much as the rest of the document's facts; `np.isin`, twice the rest of this one)."""
    british = sum(1 for word in lower if word in _BRITISH_IDS)
    american = sum(1 for word in lower if word in _AMERICAN_IDS)
    return "british" if british > american else "american" if american > british else "either"


def _placement_features(ent: Span, facts: _DocumentFacts) -> set[str]:
    """Where a mention sits: authors name themselves in the first line and the header, next to their role."""
    found = {"first_line"} if ent.end_char <= facts.first_line_end else set()
    if ent.start_char < _HEADER_CHARS and _in_header(facts.text, ent.start_char):
        found.add("header")
        if any(w.lower() in ROLE_WORDS for w in re.findall(r"[A-Za-z]+", _line(facts.text, ent.start_char))):
            found.add("header_role")
    return found


def _is_subject(root: Token) -> bool:
    """Whether a mention is a clause's subject or qualifies one ("The United States", "U.S. forces")."""
    return root.dep_ in ("nsubj", "nsubjpass") or (root.dep_ in ("compound", "amod", "poss")
                                                   and root.head.dep_ in ("nsubj", "nsubjpass"))


def _usage_features(ent: Span, sentence: int, facts: _DocumentFacts) -> set[str]:
    """How a mention is used: the author acts as subject, early on, through its own bodies ("UK Mission")."""
    root = ent.root
    found = set()
    if _is_subject(root):
        found.add("subject")
        if sentence in facts.opening:
            found.add("opening_subject")
    if root.dep_ in ("compound", "amod", "poss", "nmod") and root.head.lower_ in _OWN_NOUNS:
        found.add("own_noun")
    if ent.label_ == "NORP":
        found.add("adjective")
    if sentence in facts.opening and _qualifies_counterpart(root):  # a readout's first lines say whom it met
        found.add("counterpart")
    return found


def _qualifies_counterpart(root: Token) -> bool:
    """"The Prime Minister spoke with Ukrainian President Zelenskyy", "met Polish President
    Duda": the state of the one met, which a readout's author is not ("a briefing with U.S.
    Ambassador ..." names the speaker: a with-phrase counts on a verb only)."""
    head = root
    for _ in range(3):
        if head.dep_ not in ("compound", "amod", "nmod", "poss", "flat"):
            break
        head = head.head
    if head is root or not (head.ent_type_ == "PERSON" or head.lemma_.lower() in NAME_TITLES | ROLE_WORDS):
        return False  # "met with American troops in Poland": the author's own, not someone met
    return ((head.dep_ == "pobj" and head.head.lower_ in COUNTERPART_PREPOSITIONS and head.head.head.pos_ == "VERB")
            or (head.dep_ == "dobj" and head.head.lemma_.lower() in ACTIONS["consult"].verbs))


def _mention_features(mentions: list[tuple[Span, str]], facts: _DocumentFacts) -> tuple[dict[str, set[str]], _Tally]:
    """Each mentioned state's mention features, in the order first mentioned, and the tally the counts read."""
    feats: dict[str, set[str]] = {}
    tally = _Tally()
    for ent, code in mentions:
        sentence = int(facts.sentence_of[ent.start])
        found = _placement_features(ent, facts) | _usage_features(ent, sentence, facts)
        feats.setdefault(code, set()).update(found)
        tally.counts[code] += 1
        tally.as_subject[code] += "subject" in found
        tally.with_own_noun[code] += "own_noun" in found
        tally.in_we_sentences[code] += sentence in facts.first_person_sents
        tally.met[code] += "counterpart" in found
    return feats, tally


def _add_unmentioned(feats: dict[str, set[str]], officials: set[str]) -> None:
    """The header's states, named there only by an official, join after the mentioned."""
    for code in sorted(officials - set(feats)):
        feats[code] = {"not_mentioned"}
    for code in officials:
        feats[code].add("header_official")


def _count_features(code: str, rank: int, tally: _Tally, facts: _DocumentFacts) -> set[str]:
    """How much a state is talked about, against the others: the author's rank, share and first-person company."""
    total = sum(tally.counts.values()) or 1
    subjects = sum(tally.as_subject.values()) or 1
    return {"rank=" + (str(rank + 1) if rank < 3 else "4+"),
            _bucket(tally.counts[code] / total, (0.1, 0.25, 0.5), "share"),
            _bucket(tally.counts[code], (1, 3, 7), "count"),
            _bucket(tally.as_subject[code] / subjects, (0.0, 0.25, 0.5), "subject_share"),
            _bucket(tally.in_we_sentences[code], (0, 1, 3), "in_we_sentences"),
            _bucket(tally.with_own_noun[code], (0, 1, 3), "own_nouns"),
            "first_person_doc" if facts.first_person_sents else "no_first_person",
            *(["met_never_subject"] if tally.met[code] and not tally.as_subject[code] else []),
            "state=" + code,  # who writes such texts: a prior learned from them
            f"spelling={facts.spelling}|state={code}"}


def candidate_features(doc: Doc) -> dict[str, list[str]]:
    """For each state mentioned in `doc`, the features of its mentions. The model is asked only
    where the header rules (`speakers.document_speaker`) name no author, so it is trained, too,
    on what the text alone says."""
    mentions = _state_mentions(doc)
    officials = _header_officials(doc)
    if not (mentions or officials) or not doc.has_annotation("SENT_START"):
        return {}
    facts = _document_facts(doc)
    feats, tally = _mention_features(mentions, facts)
    _add_unmentioned(feats, officials)
    return {code: sorted(found | _count_features(code, rank, tally, facts))
            for rank, (code, found) in enumerate(feats.items())}


def document_voice(doc: Doc) -> str | None:
    """The state the document speaks for, when the model is sure enough; else None. A text
    need not say "we" to have an author: a readout's "the Secretary" is the author's too, and
    cross-validation scored the voice higher when every document had one (0.439 against 0.410
    when only first-person texts did)."""
    model = _override[0] if _override else shipped_model()
    if model is None:
        return None
    # the state of the one met, never the clause's subject, is no author: a hard rule, as the
    # training texts show it too rarely for the model to learn it (a UK readout "The Prime
    # Minister spoke with Ukrainian President Zelenskyy" was read as Ukraine's)
    scored = [(model.probability(f), code) for code, f in candidate_features(doc).items()
              if "met_never_subject" not in f]
    if not scored:
        return None
    best, code = max(scored)
    return code if best >= model.threshold else None
