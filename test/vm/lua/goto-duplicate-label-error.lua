-- A label may not repeat in the same function.
print(load("::a:: ::a::"))  -- expect: nil	[string "::a:: ::a::"]:1: label 'a' already defined on line 1
print(load("::a:: do ::a:: end"))  -- expect: nil	[string "::a:: do ::a:: end"]:1: label 'a' already defined on line 1
print(load("::a:: local function f() ::a:: end") ~= nil)  -- expect: true
