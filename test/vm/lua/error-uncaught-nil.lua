-- An uncaught nil error.
-- (expectation written by hand from lua5.4: gen-expectations.mjs records tostring(err))
error()
-- expect error: (error object is a nil value)
