"""The desktop's Qt-free service layer: synchronous, typed, cancellable operations the UI runs."""
