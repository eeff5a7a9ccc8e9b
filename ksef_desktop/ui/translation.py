"""Loads the interface language into Qt and points the core's ``tr()`` at the same catalog."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ksef_desktop.support import i18n
from ksef_desktop.support.language import Language, catalog

log = logging.getLogger(__name__)


def _core_translate(text: str) -> str:
    return QCoreApplication.translate(i18n.CORE_CONTEXT, text)


class CatalogTranslator(QTranslator):
    """Our catalog, where a text missing from its context is looked up in the core context.

    Module-level helpers such as ``_tr(text)`` that call ``QCoreApplication.translate``
    with their own context are extracted by lupdate (``-tr-function-alias tr+=_tr``)
    into the core context, like a bare ``tr()``; the fallback finds them there.
    """

    def translate(
        self,
        context: str,
        sourceText: str,  # noqa: N803 - the name Qt's signature uses
        /,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        found = super().translate(context, sourceText, disambiguation, n)
        if not found and context != i18n.CORE_CONTEXT:
            found = super().translate(i18n.CORE_CONTEXT, sourceText, disambiguation, n)
        # None, not "": an empty string would count as a translation and blank the text.
        return found or None


def install_language(
    app: QCoreApplication, language: Language, cache_dir: Path
) -> list[QTranslator]:
    """Install our catalog and Qt's own (standard buttons, dialogs) for ``language``.

    Returns the translators, which must stay referenced while the application runs.
    The core hook is installed for every language so that a string shown twice
    (see ``support.i18n``) goes through one path.
    """
    QLocale.setDefault(QLocale(language.value))
    translators: list[QTranslator] = []
    ours = catalog(language, cache_dir)
    if ours is not None:
        catalog_translator = CatalogTranslator(app)
        if catalog_translator.load(str(ours)):
            translators.append(catalog_translator)
        else:
            log.warning("cannot load the %s catalog %s", language.value, ours)
    if language is not Language.EN:
        qt_own = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(QLocale(language.value), "qtbase", "_", folder):
            translators.append(qt_own)
    for translator in translators:
        app.installTranslator(translator)
    i18n.install(_core_translate)
    log.info("interface language: %s (%d catalogs)", language.value, len(translators))
    return translators


def remove_language(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Undo :func:`install_language` (tests, and the end of ``app.main``)."""
    for translator in translators:
        app.removeTranslator(translator)
    i18n.install(None)


def system_locale_name() -> str:
    """The user's display language (``pl-PL``); on Windows it may differ from the number format."""
    languages = QLocale.system().uiLanguages()
    return languages[0] if languages else QLocale.system().name()
