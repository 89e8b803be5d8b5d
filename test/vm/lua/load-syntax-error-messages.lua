-- Syntax errors from load name the token and line.
print(load("x = = 1"))  -- expect: nil	[string "x = = 1"]:1: unexpected symbol near '='
print(load("local 1 = 2"))  -- expect: nil	[string "local 1 = 2"]:1: <name> expected near '1'
print(load("f(", "=c"))  -- expect: nil	c:1: unexpected symbol near <eof>
print(load("return\n\n1 +", "=c"))  -- expect: nil	c:3: unexpected symbol near <eof>
print(load("for i = 1 do end", "=c"))  -- expect: nil	c:1: ',' expected near 'do'
print(load("x = }", "=c"))  -- expect: nil	c:1: unexpected symbol near '}'
print(load("a.b:c = 1", "=c"))  -- expect: nil	c:1: function arguments expected near '='
