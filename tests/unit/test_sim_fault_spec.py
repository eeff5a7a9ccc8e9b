"""The fault SPEC grammar and the injector's counting, rates and seeding."""

from __future__ import annotations

import pytest

from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.simulator.faults import FaultInjector, endpoint_name, parse_spec


def test_parse_full_rule() -> None:
    rules, seed = parse_spec("send_invoice:429@count=2;retry_after=5;after=1, seed=9")
    assert seed == 9
    (rule,) = rules
    assert (rule.endpoint, rule.kind, rule.count, rule.after, rule.retry_after) == (
        "send_invoice",
        "429",
        2,
        1,
        5,
    )


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("nowhere:500", "endpoint"),
        ("send_invoice:418", "kind"),
        ("send_invoice:500@count=x", "bad value"),
        ("send_invoice:500@rate=2", "bad value"),
        ("send_invoice:500@colour=red", "unknown option"),
        ("send_invoice", "endpoint"),
        ("seed=abc", "seed"),
    ],
)
def test_bad_specs_are_refused_with_a_reason(spec: str, message: str) -> None:
    with pytest.raises(InvalidValueError, match=message):
        parse_spec(spec)


def test_count_and_after() -> None:
    injector = FaultInjector("send_invoice:500@count=2;after=1")
    fired = [injector.pick("send_invoice") is not None for _ in range(5)]
    assert fired == [False, True, True, False, False]
    assert injector.pick("open_online") is None


def test_wildcard_matches_every_endpoint_but_not_unknown_paths() -> None:
    injector = FaultInjector("*:503@count=3")
    assert injector.pick("challenge") is not None
    assert injector.pick("download") is not None
    assert injector.pick(None) is None


def test_rate_is_reproducible_with_a_seed() -> None:
    def pattern() -> list[bool]:
        injector = FaultInjector("*:429@rate=0.5,seed=42")
        return [injector.pick("send_invoice") is not None for _ in range(40)]

    first = pattern()
    assert first == pattern()
    assert 5 < sum(first) < 35


def test_runtime_add_and_clear() -> None:
    injector = FaultInjector()
    assert injector.pick("redeem") is None
    injector.add("redeem:lost")
    rule = injector.pick("redeem")
    assert rule is not None
    assert rule.kind == "lost"
    assert injector.log == [("redeem", "lost")]
    injector.add("redeem:lost")
    injector.clear()
    assert injector.pick("redeem") is None


@pytest.mark.parametrize(
    ("method", "path", "name"),
    [
        ("GET", "/security/public-key-certificates", "public_keys"),
        ("POST", "/auth/challenge", "challenge"),
        ("GET", "/auth/20261102-AU-0123456789-0123456789-00", "auth_status"),
        ("POST", "/sessions/online/X/invoices", "send_invoice"),
        ("GET", "/sessions/X/invoices", "session_invoices"),
        ("GET", "/sessions/X/invoices/failed", "session_invoices"),
        ("GET", "/sessions/X/invoices/Y", "invoice_status"),
        ("GET", "/sessions/X/invoices/Y/upo", "invoice_upo"),
        ("GET", "/sessions/X/invoices/ksef/N/upo", "invoice_upo"),
        ("GET", "/sessions/X/upo/U", "session_upo"),
        ("GET", "/sessions/X", "session_status"),
        ("PUT", "/storage/batch/X/1", "upload_part"),
        ("POST", "/invoices/query/metadata", "query_metadata"),
        ("DELETE", "/sessions/X", None),
    ],
)
def test_endpoint_names(method: str, path: str, name: str | None) -> None:
    assert endpoint_name(method, path) == name
