"""Lossless JSON for a domain Document: how the register stores drafts and locked content alike.

Why JSON and not the FA(3) XML: a draft is by nature incomplete (no number, a
line without a VAT rate), and ``fa3.build`` refuses exactly such documents; the
XML also drops what FA(3) cannot express. The codec walks the frozen domain
dataclasses by their type hints, so a field added to the model is stored
without touching this file, and decoding re-runs every ``__post_init__`` check.
Decimals travel as strings (``"1.50"`` stays ``"1.50"``), dates as ISO text,
enums by value.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import types
import typing
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from ksef_desktop.domain.document import Document
from ksef_desktop.domain.errors import InvalidValueError, KsefDesktopError
from ksef_desktop.support.i18n import tr

#: Bumped when a stored shape changes incompatibly; decode refuses what it does not know.
CODEC_VERSION = 1


class StoredContentError(KsefDesktopError):
    """A stored document's content cannot be read back (damaged or from a newer program)."""

    code = "store-content"


def _encode(value: Any) -> Any:  # noqa: PLR0911 - one return per kind of value
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):  # datetime first: it is a date too
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return [[_encode(k), _encode(v)] for k, v in value.items()]
    if isinstance(value, tuple | list):
        return [_encode(item) for item in value]
    raise TypeError(f"cannot encode {type(value).__name__}")


def encode(document: Document) -> str:
    """Compact, deterministic JSON of ``document``."""
    payload = {"codec": CODEC_VERSION, "document": _encode(document)}
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _decode(hint: Any, data: Any, path: str) -> Any:  # noqa: PLR0911, PLR0912 - one branch per kind
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(hint)
        if data is None and type(None) in options:
            return None
        real = [o for o in options if o is not type(None)]
        if len(real) != 1:
            raise TypeError(f"{path}: ambiguous union {hint}")
        return _decode(real[0], data, path)
    if hint is Any:
        return data
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], item, f"{path}[{i}]") for i, item in enumerate(data))
        if len(args) != len(data):
            raise ValueError(f"{path}: expected {len(args)} items")
        pairs = enumerate(zip(args, data, strict=True))
        return tuple(_decode(a, item, f"{path}[{i}]") for i, (a, item) in pairs)
    if origin in (Mapping, dict, typing.Mapping):
        key_hint, value_hint = typing.get_args(hint)
        return {
            _decode(key_hint, k, path): _decode(value_hint, v, f"{path}[{k}]") for k, v in data
        }
    if isinstance(hint, type):
        if dataclasses.is_dataclass(hint):
            return _decode_dataclass(hint, data, path)
        if issubclass(hint, enum.Enum):
            return hint(data)
        if hint is Decimal:
            if not isinstance(data, str):
                raise ValueError(f"{path}: a decimal is stored as text")
            return Decimal(data)
        if hint is datetime:
            return datetime.fromisoformat(data)
        if hint is date:
            return date.fromisoformat(data)
        if hint in (str, int, bool):
            if not isinstance(data, hint) or (hint is int and isinstance(data, bool)):
                raise ValueError(f"{path}: expected {hint.__name__}")
            return data
    raise TypeError(f"{path}: no decoder for {hint}")


def _decode_dataclass(cls: type, data: Any, path: str) -> Any:
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected an object")
    hints = _hints(cls)
    known = {f.name for f in dataclasses.fields(cls)}
    unknown = set(data) - known
    if unknown:
        raise ValueError(f"{path}: unknown fields {sorted(unknown)}")
    kwargs = {
        name: _decode(hints[name], value, f"{path}.{name}" if path else name)
        for name, value in data.items()
    }
    return cls(**kwargs)


def decode(text: str) -> Document:
    """The document ``text`` holds; raises :class:`StoredContentError` when it cannot."""
    try:
        payload = json.loads(text)
        if payload.get("codec") != CODEC_VERSION:
            raise ValueError(f"codec version {payload.get('codec')!r}")
        document = _decode(Document, payload["document"], "")
    except InvalidValueError as exc:
        raise StoredContentError(
            tr("A stored document breaks a rule of the document model: {reason}").format(
                reason=exc.message
            ),
            details={"field": exc.field},
        ) from exc
    except (ValueError, TypeError, KeyError, AttributeError, InvalidOperation) as exc:
        raise StoredContentError(
            tr("A stored document cannot be read back ({reason}).").format(reason=exc)
        ) from exc
    if not isinstance(document, Document):
        raise StoredContentError(tr("A stored document cannot be read back."))
    return document
