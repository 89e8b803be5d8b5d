-- tostring of nil, booleans and numbers.
print(tostring(nil), tostring(true), tostring(false), tostring(-0.0), tostring(10 // 3))  -- expect: nil	true	false	-0.0	3
print(pcall(tostring))  -- expect: false	bad argument #1 to 'tostring' (value expected)
