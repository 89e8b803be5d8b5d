-- Functions defined in a loaded chunk share its _ENV.
local env = {}
load("counter = 0; function bump() counter = counter + 1 return counter end", "c", "t", env)()
print(env.bump(), env.bump(), env.counter)  -- expect: 1	2	2
