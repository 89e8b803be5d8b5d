-- The generic for passes state and control to the iterator.
local function it(state, ctrl)
  io.write("[", state, ",", tostring(ctrl), "]")
  if ctrl < 3 then return ctrl + 1 end
end
for v in it, "S", 0 do io.write(" ", v, " ") end  -- expect: [S,0] 1 [S,1] 2 [S,2] 3 [S,3]
print()
