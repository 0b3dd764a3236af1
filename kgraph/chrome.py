"""Remove page chrome (teasers, comment forms, newsletter boxes) from plain-text articles.

Pages saved as text keep their chrome after the article body. Chrome holds no events, and its
headlines would otherwise produce confident nonsense, so it is cut before parsing.
"""
from __future__ import annotations

import re

# A line that starts the trailing chrome of a page: everything from it on is dropped.
_CHROME_START = re.compile(
    r"^\W*(related (articles?|posts?|stories|news|content|coverage)|leave a (reply|comment)|"
    r"more news|more stories|you (may|might) also like|recommended( for you)?|read (more|next|also)|"
    r"most (popular|read)|trending( now)?|comments?( \(\d+\))?|share this( article)?:?|"
    r"about the author|subscribe to our newsletter|newsletter|sign up for our newsletter|"
    r"follow us|stay connected|tags?:.*)\W*$",
    re.IGNORECASE,
)
# A single line of chrome inside or around the body.
_CHROME_LINE = re.compile(
    r"(can be reached at \S+@\S+|please read our comment policy|all rights reserved|"
    r"^\W*(administrator|advertisement|share|tweet|print|email)\W*$|"
    r"your email address will not be published|required fields are marked)",
    re.IGNORECASE,
)
_MIN_BODY_CHARS = 200  # a chrome heading only ends the article once some body came before


def strip_page_chrome(text: str) -> str:
    """Return the article body with trailing chrome, chrome lines and repeated lines removed.

    Line breaks and the characters of kept lines are preserved (removed lines become empty), so
    character offsets into the result stay meaningful for evidence sentences.
    """
    kept: list[str] = []
    seen: set[str] = set()
    body_chars = 0
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and body_chars >= _MIN_BODY_CHARS and _CHROME_START.match(stripped):
            break
        if not stripped or _CHROME_LINE.search(stripped) or stripped in seen:
            kept.append("")
            continue
        seen.add(stripped)
        kept.append(line)
        body_chars += len(stripped)
    return "\n".join(kept).strip("\n") + "\n"
