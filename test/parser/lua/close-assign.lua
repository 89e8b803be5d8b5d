-- expect error: close-assign.lua:3: attempt to assign to const variable 'handle'
local handle <close> = nil
handle = io.open("x")
