"""Marks user-visible strings in the Qt-free core for translation."""


def tr(text: str) -> str:
    """Return ``text`` unchanged; the marker lets the extractor find it.

    The Qt layer translates at display time; the core keeps the English source
    so that logs and error codes stay stable whatever the user's language.
    """
    return text
