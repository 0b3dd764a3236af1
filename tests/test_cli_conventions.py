"""The command line's conventions (issue 10.5): --version, -q/-v on every command, exit codes
as the README's table says, help without Python's type names, the pre-bound prefixes listed
alike everywhere, shell completion, and messages that say what to do."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kgraph
from kgraph.cli import app
from kgraph.errors import InputError, ModelError, OutputError, QueryError, QueryTimeoutError, UsageError
from kgraph.store import StoreBusyError
from kgraph.vocab import PREFIXES

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = ("build", "remove", "serve", "query", "export")
ARTICLE = "Russia deployed troops to Belarus. Germany condemned Russia.\n"
runner = CliRunner()


def readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout == f"kgraph {kgraph.__version__}\n"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_quiet_and_verbose_and_help_without_type_names(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "-q, --quiet" in result.stdout and "-v, --verbose" in result.stdout
    assert not re.search(r"<\w[^>]*>", result.stdout), result.stdout  # <str>, <list[str]>, <int range>
    usage = result.stdout.splitlines()[0]
    assert "{" not in usage and usage.startswith(f"Usage: kgraph {command} [OPTIONS] ")


def test_the_prebound_prefixes_read_the_same_in_help_and_readme() -> None:
    listed = ", ".join(PREFIXES)
    help_text = " ".join(runner.invoke(app, ["query", "--help"]).stdout.split())
    assert f"The prefixes {listed} are pre-bound" in help_text
    assert f"The prefixes {listed} are pre-bound" in " ".join(readme().split())


def exit_table() -> dict[int, str]:
    section = readme().split("Exit status, for scripts:", 1)[1].split("\n\n", 2)[1]
    return {int(m.group(1)): m.group(2) for m in re.finditer(r"^\| (\d+) \| (.+) \|$", section, re.M)}


def test_the_readme_lists_each_exit_status_once_and_usage_apart_from_bad_input() -> None:
    table = exit_table()
    assert "usage" in table[UsageError.exit_code] and "bad input" in table[InputError.exit_code]
    assert UsageError.exit_code == 2 != InputError.exit_code == QueryError.exit_code
    assert "written" in table[OutputError.exit_code] and "spaCy" in table[ModelError.exit_code]
    assert "busy" in table[StoreBusyError.exit_code] and "timeout" in table[QueryTimeoutError.exit_code]
    assert {0, 1, 130} <= set(table)


def test_exit_statuses_as_the_table_says(article: Path, tmp_path: Path) -> None:
    statuses = {
        "usage": runner.invoke(app, ["build", str(article), "--no-such-option"]).exit_code,
        "bad value": runner.invoke(app, ["query", str(article), "actors", "--format", "xml"]).exit_code,
        "bad input": runner.invoke(app, ["build", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "g.ttl")]).exit_code,
        "bad query": runner.invoke(app, ["query", str(article), "who-praised-whom"]).exit_code,
        "output": runner.invoke(app, ["build", str(article), "-o", str(tmp_path / "no" / "g.ttl")]).exit_code,
        "model": runner.invoke(app, ["build", str(article), "-o", str(tmp_path / "g.ttl"), "-m", "xx_nothing"]).exit_code,
    }
    assert statuses == {"usage": 2, "bad value": 2, "bad input": 3, "bad query": 3, "output": 4, "model": 5}


def test_a_syntax_error_quotes_the_query_from_its_start(tmp_path: Path, article: Path) -> None:
    graph = tmp_path / "g.ttl"
    runner.invoke(app, ["build", str(article), "-o", str(graph), "-q"])
    result = runner.invoke(app, ["query", str(graph), "SELECT ?x WHERE { ?x kg:agent }"])
    assert result.exit_code == 3
    assert "at line 1, column 31 (after 'SELECT ?x WHERE { ?x kg:agent')" in result.stderr
    long = "SELECT ?event ?agent ?target WHERE { ?event a kg:Event ; kg:agent ?agent ; kg:target }"
    result = runner.invoke(app, ["query", str(graph), long])
    quoted = re.search(r"\(after '… (.*?)'\)", result.stderr).group(1)
    assert f" {quoted} }}" in long  # the end of the line before the error, from a word's start


def test_shell_completion_completes_commands() -> None:
    env = {**os.environ, "_KGRAPH_COMPLETE": "complete_bash", "COMP_WORDS": "kgraph que", "COMP_CWORD": "1"}
    result = subprocess.run([str(Path(sys.executable).parent / "kgraph")], env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.stdout.split() == ["query"], result


def test_a_build_with_nothing_new_says_so(article: Path, tmp_path: Path) -> None:
    store = tmp_path / "kg"
    assert runner.invoke(app, ["build", str(article), "--store", str(store), "-q"]).exit_code == 0
    again = runner.invoke(app, ["build", str(article), "--store", str(store)])
    assert again.exit_code == 0
    assert again.stdout == f"nothing new: all 1 article(s) are already in {store} as they are\n"


def test_the_default_output_is_explained_when_out_is_missing(article: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["build", str(article)])
    assert result.exit_code == 4 and result.stdout == ""
    assert result.stderr.startswith("kgraph: error: output folder out/ does not exist: without --output "
                                    "or --store the graph goes to out/graph.ttl; create it (mkdir out)")
    (tmp_path / "out").mkdir()
    assert runner.invoke(app, ["build", str(article), "-q"]).exit_code == 0
    assert (tmp_path / "out" / "graph.ttl").is_file()


def test_remove_names_the_sources_the_store_holds(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(f"Germany condemned Russia ({name}).\n", encoding="utf-8")
    store = tmp_path / "kg"
    runner.invoke(app, ["build", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--store", str(store), "-q"])
    result = runner.invoke(app, ["remove", "c.txt", "--store", str(store)])
    assert result.exit_code == 1
    assert result.stderr == (f"kgraph: error: no article with source 'c.txt' in {store}; it holds: "
                             f"{tmp_path.resolve() / 'a.txt'}, {tmp_path.resolve() / 'b.txt'}\n")


def test_quiet_prints_results_only_and_verbose_adds_notes(article: Path, tmp_path: Path) -> None:
    graph = tmp_path / "g.ttl"
    quiet = runner.invoke(app, ["build", str(article), "-o", str(graph), "-q"])
    assert quiet.exit_code == 0 and quiet.stdout == "" and quiet.stderr == ""
    verbose = runner.invoke(app, ["build", str(article), "-o", str(graph), "-v"])
    assert verbose.exit_code == 0 and "found 2 event(s)" in verbose.stdout
    notes = verbose.stderr.splitlines()
    assert any(n.startswith("kgraph: loaded spaCy pipeline ") for n in notes), notes
    assert re.search(rf"^kgraph: {re.escape(str(article.resolve()))}: 8 words \(\+\d+\.\d\d s\)$",
                     verbose.stderr, re.M), verbose.stderr
    exported = runner.invoke(app, ["export", str(graph), "--format", "nt", "-o", str(tmp_path / "g.nt"), "-q"])
    assert exported.exit_code == 0 and exported.stdout == "" and (tmp_path / "g.nt").is_file()
    query = runner.invoke(app, ["query", str(graph), "who-condemned-whom", "--format", "csv", "-v"])
    assert query.exit_code == 0 and "Germany,Russia" in query.stdout
    assert re.fullmatch(rf"kgraph: queried {re.escape(str(graph))} in \d+\.\d\d s\n", query.stderr)
    both = runner.invoke(app, ["query", str(graph), "actors", "-q", "-v"])
    assert both.exit_code == 2 and "either --quiet or --verbose" in both.stderr


def test_export_exit_statuses_as_the_table_says(article: Path, tmp_path: Path) -> None:
    graph = tmp_path / "g.ttl"
    assert runner.invoke(app, ["build", str(article), "-o", str(graph), "-q"]).exit_code == 0
    binary = tmp_path / "binary.ttl"
    binary.write_bytes(bytes(range(256)) * 4)

    def export(source: Path, fmt: str, output: Path, *options: str) -> int:
        return runner.invoke(app, ["export", str(source), "--format", fmt, "-o", str(output), *options]).exit_code

    for fmt in ("html", "gexf", "graphml", "trig", "jsonld"):
        out = tmp_path / f"graph.{fmt}"
        statuses = {
            "missing graph": export(tmp_path / "missing.ttl", fmt, out),
            "binary graph": export(binary, fmt, out),
            "no output folder": export(graph, fmt, tmp_path / "no" / f"graph.{fmt}"),
            # /proc takes no new file, not even from root (the chmod tests skip for root)
            "unwritable folder": export(graph, fmt, Path("/proc") / f"graph.{fmt}"),
            "quiet and verbose": export(graph, fmt, out, "-q", "-v"),
        }
        assert statuses == {"missing graph": 3, "binary graph": 3, "no output folder": 4, "unwritable folder": 4,
                            "quiet and verbose": 2}, fmt
        assert not out.exists()
    assert export(graph, "pdf", tmp_path / "graph.pdf") == 2
    assert export(graph, "gexf", tmp_path / "graph.gexf", "--view", "documents") == 2


def test_export_options_for_drawings_only_are_refused_for_rdf(article: Path, tmp_path: Path) -> None:
    graph = tmp_path / "g.ttl"
    runner.invoke(app, ["build", str(article), "-o", str(graph), "-q"])
    result = runner.invoke(app, ["export", str(graph), "--format", "trig", "--no-isolated", "-o", str(tmp_path / "g.trig")])
    assert result.exit_code == 2 and not (tmp_path / "g.trig").exists()
    assert result.stderr == "kgraph: error: --no-isolated is for graphml, gexf and html; --format trig writes every triple as it is\n"
    result = runner.invoke(app, ["export", str(graph), "--format", "nt", "--view", "events", "-o", str(tmp_path / "g.nt")])
    assert result.exit_code == 2 and "--view events is for graphml, gexf and html" in result.stderr


def test_html_export_with_no_isolated_is_quiet_with_q_and_timed_with_v(article: Path, tmp_path: Path) -> None:
    graph, page = tmp_path / "g.ttl", tmp_path / "g.html"
    runner.invoke(app, ["build", str(article), "-o", str(graph), "-q"])
    quiet = runner.invoke(app, ["export", str(graph), "--format", "html", "--no-isolated", "-q", "-o", str(page)])
    assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (0, "", "") and page.is_file()
    verbose = runner.invoke(app, ["export", str(graph), "--format", "html", "--no-isolated", "-v", "-o", str(page)])
    assert verbose.exit_code == 0 and verbose.stdout == f"wrote 3 nodes and 2 edges to {page}\n"
    assert re.fullmatch(rf"kgraph: exported {re.escape(str(graph))} as html in \d+\.\d\d s\n", verbose.stderr)


def test_serve_help_shows_its_curl_example_as_a_block_to_copy() -> None:
    lines = runner.invoke(app, ["serve", "--help"], env={"COLUMNS": "80"}).stdout.splitlines()
    start = lines.index("    curl -H 'Accept: text/csv' --data-urlencode \\")
    assert lines[start + 1] == "      'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5' http://127.0.0.1:7878/query"
    assert lines[start + 2] == ""  # the prose goes on in its own paragraph


@pytest.mark.parametrize("args", [["-o", "graph.xyz"], ["-o", "graph.graphml"], ["--store", "ftp://host/kg"]])
def test_an_output_kgraph_cannot_write_is_a_bad_option_value(article: Path, tmp_path: Path,
                                                             args: list[str]) -> None:
    # an extension that names no RDF syntax, or a URL of another scheme, is a usage error (2), not an
    # unwritable output (4); "ftp://host/kg" was read as a folder path ("folder does not exist: ftp:/host")
    args = [str(tmp_path / a) if a.startswith("graph.") else a for a in args]
    result = runner.invoke(app, ["build", str(article), *args], catch_exceptions=False)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "does not exist" not in result.stderr, result.stderr
    assert not list(tmp_path.glob("graph.*"))


def test_a_url_of_another_scheme_is_no_graph_to_query() -> None:
    result = runner.invoke(app, ["query", "ftp://host/kg", "SELECT * { ?s ?p ?o }"])
    assert result.exit_code == 2 and result.stderr == (
        "kgraph: error: ftp://host/kg: not a folder, a file or an http:// or https:// SPARQL server "
        "(ftp:// is not supported)\n")


def test_ctrl_c_while_the_cli_loads_is_one_line_too() -> None:
    # the console script imported kgraph.cli before any handler ran: Ctrl-C in its first fifth
    # of a second printed a traceback
    code = ("import sys\n"
            "class Interrupting:\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            "        if name == 'kgraph.cli':\n"
            "            raise KeyboardInterrupt\n"
            "sys.meta_path.insert(0, Interrupting())\n"
            "from kgraph.console import main\n"
            "main()\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout, result.stderr) == (130, "", "kgraph: error: interrupted\n")


@pytest.mark.parametrize("raised", ["KeyboardInterrupt", "SystemExit(130)"])
def test_ctrl_c_before_a_command_runs_is_one_line_too(raised: str) -> None:
    # a KeyboardInterrupt while Typer built the command escaped as a traceback; one while it read
    # the arguments became Typer's own exit 130 (SystemExit in its standalone mode) with no word
    code = ("import sys\n"
            "from kgraph import cli\n"
            "def app():\n"
            f"    raise {raised}\n"
            "cli.app = app\n"
            "cli.main()\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout, result.stderr) == (130, "", "kgraph: error: interrupted\n")


def test_a_commands_own_ctrl_c_line_is_not_said_twice(article: Path, tmp_path: Path) -> None:
    code = ("import os, signal, sys\n"
            "from kgraph import cli, pipeline\n"
            "def build(*args, **kwargs):\n"
            "    raise KeyboardInterrupt\n"
            "pipeline.build = build\n"
            f"sys.argv = ['kgraph', 'build', {str(article)!r}, '-o', {str(tmp_path / 'g.ttl')!r}]\n"
            "cli.main()\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 130 and result.stderr.count("interrupted") == 1, result.stderr


def test_importing_the_package_runs_almost_nothing() -> None:
    # the console script imports kgraph before it can take Ctrl-C: importlib.metadata and the API's
    # modules loaded there made the first 0.06 s print Python's traceback
    code = "import sys, kgraph; print(sorted(m for m in sys.modules if m.startswith('kgraph')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "['kgraph']"


@pytest.mark.parametrize("args", [["build", "", "-o", "{tmp}/g.ttl"], ["build", "{article}", "--store", ""],
                                  ["build", ""], ["query", "", "ASK {{}}"], ["export", "", "-o", "{tmp}/g.ttl"],
                                  ["remove", "a.txt", "--store", ""]])
def test_an_empty_path_is_refused_not_read_as_the_working_folder(article: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch,
                                                                 args: list[str]) -> None:
    # an unset "$DIR" gave "": the build read every article under the working folder. Every
    # empty path is bad input (3): a store's had been a usage error (2), and `build ""` with no
    # out/ folder had complained of the folder (4)
    monkeypatch.chdir(tmp_path)
    args = [a.format(article=article, tmp=tmp_path) for a in args]
    result = runner.invoke(app, args)
    assert result.exit_code == 3 and "empty" in result.stderr and result.stderr.count("\n") == 1, result.output
    assert not list(tmp_path.glob("g.*"))


@pytest.mark.parametrize("args", [["serve", ""], ["build", "{article}", "-o", ""],
                                  ["build", "{article}", "-o", "{tmp}/g.ttl", "--graphml", ""],
                                  ["query", "{tmp}/g.ttl", "-f", ""], ["export", "{tmp}/g.ttl", "-o", ""],
                                  ["remove", "", "--store", "{tmp}/store"]])
def test_an_empty_path_to_serve_write_or_read_a_query_from_is_refused_as_build_refuses_one(
        article: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]) -> None:
    # Typer reads "" as Path("."): `serve ""` answered "not a kgraph store folder: ." and
    # `-o ""` "output path is a folder"; they now say what `build ""` says, with its exit status
    monkeypatch.chdir(tmp_path)
    before = sorted(tmp_path.iterdir())
    result = runner.invoke(app, [a.format(article=article, tmp=tmp_path) for a in args])
    assert result.exit_code == 3 and "empty" in result.stderr and "unset variable" in result.stderr
    assert result.stderr.count("\n") == 1 and sorted(tmp_path.iterdir()) == before, result.output


@pytest.mark.parametrize("option, value", [("--batch-size", "99999999999999999999"), ("--n-process", "5000")])
def test_a_parsing_option_beyond_reason_is_a_usage_error(article: Path, tmp_path: Path, option: str,
                                                         value: str) -> None:
    # a huge batch size overflowed a C long inside spaCy (traceback); 5000 processes ran out of
    # file descriptors and said the output could not be written
    result = runner.invoke(app, ["build", str(article), "-o", str(tmp_path / "g.ttl"), option, value])
    assert result.exit_code == 2 and option in result.stderr and not list(tmp_path.glob("g.*"))


def test_ctrl_c_during_a_finalizer_still_interrupts() -> None:
    # Python drops an exception raised inside __del__ ("Exception ignored in ..."): a build whose
    # Ctrl-C came while the garbage collector ran a regex object's __del__ printed that traceback
    # and went on to its end
    code = ("import os, signal, time\n"
            "from kgraph import cli\n"
            "signal.signal(signal.SIGINT, cli._stop_as_interrupted)\n"
            "class Finalized:\n"
            "    def __del__(self):\n"
            "        os.kill(os.getpid(), signal.SIGINT)\n"
            "        time.sleep(0.01)\n"
            "try:\n"
            "    Finalized()\n"
            "    time.sleep(2)\n"
            "    print('went on')\n"
            "except KeyboardInterrupt:\n"
            "    print('interrupted')\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert (result.stdout, result.stderr) == ("interrupted\n", "")


def test_a_signal_the_shell_ignores_stays_ignored() -> None:
    # a script's "kgraph build ... &" starts with SIGINT ignored: its Ctrl-C is not for kgraph
    code = ("import signal\n"
            "signal.signal(signal.SIGINT, signal.SIG_IGN)\n"
            "signal.signal(signal.SIGHUP, signal.SIG_IGN)\n"
            "import kgraph.cli as cli\n"
            "cli.app = lambda: print(signal.getsignal(signal.SIGINT) is signal.SIG_IGN,\n"
            "                        signal.getsignal(signal.SIGHUP) is signal.SIG_IGN,\n"
            "                        signal.getsignal(signal.SIGTERM) is cli._stop_as_interrupted)\n"
            "cli.main()\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout == "True True True\n", result.stderr


def test_a_server_url_in_capitals_is_a_server() -> None:
    from kgraph.store import check_location, is_remote

    check_location("HTTP://127.0.0.1:7878/query")  # the new scheme check refused it
    assert is_remote("HTTPS://example.org/sparql")


def test_messages_show_control_characters_as_escapes() -> None:
    from kgraph.errors import one_line

    assert one_line("GET /nope\x1b[2J\x1b]0;PWNED\x07 \u009b") == "GET /nope\\x1b[2J\\x1b]0;PWNED\\x07 \\x9b"
    assert one_line("a\nkgraph: error: fake\tb\r") == "a\\nkgraph: error: fake\\tb\\r"
    assert one_line("Zürich — “quoted”") == "Zürich — “quoted”"
