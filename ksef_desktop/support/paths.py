"""Where the application keeps its configuration, data, cache and logs."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "ksef-desktop"
_OVERRIDE_ENV = "KSEF_DESKTOP_HOME"


@dataclass(frozen=True)
class AppDirs:
    """The four per-user directories; created on demand, private to the user."""

    config: Path
    data: Path
    cache: Path
    logs: Path

    @classmethod
    def under(cls, root: Path) -> AppDirs:
        """All directories below one root (tests, the demo, a portable install)."""
        return cls(root / "config", root / "data", root / "cache", root / "logs")

    @classmethod
    def default(cls) -> AppDirs:
        """The platform's standard locations, or ``$KSEF_DESKTOP_HOME`` when set."""
        override = os.environ.get(_OVERRIDE_ENV)
        if override:
            return cls.under(Path(override))
        return cls(
            Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
        )

    def ensure(self) -> AppDirs:
        """Create the directories with owner-only permissions and return self."""
        for path in (self.config, self.data, self.cache, self.logs):
            path.mkdir(parents=True, exist_ok=True, mode=0o700)
        return self


def resource_root() -> Path:
    """The package directory, from source or from a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "ksef_desktop"
    return Path(__file__).resolve().parent.parent
