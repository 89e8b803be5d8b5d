-- The numeric for does not convert strings.
print(pcall(function() for i = "1", 2 do end end))  -- expect: true
print(pcall(function() for i = 1, "2" do end end))  -- expect: true
print(pcall(function() for i = 1, 2, "1" do end end))  -- expect: true
