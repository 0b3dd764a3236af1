"""Train the argument model and the trigger lexicon on the annotated training documents.

    .venv/bin/pip install -e '.[train]'
    .venv/bin/python tools/train_argmodel.py            # k-fold report, then writes the model
    .venv/bin/python tools/train_argmodel.py --cv-only  # the report alone
    .venv/bin/python tools/train_argmodel.py --with-blind  # ship a model fitted on all 120

Reads ../shared/eval/train (all but the blind split of evaluation/split.py) and ../shared/eval/dev,
parses them with kgraph's own reading path, and writes kgraph/data/trigger_lexicon.json and
kgraph/data/argument_model.json (derived from those documents: see train/SOURCES.md for their
attribution). Deterministic: the same documents give the same files.

Labels come from the gold events of the trigger's own sentence: a candidate is an agent of a
trigger's action when a gold line of that action in that sentence has that agent (and likewise
for targets). Gold lists each (action, agent, target) once per document, at its first sentence,
so a later repeat is taught as a negative; labelling by the whole document instead (as the
scorer compares) taught every trigger of an action the roles of all the others and scored
0.449 in cross-validation against 0.461, and counting earlier sentences' lines too (repeats
as positives) 0.468 against 0.474.
"""
from __future__ import annotations

import argparse
import bisect
import itertools
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "evaluation"))
sys.path.insert(0, str(ROOT))

from split import split  # noqa: E402

from kgraph import argmodel, sentmodel, voice  # noqa: E402
from kgraph.acronyms import defined_acronyms  # noqa: E402
from kgraph.actions import ACTIONS  # noqa: E402
from kgraph.casing import text_for_parser, with_original_text  # noqa: E402
from kgraph.extract import extract_events  # noqa: E402
from kgraph.labels import tidy_actor  # noqa: E402
from kgraph.learned import allowed_probabilities, decide, learned_roles_allowed  # noqa: E402
from kgraph.lexicon import ADJECTIVE_TRIGGERS, NOUN_TRIGGERS, VERB_TRIGGERS  # noqa: E402
from kgraph.nlp import load_pipeline  # noqa: E402
from kgraph.sentences import sentences  # noqa: E402
from kgraph.sentmodel import SentenceModel, sentence_words  # noqa: E402
from kgraph.sources import read_articles  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
DATA = ROOT / "kgraph" / "data"
FOLDS = 5
# inverse regularisation strength. Cross-validated (union F1, neighbourhood mean) on 2026-11-30:
# 1.0 -> 0.593 (0.591), 0.3 -> 0.597 (0.594), 0.2 -> 0.597 (0.595), 0.1 -> 0.598 (0.595). The middle
# of the plateau, and the stronger regularisation, which holds better on text unlike the training
C = 0.2
MIN_GOLD_COUNT = 1  # an annotated trigger lemma joins the lexicon when seen this often (CV: 2 -> 0.465, 1 -> 0.472)
USE_CAMEO_VERBS = True
USE_SENTENCE_MODEL = True  # the sentence's words as a feature (kgraph/sentmodel.py)
# CV union F1 (neighbourhood mean) on 2026-11-30: 0.3 0.599 (0.595), 1.0 0.597 (0.595), 3.0 0.591 (0.592)
SENTENCE_C = 1.0
# an annotated lemma also needs this share of the word's uses annotated: "make", "use", "order",
# "mission" are in many sentences, rarely triggers. CV union F1 on 2026-11-30 (C 0.2): 0.05 0.596,
# 0.1 0.597, 0.15 0.600, 0.2 0.599, 0.25 0.595. 0.15 scored best within the noise, but took the
# dev set (in the training data) from 0.805 to 0.800, at issue 9's floor: kept at 0.1
MIN_TRIGGER_RATE = 0.1
MIN_EVIDENCE = 3  # uses in the training text that can speak against a dictionary verb
THRESHOLDS = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6]
MAX_ROLES = [1, 2, 99]  # at most this many agents (targets) per trigger


def load_corpus(with_blind: bool = False, extra: list[tuple[str, str]] = ()) -> tuple[
        list[tuple[str, object, object]], dict[str, list[dict]]]:
    """[(doc name, Doc, Article)] for dev and the non-blind training documents (with the blind
    ones last when `with_blind`), then the documents of each `extra` (folder, gold file) pair
    that its gold annotates, and gold."""
    blind, develop = split()
    files = [str(EVAL / "train" / "docs" / n) for n in develop + (blind if with_blind else [])]
    files += sorted(str(p) for p in (EVAL / "dev" / "docs").glob("*.txt"))
    gold: dict[str, list[dict]] = defaultdict(list)
    for folder, gold_file in extra:
        annotated = {json.loads(line)["doc"] for line in open(gold_file, encoding="utf-8") if line.strip()}
        taken = {Path(f).name for f in files}
        added = sorted(p for p in Path(folder).iterdir() if p.name in annotated)
        clash = [p.name for p in added if p.name in taken]
        if clash:  # gold is keyed by file name: the two documents' lines would merge
            raise SystemExit(f"{folder}: {', '.join(clash[:3])} already name other documents; rename them")
        files += [str(p) for p in added]
    for path in (EVAL / "train" / "train.gold.jsonl", EVAL / "dev" / "dev.gold.jsonl", *(g for _, g in extra)):
        for line in open(path, encoding="utf-8"):
            if line.strip():
                g = json.loads(line)
                gold[g["doc"]].append(g)
    nlp = load_pipeline()
    articles = list(read_articles(files, lambda m: print("skipped:", m, file=sys.stderr)))
    docs = nlp.pipe(((text_for_parser(a.text), a) for a in articles), as_tuples=True)
    corpus = [(Path(a.source).name, with_original_text(d, a.text), a) for d, a in docs]
    return corpus, gold


def gold_key(actor: dict | None) -> str | None:
    return None if not actor else (actor["country"] or actor["name"].strip().lower())


def trigger_lemmas(corpus, gold) -> Counter:
    """(lemma, action) counts of the annotated triggers' head words."""
    counts: Counter = Counter()
    for name, doc, _ in corpus:
        for g in gold.get(name, []):
            start = doc.text.find(g["sentence"])
            if start < 0:
                continue
            at = doc.text.lower().find(g["trigger"].lower(), start, start + len(g["sentence"]))
            span = doc.char_span(at, at + len(g["trigger"]), alignment_mode="expand") if at >= 0 else None
            if span is None:
                continue
            head = span.root if span.root.pos_ in ("VERB", "NOUN", "ADJ") else next(
                (t for t in span if t.pos_ in ("VERB", "NOUN", "ADJ")), span.root)
            counts[(head.lemma_.lower(), g["action"])] += 1
    return counts


def make_lexicon(corpus, gold) -> dict:
    """The rules' trigger words, PETRARCH2's verbs and the annotated trigger lemmas. A
    dictionary verb stays unless the training text speaks against it: used MIN_EVIDENCE times
    or more, with under MIN_TRIGGER_RATE of its uses annotated; an annotated lemma joins when
    seen MIN_GOLD_COUNT times, in at least MIN_TRIGGER_RATE of its uses."""
    lemmas: dict[str, dict[str, int]] = defaultdict(dict)
    for table in (VERB_TRIGGERS, NOUN_TRIGGERS, ADJECTIVE_TRIGGERS):
        for lemma, action in table.items():
            lemmas[lemma][action] = lemmas[lemma].get(action, 0)
    seen = Counter(t.lemma_.lower() for _, doc, _ in corpus for t in doc)
    annotated = trigger_lemmas(corpus, gold)
    uses_annotated = Counter()
    for (lemma, _), n in annotated.items():
        uses_annotated[lemma] += n
    if USE_CAMEO_VERBS:  # PETRARCH2's verbs that are triggers on their own (data/cameo_triggers.json)
        cameo = json.loads((DATA / "cameo_triggers.json").read_text(encoding="utf-8"))["triggers"]
        for action, entries in cameo.items():
            for e in entries:
                verb = e["verb"]
                if set(e) <= {"phrase", "verb", "cameo", "cameo_source"} and (
                        seen[verb] < MIN_EVIDENCE or uses_annotated[verb] / seen[verb] >= MIN_TRIGGER_RATE):
                    lemmas[verb].setdefault(action, 0)
    for (lemma, action), n in annotated.items():
        # a word annotators took for a trigger often enough, and in enough of its uses ("say"
        # was twice an accusation, in hundreds of sentences)
        if (n >= MIN_GOLD_COUNT and n / seen[lemma] >= MIN_TRIGGER_RATE) or lemma in lemmas:
            lemmas[lemma][action] = lemmas[lemma].get(action, 0) + n
    per_action, untargeted = Counter(), Counter()
    for name, _, _ in corpus:
        for g in gold.get(name, []):
            per_action[g["action"]] += 1
            untargeted[g["action"]] += g["target"] is None
    return {"lemmas": {k: dict(sorted(v.items())) for k, v in sorted(lemmas.items())},
            "untargeted": sorted(a for a in per_action if untargeted[a] / per_action[a] >= 0.3)}


def sentence_rows(corpus, gold) -> list[tuple[frozenset[str], set[str]]]:
    """(the sentence's words, the actions annotated in it) of every sentence of the documents."""
    out = []
    for name, doc, _ in corpus:
        sents = sentences(doc)
        starts = [s.start_char for s in sents]
        actions: list[set[str]] = [set() for _ in sents]
        for g in gold.get(name, []):
            at = doc.text.find(g["sentence"])
            if at >= 0:
                actions[max(0, bisect.bisect_right(starts, at) - 1)].add(g["action"])
        out += [(sentence_words(s), a) for s, a in zip(sents, actions)]
    return out


def fit_sentence_model(corpus, gold) -> SentenceModel:
    """One logistic regression per action over the sentences' words (`kgraph/sentmodel.py`)."""
    rows = sentence_rows(corpus, gold)
    x, names = binary_features(words for words, _ in rows)
    weights, bias = {}, {}
    for action in ACTIONS:
        y = [int(action in acts) for _, acts in rows]
        if sum(y) >= 2:
            weights[action], bias[action] = logistic_weights(x, names, y, SENTENCE_C)
    return SentenceModel(weights, bias)


def out_of_fold_sentence_models(corpus, gold) -> dict[str, SentenceModel]:
    """For each document, a sentence model fitted without it (its fold), so that the argument
    model learns how much to trust the sentence model on text it has not seen."""
    folds = [corpus[k::FOLDS] for k in range(FOLDS)]
    models = {}
    for k in range(FOLDS):
        model = fit_sentence_model([d for j, f in enumerate(folds) if j != k for d in f], gold)
        models.update({name: model for name, _, _ in folds[k]})
    return models


def questions(corpus, lexicon, voices=None, sentence_models=None) -> list[tuple[str, int, str, list]]:
    argmodel.use_lexicon(lexicon)
    rows: list = []
    for name, doc, article in corpus:
        _use_voice(voices, name)
        if sentence_models is not None:
            sentmodel.use_model(sentence_models[name])
        collected: list = []
        extract_events(doc, article, method="union", collect=collected)
        acronyms = defined_acronyms(article.text)
        rows += [(name, doc[i].idx, action, [(frozenset(_output_key(a, acronyms) for a in c.actors), c.features,
                                                c.group, allowed)
                                               for c, allowed in zip(cands, learned_roles_allowed(doc[i], action, cands))],
                  asked)
                 for (_, i, action, cands, asked) in collected]
    return rows


def _output_key(actor, acronyms: dict[str, str]) -> str:
    """The key the scorer will read for a candidate, under the label extraction writes."""
    return argmodel.actor_key(tidy_actor(actor, acronyms))


def sentence_spans(corpus, gold) -> dict[str, list[tuple[int, int, dict]]]:
    """(start, end, gold line) of each document's gold lines, by where their sentence is."""
    spans: dict[str, list[tuple[int, int, dict]]] = {}
    for name, doc, _ in corpus:
        for g in gold.get(name, []):
            start = doc.text.find(g["sentence"])
            spans.setdefault(name, []).append((start, start + len(g["sentence"]), g) if start >= 0 else (-1, -1, g))
    return spans


def labelled(rows, spans) -> tuple[list[list[str]], list[int], list[int]]:
    """Features and (agent, target) labels of each question. A candidate is an agent (target)
    when a gold line of the trigger's action in the trigger's own sentence names it so (a gold
    line whose sentence is not found in the text counts anywhere in its document)."""
    feats, agent_y, target_y = [], [], []
    for name, at, action, cands, _ in rows:
        lines = [g for start, end, g in spans.get(name, [])
                 if g["action"] == action and (start <= at < end or start < 0)]
        agents = {gold_key(g["agent"]) for g in lines}
        targets = {gold_key(g["target"]) for g in lines}
        if action == "cooperate":
            agents = targets = agents | targets
        for cand_keys, f, _, _ in cands:
            feats.append(f)
            if not cand_keys:  # "no target"
                agent_y.append(0)
                target_y.append(int(None in targets))
                continue
            agent_y.append(int(bool(cand_keys & agents)))
            target_y.append(int(bool(cand_keys & targets)))
    return feats, agent_y, target_y


def binary_features(feature_sets) -> tuple[object, list[str]]:
    """The rows' binary features as a sparse matrix liblinear takes, and the features' names."""
    from sklearn.feature_extraction import DictVectorizer

    vec = DictVectorizer()
    x = vec.fit_transform([{f: 1 for f in fs} for fs in feature_sets]).tocsr()
    x.indices, x.indptr = x.indices.astype("int32"), x.indptr.astype("int32")  # liblinear's
    return x, [str(n) for n in vec.get_feature_names_out()]


def logistic_weights(x, names: list[str], y: list[int], c: float) -> tuple[dict[str, float], float]:
    """One logistic regression's weights by feature (the negligible left out) and its bias, rounded
    so that the shipped JSON stays small and the same from run to run."""
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=c, max_iter=2000, solver="liblinear")
    clf.fit(x, y)
    weights = {n: round(float(w), 3) for n, w in zip(names, clf.coef_[0]) if abs(w) >= 0.01}
    return weights, round(float(clf.intercept_[0]), 4)


def fit(feats, agent_y, target_y, thresholds: dict[str, float]) -> argmodel.LinearModel:
    x, names = binary_features(feats)
    weights, bias = {}, {}
    for role, y in (("agent", agent_y), ("target", target_y)):
        weights[role], bias[role] = logistic_weights(x, names, y, C)
    return argmodel.LinearModel(weights=weights, bias=bias, thresholds=thresholds)


def rule_keys(corpus, voices=None) -> dict[str, set]:
    """Each document's strict keys from the rules alone."""
    found = {}
    for name, doc, article in corpus:
        _use_voice(voices, name)
        found[name] = {_key(e.action, argmodel.actor_key(e.agent) if e.agent else None,
                            argmodel.actor_key(e.target) if e.target else None)
                       for e in extract_events(doc, article, method="rules").events}
    return found


def _use_voice(voices, name: str) -> None:
    """Read `name` with the voice model fitted without its fold (cross-validation), if given."""
    if voices is not None:
        voice.use_model(voices[name])


def scored_questions(rows, model: argmodel.LinearModel) -> list[tuple[str, str, list, bool]]:
    """Each question's candidates with their agent and target probabilities, as extraction
    computes them (they do not depend on the thresholds, so the grid reuses them), and whether
    a build with the rules asks it."""
    return [(name, action, [(sorted(keys), *allowed_probabilities(model.probabilities(f), allowed), group)
                            for keys, f, group, allowed in cands], asked)
            for name, _, action, cands, asked in rows]


def model_keys(scored, thresholds: dict[str, float]) -> dict[str, set]:
    """Each document's strict keys from the model's decisions on its scored questions."""
    found: dict[str, set] = defaultdict(set)
    for name, action, candidates, _ in scored:
        for agent, _, target, _ in decide(action, candidates, thresholds, lambda k: k):
            found[name].add(_key(action, agent, target))
    return found


def score(names, gold, predicted: dict[str, set], action: str | None = None) -> tuple[int, int, int]:
    """(true positives, predicted, gold) of strict keys, as the scorer counts them (of one
    action's events only, when given)."""
    tp = npred = ngold = 0
    for name in names:
        pred = {k for k in predicted.get(name, set()) if action is None or k[0] == action}
        ref = _gold_keys(gold, name, action)
        tp += len(pred & ref)
        npred += len(pred)
        ngold += len(ref)
    return tp, npred, ngold


_GOLD_KEYS: dict[tuple[int, str, str | None], set] = {}


def _gold_keys(gold, name: str, action: str | None) -> set:
    """The strict keys of a document's gold lines (of one action's, when given); every cell of
    the threshold grid asks for them, so they are read once."""
    at = (id(gold), name, action)
    if at not in _GOLD_KEYS:
        _GOLD_KEYS[at] = {_key(g["action"], gold_key(g["agent"]), gold_key(g["target"])) for g in gold.get(name, [])
                          if action is None or g["action"] == action}
    return _GOLD_KEYS[at]


def _key(action, agent, target):
    if action == "cooperate":
        agent, target = sorted([agent, target], key=lambda x: (x is None, str(x)))
    return action, agent, target


def level_scores(names, gold, predicted: dict[str, set]) -> list[tuple[int, int, int]]:
    """(true positives, predicted, gold) at the scorer's three levels the issue's goals name:
    strict keys, (action, agent) pairs and actions, per document."""
    found = []
    for cut in (3, 2, 1):
        tp = npred = ngold = 0
        for name in names:
            pred = {k[:cut] for k in predicted.get(name, set())}
            ref = {k[:cut] for k in _gold_keys(gold, name, None)}
            tp, npred, ngold = tp + len(pred & ref), npred + len(pred), ngold + len(ref)
        found.append((tp, npred, ngold))
    return found


def f1(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def cross_validate(corpus, gold, voices=None, extra=()) -> dict[str, float]:
    """k-fold over documents: thresholds chosen on the pooled out-of-fold predictions. The
    `extra` documents join every fold's training and are never scored."""
    folds = [corpus[k::FOLDS] for k in range(FOLDS)]
    totals: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0])
    levels: dict[tuple, list[list[int]]] = defaultdict(lambda: [[0, 0, 0] for _ in range(3)])
    per_doc: dict[tuple, dict[str, tuple[int, int, int]]] = defaultdict(dict)
    per_action: dict[tuple, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
    for k in range(FOLDS):
        train = [d for j, f in enumerate(folds) if j != k for d in f] + list(extra)
        names = [name for name, _, _ in folds[k]]
        lexicon = make_lexicon(train, gold)
        inner = out_of_fold_sentence_models(train, gold) if USE_SENTENCE_MODEL else None
        whole = dict.fromkeys(names, fit_sentence_model(train, gold)) if USE_SENTENCE_MODEL else None
        model = fit(*labelled(questions(train, lexicon, voices, inner), sentence_spans(train, gold)),
                    {"agent": 0.5, "target": 0.5})
        held_out = scored_questions(questions(folds[k], lexicon, voices, whole), model)
        asked_by_builds = [q for q in held_out if q[3]]  # beside the rules, as a build asks
        sentmodel.use_model(None)
        rules = rule_keys(folds[k], voices)
        for i, v in enumerate(score(names, gold, rules)):
            totals[("rules",)][i] += v
        for action in ACTIONS:
            for i, v in enumerate(score(names, gold, rules, action)):
                per_action[("rules",)][action][i] += v
        for name in names:
            per_doc[("rules",)][name] = score([name], gold, rules)
        for ta, tt, ma, mt in itertools.product(THRESHOLDS, THRESHOLDS, MAX_ROLES, MAX_ROLES):
            thresholds = {"agent": ta, "target": tt, "max_agents": ma, "max_targets": mt}
            learned = model_keys(held_out, thresholds)
            asked = model_keys(asked_by_builds, thresholds)
            union = {n: rules.get(n, set()) | asked.get(n, set()) for n in names}
            for method, pred in (("model", learned), ("union", union)):
                for i, v in enumerate(score(names, gold, pred)):
                    totals[(method, ta, tt, ma, mt)][i] += v
                for level, counts in enumerate(level_scores(names, gold, pred)):
                    for i, v in enumerate(counts):
                        levels[(method, ta, tt, ma, mt)][level][i] += v
                for name in names:
                    per_doc[(method, ta, tt, ma, mt)][name] = score([name], gold, pred)
                if method == "union":
                    for action in ACTIONS:
                        for i, v in enumerate(score(names, gold, pred, action)):
                            per_action[(method, ta, tt, ma, mt)][action][i] += v
        print(f"fold {k + 1}/{FOLDS} done", file=sys.stderr)
    argmodel.use_lexicon(None)
    smoothed = _smoothed_f1(levels)
    best = max((key for key in totals if key[0] != "rules"), key=lambda key: smoothed[key])
    print("rules only:         P %.3f R %.3f F1 %.3f" % f1(*totals[("rules",)]))
    ranked = sorted((k for k in totals if k[0] == "union"), key=lambda k: -f1(*totals[k])[2])
    for k in ranked[:12]:
        print("  ", k, "P %.3f R %.3f F1 %.3f" % f1(*totals[k]), file=sys.stderr)
    for method in ("model", "union"):
        key = max((k for k in totals if k[0] == method), key=lambda k: smoothed[k])
        print(f"{method:6} θa={key[1]} θt={key[2]} at most {key[3]} agents, {key[4]} targets: "
              "P %.3f R %.3f F1 %.3f" % f1(*totals[key]) + " (action, agent) %.3f, action-only %.3f" % tuple(
                  f1(*levels[key][n])[2] for n in (1, 2)) + f" (neighbourhood mean of the three {smoothed[key]:.3f})")
    print("per set (strict F1): rules only / chosen")
    for prefix in sorted({name.split("_")[0] for name, _, _ in corpus}):
        cells = []
        for key in (("rules",), best):
            sums = [sum(v[i] for n, v in per_doc[key].items() if n.startswith(prefix + "_")) for i in range(3)]
            cells.append("%.3f" % f1(*sums)[2])
        print(f"  {prefix}: {' / '.join(cells)}  ({sum(1 for n in per_doc[best] if n.startswith(prefix + '_'))} documents)")
    if best[0] == "union":
        print("per action (strict F1, gold events): rules only / chosen")
        for action in ACTIONS:
            cells = ["%.3f" % f1(*per_action[key][action])[2] for key in (("rules",), best)]
            print(f"  {action:10} {' / '.join(cells)}  ({per_action[best][action][2]})")
    return {"method": best[0], "agent": best[1], "target": best[2], "max_agents": best[3], "max_targets": best[4]}


def _smoothed_f1(levels: dict[tuple, list[list[int]]]) -> dict[tuple, float]:
    """Each configuration's F1s at the three levels (strict, (action, agent), action-only: the
    issue's goals) summed, and averaged with its neighbours on the threshold grid (one step
    either way, for the agent's and the target's threshold). The pooled out-of-fold surface is
    flat and noisy near its top (thresholds from 0.35 to 0.6 within 0.003), so its single
    highest point moves from run to run; the middle of the plateau is the choice that holds.
    Strict F1 alone chose 0.5 for the agent at stop 59, 0.002 above 0.45; at 0.5 the helpers'
    read texts had action-only F1 0.787 and 0.780, against 0.810 and 0.789 at 0.45."""
    grid = {t: n for n, t in enumerate(THRESHOLDS)}
    smoothed: dict[tuple, float] = {}
    for key in levels:
        method, ta, tt, ma, mt = key
        if not (0 < grid[ta] < len(THRESHOLDS) - 1 and 0 < grid[tt] < len(THRESHOLDS) - 1):
            smoothed[key] = -1.0  # a point on the grid's edge has no neighbours on one side to hold it
            continue
        near = [sum(f1(*counts)[2] for counts in levels[(method, a, t, ma, mt)]) for a in THRESHOLDS
                for t in THRESHOLDS if abs(grid[a] - grid[ta]) <= 1 and abs(grid[t] - grid[tt]) <= 1]
        smoothed[key] = sum(near) / len(near)
    return smoothed


def main() -> int:
    global C, MIN_GOLD_COUNT, MIN_TRIGGER_RATE
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv-only", action="store_true")
    parser.add_argument("--with-blind", action="store_true",
                        help="fit the shipped model on the blind split too, once its score is reported "
                             "(cross-validation still runs on the other documents only)")
    parser.add_argument("--no-voice", dest="voice", action="store_false",
                        help="read documents without the learned document voice (ablation)")
    parser.add_argument("--extra", nargs=2, action="append", default=[], metavar=("FOLDER", "GOLD"),
                        help="also fit on the documents in FOLDER that GOLD (JSON lines) annotates; they join "
                             "every cross-validation fold's training and are never scored (repeatable)")
    parser.add_argument("--quick", action="store_true", help="a small threshold grid (while developing)")
    parser.add_argument("--c", type=float, default=C, help=f"inverse regularisation strength (default {C})")
    parser.add_argument("--min-gold-count", type=int, default=MIN_GOLD_COUNT,
                        help=f"annotations a word needs to join the trigger lexicon (default {MIN_GOLD_COUNT})")
    parser.add_argument("--min-trigger-rate", type=float, default=MIN_TRIGGER_RATE,
                        help=f"... and the share of the word's uses annotated (default {MIN_TRIGGER_RATE})")
    args = parser.parse_args()
    C, MIN_GOLD_COUNT, MIN_TRIGGER_RATE = args.c, args.min_gold_count, args.min_trigger_rate
    if args.quick:
        THRESHOLDS[:] = [0.2, 0.25, 0.3, 0.4, 0.5]
        MAX_ROLES[:] = [1, 2]
    corpus, gold = load_corpus(with_blind=args.with_blind, extra=args.extra)
    blind, develop = split()
    shown = [d for d in corpus if d[0] in develop or d[0].startswith("dev_")]
    shown_names = {d[0] for d in shown}
    added = [d for d in corpus if d[0] not in shown_names and d[0] not in blind]
    print(f"{len(shown)} documents for cross-validation, {len(added)} more in every fold's training, "
          f"{len(corpus)} to fit", file=sys.stderr)
    # each document is read with a voice model that did not see it (tools/train_voice.py)
    import train_voice
    voices = train_voice.out_of_fold_models(corpus, gold, voice.shipped_model().threshold) if args.voice else None
    best = cross_validate(shown, gold, voices, added)
    print("chosen:", best)
    if args.cv_only:
        return 0
    lexicon = make_lexicon(corpus, gold)
    inner = out_of_fold_sentence_models(corpus, gold) if USE_SENTENCE_MODEL else None
    feats, ay, ty = labelled(questions(corpus, lexicon, voices, inner), sentence_spans(corpus, gold))
    sentence_model = fit_sentence_model(corpus, gold) if USE_SENTENCE_MODEL else None
    sentmodel.use_model(None)
    argmodel.use_lexicon(None)
    voice.use_model(None)
    model = fit(feats, ay, ty, {k: v for k, v in best.items() if k != "method"})
    DATA.mkdir(exist_ok=True)
    (DATA / "trigger_lexicon.json").write_text(json.dumps(lexicon, indent=0, sort_keys=True) + "\n")
    (DATA / "argument_model.json").write_text(json.dumps(
        {"method": best["method"], "thresholds": model.thresholds, "bias": model.bias,
         "weights": {r: dict(sorted(w.items())) for r, w in model.weights.items()}},
        indent=0, sort_keys=True) + "\n")
    if sentence_model is not None:
        (DATA / "sentence_model.json").write_text(json.dumps(sentence_model.to_json(), indent=0, sort_keys=True) + "\n")
    print(f"wrote {DATA / 'trigger_lexicon.json'}, {DATA / 'argument_model.json'} and {DATA / 'sentence_model.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
