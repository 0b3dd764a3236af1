"""How likely a sentence is to report an event of each action, read from all its words.

The argument model (`argmodel.py`) sees a trigger word and the actors around it; whether the
sentence as a whole speaks of an attack, a sanction or a meeting shows in its other words too
("launched ... against", "designated ... under the regime"). One logistic regression per action,
over the lemmas of a sentence's content words and its prepositions, is trained on the annotated
sentences by `tools/train_argmodel.py`; its probability, in buckets, is a feature of every
question the argument model asks about the sentence. The weights ship in
`data/sentence_model.json`.
"""
from __future__ import annotations

import itertools
import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

from .doccache import sentence_answers, tokens
from .sentences import sentence_numbers, sentences

_KEPT_POS = ("NOUN", "VERB", "ADJ", "PROPN", "ADV")
_SERIALS = itertools.count()


@dataclass(frozen=True)
class SentenceModel:
    """Per action, feature weights and a bias."""

    weights: dict[str, dict[str, float]]
    bias: dict[str, float]
    #: tells models apart in what a Doc keeps of their answers (ids of freed models recur)
    serial: int = field(default_factory=lambda: next(_SERIALS), compare=False)

    def probability(self, features: frozenset[str], action: str) -> float:
        weights = self.weights.get(action)
        if weights is None:
            return 0.0
        z = self.bias[action] + sum(weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> dict:
        return {"weights": self.weights, "bias": self.bias}


def sentence_words(sent: Span) -> frozenset[str]:
    """The features of a sentence: its content words' lemmas and its prepositions."""
    found = set()
    for token in tokens(sent.doc)[sent.start:sent.end]:
        if token.is_alpha and not token.is_stop and token.pos_ in _KEPT_POS:
            found.add(token.lemma_.lower())
        elif token.pos_ == "ADP":
            found.add("prep:" + token.lower_)
    return frozenset(found)


@lru_cache(maxsize=1)
def _shipped() -> SentenceModel | None:
    path = resources.files("kgraph").joinpath("data/sentence_model.json")
    if not path.is_file():
        return None
    found = json.loads(path.read_text(encoding="utf-8"))
    return SentenceModel(found["weights"], found["bias"])


_override: list[SentenceModel | None] = []


def use_model(model: SentenceModel | None) -> None:
    """Read with `model` instead of the shipped one (training and cross-validation); None restores it."""
    _override.clear()
    if model is not None:
        _override.append(model)


def current_model() -> SentenceModel | None:
    return _override[0] if _override else _shipped()


def sentence_probability(token: Token, action: str) -> float | None:
    """The probability that the sentence of `token` reports an event of `action`; None without a model."""
    model = current_model()
    if model is None:
        return None
    doc = token.doc
    answers = sentence_answers(doc)
    if "numbers" not in answers:
        answers["numbers"], answers["sentences"] = sentence_numbers(doc), sentences(doc)
    sentence = int(answers["numbers"][token.i])
    key = (sentence, model.serial, action)
    if key not in answers:
        words = answers.get((sentence, "words"))
        if words is None:
            words = answers[(sentence, "words")] = sentence_words(answers["sentences"][sentence])
        answers[key] = model.probability(words, action)
    return answers[key]
