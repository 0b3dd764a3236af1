"""The `kgraph` command line, as a user meets it.

A bad input is answered with one readable line on stderr starting `kgraph: error:`, a non-zero
exit code and no traceback, and it leaves nothing behind: no output file, no `.tmp` file.
Inputs that are only partly bad (one unreadable file among good ones, one broken JSON line)
are skipped with a `kgraph: warning:` line and the build goes on.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import rdflib
from typer.testing import CliRunner

from kgraph.atomic import write_atomically
from kgraph.cli import app
from kgraph.query import canned_queries

ARTICLE = "Russia deployed troops to Belarus. Germany condemned Russia.\n"
CANNED = ("who-condemned-whom", "events-by-action", "country-dyads", "actor-events", "events-with-evidence")

runner = CliRunner()


def stderr_of(result) -> str:
    """Messages only: Click >= 8.2 keeps stderr apart; older versions mix it into output."""
    try:
        return result.stderr
    except ValueError:  # "stderr not separately captured"
        return result.output


def stdout_of(result) -> str:
    try:
        result.stderr
    except ValueError:
        return ""  # mixed in with the messages: nothing to check on its own
    return result.stdout


def files_in(folder: Path) -> set[str]:
    """Every file and folder below `folder`, hidden ones (like `.graph.ttl.x1y2.tmp`) too."""
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def fails(args: list[str], folder: Path, **invoke) -> str:
    """Run kgraph, expect one clean error, check `folder` is untouched; return the error line."""
    before = files_in(folder)
    result = runner.invoke(app, args, **invoke)
    messages = stderr_of(result)
    assert result.exit_code != 0, result.output
    assert "Traceback" not in result.output and "Traceback" not in messages
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    lines = messages.splitlines()
    errors = [line for line in lines if line.startswith("kgraph: error:")]
    assert len(errors) == 1, messages
    assert all(line.startswith(("kgraph: error:", "kgraph: warning:")) for line in lines), messages
    assert stdout_of(result) == ""
    assert files_in(folder) == before, "a failed run left files behind"
    return errors[0]


def succeeds(args: list[str], **invoke):
    result = runner.invoke(app, args, **invoke)
    assert result.exit_code == 0, stderr_of(result) + str(result.exception or "")
    return result


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small graph built once for the query and export tests."""
    folder = tmp_path_factory.mktemp("graph")
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    output = folder / "graph.ttl"
    succeeds(["build", str(folder / "article.txt"), "--output", str(output), "--quiet"])
    return output


# --- build: inputs that cannot be read ----------------------------------------------------


def test_missing_input_path(tmp_path: Path) -> None:
    error = fails(["build", str(tmp_path / "nowhere.txt"), "-o", str(tmp_path / "g.ttl")], tmp_path)
    assert "input not found" in error and "nowhere.txt" in error


def test_folder_without_articles(tmp_path: Path) -> None:
    (tmp_path / "pictures").mkdir()
    (tmp_path / "pictures" / "map.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    error = fails(["build", str(tmp_path / "pictures"), "-o", str(tmp_path / "g.ttl")], tmp_path)
    assert "no articles" in error


def test_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    error = fails(["build", str(tmp_path / "empty"), "-o", str(tmp_path / "g.ttl")], tmp_path)
    assert "no articles" in error


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    error = fails(["build", str(tmp_path / "empty.txt"), "-o", str(tmp_path / "g.ttl")], tmp_path)
    assert "empty file" in error


def test_binary_file(tmp_path: Path) -> None:
    (tmp_path / "data.txt").write_bytes(b"Russia\x00\x01\x02 deployed\x00troops")
    error = fails(["build", str(tmp_path / "data.txt"), "-o", str(tmp_path / "g.ttl")], tmp_path)
    assert "binary" in error


def test_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    (tmp_path / "latin1.txt").write_bytes(b"caf\xe9 Russia attacked Ukraine.")
    error = fails(["build", str(tmp_path / "latin1.txt"), "-o", str(tmp_path / "g.ttl")], tmp_path)
    assert "latin1.txt" in error and "UTF-8" in error and "iconv" in error  # and how to convert it


def test_missing_spacy_model_says_how_to_install(article: Path, tmp_path: Path) -> None:
    error = fails(["build", str(article), "-o", str(tmp_path / "g.ttl"), "--model", "not_a_model"], tmp_path)
    assert "not_a_model" in error and "pip install" in error


@pytest.mark.parametrize("model, says", [("typer", "is not a spaCy pipeline that loads"),
                                         ("blank:zz", "is not a spaCy pipeline that loads"),
                                         ("blank:en", "has no parser and no ner")])
def test_a_model_that_is_no_trained_pipeline_is_one_line(article: Path, tmp_path: Path, model: str,
                                                         says: str) -> None:
    # a module that is no pipeline gave AttributeError/ImportError tracebacks; "blank:en" found nothing
    result = runner.invoke(app, ["build", str(article), "-o", str(tmp_path / "g.ttl"), "--model", model])
    assert result.exit_code == 5 and says in result.stderr and result.stderr.count("\n") == 1, result.output


# --- build: outputs that cannot be written ---------------------------------------------------


def test_output_in_missing_folder(article: Path, tmp_path: Path) -> None:
    error = fails(["build", str(article), "-o", str(tmp_path / "no" / "such" / "g.ttl")], tmp_path)
    assert "does not exist" in error


def test_output_in_a_folder_that_is_a_file(article: Path, tmp_path: Path) -> None:
    # We may run as root, where chmod does not stop writes: a regular file is never a folder.
    (tmp_path / "somefile.txt").write_text("not a folder\n")
    error = fails(["build", str(article), "-o", str(tmp_path / "somefile.txt" / "graph.ttl")], tmp_path)
    assert "somefile.txt" in error and "not a folder" in error
    assert (tmp_path / "somefile.txt").read_text() == "not a folder\n"


def test_output_in_a_folder_that_takes_no_file_names_the_file(article: Path, tmp_path: Path) -> None:
    # /proc takes no new file, not even from root: the message names the file the user gave
    error = fails(["build", str(article), "-o", "/proc/graph.ttl"], tmp_path)
    assert error == "kgraph: error: cannot write /proc/graph.ttl: the folder /proc takes no new files"
    # an export words the same failure the same way
    graph = tmp_path / "graph.ttl"
    succeeds(["build", str(article), "-o", str(graph), "-q"])
    error = fails(["export", str(graph), "--format", "graphml", "-o", "/proc/graph.graphml"], tmp_path)
    assert error == "kgraph: error: cannot write /proc/graph.graphml: the folder /proc takes no new files"
    # and so does a store there
    error = fails(["build", str(article), "-s", "/proc/store"], tmp_path)
    assert error == "kgraph: error: cannot write store /proc/store: the folder /proc takes no new files"


def test_a_store_in_a_file_says_the_folder_is_a_file(article: Path, tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("not a folder\n")
    error = fails(["build", str(article), "-s", str(tmp_path / "afile" / "store")], tmp_path)
    assert error == f"kgraph: error: store's folder is a file, not a folder: {tmp_path / 'afile'}"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can write anywhere")
def test_output_in_read_only_folder(article: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        error = fails(["build", str(article), "-o", str(locked / "g.ttl")], tmp_path)
    finally:
        locked.chmod(0o755)
    assert "not writable" in error


def test_graphml_in_missing_folder_fails_before_writing_the_graph(article: Path, tmp_path: Path) -> None:
    fails(["build", str(article), "-o", str(tmp_path / "g.ttl"),
           "--graphml", str(tmp_path / "no" / "g.graphml")], tmp_path)


def test_output_path_that_is_a_folder(article: Path, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    error = fails(["build", str(article), "-o", str(tmp_path / "out")], tmp_path)
    assert "folder" in error


def test_output_that_is_an_input_is_refused(article: Path, tmp_path: Path) -> None:
    """Issue 8.4: `build a.txt -o a.txt` replaced the article with Turtle."""
    error = fails(["build", str(article), "-o", str(article)], tmp_path)
    assert "input" in error and article.read_text() == ARTICLE
    error = fails(["build", str(tmp_path), "-o", str(tmp_path / "." / "article.txt")], tmp_path)  # in a folder
    assert "input" in error and article.read_text() == ARTICLE
    error = fails(["build", str(article), "-o", str(tmp_path / "g.ttl"), "--graphml", str(article)], tmp_path)
    assert "--graphml" in error and article.read_text() == ARTICLE


def test_graphml_onto_the_graph_is_refused(article: Path, tmp_path: Path) -> None:
    error = fails(["build", str(article), "-o", str(tmp_path / "g.ttl"), "--graphml", str(tmp_path / "g.ttl")],
                  tmp_path)
    assert "same file" in error


@pytest.mark.parametrize("name", ["g.json", "g.graphml", "g.gexf", "graph"])
def test_output_in_no_rdf_syntax_is_refused(article: Path, tmp_path: Path, name: str) -> None:
    """`-o g.json` and `-o g.graphml` silently wrote Turtle under that name."""
    error = fails(["build", str(article), "-o", str(tmp_path / name)], tmp_path)
    assert name in error and ".ttl" in error


def test_export_onto_its_own_graph_is_refused(graph: Path, tmp_path: Path) -> None:
    before = graph.read_bytes()
    error = fails(["export", str(graph), "--format", "graphml", "-o", str(graph)], graph.parent)
    assert "same file" in error and graph.read_bytes() == before


# --- build: inputs that work ---------------------------------------------------------------


def test_build_writes_the_graph_and_a_summary(article: Path, tmp_path: Path) -> None:
    output = tmp_path / "graph.ttl"
    result = succeeds(["build", str(article), "--output", str(output)])
    assert output.is_file()
    assert "read 1 article(s)" in result.stdout and "skipped 0" in result.stdout
    assert "deploy 1" in result.stdout and "condemn 1" in result.stdout
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".nq", ".trig", ".jsonld", ".rdf"])
def test_every_rdf_syntax_named_in_help_can_be_written_and_queried(article: Path, tmp_path: Path,
                                                                   suffix: str) -> None:
    output = tmp_path / f"graph{suffix}"
    succeeds(["build", str(article), "-o", str(output), "--quiet"])
    result = succeeds(["query", str(output), "SELECT ?e WHERE { ?e a kg:Event }", "--format", "csv"])
    assert len(result.stdout.splitlines()) == 1 + 2  # header and both events


def test_one_unreadable_file_among_readable_ones_is_skipped(article: Path, tmp_path: Path) -> None:
    (tmp_path / "latin1.txt").write_bytes(b"caf\xe9 Russia attacked Ukraine.")
    output = tmp_path / "graph.ttl"
    result = succeeds(["build", str(article), str(tmp_path / "latin1.txt"), "-o", str(output)])
    warnings = stderr_of(result).splitlines()
    assert len(warnings) == 1 and warnings[0].startswith("kgraph: warning: skipped")
    assert "latin1.txt" in warnings[0]
    assert "skipped 1" in result.stdout
    assert output.is_file()


def test_folder_input_reads_every_article(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    (folder / "more").mkdir(parents=True)
    (folder / "one.txt").write_text("Germany condemned Russia.\n")
    (folder / "more" / "two.txt").write_text("The United States sanctioned Iran on Tuesday.\n")
    (folder / "map.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00")  # not an article: ignored
    result = succeeds(["build", str(folder), "-o", str(tmp_path / "graph.ttl")])
    assert "read 2 article(s)" in result.stdout and "skipped 0" in result.stdout


def test_folder_nested_a_thousand_deep_is_read(tmp_path: Path) -> None:
    # Deeper than Python's recursion limit: the folder walk must not recurse.
    folder = tmp_path / "news"
    deepest = str(folder)
    os.mkdir(deepest)
    for _ in range(1100):
        deepest += "/d"
        os.mkdir(deepest)
    Path(deepest, "one.txt").write_text("Germany condemned Russia.\n")
    try:
        result = succeeds(["build", str(folder), "-o", str(tmp_path / "graph.ttl")])
        assert "read 1 article(s)" in result.stdout
    finally:  # from the bottom up: pytest's cleanup (shutil.rmtree) would recurse too deep
        os.remove(Path(deepest, "one.txt"))
        while deepest != str(folder):
            os.rmdir(deepest)
            deepest = os.path.dirname(deepest)


def test_folder_input_takes_articles_in_order_and_skips_hidden_ones(tmp_path: Path) -> None:
    from kgraph.sources import list_input_files
    folder, elsewhere = tmp_path / "news", tmp_path / "elsewhere"
    for sub in (folder / "b", folder / ".drafts", elsewhere):
        sub.mkdir(parents=True)
    for name in ("b/two.TXT", "a.html", "c.jsonl", ".hidden.txt", ".drafts/x.txt", "map.png"):
        (folder / name).write_text("Germany condemned Russia.\n")
    (elsewhere / "far.txt").write_text("Germany condemned Russia.\n")
    (folder / "linked.txt").symlink_to(elsewhere / "far.txt")  # a link to a file is read
    (folder / "linked-folder").symlink_to(elsewhere)  # a link to a folder is not followed
    assert list_input_files([str(folder)]) == [
        str(folder / name) for name in ("a.html", "b/two.TXT", "c.jsonl", "linked.txt")]


def test_dash_reads_standard_input(tmp_path: Path) -> None:
    output = tmp_path / "graph.ttl"
    result = succeeds(["build", "-", "-o", str(output)], input=ARTICLE)
    assert "read 1 article(s)" in result.stdout
    assert "found 2 event(s)" in result.stdout
    assert "<stdin>" in output.read_text(encoding="utf-8")


def test_jsonl_with_one_bad_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "title": "Sanctions", "date": "2024-05-02",
                    "text": "The United States sanctioned Iran on Tuesday."}),
        "this line is not JSON",
        json.dumps({"id": "a2", "text": "Germany condemned Russia."}),
    ]
    (tmp_path / "briefs.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = succeeds(["build", str(tmp_path / "briefs.jsonl"), "-o", str(tmp_path / "graph.ttl")])
    assert "skipped briefs.jsonl line 2" in stderr_of(result).replace(str(tmp_path) + os.sep, "")
    assert "read 2 article(s)" in result.stdout and "skipped 1" in result.stdout
    assert "sanction 1" in result.stdout and "condemn 1" in result.stdout


def test_html_file(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("""<!DOCTYPE html>
<html><head><title>Germany condemns deployment</title></head>
<body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article>
<h1>Germany condemns deployment</h1>
<p>Russia deployed troops to Belarus on Monday, officials in Minsk said.</p>
<p>Germany condemned Russia for the deployment and called it a dangerous escalation.</p>
</article>
<footer>Copyright 2024 The Example Gazette</footer>
</body></html>
""", encoding="utf-8")
    output = tmp_path / "graph.ttl"
    result = succeeds(["build", str(tmp_path / "page.html"), "-o", str(output)])
    assert "read 1 article(s)" in result.stdout
    assert "deploy 1" in result.stdout and "condemn 1" in result.stdout
    assert "Copyright" not in output.read_text(encoding="utf-8")  # page chrome is dropped


def test_build_can_also_write_graphml(article: Path, tmp_path: Path) -> None:
    result = succeeds(["build", str(article), "-o", str(tmp_path / "g.ttl"),
                       "--graphml", str(tmp_path / "g.graphml")])
    assert (tmp_path / "g.graphml").is_file() and "GraphML" in result.stdout


def test_rdf_xml_of_an_article_with_control_characters_is_well_formed(tmp_path: Path) -> None:
    """A BEL in an article went into the RDF/XML as it was, which no XML parser reads (exit 0)."""
    (tmp_path / "a.txt").write_text("Germany condemned Russia for the \x07attack.\n")
    (tmp_path / "b.jsonl").write_text('{"text": "Japan supplied radars to the Philippines.", "title": "T\\u0007"}\n')
    for name in ("a.txt", "b.jsonl"):
        succeeds(["build", str(tmp_path / name), "-o", str(tmp_path / f"{name}.rdf")])
        assert len(rdflib.Graph().parse(tmp_path / f"{name}.rdf", format="xml")) > 10


def test_rdf_xml_that_xml_cannot_hold_is_refused_not_written(tmp_path: Path) -> None:
    """Oxigraph wrote a predicate IRI ending in "/" as an element named "oxprefix:": exit 0 and
    a file no reader opens. The written file is parsed before it replaces anything."""
    source = tmp_path / "hand.ttl"
    source.write_text('<http://ex.org/a> <http://ex.org/p/> "x" .\n')
    error = fails(["export", str(source), "-o", str(tmp_path / "hand.rdf")], tmp_path)
    assert "cannot be written as RDF/XML" in error and "Turtle" in error
    assert not (tmp_path / "hand.rdf").exists()


def test_graphml_that_fails_after_the_graph_says_the_graph_was_written(
        article: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full disk at the GraphML, after the graph was written: exit 4 alone read as if the
    build had been lost; the line says what was kept and how to get the GraphML."""
    from kgraph import export
    from kgraph.errors import OutputError

    def disk_full(source, target, **_):
        raise OutputError(f"cannot write {target}: No space left on device")

    monkeypatch.setattr(export, "export_graph", disk_full)
    result = runner.invoke(app, ["build", str(article), "-o", str(tmp_path / "g.ttl"),
                                 "--graphml", str(tmp_path / "g.graphml")])
    assert result.exit_code == 4 and (tmp_path / "g.ttl").is_file()
    assert f"{tmp_path / 'g.ttl'} was written" in stderr_of(result)
    assert f"kgraph export {tmp_path / 'g.ttl'} -o {tmp_path / 'g.graphml'} --format graphml" in stderr_of(result)


# --- query ---------------------------------------------------------------------------------


UNICODE_VALUE = '@prefix ex: <http://example.org/> .\nex:e ex:p "Ünïcødé 😀 日本" .\n'
VALUE_QUERY = "PREFIX ex: <http://example.org/> SELECT ?o WHERE { ex:e ex:p ?o }"


@pytest.mark.parametrize("fmt, expected", [("csv", "o\r\nÜnïcødé 😀 日本\r\n".encode()),
                                           ("table", b"\\xdcn\\xefc\\xf8d\\xe9 \\U0001f600 \\u65e5\\u672c\n")])
def test_query_answers_in_a_locale_that_cannot_show_them(tmp_path: Path, fmt: str, expected: bytes) -> None:
    """Under an ASCII locale, an answer holding "Ünïcødé" was a UnicodeEncodeError traceback.
    CSV, TSV and JSON results are UTF-8 whatever the locale, and CSV ends every record with
    CRLF (the last one had a bare LF); the table shows what the locale cannot as escapes."""
    (tmp_path / "h.ttl").write_text(UNICODE_VALUE, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "kgraph", "query", str(tmp_path / "h.ttl"), VALUE_QUERY,
                           "--format", fmt], capture_output=True, timeout=120,
                          env={**os.environ, "PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0 and done.stderr == b"", done.stderr
    assert done.stdout.endswith(expected), done.stdout


def test_query_list_names_the_canned_queries() -> None:
    result = succeeds(["query", "--list"])
    names = {line.split()[0] for line in result.stdout.splitlines() if line.strip()}
    assert set(CANNED) <= names
    assert names == set(canned_queries())


def test_query_without_a_graph(tmp_path: Path) -> None:
    error = fails(["query"], tmp_path)
    assert "graph file" in error and "--list" in error


def test_canned_query(graph: Path) -> None:
    result = succeeds(["query", str(graph), "who-condemned-whom", "--format", "json"])
    rows = json.loads(result.stdout)["results"]["bindings"]
    assert [(r["agent"]["value"], r["target"]["value"]) for r in rows] == [("Germany", "Russia")]


def test_sparql_text_with_prebound_prefixes(graph: Path) -> None:
    result = succeeds(["query", str(graph), "SELECT ?e WHERE { ?e a kg:Deploy }", "--format", "csv"])
    assert result.stdout.splitlines()[0] == "e" and len(result.stdout.splitlines()) == 2


def test_malformed_sparql_names_line_and_column(graph: Path) -> None:
    query = "SELECT ?event WHERE {\n  ?event a kg:Event .\n  ?event kg:agent }\n"
    error = fails(["query", str(graph), query], graph.parent)
    assert "malformed SPARQL" in error
    assert "line 3, column" in error


def test_unknown_canned_query_lists_the_known_ones(graph: Path) -> None:
    error = fails(["query", str(graph), "who-praised-whom"], graph.parent)
    assert "who-praised-whom" in error
    assert all(name in error for name in CANNED)


def test_unknown_query_format(graph: Path) -> None:
    error = fails(["query", str(graph), "actors", "--format", "xml"], graph.parent)
    assert "xml" in error and "table, csv, tsv, json" in error


def test_query_of_missing_graph(tmp_path: Path) -> None:
    error = fails(["query", str(tmp_path / "none.ttl"), "actors"], tmp_path)
    assert "not found" in error


def test_update_is_refused(graph: Path) -> None:
    before = graph.read_bytes()
    error = fails(["query", str(graph), "DELETE WHERE { ?s ?p ?o }"], graph.parent)
    assert "read-only" in error
    assert graph.read_bytes() == before


# --- export --------------------------------------------------------------------------------


def test_export_graphml(graph: Path, tmp_path: Path) -> None:
    output = tmp_path / "actors.graphml"
    result = succeeds(["export", str(graph), "--format", "graphml", "--output", str(output)])
    assert output.is_file() and result.stdout.startswith("wrote ")


def test_export_writes_the_format_its_output_is_named_for(graph: Path, tmp_path: Path) -> None:
    quads = tmp_path / "graph.nq"
    assert "quads" in succeeds(["export", str(graph), "-o", str(quads)]).stdout
    assert quads.read_text(encoding="utf-8").startswith("<")  # N-Quads, not a GraphML document
    assert not quads.read_text(encoding="utf-8").startswith("<?xml")
    gexf = tmp_path / "graph.gexf"
    succeeds(["export", str(graph), "-o", str(gexf)])
    assert "<gexf" in gexf.read_text(encoding="utf-8")[:300]
    other = tmp_path / "graph.dat"  # no format by that name: GraphML, the default
    succeeds(["export", str(graph), "-o", str(other)])
    assert "<graphml" in other.read_text(encoding="utf-8")[:300]


def test_a_format_other_than_the_outputs_name_says_is_written_with_a_warning(graph: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", str(graph), "--format", "graphml", "-o", str(tmp_path / "g.nq")])
    assert result.exit_code == 0 and "extension says nq" in result.stderr


def test_a_device_or_pipe_is_never_replaced_by_a_file(graph: Path, tmp_path: Path) -> None:
    import os
    import stat
    pipe = tmp_path / "g.graphml"
    os.mkfifo(pipe)
    error = fails(["export", str(graph), "-o", str(pipe)], tmp_path)
    assert "not a regular file" in error and stat.S_ISFIFO(pipe.stat().st_mode)


def test_an_output_through_a_symbolic_link_writes_the_file_it_points_to(graph: Path, tmp_path: Path) -> None:
    real = tmp_path / "real.graphml"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.graphml"
    link.symlink_to(real)
    succeeds(["export", str(graph), "-o", str(link)])
    assert link.is_symlink() and "<graphml" in real.read_text(encoding="utf-8")[:300]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_results_to_a_full_disk_are_one_error_line(graph: Path) -> None:
    import subprocess
    import sys
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "kgraph", "query", str(graph), "SELECT * { ?s ?p ?o }"],
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert done.returncode == 4 and "Traceback" not in done.stderr
    assert done.stderr.strip() == "kgraph: error: cannot write the output: No space left on device"


def test_unknown_export_format(graph: Path, tmp_path: Path) -> None:
    error = fails(["export", str(graph), "--format", "dot", "-o", str(tmp_path / "g.dot")], tmp_path)
    assert "dot" in error and "graphml, gexf" in error


def test_unknown_export_view(graph: Path, tmp_path: Path) -> None:
    error = fails(["export", str(graph), "--view", "people", "-o", str(tmp_path / "g.graphml")], tmp_path)
    assert "people" in error and "actors, events" in error


def test_export_to_missing_folder(graph: Path, tmp_path: Path) -> None:
    error = fails(["export", str(graph), "-o", str(tmp_path / "no" / "g.graphml")], tmp_path)
    assert "does not exist" in error


# --- help ----------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [[], ["build"], ["query"], ["export"]])
def test_help(command: list[str]) -> None:
    result = succeeds([*command, "--help"])
    assert result.stdout.startswith("Usage: ")


def test_python_dash_m_kgraph() -> None:
    result = subprocess.run([sys.executable, "-m", "kgraph", "--help"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert all(command in result.stdout for command in ("build", "query", "export"))


# --- atomic writes -------------------------------------------------------------------------


class Interrupted(Exception):
    pass


def test_interrupted_write_keeps_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "graph.ttl"
    path.write_text("old content\n")

    def half_then_fail(tmp: Path) -> None:
        tmp.write_text("half of the new")
        raise Interrupted

    with pytest.raises(Interrupted):
        write_atomically(path, half_then_fail)
    assert path.read_text() == "old content\n"
    assert files_in(tmp_path) == {"graph.ttl"}


def test_interrupted_first_write_leaves_no_file(tmp_path: Path) -> None:
    def half_then_ctrl_c(tmp: Path) -> None:
        tmp.write_text("half")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_atomically(tmp_path / "graph.ttl", half_then_ctrl_c)
    assert files_in(tmp_path) == set()


def test_finished_write_replaces_the_file(tmp_path: Path) -> None:
    path = tmp_path / "graph.ttl"
    path.write_text("old content\n")
    write_atomically(path, lambda tmp: tmp.write_text("new content\n"))
    assert path.read_text() == "new content\n"
    assert files_in(tmp_path) == {"graph.ttl"}


def test_a_write_removes_what_a_killed_write_left(tmp_path: Path) -> None:
    """`kill -9` during an export leaves its hidden temporary file; the next write of that file
    removes it once its writer is gone and it has gone untouched for a while. A live writer's
    file, and files not of this output, stay."""
    path = tmp_path / "graph.ttl"
    abandoned = tmp_path / f".graph.ttl.{2**40}.x1y2.tmp"  # no process has that id
    live = tmp_path / f".graph.ttl.{os.getpid()}.z3w4.tmp"
    recent = tmp_path / f".graph.ttl.{2**40}.recent.tmp"
    other = tmp_path / f".other.ttl.{2**40}.x1y2.tmp"
    longer = tmp_path / f".graph.ttl.{2**40}.ttl.{os.getpid()}.x1y2.tmp"  # "graph.ttl.<n>.ttl"'s, live
    for leftover in (abandoned, live, recent, other, longer):
        leftover.write_text("half")
    long_ago = time.time() - 3600
    for old in (abandoned, live, other, longer):
        os.utime(old, (long_ago, long_ago))
    write_atomically(path, lambda tmp: tmp.write_text("new content\n"))
    assert files_in(tmp_path) == {"graph.ttl", live.name, recent.name, other.name, longer.name}


def test_an_interrupted_export_says_nothing_of_a_store(graph: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # the build's message ("a store keeps the articles finished before") was every command's
    def stopped(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt
    monkeypatch.setattr("kgraph.export.export_graph", stopped)
    result = runner.invoke(app, ["export", str(graph), "-o", str(tmp_path / "g.graphml")])
    assert result.exit_code == 130
    assert result.stderr == "kgraph: error: interrupted; no output file was written\n"


def test_an_output_inside_a_store_folder_is_refused(tmp_path: Path) -> None:
    # "export kg -o kg/CURRENT" replaced the database's own file, and the store was lost
    article, store = tmp_path / "a.txt", tmp_path / "kg"
    article.write_text("Germany condemned Russia.\n")
    succeeds(["build", str(article), "--store", str(store)])
    for args in (["export", str(store), "-o", str(store / "CURRENT"), "--format", "nt"],
                 ["build", str(article), "-o", str(store / "g.ttl")]):
        result = runner.invoke(app, args)
        assert result.exit_code == 4 and "inside the store folder" in result.stderr, result.output
    assert succeeds(["query", str(store), "SELECT (COUNT(*) AS ?n) { ?e a kg:Event }"]).stdout.split()[-1] == "1"
