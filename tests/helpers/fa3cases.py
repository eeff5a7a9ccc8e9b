"""The documents every FA(3) build/parse test runs over, named after their golden files."""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from ksef_desktop.domain.document import Document
from ksef_desktop.fa3.schema import lxml_schema
from tests.helpers import factories

#: golden-file stem -> factory; one per document kind plus the pricing/currency variants.
DOCUMENTS: dict[str, Callable[[], Document]] = {
    "vat": factories.invoice,
    "kor": factories.correction,
    "zal": factories.advance,
    "roz": factories.settlement,
    "upr": factories.simplified,
    "vat_consumer": factories.consumer_invoice,
    "vat_gross": factories.gross_invoice,
    "vat_eur": factories.eur_invoice,
}


def assert_schema_valid(xml: bytes) -> None:
    """Fail with the XSD's own message when ``xml`` is not valid FA(3)."""
    lxml_schema().assertValid(etree.fromstring(xml))
