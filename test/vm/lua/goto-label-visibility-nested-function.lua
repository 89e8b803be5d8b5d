-- Labels are not visible inside nested functions.
print(load("::l:: local function f() goto l end"))  -- expect: nil	[string "::l:: local function f() goto l end"]:1: no visible label 'l' for <goto> at line 1
