"""Fuzz a build: N generated articles through read -> parse -> extract -> RDF, crashes reported.

Each case is one input file made from a seeded random generator: random Unicode, real
sentences strewn with control characters, shuffled real tokens (token soup, sometimes long),
real sentences mutated, HTML soup, JSON lines with odd types and depths, raw bytes. The file
goes through the same steps a build takes for each article, in this process and without a
store (so that each case can be replayed alone):

    kgraph.sources (beneath read_articles) -> the build's date -> graph_iri -> text_for_parser
    -> nlp -> with_original_text -> extract_events (each event's sentence at its offsets,
    and an IRI of its own) -> resolve_article -> article_rdf -> N-Quads, parsed back

An input the reader skips with a warning (empty, binary, not UTF-8, a bad JSON line) is no
crash; an exception anywhere else is, and so is a case that takes longer than --timeout. (A
build since issue 8.5 skips an article whose reading or extraction raises, with a warning:
here it is a crash, with its traceback.)
Crashes are grouped by exception type and the innermost kgraph frame; each group names a
case seed that replays it:

    .venv/bin/python bench/fuzz.py                    # 10,000 cases, seed 0 (~10 min on 1 CPU)
    .venv/bin/python bench/fuzz.py -n 500 --seed 7
    .venv/bin/python bench/fuzz.py --replay 0:1234    # one case: its input and its traceback
    .venv/bin/python bench/fuzz.py --replay 0:1234 --save out/case.jsonl --shrink

--shrink cuts the article text of a crashing case down (whole lines, then words, then
characters) while it still crashes the same way, and prints what is left: a small reproducer.
The report goes to stdout (and --out); progress to stderr.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import re
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core: the machine is shared

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
KGRAPH = REPO / "kgraph"


def log(message: str) -> None:
    print(f"[fuzz] {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- material


def _example_texts() -> list[str]:
    texts = []
    for path in sorted(EXAMPLES.iterdir()):
        if path.suffix == ".txt":
            texts.append(path.read_text(encoding="utf-8"))
        elif path.suffix == ".jsonl":
            texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()
                      if line.strip()]
        elif path.suffix == ".html":
            texts.append(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")))
    return texts


TEXTS = _example_texts()
SENTENCES = [s.strip() for t in TEXTS for s in re.split(r"(?<=[.!?])\s+", t) if len(s.strip()) > 3]
TOKENS = [w for t in TEXTS for w in t.split()]
ACTORS = ["Russia", "Ukraine", "North Korea", "the DPRK", "Seoul", "Pyongyang", "the Kremlin", "NATO",
          "the United Nations Security Council", "Hamas", "the Houthis", "President Yoon", "he", "they",
          "We", "It", "the two countries", "both sides", "the North", "the minister", "Kim", "Japan's",
          "Ukrainian President Volodymyr Zelenskyy", "the EU", "U.S.", "China", "Taiwan", "Iran"]
ODD_CHARS = ("\x00\x01\x07\x08\x0b\x0c\r\x1b\x1f\x7f\x80\x85\x9f\xa0\xad\u034f\u061c\u180e"
             "\u200b\u200c\u200d\u200e\u200f\u2028\u2029\u202a\u202e\u2060\u2066\u2069\ufeff"
             "\ufff9\ufffc\ufffd\uffff\U0001f600\U000e0001\U0010ffff")
# code point ranges for random Unicode: Latin, Greek, Cyrillic, Hebrew, Arabic, Devanagari,
# Thai, Hangul, CJK, combining marks, punctuation, symbols, emoji, private use, astral planes
RANGES = [(0x20, 0x7E), (0xA0, 0x24F), (0x300, 0x36F), (0x370, 0x3FF), (0x400, 0x4FF),
          (0x590, 0x5FF), (0x600, 0x6FF), (0x900, 0x97F), (0xE00, 0xE7F), (0x1100, 0x11FF),
          (0x2000, 0x206F), (0x2190, 0x23FF), (0x3000, 0x303F), (0x4E00, 0x4FFF), (0xAC00, 0xAD00),
          (0xE000, 0xE0FF), (0xFE00, 0xFE0F), (0xFF00, 0xFFEF), (0x1F300, 0x1F6FF),
          (0x1D400, 0x1D7FF), (0x20000, 0x200FF), (0xE0000, 0xE007F)]


# --------------------------------------------------------------------------- generators
# Each returns (file suffix, file bytes).


def _random_unicode(rng: random.Random, n: int) -> str:
    out = []
    for _ in range(n):
        roll = rng.random()
        if roll < 0.15:
            out.append(rng.choice(" \n\t.,;:!?\"'()-"))
        elif roll < 0.25:
            out.append(rng.choice(ODD_CHARS))
        else:
            low, high = rng.choice(RANGES)
            out.append(chr(rng.randint(low, high)))
    return "".join(out)


def gen_unicode(rng: random.Random) -> tuple[str, bytes]:
    text = _random_unicode(rng, rng.choice([1, 5, 40, 200, 1000]))
    if rng.random() < 0.5:  # a real sentence in it, so that some actor or trigger may show up
        text = rng.choice(SENTENCES) + " " + text + " " + rng.choice(SENTENCES)
    return ".txt", text.encode("utf-8")


def gen_control(rng: random.Random) -> tuple[str, bytes]:
    words = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(1, 8))).split(" ")
    for _ in range(rng.randint(1, 30)):
        i = rng.randrange(len(words) + 1)
        junk = "".join(rng.choice(ODD_CHARS) for _ in range(rng.randint(1, 4)))
        if rng.random() < 0.5 and i < len(words):  # inside a word
            w = words[i]
            cut = rng.randint(0, len(w))
            words[i] = w[:cut] + junk + w[cut:]
        else:
            words.insert(i, junk)
    return ".txt", " ".join(words).encode("utf-8")


def gen_shuffled(rng: random.Random) -> tuple[str, bytes]:
    n = rng.choice([3, 10, 30, 100, 300, 1500])
    words = [rng.choice(TOKENS if rng.random() < 0.8 else ACTORS) for _ in range(n)]
    rng.shuffle(words)
    out = []
    for w in words:
        roll = rng.random()
        if roll < 0.05:
            w = w.upper()
        elif roll < 0.1:
            w = w.lower()
        elif roll < 0.13:
            w = w + rng.choice([".", ",", "'s", "\n", "\n\n", ":", " -", " \u2014", "?", "\u201d", "\""])
        out.append(w)
    return ".txt", " ".join(out).encode("utf-8")


def gen_mutated(rng: random.Random) -> tuple[str, bytes]:
    """Real sentences with actors swapped in, words dropped, repeated or swapped."""
    sentences = [rng.choice(SENTENCES) for _ in range(rng.randint(1, 12))]
    out = []
    for s in sentences:
        words = s.split()
        for _ in range(rng.randint(0, 4)):
            op = rng.random()
            i = rng.randrange(len(words))
            if op < 0.3:
                words[i] = rng.choice(ACTORS)
            elif op < 0.5 and len(words) > 1:
                del words[i]
            elif op < 0.7:
                words.insert(i, words[i])
            else:
                j = rng.randrange(len(words))
                words[i], words[j] = words[j], words[i]
        out.append(" ".join(words))
    sep = rng.choice([" ", "\n", "\n\n", " \" ", " \u201c"])
    text = sep.join(out)
    if rng.random() < 0.3:  # a headline, a dateline or a statement header on top
        text = rng.choice(["Russia Threatens To Send Arms And Troops To North Korea\n\n",
                           "NIAMEY, April 12 (Reuters) - ", "October 27, 2023\n",
                           "Remarks by Ambassador Jane Doe, U.S. Representative to the United Nations\n\n",
                           "Related articles\n", "Leave a Reply\n"]) + text
    return ".txt", text.encode("utf-8")


TAGS = ["div", "p", "span", "article", "main", "section", "nav", "header", "footer", "aside", "script",
        "style", "table", "tr", "td", "ul", "li", "a", "b", "i", "h1", "h2", "blockquote", "pre", "form",
        "iframe", "noscript", "svg", "math", "template", "figure", "figcaption", "time", "br", "img"]
ENTITIES = ["&amp;", "&lt;", "&gt;", "&nbsp;", "&#0;", "&#x0;", "&#xD800;", "&#x110000;", "&#65;",
            "&bogus;", "&", "&#;", "&#x1F600;", "&mdash;", "&#128;", "&#xFFFE;"]


def _html_fragment(rng: random.Random, depth: int) -> str:
    parts = []
    for _ in range(rng.randint(1, 5)):
        roll = rng.random()
        if roll < 0.35 or depth > 12:
            text = rng.choice(SENTENCES)
            if rng.random() < 0.3:
                text += rng.choice(ENTITIES) + _random_unicode(rng, rng.randint(0, 20))
            parts.append(text)
        elif roll < 0.85:
            tag = rng.choice(TAGS)
            attrs = rng.choice(["", ' class="content"', ' id="x" hidden', ' style="display:none"',
                                ' href="javascript:alert(1)"', ' lang="ko"', ' datetime="2024-13-45"',
                                ' a=\'"\'', " =", ' class="related-articles"'])
            inner = _html_fragment(rng, depth + 1)
            close = "" if rng.random() < 0.15 else f"</{tag}>"  # some never closed
            parts.append(f"<{tag}{attrs}>{inner}{close}")
        elif roll < 0.9:
            parts.append(rng.choice(["<!-- a comment -->", "<!--", "<![CDATA[ x ]]>", "<?php echo 1 ?>",
                                     "</p></div></html>", "<", ">", "<p <div>", "<br/>", "<!DOCTYPE html>"]))
        else:
            parts.append(_random_unicode(rng, rng.randint(1, 30)))
    return "".join(parts)


def gen_html(rng: random.Random) -> tuple[str, bytes]:
    head = ""
    if rng.random() < 0.7:
        meta = rng.choice(["2024-10-22", "2024-02-30", "yesterday", "0000-00-00", "99999-01-01", "",
                           "Tuesday", "2024-10-22T09:00:00+25:00", "\u0000", "N/A"])
        head = (f"<head><title>{rng.choice(SENTENCES)}{rng.choice(ENTITIES)}</title>"
                f'<meta property="article:published_time" content="{meta}">'
                f'<meta name="date" content="{meta}"><link rel="canonical" href="{rng.choice(["https://e.x/a", "", "::", "http://[::1"])}">'
                "</head>")
    body = "".join(_html_fragment(rng, 0) for _ in range(rng.randint(1, 6)))
    html = f"<html>{head}<body>{body}</body></html>" if rng.random() < 0.8 else body
    return ".html", html.encode("utf-8")


def _odd_value(rng: random.Random, depth: int = 0):
    roll = rng.random()
    if roll < 0.3:
        return rng.choice(SENTENCES)
    if roll < 0.4:
        return rng.choice([None, True, False, 0, -1, 2 ** 70, 1.5, 1e308, float("nan"), float("inf"), ""])
    if roll < 0.5:
        return _random_unicode(rng, rng.randint(0, 30))
    if roll < 0.55:
        return rng.choice(["\ud800", "x\udfffy", "\udbff\udfff", "\ud83d\ude00"])  # lone and paired surrogates
    if roll < 0.75 and depth < 6:
        return [_odd_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    if depth < 6:
        return {rng.choice(["text", "id", "a", ""]): _odd_value(rng, depth + 1) for _ in range(rng.randint(0, 3))}
    return rng.choice(SENTENCES)


def _json_line(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.05:  # nested far deeper than any parser's recursion
        depth = rng.choice([50, 1000, 100_000])
        return "[" * depth + "]" * depth if rng.random() < 0.5 else '{"text":' * depth + '"x"' + "}" * depth
    if roll < 0.1:
        return rng.choice(["", "   ", "null", "[]", "{}", "\"text\"", "42", "{", '{"text": "unterminated',
                           '{"text": "a"} trailing', "\ufeff{\"text\": \"bom\"}", "NaN", '{"text": NaN}'])
    record: dict = {}
    if rng.random() < 0.85:
        record["text"] = (" ".join(rng.choice(SENTENCES) for _ in range(rng.randint(1, 6)))
                          if rng.random() < 0.75 else _odd_value(rng))
    for key in ("id", "url", "title", "date"):
        if rng.random() < 0.6:
            record[key] = _odd_value(rng) if rng.random() < 0.6 else rng.choice(
                {"id": ["a-1", 7, ""], "url": ["https://e.x/1", "not a url", "http://[::1"],
                 "title": [rng.choice(SENTENCES)],
                 "date": ["2024-10-22", "2024-02-30", "last Tuesday", "0", "2024", "31/12/2023",
                          "2024-10-22T25:61:00Z", "9999-12-31", "0001-01-01"]}[key])
    if rng.random() < 0.2:
        record[rng.choice(["extra", "nested", "TEXT"])] = _odd_value(rng)
    line = json.dumps(record, ensure_ascii=rng.random() < 0.5, allow_nan=True)
    if rng.random() < 0.1:  # the same key twice: the last one wins
        line = line[:-1] + (', ' if record else '') + '"text": ' + json.dumps(_odd_value(rng)) + "}"
    return line


def gen_jsonl(rng: random.Random) -> tuple[str, bytes]:
    lines = [_json_line(rng) for _ in range(rng.randint(1, 4))]
    newline = rng.choice(["\n", "\r\n", "\n\n", "\u2028"])
    return ".jsonl", newline.join(lines).encode("utf-8", "surrogatepass")


def gen_bytes(rng: random.Random) -> tuple[str, bytes]:
    roll = rng.random()
    if roll < 0.3:
        data = bytes(rng.randrange(256) for _ in range(rng.randint(0, 200)))
    elif roll < 0.6:  # text with a few broken bytes
        data = bytearray(rng.choice(SENTENCES).encode("utf-8"))
        for _ in range(rng.randint(1, 3)):
            data.insert(rng.randrange(len(data) + 1), rng.choice([0x80, 0xC3, 0xE2, 0xFF, 0xED, 0xF4, 0xF5]))
        data = bytes(data)
    else:  # BOMs, whitespace only, encoded surrogates, UTF-16
        data = rng.choice([b"\xef\xbb\xbf", b"\xef\xbb\xbf\xef\xbb\xbfRussia condemned Ukraine.", b" \n\t\r ",
                           b"\xed\xa0\x80", "Russia condemned Ukraine.".encode("utf-16"),
                           b"\xef\xbb\xbf \n", b"\r\n\r\n"])
    return rng.choice([".txt", ".html", ".jsonl"]), data


GENERATORS: dict[str, Callable[[random.Random], tuple[str, bytes]]] = {
    "unicode": gen_unicode, "control": gen_control, "shuffled": gen_shuffled, "mutated": gen_mutated,
    "html": gen_html, "jsonl": gen_jsonl, "bytes": gen_bytes,
}
WEIGHTS = {"unicode": 2, "control": 2, "shuffled": 2, "mutated": 3, "html": 2, "jsonl": 2, "bytes": 1}


def make_case(case: str) -> tuple[str, str, bytes]:
    """(generator name, file suffix, file bytes) of one case seed such as "0:1234"."""
    rng = random.Random(case)  # a str seed is hashed with SHA-512: the same on every run
    kind = rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
    suffix, data = GENERATORS[kind](rng)
    return kind, suffix, data


# --------------------------------------------------------------------------- one case


class CaseTimeout(Exception):
    """A case ran longer than the limit (a hang, or close to one)."""


@dataclass
class Outcome:
    articles: int = 0
    skipped: int = 0
    events: int = 0
    quads: int = 0
    error: BaseException | None = None
    tb: str = ""
    articles_read: list = field(default_factory=list)  # the articles read, dated (for --shrink)


class Pipeline:
    """The steps of a build for each article, as `kgraph.ingest.Ingester.add` takes them,
    without the store: each case stands alone and replays alike."""

    def __init__(self) -> None:
        from kgraph.nlp import load_pipeline

        self.nlp = load_pipeline()

    def run_file(self, path: Path, outcome: Outcome) -> None:
        from kgraph.pipeline import _with_date
        from kgraph.sources import Skipped, _read_one

        def skip(_message: str) -> None:
            outcome.skipped += 1

        # the reader beneath read_articles, which turns any exception into a warning (as the
        # build's Ingester.add does for extraction): a crash is a finding here, with its traceback
        articles = _read_one(str(path), skip)
        while True:
            try:
                article = next(articles)
            except StopIteration:
                return
            except Skipped:
                outcome.skipped += 1
                return
            outcome.articles += 1
            article = _with_date(article, None)
            outcome.articles_read.append(article)
            self.run_article(article, outcome)

    def run_article(self, article, outcome: Outcome) -> None:
        import pyoxigraph as ox

        from kgraph.casing import text_for_parser, with_original_text
        from kgraph.entities import EntityResolver, resolve_article
        from kgraph.extract import extract_events
        from kgraph.rdf import article_rdf, event_iri, graph_iri

        graph_iri(article)  # what the build asks first (is the article in the store?)
        doc = with_original_text(self.nlp(text_for_parser(article.text)), article.text)
        result = extract_events(doc, article)
        for event in result.events:  # each event quotes its sentence at its offsets
            if not (0 <= event.sentence_start <= event.sentence_end <= len(article.text)
                    and event.sentence and event.sentence in article.text[event.sentence_start:event.sentence_end]):
                raise AssertionError(f"evidence {event.sentence!r} is not at {event.sentence_start}:"
                                     f"{event.sentence_end} of the text")
        iris = [event_iri(article, event).value for event in result.events]
        if len(set(iris)) < len(iris):  # the graph would give one event two confidences, two rules
            twins = [(e.action, e.agent, e.target, e.rule) for e, iri in zip(result.events, iris)
                     if iris.count(iri) > 1]
            raise AssertionError(f"two events get one IRI: {twins}")
        rdf = article_rdf(resolve_article(result, EntityResolver()))
        nquads = ox.serialize(rdf.quads, format=ox.RdfFormat.N_QUADS)
        parsed = list(ox.parse(nquads, format=ox.RdfFormat.N_QUADS))
        if len(parsed) != len(rdf.quads):
            raise AssertionError(f"{len(rdf.quads)} quads written, {len(parsed)} read back")
        outcome.events += len(result.events)
        outcome.quads += len(rdf.quads)


def _alarm(_signum, _frame) -> None:
    raise CaseTimeout("case took longer than the time limit")


def run_case(pipeline: Pipeline, folder: Path, case: str, timeout: float) -> Outcome:
    kind, suffix, data = make_case(case)
    path = folder / f"case{suffix}"
    path.write_bytes(data)
    outcome = Outcome()
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        pipeline.run_file(path, outcome)
    except Exception as exc:  # noqa: BLE001 -- every exception is a finding
        outcome.error, outcome.tb = exc, traceback.format_exc()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return outcome


def signature(exc: BaseException) -> str:
    """Exception type and the innermost frame in kgraph's own code (or the innermost at all)."""
    frames = traceback.extract_tb(exc.__traceback__)
    own = [f for f in frames if Path(f.filename).resolve().is_relative_to(KGRAPH)]
    frame = (own or frames or [None])[-1]
    where = "?" if frame is None else f"{Path(frame.filename).relative_to(REPO) if own else Path(frame.filename).name}:{frame.lineno} in {frame.name}"
    return f"{type(exc).__name__} at {where}"


# --------------------------------------------------------------------------- shrinking


def shrink(pipeline: Pipeline, article, want: str, timeout: float) -> str | None:
    """The shortest text found (greedy: lines, then words, then characters) that still fails
    with signature `want` as the text of `article` (its date, title and source kept)."""
    text = article.text

    def fails(candidate: str) -> bool:
        if not candidate.strip():
            return False
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            pipeline.run_article(dataclasses.replace(article, text=candidate), Outcome())
        except Exception as exc:  # noqa: BLE001
            return signature(exc) == want
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        return False

    if not fails(text):
        return None  # this article's text alone does not fail
    for splitter, joiner in ((lambda t: t.split("\n"), "\n"), (lambda t: t.split(" "), " "), (list, "")):
        parts = splitter(text)
        chunk = max(1, len(parts) // 2)
        while chunk >= 1:
            i = 0
            while i < len(parts):
                candidate = parts[:i] + parts[i + chunk:]
                if candidate and fails(joiner.join(candidate)):
                    parts = candidate
                else:
                    i += chunk
            chunk //= 2
        text = joiner.join(parts)
    return text


# --------------------------------------------------------------------------- main


def replay(case: str, timeout: float, save: Path | None, do_shrink: bool) -> int:
    kind, suffix, data = make_case(case)
    print(f"case {case}: {kind}, {len(data)} bytes as {suffix}")
    print(repr(data[:3000]) + (" ..." if len(data) > 3000 else ""))
    if save:
        save.write_bytes(data)
        print(f"input written to {save} (kgraph build {save} --output out/fuzz.ttl)")
    pipeline = Pipeline()
    with tempfile.TemporaryDirectory(prefix="kgraph-fuzz-") as tmp:
        outcome = run_case(pipeline, Path(tmp), case, timeout)
    if outcome.error is None:
        print(f"no crash: {outcome.articles} article(s), {outcome.skipped} skipped, {outcome.events} event(s)")
        return 0
    print(outcome.tb)
    want = signature(outcome.error)
    print(want)
    if do_shrink:
        article = outcome.articles_read[-1] if outcome.articles_read else None  # the one that failed
        small = shrink(pipeline, article, want, timeout) if article else None
        if small is None:
            print("the crash is not in the steps after reading one article (the reader?): nothing to shrink")
        else:
            meta = {k: v for k, v in vars(article).items() if k != "text" and v}
            print(f"shrunk article text ({len(article.text)} -> {len(small)} chars) fails alike, with {meta}:")
            print(repr(small))
    return 1


def fuzz(count: int, seed: str, timeout: float) -> tuple[str, int]:
    pipeline = Pipeline()
    groups: dict[str, list[tuple[str, str]]] = {}
    totals = {"articles": 0, "skipped": 0, "events": 0, "quads": 0}
    kinds: dict[str, int] = {}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kgraph-fuzz-") as tmp:
        for i in range(count):
            case = f"{seed}:{i}"
            kind = make_case(case)[0]
            kinds[kind] = kinds.get(kind, 0) + 1
            outcome = run_case(pipeline, Path(tmp), case, timeout)
            for key in totals:
                totals[key] += getattr(outcome, key)
            if outcome.error is not None:
                message = f"{type(outcome.error).__name__}: {outcome.error}"[:300]
                groups.setdefault(signature(outcome.error), []).append((case, message))
                log(f"case {case} ({kind}): {message}")
            if (i + 1) % 500 == 0:
                log(f"{i + 1}/{count} cases, {sum(map(len, groups.values()))} crashes, "
                    f"{time.perf_counter() - started:.0f} s")
    seconds = time.perf_counter() - started
    crashes = sum(map(len, groups.values()))
    lines = [
        "# kgraph fuzz run", "",
        f"- cases: {count} (seed {seed}; case i is seed `{seed}:i`), time {seconds:.0f} s "
        f"({1000 * seconds / max(count, 1):.0f} ms a case), model load not counted",
        f"- generators: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())),
        f"- articles read {totals['articles']}, inputs or lines skipped by the reader {totals['skipped']}, "
        f"events {totals['events']}, quads {totals['quads']}",
        f"- **crashes: {crashes}** in {len(groups)} place(s)", "",
    ]
    for where, cases in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        lines += [f"## {where}", "",
                  f"{len(cases)} case(s); first `{cases[0][0]}`: {cases[0][1]}", "",
                  f"    .venv/bin/python bench/fuzz.py --replay {cases[0][0]} --shrink", "",
                  "other cases: " + ", ".join(c for c, _ in cases[1:11]) + (" ..." if len(cases) > 11 else ""), ""]
    return "\n".join(lines), crashes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--count", type=int, default=10_000, help="cases to run (default 10,000)")
    parser.add_argument("--seed", default="0", help="run seed: case i is SEED:i (default 0)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds a case may take (default 60)")
    parser.add_argument("--replay", metavar="CASE", help="run one case (SEED:I), show its input and traceback")
    parser.add_argument("--save", type=Path, help="with --replay: write the case's input file here")
    parser.add_argument("--shrink", action="store_true", help="with --replay: cut a crashing text down")
    parser.add_argument("--out", type=Path, help="also write the report here")
    args = parser.parse_args()
    signal.signal(signal.SIGALRM, _alarm)
    if args.replay:
        return replay(args.replay, args.timeout, args.save, args.shrink)
    log(f"{args.count} cases, seed {args.seed}")
    report, crashes = fuzz(args.count, args.seed, args.timeout)
    print(report)
    if args.out:
        args.out.write_text(report + "\n", encoding="utf-8")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
