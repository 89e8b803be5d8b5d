-- Varargs expanded in calls and constructors.
local function f(...)
  local t = {...}
  local u = {..., "end"}
  return #t, #u, ...
end
print(f(1, 2, 3))  -- expect: 3	2	1	2	3
print(f())  -- expect: 0	2
print((f(1, 2)))  -- expect: 2
