"""The register's JSON codec: every kind of document survives storage unchanged."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

import pytest

from ksef_desktop.domain.document import Document
from ksef_desktop.domain.lines import Line
from ksef_desktop.storage.codec import CODEC_VERSION, StoredContentError, decode, encode
from tests.helpers import factories

KINDS: list[Callable[[], Document]] = [
    factories.invoice,
    factories.correction,
    factories.advance,
    factories.settlement,
    factories.simplified,
    factories.gross_invoice,
    factories.eur_invoice,
    factories.consumer_invoice,
]


@pytest.mark.parametrize("make", KINDS, ids=lambda f: f.__name__)
def test_every_kind_of_document_round_trips_exactly(make: Callable[[], Document]) -> None:
    document = make()
    text = encode(document)
    assert decode(text) == document
    assert encode(decode(text)) == text  # deterministic: same content, same bytes


def test_a_draft_without_number_or_vat_rate_is_stored_as_it_is() -> None:
    draft = replace(
        factories.invoice(),
        number=None,
        generated_at=None,
        lines=(Line(1, name="bez stawki", quantity=Decimal("1.500"), unit_price=None),),
    )
    back = decode(encode(draft))
    assert back == draft
    assert back.lines[0].quantity is not None
    assert str(back.lines[0].quantity) == "1.500"  # the decimal places stay as typed


def test_damaged_content_is_refused_with_a_store_error() -> None:
    with pytest.raises(StoredContentError):
        decode("{not json")
    payload = json.loads(encode(factories.invoice()))
    payload["document"]["lines"][0]["number"] = 0  # breaks a domain rule
    with pytest.raises(StoredContentError) as info:
        decode(json.dumps(payload))
    assert "Line numbers start at 1" in info.value.message


def test_content_from_a_newer_codec_or_with_unknown_fields_is_refused() -> None:
    payload = json.loads(encode(factories.invoice()))
    newer = {**payload, "codec": CODEC_VERSION + 1}
    with pytest.raises(StoredContentError):
        decode(json.dumps(newer))
    payload["document"]["surprise"] = 1
    with pytest.raises(StoredContentError) as info:
        decode(json.dumps(payload))
    assert "surprise" in info.value.message
