-- An uncaught number error.
error(42)
-- expect error: 42
