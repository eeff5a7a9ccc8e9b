"""XSD validation with the compiled FA(3) schema, each libxml2 error turned into plain words."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable

from lxml import etree

from ksef_desktop.fa3.catalog import FA3_NAMESPACE
from ksef_desktop.fa3.problems import REPEATING, Problem, Severity, local_name, problem_at
from ksef_desktop.fa3.schema import lxml_schema
from ksef_desktop.support.i18n import tr

_HEAD = re.compile(r"Element '([^']*)'(?:, attribute '([^']*)')?: (.*)", re.DOTALL)
_NS = re.compile(r"\{[^}]*\}")
_STEP = re.compile(r"\*\[(\d+)\]|\*")

#: Elements holding dates: a schema error on their value is reported as date-invalid.
DATE_ELEMENTS = frozenset(
    {
        "DataWytworzeniaFa",
        "P_1",
        "P_6",
        "P_6A",
        "P_6_Od",
        "P_6_Do",
        "P_6Z",
        "DataWystFaKorygowanej",
        "DataZaplaty",
        "DataZaplatyCzesciowej",
        "Termin",
        "DataUmowy",
        "DataZamowienia",
        "DataGodzRozpTransportu",
        "DataGodzZakTransportu",
    }
)

# The compiled schema is shared; its error_log belongs to the last validation,
# so concurrent validations (the desktop runs work on a thread pool) take turns.
_LOCK = threading.Lock()
_MAX_LISTED = 16
#: A person cannot act on thousands of schema messages; the rest are counted.
MAX_XSD_PROBLEMS = 200


def _plain(text: str) -> str:
    return _NS.sub("", text).strip()


def _names(listing: str) -> str:
    names = [n.strip() for n in _plain(listing).strip("( )").split(",") if n.strip()]
    return ", ".join(names)


def _enumeration(text: str) -> str:
    values = re.findall(r"'([^']*)'", text)
    shown = ", ".join(values[:_MAX_LISTED])
    return shown + (", …" if len(values) > _MAX_LISTED else "")


def _unexpected(name: str, rest: str, _match: re.Match[str] | None) -> str:
    expected = re.search(r"Expected is (?:one of )?(\(.*\))", rest)
    if expected is None:
        return tr(
            "The element {name} is not allowed here. Remove it or move it to where the "
            "FA(3) schema expects it."
        ).format(name=name)
    return tr(
        "The element {name} is not allowed at this position; the schema expects {expected} "
        "here. Add the missing element or put the elements in the required order."
    ).format(name=name, expected=_names(expected.group(1)))


def _missing(name: str, rest: str, _match: re.Match[str] | None) -> str:
    expected = re.search(r"Expected is (?:one of )?(\(.*\))", rest)
    listing = _names(expected.group(1)) if expected else "?"
    return tr("{name} is incomplete: the required element {expected} is missing. Add it.").format(
        name=name, expected=listing
    )


def _pattern_hint(name: str, pattern: str) -> str:
    if name == "NIP" or name.startswith("NIP"):
        return tr("a NIP is 10 digits without separators, not starting with 0")
    if pattern.startswith(r"-?([1-9]\d{0,"):
        return tr(
            "an amount is written like 1234.56: no leading zeros, '+', spaces or commas, and "
            "at most 2 decimal places"
        )
    if "NrKSeF" in name:
        return tr("a KSeF number looks like 5261040828-20260102-0123456789AB-5C")
    return tr("the schema requires the pattern {pattern}").format(pattern=pattern)


def _facet(name: str, rest: str, match: re.Match[str] | None) -> str:  # noqa: PLR0911
    facet = match.group(1) if match else ""
    quoted = re.findall(r"'([^']*)'", rest[match.end() :] if match else rest)
    value = quoted[0] if quoted else ""
    limit = quoted[-1] if quoted else ""
    if facet == "pattern":
        return tr(
            "The value '{value}' of {name} has the wrong format ({hint}). Correct it."
        ).format(value=value, name=name, hint=_pattern_hint(name, limit))
    if facet == "enumeration":
        allowed = _enumeration(rest.partition("set")[2])
        return tr("'{value}' is not an allowed value of {name}. Use one of: {allowed}.").format(
            value=value, name=name, allowed=allowed
        )
    if facet == "minLength" and value == "0":
        return tr(
            "{name} is empty. Fill it in, or leave the element out if it is optional."
        ).format(name=name)
    if facet in ("minLength", "maxLength", "length"):
        return tr(
            "{name} has {count} characters; the schema requires {kind} {limit}. Change its length."
        ).format(
            name=name,
            count=value,
            limit=limit,
            kind={"minLength": tr("at least"), "maxLength": tr("at most")}.get(
                facet, tr("exactly")
            ),
        )
    if facet in ("minInclusive", "minExclusive"):
        return tr(
            "{name} is {value}, below the smallest value the schema allows ({limit})."
        ).format(name=name, value=value, limit=limit)
    if facet in ("maxInclusive", "maxExclusive"):
        return tr(
            "{name} is {value}, above the largest value the schema allows ({limit})."
        ).format(name=name, value=value, limit=limit)
    if facet == "fractionDigits":
        return tr("{name} ({value}) has more than {limit} decimal places. Round it.").format(
            name=name, value=value, limit=limit
        )
    if facet == "totalDigits":
        return tr("{name} ({value}) has more than {limit} digits.").format(
            name=name, value=value, limit=limit
        )
    return tr("The value '{value}' of {name} breaks the schema's {facet} rule.").format(
        value=value, name=name, facet=facet
    )


def _bad_value(name: str, rest: str, _match: re.Match[str] | None) -> str:
    value = rest.split("'")[1] if rest.count("'") >= 2 else ""
    if name in DATE_ELEMENTS:
        return tr(
            "'{value}' in {name} is not a valid date. Write an existing date as YYYY-MM-DD."
        ).format(value=value, name=name)
    return tr("'{value}' is not a valid value for {name}. Correct the value.").format(
        value=value, name=name
    )


def _attribute_missing(name: str, rest: str, _match: re.Match[str] | None) -> str:
    attr = re.search(r"attribute '([^']*)'", rest)
    return tr("{name} lacks its required attribute {attribute}. Add it.").format(
        name=name, attribute=attr.group(1) if attr else "?"
    )


def _not_fa3(name: str, _rest: str, _match: re.Match[str] | None) -> str:
    return tr(
        "This is not an FA(3) invoice: the root element is {name}, but FA(3) requires "
        "Faktura in the namespace {namespace}. Check that the file is an FA(3) document."
    ).format(name=name, namespace=FA3_NAMESPACE)


def _text_in_container(name: str, _rest: str, _match: re.Match[str] | None) -> str:
    return tr(
        "{name} contains text, but it may hold only child elements. Remove the text."
    ).format(name=name)


def _children_in_value(name: str, _rest: str, _match: re.Match[str] | None) -> str:
    return tr("{name} must hold a plain value, not child elements.").format(name=name)


_Translator = Callable[[str, str, "re.Match[str] | None"], str]

_RULES: tuple[tuple[re.Pattern[str], _Translator], ...] = (
    (re.compile(r"This element is not expected"), _unexpected),
    (re.compile(r"Missing child element"), _missing),
    (re.compile(r"\[facet '(\w+)'\]"), _facet),
    (re.compile(r"is not a valid value of"), _bad_value),
    (re.compile(r"attribute '[^']*' is required but missing"), _attribute_missing),
    (re.compile(r"No matching global declaration"), _not_fa3),
    (re.compile(r"Character content other than whitespace"), _text_in_container),
    (re.compile(r"Element content is not allowed"), _children_in_value),
)


class _Locator:
    """Finds the element of libxml2's positional paths (``/*/*[4]/*[10]``) and its readable path.

    Each parent's children are listed once, so many problems among thousands of
    lines stay linear in the document's size.
    """

    def __init__(self, root: etree._Element) -> None:
        self._root = root
        self._children: dict[str, list[tuple[etree._Element, str]]] = {}

    def _listing(self, key: str, node: etree._Element) -> list[tuple[etree._Element, str]]:
        listing = self._children.get(key)
        if listing is None:
            counts: dict[str, int] = {}
            listing = []
            for child in node:
                name = local_name(child.tag)
                if not name:
                    continue  # comments and processing instructions
                counts[name] = counts.get(name, 0) + 1
                listing.append((child, f"{name}[{counts[name]}]" if name in REPEATING else name))
            self._children[key] = listing
        return listing

    def locate(self, path: str | None) -> tuple[etree._Element, str]:
        node, readable, key = self._root, "/" + local_name(self._root.tag), "/*"
        if not path or not path.startswith("/*"):
            return node, readable
        for match in list(_STEP.finditer(path))[1:]:
            position = int(match.group(1) or 1)
            listing = self._listing(key, node)
            if not 0 < position <= len(listing):
                break
            node, step = listing[position - 1]
            readable += "/" + step
            key += f"/*[{position}]"
        return node, readable


def translate(
    message: str, *, element: etree._Element | None, line: int | None, path: str | None = None
) -> Problem:
    """A Problem for one libxml2 schema message about ``element``."""
    head = _HEAD.match(message)
    name = (
        local_name(head.group(1))
        if head
        else (local_name(element.tag) if element is not None else "?")
    )
    rest = head.group(3) if head else message
    attribute = head.group(2) if head else None
    text = tr("The schema rejects {name}: {reason}").format(name=name, reason=_plain(rest))
    code = "xsd"
    for pattern, translator in _RULES:
        match = pattern.search(rest)
        if match is not None:
            text = translator(name if attribute is None else f"{name}/@{attribute}", rest, match)
            if translator in (_facet, _bad_value) and name in DATE_ELEMENTS:
                code = "date-invalid"
            break
    problem = problem_at(element, code, text, detail=_plain(message), path=path)
    if problem.line is None and line:
        problem = Problem(
            problem.severity, code, text, problem.path, line, problem.field, problem.detail
        )
    return problem


def xsd_problems(root: etree._Element) -> list[Problem]:
    """Validate ``root`` with the compiled official schema; [] when it conforms."""
    schema = lxml_schema()
    with _LOCK:
        if schema.validate(root):
            return []
        entries = [(e.message, e.path, e.line) for e in schema.error_log]
    locator = _Locator(root)
    problems: list[Problem] = []
    seen: set[tuple[str, int | None]] = set()
    for count, (message, path, line) in enumerate(entries):
        if len(problems) == MAX_XSD_PROBLEMS:
            problems.append(_more(len(entries) - count))
            break
        element, readable = locator.locate(path)
        problem = translate(message, element=element, line=line, path=readable)
        # libxml2 may report one bad value several times (fractionDigits, then
        # pattern, then the type); one problem per element is enough for a person.
        key = (problem.path, problem.line)
        if key in seen and ("[facet" in message or "is not a valid value of" in message):
            continue
        seen.add(key)
        problems.append(problem)
    return problems


def _more(remaining: int) -> Problem:
    return Problem(
        Severity.ERROR,
        "xsd",
        tr(
            "The schema reports {count} more problems that are not listed. Fix the ones "
            "above first; many of the others usually disappear with them."
        ).format(count=remaining),
    )
