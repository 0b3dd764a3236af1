"""Country names, demonyms and cities: the tables every reading of a state goes through."""
from __future__ import annotations

import pytest

from kgraph.countries import city_country, country_code, demonym_code


@pytest.mark.parametrize(("word", "code"), [
    ("North Korean", "PRK"), ("Bosnian", "BIH"), ("Bosnians", "BIH"), ("Ivorian", "CIV"),
    ("Salvadoran", "SLV"), ("Malagasy", "MDG"), ("Dominican", "DOM"),  # the more populous of two
    ("Congolese", "COD"),  # kgraph's own table wins over the package's
])
def test_demonyms_of_every_state(word: str, code: str) -> None:
    assert demonym_code(word) == code


def test_longer_spellings_are_names_but_one_foreign_word_is_not() -> None:
    assert country_code("Bosnia-Herzegovina") == "BIH" and country_code("Bosnia") == "BIH"
    assert country_code("DR Congo") == "COD"
    assert country_code("Island") is None  # Iceland's own name, and an English word


def test_a_large_citys_other_spellings_stand_for_its_state() -> None:
    assert city_country("Mykolaiv") == "UKR"  # GeoNames writes "Mykolayiv"
    assert city_country("Odessa") == "UKR"  # Odesa, Ukraine, not Odessa, Texas, a tenth of its size
    assert city_country("Salisbury") is None  # Harare's old name is another name, not a spelling
    assert city_country("New York") is None  # where the United Nations sits
    assert city_country("Sao Paulo") == "BRA"  # a spelling without the accents


def test_a_city_stands_for_its_state() -> None:
    assert city_country("Kharkiv") == "UKR"
    assert country_code("Kharkiv") is None  # a city, not a capital: the narrower table


def test_names_are_found_with_or_without_their_accents_and_as_iso_writes_them():
    assert country_code("Côte d’Ivoire") == country_code("Cote d'Ivoire") == "CIV"
    assert country_code("São Tomé and Príncipe") == "STP"
    assert country_code("Lao People’s Democratic Republic") == "LAO"
    assert country_code("Korea, Republic of") is None  # the standard's inverted form is no way texts write it


def test_a_country_the_recogniser_left_untagged_and_the_parser_split_is_still_the_country(extract):
    events = extract("Côte d’Ivoire condemned Mali.")
    assert ("condemn", "CIV", "MLI") in {e[:3] for e in events}
