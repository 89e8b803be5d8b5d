-- dofile raises loadfile's message as it is: no position is added.
print(pcall(function() dofile("/nonexistent/moonlet-test-file.lua") end))  -- expect: false	cannot open /nonexistent/moonlet-test-file.lua: No such file or directory
