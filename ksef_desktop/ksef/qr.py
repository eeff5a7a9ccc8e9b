"""KOD I (invoice) and KOD II (offline certificate) verification links for printouts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from cryptography import x509
from ksef_client.services.crypto import sha256_base64
from ksef_client.services.verification_link import VerificationLinkService

from ksef_desktop.domain.errors import ConfigurationError, InvalidValueError
from ksef_desktop.ksef.environments import KsefEnvironment
from ksef_desktop.support.i18n import tr

#: Label under KOD I before KSeF assigned a number; under KOD II always CERTYFIKAT.
OFFLINE_LABEL = "OFFLINE"
CERTIFICATE_LABEL = "CERTYFIKAT"


@dataclass(frozen=True)
class OfflineCertificate:
    """A KSeF certificate of type Offline with its private key (RSA-2048+ or EC P-256)."""

    certificate_pem: str
    private_key_pem: str = field(repr=False)
    password: str | None = field(default=None, repr=False)
    context_type: str = "Nip"
    #: The context the certificate acts in; defaults to the seller's NIP.
    context_value: str | None = None

    @property
    def serial(self) -> str:
        """The certificate serial as the 16 uppercase hex digits the link carries."""
        cert = x509.load_pem_x509_certificate(self.certificate_pem.encode("ascii"))
        return f"{cert.serial_number:016X}"


class VerificationLinks:
    """Builds KOD I/KOD II URLs for one environment with ksef-client's link service."""

    def __init__(
        self, environment: KsefEnvironment, offline_certificate: OfflineCertificate | None = None
    ) -> None:
        self._service = VerificationLinkService(environment.client_options())
        self._certificate = offline_certificate

    def invoice_link(self, seller_nip: str, issue_date: date, xml: bytes) -> str:
        """``{qr host}/invoice/{NIP}/{DD-MM-YYYY}/{base64url SHA-256 of the XML}``."""
        try:
            return self._service.build_invoice_verification_url(
                seller_nip, issue_date, sha256_base64(xml)
            )
        except ValueError as exc:
            raise InvalidValueError(str(exc), code="ksef-qr-invalid") from exc

    @property
    def can_sign(self) -> bool:
        return self._certificate is not None

    def certificate_link(self, seller_nip: str, xml: bytes) -> str:
        """KOD II: the certificate link signed with the offline certificate's key."""
        cert = self._certificate
        if cert is None:
            raise ConfigurationError(
                tr("KOD II needs an offline KSeF certificate; none is configured."),
                code="ksef-offline-certificate",
            )
        try:
            return self._service.build_certificate_verification_url(
                seller_nip=seller_nip,
                context_identifier_type=cert.context_type,
                context_identifier_value=cert.context_value or seller_nip,
                certificate_serial=cert.serial,
                invoice_hash=sha256_base64(xml),
                signing_certificate_pem=cert.certificate_pem,
                private_key_pem=cert.private_key_pem,
                private_key_password=cert.password,
            )
        except ValueError as exc:
            raise ConfigurationError(
                tr("The offline certificate cannot sign KOD II: {reason}").format(reason=exc),
                code="ksef-offline-certificate",
            ) from exc
