"""Train the document-voice model: which state a statement's "we" stands for.

    .venv/bin/python tools/train_voice.py              # k-fold report, then writes the model
    .venv/bin/python tools/train_voice.py --cv-only    # the report alone
    .venv/bin/python tools/train_voice.py --with-blind # fit the shipped model on all 120 documents

A document's voice in the annotation is the state most often annotated as the agent of events
read in sentences that say "we", "our" or "us" (outside quotation marks). Documents without such
events teach nothing about voice and are left out. Writes kgraph/data/voice_model.json (derived
from the training documents: see train/SOURCES.md). Deterministic.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "evaluation"))
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT))

from split import split  # noqa: E402
from train_argmodel import FOLDS, binary_features, load_corpus, logistic_weights  # noqa: E402

from kgraph import voice  # noqa: E402

DATA = ROOT / "kgraph" / "data"
C = 0.5
THRESHOLDS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]
_WE = re.compile(r"\b(we|our|us)\b", re.I)
_QUOTED = re.compile(r"[“\"][^”\"]*\b(we|our|us)\b[^”\"]*[”\"]", re.I)


def gold_voice(golds: list[dict]) -> str | None:
    """The state most often the agent of annotated events in first-person sentences."""
    counts = Counter(g["agent"]["country"] for g in golds
                     if g["agent"] and g["agent"].get("country") and _WE.search(g["sentence"])
                     and not _QUOTED.search(g["sentence"]))
    if not counts:
        return None
    (top, n), *rest = counts.most_common(2) + [(None, 0)]
    return top if n > rest[0][1] else None


def rows(corpus, gold) -> list[tuple[str, str, list[str], int]]:
    """(document, state, features, is the voice) for documents with an annotated voice."""
    out = []
    for name, doc, _ in corpus:
        wanted = gold_voice(gold.get(name, []))
        if wanted is None:
            continue
        for code, feats in voice.candidate_features(doc).items():  # as `actors` asks: without the header rules
            out.append((name, code, feats, int(code == wanted)))
    return out


def fit(train_rows, threshold: float) -> voice.VoiceModel:
    x, names = binary_features(feats for _, _, feats, _ in train_rows)
    weights, bias = logistic_weights(x, names, [y for *_, y in train_rows], C)
    return voice.VoiceModel(weights, bias, threshold)


def predict(model: voice.VoiceModel, doc_rows) -> str | None:
    scored = [(model.probability(feats), code) for _, code, feats, _ in doc_rows]
    if not scored:
        return None
    best, code = max(scored)
    return code if best >= model.threshold else None


def out_of_fold_models(corpus, gold, threshold: float) -> dict[str, voice.VoiceModel]:
    """For each document, a model fitted on the other folds (for honest cross-validation)."""
    folds = [corpus[k::FOLDS] for k in range(FOLDS)]
    models = {}
    for k in range(FOLDS):
        train = [d for j, f in enumerate(folds) if j != k for d in f]
        model = fit(rows(train, gold), threshold)
        for name, _, _ in folds[k]:
            models[name] = model
    return models


def cross_validate(corpus, gold) -> float:
    """Per-document accuracy of the voice under k-fold; returns the best threshold."""
    labelled = {name: gold_voice(gold.get(name, [])) for name, _, _ in corpus}
    labelled = {n: v for n, v in labelled.items() if v}
    all_rows = rows(corpus, gold)
    by_doc: dict[str, list] = {}
    for r in all_rows:
        by_doc.setdefault(r[0], []).append(r)
    models = out_of_fold_models(corpus, gold, 0.0)
    best = (-1.0, 0.5)
    for threshold in THRESHOLDS:
        right = wrong = none = 0
        for name, wanted in labelled.items():
            m = models[name]
            got = predict(voice.VoiceModel(m.weights, m.bias, threshold), by_doc.get(name, []))
            right += got == wanted
            wrong += got is not None and got != wanted
            none += got is None
        print(f"θ={threshold}: right {right}, wrong {wrong}, none {none} of {len(labelled)} documents")
        score = right - wrong
        if score > best[0]:
            best = (score, threshold)
    unlabelled = [name for name, _, _ in corpus if name not in labelled]
    print(f"{len(unlabelled)} documents without an annotated voice")
    return best[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv-only", action="store_true")
    parser.add_argument("--with-blind", action="store_true")
    args = parser.parse_args()
    corpus, gold = load_corpus(with_blind=args.with_blind)
    _, develop = split()
    shown = [d for d in corpus if d[0] in develop or d[0].startswith("dev_")]
    threshold = cross_validate(shown, gold)
    print("chosen threshold:", threshold)
    if args.cv_only:
        return 0
    model = fit(rows(corpus, gold), threshold)
    (DATA / "voice_model.json").write_text(json.dumps(
        {"threshold": model.threshold, "bias": model.bias, "weights": dict(sorted(model.weights.items()))},
        indent=0, sort_keys=True) + "\n")
    print(f"wrote {DATA / 'voice_model.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
