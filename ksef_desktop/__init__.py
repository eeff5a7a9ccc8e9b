"""ksef-desktop: desktop client, web service and simulator for KSeF API 2.0 and FA(3)."""

# The single source of the version (pyproject.toml reads it); a literal keeps
# start-up free of an importlib.metadata scan of the installed distributions.
__version__ = "0.1.0"
