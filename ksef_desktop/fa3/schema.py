"""Loads the official FA(3) XSD from ksef-client's bundled copy, offline and checksummed."""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import logging
import os
import re
import shutil
import tempfile
import threading
from pathlib import Path, PurePosixPath

from lxml import etree

from ksef_desktop.domain.errors import SchemaIntegrityError
from ksef_desktop.fa3.catalog import FA3, SchemaSet
from ksef_desktop.support.i18n import tr
from ksef_desktop.support.paths import AppDirs

log = logging.getLogger(__name__)


def schema_dir(schema_set: SchemaSet = FA3) -> Path:
    """The directory that holds the installed package's copy of ``schema_set``."""
    top = schema_set.package_dir.split("/", 1)[0]
    spec = importlib.util.find_spec(top)
    if spec is None or not spec.submodule_search_locations:
        raise SchemaIntegrityError(
            tr("The package {package} with the official schemas is not installed.").format(
                package=schema_set.package
            ),
            details={"package": schema_set.package},
        )
    base = Path(next(iter(spec.submodule_search_locations)))
    return base.joinpath(*PurePosixPath(schema_set.package_dir).parts[1:])


@functools.cache
def verified_files(schema_set: SchemaSet = FA3) -> dict[str, bytes]:
    """Every file of the set, read once and checked against the catalogued sha256."""
    folder = schema_dir(schema_set)
    contents: dict[str, bytes] = {}
    for entry in schema_set.files:
        path = folder / entry.name
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise SchemaIntegrityError(
                tr("The official schema file {path} cannot be read: {reason}").format(
                    path=path, reason=exc.strerror
                ),
                details={"path": str(path)},
            ) from exc
        digest = hashlib.sha256(data).hexdigest()
        if digest != entry.sha256:
            raise SchemaIntegrityError(
                tr(
                    "The official schema file {path} differs from the catalogued version "
                    "(sha256 {found}, expected {expected}). Install {package}."
                ).format(
                    path=path, found=digest, expected=entry.sha256, package=schema_set.package
                ),
                details={"path": str(path), "sha256": digest, "expected": entry.sha256},
            )
        contents[entry.name] = data
    log.debug("verified %d schema files of %s in %s", len(contents), schema_set.key, folder)
    return contents


_compile_lock = threading.Lock()
_per_thread = threading.local()


def _relative_locations(files: dict[str, bytes]) -> dict[str, bytes]:
    """Each file with every schemaLocation that names a catalogued file made relative."""
    result = {}
    for name, original in files.items():
        data = original
        for other in files:
            data = re.sub(
                rb'schemaLocation="[^"]*/' + re.escape(other.encode()) + rb'"',
                b'schemaLocation="' + other.encode() + b'"',
                data,
            )
        result[name] = data
    return result


def _holds(folder: Path, files: dict[str, bytes]) -> bool:
    try:
        return all((folder / name).read_bytes() == data for name, data in files.items())
    except OSError:
        return False


@functools.cache
def _local_copy(schema_set: SchemaSet) -> Path:
    """The verified files in the cache directory, every schemaLocation made relative.

    libxml2 then finds each include beside the file that names it, with no
    network and no custom resolver (lxml's resolvers are not reliably consulted
    when a schema is compiled in a thread other than the first). The directory
    is named by the content's hash and shared by processes; one that does not
    hold exactly these bytes is replaced.
    """
    files = _relative_locations(verified_files(schema_set))
    digest = hashlib.sha256(b"".join(files[name] for name in sorted(files))).hexdigest()[:16]
    parent = AppDirs.default().cache / "schemas"
    folder = parent / f"{schema_set.key}-{digest}"
    if _holds(folder, files):
        return folder
    parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=parent))
    for name, data in files.items():
        (staging / name).write_bytes(data)
    try:
        os.replace(staging, folder)
    except OSError:  # another process got there first, or a damaged copy is in the way
        if not _holds(folder, files):
            shutil.rmtree(folder, ignore_errors=True)
            os.replace(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return folder


def _compile(schema_set: SchemaSet) -> etree.XMLSchema:
    entry = _local_copy(schema_set) / schema_set.entry
    if not entry.is_file():  # the cache was cleaned while we ran: write it again
        _local_copy.cache_clear()
        entry = _local_copy(schema_set) / schema_set.entry
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.parse(str(entry), parser=parser))


def lxml_schema(schema_set: SchemaSet = FA3) -> etree.XMLSchema:
    """The compiled lxml schema, one per thread.

    A compiled schema keeps its error log on the object, so two threads
    validating with one instance would mix their errors; and libxml2's schema
    compiler is not safe to run in two threads at once. Each thread therefore
    compiles its own copy (a few milliseconds, once), one compilation at a time.
    """
    compiled: dict[str, etree.XMLSchema] | None = getattr(_per_thread, "schemas", None)
    if compiled is None:
        compiled = _per_thread.schemas = {}
    schema = compiled.get(schema_set.key)
    if schema is None:
        with _compile_lock:
            schema = compiled[schema_set.key] = _compile(schema_set)
    return schema


def forget_compiled() -> None:
    """Drop this thread's compiled schemas (tests that swap the schema files)."""
    _per_thread.schemas = {}


def uri_map(schema_set: SchemaSet = FA3) -> dict[str, str]:
    """Absolute-URL to local-path mapping for tools that load by URL (xmlschema)."""
    folder = schema_dir(schema_set)
    verified_files(schema_set)
    mapping: dict[str, str] = {}
    base = "http://crd.gov.pl/xml/schematy/dziedzinowe/mf/2022/01/05/eD/DefinicjeTypy/"
    for entry in schema_set.files:
        local = (folder / entry.name).as_uri()
        mapping[base + entry.name] = local
        mapping[entry.name] = local
    return mapping
