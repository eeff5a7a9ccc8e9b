"""What the FA(3) validator reports: a Problem with severity, stable code, path, line and field."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from lxml import etree

from ksef_desktop.fa3.catalog import FA3_NAMESPACE
from ksef_desktop.fa3.fields import field_for

NS = "{" + FA3_NAMESPACE + "}"

#: Element names the FA(3) schema lets repeat (maxOccurs > 1). Paths index these
#: even when only one is present, so that ``FaWiersz[1]`` always means line 1 and
#: the field mapping stays stable; ``test_fa3_validate`` keeps the set equal to the XSD.
REPEATING = frozenset(
    {
        "Akapit",
        "BlokDanych",
        "DaneFaKorygowanej",
        "DaneKontaktowe",
        "DodatkowyOpis",
        "FaWiersz",
        "FakturaZaliczkowa",
        "Informacje",
        "Kol",
        "MetaDane",
        "NowySrodekTransportu",
        "NrPartiiTowaru",
        "Obciazenia",
        "Odliczenia",
        "Podmiot2K",
        "Podmiot3",
        "RachunekBankowy",
        "RachunekBankowyFaktora",
        "Rejestry",
        "SKom",
        "TMetaDane",
        "Tabela",
        "TerminPlatnosci",
        "Transport",
        "Umowy",
        "WKom",
        "WZ",
        "Wiersz",
        "WysylkaPrzez",
        "ZaliczkaCzesciowa",
        "Zamowienia",
        "ZamowienieWiersz",
        "ZaplataCzesciowa",
    }
)


class Severity(enum.StrEnum):
    """An error stops the document from being sent; a warning is worth a look."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One finding about an FA(3) document.

    ``path`` is a readable element path (``/Faktura/Fa/FaWiersz[2]/P_11``, empty
    for findings about the file as a whole), ``field`` the document field it maps
    to (``lines[1].net_value``) so an editor can jump to it, and ``detail`` keeps
    technical text such as libxml2's own message.
    """

    severity: Severity
    code: str
    message: str
    path: str = ""
    line: int | None = None
    field: str | None = None
    detail: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def local_name(tag: object) -> str:
    """The tag without its namespace; comments and PIs have no name."""
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


def element_path(element: etree._Element) -> str:
    """The readable path of ``element``, indexed (1-based) where the name may repeat."""
    steps: list[str] = []
    node: etree._Element | None = element
    while node is not None:
        name = local_name(node.tag)
        parent = node.getparent()
        tag = node.tag
        if parent is not None and name in REPEATING and isinstance(tag, str):
            position = 1 + sum(1 for _ in node.itersiblings(tag, preceding=True))
            steps.append(f"{name}[{position}]")
        else:
            steps.append(name)
        node = parent
    return "/" + "/".join(reversed(steps))


def problem_at(
    element: etree._Element | None,
    code: str,
    message: str,
    *,
    severity: Severity = Severity.ERROR,
    detail: str = "",
    path: str | None = None,
) -> Problem:
    """A Problem located at ``element`` (path, line and mapped document field)."""
    if path is None:
        path = element_path(element) if element is not None else ""
    line = element.sourceline if element is not None else None
    return Problem(
        severity=severity,
        code=code,
        message=message,
        path=path,
        line=line or None,
        field=field_for(path) if path else None,
        detail=detail,
    )
