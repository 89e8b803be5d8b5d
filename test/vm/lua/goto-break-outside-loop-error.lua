-- break outside a loop is a syntax error.
print(load("break"))  -- expect: nil	[string "break"]:1: break outside loop at line 1
print(load("if x then break end"))  -- expect: nil	[string "if x then break end"]:1: break outside loop at line 1
