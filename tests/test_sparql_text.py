"""`kgraph.sparql_text.uses_service`: federated queries are found however they are spelled
(issue 8.11), checked against what pyoxigraph really does with them."""
from __future__ import annotations


from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from kgraph.cli import app
from kgraph.sparql_text import nesting_depth, operator_count, too_complex, uses_service

from conftest import ServiceListener

MINI = Path(__file__).parent / "data" / "mini.ttl"
U = "http://127.0.0.1:9/sparql"

FEDERATED = [
    f"SELECT * WHERE {{ SERVICE <{U}> {{ ?s ?p ?o }} }}",
    f"select * where {{ service silent <{U}> {{ ?s ?p ?o }} }}",
    f"SELECT * WHERE {{ BIND(<{U}> AS ?u) SERVICE ?u {{ ?s ?p ?o }} }}",
    f"ASK {{ \\u0053ERVICE <{U}> {{ }} }}",  # \u escapes may stand for any character
    f"PREFIX : <{U}#> SELECT * WHERE {{ SERVICE:x {{ ?s ?p ?o }} }}",  # pyoxigraph: SERVICE :x
    f"SELECT * WHERE {{ # a comment ends at a carriage return\rSERVICE <{U}> {{ ?s ?p ?o }} }}",
    f"SELECT * WHERE {{ ?s ?p 1SERVICE <{U}> {{ ?a ?b ?c }} }}",
    f"PREFIX ex: <http://e/> SELECT * WHERE {{ ?s ?p ex:a.SERVICE <{U}> {{ ?a ?b ?c }} }}",
    f'SELECT * WHERE {{ ?s ?p "x\\u0022 SERVICE <{U}> {{ ?a ?b ?c }} }}',  # an engine decoding \u
]

LOCAL = [
    f"SELECT * WHERE {{ ?s ?p ?o }} # SERVICE <{U}>",
    f'SELECT ?service WHERE {{ ?service ?p "SERVICE <{U}>" }}',
    "PREFIX schema: <http://schema.org/> SELECT * WHERE { ?x a schema:Service ; schema:serviceType ?t }",
    f"SELECT * WHERE {{ ?s ?p ?o }} VALUES ?o {{ <{U}/service> }}",
    "SELECT * WHERE { ?s <https://example.org/SERVICE> ?o }",
]


@pytest.mark.parametrize("query", FEDERATED)
def test_federated_queries_are_found(query: str) -> None:
    assert uses_service(query)


@pytest.mark.parametrize("query", LOCAL)
def test_service_in_strings_comments_iris_and_names_is_not_a_federated_query(query: str) -> None:
    assert not uses_service(query)


def test_every_spelling_pyoxigraph_sends_out_is_found() -> None:
    """The tricky spellings run for real against a loopback port: each one pyoxigraph sends a
    request for must be one `uses_service` finds."""
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://a"), ox.NamedNode("http://b"), ox.Literal("c")))
    sent_out = []
    with ServiceListener() as listener:
        for query in FEDERATED + LOCAL:
            query = query.replace(U, listener.url)
            before = listener.settled()
            try:
                result = store.query(query)
                bool(result) if isinstance(result, ox.QueryBoolean) else list(result)
            except Exception:  # noqa: BLE001 - a failed or malformed query: fine here
                pass
            if listener.settled() > before:
                sent_out.append(query)
                assert uses_service(query), query
    assert len(sent_out) >= 4  # the check above did look at real federated queries


def test_kgraph_query_refuses_federated_queries_unless_allowed() -> None:
    runner = CliRunner()
    with ServiceListener() as listener:
        for query in FEDERATED:
            result = runner.invoke(app, ["query", str(MINI), query.replace(U, listener.url)])
            assert result.exit_code == 3, result.output
            assert result.stderr.startswith("kgraph: error: federated queries (SERVICE) are refused")
        assert listener.settled() == 0
        allowed = runner.invoke(app, ["query", str(MINI), FEDERATED[0].replace(U, listener.url), "--allow-service"])
        assert allowed.exit_code != 0 and allowed.stderr.startswith("kgraph: error: query failed")
        assert listener.settled() == 1  # the flag lets it through


def test_nesting_is_counted_outside_strings_comments_and_iris() -> None:
    assert nesting_depth("SELECT * WHERE { ?s ?p ?o FILTER(STRLEN(?o) > 1) }") == 3
    assert nesting_depth('SELECT * WHERE { ?s ?p "(((((" } # {{{{{{{\n') == 1
    assert nesting_depth("SELECT * WHERE { ?s <http://x/((((> ?o }") == 1
    assert nesting_depth("SELECT * WHERE \\u007B\\u007B ?s ?p ?o } }") == 2  # escapes stand for brackets
    assert too_complex("SELECT * WHERE " + "{" * 256 + "}" * 256) is None
    assert "257 levels deep" in too_complex("SELECT * WHERE " + "{" * 257 + "}" * 257)


def test_operators_are_counted_outside_iris_names_and_strings() -> None:
    # a sum of 2,000 terms overflowed the engine's stack: long chains are refused as deep nesting is
    assert operator_count('SELECT ?x WHERE { ?s <http://x/a-b/c> "1+2" . ex:a-b ex:p ?o } # 1+1') == 0
    assert operator_count("ASK { FILTER(?a + 1 > 2 && !?b) } UNION {}") == 5
    assert too_complex("ASK { FILTER(" + "+".join(["1"] * 1000) + " > 0) }") is None  # 1,000 operators
    assert "chains 1001 operators; at most 1000" in too_complex("ASK { FILTER(" + "+".join(["1"] * 1001) + " > 0) }")
