-- expect error: break-outside-loop.lua:8: break outside loop at line 4
local function f(x)
  if x then
    break
  end
end

f(1)
