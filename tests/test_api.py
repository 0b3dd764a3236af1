"""kgraph from Python (issue 10.4): `import kgraph`, one text's events, a folder's graph, and
the README's "Use from Python" example, run as it is written."""
from __future__ import annotations

import doctest
import re
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
import rdflib

import kgraph

ROOT = Path(__file__).resolve().parent.parent


def test_the_package_says_what_it_offers() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", kgraph.__version__)
    assert {"__version__", "extract_events", "build_graph", "Event"} <= set(kgraph.__all__)
    assert all(hasattr(kgraph, name) for name in kgraph.__all__)


def test_importing_kgraph_loads_neither_spacy_nor_rdflib() -> None:
    code = "import sys, kgraph; print('spacy' in sys.modules, 'rdflib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.split() == ["False", "False"]


def test_extract_events_from_one_text() -> None:
    events = kgraph.extract_events("Russia deployed troops to Belarus. Germany might sanction Russia.")
    assert [(e.action, e.agent.country, e.target.country, e.modality) for e in events] == [
        ("deploy", "RUS", "BLR", "asserted"), ("sanction", "DEU", "RUS", "hypothetical")]
    assert all(isinstance(e, kgraph.Event) for e in events)
    assert events[1].sentence == "Germany might sanction Russia."


def test_a_publication_date_dates_relative_days() -> None:
    text = "Germany condemned Russia on Tuesday."
    assert [e.date for e in kgraph.extract_events(text)] == [None]
    import datetime

    assert [e.date for e in kgraph.extract_events(text, date=datetime.date(2024, 9, 5))] == ["2024-09-03"]
    with pytest.raises(kgraph.KgraphError, match="YYYY-MM-DD"):
        kgraph.extract_events(text, date="last week")


def test_a_date_line_at_the_top_wins_over_the_date_given() -> None:
    text = "KYIV, November 4, 2024 — Germany condemned Russia on Monday."
    assert [e.date for e in kgraph.extract_events(text, date="2025-01-01")] == ["2024-11-04"]


def test_build_graph_gives_a_dataset_to_query(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Germany condemned Russia.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Japan supplied Ukraine with generators.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"caf\xe9 Russia attacked Ukraine.")  # not UTF-8: skipped
    with pytest.warns(kgraph.KgraphWarning, match="c.txt"):
        graph = kgraph.build_graph(tmp_path)
    assert isinstance(graph, rdflib.Dataset)
    rows = graph.query("SELECT ?action ?who WHERE { ?e a ?action ; kg:agent/kg:iso3 ?who . "
                       "FILTER(?action != kg:Event) } ORDER BY ?who")
    assert [(str(a).rsplit("#")[-1], str(w)) for a, w in rows] == [("Condemn", "DEU"), ("Supply", "JPN")]
    assert not list(tmp_path.glob(".*"))  # no temporary file left beside the articles


def test_build_graph_of_nothing_readable_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(kgraph.KgraphError, match="no readable article"):
            kgraph.build_graph([tmp_path / "empty.txt"])


def test_a_text_longer_than_the_pipeline_takes_is_parsed_in_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    # spaCy refuses a text over its max_length (1,000,000 characters: ValueError E088); a build
    # parses such an article in parts, and now extract_events does too
    from kgraph.nlp import load_pipeline

    monkeypatch.setattr(load_pipeline(), "max_length", 60)
    events = kgraph.extract_events("Germany condemned Russia. France warned Iran. Japan condemned China.")
    assert {(e.action, e.agent.country, e.target.country) for e in events} == {
        ("condemn", "DEU", "RUS"), ("warn", "FRA", "IRN"), ("condemn", "JPN", "CHN")}


@pytest.mark.parametrize("invisible", ["\ufeff", "\u200b", "\x07"])
def test_an_invisible_character_glued_to_a_name_does_not_hide_the_event(invisible: str) -> None:
    """A byte-order mark or a zero-width space before "Germany" made one word of them: no
    country, no event (a file's leading mark was dropped, a JSON line's or the API's not)."""
    for text in (f"{invisible}Germany condemned Russia.", f"Hello.\n{invisible}Germany condemned Russia."):
        events = kgraph.extract_events(text)
        assert [(e.action, e.agent.name, e.target.name) for e in events] == [("condemn", "Germany", "Russia")]


def test_a_text_with_an_unpaired_surrogate_is_a_kgraph_error() -> None:
    with pytest.raises(kgraph.KgraphError, match="unpaired surrogate"):
        kgraph.extract_events("Germany \ud800 condemned Russia.")


def test_build_graph_takes_a_file_name_as_bytes(tmp_path: Path) -> None:
    # the bytes were iterated: "input not found: 47"
    article = tmp_path / "a.txt"
    article.write_text("Germany condemned Russia.\n")
    assert len(kgraph.build_graph(bytes(article))) > 0


def readme_example() -> str:
    """The ```pycon block of the README's "Use from Python" section."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Use from Python", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```pycon\n(.*?)```", section, re.S)
    assert len(blocks) == 1, "the section should hold one example"
    return blocks[0]


def test_the_readme_example_runs_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # it reads examples/, as from the repository's folder
    test = doctest.DocTestParser().get_doctest(readme_example(), {}, "README: Use from Python", "README.md", 0)
    assert len(test.examples) >= 5
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    output: list[str] = []
    runner.run(test, out=output.append)
    assert runner.failures == 0, "".join(output)


def test_build_graph_takes_a_list_of_file_names_as_bytes(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Germany condemned Russia.\n")
    assert len(kgraph.build_graph([bytes(article)])) == len(kgraph.build_graph(bytearray(bytes(article)))) > 0


@pytest.mark.parametrize("inputs, named", [(None, "not NoneType"), (5, "not int"), (["a.txt", 3], "not int")])
def test_build_graph_says_what_it_takes(inputs: object, named: str) -> None:
    """`build_graph(None)` was a bare "'NoneType' object is not iterable"."""
    with pytest.raises(TypeError, match=f"build_graph takes .*file or folder name.*{named}$"):
        kgraph.build_graph(inputs)  # type: ignore[arg-type]


def test_people_of_a_body_of_no_state_do_not_lose_the_article(tmp_path: Path) -> None:
    # "Council men": the victims rule had given them the Security Council's name for a state
    (tmp_path / "a.txt").write_text("Japan supports Council men. Germany condemned Russia.\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error", kgraph.KgraphWarning)
        graph = kgraph.build_graph(tmp_path)
    assert len(graph.query("SELECT ?e WHERE { ?e a kg:Condemn }")) == 1
