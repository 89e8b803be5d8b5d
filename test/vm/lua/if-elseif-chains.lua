-- if/elseif/else picks the first true branch.
local function classify(n)
  if n < 0 then return "negative"
  elseif n == 0 then return "zero"
  elseif n < 10 then return "small"
  else return "large" end
end
print(classify(-1), classify(0), classify(5), classify(50), classify(0.0), classify(-0.0))  -- expect: negative	zero	small	large	zero	zero
