-- and/or return operands and short-circuit.
print(nil and 1, false and 1, 0 and 1, "" and "x", nil or "d", false or nil, 1 or error("never"))  -- expect: nil	false	1	x	d	nil	1
local n = 0
local function bump() n = n + 1 return true end
local _ = false and bump()
local _ = true or bump()
print(n)  -- expect: 0
print(1 and nil or "fallback", (nil or false) == false)  -- expect: fallback	true
