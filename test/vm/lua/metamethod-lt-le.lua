-- __lt and __le define ordering.
local mt = {}
mt.__lt = function(a, b) return a.v < b.v end
mt.__le = function(a, b) return a.v <= b.v end
local function V(v) return setmetatable({v = v}, mt) end
print(V(1) < V(2), V(2) < V(1), V(1) <= V(1), V(2) <= V(1))  -- expect: true	false	true	false
print(V(1) > V(2), V(2) >= V(2), V(3) > V(2))  -- expect: false	true	true
