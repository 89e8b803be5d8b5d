-- tostring then tonumber gives back the number (up to %.14g).
for _, v in ipairs({1, -1, 0.5, 1e100, 2^53, math.maxinteger, math.mininteger, 1/3}) do
  io.write(tostring(tonumber(tostring(v)) == v), " ")
end  -- expect: true true true true false true true false 
print()
