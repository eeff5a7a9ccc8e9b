"""Widgets and helpers every window shares: the task runner, error display, message boxes."""
