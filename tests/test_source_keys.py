"""Source keys name articles: a store keeps one article per key, so two articles never share a
key (standard input, JSON lines without id or URL) and one article never has two (the same
file spelled differently). Issue 8.2 and 8.3."""
from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from kgraph.cli import app
from kgraph.pipeline import build, remove

DOC = "https://w3id.org/kgraph/ontology#Document"
SOURCE = "http://purl.org/dc/terms/source"


def _sources(store: Path) -> list[str]:
    db = ox.Store.read_only(str(store))
    rows = [r["s"].value for r in db.query(f"SELECT ?s WHERE {{ GRAPH ?g {{ ?d a <{DOC}> ; <{SOURCE}> ?s }} }}")]
    del db
    return sorted(rows)


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))


def test_articles_piped_one_after_the_other_are_all_kept(tmp_path, monkeypatch):
    store = str(tmp_path / "kg")
    for text in ("Russia condemned Ukraine.\n", "Japan supplied radars to the Philippines.\n"):
        _stdin(monkeypatch, text)
        build(["-"], store=store, ingest_process=False)
    sources = _sources(tmp_path / "kg")
    assert len(sources) == 2 and all(s.startswith("<stdin>#") for s in sources)
    _stdin(monkeypatch, "Russia condemned Ukraine.\n")
    assert build(["-"], store=store, ingest_process=False).unchanged == 1  # the same text again


def test_tomorrows_feed_file_without_ids_adds_to_todays(tmp_path):
    feed, store = tmp_path / "feed.jsonl", str(tmp_path / "kg")
    feed.write_text(json.dumps({"text": "Russia condemned Ukraine."}) + "\n")
    build([str(feed)], store=store, ingest_process=False)
    feed.write_text(json.dumps({"text": "Japan supplied radars to the Philippines."}) + "\n"
                    + json.dumps({"text": "Russia condemned Ukraine."}) + "\n")  # yesterday's, now line 2
    again = build([str(feed)], store=store, ingest_process=False)
    assert again.unchanged == 1
    sources = _sources(tmp_path / "kg")
    assert len(sources) == 2 and all(s.startswith(f"{feed.resolve()}#") for s in sources)


def test_one_file_spelled_three_ways_is_one_article(tmp_path, monkeypatch):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Russia condemned Ukraine.\n")
    (tmp_path / "in" / "b.txt").write_text("Japan supplied radars to the Philippines.\n")
    monkeypatch.chdir(tmp_path)
    store = str(tmp_path / "kg")
    for spelling in ("in/", "./in", str(tmp_path / "in"), "in/../in"):
        build([spelling], store=store, ingest_process=False)
    assert _sources(tmp_path / "kg") == [str(tmp_path / "in" / "a.txt"), str(tmp_path / "in" / "b.txt")]
    assert remove("./in//a.txt", store) == 1  # any spelling removes it
    assert _sources(tmp_path / "kg") == [str(tmp_path / "in" / "b.txt")]
    result = CliRunner().invoke(app, ["remove", os.path.join("in", "..", "in", "b.txt"), "--store", store])
    assert result.exit_code == 0, result.output
    assert _sources(tmp_path / "kg") == []


def test_a_file_given_several_times_in_one_build_is_read_once(tmp_path, monkeypatch):
    """The summary of `build in in/a.txt ./in/a.txt` into an empty store had said "2 already in
    the store" of repeats within the command."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Russia condemned Ukraine.\n")
    monkeypatch.chdir(tmp_path)
    summary = build(["in", "in/a.txt", "./in/a.txt", str(tmp_path / "in" / "a.txt")], store=str(tmp_path / "kg"),
                    ingest_process=False)
    assert (summary.articles, summary.unchanged) == (1, 0)


def test_a_file_named_like_a_byte_escape_and_one_with_that_byte_are_two_articles(tmp_path):
    # both were keyed "b\xff.txt" (a backslash, then x, f, f): the store kept one of the two
    folder, store = tmp_path / "in", str(tmp_path / "kg")
    folder.mkdir()
    escape_like, raw_byte = folder / "b\\xff.txt", folder / os.fsdecode(b"b\xff.txt")
    escape_like.write_text("Russia condemned Ukraine.\n")
    raw_byte.write_text("Japan supplied radars to the Philippines.\n")
    assert build([str(folder)], store=store, ingest_process=False).articles == 2
    assert _sources(tmp_path / "kg") == [f"{folder}/b\\\\xff.txt", f"{folder}/b\\xff.txt"]
    assert remove(str(escape_like), store) == 1  # that file, not the other
    assert _sources(tmp_path / "kg") == [f"{folder}/b\\xff.txt"]
    escape_like.unlink()  # now the text the store shows names no file: it is the other's key
    assert remove(f"{folder}/b\\xff.txt", store) == 1 and _sources(tmp_path / "kg") == []
