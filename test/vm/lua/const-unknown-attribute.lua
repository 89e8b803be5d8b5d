-- Only const and close are attributes.
print(load("local x <mutable> = 1"))  -- expect: nil	[string "local x <mutable> = 1"]:1: unknown attribute 'mutable'
print(load("local x <close>, y <close> = 1, 2"))  -- expect: nil	[string "local x <close>, y <close> = 1, 2"]:1: multiple to-be-closed variables in local list
