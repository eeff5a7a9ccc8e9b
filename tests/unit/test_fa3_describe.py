"""describe() / element_info(): the Polish XSD documentation and type of FA(3) elements."""

from __future__ import annotations

import pytest

from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.fa3 import describe, element_info


def test_describe_returns_the_polish_documentation() -> None:
    text = describe("/Faktura/Fa/P_15")
    assert text.startswith("Kwota należności ogółem.")
    assert "faktur zaliczkowych" in text


@pytest.mark.parametrize(
    "path",
    [
        "/Faktura/Fa/FaWiersz[2]/P_11",
        "/Faktura/Fa/FaWiersz/P_11",
        "Fa/FaWiersz[7]/P_11",
        "/Fa/FaWiersz/P_11",
    ],
)
def test_paths_with_or_without_indexes_and_root_name_the_same_element(path: str) -> None:
    info = element_info(path)
    assert info.path == "/Faktura/Fa/FaWiersz/P_11"
    assert info.name == "P_11"
    assert info.type_name == "TKwotowy"
    assert info.documentation.startswith("Wartość dostarczonych towarów")
    assert (info.min_occurs, info.max_occurs) == (0, 1)


def test_element_info_gives_occurrence_bounds_and_a_short_label() -> None:
    lines = element_info("/Faktura/Fa/FaWiersz")
    assert (lines.min_occurs, lines.max_occurs, lines.type_name) == (0, 10000, None)
    assert len(lines.label) <= 80
    assert lines.label.startswith("Szczegółowe pozycje faktury")
    nip = element_info("Podmiot1/DaneIdentyfikacyjne/NIP")
    assert (nip.type_name, nip.label) == ("TNrNIP", "Identyfikator podatkowy NIP")
    assert element_info("/Faktura").documentation == "Faktura VAT"


def test_documentation_mentions_what_the_field_means() -> None:
    assert "jednostki podrzędnej JST" in describe("Podmiot2/JST")
    assert describe("Fa/Platnosc/RachunekBankowy[1]/NrRB") == "Pełny numer rachunku"


def test_an_element_without_documentation_falls_back_to_its_name_as_label() -> None:
    info = element_info("/Faktura/Naglowek/KodFormularza")
    assert info.label == "KodFormularza"


@pytest.mark.parametrize("path", ["/Faktura/Fa/Nope", "/Faktura/Fa/P_15/Deeper", "Invoice"])
def test_an_unknown_path_is_an_invalid_value(path: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        describe(path)
    assert caught.value.code == "fa3-unknown-element"
    assert "not an element of the FA(3) schema" in caught.value.message


def test_a_label_does_not_end_at_a_legal_abbreviation() -> None:
    # "Na podstawie art. 106a - 106q ustawy...": the label is the whole first sentence.
    assert element_info("/Faktura/Fa").label.startswith("Na podstawie art. 106a")
    assert element_info("/Faktura/Fa/P_1").label.startswith(
        "Data wystawienia, z zastrzeżeniem art. 106na"
    )
    assert element_info("/Faktura/Fa/P_15").label == "Kwota należności ogółem"
