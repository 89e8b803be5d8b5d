-- Integral floats are accepted where integers are expected.
print(string.char(65.0, 66), ("x"):rep(3.0), string.sub("hello", 2.0, 3.0))  -- expect: AB	xxx	el
print(pcall(string.char, 65.5))  -- expect: false	bad argument #1 to 'string.char' (number has no integer representation)
