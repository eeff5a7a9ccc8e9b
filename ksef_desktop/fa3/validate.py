"""validate(xml): every problem of an FA(3) document, from bytes to arithmetic, as a list."""

from __future__ import annotations

import logging
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from lxml import etree

from ksef_desktop.domain.errors import XmlInputError
from ksef_desktop.fa3.envelope import byte_problems, size_problem, tree_problems
from ksef_desktop.fa3.faview import fa_view, first_child
from ksef_desktop.fa3.problems import NS, Problem, Severity
from ksef_desktop.fa3.rules import amount_problems
from ksef_desktop.fa3.rules_identity import correction_problems, date_problems, nip_problems
from ksef_desktop.fa3.xmlsafe import parse_xml
from ksef_desktop.fa3.xsdmessages import xsd_problems
from ksef_desktop.support.i18n import tr

log = logging.getLogger(__name__)

_FA = NS + "Fa"
_ATTACHMENT = NS + "Zalacznik"
_DECLARATION = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)

#: parse_xml's codes, folded into the validator's smaller vocabulary.
_INPUT_CODES = {
    "xml-too-large": "size-limit",
    "xml-empty": "xml-malformed",
    "xml-not-bytes": "encoding",
}


def today_in_poland() -> date:
    """KSeF compares P_1 with the moment it receives the invoice, in Polish time."""
    try:
        return datetime.now(ZoneInfo("Europe/Warsaw")).date()
    except ZoneInfoNotFoundError:  # no time-zone database (e.g. Windows without tzdata)
        return date.today()  # the local date is the best fallback


def _input_problem(exc: XmlInputError, data: bytes) -> Problem:
    line = exc.details.get("line")
    declaration = _DECLARATION.search(data) if exc.code == "xml-doctype" else None
    if declaration is not None:
        line = data.count(b"\n", 0, declaration.start()) + 1
    return Problem(
        Severity.ERROR,
        _INPUT_CODES.get(exc.code, exc.code),
        exc.message,
        line=line if isinstance(line, int) and line > 0 else None,
        detail=str(exc.details.get("reason", "")),
    )


def _rules(root: etree._Element, xsd: list[Problem], today: date) -> list[Problem]:
    if root.tag != NS + "Faktura":
        return []  # not an FA(3) document: the XSD problem says so
    fa = first_child(root, _FA)
    view = fa_view(fa) if fa is not None else None
    problems = nip_problems(root, view)
    if view is None:
        return problems
    problems += date_problems(view, today)
    problems += correction_problems(view)
    # Arithmetic needs Fa's structure to be what the schema says; with a schema
    # problem inside Fa the numbers could be misread, so the XSD problem comes first.
    if not any(p.path.startswith("/Faktura/Fa/") or p.path == "/Faktura/Fa" for p in xsd):
        problems += amount_problems(view)
    return problems


def validate(xml: bytes, *, today: date | None = None) -> list[Problem]:
    """Every problem of the FA(3) document ``xml``; an empty list means it is valid.

    Never raises for bad input: malformed or hostile XML yields an
    ``xml-malformed`` / ``xml-doctype`` problem. ``today`` fixes the date P_1 is
    compared with (default: today in Poland).
    """
    given: object = xml  # callers without type checking may pass text
    if not isinstance(given, bytes | bytearray):
        return [
            Problem(
                Severity.ERROR,
                "encoding",
                tr("The document must be given as bytes (UTF-8), not as text."),
            )
        ]
    data = bytes(given)
    problems = byte_problems(data)
    try:
        root = parse_xml(data, what=tr("document"))
    except XmlInputError as exc:
        return [*problems, _input_problem(exc, data)]
    has_attachment = first_child(root, _ATTACHMENT) is not None
    size = size_problem(len(data), has_attachment=has_attachment)
    if size is not None:
        problems.append(size)
    problems += tree_problems(data, root)
    xsd = xsd_problems(root)
    problems += xsd
    try:
        problems += _rules(root, xsd, today or today_in_poland())
    except Exception:  # a rule bug must not hide the other findings
        log.exception("an FA(3) rule failed")
        problems.append(
            Problem(
                Severity.WARNING,
                "rules-failed",
                tr("Some checks could not be run on this document; the XSD check still applies."),
            )
        )
    return problems


def has_errors(problems: list[Problem]) -> bool:
    return any(p.is_error for p in problems)
