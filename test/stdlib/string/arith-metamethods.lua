-- the string metamethods: direct calls and delegation to the other operand's metamethod
local mt = getmetatable("")
for _, e in ipairs({"__add", "__sub", "__mul", "__div", "__mod", "__pow", "__unm", "__idiv"}) do
  print(e, type(mt[e]))
end  -- expect: __add	function -- expect: __sub	function -- expect: __mul	function -- expect: __div	function -- expect: __mod	function -- expect: __pow	function -- expect: __unm	function -- expect: __idiv	function
print(mt.__band, mt.__bor, mt.__bxor, mt.__shl, mt.__shr, mt.__bnot, mt.__concat, mt.__len)  -- expect: nil	nil	nil	nil	nil	nil	nil	nil
print(mt.__add("2", "3"), mt.__unm("4"), mt.__unm("2", 5), mt.__add("2"))  -- expect: 5	-4	-5	4
print(pcall(mt.__add, "a"))  -- expect: false	attempt to add a 'string' with a 'nil'
print(pcall(mt.__add))  -- expect: false	attempt to add a 'nil' with a 'nil'
print(pcall(mt.__unm, "x"))  -- expect: false	attempt to unm a 'string' with a 'nil'
local V = setmetatable({}, {__add = function(a, b) return "V.__add" end,
                            __sub = function(a, b) return type(a) .. "-" .. type(b) end})
print("abc" + V, V + "abc", "abc" - V, "1" - V)  -- expect: V.__add	V.__add	string-table	string-table
print(mt.__add("a", V), pcall(mt.__add, V, "a"))  -- expect: V.__add	false	attempt to add a 'table' with a 'string'
print(pcall(mt.__mul, "a", V))  -- expect: false	attempt to mul a 'string' with a 'table'
