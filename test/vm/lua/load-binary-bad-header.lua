-- A corrupted binary chunk is rejected.
local d = string.dump(function() return 1 end)
local bad = d:sub(1, 4) .. "\0" .. d:sub(6)
print(load(bad, "=bad", "b"))  -- expect: nil	bad: bad binary format (version mismatch)
print(load(d:sub(1, 10), "=trunc", "b"))  -- expect: nil	trunc: bad binary format (truncated chunk)
