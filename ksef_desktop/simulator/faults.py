"""Fault injection: which requests fail, how, and how often (seedable).

SPEC grammar (``--faults`` and :meth:`FaultInjector.add`)::

    SPEC  := ITEM ("," ITEM)*
    ITEM  := "seed=" INT | RULE
    RULE  := ENDPOINT ":" KIND ["@" OPT (";" OPT)*]
    OPT   := "count=" INT      -- fail this many matching requests (default 1 unless rate)
           | "rate=" FLOAT     -- fail each matching request with this probability (0..1)
           | "after=" INT      -- let this many matching requests through first
           | "retry_after=" INT  -- seconds in the Retry-After header of a 429 (default 1)
           | "hold=" FLOAT     -- seconds a "timeout" holds the request (default 30)

ENDPOINT is ``*`` (every request) or one of: public_keys, challenge, ksef_token, redeem,
refresh, auth_status, open_online, send_invoice, close_online, open_batch, close_batch,
upload_part, session_status, session_invoices, invoice_status, invoice_upo, session_upo,
download, query_metadata, rate_limits.
KIND is one of:

* ``429``  -- answer 429 Too Many Requests with ``Retry-After``, nothing processed;
* ``500`` / ``503`` -- answer that status with a KSeF error body, nothing processed;
* ``timeout`` -- hold the request ``hold`` seconds, then drop the connection, nothing processed;
* ``lost`` -- process the request (the invoice is committed, the session opened…), then
  drop the connection instead of answering;
* ``lost500`` -- process the request, then answer 500 instead of the real response;
* ``expire_token`` -- mark the request's bearer token expired and answer 401;
* ``revoke_token`` -- revoke the request's authentication (its access and refresh tokens) and
  answer 401; a new authentication with the KSeF token still works;
* ``revoke_ksef_token`` -- as ``revoke_token``, and the company's KSeF token is revoked too
  (new authentications end with status 450);
* ``expire_session`` -- let the session in the path reach its ``validUntil`` before the
  request is handled (sends then fail with 21180, the session closes and is processed).

Example: ``send_invoice:lost@count=1,*:429@rate=0.2;retry_after=2,seed=7``.
"""

from __future__ import annotations

import random
import re
import threading
from dataclasses import dataclass

from ksef_desktop.domain.errors import InvalidValueError
from ksef_desktop.support.i18n import tr

#: (name, method, path pattern below /v2) -- the endpoints a rule can name.
ENDPOINTS: tuple[tuple[str, str, str], ...] = (
    ("public_keys", "GET", r"/security/public-key-certificates"),
    ("challenge", "POST", r"/auth/challenge"),
    ("ksef_token", "POST", r"/auth/ksef-token"),
    ("redeem", "POST", r"/auth/token/redeem"),
    ("refresh", "POST", r"/auth/token/refresh"),
    ("auth_status", "GET", r"/auth/[^/]+"),
    ("open_online", "POST", r"/sessions/online"),
    ("send_invoice", "POST", r"/sessions/online/[^/]+/invoices"),
    ("close_online", "POST", r"/sessions/online/[^/]+/close"),
    ("open_batch", "POST", r"/sessions/batch"),
    ("close_batch", "POST", r"/sessions/batch/[^/]+/close"),
    ("upload_part", "PUT", r"/storage/batch/.*"),
    ("session_status", "GET", r"/sessions/[^/]+"),
    ("session_invoices", "GET", r"/sessions/[^/]+/invoices(/failed)?"),
    ("invoice_upo", "GET", r"/sessions/[^/]+/invoices/(ksef/)?[^/]+/upo"),
    ("invoice_status", "GET", r"/sessions/[^/]+/invoices/[^/]+"),
    ("session_upo", "GET", r"/sessions/[^/]+/upo/[^/]+"),
    ("download", "GET", r"/invoices/ksef/[^/]+"),
    ("query_metadata", "POST", r"/invoices/query/metadata"),
    ("rate_limits", "GET", r"/rate-limits"),
)
ENDPOINT_NAMES = frozenset(name for name, _, _ in ENDPOINTS)
KINDS = frozenset(
    [
        "429",
        "500",
        "503",
        "timeout",
        "lost",
        "lost500",
        "expire_token",
        "revoke_token",
        "revoke_ksef_token",
        "expire_session",
    ]
)
_COMPILED = tuple(
    (name, method, re.compile(pattern + r"/?")) for name, method, pattern in ENDPOINTS
)


def endpoint_name(method: str, path: str) -> str | None:
    """The endpoint name of a request path (API paths without the ``/v2`` prefix)."""
    for name, verb, pattern in _COMPILED:
        if verb == method and pattern.fullmatch(path):
            return name
    return None


@dataclass
class FaultRule:
    """One rule of a SPEC; ``remaining`` counts down for count-based rules."""

    endpoint: str
    kind: str
    count: int | None = 1
    rate: float | None = None
    after: int = 0
    retry_after: int = 1
    hold: float = 30.0
    seen: int = 0
    fired: int = 0


def _bad(item: str, reason: str) -> InvalidValueError:
    return InvalidValueError(
        tr("Bad fault rule {item!r}: {reason}").format(item=item, reason=reason),
        field="faults",
        code="sim-fault-spec",
    )


def _parse_rule(item: str) -> FaultRule:
    head, _, opts = item.partition("@")
    endpoint, sep, kind = head.partition(":")
    endpoint, kind = endpoint.strip(), kind.strip()
    if not sep or (endpoint != "*" and endpoint not in ENDPOINT_NAMES):
        raise _bad(
            item,
            tr("the endpoint must be * or one of {names}").format(
                names=", ".join(sorted(ENDPOINT_NAMES))
            ),
        )
    if kind not in KINDS:
        raise _bad(
            item, tr("the kind must be one of {kinds}").format(kinds=", ".join(sorted(KINDS)))
        )
    rule = FaultRule(endpoint, kind)
    for opt in filter(None, (o.strip() for o in opts.split(";"))):
        key, eq, value = opt.partition("=")
        if key not in ("count", "rate", "after", "retry_after", "hold"):
            raise _bad(item, tr("unknown option {opt!r}").format(opt=key))
        try:
            if not eq:
                raise ValueError(opt)
            if key == "count":
                rule.count = int(value)
            elif key == "rate":
                rule.rate, rule.count = float(value), None
                if not 0.0 <= rule.rate <= 1.0:
                    raise ValueError(value)
            elif key == "after":
                rule.after = int(value)
            elif key == "retry_after":
                rule.retry_after = int(value)
            else:
                rule.hold = float(value)
        except ValueError as exc:
            raise _bad(item, tr("bad value in {opt!r}").format(opt=opt)) from exc
    return rule


def parse_spec(spec: str | None) -> tuple[list[FaultRule], int | None]:
    """The rules and the seed of a SPEC string (see the module docstring)."""
    rules: list[FaultRule] = []
    seed: int | None = None
    for raw in (spec or "").split(","):
        item = raw.strip()
        if not item:
            continue
        if item.startswith("seed="):
            try:
                seed = int(item[5:])
            except ValueError as exc:
                raise _bad(item, tr("the seed must be an integer")) from exc
            continue
        rules.append(_parse_rule(item))
    return rules, seed


class FaultInjector:
    """Decides, per request, which fault (if any) applies; thread-safe and seedable."""

    def __init__(self, spec: str | None = None, seed: int | None = None) -> None:
        rules, spec_seed = parse_spec(spec)
        self._rules = rules
        # Reproducible test faults, not security: a seeded PRNG is what is wanted.
        self._random = random.Random(seed if seed is not None else spec_seed)  # noqa: S311
        self._lock = threading.Lock()
        self.log: list[tuple[str, str]] = []

    def add(self, spec: str) -> None:
        """Add the rules of ``spec`` (a ``seed=`` item reseeds the generator)."""
        rules, seed = parse_spec(spec)
        with self._lock:
            self._rules.extend(rules)
            if seed is not None:
                self._random.seed(seed)

    def clear(self) -> None:
        with self._lock:
            self._rules.clear()

    def pick(self, endpoint: str | None) -> FaultRule | None:
        """The rule that fires for this request, counting it against every matching rule."""
        if endpoint is None:
            return None
        with self._lock:
            for rule in self._rules:
                if rule.endpoint not in ("*", endpoint):
                    continue
                rule.seen += 1
                if rule.seen <= rule.after:
                    continue
                if rule.rate is not None:
                    fire = self._random.random() < rule.rate
                else:
                    fire = rule.count is not None and rule.fired < rule.count
                if fire:
                    rule.fired += 1
                    self.log.append((endpoint, rule.kind))
                    return rule
        return None
