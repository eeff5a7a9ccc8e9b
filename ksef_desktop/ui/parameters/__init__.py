"""ERP > ADMINISTRATION > PARAMETERS > KSEF > PARAMETERS."""

from ksef_desktop.ui.parameters.window import ParametersWindow

__all__ = ["ParametersWindow"]
