"""The desktop's SQLite store: a versioned schema and repositories returning typed objects."""
