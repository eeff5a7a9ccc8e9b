"""The Polish documentation and type of an FA(3) element, from the official XSD annotations."""

from __future__ import annotations

import functools
import re
import threading
from dataclasses import dataclass
from typing import Any

from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.fa3.catalog import FA3
from ksef_desktop.fa3.schema import schema_dir, uri_map
from ksef_desktop.support.i18n import tr

_INDEX = re.compile(r"\[\d+\]")
_SPACES = re.compile(r"\s+")
_LABEL_LENGTH = 80
_LOCK = threading.Lock()


@dataclass(frozen=True)
class ElementInfo:
    """What the structure viewer shows about one element of the FA(3) schema."""

    path: str  # normalised: /Faktura/Fa/FaWiersz/P_11
    name: str
    label: str  # the documentation's first sentence, short enough for a tree
    documentation: str  # the full Polish text of xsd:documentation
    type_name: str | None  # e.g. TKwotowy; None for an anonymous type
    min_occurs: int
    max_occurs: int | None  # None: unbounded


_LOADED: list[Any] = []


def _schema() -> Any:
    # xmlschema builds its model in about half a second; done once, on first use
    # (the lock keeps two threads from building it twice), and offline: every
    # schema location is mapped to the verified local copies.
    if not _LOADED:
        with _LOCK:
            if not _LOADED:
                import xmlschema  # noqa: PLC0415 - kept out of the import of ksef_desktop.fa3

                _LOADED.append(
                    xmlschema.XMLSchema(str(schema_dir() / FA3.entry), uri_mapper=uri_map())
                )
    return _LOADED[0]


def _steps(path: str) -> list[str]:
    steps = [s for s in _INDEX.sub("", path.strip()).split("/") if s]
    if steps and steps[0] == "Faktura":
        steps = steps[1:]
    return steps


def _documentation(component: Any) -> str:
    annotation = getattr(component, "annotation", None)
    if annotation is None:
        return ""
    texts = ["".join(doc.itertext()) for doc in annotation.documentation]
    return _SPACES.sub(" ", " ".join(texts)).strip()


#: Polish legal abbreviations that end in a full stop without ending the sentence.
_ABBREVIATIONS = re.compile(r"\b(art|ust|pkt|lit|poz|nr|zm|tj|tzw|r|Dz|U)\.\s", re.IGNORECASE)


def _label(name: str, documentation: str) -> str:
    """The documentation's first sentence (``art. 106e ust. 1`` does not end it)."""
    if not documentation:
        return name
    protected = _ABBREVIATIONS.sub(lambda m: m.group(0).replace(". ", "\x00"), documentation)
    first = protected.split(". ", 1)[0].rstrip(".").replace("\x00", ". ")
    if len(first) > _LABEL_LENGTH:
        first = first[: _LABEL_LENGTH - 1].rstrip() + "…"
    return first


@functools.lru_cache(maxsize=2048)
def _info(steps: tuple[str, ...]) -> ElementInfo:
    element = _schema().elements["Faktura"]
    for step in steps:
        children = {
            child.local_name: child for child in element if type(child).__name__ == "XsdElement"
        }
        if step not in children:
            raise InvalidValueError(
                tr("{path} is not an element of the FA(3) schema ({step} is unknown).").format(
                    path="/Faktura/" + "/".join(steps), step=step
                ),
                code="fa3-unknown-element",
                details={"path": "/".join(steps)},
            )
        element = children[step]
    documentation = _documentation(element) or _documentation(element.type)
    type_name = element.type.local_name if element.type.name else None
    return ElementInfo(
        path="/" + "/".join(("Faktura", *steps)),
        name=element.local_name,
        label=_label(element.local_name, documentation),
        documentation=documentation,
        type_name=type_name,
        min_occurs=element.min_occurs,
        max_occurs=element.max_occurs,
    )


def element_info(path: str) -> ElementInfo:
    """Schema facts about the element at ``path``.

    ``path`` may carry positional indexes and may omit the leading ``/Faktura``:
    ``/Faktura/Fa/FaWiersz[2]/P_11``, ``Fa/FaWiersz/P_11`` and ``/Fa/FaWiersz/P_11``
    name the same element. Raises InvalidValueError for a path the schema lacks.
    """
    return _info(tuple(_steps(path)))


def describe(path: str) -> str:
    """The Polish documentation of the element at ``path`` (empty if the XSD has none)."""
    return element_info(path).documentation
