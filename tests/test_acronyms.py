"""Short forms a text defines ("... Liberation Front (TPLF)") label its actors by the long form."""
from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.acronyms import defined_acronyms, spelt_out
from kgraph.model import Actor


def test_a_bracketed_short_form_is_read_from_the_initials_before_it():
    text = ("We urge the Government of Ethiopia and the Tigray People’s Liberation Front (TPLF) to "
            "negotiate. Treasury's Office of Foreign Assets Control (OFAC) designated them.")
    assert defined_acronyms(text) == {"TPLF": "Tigray People’s Liberation Front",
                                      "OFAC": "Office of Foreign Assets Control"}


def test_a_bracketed_surname_or_nickname_is_no_short_form():
    assert defined_acronyms("Nestor Moncada Lau (Moncada) and Secretary (Mike) Pompeo met.") == {}


def test_an_actor_named_by_a_defined_short_form_takes_the_long_form():
    acronyms = {"TPLF": "Tigray People’s Liberation Front"}
    assert spelt_out(Actor("TPLF", "GROUP", None), acronyms).name == "Tigray People’s Liberation Front"
    assert spelt_out(Actor("ONLF", "GROUP", None), acronyms).name == "ONLF"


def test_a_known_organisation_keeps_its_canonical_name_and_a_state_becomes_the_state():
    acronyms = defined_acronyms("the International Atomic Energy Agency (IAEA) and the "
                                "Central African Republic (CAR) said")
    assert spelt_out(Actor("IAEA", "ORG", None), acronyms).name == "IAEA"
    assert spelt_out(Actor("CAR", "ORG", None), acronyms) == Actor("Central African Republic", "COUNTRY", "CAF")


def test_a_short_form_takes_the_state_the_tables_give_its_long_form():
    acronyms = {"GNA": "Government of National Accord"}
    assert spelt_out(Actor("GNA", "ORG", None), acronyms) == Actor("Government of National Accord", "ORG", "LBY", "GNA")
    assert spelt_out(Actor("GNA", "ORG", "TUR"), acronyms).country == "TUR"  # a state read in the text stays


def test_a_short_form_used_without_a_definition_is_the_one_name_its_initials_spell():
    text = ("The Department of Foreign Affairs protested the water cannoning by China Coast Guard. "
            "The DFA said the CCG acted aggressively, as the Chinese Coast Guard did before.")
    # "DFA" spells one name; "CCG" two ("China Coast Guard", "Chinese Coast Guard"): neither is chosen
    assert defined_acronyms(text) == {"DFA": "Department of Foreign Affairs"}
    # names the tables know keep their own long form, and two-letter forms spell too many names
    assert defined_acronyms("The United Nations and the UN. United Kingdom and UK.") == {}


def test_an_undefined_short_form_takes_the_state_of_the_name_it_spells(extract):
    events = extract("Manila protested the water cannoning by China Coast Guard on Saturday. "
                     "The Philippines condemned the CCG.")
    assert ("condemn", "PHL", "CHN", "asserted") in events
    assert not any(e[2] == "CCG" for e in events)


def test_a_name_written_as_a_possessive_spells_a_short_form_without_its_apostrophe():
    text = "We condemn the Rapid Support Forces’ assault on El Fasher. We call on the RSF to halt its siege."
    assert defined_acronyms(text) == {"RSF": "Rapid Support Forces"}


def test_punctuation_standing_alone_before_a_short_form_is_no_word():
    # a lone ":" stripped to nothing had crashed the document's extraction (IndexError)
    assert defined_acronyms("Police from the Kenya Defence Forces : (KDF) arrived.") == {
        "KDF": "Kenya Defence Forces"}
    assert defined_acronyms("; (KDF) and , (UN)") == {}


_PIECES = st.sampled_from(["Kenya", "Defence", "Forces", "of", "the", "-", ":", ";", ",", "’s", "(KDF)", "(UN)",
                           "(K-D)", "(", ")", "KDF", "Counter-Terrorism", "Centre", "(CTC)", "\n", "  "])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=25))
def test_reading_short_forms_ends_without_an_error_on_any_arrangement_of_words(pieces):
    assert isinstance(defined_acronyms(" ".join(pieces)), dict)
