"""From a request body to a stored-ready document: parse, check the seller, map, build FA(3)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from ksef_desktop import fa3
from ksef_desktop.contract.api import FieldError, ProblemOut, ProblemType
from ksef_desktop.contract.documents import ErpDocument
from ksef_desktop.contract.mapping import to_document
from ksef_desktop.domain.errors import InvalidValueError, UnsupportedConstructError
from ksef_desktop.domain.identifiers import normalize_nip
from ksef_desktop.fa3 import Problem as Fa3Problem
from ksef_desktop.support.i18n import tr
from ksef_desktop.ws.problems import ProblemError, malformed


def warm_up() -> None:
    """Load and checksum the FA(3) schema at start, so a broken install fails at once.

    Each request thread compiles its own copy on first use (fa3.schema keeps one
    per thread), so FA(3) work in request threads runs in parallel.
    """
    fa3.validate(b"<warm-up/>")


@dataclass(frozen=True)
class Prepared:
    erp: ErpDocument
    canonical: str
    content_sha256: str
    fa3: bytes
    problems: list[Fa3Problem]

    @property
    def valid(self) -> bool:
        return not any(p.is_error for p in self.problems)


def parse_json(body: bytes) -> Any:
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ProblemError(
            422,
            ProblemType.MALFORMED_BODY,
            tr("The request body is not JSON: {reason}").format(reason=exc),
            [FieldError(loc="body", message=str(exc))],
        ) from None


def parse_document(data: Any, prefix: tuple[Any, ...] = ()) -> ErpDocument:
    try:
        return ErpDocument.model_validate(data)
    except ValidationError as exc:
        raise malformed(exc, prefix) from None


#: Fields added to version 1 of the contract after documents were stored: left out of
#: the canonical form while unused, so a document stored before keeps its content hash.
_ADDED_LATER = ("advance_invoices",)


def canonical_json(erp: ErpDocument) -> str:
    """The document as parsed (defaults filled, whitespace stripped), keys sorted."""
    data = erp.model_dump(mode="json")
    for name in _ADDED_LATER:
        if data.get(name) is None:
            del data[name]
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _invalid(exc: InvalidValueError | UnsupportedConstructError, prefix: str) -> ProblemError:
    field = exc.field if isinstance(exc, InvalidValueError) else None
    loc = prefix + (field or "document")
    return ProblemError(
        422, ProblemType.INVALID_DOCUMENT, exc.message, [FieldError(loc=loc, message=exc.message)]
    )


def prepare(erp: ErpDocument, signer_nip: str, prefix: str = "") -> Prepared:
    """Map and build the FA(3) of ``erp``; the seller must be the signing key's company."""
    try:
        seller = normalize_nip(erp.seller.nip, field="seller.nip")
    except InvalidValueError as exc:
        raise _invalid(exc, prefix) from None
    if seller != signer_nip:
        raise ProblemError(
            403,
            ProblemType.SELLER_MISMATCH,
            tr(
                "The document's seller NIP {seller} is not the NIP {nip} this key was "
                "registered for; a key may only submit its own company's documents."
            ).format(seller=seller, nip=signer_nip),
            [FieldError(loc=prefix + "seller.nip", message=tr("not the key's NIP"))],
        )
    try:
        document = to_document(erp, generated_at=dt.datetime.now(dt.UTC).replace(microsecond=0))
        xml = fa3.build(document)
        problems = fa3.validate(xml)
    except (InvalidValueError, UnsupportedConstructError) as exc:
        raise _invalid(exc, prefix) from None
    canonical = canonical_json(erp)
    return Prepared(
        erp=erp,
        canonical=canonical,
        content_sha256=hashlib.sha256(canonical.encode("utf-8")).hexdigest(),
        fa3=xml,
        problems=problems,
    )


def problems_out(problems: list[Fa3Problem]) -> list[ProblemOut]:
    return [
        ProblemOut(
            severity="error" if p.is_error else "warning",
            code=p.code,
            message=p.message,
            path=p.path or None,
            line=p.line,
            field=p.field,
        )
        for p in problems
    ]


def refuse_invalid(prepared: Prepared, prefix: str = "") -> None:
    """A document whose FA(3) has errors is not accepted for delivery."""
    errors = [p for p in prepared.problems if p.is_error]
    if not errors:
        return
    raise ProblemError(
        422,
        ProblemType.INVALID_DOCUMENT,
        tr("The document's FA(3) fails validation: {message}").format(message=errors[0].message),
        [
            FieldError(loc=prefix + (p.field or p.path or "document"), message=p.message)
            for p in errors
        ],
    )
