"""Forward-only migrations of optional store parts, each versioned on its own beside user_version.

The main schema (``db.MIGRATIONS``, ``PRAGMA user_version``) belongs to the
document register and the parameters. A part such as the outbox keeps its own
numbered steps in ``schema_parts`` so that it can be added to the store, and
grow, without renumbering or waiting for the main sequence.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from ksef_desktop.domain.errors import ConfigurationError
from ksef_desktop.storage.db import Database
from ksef_desktop.support.i18n import tr

log = logging.getLogger(__name__)

_REGISTRY = """
CREATE TABLE IF NOT EXISTS schema_parts (
    name    TEXT PRIMARY KEY,
    version INTEGER NOT NULL
)
"""


def part_version(db: Database, name: str) -> int:
    with db.transaction() as conn:
        conn.execute(_REGISTRY)
        row = conn.execute("SELECT version FROM schema_parts WHERE name = ?", (name,)).fetchone()
    return int(row[0]) if row else 0


def migrate_part(db: Database, name: str, migrations: Sequence[str]) -> int:
    """Bring part ``name`` to ``len(migrations)``; each step lands atomically with its number."""
    current = part_version(db, name)
    if current > len(migrations):
        raise ConfigurationError(
            tr(
                "The data file {path} was written by a newer version of ksef-desktop "
                "({part} schema {found}, this program knows {known}). Update the program."
            ).format(path=db.path, part=name, found=current, known=len(migrations)),
            code="store-too-new",
        )
    for version in range(current, len(migrations)):
        with db.transaction() as conn:
            for statement in (s.strip() for s in migrations[version].split(";")):
                if statement:
                    conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_parts (name, version) VALUES (?, ?)"
                " ON CONFLICT (name) DO UPDATE SET version = excluded.version",
                (name, version + 1),
            )
        log.info("desktop store part %s migrated to %d", name, version + 1)
    return len(migrations)
