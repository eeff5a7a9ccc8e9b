"""What `ksef-desktop --demo --screenshots` must write, shared by the source and bundle tests."""

from __future__ import annotations

PNG = b"\x89PNG\r\n\x1a\n"
#: Every window a user meets, rendered from the demo data (sorted file names).
SHOTS = [
    "awaiting.png",
    "customers.png",
    "editor.png",
    "help.png",
    "language.png",
    "main-window.png",
    "parameters.png",
    "printout.png",
    "register.png",
    "structure.png",
    "wizard-data.png",
    "wizard-print.png",
    "wizard-validation.png",
]
