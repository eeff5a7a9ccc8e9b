"""KSeF environments (test, demo, prod or a custom base URL such as a local ksef-sim)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from ksef_client import KsefClientOptions
from ksef_client.config import KsefEnvironment as _Hosts
from ksef_client.config import KsefQrEnvironment as _QrHosts

from ksef_desktop.domain.errors import ConfigurationError
from ksef_desktop.support.i18n import tr

# A custom environment without its own QR host prints links to the test QR host:
# KSeF cannot verify a simulator's invoices anyway, and the link stays well-formed.
_DEFAULT_CUSTOM_QR = _QrHosts.TEST.value


@dataclass(frozen=True)
class KsefEnvironment:
    """Where the port talks to: API host (without ``/v2``) and the QR verification host."""

    name: str
    api_base: str
    qr_base: str
    official: bool = True

    @property
    def api_url(self) -> str:
        """The API root every request path is appended to (``…/v2``)."""
        return self.client_options().normalized_base_url()

    def client_options(self, *, timeout_seconds: float = 30.0) -> KsefClientOptions:
        """Options for a ``ksef_client.KsefClient`` bound to this environment."""
        return KsefClientOptions(
            base_url=self.api_base,
            base_qr_url=self.qr_base,
            timeout_seconds=timeout_seconds,
            # Plain http (a local ksef-sim) has no TLS: skip loading the CA bundle,
            # which costs tens of milliseconds per client.
            verify_ssl=not self.api_base.startswith("http://"),
        )

    @classmethod
    def custom(cls, base_url: str, *, qr_base: str | None = None) -> KsefEnvironment:
        """A non-official endpoint, e.g. ``http://127.0.0.1:8123`` of a local ksef-sim."""
        parts = urlsplit(base_url.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ConfigurationError(
                tr("The KSeF address {url!r} is not an http(s) URL.").format(url=base_url),
                code="ksef-environment",
                details={"value": base_url},
            )
        api_base = base_url.strip().rstrip("/")
        for suffix in ("/api/v2", "/v2"):
            if api_base.endswith(suffix):
                api_base = api_base[: -len(suffix)]
                break
        return cls(
            name="custom",
            api_base=api_base,
            qr_base=(qr_base or _DEFAULT_CUSTOM_QR).rstrip("/"),
            official=False,
        )

    @classmethod
    def parse(cls, value: str) -> KsefEnvironment:
        """``test`` | ``demo`` | ``prod`` (``production``) | an explicit base URL."""
        key = value.strip().lower()
        if key in _BY_NAME:
            return _BY_NAME[key]
        if "://" in key:
            return cls.custom(value)
        raise ConfigurationError(
            tr("Unknown KSeF environment {value!r}; use test, demo, prod or a URL.").format(
                value=value
            ),
            code="ksef-environment",
            details={"value": value},
        )


TEST = KsefEnvironment("test", _Hosts.TEST.value, _QrHosts.TEST.value)
DEMO = KsefEnvironment("demo", _Hosts.DEMO.value, _QrHosts.DEMO.value)
PROD = KsefEnvironment("prod", _Hosts.PROD.value, _QrHosts.PROD.value)

_BY_NAME: dict[str, KsefEnvironment] = {
    "test": TEST,
    "demo": DEMO,
    "prod": PROD,
    "production": PROD,
}
