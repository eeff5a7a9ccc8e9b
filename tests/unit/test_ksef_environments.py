"""KSeF environments: official hosts, QR hosts, custom base URLs and bad settings."""

from __future__ import annotations

import pytest

from ksef_desktop.domain.errors import ConfigurationError
from ksef_desktop.ksef import DEMO, PROD, TEST, KsefEnvironment


@pytest.mark.parametrize(
    ("setting", "api", "qr"),
    [
        ("test", "https://api-test.ksef.mf.gov.pl/v2", "https://qr-test.ksef.mf.gov.pl"),
        ("demo", "https://api-demo.ksef.mf.gov.pl/v2", "https://qr-demo.ksef.mf.gov.pl"),
        ("prod", "https://api.ksef.mf.gov.pl/v2", "https://qr.ksef.mf.gov.pl"),
        ("Production", "https://api.ksef.mf.gov.pl/v2", "https://qr.ksef.mf.gov.pl"),
    ],
)
def test_official_environments_use_the_ministry_hosts(setting: str, api: str, qr: str) -> None:
    env = KsefEnvironment.parse(setting)
    assert env.api_url == api
    assert env.qr_base == qr
    assert env.official


def test_named_constants_are_the_parsed_ones() -> None:
    assert tuple(KsefEnvironment.parse(n) for n in ("test", "demo", "prod")) == (TEST, DEMO, PROD)


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8123", "http://127.0.0.1:8123/", "http://127.0.0.1:8123/v2"]
)
def test_custom_base_url_with_or_without_version_segment(url: str) -> None:
    env = KsefEnvironment.parse(url)
    assert env.api_url == "http://127.0.0.1:8123/v2"
    assert not env.official
    assert env.qr_base == "https://qr-test.ksef.mf.gov.pl"


def test_custom_environment_may_name_its_qr_host() -> None:
    env = KsefEnvironment.custom("http://localhost:9000", qr_base="http://localhost:9001/")
    assert env.qr_base == "http://localhost:9001"
    assert env.client_options().resolve_qr_base_url() == "http://localhost:9001"


@pytest.mark.parametrize("value", ["staging", "", "ftp://example.org", "http://"])
def test_unknown_environment_is_a_configuration_error(value: str) -> None:
    with pytest.raises(ConfigurationError) as caught:
        KsefEnvironment.parse(value)
    assert caught.value.code == "ksef-environment"


def test_tls_is_verified_except_for_plain_http() -> None:
    assert TEST.client_options().verify_ssl
    assert KsefEnvironment.custom("https://ksef.example.org").client_options().verify_ssl
    assert not KsefEnvironment.custom("http://127.0.0.1:8123").client_options().verify_ssl
