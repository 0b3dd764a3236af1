"""One article that cannot be read, parsed or extracted is skipped with one warning naming it
and the reason, counted in the summary, and everything else is built, in this process as in
the ingest process. Issue 8.5."""
from __future__ import annotations

import json
import os
import threading
from contextlib import suppress
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

import kgraph.process
from kgraph.casing import text_for_parser
from kgraph.cli import app
from kgraph.ingest import IngestProcess
from kgraph.model import Article
from kgraph.nlp import load_pipeline
from kgraph.pipeline import build
from kgraph.sources import read_articles

GOOD = "Russia condemned Ukraine.\n"
EVIDENCE = ("SELECT ?text ?start ?end WHERE { ?e <https://w3id.org/kgraph/ontology#evidence> ?text ; "
            "<https://w3id.org/kgraph/ontology#sentenceStart> ?start ; "
            "<https://w3id.org/kgraph/ontology#sentenceEnd> ?end }")


def _clean(result) -> tuple[list[str], str]:
    """The warning lines of a run that must have succeeded without a traceback."""
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert all(line.startswith("kgraph: warning: ") for line in lines), result.stderr
    return lines, result.stdout


def test_a_warning_shows_control_characters_as_escapes_on_one_line(tmp_path: Path) -> None:
    """A JSON line's id with an escape sequence retitled the terminal, and a URL with a line
    break forged a second "kgraph: error:" line under the warning about its date."""
    lines = [{"text": GOOD, "id": "esc\u001b]0;PWNED\u0007", "date": "bad"},
             {"text": GOOD, "url": "http://x/\nkgraph: error: fake", "date": "bad"}]
    source = tmp_path / "w.jsonl"
    source.write_text("".join(json.dumps(line) + "\n" for line in lines))
    result = CliRunner().invoke(app, ["build", str(source), "-o", str(tmp_path / "g.ttl")])
    warnings, _ = _clean(result)
    assert len(warnings) == 2 and "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "esc\\x1b]0;PWNED\\x07" in warnings[0] and "http://x/\\nkgraph: error: fake" in warnings[1]


def test_a_json_line_nested_too_deep_is_skipped(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}\n" + json.dumps({"text": GOOD}) + "\n")
    warnings, out = _clean(CliRunner().invoke(app, ["build", str(feed), "-o", str(tmp_path / "g.ttl")]))
    assert len(warnings) == 1 and "line 1" in warnings[0] and "nested too deeply" in warnings[0]
    assert "read 1 article(s)" in out and "skipped 1" in out and "condemn 1" in out


def test_a_json_line_with_an_unpaired_surrogate_escape_is_skipped(tmp_path: Path) -> None:
    # found by bench/fuzz.py: "\\ud800" decodes to no character; the build crashed on it later
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "Russia condemned \\ud800 Ukraine."}\n{"text": "x", "title": "\\udfff"}\n'
                    + json.dumps({"text": GOOD}) + "\n")
    warnings, out = _clean(CliRunner().invoke(app, ["build", str(feed), "-o", str(tmp_path / "g.ttl")]))
    assert len(warnings) == 2
    assert "line 1: its 'text' holds an unpaired surrogate" in warnings[0]
    assert "line 2: its 'title' holds an unpaired surrogate" in warnings[1]
    assert "read 1 article(s)" in out and "condemn 1" in out


def test_a_json_line_whose_url_or_id_is_an_object_is_skipped(tmp_path: Path) -> None:
    # its Python text "{'a': 1}" had become the article's source
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(line) for line in (
        {"url": {"a": 1}, "text": GOOD}, {"id": [1], "text": GOOD}, {"id": 7, "text": "France condemned Iran."})))
    warnings, out = _clean(CliRunner().invoke(app, ["build", str(feed), "-o", str(tmp_path / "g.ttl")]))
    assert warnings == [f"kgraph: warning: skipped {feed} line 1: its 'url' is a JSON object, not a string",
                        f"kgraph: warning: skipped {feed} line 2: its 'id' is a JSON array, not a string"]
    assert "read 1 article(s)" in out and "skipped 2" in out and "condemn 1" in out


def test_a_json_line_of_page_chrome_only_skips_that_line(tmp_path: Path) -> None:
    # every line is an article or one warning: a chrome-only line ended the reading of its file
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": "Advertisement"}) + "\n" + json.dumps({"text": GOOD}) + "\n")
    warnings, out = _clean(CliRunner().invoke(app, ["build", str(feed), "-o", str(tmp_path / "g.ttl")]))
    assert warnings == [f"kgraph: warning: skipped {feed} line 1: no article text"]
    assert "read 1 article(s)" in out and "condemn 1" in out


def test_html_with_control_characters_or_a_time_zone_off_the_clock_is_read(tmp_path: Path) -> None:
    # found by bench/fuzz.py: lxml (under trafilatura) raised on control characters, and htmldate
    # on a UTC offset of 25 hours; the page's text is good either way
    body = "<p>Russia condemned Ukraine.</p><p>Germany supported\x0b France.\x01</p>" * 3
    (tmp_path / "controls.html").write_text(f"<html><head><title>A\x07</title></head><body><article>{body}"
                                            "</article></body></html>")
    (tmp_path / "zone.html").write_text(
        '<html><head><meta property="article:published_time" content="2024-10-22T09:00:00+25:00">'
        f"</head><body><article>{body}</article></body></html>")
    warnings, out = _clean(CliRunner().invoke(app, ["build", str(tmp_path), "-o", str(tmp_path / "g.ttl")]))
    assert warnings == [] and "read 2 article(s)" in out and "skipped 0" in out and "condemn 6" in out


def test_the_reported_keyerror_text_does_not_stop_the_build(tmp_path: Path) -> None:
    """`printf 'missiles | ...' | kgraph build -`: a KeyError in entities.canonical (standard
    input goes through the ingest process)."""
    text = "missiles | according ministry officials Harbour from and supports\n\n" + GOOD
    result = CliRunner().invoke(app, ["build", "-", "-o", str(tmp_path / "x.ttl")], input=text)
    _clean(result)
    assert (tmp_path / "x.ttl").is_file()


def test_an_extraction_failure_skips_only_that_article(tmp_path: Path, monkeypatch) -> None:
    real = kgraph.process.extract_events

    def failing(doc, article):
        if "BOOM" in article.text:
            raise KeyError("missiles")
        return real(doc, article)

    monkeypatch.setattr(kgraph.process, "extract_events", failing)
    texts = {"a.txt": GOOD, "b.txt": "BOOM. Germany condemned Russia.\n", "c.txt": GOOD.replace("Russia", "Iran")}
    for name, text in texts.items():
        (tmp_path / name).write_text(text)
    warnings: list[str] = []
    summary = build([str(tmp_path)], tmp_path / "g.ttl", warn=warnings.append, ingest_process=False)
    assert summary.skipped == 1 and summary.events == 2
    assert warnings == [f"skipped {tmp_path / 'b.txt'}: cannot extract events (KeyError: 'missiles')"]


def test_an_extraction_failure_in_the_ingest_process_skips_only_that_article(tmp_path: Path, nlp) -> None:
    warnings: list[str] = []
    ingest = IngestProcess(None, tmp_path / "g.nt", warnings.append)
    try:
        ingest.start(nlp.lang)
        for date in ("2024-05-01", 12345, None):  # a date that is no string fails
            article = Article(source=f"/in/{date}.txt", text=GOOD, date=date)  # type: ignore[arg-type]
            ingest.add(nlp(text_for_parser(GOOD)), article)
        totals = ingest.finish()
    finally:
        ingest.close()
    assert totals.skipped == 1 and totals.events == 2
    assert len(warnings) == 1 and warnings[0].startswith("skipped /in/12345.txt: cannot extract events (TypeError")
    assert not list(tmp_path.glob(".*"))  # the temporary store is gone


def test_a_text_over_spacys_limit_is_parsed_in_parts(tmp_path: Path, monkeypatch) -> None:
    paragraphs = [f"Russia condemned Ukraine on day {i}. Germany supplied {i} tanks to Kyiv." for i in range(60)]
    (tmp_path / "long.txt").write_text("\n\n".join(paragraphs) + "\n")
    whole = build([str(tmp_path / "long.txt")], tmp_path / "whole.nt", ingest_process=False)
    monkeypatch.setattr(load_pipeline(None), "max_length", 1000)  # the text is 4 times that
    parts = build([str(tmp_path / "long.txt")], tmp_path / "parts.nt", ingest_process=False)
    assert parts.skipped == 0 and parts.events == whole.events > 100
    assert (tmp_path / "parts.nt").read_bytes() == (tmp_path / "whole.nt").read_bytes()
    text = (tmp_path / "long.txt").read_text()
    store = ox.Store()
    store.load(path=str(tmp_path / "parts.nt"), format=ox.RdfFormat.N_TRIPLES)
    for row in store.query(EVIDENCE):  # offsets into the whole text stay exact
        assert text[int(row["start"].value):int(row["end"].value)].strip() == row["text"].value


def test_a_date_that_names_no_day_is_left_out_with_a_warning_and_the_article_is_built(tmp_path: Path) -> None:
    # "2024-13-45" had been dropped without a word
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "a", "date": "2024-13-45", "text": GOOD}) + "\n")
    warnings, out = _clean(CliRunner().invoke(app, ["build", str(feed), "-o", str(tmp_path / "g.ttl")]))
    assert warnings == [f"kgraph: warning: {feed}#a: its date '2024-13-45' names no day; left out"]
    assert "read 1 article(s)" in out and "skipped 0" in out and "condemn 1" in out
    dated = CliRunner().invoke(app, ["build", str(feed), "-o", str(tmp_path / "h.ttl"), "--date", "2024-01-05"])
    assert dated.stderr == (f"kgraph: warning: {feed}#a: its date '2024-13-45' names no day; "
                            "dated 2024-01-05 from its text or --date\n")


def test_a_file_name_that_is_not_utf8_is_built_and_removed_by_that_name(tmp_path: Path) -> None:
    # its surrogate-escaped name crashed the whole build when hashed for the article's IRI
    folder, store = tmp_path / "in", tmp_path / "kg"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD)
    odd = folder / os.fsdecode(b"b\xff.txt")
    odd.write_text("Japan warned China.\n")
    warnings, out = _clean(CliRunner().invoke(app, ["build", str(folder), "--store", str(store)]))
    assert warnings == [] and "read 2 article(s)" in out
    removed = CliRunner().invoke(app, ["remove", str(odd), "--store", str(store)])
    assert removed.exit_code == 0, removed.output


def test_a_stream_that_never_ends_is_refused_not_read_until_memory_runs_out(tmp_path: Path, monkeypatch) -> None:
    # /dev/zero and "yes | kgraph build -" were read whole: the system killed the build
    zero = CliRunner().invoke(app, ["build", "/dev/zero", "-o", str(tmp_path / "g.ttl")])
    assert zero.exit_code == 3 and "skipped /dev/zero: binary file, not text" in zero.stderr
    monkeypatch.setattr("kgraph.sources.MAX_STREAM_BYTES", 100)
    endless = CliRunner().invoke(app, ["build", "-", "-o", str(tmp_path / "g.ttl")], input=GOOD * 10)
    assert endless.exit_code == 3 and "skipped -: a stream of more than" in endless.stderr
    assert not list(tmp_path.iterdir())


def test_a_named_pipe_fed_past_the_stream_cap_is_skipped_once_the_cap_is_read(tmp_path: Path, monkeypatch) -> None:
    # a FIFO (or a device) is no file of known size: without the cap, "kgraph build fifo" read
    # whatever its writer sent, however much
    monkeypatch.setattr("kgraph.sources.MAX_STREAM_BYTES", 1 << 20)
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)

    def feed_two_mib() -> None:
        with suppress(BrokenPipeError), open(fifo, "wb") as writer:  # the reader hangs up at the cap
            for _ in range(2 * 1024):
                writer.write(GOOD.encode() * 40)  # about a kilobyte of text, no NUL
    writer = threading.Thread(target=feed_two_mib, daemon=True)
    writer.start()
    warnings: list[str] = []
    assert list(read_articles([str(fifo)], warnings.append)) == []
    assert warnings == [f"skipped {fifo}: a stream of more than 1 MiB; save it to a file and build that"]
    writer.join(timeout=10)
    assert not writer.is_alive()


def test_a_json_lines_file_of_bad_lines_counts_each_line_once(tmp_path: Path) -> None:
    # the file itself was counted as a third skipped article ("no article with a 'text' field")
    feed, good = tmp_path / "feed.jsonl", tmp_path / "good.txt"
    feed.write_text('{"x": 1}\n{"x": 2}\n')
    good.write_text(GOOD)
    warnings, out = _clean(CliRunner().invoke(app, ["build", str(feed), str(good), "-o", str(tmp_path / "g.ttl")]))
    assert len(warnings) == 2 and "skipped 2" in out


def test_a_linked_folder_inside_an_input_folder_is_named_as_skipped(tmp_path: Path) -> None:
    # a symlinked subfolder was left out without a word, while a symlinked file was read
    news, elsewhere = tmp_path / "news", tmp_path / "elsewhere"
    news.mkdir()
    elsewhere.mkdir()
    (news / "a.txt").write_text("Germany condemned Russia on Monday.", encoding="utf-8")
    (elsewhere / "b.txt").write_text("France condemned Iran on Tuesday.", encoding="utf-8")
    (news / "linked").symlink_to(elsewhere, target_is_directory=True)
    result = CliRunner().invoke(app, ["build", str(news), "-o", str(tmp_path / "g.ttl")])
    assert result.exit_code == 0, result.output
    assert "linked: a link to a folder is not followed" in result.stderr
    assert "read 1 article" in result.stdout + result.stderr


def test_a_folder_that_cannot_be_listed_is_named_inside_and_an_error_as_the_input(
        tmp_path: Path, monkeypatch) -> None:
    # an unreadable subfolder was passed over silently, and an unreadable input folder said it
    # held "no articles" (permissions cannot be tested as root, so listing is made to fail)
    from kgraph import sources
    from kgraph.errors import InputError

    news = tmp_path / "news"
    (news / "locked").mkdir(parents=True)
    (news / "a.txt").write_text("Germany condemned Russia.", encoding="utf-8")
    listing = os.scandir

    def refusing(path):
        if Path(path).name in ("locked", "shut"):
            raise PermissionError(13, "Permission denied", str(path))
        return listing(path)

    monkeypatch.setattr(sources.os, "scandir", refusing)
    said: list[str] = []
    assert sources.list_input_files([str(news)], said.append) == [str(news / "a.txt")]
    assert said == [f"skipped folder {news / 'locked'}: Permission denied"]
    (tmp_path / "shut").mkdir()
    with pytest.raises(InputError, match="cannot read folder .*shut: Permission denied"):
        sources.list_input_files([str(tmp_path / "shut")])
