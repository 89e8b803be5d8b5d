-- A continue label before "until" may not skip a local the condition uses.
print(load("repeat local x = 1 goto cont; ::cont:: until x") ~= nil)  -- expect: true
print(load("repeat goto cont; local x = 1 ::cont:: until x"))  -- expect: nil	[string "repeat goto cont; local x = 1 ::cont:: until ..."]:1: <goto cont> at line 1 jumps into the scope of local 'x'
print(load("repeat goto cont; local x ::cont:: until true") ~= nil)  -- expect: false
