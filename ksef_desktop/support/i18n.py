"""Marks user-visible strings in the Qt-free core and translates them through an installable hook.

How the core's strings reach the user in Polish
-----------------------------------------------
* The core wraps English source text in :func:`tr` and formats *after* translating
  (``tr("Print from 1 to {n} copies.").format(n=9)``), so a translation keeps the
  ``{n}`` placeholders and moves them where Polish grammar wants them.
* ``pyside6-lupdate`` (``tools/update_translations.py``) extracts a bare ``tr("...")``
  call into the context :data:`CORE_CONTEXT` (the empty context), and ``self.tr``
  calls into their class's context, all into the one ``.ts`` file per language.
* The core never imports Qt. Until a hook is installed :func:`tr` returns the
  source unchanged: the servers (ksef-ws, ksef-sim), the command line and the unit
  tests speak English, and logs and error codes stay stable. The desktop (``app.py``)
  installs ``QCoreApplication.translate(CORE_CONTEXT, text)`` before it builds any
  window, so every call made while the program runs comes out in the chosen language.
* Module-level constants (label tables, dataclass metadata) are evaluated at import,
  which may be before the hook exists. They keep the English source; code that shows
  them passes them through :func:`tr` again at display time. Translating twice is
  harmless: a translated text is not a source text, so the lookup returns it unchanged.
* The language is chosen once, at start-up (``support.language``); changing it takes
  effect at the next start, as in most desktop accounting programs.
"""

from __future__ import annotations

from collections.abc import Callable

#: The translation context of every core string: what lupdate gives a bare ``tr()`` call.
CORE_CONTEXT = ""

Hook = Callable[[str], str]

_hook: Hook | None = None


def tr(text: str) -> str:
    """Return ``text`` in the interface language (the English source until a hook is set)."""
    hook = _hook
    return text if hook is None else hook(text)


def install(hook: Hook | None) -> Hook | None:
    """Make :func:`tr` translate with ``hook`` (``None`` restores English); returns the old one."""
    global _hook  # noqa: PLW0603 - the one process-wide language, set by the composition root
    previous = _hook
    _hook = hook
    return previous
