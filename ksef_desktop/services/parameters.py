"""KSEF > PARAMETERS as a service: loading, validating (WS address, NIP) and saving."""

from __future__ import annotations

import dataclasses
import ipaddress
from urllib.parse import urlsplit

from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.domain.identifiers import normalize_nip
from ksef_desktop.storage.parameters import (
    FieldKind,
    KsefParameters,
    ParameterField,
    ParametersRepository,
    parameter_fields,
)
from ksef_desktop.support.i18n import tr

__all__ = [
    "FieldKind",
    "KsefParameters",
    "ParameterField",
    "ParametersService",
    "field_errors",
    "is_loopback_host",
    "parameter_fields",
    "validate_ws_address",
]


def is_loopback_host(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _address_error(message: str, code: str) -> InvalidValueError:
    return InvalidValueError(message, field="ws_address", code=code)


def validate_ws_address(text: str) -> str:
    """The WS base URL in canonical form, or an error saying what to correct.

    HTTPS is required because requests carry invoice data; plain HTTP is
    accepted only on this computer (loopback), where nothing travels a network.
    """
    text = text.strip()
    if not text:
        raise _address_error(tr("Enter the web service address."), "ws-address-empty")
    if "://" not in text:
        raise _address_error(
            tr("Write the address with its scheme, e.g. https://{text}").format(text=text),
            "ws-address-scheme",
        )
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise _address_error(
            tr("{text!r} is not a valid address (look at the port number).").format(text=text),
            "ws-address-invalid",
        ) from None
    scheme = parts.scheme.lower()
    host = parts.hostname or ""
    if scheme not in ("http", "https"):
        raise _address_error(
            tr("The address must start with https:// (not {scheme}://).").format(scheme=scheme),
            "ws-address-scheme",
        )
    if not host:
        raise _address_error(tr("The address has no host name."), "ws-address-host")
    if parts.username is not None or parts.password is not None:
        raise _address_error(
            tr("Do not put a user name or password in the address."), "ws-address-credentials"
        )
    if parts.query or parts.fragment:
        raise _address_error(
            tr("The address must not contain '?' or '#' parts."), "ws-address-query"
        )
    if scheme == "http" and not is_loopback_host(host):
        raise _address_error(
            tr(
                "Use https:// for a web service on another computer; plain http:// is only "
                "allowed for this computer (localhost)."
            ),
            "ws-address-insecure",
        )
    netloc = host if ":" not in host else f"[{host}]"
    if port is not None:
        netloc += f":{port}"
    return f"{scheme}://{netloc.lower()}{parts.path.rstrip('/')}"


def field_errors(parameters: KsefParameters) -> dict[str, str]:
    """Each invalid field's message, by field name (empty when everything is acceptable)."""
    errors: dict[str, str] = {}
    if parameters.ws_address.strip() or parameters.active:
        try:
            validate_ws_address(parameters.ws_address)
        except InvalidValueError as exc:
            errors["ws_address"] = exc.message
    if parameters.company_nip.strip() or parameters.active:
        try:
            normalize_nip(parameters.company_nip, field="company_nip")
        except InvalidValueError as exc:
            errors["company_nip"] = exc.message
    return errors


class ParametersService:
    """Loads and saves :class:`KsefParameters`; ``save`` validates and normalises first."""

    def __init__(self, repository: ParametersRepository) -> None:
        self._repository = repository

    def load(self) -> KsefParameters:
        return self._repository.load()

    def validated(self, parameters: KsefParameters) -> KsefParameters:
        """``parameters`` normalised; raises :class:`InvalidValueError` naming the field."""
        address = parameters.ws_address.strip()
        nip = parameters.company_nip.strip()
        if address or parameters.active:
            address = validate_ws_address(address)
        if nip or parameters.active:
            nip = normalize_nip(nip, field="company_nip")
        return dataclasses.replace(parameters, ws_address=address, company_nip=nip)

    def save(self, parameters: KsefParameters) -> KsefParameters:
        clean = self.validated(parameters)
        self._repository.save(clean)
        return clean
