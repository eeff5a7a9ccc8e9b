"""The PyInstaller entry point: the same ``ksef-desktop`` command as the installed script."""

import sys

from ksef_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
