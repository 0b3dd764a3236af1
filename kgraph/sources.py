"""Read articles from files, folders and standard input.

Plain text, HTML (through trafilatura's boilerplate remover) and JSON lines are read. Text must
be UTF-8: a file that is not is refused (skipped with a warning) rather than silently garbled,
because a wrong decoding corrupts names and the evidence sentences the graph quotes.

Each article gets a source key that names it and nothing else, because a store replaces the
article of the same key: a file is its resolved path (so `examples/x.txt`, `./examples/x.txt`
and `/abs/examples/x.txt` are one article), a JSON line its URL or `FILE#ID`, and what has no
name of its own (standard input, a JSON line without id or URL) a hash of its text, never its
position, which tomorrow's input reuses for another article.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from .chrome import strip_page_chrome
from .errors import InputError, describe, os_reason
from .model import Article

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
READABLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
#: the most read from standard input, a device or a pipe, which may never end (a file's size is known)
MAX_STREAM_BYTES = 512 << 20
_BINARY_PROBE = 8192  # bytes looked at for a NUL, which no text has
#: characters XML cannot hold (control characters but tab and line ends, U+FFFE, U+FFFF; HTML
#: forbids them too, and lxml under trafilatura raises on them), and the zero-width space and
#: byte-order mark, which glue themselves to the next word (see `clean_text`)
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\u200b\ufeff]")
#: a backslash that `escaped_name` doubles: one an escape would follow or one that would read as
#: an escape's start (a name's byte 0xff, held as U+DCFF, is written "\\xff")
_AMBIGUOUS_BACKSLASH = re.compile(r"\\(?=\\|x[0-9a-f]{2}|[\udc80-\udcff])")

Warn = Callable[[str], None]


class Skipped(Exception):
    """One input that cannot be read; the run goes on without it."""


def check_input_name(given: str) -> None:
    """Refuse an empty input name: Path("") is the working folder, so an unset "$DIR" would
    build all of it."""
    if given == "":
        raise InputError("an input path is empty (an unset variable?); give a file, a folder or -")


def list_input_files(inputs: list[str], warn: Warn = lambda message: None) -> list[str]:
    """Expand folders (recursively, sorted) into files; a missing path is an error. What a
    folder holds and is not read (a link to a folder, a folder that cannot be listed) is said
    through `warn`. A file given twice (by two spellings, or by itself and in its folder) is
    listed once, where it first comes: it is one article, and the summary had counted the
    repeats as articles "already in the store"."""
    files: list[str] = []
    for given in inputs:
        if given == "-":
            files.append(given)
            continue
        check_input_name(given)
        path = Path(given)
        if path.is_dir():
            found = sorted(_articles_below(path, warn))
            if not found:
                raise InputError(f"no articles (*.txt, *.html, *.htm, *.jsonl) in folder: {given}")
            files.extend(str(p) for p in found)
        elif path.exists():
            files.append(given)
        else:
            raise InputError(f"input not found: {given}")
    return _once(files)


def _once(files: list[str]) -> list[str]:
    seen: set[str] = set()
    kept = []
    for name in files:
        key = name if name == "-" else source_key(name)
        if key == "-" or key not in seen:  # standard input given twice is read as it comes
            kept.append(name)
        seen.add(key)
    return kept


def _articles_below(folder: Path, warn: Warn) -> Iterator[Path]:
    """The article files below `folder`, at any depth, in no order: not hidden nor in a hidden
    folder, a link to a file taken. A link to a folder is not followed (a loop would never end)
    and a folder that cannot be listed is passed over, each with a warning; `folder` itself
    unreadable is an error. The walk keeps its own list of folders to visit, not Python's call
    stack, which a folder nested a thousand deep would overflow."""
    pending = [folder]
    while pending:
        here = pending.pop()
        try:
            with os.scandir(here) as listing:
                entries = list(listing)
        except OSError as exc:
            if here == folder:
                raise InputError(f"cannot read folder {escaped_name(str(folder))}: {os_reason(exc)}") from None
            warn(f"skipped folder {escaped_name(str(here))}: {os_reason(exc)}")
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = here / entry.name
            try:
                is_folder = entry.is_dir(follow_symlinks=False)
                linked_folder = not is_folder and entry.is_symlink() and entry.is_dir()
            except OSError:
                is_folder = linked_folder = False
            if is_folder:
                pending.append(path)
            elif linked_folder:
                warn(f"skipped {escaped_name(str(path))}: a link to a folder is not followed "
                     "(give the folder itself to read it)")
            elif path.suffix.lower() in READABLE_SUFFIXES and path.is_file():
                yield path


def source_key(path: str) -> str:
    """The key of the article in a file: its resolved path, the same for every spelling. A name's
    bytes that are not UTF-8 (held as surrogates, which no RDF literal can hold) are written as
    escapes ("b\\xff.txt")."""
    return escaped_name(str(Path(path).resolve()))


def escaped_name(name: str) -> str:
    """`name` with the bytes of a file name that are not UTF-8 written as escapes ("\\xff"), for
    RDF, which cannot hold the surrogates Python reads such bytes as; one to one, because a key
    names one article: a backslash that would read as part of an escape is doubled ("b\\\\xff"
    is the file named with a backslash), and any other name is unchanged."""
    return printable(_AMBIGUOUS_BACKSLASH.sub(r"\\\\", name))


def printable(name: str) -> str:
    """`name` with the bytes that are not UTF-8 written as escapes ("\\xff"), for messages: what
    the user gave, which no terminal shows as surrogates."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def source_keys(given: str) -> list[str]:
    """The keys an article given by the user (to `kgraph remove`) may have been stored under:
    as written (a URL, a stdin or JSON-line key, the key the store shows, a store built before
    paths were resolved) and, for a path or `FILE#ID`, with the file resolved. Text naming a
    file is that file: "b\\xff.txt" is then not the key of the file named "b" and byte 0xff."""
    if "://" in given or given.startswith("<stdin>"):
        return [_as_written(given)]
    name, hash_, fragment = given.rpartition("#")
    if hash_ and Path(name).is_file():
        resolved, a_file = f"{source_key(name)}#{fragment}", True
    else:
        resolved, a_file = source_key(given), Path(given).exists()
    return list(dict.fromkeys([resolved, escaped_name(given) if a_file else _as_written(given)]))


def _as_written(given: str) -> str:
    """`given` as a key: itself, unless it holds bytes that are not UTF-8 (only a path can)."""
    return given if _is_text(given) else escaped_name(given)


def text_key(text: str) -> str:
    """A short hash of an article's text: the name of an article that has none."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def read_articles(files: list[str], warn: Warn) -> Iterator[Article]:
    """Yield the articles of each file; unreadable files are reported through `warn`, and so
    is a file whose reading fails in any other way (the rest of the input is still read)."""
    for name in files:
        try:
            yield from _read_one(name, warn)
        except Skipped as why:
            warn(f"skipped {name}: {why}")
        except Exception as exc:  # noqa: BLE001 - one bad file must not cost the others
            warn(f"skipped {name}: cannot read it ({describe(exc)})")


def _read_one(name: str, warn: Warn) -> Iterator[Article]:
    if name == "-":
        if sys.stdin is None:  # started with standard input closed ("kgraph build - <&-")
            raise Skipped("standard input is closed")
        text = _decode(_read_stream(sys.stdin.buffer))
        yield _text_article(f"<stdin>#{text_key(text)}", text)
        return
    path = Path(name)
    try:
        if path.is_file():
            raw = path.read_bytes()
        else:  # a device or a pipe may never end ("/dev/zero")
            with path.open("rb") as stream:
                raw = _read_stream(stream)
    except OSError as exc:
        raise Skipped(exc.strerror or "cannot read") from None
    text = _decode(raw)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _jsonl_articles(name, text, warn)
    elif suffix in HTML_SUFFIXES:
        yield _html_article(source_key(name), text)
    else:
        yield _text_article(source_key(name), text)


def _read_stream(stream: BinaryIO) -> bytes:
    """What a stream (standard input, a device, a pipe) holds, up to `MAX_STREAM_BYTES`: read whole,
    "yes | kgraph build -" or /dev/zero filled the memory until the system killed the build."""
    head = stream.read(_BINARY_PROBE)
    if b"\x00" in head:
        raise Skipped("binary file, not text")
    rest = stream.read(MAX_STREAM_BYTES + 1 - len(head))
    if len(head) + len(rest) > MAX_STREAM_BYTES:
        raise Skipped(f"a stream of more than {MAX_STREAM_BYTES >> 20} MiB; save it to a file and build that")
    return head + rest


def _decode(raw: bytes) -> str:
    if not raw.strip():
        raise Skipped("empty file")
    if b"\x00" in raw[:_BINARY_PROBE]:
        raise Skipped("binary file, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Skipped(f"not UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
                      "convert it, e.g. iconv -f windows-1252 -t utf-8") from None


def clean_text(text: str) -> str:
    """`text` with each character that holds nothing but breaks what reads it made a space (the
    length stays, and with it every offset): those XML cannot hold (control characters but tab
    and line ends; RDF/XML output and an endpoint's XML answers broke on a BEL in an article),
    and the zero-width space and byte-order mark, which glue themselves to the next word
    ("\ufeffGermany condemned Russia" named no country, and gave no event)."""
    return _NOT_TEXT.sub(" ", text)


def _text_article(source: str, text: str, **meta: str | None) -> Article:
    body = strip_page_chrome(clean_text(text))
    if not body.strip():
        raise Skipped("no article text")
    return Article(source=source, text=body, **{k: v if v is None else clean_text(v) for k, v in meta.items()})


def _html_article(source: str, html: str) -> Article:
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    html = clean_text(html)  # lxml refuses to set text holding control characters, mid-way through trafilatura
    body = trafilatura.extract(html, include_comments=False, include_tables=False,
                               favor_precision=True)
    if not body:
        raise Skipped("no article text found in the HTML")
    try:
        # not `extensive`: htmldate then also reads dates out of the page's text, and any year in
        # it ("© 2019", "the 2015 agreement", "Most read: March 3, 2019") became the article's date
        meta = trafilatura.extract_metadata(html, extensive=False)
    except Exception:  # noqa: BLE001 - e.g. htmldate on a time zone 25 hours off: the text is still good
        meta = None
    title = meta.title if meta else None
    date = meta.date if meta and meta.date else None
    url = meta.url if meta else None
    return Article(source=source, text=clean_text(body), title=title and clean_text(title), date=date,
                   url=url and clean_text(url))


def _jsonl_articles(name: str, text: str, warn: Warn) -> Iterator[Article]:
    lines = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        lines += 1
        try:
            record = json.loads(line)
            body = record["text"]
            if not isinstance(record, dict) or not isinstance(body, str) or not body.strip():
                raise ValueError
            fields = {key: record.get(key) for key in ("id", "url", "title", "date")}
        except (ValueError, KeyError, TypeError):
            warn(f"skipped {name} line {number}: not a JSON object with a 'text' string")
            continue
        except RecursionError:  # the decoder (or str() of a field) recurses once per level of nesting
            warn(f"skipped {name} line {number}: JSON nested too deeply")
            continue
        shapeless = next((key for key, value in fields.items() if not _is_scalar(value)), None)
        if shapeless:  # its Python text ("{'a': 1}") would have become the article's source or title
            warn(f"skipped {name} line {number}: its '{shapeless}' is a JSON {_json_kind(fields[shapeless])}, "
                 "not a string")
            continue
        meta = {key: _optional_str(value) for key, value in fields.items()}
        bad = next((key for key, value in {"text": body, **meta}.items() if not _is_text(value)), None)
        if bad:  # refused, as bytes that are not UTF-8 are: no guessing what was meant
            warn(f"skipped {name} line {number}: its '{bad}' holds an unpaired surrogate escape "
                 "(such as \\ud800), which is no character")
            continue
        source = meta["url"] or f"{source_key(name)}#{meta['id'] or text_key(body)}"
        try:
            article = _text_article(source, body, **meta)
        except Skipped as why:  # this line's text is all page chrome: the next lines still count
            warn(f"skipped {name} line {number}: {why}")
            continue
        yield article
    if not lines:  # each line that is no article was skipped, and counted, on its own
        raise Skipped("no article with a 'text' field")


def _optional_str(value: object) -> str | None:
    return None if value is None else str(value)


def _is_scalar(value: object) -> bool:
    """Whether a JSON value can stand for an id, URL, title or date: a string, a number or null."""
    return value is None or isinstance(value, (str, int, float)) and not isinstance(value, bool)


def _json_kind(value: object) -> str:
    """The JSON name of a value's type, for a warning."""
    return {dict: "object", list: "array", bool: "boolean"}.get(type(value), type(value).__name__)


def _is_text(value: str | None) -> bool:
    """False for a string holding an unpaired UTF-16 surrogate: JSON's \\u escapes can make
    one ("\\ud800"), but it is no character, and no UTF-8 text (or RDF literal) can hold it."""
    try:
        value and value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
