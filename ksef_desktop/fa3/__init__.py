"""FA(3) XML: build, parse, validate and describe documents against the official schema."""
