-- A method whose value is a callable table.
local callable = setmetatable({}, {__call = function(self, obj, x) return obj.name .. x end})
local obj = {name = "o", m = callable}
print(obj:m("!"))  -- expect: o!
