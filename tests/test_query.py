"""`kgraph.query`: SPARQL over a graph file, canned queries and the output formats."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from kgraph import query
from kgraph.errors import InputError, QueryError, UsageError
from kgraph.query import canned_queries, format_result, resolve_query, run_query
from kgraph.reader import load_store

MINI = Path(__file__).parent / "data" / "mini.ttl"
KGID = "https://w3id.org/kgraph/id/"

# No PREFIX lines: kg:, kgid:, rdfs: ... are pre-bound from vocab.PREFIXES.
DEPLOYS = """
SELECT ?event ?agent ?target ?evidence WHERE {
  ?event a kg:Deploy ; kg:agent ?agent ; kg:target ?target ; kg:evidence ?evidence .
} ORDER BY ?event
"""


@pytest.fixture(scope="module")
def store() -> ox.Store:
    return load_store(MINI)


def test_load_store_reads_the_test_graph(store: ox.Store) -> None:
    assert len(store) > 100


def test_select_as_table_shortens_iris_and_shows_plain_literals(store: ox.Store) -> None:
    text = format_result(run_query(store, DEPLOYS), "table")
    header, rule, *rows = text.split("\n")
    assert header.split() == ["event", "agent", "target", "evidence"]
    assert set(rule.replace("  ", "")) == {"-"}
    assert len(rows) == 3
    assert rows[0].split()[:3] == ["event:e1", "country:RUS", "country:UKR"]
    assert rows[0].endswith("Russia deployed more troops to Ukraine.")  # no quotes, no ^^xsd
    assert not text.endswith("\n")


def test_table_columns_are_aligned(store: ox.Store) -> None:
    header, _, *rows = format_result(run_query(store, DEPLOYS)).split("\n")
    start = header.index("agent")
    assert all(row[start:].startswith(("country:", "actor:")) for row in rows)


def test_table_shows_class_iris_with_the_kg_prefix(store: ox.Store) -> None:
    result = run_query(store, "SELECT ?class WHERE { kgid:event\\/e2 a ?class } ORDER BY ?class")
    assert format_result(result).split("\n")[2:] == ["kg:Condemn", "kg:Event"]


def test_select_as_csv_is_sparql_csv(store: ox.Store) -> None:
    rows = list(csv.reader(io.StringIO(format_result(run_query(store, DEPLOYS), "csv"))))
    assert rows[0] == ["event", "agent", "target", "evidence"]
    assert rows[1][:3] == [f"{KGID}event/e1", f"{KGID}country/RUS", f"{KGID}country/UKR"]
    assert rows[2][3] == "NATO will not deploy troops to Ukraine, officials said."  # quoted comma


def test_select_as_tsv_is_sparql_tsv(store: ox.Store) -> None:
    lines = format_result(run_query(store, DEPLOYS), "tsv").split("\n")
    assert lines[0].split("\t") == ["?event", "?agent", "?target", "?evidence"]
    assert lines[1].split("\t")[:2] == [f"<{KGID}event/e1>", f"<{KGID}country/RUS>"]


def test_select_as_json_is_sparql_results_json(store: ox.Store) -> None:
    document = json.loads(format_result(run_query(store, DEPLOYS), "json"))
    assert document["head"]["vars"] == ["event", "agent", "target", "evidence"]
    first = document["results"]["bindings"][0]
    assert first["event"] == {"type": "uri", "value": f"{KGID}event/e1"}
    assert first["evidence"]["type"] == "literal"


def test_unbound_variables_are_empty_cells(store: ox.Store) -> None:
    text = "SELECT ?event ?target WHERE { ?event a kg:Consider OPTIONAL { ?event kg:target ?target } }"
    result = run_query(store, text)
    assert result.rows[0][1] is None
    assert format_result(result).split("\n")[2] == "event:e3"
    assert list(csv.reader(io.StringIO(format_result(result, "csv"))))[1] == [f"{KGID}event/e3", ""]


def test_rows_with_nothing_bound_are_kept(store: ox.Store) -> None:
    result = run_query(store, "SELECT ?x WHERE { VALUES ?x { UNDEF UNDEF } }")
    assert format_result(result, "csv") == "x\r\n\r\n"  # header and two empty rows
    assert format_result(result, "table").split("\n") == ["x", "-", "", ""]


def test_an_answer_kept_in_the_format_it_is_printed_in_reads_the_same(store: ox.Store) -> None:
    for fmt in ("csv", "tsv", "json"):
        assert format_result(run_query(store, DEPLOYS, keep=fmt), fmt) == format_result(run_query(store, DEPLOYS), fmt)
    assert format_result(run_query(store, DEPLOYS, keep="tsv"), "table") == format_result(run_query(store, DEPLOYS))


def test_a_result_can_be_formatted_more_than_once(store: ox.Store) -> None:
    result = run_query(store, DEPLOYS)
    assert format_result(result, "csv") == format_result(result, "csv")
    assert len(result.rows) == 3


@pytest.mark.parametrize(
    ("text", "expected"), [("ASK { ?e a kg:Consider }", "true"), ("ASK { ?e a kg:Sanction }", "false")]
)
def test_ask(store: ox.Store, text: str, expected: str) -> None:
    result = run_query(store, text)
    assert result.kind == "ask"
    assert format_result(result, "table") == expected
    assert json.loads(format_result(result, "json")) == {"head": {}, "boolean": expected == "true"}


CONDEMNED = "CONSTRUCT { ?a kg:condemned ?t } WHERE { ?e a kg:Condemn ; kg:agent ?a ; kg:target ?t }"


def test_construct_as_table_is_turtle_with_prefixes(store: ox.Store) -> None:
    text = format_result(run_query(store, CONDEMNED), "table")
    assert "@prefix kg: <https://w3id.org/kgraph/ontology#> ." in text
    assert len(list(ox.parse(text, format=ox.RdfFormat.TURTLE))) == 3


def test_construct_as_csv_is_n_triples(store: ox.Store) -> None:
    lines = format_result(run_query(store, CONDEMNED), "csv").split("\n")
    assert len(lines) == 3 and all(line.startswith("<") and line.endswith(" .") for line in lines)


def test_construct_as_json_is_json_ld(store: ox.Store) -> None:
    document = json.loads(format_result(run_query(store, CONDEMNED), "json"))
    subjects = {node["@id"] for node in document}
    assert subjects == {f"{KGID}actor/nato", f"{KGID}actor/volodymyr-zelenskyy", f"{KGID}country/RUS"}


def test_a_triple_term_json_ld_cannot_hold_is_a_query_error(store: ox.Store) -> None:
    # JSON-LD has no RDF 1.2 triple terms: the serializer's OSError was a traceback
    result = run_query(store, "CONSTRUCT { kg:x kg:p ?t } WHERE { BIND(TRIPLE(kg:a, kg:b, kg:c) AS ?t) }")
    with pytest.raises(QueryError, match="cannot be written as json"):
        format_result(result, "json")
    assert "<<(" in format_result(result, "csv")


def test_describe_returns_triples(store: ox.Store) -> None:
    text = format_result(run_query(store, "DESCRIBE <https://w3id.org/kgraph/id/country/KOR>"))
    assert '"South Korea"' in text


def test_a_prefix_declared_in_the_query_still_works(store: ox.Store) -> None:
    text = "PREFIX k: <https://w3id.org/kgraph/ontology#> SELECT (COUNT(*) AS ?n) WHERE { ?e a k:Event }"
    assert format_result(run_query(store, text), "csv").split("\r\n")[1] == "7"


def test_malformed_query_reports_line_and_column(store: ox.Store) -> None:
    with pytest.raises(QueryError) as caught:
        run_query(store, "SELECT ?e WHERE {\n  ?e a kg:Event\n  FILTER(?e = ) }")
    message = str(caught.value)
    assert message.startswith("malformed SPARQL query at line 3, column ")
    assert "FILTER(?e = )" in message
    assert "\n" not in message  # one line on stderr


def test_unknown_prefix_is_named_in_the_error(store: ox.Store) -> None:
    with pytest.raises(QueryError, match=r"unknown prefix foaf:"):
        run_query(store, "SELECT ?n WHERE { ?p foaf:name ?n }")


def test_unescaped_slash_in_a_prefixed_name_gets_a_hint(store: ox.Store) -> None:
    with pytest.raises(QueryError, match=r"must be escaped"):
        run_query(store, "SELECT ?p WHERE { kgid:country/PRK ?p ?o }")


@pytest.mark.parametrize(
    ("text", "keyword"),
    [
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "INSERT"),
        ("PREFIX ex: <http://example.org/ns#>\nDELETE WHERE { ?s ex:p ?o }", "DELETE"),
        ("# wipe it all, it's fine\nBASE <http://example.org/>\nDROP ALL", "DROP"),
        ("load <http://example.org/data.ttl>", "LOAD"),
        ("WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "WITH"),
    ],
)
def test_updates_are_refused(store: ox.Store, text: str, keyword: str) -> None:
    size = len(store)
    with pytest.raises(QueryError, match=rf"read-only: SPARQL Update \({keyword}\) is refused"):
        run_query(store, text)
    assert len(store) == size


def test_update_words_in_strings_comments_and_iris_are_not_updates(store: ox.Store) -> None:
    text = '# DELETE nothing\nSELECT ?e WHERE { ?e kg:trigger ?t FILTER(?t != "INSERT") } # DROP'
    assert run_query(store, text).kind == "select"
    assert query.update_keyword("SELECT * WHERE { ?s <http://example.org/x#DELETE> ?o }") is None


def test_unknown_output_format_lists_known_ones(store: ox.Store) -> None:
    with pytest.raises(QueryError, match=r"unknown output format 'xml'; known: table, csv, tsv, json"):
        format_result(run_query(store, DEPLOYS), "xml")


def test_load_store_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"graph file or store not found: .*missing\.ttl"):
        load_store(tmp_path / "missing.ttl")
    broken = tmp_path / "broken.ttl"
    broken.write_text("@prefix ex: <http://example.org/> .\nex:a ex:b ex:c ;\n  ex:d .\n")
    with pytest.raises(InputError, match=r"cannot parse broken\.ttl: .*line 3"):
        load_store(broken)
    odd = tmp_path / "graph.txt"
    odd.write_text("")
    with pytest.raises(InputError, match=r"\.ttl"):
        load_store(odd)


def test_load_store_guesses_other_syntaxes_from_the_extension(tmp_path: Path, store: ox.Store) -> None:
    ntriples = tmp_path / "mini.nt"
    ntriples.write_bytes(ox.serialize([quad.triple for quad in store], format=ox.RdfFormat.N_TRIPLES))
    assert len(load_store(ntriples)) == len(store)


def test_resolve_query_passes_sparql_text_through() -> None:
    assert resolve_query(DEPLOYS, None) == DEPLOYS


def test_resolve_query_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "deploys.rq"
    path.write_text(DEPLOYS)
    assert resolve_query(None, path) == DEPLOYS
    with pytest.raises(UsageError, match="not both"):  # a usage error (2), not a bad query (3)
        resolve_query("top-actors", path)


def test_a_query_file_with_a_byte_order_mark_or_no_query(tmp_path: Path) -> None:
    # the mark was read as part of the query ("after '\ufeffSELECT *': expected ..."), and an
    # empty file was "malformed SPARQL" with no word of the file being empty
    marked, empty = tmp_path / "marked.rq", tmp_path / "empty.rq"
    marked.write_bytes(b"\xef\xbb\xbf" + DEPLOYS.encode())
    empty.write_text("# to do\n\n")
    assert resolve_query(None, marked) == DEPLOYS
    with pytest.raises(QueryError, match="holds no query"):
        resolve_query(None, empty)


@pytest.mark.parametrize("name", ["no-such-query", "select-all", "top actors"])
def test_names_that_are_not_sparql_are_unknown_queries(name: str) -> None:
    with pytest.raises(QueryError, match=rf"^unknown query '{name}'; known: "):
        resolve_query(name, None)


def test_unknown_canned_name_lists_the_known_ones() -> None:
    known = ", ".join(canned_queries()) or "(none installed)"
    with pytest.raises(QueryError) as caught:
        resolve_query("no-such-query", None)
    assert str(caught.value) == f"unknown query 'no-such-query'; known: {known}"


def test_canned_queries_come_from_rq_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "deploys.rq").write_text("# Who deployed to whom\n" + DEPLOYS)
    (tmp_path / "notes.txt").write_text("not a query")
    monkeypatch.setattr(query, "_queries_folder", lambda: tmp_path)
    assert list(canned_queries()) == ["deploys"]
    assert canned_queries()["deploys"].description == "Who deployed to whom"
    assert resolve_query("deploys", None).endswith(DEPLOYS)
    with pytest.raises(QueryError, match=r"known: deploys$"):
        resolve_query("nope", None)


# the canned queries the README lists: one that went missing fails below (it does not drop out)
README_QUERIES = {"who-condemned-whom", "events-by-action", "country-dyads", "actor-events",
                  "events-with-evidence", "hypothetical-events", "negated-events", "event-themes",
                  "actors", "reported-speech", "event-trace"}


@pytest.fixture(scope="module")
def store_for_every_query() -> ox.Store:
    """mini.ttl plus one reported event (mini.ttl has none), so that every canned query has rows."""
    store = load_store(MINI)
    store.add(ox.Quad(ox.NamedNode(f"{KGID}event/e5"), ox.NamedNode("https://w3id.org/kgraph/ontology#reportedBy"),
                      ox.NamedNode(f"{KGID}country/UKR")))
    return store


@pytest.mark.parametrize("name", sorted(README_QUERIES | set(canned_queries())))
def test_every_canned_query_runs(store_for_every_query: ox.Store, name: str) -> None:
    """Each canned query answers on the test graph, and every format carries the same rows."""
    result = run_query(store_for_every_query, resolve_query(name, None))
    assert result.kind == "select", f"{name}: canned queries are SELECTs (a table of rows)"
    variables, rows = list(result.variables), result.rows
    assert variables and rows, f"{name} found nothing in mini.ttl"
    assert all(any(cell is not None for cell in row) for row in rows)

    table = format_result(result, "table").split("\n")
    assert table[0].split() == variables and len(table) == 2 + len(rows)
    csv_rows = list(csv.reader(io.StringIO(format_result(result, "csv"))))
    assert csv_rows[0] == variables and len(csv_rows) == 1 + len(rows)
    tsv_lines = format_result(result, "tsv").split("\n")
    assert tsv_lines[0].split("\t") == [f"?{v}" for v in variables] and len(tsv_lines) == 1 + len(rows)
    answer = json.loads(format_result(result, "json"))
    assert answer["head"]["vars"] == variables and len(answer["results"]["bindings"]) == len(rows)


def test_a_table_shows_an_articles_control_characters_as_spaces() -> None:
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("https://example.org/e"), ox.NamedNode("https://example.org/says"),
                      ox.Literal("Acme\x1b]0;PWNED\x07 said\nmore")))
    table = format_result(run_query(store, "SELECT ?text WHERE { ?e ?p ?text }"), "table")
    assert "\x1b" not in table and "\x07" not in table and "Acme ]0;PWNED  said more" in table


def test_a_query_file_past_the_cap_is_refused_not_read_to_the_end(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # `--file /dev/zero` read until the memory ran out
    monkeypatch.setattr(query, "MAX_QUERY_FILE_BYTES", 1024)
    big = tmp_path / "big.rq"
    big.write_text("SELECT * { ?s ?p ?o }\n" + "# padding\n" * 200, encoding="utf-8")
    with pytest.raises(InputError, match="over"):
        resolve_query(None, big)
    small = tmp_path / "small.rq"
    small.write_text("SELECT * { ?s ?p ?o }\n", encoding="utf-8")
    assert resolve_query(None, small).startswith("SELECT")


def test_an_answer_cut_short_by_the_file_size_limit_is_an_error_not_a_truncated_file(tmp_path: Path) -> None:
    # a short write (ulimit -f, a full disk) made Python's buffered stdout drop the rest of the answer,
    # and `kgraph query ... > answer.csv` exited 0 with a truncated file
    import resource
    import subprocess
    import sys

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    answer = tmp_path / "answer.csv"
    with open(answer, "wb") as out:
        done = subprocess.run([sys.executable, "-m", "kgraph", "query", str(MINI), "SELECT * { ?s ?p ?o }",
                               "--format", "csv"], stdout=out, stderr=subprocess.PIPE, text=True,
                              preexec_fn=limit, timeout=120)
    assert done.returncode == 4 and "cannot write the output" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1
