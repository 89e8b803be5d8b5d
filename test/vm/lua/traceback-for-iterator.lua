-- A traceback taken inside a generic-for iterator.
local function iter(s, i)
  if i == 0 then print(debug.traceback("iter")) return 1 end
end
for _ in iter, nil, 0 do end

-- expect: iter
-- expect: stack traceback:
-- expect: 	traceback-for-iterator.lua:3: in for iterator 'for iterator'
-- expect: 	traceback-for-iterator.lua:5: in main chunk
-- expect: 	[C]: in ?
