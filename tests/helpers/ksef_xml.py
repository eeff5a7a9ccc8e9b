"""FA(3) invoice XML for KSeF port tests, made from the Ministry's example 1."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

TEMPLATE = (
    Path(__file__).resolve().parent.parent / "fixtures/ministry/FA_3_Przyklad_1.xml"
).read_bytes()

_SELLER_NIP = re.compile(rb"(<Podmiot1>.*?<NIP>)\d{10}(</NIP>)", re.S)
_P_1 = re.compile(rb"<P_1>[^<]*</P_1>")
_P_2 = re.compile(rb"<P_2>[^<]*</P_2>")


def invoice_xml(seller_nip: str, number: str, issue_date: date | None = None) -> bytes:
    """Example 1 with the seller's NIP, invoice number ``P_2`` and issue date ``P_1``.

    The issue date defaults to today (UTC), which is never later than KSeF's
    acceptance date in Warsaw.
    """
    day = issue_date or datetime.now(UTC).date()
    xml, found = _SELLER_NIP.subn(rb"\g<1>" + seller_nip.encode() + rb"\g<2>", TEMPLATE, count=1)
    assert found == 1
    xml = _P_1.sub(b"<P_1>" + day.isoformat().encode() + b"</P_1>", xml, count=1)
    return _P_2.sub(b"<P_2>" + number.encode() + b"</P_2>", xml, count=1)
