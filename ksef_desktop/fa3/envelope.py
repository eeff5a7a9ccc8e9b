"""KSeF's checks of the file itself: size, UTF-8 without BOM, no PIs, no discouraged characters."""

from __future__ import annotations

import re

from lxml import etree

from ksef_desktop.fa3.problems import Problem, Severity, problem_at
from ksef_desktop.support.i18n import tr

#: KSeF's size limits: without attachments, and with a Zalacznik section.
MAX_BYTES = 1_000_000
MAX_BYTES_WITH_ATTACHMENT = 3_000_000

_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_DECLARED = re.compile(rb"\A(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']*)[\"']")
#: U+0085 (NEL) is allowed; the C1 controls around it are discouraged by KSeF.
#: Matched on the UTF-8 bytes (U+0080..U+009F are C2 80..C2 9F), so no decoding.
_DISCOURAGED = re.compile(rb"\x7f|\xc2[\x80-\x84\x86-\x9f]")
_PI_START = re.compile(rb"<\?(?!xml[\s?])")
#: What follows "<?xml" in a declaration (and not in a PI such as <?xml-stylesheet?>).
_AFTER_XML = frozenset({b" ", b"\t", b"\r", b"\n", b"?"})
_MAX_CHAR_REPORTS = 20


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _may_hold_instructions(data: bytes) -> bool:
    """Whether ``<?`` occurs after the XML declaration, so the tree must be searched for PIs.

    "?" is rare in invoices and finding one byte is a memchr; the regex, which
    stops at every "<", only runs from the first "?" after the declaration.
    """
    start = len(_BOM) if data.startswith(_BOM) else 0
    if data.startswith(b"<?xml", start) and data[start + 5 : start + 6] in _AFTER_XML:
        start = data.find(b"?>", start) + 2  # past the declaration
    question = data.find(b"?", start)
    return question > 0 and _PI_START.search(data, question - 1) is not None


def byte_problems(data: bytes) -> list[Problem]:
    """Problems visible in the bytes before any parsing: BOM and encoding."""
    problems: list[Problem] = []
    if data.startswith(_BOM):
        problems.append(
            Problem(
                Severity.ERROR,
                "bom",
                tr(
                    "The file starts with a byte order mark (BOM), which KSeF rejects. "
                    "Save it as UTF-8 without BOM."
                ),
                line=1,
            )
        )
    elif data.startswith(_UTF16_BOMS):
        problems.append(
            Problem(
                Severity.ERROR,
                "encoding",
                tr("The file is encoded as UTF-16; KSeF accepts only UTF-8. Save it as UTF-8."),
                line=1,
            )
        )
        return problems
    declared = _DECLARED.match(data)
    if declared is not None and declared.group(1).decode("ascii", "replace").upper() != "UTF-8":
        problems.append(
            Problem(
                Severity.ERROR,
                "encoding",
                tr(
                    "The XML declaration names the encoding {encoding}; KSeF accepts only "
                    'UTF-8. Save the file as UTF-8 and declare encoding="UTF-8".'
                ).format(encoding=declared.group(1).decode("ascii", "replace")),
                line=1,
            )
        )
        return problems  # its bytes follow that encoding; one problem says it all
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(
            Problem(
                Severity.ERROR,
                "encoding",
                tr(
                    "The file is not valid UTF-8 (byte {offset} on line {line}). Save it as "
                    "UTF-8 without BOM."
                ).format(offset=exc.start, line=_line_of(data, exc.start)),
                line=_line_of(data, exc.start),
                detail=str(exc),
            )
        )
    return problems


def size_problem(size: int, *, has_attachment: bool) -> Problem | None:
    """The size-limit problem when ``size`` exceeds what KSeF accepts."""
    limit = MAX_BYTES_WITH_ATTACHMENT if has_attachment else MAX_BYTES
    if size <= limit:
        return None
    return Problem(
        Severity.ERROR,
        "size-limit",
        tr(
            "The document is {size:,} bytes; KSeF accepts at most {limit:,} bytes{suffix}. "
            "Split the invoice or shorten its content."
        ).format(
            size=size,
            limit=limit,
            suffix=tr(" for an invoice with attachments") if has_attachment else "",
        ),
        path="/Faktura",
        field=None,
    )


def _element_at_line(root: etree._Element, line: int) -> etree._Element:
    found = root
    for element in root.iter(etree.Element):
        if element.sourceline is not None and element.sourceline > line:
            break
        found = element
    return found


def tree_problems(data: bytes, root: etree._Element) -> list[Problem]:
    """Processing instructions and discouraged code points in a parsed document."""
    problems: list[Problem] = []
    instructions: list[etree._Element] = []
    # Searching the bytes is much cheaper than walking the tree; the walk only
    # runs when "<?" appears after the XML declaration.
    if _may_hold_instructions(data):
        instructions += root.itersiblings(etree.PI, preceding=True)
        instructions += root.iter(etree.PI)
        instructions += root.itersiblings(etree.PI)
    for pi in instructions:
        parent = pi.getparent()
        problem = problem_at(
            parent,
            "processing-instruction",
            tr(
                "The document contains the processing instruction <?{target} …?>, which KSeF "
                "rejects. Remove it."
            ).format(target=getattr(pi, "target", "?")),
        )
        problems.append(
            Problem(
                problem.severity,
                problem.code,
                problem.message,
                problem.path,
                pi.sourceline or problem.line,
                problem.field,
            )
        )
    # Both byte values are rare in invoices, and "in" is a memchr, unlike the regex.
    suspicious = b"\x7f" in data or b"\xc2" in data
    for count, match in enumerate(_DISCOURAGED.finditer(data) if suspicious else ()):
        if count == _MAX_CHAR_REPORTS:
            break
        line = _line_of(data, match.start())
        element = _element_at_line(root, line)
        problem = problem_at(
            element,
            "forbidden-character",
            tr(
                "The text contains the control character U+{code:04X}, which KSeF does not "
                "accept. Delete it (it is often pasted in invisibly from other programs)."
            ).format(code=ord(match.group().decode("utf-8", "replace"))),
        )
        problems.append(
            Problem(
                problem.severity,
                problem.code,
                problem.message,
                problem.path,
                line,
                problem.field,
            )
        )
    return problems
