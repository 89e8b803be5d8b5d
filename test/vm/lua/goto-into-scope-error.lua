-- goto cannot jump into the scope of a local.
print(load("goto f; local x; ::f:: print(x)"))  -- expect: nil	[string "goto f; local x; ::f:: print(x)"]:1: <goto f> at line 1 jumps into the scope of local 'x'
print(load("do goto l end; local a; ::l:: a = 1"))  -- expect: nil	[string "do goto l end; local a; ::l:: a = 1"]:1: <goto l> at line 1 jumps into the scope of local 'a'
print(load("goto l; local a; ::l::") ~= nil)  -- expect: true
