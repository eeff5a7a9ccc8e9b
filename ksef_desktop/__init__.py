"""ksef-desktop: desktop client, web service and simulator for KSeF API 2.0 and FA(3)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("ksef-desktop")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
