"""The FA(3) structure viewer: element tree, raw XML, details, problems and search."""
