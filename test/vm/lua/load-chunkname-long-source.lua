-- Long sources are abbreviated in chunk names.
print(pcall(load("local x = 1\nerror('multi-line')")))  -- expect: false	[string "local x = 1..."]:2: multi-line
print(pcall(load("error('one line that is quite long to see how the source gets abbreviated in chunknames')")))  -- expect: false	[string "error('one line that is quite long to see how..."]:1: one line that is quite long to see how the source gets abbreviated in chunknames
print(pcall(load(string.rep("x", 100) .. " = nil; error('e')")))  -- expect: false	[string "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..."]:1: e
