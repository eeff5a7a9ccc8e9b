"""The one error hierarchy: a user-safe message, a stable code and technical details.

Every layer raises these (or subclasses); the UI and the CLI are the only places
that turn one into something a person reads. ``code`` is stable across releases
and languages, so logs, tests and the WS API can rely on it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class KsefDesktopError(Exception):
    """Base of every error this project raises on purpose."""

    code: str = "error"

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        details: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.details: dict[str, Any] = dict(details or {})

    def __str__(self) -> str:
        return self.message


class InvalidValueError(KsefDesktopError, ValueError):
    """A value a person typed or a file supplied is not acceptable (NIP, IBAN, amount)."""

    code = "invalid-value"

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        code: str | None = None,
        details: Mapping[str, Any] | None = None,
    ) -> None:
        merged = dict(details or {})
        if field is not None:
            merged.setdefault("field", field)
        super().__init__(message, code=code, details=merged)
        self.field = field


class IllegalTransitionError(KsefDesktopError):
    """A lifecycle step that the document's current state does not allow."""

    code = "illegal-transition"

    def __init__(self, current: str, target: str, action: str) -> None:
        super().__init__(
            f"A document in state {current} cannot be {action} (it would become {target}).",
            details={"from": current, "to": target, "action": action},
        )
        self.current = current
        self.target = target


class DocumentLockedError(KsefDesktopError):
    """An edit of a document whose content is locked by approval or by KSeF."""

    code = "document-locked"


class XmlInputError(KsefDesktopError):
    """XML that is malformed, hostile (entities, DTD, XXE) or too large to read."""

    code = "xml-invalid"


class UnsupportedConstructError(KsefDesktopError):
    """Valid FA(3) that uses a construct our model cannot represent faithfully."""

    code = "fa3-unsupported"


class SchemaIntegrityError(KsefDesktopError):
    """An official schema file is missing or differs from the catalogued checksum."""

    code = "schema-integrity"


class ConfigurationError(KsefDesktopError):
    """A broken configuration; the message names the file, section and key."""

    code = "configuration"


class TransportError(KsefDesktopError):
    """The network failed (no route, timeout, TLS); usually worth retrying."""

    code = "transport"
    transient = True


class KsefApiError(KsefDesktopError):
    """KSeF answered with an error; ``ksef_code`` and ``description`` are KSeF's own."""

    code = "ksef-api"

    def __init__(
        self,
        message: str,
        *,
        ksef_code: int | None = None,
        description: str | None = None,
        http_status: int | None = None,
        transient: bool = False,
        retry_after: float | None = None,
        code: str | None = None,
        details: Mapping[str, Any] | None = None,
    ) -> None:
        merged = dict(details or {})
        merged.update(
            {"ksef_code": ksef_code, "description": description, "http_status": http_status}
        )
        super().__init__(message, code=code, details=merged)
        self.ksef_code = ksef_code
        self.description = description
        self.http_status = http_status
        self.transient = transient
        self.retry_after = retry_after
