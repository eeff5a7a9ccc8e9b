"""Shared test helpers: document factories and fixture paths."""
