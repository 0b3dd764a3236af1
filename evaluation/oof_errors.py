"""Where cross-validation loses gold events: each missed gold key of the out-of-fold builds, by kind.

    .venv/bin/python evaluation/oof_errors.py                 # counts, overall and per action
    .venv/bin/python evaluation/oof_errors.py --show "no question"   # the misses of one kind
    .venv/bin/python evaluation/oof_errors.py --spurious          # predicted keys no gold line has, by rule
    .venv/bin/python evaluation/oof_errors.py --by-rule           # each rule's right and wrong events
    .venv/bin/python evaluation/oof_errors.py --actions           # a document's actions found, missed, extra

Builds the 96 cross-validation documents (dev and the develop split) as `tools/train_argmodel.py
--cv-only` does: for each fold, a trigger lexicon, sentence model, voice model and argument model
fitted on the other folds (with the shipped thresholds), and the fold's documents extracted with
the rules and that model. Each gold key the build misses is put in one kind:

- "no question": no trigger of its action was asked about in its sentence, by rules or model;
- "agent ok, target differs" / "target ok, agent differs" / "action present, both differ": the
  document has an event of that action, with one role or neither right;
- "pair ok, action differs": the document has the pair under another action;
- "asked, nothing near": a trigger of the action was asked about in the sentence, and nothing
  of that action came out in the document.

The rules were written on these documents, so their share here is in-sample; the model's is not.
"""
from __future__ import annotations

import argparse
import dataclasses
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT))

import train_argmodel as T  # noqa: E402
import train_voice  # noqa: E402

from kgraph import argmodel, sentmodel, voice  # noqa: E402
from kgraph.acronyms import defined_acronyms  # noqa: E402
from kgraph.extract import extract_events  # noqa: E402
from kgraph.labels import tidy_actor  # noqa: E402


def out_of_fold(corpus, gold) -> dict[str, tuple[set, list[tuple[int, int]], str, list]]:
    """Per document: its predicted keys, the (character offset, action) of every trigger asked
    about, its text, and each event's (key, rule, trigger, sentence)."""
    voices = train_voice.out_of_fold_models(corpus, gold, voice.shipped_model().threshold)
    shipped = argmodel.shipped_model()
    folds = [corpus[k::T.FOLDS] for k in range(T.FOLDS)]
    found = {}
    for k in range(T.FOLDS):
        train = [d for j, f in enumerate(folds) if j != k for d in f]
        lexicon = T.make_lexicon(train, gold)
        inner = T.out_of_fold_sentence_models(train, gold)
        model = T.fit(*T.labelled(T.questions(train, lexicon, voices, inner), T.sentence_spans(train, gold)),
                      dict(shipped.thresholds))
        model = dataclasses.replace(model, method="union")
        argmodel.use_lexicon(lexicon)
        sentmodel.use_model(T.fit_sentence_model(train, gold))
        for name, doc, article in folds[k]:
            T._use_voice(voices, name)
            acronyms = defined_acronyms(article.text)
            collected: list = []
            events = extract_events(doc, article, method="union", model=model, collect=collected).events

            def key(actor):
                return argmodel.actor_key(tidy_actor(actor, acronyms)) if actor else None

            made = [(T._key(e.action, key(e.agent), key(e.target)), e.rule, e.trigger, e.sentence) for e in events]
            asked = [(doc[i].idx, action) for _, i, action, _, _ in collected]
            asked += [(e.trigger_start, e.action) for e in events]
            found[name] = ({m[0] for m in made}, asked, article.text, made)
        argmodel.use_lexicon(None)
        sentmodel.use_model(None)
        voice.use_model(None)
        print(f"fold {k + 1}/{T.FOLDS} done", file=sys.stderr)
    return found


def asked_in_sentence(line: dict, text: str, asked: list[tuple[int, str]]) -> bool:
    """Whether a trigger of a gold line's action was asked about in its sentence (True where the
    sentence is not found verbatim in the text, so as not to call a miss unasked wrongly)."""
    start = text.find(line["sentence"])
    return start < 0 or any(start <= at < start + len(line["sentence"]) and a == line["action"] for at, a in asked)


def kind_of_miss(key: tuple, predicted: set, asked_in_sentence: bool) -> str:
    """One kind per missed gold key (see the module's docstring)."""
    action, agent, target = key
    same = [p for p in predicted if p[0] == action]
    if any(p[1] == agent for p in same):
        return "agent ok, target differs"
    if any(p[2] == target for p in same):
        return "target ok, agent differs"
    if same:
        return "action present, both differ"
    if any(p[1:] == (agent, target) for p in predicted):
        return "pair ok, action differs"
    return "asked, nothing near" if asked_in_sentence else "no question"


def show_spurious(found: dict, gold: dict) -> int:
    """Each predicted key no gold line of its document has, counted by the rule that made it
    (the rule's first step: the trigger's kind and the role rule's head), then listed."""
    by_rule: Counter = Counter()
    rows = []
    for name, (_, _, _, made) in found.items():
        wanted = T._gold_keys(gold, name, None)
        for key, rule, trigger, sentence in made:
            if key in wanted:
                continue
            head = rule.split("+")[0]
            by_rule[head] += 1
            rows.append((head, name, key, trigger, " ".join(sentence.split())[:160]))
    print(f"{sum(by_rule.values())} spurious events")
    for rule, n in by_rule.most_common():
        print(f"  {n:4} {rule}")
    for row in sorted(rows, key=lambda r: (-by_rule[r[0]], r[1])):
        print(" | ".join(map(str, row)))
    return 0


def show_by_rule(found: dict, gold: dict) -> int:
    """Each rule's right and wrong keys out of fold, a key credited to the first event that made
    it (so a rule whose keys another rule also makes shows fewer than it makes): a rule whose own
    precision is below about half the overall F1 costs more than it brings, which is worth
    checking by taking it out and cross-validating (as for stress-the-need at stop 52)."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for name, (_, _, _, made) in found.items():
        wanted = T._gold_keys(gold, name, None)
        credited = set()
        for key, rule, _, _ in made:
            if key not in credited:
                credited.add(key)
                counts[rule.split("+")[0]][key not in wanted] += 1
    for rule, (right, wrong) in sorted(counts.items(), key=lambda kv: -sum(kv[1])):
        print(f"  {rule:55} right {right:4}  wrong {wrong:4}  precision {right / (right + wrong):.2f}")
    return 0


def show_actions(found: dict, gold: dict) -> int:
    """The scorer's action-only view out of fold: per document, the actions gold names and the
    build has none of (each with its gold triggers and whether a trigger of it was asked about in
    the sentence), and the actions the build has that gold does not."""
    missed: Counter = Counter()
    extra: Counter = Counter()
    rows = []
    right = 0
    for name, (predicted, asked, text, made) in found.items():
        lines = gold.get(name, [])
        wanted = {g["action"] for g in lines}
        have = {key[0] for key in predicted}
        right += len(wanted & have)
        for action in sorted(wanted - have):
            missed[action] += 1
            for g in (g for g in lines if g["action"] == action):
                rows.append(("missed", name, action, g["trigger"], "asked" if asked_in_sentence(g, text, asked) else "-",
                             " ".join(g["sentence"].split())[:160]))
        for action in sorted(have - wanted):
            extra[action] += 1
            for key, rule, trigger, sentence in made:
                if key[0] == action:
                    rows.append(("extra", name, action, trigger, rule, " ".join(sentence.split())[:160]))
    print(f"document actions: found {right}, missed {sum(missed.values())}, extra {sum(extra.values())}")
    for action in sorted(set(missed) | set(extra)):
        print(f"  {action:10} missed {missed[action]:3}  extra {extra[action]:3}")
    for row in rows:
        print(" | ".join(map(str, row)))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", metavar="KIND", help="list the misses of this kind")
    parser.add_argument("--spurious", action="store_true", help="list the predicted keys no gold line has, by rule")
    parser.add_argument("--by-rule", action="store_true", help="count each rule's right and wrong keys")
    parser.add_argument("--actions", action="store_true", help="the document-level actions missed and extra")
    args = parser.parse_args()
    corpus, gold = T.load_corpus()
    found = out_of_fold(corpus, gold)
    kinds: Counter = Counter()
    per_action: dict[str, Counter] = defaultdict(Counter)
    shown = []
    if args.spurious:
        return show_spurious(found, gold)
    if args.by_rule:
        return show_by_rule(found, gold)
    if args.actions:
        return show_actions(found, gold)
    for name, (predicted, asked, text, _) in found.items():
        seen = set()
        for g in gold.get(name, []):
            key = T._key(g["action"], T.gold_key(g["agent"]), T.gold_key(g["target"]))
            if key in seen:
                continue
            seen.add(key)
            in_sentence = asked_in_sentence(g, text, asked)
            kind = "found" if key in predicted else kind_of_miss(key, predicted, in_sentence)
            kinds[kind] += 1
            per_action[g["action"]][kind] += 1
            if kind == args.show:
                shown.append((name, key, g["trigger"], " ".join(g["sentence"].split())[:160]))
    total = sum(kinds.values())
    print(f"{total} gold keys in {len(found)} documents")
    for kind, n in kinds.most_common():
        print(f"  {n:4} {kind}")
    print("per action: gold keys, found, then each kind of miss")
    for action in sorted(per_action):
        row = per_action[action]
        misses = ", ".join(f"{k} {n}" for k, n in row.most_common() if k != "found")
        print(f"  {action:10} {sum(row.values()):4} {row['found']:4}  {misses}")
    for row in shown:
        print(" | ".join(map(str, row)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
