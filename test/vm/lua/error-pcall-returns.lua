-- pcall returns true and all results on success.
print(pcall(function() return 1, nil, 3 end))  -- expect: true	1	nil	3
print(select("#", pcall(function() end)))  -- expect: 1
print(pcall(pcall, error, "e"))  -- expect: true	false	e
print(pcall(pcall))  -- expect: false	bad argument #1 to 'pcall' (value expected)
