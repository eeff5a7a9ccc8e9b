"""The desktop's only PySide6 code: windows and widgets over the service layer."""
