"""Reported speech: the event is the reported one; who reports it is kept apart."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def reported(nlp):
    from kgraph.extract import extract_events
    from kgraph.model import Article

    def run(text: str) -> dict[tuple, str | None]:
        events = extract_events(nlp(text), Article(source="r.txt", text=text)).events
        return {(e.action, e.agent.name, e.target and e.target.name):
                e.reported_by and e.reported_by.name for e in events}

    return run


def test_said_that_reports_the_inner_event(reported):
    events = reported("Ukrainian President Volodymyr Zelenskyy said that North Korea had sent troops to Russia.")
    assert events == {("deploy", "North Korea", "Russia"): "Volodymyr Zelenskyy"}


def test_a_quotation_is_attributed_to_its_speaker(reported):
    events = reported("“Japan will supply radars to India,” Indian Defence Minister Rajnath Singh said.")
    assert events[("supply", "Japan", "India")] == "Rajnath Singh"


def test_an_event_told_by_the_article_has_no_reporter(reported):
    assert reported("Japan condemned China.") == {("condemn", "Japan", "China"): None}


def test_reported_by_is_queryable(tmp_path):
    from typer.testing import CliRunner

    from kgraph.cli import app

    article = tmp_path / "a.txt"
    article.write_text("Polish Prime Minister Donald Tusk said Russia attacked Ukraine again.\n")
    graph = tmp_path / "g.ttl"
    assert CliRunner().invoke(app, ["build", str(article), "-o", str(graph)]).exit_code == 0
    result = CliRunner().invoke(app, ["query", str(graph), "reported-speech", "--format", "csv"])
    assert result.exit_code == 0
    assert "Donald Tusk,Fight,Russia,Ukraine" in result.output


def test_a_news_agency_reports_and_accuses_no_one(extract):
    events = extract("The foreign ministry also warned the continued Iranian armament of Houthis will undermine the "
                     "efforts by the UN peace mediator and others to achieve peace in Yemen, state news agency Saba "
                     "New reported.")
    assert not any("saba" in str(e[1]).lower() for e in events)
    assert not extract("Yonhap reported that North Korea fired a missile.") & {
        ("accuse", "Yonhap", "PRK", "asserted")}
    assert not any("Yonhap" in str(e[1]) for e in extract(
        "Seoul summoned the ambassador, the Yonhap news agency reported, citing the Foreign Ministry."))
