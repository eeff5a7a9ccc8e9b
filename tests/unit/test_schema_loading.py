"""The official XSDs: loaded offline from ksef-client, checksum-verified, hardened input."""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path

import pytest
from lxml import etree

from ksef_desktop.domain.errors import SchemaIntegrityError, XmlInputError
from ksef_desktop.fa3 import catalog, schema
from ksef_desktop.fa3.xmlsafe import parse_xml
from tests.helpers.factories import MINISTRY_EXAMPLES

REPO = Path(__file__).resolve().parents[2]


def test_published_catalog_matches_the_code() -> None:
    published = (REPO / "schemas" / "official-schemas.json").read_text(encoding="utf-8")
    assert published == catalog.as_json()
    assert json.loads(published)["schemas"][0]["entry"] == "schemat_FA(3)_v1-0E.xsd"


def test_schema_compiles_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the schema loader tried to use the network")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    schema.forget_compiled()
    compiled = schema.lxml_schema()
    assert MINISTRY_EXAMPLES
    for path in MINISTRY_EXAMPLES:
        assert compiled.validate(etree.ElementTree(parse_xml(path.read_bytes()))), path.name


def test_a_tampered_schema_file_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = schema.schema_dir()
    for entry in catalog.FA3.files:
        data = (real / entry.name).read_bytes()
        if entry.name == "KodyKrajow_v10-0E.xsd":
            data = data.replace(b'<xsd:enumeration value="PL">', b'<xsd:enumeration value="XX">')
        (tmp_path / entry.name).write_bytes(data)
    monkeypatch.setattr(schema, "schema_dir", lambda schema_set=catalog.FA3: tmp_path)
    schema.verified_files.cache_clear()
    try:
        with pytest.raises(SchemaIntegrityError, match="differs from the catalogued") as info:
            schema.verified_files()
        assert "KodyKrajow" in info.value.message
    finally:
        schema.verified_files.cache_clear()


def test_a_missing_schema_file_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(schema, "schema_dir", lambda schema_set=catalog.FA3: tmp_path)
    schema.verified_files.cache_clear()
    try:
        with pytest.raises(SchemaIntegrityError, match="cannot be read"):
            schema.verified_files()
    finally:
        schema.verified_files.cache_clear()


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<Faktura>&lol9;</Faktura>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE Faktura [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<Faktura>&xxe;</Faktura>"""


@pytest.mark.parametrize("payload", [BILLION_LAUGHS, XXE], ids=["entity-bomb", "xxe"])
def test_hostile_xml_is_refused_quickly(payload: bytes) -> None:
    started = time.perf_counter()
    with pytest.raises(XmlInputError) as info:
        parse_xml(payload)
    assert info.value.code == "xml-doctype"
    assert "root" not in str(info.value)  # nothing of /etc/passwd leaks
    assert time.perf_counter() - started < 5  # generous: a bomb would never return


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        (b"", "xml-empty"),
        (b"<Faktura><Fa></Faktura>", "xml-malformed"),
        (b"not xml at all", "xml-malformed"),
        (b"<a>" + b"x" * 10_000_001 + b"</a>", "xml-too-large"),
    ],
)
def test_malformed_xml_names_the_problem(payload: bytes, code: str) -> None:
    with pytest.raises(XmlInputError) as info:
        parse_xml(payload)
    assert info.value.code == code
    if code == "xml-malformed":
        assert "line" in info.value.message


def test_threads_validate_concurrently_without_mixing_errors() -> None:
    import threading

    good = MINISTRY_EXAMPLES[0].read_bytes()
    bad = good.replace(b"<P_2>", b"<P_2X>").replace(b"</P_2>", b"</P_2X>")
    results: list[tuple[bool, bool]] = []

    def work() -> None:
        for _ in range(20):
            compiled = schema.lxml_schema()
            ok = compiled.validate(etree.ElementTree(parse_xml(good)))
            not_ok = compiled.validate(etree.ElementTree(parse_xml(bad)))
            results.append((ok, not_ok))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [(True, False)] * 80


def test_a_damaged_cached_copy_is_written_again(tmp_path: Path) -> None:
    schema._local_copy.cache_clear()
    folder = schema._local_copy(catalog.FA3)
    assert folder.is_relative_to(tmp_path)  # the cache follows KSEF_DESKTOP_HOME
    (folder / "KodyKrajow_v10-0E.xsd").write_bytes(b"<damaged/>")
    schema._local_copy.cache_clear()
    schema.forget_compiled()
    good = MINISTRY_EXAMPLES[0].read_bytes()
    assert schema.lxml_schema().validate(etree.ElementTree(parse_xml(good)))
    assert (folder / "KodyKrajow_v10-0E.xsd").read_bytes() != b"<damaged/>"
    schema._local_copy.cache_clear()
    schema.forget_compiled()
