-- coroutine.wrap returns a function that resumes.
local gen = coroutine.wrap(function(n)
  for i = 1, n do coroutine.yield(i) end
  return "done"
end)
print(gen(3), gen(), gen(), gen())
print(pcall(gen))

-- expect: 1	2	3	done
-- expect: false	cannot resume dead coroutine
