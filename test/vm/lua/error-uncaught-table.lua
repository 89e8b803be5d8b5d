-- An uncaught table error without __tostring.
-- (expectation written by hand from lua5.4: gen-expectations.mjs records tostring(err))
error({code = 1})
-- expect error: (error object is a table value)
