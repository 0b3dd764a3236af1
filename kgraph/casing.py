"""Sentence-case headlines before parsing.

Title Case ("Threatens to Send Arms and Personnel to Ukraine") makes the tagger read every word
as a proper noun. Lower-casing the capitalised common words of such lines keeps the text the
same length, so character offsets, and the evidence sentences taken from the original text,
stay exact.
"""
from __future__ import annotations

import re

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.tokens import Doc

from .countries import country_code, demonym_code
from .names import (
    CHAIR_TITLES, HEADER_LINE, NAME_SUFFIXES, NAME_TITLES, PERSON_TITLES, PORTFOLIO_WORDS, TITLE_WORDS, VOCATIVE_OPENERS,
)
from .people import person_country

_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Za-z]+)?")
_SMALL = {"a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with",
          "by", "from", "as", "is", "are", "was", "be", "its", "it", "that", "this", "vs"}


def is_headline(line: str) -> bool:
    """A short line without final punctuation whose content words are mostly capitalised, and
    not a byline ("Antony J. Blinken, Secretary of State": lower-cased, the name was lost)."""
    stripped = line.strip()
    unquoted = stripped.rstrip("\"”’'")  # "... for El Fasher ‘Atrocities’": a quote closing no sentence
    if not unquoted or len(stripped) > 160 or (unquoted[-1] in ".!?:" and not _ends_with_name_suffix(unquoted)):
        return False
    if byline(stripped):
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", stripped) if w.lower() not in _SMALL]
    if len(words) < 4:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= 0.8


#: the name suffixes written with a full stop of their own ("Jr.", "Sr."; not "II", which ends
#: "World War II." as often as a name)
_ABBREVIATED_SUFFIXES = frozenset(s for s in NAME_SUFFIXES if not set(s) <= set("ivx"))


def _ends_with_name_suffix(line: str) -> bool:
    """"... With Philippine Secretary of National Defense Gilberto Teodoro Jr.": the last full stop
    is a name's, not a sentence's."""
    return line.split()[-1].lower().rstrip(".") in _ABBREVIATED_SUFFIXES


#: the words of a header before its author's name ("Statement by", "Remarks delivered by")
_BY = re.compile(r"^.*?\s[Bb]y\s+(?=[A-Z])")


_TITLE_OR_PORTFOLIO = TITLE_WORDS | NAME_TITLES | PORTFOLIO_WORDS | {"by"}


def _without_titles(name: str) -> str:
    """"Secretary of State Antony J. Blinken" -> "Antony J. Blinken", "By Mr. Ned Price" -> "Ned
    Price": the title's words (and the portfolio's, and lower-case words between them) before the name."""
    words = name.split()
    while len(words) > 2 and (words[0].lower().rstrip(".") in _TITLE_OR_PORTFOLIO or words[0][:1].islower()):
        words.pop(0)
    return " ".join(words)


def byline(line: str) -> tuple[str, str] | None:
    """"Name, Title": (the name, its state) where an office holder a dictionary knows, a comma,
    then a title of office within the next few words make the line ("Ned Price, Department
    Spokesperson", "Linda Thomas-Greenfield, U.S. Representative to the United Nations");
    "Biden, Kishida Discuss Security" is a headline."""
    name, comma, rest = line.partition(",")
    # "Statement by Ambassador Barbara Woodward, UK Permanent Representative ...": the name alone
    name = _without_titles(_BY.sub("", name.strip()) if HEADER_LINE.match(name) else name.strip())
    if not comma or not 2 <= len(name.split()) <= 5:
        return None
    if not any(w.lower().strip(".") in PERSON_TITLES for w in rest.split()[:4]):
        return None
    code = person_country(name)
    return (name, code) if code else None


_DATELINE = re.compile(
    r"^(?P<line>[ \t]*[A-Z][A-Z.'\-]+(?:[ \t][A-Z][A-Z.'\-]+)*"       # NIAMEY, NEW DELHI
    r"(?:,[ \t]*[A-Z][a-z]+(?:[ \t][A-Z][a-z]+){0,2})?"                     # , Poland / , South Korea (AP style)
    r"(?:,[ \t]*[A-Z][a-z]+\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?)?"           # , April 12(, 2024)
    r"[ \t]*(?:\([A-Za-z .&]+\))?"                                          # (Reuters)
    # -, --, —; a hyphen between two words joins them ("U.S.-Japan talks"), it ends no dateline
    r"(?:[ \t]*[\u2013\u2014]+|[ \t]*-+(?=[ \t]|$)|[ \t]+-+|-{2,})[ \t]*)(?=\S|$)",
    re.M,
)


_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
          r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE = rf"(?:\d{{1,2}}[ \t]+{_MONTH}[ \t]+\d{{4}}|{_MONTH}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+\d{{4}})"
#: a dateline that opens with its date, the place after it ("October 29, 2025 (ADDIS ABABA) – ")
_DATE_FIRST_DATELINE = re.compile(
    rf"^(?P<line>[ \t]*{_DATE}[ \t]*\([A-Z][A-Za-z .,'\-]*\)[ \t]*(?:[\u2013\u2014]+|-+)[ \t]*)(?=\S)", re.M)
#: a line that gives a date and nothing else ("29 October 2025"): blanked, it ends the line before
_DATE_LINE = re.compile(rf"^(?P<line>[ \t]*{_DATE}[ \t]*)$", re.M)


def mask_datelines(text: str) -> str:
    """Blank out wire datelines ("NIAMEY, April 12 (Reuters) - ", "October 29, 2025 (ADDIS ABABA)
    – ") and lines that give a date alone, so the parser does not take the city for the subject
    nor run a headline into the story; the text keeps its length, so offsets stay exact."""
    def blank(match: re.Match) -> str:
        return " " * len(match.group("line"))

    return _DATE_LINE.sub(blank, _DATE_FIRST_DATELINE.sub(blank, _DATELINE.sub(blank, text)))


def _either_case(words: frozenset[str]) -> str:
    """A regular expression alternation of `words` as listed (lower case) and capitalised."""
    forms = {re.escape(w.title()) for w in words} | {re.escape(w) for w in words}
    return "|".join(sorted(forms, key=lambda w: (-len(w), w)))


_CHAIR = rf"(?:{_either_case(VOCATIVE_OPENERS)})\.?[ \t]+(?:{_either_case(CHAIR_TITLES)})\b"
#: a meeting's chair addressed ("Madam President, Russia launched ...", "Thank you, Mr. President, for
#: convening", "... this Council, Mr. President."): at a sentence's start with its comma, else with the
#: comma before it (and the one after)
_CHAIR_VOCATIVE = re.compile(rf"(?:^|(?<=[.!?] )|(?<=[.!?][\"”] ))[ \t]*{_CHAIR}[ \t]*,"
                             rf"|,[ \t]*{_CHAIR}(?:[ \t]*,)?(?=[\s.;!?])", re.M)


def mask_chair_vocatives(text: str) -> str:
    """Blank out a meeting's chair addressed by title ("Madam President,"): the parser made it the
    sentence's subject and the real one its apposition; the text keeps its length."""
    return _CHAIR_VOCATIVE.sub(lambda m: " " * len(m.group()), text)


def text_for_parser(text: str) -> str:
    """What spaCy reads: datelines and a chair's address blanked, headlines sentence-cased,
    apostrophes straight, same length as `text`."""
    return straight_apostrophes(end_open_lines(sentence_case_headlines(mask_chair_vocatives(mask_datelines(
        unbulleted(text))))))


#: a list's bullet at a line's start ("• UK sanctions Russian officials ..."): the tagger read the
#: bullet into a name ("• UK sanctions Russian officials" one organisation) and ran each item
#: into the next where the item has no full stop
_BULLET = re.compile(r"(?m)^[ \t]*[•▪◦‣●■►➢·*](?=[ \t])")
#: the characters that close a line: a line ending otherwise is an open item
_LINE_CLOSERS = frozenset(".!?:;,\"”’')]|")


def unbulleted(text: str) -> str:
    """`text` with each list bullet blanked and a full stop in place of the line break that ends an
    open line before it: each item is a sentence. Same length as `text`."""
    if not _BULLET.search(text):
        return text
    chars = list(text)
    for match in _BULLET.finditer(text):
        chars[match.end() - 1] = " "
        before = match.start() - 2  # the last character of the line before
        if before >= 0 and not text[before].isspace() and text[before] not in _LINE_CLOSERS:
            chars[before + 1] = "."
    return "".join(chars)


#: a line with no closing punctuation (a headline, a date line, "Feb. 3, 2024 | Statement") before a
#: blank line: the tagger reads across the break, and took the next paragraph's first word for a
#: name ("Today, U.S. and UK forces ... conducted strikes": "Today" its subject)
_OPEN_LINE_END = re.compile(rf"(?<=[^\s{re.escape(''.join(sorted(_LINE_CLOSERS)))}])\n(?=[ \t]*\n)")


def end_open_lines(text: str) -> str:
    """`text` with a full stop in place of the first line break after an open line that a blank
    line follows: the break the parser sees is a sentence's end. Same length as `text`."""
    return _OPEN_LINE_END.sub(".", text)


#: a typographic apostrophe after a letter: "Russia’s", "don’t", the plural possessive "the Houthis’"
_CURLY_APOSTROPHE = re.compile(r"(?<=[A-Za-z])\u2019")


def straight_apostrophes(text: str) -> str:
    """`text` with "’" after a letter written "'": the parser reads "the Houthis’ attacks" as
    a punctuation mark between two nouns, and "the Houthis' attacks" as a possessive."""
    return _CURLY_APOSTROPHE.sub("'", text)


def sentence_case_headlines(text: str) -> str:
    """`text` with Title Case headline lines lower-cased except names of places, peoples and
    office holders."""
    lines = text.split("\n")
    return "\n".join(_sentence_case(line) if is_headline(line) else line for line in lines)


#: a hyphened first name, which a dictionary's family name may follow
_FIRST_NAME_PART = re.compile(r"^[A-Z][a-z]+-[A-Z][a-z]+$")


def _sentence_case(line: str) -> str:
    words = list(_WORD.finditer(line))
    keep: set[int] = set()
    for i, match in enumerate(words):
        pair = f"{match.group()} {words[i + 1].group()}" if i + 1 < len(words) else ""
        if pair and (country_code(pair) or demonym_code(pair) or person_country(pair)):
            keep |= {i, i + 1}  # "South Korea", "North Korean", "Statement by Secretary Antony J. Blinken"
            if i and person_country(pair) and _FIRST_NAME_PART.match(words[i - 1].group()):
                keep.add(i - 1)  # "Jean-Yves Le Drian": a hyphened first name before
        elif any(country_code(part) or demonym_code(part) for part in (match.group(), *match.group().split("-"))):
            keep.add(i)  # "Japan", "Japan-ROK"
        elif i and words[i - 1].group().lower() in PERSON_TITLES and person_country(match.group()):
            keep |= {i - 1, i}  # "Remarks by Secretary Blinken"
        elif person_country(match.group()):
            keep.add(i)  # "Biden, Xi Agree To Resume Military Talks": a family name the dictionary knows alone
    keep |= _name_before_suffix(line, words)
    chars = list(line)
    for i, match in enumerate(words):
        if i in keep or not re.search(r"[A-Za-z]", line[:match.start()]):
            continue  # the line's first word keeps its capital; "EU, NATO Condemn ...": not 'Condemn'
        chars[match.start()] = chars[match.start()].lower()
    return "".join(chars)


#: the words of a title, which a name before a suffix does not reach back past
_TITLE_WORDS_BEFORE_NAMES = PERSON_TITLES | TITLE_WORDS | NAME_TITLES


def _name_before_suffix(line: str, words: list[re.Match]) -> set[int]:
    """"... Meeting With President Ferdinand R. Marcos Jr.": the name whose suffix ends the line keeps
    its capitals, as `is_headline` read the last full stop as the name's (up to three capitalised
    words before the suffix, not past a title)."""
    stripped = line.rstrip()
    if not stripped or not _ends_with_name_suffix(stripped):
        return set()
    tokens = list(re.finditer(r"\S+", stripped))[:-1]  # the words before the suffix
    begin = len(stripped)
    for token in reversed(tokens[-3:]):
        text = token.group()
        if not text[:1].isupper() or text.lower().rstrip(".") in _TITLE_WORDS_BEFORE_NAMES:
            break
        begin = token.start()
    return {i for i, match in enumerate(words) if match.start() >= begin}


def with_original_text(doc: Doc, original: str) -> Doc:
    """`doc` (parsed from sentence-cased text) over the original characters, so that names
    read "Linda Thomas-Greenfield", not "linda Thomas-Greenfield"; all annotations are kept."""
    if doc.text == original or len(doc.text) != len(original):
        return doc
    words = [original[t.idx:t.idx + len(t.text)] for t in doc]
    restored = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])
    attrs = [TAG, POS, MORPH, DEP, HEAD, LEMMA, ENT_IOB, ENT_TYPE, SENT_START]
    restored.from_array(attrs, doc.to_array(attrs))
    return restored
