-- An uncaught error without position.
error("plain message", 0)
-- expect error: plain message
