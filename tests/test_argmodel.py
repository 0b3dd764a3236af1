"""The learned argument model's questions: features read once per trigger and per candidate."""
from __future__ import annotations

from kgraph.argmodel import (
    Candidate, LinearModel, RuleRoles, candidate_view, shipped_model, trigger_view, view_features,
)
from kgraph.model import Actor

NO_RULES = RuleRoles(False, frozenset(), frozenset())


def test_a_questions_features_start_with_those_its_trigger_shares(nlp):
    doc = nlp("Germany condemned Russia's attack on Ukraine.")
    trigger = doc[1]
    view = trigger_view(trigger, "condemn", NO_RULES, n_candidates=2)
    germany = Candidate([Actor("Germany", "COUNTRY", "DEU")], doc[0], "mention")
    features = view_features(view, germany, candidate_view(germany), NO_RULES, frozenset())
    assert features[:len(view.shared)] == view.shared
    assert "path=nsubj^" in features and "act=condemn" in features


def test_summing_the_shared_features_once_gives_the_same_probabilities(nlp):
    model = shipped_model()
    doc = nlp("The United States imposed sanctions on Iran.")
    view = trigger_view(doc[4], "sanction", NO_RULES, n_candidates=2)
    iran = Candidate([Actor("Iran", "COUNTRY", "IRN")], doc[6], "mention")
    features = view_features(view, iran, candidate_view(iran), NO_RULES, frozenset())
    shared = model.weight_sums(view.shared)
    assert model.probabilities(features, len(view.shared), shared) == model.probabilities(features)


def test_one_weight_table_scores_both_roles():
    model = LinearModel(weights={"agent": {"a": 1.0}, "target": {"t": 2.0}}, bias={"agent": 0.0, "target": 0.0},
                        thresholds={"agent": 0.5, "target": 0.5})
    agent, target = model.probabilities(["a", "t", "unknown"])
    assert round(agent, 3) == 0.731 and round(target, 3) == 0.881
