"""Hardened XML reading: no network, no DTD, no entities, bounded size."""

from __future__ import annotations

import re
import threading

from lxml import etree

from ksef_desktop.domain.errors import XmlInputError
from ksef_desktop.support.i18n import tr

#: KSeF's limit for an invoice without attachments is 1,000,000 bytes; reading
#: stops well above it so that a validator can still report the size problem.
MAX_READ_BYTES = 10_000_000

_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


_local = threading.local()


def _parser() -> etree.XMLParser:
    """This thread's parser: creating one per document costs more than a small parse.

    A parser must not be used by two threads at once, hence one per thread.
    """
    parser: etree.XMLParser | None = getattr(_local, "parser", None)
    if parser is None:
        parser = _local.parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            huge_tree=False,
            remove_blank_text=False,
            collect_ids=False,
        )
    return parser


def parse_xml(data: bytes, *, what: str = "XML") -> etree._Element:
    """Parse ``data`` into an element tree, refusing anything hostile or malformed.

    A DOCTYPE (and with it every entity bomb and XXE attempt) is refused before
    the parser sees the document, so the refusal is immediate whatever the
    payload would have expanded to.
    """
    if not isinstance(data, bytes | bytearray):
        raise XmlInputError(tr("The input must be bytes, not text."), code="xml-not-bytes")
    if len(data) > MAX_READ_BYTES:
        raise XmlInputError(
            tr("The {what} is {size:,} bytes; at most {limit:,} bytes can be read.").format(
                what=what, size=len(data), limit=MAX_READ_BYTES
            ),
            code="xml-too-large",
            details={"size": len(data), "limit": MAX_READ_BYTES},
        )
    if not data or data.isspace():  # unlike data.strip(), copies nothing
        raise XmlInputError(tr("The {what} is empty.").format(what=what), code="xml-empty")
    # A declaration needs "!", rare in invoices: finding one byte is a memchr,
    # much cheaper than the case-insensitive search through a large document.
    if b"!" in data and _DOCTYPE.search(data):
        raise XmlInputError(
            tr(
                "The {what} contains a DOCTYPE or entity declaration. KSeF documents never "
                "do; such content is refused because it can expand without limit or read "
                "local files."
            ).format(what=what),
            code="xml-doctype",
        )
    try:
        root = etree.fromstring(bytes(data), parser=_parser())
    except etree.XMLSyntaxError as exc:
        line = getattr(exc, "lineno", None)
        raise XmlInputError(
            tr("The {what} is not well-formed XML (line {line}): {reason}").format(
                what=what, line=line, reason=exc.msg
            ),
            code="xml-malformed",
            details={"line": line, "reason": exc.msg},
        ) from exc
    return root
