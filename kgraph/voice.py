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
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from .countries import country_code, demonym_code
from .names import ROLE_WORDS
from .people import person_country
from .sentences import sentence_numbers
from .sentences import sentences as all_sentences

_COUNTRY_LABELS = ("GPE", "NORP", "ORG", "LOC")
_FIRST_PERSON = {"we", "our", "us", "ours"}
_FIRST_PERSON_IDS = np.array([get_string_id(w) for w in sorted(_FIRST_PERSON)], dtype=np.uint64)
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
    text = ent.text.strip()
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


def candidate_features(doc: Doc, header_state: str | None = None) -> dict[str, list[str]]:
    """For each state mentioned in `doc`, the features of its mentions. `header_state` is the
    state the header rules read for the author (`actors.DocumentActors`), if any."""
    mentions = [(ent, code) for ent in doc.ents if ent.label_ in _COUNTRY_LABELS
                for code in [_mention_code(ent)] if code]
    text = doc.text
    # office holders in the title or byline ("Press Briefing by ... Spokesman John Kirby")
    officials = {code for ent in doc.ents if ent.label_ == "PERSON" and ent.start_char < _HEADER_CHARS
                 and _in_header(text, ent.start_char) for code in [person_country(ent.text)] if code}
    unmentioned = officials | ({header_state} if header_state else set())
    if not (mentions or unmentioned) or not doc.has_annotation("SENT_START"):
        return {}
    first_line_end = text.find("\n", len(text) - len(text.lstrip()))
    first_line_end = len(text) if first_line_end < 0 else first_line_end
    sentences = all_sentences(doc)
    sentence_of = sentence_numbers(doc)
    # the sentences saying "we", from an array: a walk over every token's Python object cost
    # more than the rest of the voice together
    first_person_sents = set(sentence_of[np.isin(doc.to_array("LOWER"), _FIRST_PERSON_IDS)].tolist())
    prose = [n for n, s in enumerate(sentences) if s.text.rstrip().endswith((".", "”", '"'))]
    opening = set(prose[:3])

    order: list[str] = []
    counts, as_subject, with_own_noun, in_we_sentences = Counter(), Counter(), Counter(), Counter()
    feats: dict[str, set[str]] = {}
    for ent, code in mentions:
        if code not in feats:
            order.append(code)
            feats[code] = set()
        counts[code] += 1
        f = feats[code]
        root = ent.root
        n = int(sentence_of[ent.start])
        if ent.end_char <= first_line_end:
            f.add("first_line")
        if ent.start_char < _HEADER_CHARS and _in_header(text, ent.start_char):
            f.add("header")
            if any(w.lower() in ROLE_WORDS for w in re.findall(r"[A-Za-z]+", _line(text, ent.start_char))):
                f.add("header_role")
        if root.dep_ in ("nsubj", "nsubjpass") or (root.dep_ in ("compound", "amod", "poss")
                                                   and root.head.dep_ in ("nsubj", "nsubjpass")):
            f.add("subject")
            if n in opening:
                f.add("opening_subject")
            as_subject[code] += 1
        if root.dep_ in ("compound", "amod", "poss", "nmod") and root.head.lower_ in _OWN_NOUNS:
            f.add("own_noun")
            with_own_noun[code] += 1
        if n in first_person_sents:
            in_we_sentences[code] += 1
        if ent.label_ == "NORP":
            f.add("adjective")
    for code in sorted(unmentioned - set(feats)):
        order.append(code)
        feats[code] = {"not_mentioned"}
    for code in officials:
        feats[code].add("header_official")
    if header_state:
        feats[header_state].add("header_rules")
    total = sum(counts.values()) or 1
    subjects = sum(as_subject.values()) or 1
    result: dict[str, list[str]] = {}
    for rank, code in enumerate(order):
        f = feats[code]
        f.add("rank=" + (str(rank + 1) if rank < 3 else "4+"))
        f.add(_bucket(counts[code] / total, (0.1, 0.25, 0.5), "share"))
        f.add(_bucket(counts[code], (1, 3, 7), "count"))
        f.add(_bucket(as_subject[code] / subjects, (0.0, 0.25, 0.5), "subject_share"))
        f.add(_bucket(in_we_sentences[code], (0, 1, 3), "in_we_sentences"))
        f.add(_bucket(with_own_noun[code], (0, 1, 3), "own_nouns"))
        f.add("first_person_doc" if first_person_sents else "no_first_person")
        f.add("state=" + code)  # who writes such texts: a prior learned from them
        result[code] = sorted(f)
    return result


def document_voice(doc: Doc, header_state: str | None = None) -> str | None:
    """The state the document speaks for, when the model is sure enough; else None. A text
    need not say "we" to have an author: a readout's "the Secretary" is the author's too, and
    cross-validation scored the voice higher when every document had one (0.439 against 0.410
    when only first-person texts did)."""
    model = _override[0] if _override else shipped_model()
    if model is None:
        return None
    scored = [(model.probability(f), code) for code, f in candidate_features(doc, header_state).items()]
    if not scored:
        return None
    best, code = max(scored)
    return code if best >= model.threshold else None
