-- lua.c prints an uncaught error message with "%s": it stops at the first embedded zero.
-- (expectation written by hand from lua5.4's stderr: "lua5.4: a")
error("a\0b", 0)
-- expect error: a
