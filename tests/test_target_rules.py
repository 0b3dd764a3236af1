"""Named rules of roles.py on the phrases their docstrings name: which rule finds whom."""
from __future__ import annotations

from kgraph.roles import TargetSearch, cut_off_party, imposed_by, noun_agents, of_noun_target, targets_of
from kgraph.triggers import Trigger, find_triggers


def trigger(nlp, text: str, word: str) -> Trigger:
    """The trigger `word` is in `text`, as extraction finds it."""
    return next(t for sent in nlp(text).sents for t in find_triggers(sent) if t.token.text == word)


def test_the_target_can_hang_from_the_of_noun(nlp):
    support = trigger(nlp, "Hungary blocked the support of the EU for Ukraine.", "support")
    assert [t.text for t in of_noun_target(TargetSearch.of(support.token, support))] == ["Ukraine"]
    assert [t.text for t in targets_of(support.token, support)] == ["Ukraine"]


def test_a_ban_targets_who_is_cut_off_not_what_is_banned(nlp):
    prohibit = trigger(nlp, "Security Council resolutions prohibit all cooperation with North Korea.", "prohibit")
    search = TargetSearch.of(prohibit.token, prohibit)
    cooperation = [c for c in prohibit.token.children if c.dep_ == "dobj"]
    assert [t.text for t in cut_off_party(search, cooperation)] == ["Korea"]
    assert [t.text for t in targets_of(prohibit.token, prohibit)] == ["Korea"]


def test_an_embargo_is_imposed_by_its_agent(nlp):
    embargo = trigger(nlp, "The arms embargo imposed by the Council was lifted.", "embargo")
    assert embargo.action == "sanction"
    found, rule = noun_agents(embargo.token, embargo.action)
    assert ([t.text for t in found], rule) == (["Council"], "noun-imposed-by")
    assert imposed_by(embargo.token, embargo.action) == (found, rule)
